# Streams against the test driver, whose screenshot API serves a PNG file
# through a stream: recv, recv_all and the other *_all helpers (with
# handlers that fail or die), finish/abort, errors and bad arguments.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is die_is wrong_class_is);
use Scalar::Util qw(blessed refaddr);

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, "testing the built copy");

my @warnings;
$SIG{__WARN__} = sub { push @warnings, $_[0] };

my $conn = Sys::Virt->new(uri => "test:///default");
my $dom = $conn->get_domain_by_name("test");

# A stream attached to the guest's screenshot.
sub shot {
    my $st = $conn->new_stream(@_);
    my $mime = $dom->screenshot($st, 0);
    return ($st, $mime);
}

# ---- recv in a loop -----------------------------------------------------------
my ($st, $mime) = shot();
is(ref($st), "Sys::Virt::Stream", "new_stream gives a Sys::Virt::Stream");
is($mime, "image/png", "screenshot returns the MIME type");

my $image = "";
my ($buf, $n, @sizes) = ("");
while (($n = $st->recv($buf, 4096)) > 0) {
    push @sizes, $n;
    is(length($buf), $n, "recv stored $n bytes") if @sizes == 1;
    $image .= $buf;
}
is($n, 0, "recv returns 0 at the end");
is($sizes[0], 4096, "a full first chunk");
ok(@sizes > 1, "several chunks");
is(length($buf), $sizes[-1], "recv left \$data alone at the end");
is(substr($image, 0, 8), "\x89PNG\r\n\x1a\n", "PNG signature (binary-safe)");
ok(!utf8::is_utf8($image), "data comes back as bytes");
like($image, qr/IEND\xaeB`\x82\z/, "ends with the PNG IEND chunk");
my $file = "/usr/share/libvirt/test-screenshot.png";
SKIP: {
    skip "$file not readable", 1 unless -r $file;
    open(my $fh, "<:raw", $file) or die "$file: $!";
    my $want = do { local $/; <$fh> };
    ok($image eq $want, "recv loop read the whole file (" . length($want) . " bytes)");
}
my @ret = $st->finish();
is(scalar(@ret), 0, "finish returns nothing");
eval { $st->recv($buf, 10) };
virt_error_is($@, Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_STREAMS, undef, "recv after finish");
like($@->message, qr/stream is not open/, "recv after finish: message");

# ---- recv_all gives the same bytes ----------------------------------------------------
($st) = shot();
my ($got, @calls) = ("");
@ret = $st->recv_all(sub {
    my ($s, $data, $nbytes) = @_;
    push @calls, [refaddr($s), ref($s), length($data), $nbytes];
    $got .= $data;
    return $nbytes;
});
is(scalar(@ret), 0, "recv_all returns nothing");
ok($got eq $image, "recv_all read the same bytes as the recv loop");
is(length($got), length($image), "same length");
ok(@calls >= 1, "handler called");
is($calls[0][0], refaddr($st), "handler gets the stream object");
is($calls[0][1], "Sys::Virt::Stream", "... blessed");
is($calls[0][2], $calls[0][3], "handler's \$nbytes is the data length");
$st->finish();

# A handler consuming part of each piece is called again with the rest.
($st) = shot();
($got, @calls) = ("");
$st->recv_all(sub {
    my ($s, $data, $nbytes) = @_;
    my $take = $nbytes > 1000 ? 1000 : $nbytes;
    push @calls, $nbytes;
    $got .= substr($data, 0, $take);
    return $take;
});
ok($got eq $image, "partial consumption still reads everything");
is($calls[1], $calls[0] - 1000, "called again with the remainder");
$st->finish();

# ---- handler failures ------------------------------------------------------------------
($st) = shot();
my $count = 0;
eval { $st->recv_all(sub { $count++; die "boom\n" }) };
is($@, "boom\n", "a die in the recv_all handler reaches the caller");
is($count, 1, "handler not called again after dying");
eval { $st->recv($buf, 10) };
virt_error_is($@, Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_STREAMS, undef,
              "the stream was aborted");

($st) = shot();
my $obj = bless { why => "custom" }, "My::Failure";
eval { $st->recv_all(sub { die $obj }) };
is(ref($@), "My::Failure", "a die with an object keeps the object");
is($@->{why}, "custom", "... intact");

($st) = shot();
eval { $st->recv_all(sub { return -1 }) };
virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_STREAMS, undef,
              "recv_all handler returning -1");
like($@->message, qr/recv handler failed/, "... message");

($st) = shot();
eval { $st->recv_all(sub { my $x = $_[0]; undef $st; return $_[2] }) };
is($@, "", "handler dropping the last reference to the stream is harmless");

($st) = shot();
eval { $st->recv_all(sub { $_[0]->DESTROY; return $_[2] }) };
is($@, "", "handler destroying the stream object is harmless");

($st) = shot();
eval { $st->recv_all("No::Such::handler") };
like($@, qr/Undefined subroutine &No::Such::handler called/, "missing named handler dies cleanly");

# ---- send_all / sparse helpers (the test driver stream is read-only) -----------------
($st) = shot();
@calls = ();
eval {
    $st->send_all(sub {
        my ($s, $data, $nbytes) = @_;
        push @calls, [refaddr($s), $data, $nbytes];
        $_[1] = "hello";
        return 5;
    });
};
is(scalar(@calls), 1, "send_all handler called once");
is($calls[0][0], refaddr($st), "send_all handler gets the stream");
is($calls[0][1], "", "send_all handler gets an empty \$data");
ok($calls[0][2] > 0, "send_all handler gets a byte count");
virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_STREAMS, undef,
              "writing to a read-only stream");
like($@->message, qr/cannot write to stream/, "... message");

($st) = shot();
@ret = $st->send_all(sub { return 0 });
is(scalar(@ret), 0, "send_all with immediate end of data succeeds, returns nothing");
$st->finish();

($st) = shot();
eval { $st->send_all(sub { die "sboom\n" }) };
is($@, "sboom\n", "a die in the send_all handler reaches the caller");

($st) = shot();
eval { $st->send_all(sub { -1 }) };
virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_STREAMS, undef,
              "send_all handler returning -1");
like($@->message, qr/send handler failed/, "... message");

($st) = shot();
eval { $st->sparse_recv_all(sub { $_[2] }, sub { 0 }) };
virt_error_is($@, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_STREAMS, undef,
              "sparse_recv_all unsupported by the driver");

($st) = shot();
my @hole_args;
eval { $st->sparse_send_all(sub { 0 }, sub { @hole_args = @_; return (1, 0) }, sub { 0 }) };
is($@, "", "sparse_send_all: data section of 0 bytes ends the transfer");
is(scalar(@hole_args), 1, "hole handler gets only the stream");
is(refaddr($hole_args[0]), refaddr($st), "... the stream object");

($st) = shot();
eval { $st->sparse_send_all(sub { $_[1] = "x"; 1 }, sub { return (1, 100) }, sub { 0 }) };
virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_STREAMS, undef,
              "sparse_send_all writes data");
like($@->message, qr/cannot write to stream/, "... and fails on the read-only stream");

($st) = shot();
eval { $st->sparse_send_all(sub { 0 }, sub { return 1 }, sub { 0 }) };
like($@, qr/^Sys::Virt::Stream::sparse_send_all: the hole handler returned 1 values, not \(in_data, length\)/,
     "hole handler returning one value: a clear die");

($st) = shot();
eval { $st->sparse_send_all(sub { 0 }, sub { die "hboom\n" }, sub { 0 }) };
is($@, "hboom\n", "a die in the hole handler reaches the caller");

# ---- holes, send, abort, non-blocking ---------------------------------------------------
($st) = shot();
eval { $st->recv_hole() };
virt_error_is($@, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_STREAMS, undef, "recv_hole unsupported");
eval { $st->send_hole(10) };
virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_STREAMS, undef,
              "send_hole on a read-only stream");
eval { $st->send("abc", 3) };
virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_STREAMS, undef,
              "send on a read-only stream");
like($@->message, qr/cannot write to stream/, "send: message");
$st->abort();

($st) = shot();
$n = $st->recv($buf, 8);
is($n, 8, "recv 8 bytes");
is($buf, "\x89PNG\r\n\x1a\n", "the first 8 bytes");
$n = $st->recv($buf, 0);
is($n, 0, "recv of 0 bytes returns 0");
@ret = $st->abort();
is(scalar(@ret), 0, "abort returns nothing");
eval { $st->recv($buf, 10) };
virt_error_is($@, Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_STREAMS, undef, "recv after abort");
eval { $st->recv_all(sub { $_[2] }) };
virt_error_is($@, Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_STREAMS, undef, "recv_all after abort");

($st) = shot(Sys::Virt::Stream::NONBLOCK);
($got, $count) = ("", 0);
while (1) {
    $n = $st->recv($buf, 8192);
    last if $n == 0;
    if ($n == -2) {
        last if ++$count > 1000;
        select(undef, undef, undef, 0.01);
        next;
    }
    $got .= $buf;
}
ok($got eq $image, "non-blocking stream reads the same bytes");
$st->finish();

# ---- consoles and channels (not supported by the test driver) --------------------------
($st) = shot();
eval { $dom->open_console($st, undef) };
virt_error_is($@, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_DOMAIN, undef, "open_console");
eval { $dom->open_console($st, "serial0", 0) };
virt_error_is($@, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_DOMAIN, undef, "open_console with a device");
eval { $dom->open_channel($st, "org.qemu.guest_agent.0", 0) };
virt_error_is($@, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_DOMAIN, undef, "open_channel");
eval { $dom->screenshot($st, 0, 1) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef,
              "screenshot with unknown flags");
$st->abort();

# ---- bad arguments -------------------------------------------------------------------------
($st) = shot();
eval { $st->recv("constant", 10) };
like($@, qr/^Modification of a read-only value attempted/, "recv into a constant dies");
eval { &Sys::Virt::Stream::recv($st) };
like($@, qr/^Usage: Sys::Virt::Stream::recv\(st, data, nbytes, flags=0\)/, "recv without arguments");
eval { &Sys::Virt::Stream::recv_all($st) };
like($@, qr/^Usage: Sys::Virt::Stream::recv_all\(stref, handler\)/, "recv_all without a handler");
# (handlers named as the POD names them)
die_is(error_of { $st->recv_all(undef) }, 'Sys::Virt::Stream::recv_all: $handler must be a code reference',
       "undef handler");
die_is(error_of { $st->send_all([]) }, 'Sys::Virt::Stream::send_all: $handler must be a code reference',
       "array ref handler");
die_is(error_of { $st->sparse_send_all(sub { 0 }, {}, sub { 0 }) },
       'Sys::Virt::Stream::sparse_send_all: $hole_handler must be a code reference', "hash ref hole handler");
die_is(error_of { $st->sparse_recv_all(sub { 0 }, undef) },
       'Sys::Virt::Stream::sparse_recv_all: $hole_handler must be a code reference', "undef hole handler");
eval { $st->recv($buf, -1) };
like($@, qr/^Sys::Virt::Stream::recv: cannot allocate a buffer of 18446744073709551615 bytes/,
     "recv of an impossible size dies cleanly");
$n = $st->recv($buf, 8);
is($n, 8, "stream still usable after refused arguments");
eval { $st->send(undef, 10) };
virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_STREAMS, undef,
              "send of undef sends 0 bytes (and fails here)");
$st->abort();

@warnings = ();
my @r = Sys::Virt::Stream::recv("not an object", $buf, 10);
is_deeply(\@r, [undef], "non-object: undef");
like($warnings[0] // "", qr/Sys::Virt::Stream::recv\(\) -- st is not a blessed SV reference/, "non-object: warning");
@warnings = ();
@r = Sys::Virt::Stream::recv_all(undef, sub { 0 });
is_deeply(\@r, [undef], "undef stream: undef");
like($warnings[0] // "", qr/recv_all\(\) -- stref is not a blessed SV reference/, "undef stream: warning");
@warnings = ();
wrong_class_is(error_of { Sys::Virt::Stream::finish($dom) }, 'Sys::Virt::Stream', 'Sys::Virt::Stream::finish', '$st',
               "a domain is not a stream");
wrong_class_is(error_of { $dom->screenshot($dom, 0) }, 'Sys::Virt::Stream', 'Sys::Virt::Domain::screenshot', '$st',
               "screenshot needs a stream");
@r = $dom->screenshot("nope", 0);
is_deeply(\@r, [undef], "screenshot with a non-object stream: undef");
like($warnings[0] // "", qr/screenshot\(\) -- st is not a blessed SV reference/, "... and a warning");
@warnings = ();
eval { Sys::Virt::Stream->_new(flags => 0) };
like($@, qr/^connection parameter is required/, "_new without a connection");

# A destroyed stream is refused before any libvirt call.
($st) = shot();
$st->DESTROY();
eval { $st->recv($buf, 10) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_STREAM, Sys::Virt::Error::FROM_STREAMS, undef, "recv after DESTROY");
eval { $st->recv_all(sub { $_[2] }) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_STREAM, Sys::Virt::Error::FROM_STREAMS, undef,
              "recv_all after DESTROY");
is($@->message, 'invalid stream pointer in Sys::Virt::Stream::recv_all', "... names the method");
eval { $st->finish() };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_STREAM, Sys::Virt::Error::FROM_STREAMS, undef, "finish after DESTROY");
$st->DESTROY();
pass("DESTROY twice is harmless");

is_deeply(\@warnings, [], "no stray warnings") or diag(@warnings);

done_testing();
