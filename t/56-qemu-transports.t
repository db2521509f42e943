# Transports of the remote driver and who gets in, on the real stack
# (t/lib/SysVirtQemu.pm): what a unix socket, SASL (DIGEST-MD5) on TCP
# and TLS report (security, encryption, URI, host, driver, versions);
# TLS client certificates of the right and of an unrelated CA; libvirtd's
# test driver over TLS; SASL password authentication through the
# credential callback (right and wrong password, a callback that dies or
# refuses); keep-alive with libvirt's default event loop; the close
# callback when a daemon this test started is stopped (end of file) or
# frozen with SIGSTOP (keep-alive timeout), and what every later call on
# the dead connection gives.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use Sys::Virt::Event;
use SysVirtQemu qw(pump_until sasl_connect);
use SysVirtDaemon;
use File::Spec ();
use Scalar::Util ();
use Time::HiRes qw(time);

my $s = SysVirtQemu::skip_unless_stack();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

# Keep-alive and the close callback need an event loop, registered
# before the connections that use it are opened. The timer makes every
# run_default() return within 100 ms, so loops below can watch a clock.
Sys::Virt::Event::register_default();
my $tick = Sys::Virt::Event::add_timeout(100, sub {});

# timed(CODE): (wall seconds, result list, $@) of eval { CODE }.
sub timed {
    my ($code) = @_;
    my $t = time;
    my @r = eval { $code->() };
    return (time - $t, \@r, $@);
}

# The local host and the QEMU the daemons run, for the values reported.
my $local = Sys::Virt->new(uri => 'test:///default');
my $hostname = $local->get_hostname;
my ($qv) = `qemu-system-x86_64 --version` =~ /version (\d+\.\d+\.\d+)/;
my ($qmaj, $qmin, $qmic) = split /\./, $qv // '0.0.0';
my $qemu_version = $qmaj * 1_000_000 + $qmin * 1_000 + $qmic;
ok($qemu_version >= 10_000_000, "QEMU is $qv");

# Everything a connection reports about itself.
sub describes {
    my ($c, $uri, $what, %want) = @_;
    is($c->get_uri, $uri, "$what: get_uri as given");
    is($c->get_type, $want{type} // 'QEMU', "$what: get_type");
    is($c->get_hostname, $hostname, "$what: get_hostname is this host");
    is($c->get_library_version, 9_000_000, "$what: get_library_version (libvirtd 9.0.0)");
    is($c->get_version, $want{version} // $qemu_version, "$what: get_version");
    is($c->is_secure, $want{secure}, "$what: is_secure");
    is($c->is_encrypted, $want{encrypted}, "$what: is_encrypted");
    is($c->is_alive, 1, "$what: is_alive");
}

# ------------------------------------------------------------------ unix
my $unix = Sys::Virt->new(uri => $s->{uri});
describes($unix, $s->{uri}, 'unix socket', secure => 1, encrypted => 0);

# ------------------------------------------------------------------ SASL
# DIGEST-MD5 through the credential callback: the callback gets one hash
# per credential (type, prompt, challenge, result), stores result, and
# returns 0 (go on) or -1 (refuse).
my @asked;
sub sasl_open {
    my ($user, $pass, %opt) = @_;
    @asked = ();
    return sasl_connect($s->{sasl_uri}, $user, $pass, asked => \@asked, %opt);
}

my $sasl = eval { sasl_open($s->{sasl_user}, $s->{sasl_password}) };
isa_ok($sasl, 'Sys::Virt', 'SASL: the right user and password connect') or diag $@;
is_deeply([map { $_->{type} } @asked], [Sys::Virt::CRED_AUTHNAME, Sys::Virt::CRED_PASSPHRASE],
          'SASL: the callback was asked for the name, then the password');
is_deeply([sort keys %{$asked[0] || {}}], [qw(challenge prompt result type)],
          '... each credential a hash of type, prompt, challenge, result');
like($asked[0]{prompt} // '', qr/authentication name/i, '... the name prompt');
like($asked[1]{prompt} // '', qr/password/i, '... the password prompt');
is($asked[1]{result}, undef, '... no default answer offered');
# DIGEST-MD5 negotiates a security layer (SSF 56 or more): libvirt
# counts the connection as encrypted, and so secure.
describes($sasl, $s->{sasl_uri}, 'SASL', secure => 1, encrypted => 1) if $sasl;

my $c = eval { sasl_open($s->{sasl_user}, "not-$s->{sasl_password}") };
my $e = $@;
ok(!$c, 'SASL: a wrong password does not connect');
isa_ok($e, 'Sys::Virt::Error', '... error');
is(ref $e && $e->code, Sys::Virt::Error::ERR_AUTH_FAILED, '... ERR_AUTH_FAILED');
is(ref $e && $e->domain, Sys::Virt::Error::FROM_RPC, '... from the RPC layer');
like(ref $e && $e->message, qr/authentication failed/, '... authentication failed');
is(scalar @asked, 2, '... after the callback was asked both');

$c = eval { sasl_open($s->{sasl_user}, $s->{sasl_password}, die => "no credentials for you\n") };
$e = $@;
ok(!$c, 'SASL: a callback that dies does not connect');
is($e, "no credentials for you\n", '... and new() raises its die as is');
my $obj = { why => 'refused' };
$c = eval { sasl_open($s->{sasl_user}, $s->{sasl_password}, die => $obj) };
ok(!$c && ref $@ eq 'HASH' && $@ == $obj, '... a died object too (the same reference)');

# Without auth => 1 no callback at all is given to libvirt, as the
# original: nothing is asked on the terminal, and SASL finds no way to
# get credentials. (auth => 1 with no callback gets libvirt's default one,
# which prompts.)
{
    my $code = 'eval { Sys::Virt->new(uri => $ARGV[0]) };'
        . ' print ref $@ ? join("|", $@->code, $@->domain) : "no error"';
    open(my $null, '<', '/dev/null') or die;
    open(my $saved, '<&', \*STDIN) or die;
    open(STDIN, '<&', $null) or die;
    open(my $fh, '-|', $^X, '-Mblib', '-MSys::Virt', '-e', $code, $s->{sasl_uri}) or die;
    open(STDIN, '<&', $saved) or die;
    my $out = do { local $/; <$fh> };
    close $fh;
    is($out, join('|', Sys::Virt::Error::ERR_AUTH_FAILED, Sys::Virt::Error::FROM_RPC),
       'SASL without auth: ERR_AUTH_FAILED, and no prompt on the terminal');
}

$c = eval { sasl_open($s->{sasl_user}, $s->{sasl_password}, ret => -1) };
$e = $@;
ok(!$c, 'SASL: a callback returning -1 does not connect');
is(ref $e && $e->code, Sys::Virt::Error::ERR_AUTH_FAILED, '... ERR_AUTH_FAILED');
is(ref $e && $e->domain, Sys::Virt::Error::FROM_REMOTE, '... from the remote driver');
like(ref $e && $e->message, qr/Failed to collect auth credentials/, '... no credentials collected');

# ------------------------------------------------------------------- TLS
my $tls = eval { Sys::Virt->new(uri => $s->{tls_uri}) };
isa_ok($tls, 'Sys::Virt', 'TLS with a client certificate of the right CA') or diag $@;
describes($tls, $s->{tls_uri}, 'TLS', secure => 1, encrypted => 1) if $tls;

{
    # libvirt logs the failed certificate check on stderr: keep it quiet.
    open my $saved, '>&', \*STDERR or die "dup STDERR: $!";
    open STDERR, '>', File::Spec->devnull or die "devnull: $!";
    $c = eval { Sys::Virt->new(uri => $s->{tls_bad_uri}) };
    $e = $@;
    open STDERR, '>&', $saved or die "restore STDERR: $!";
}
ok(!$c, 'TLS with a client PKI of an unrelated CA is refused');
isa_ok($e, 'Sys::Virt::Error', '... error');
is(ref $e && $e->code, Sys::Virt::Error::ERR_AUTH_FAILED, '... ERR_AUTH_FAILED');
is(ref $e && $e->domain, Sys::Virt::Error::FROM_RPC, '... from the RPC layer');
like(ref $e && $e->message, qr/Failed to verify peer's certificate/, "... the peer's certificate");

my $ttls = eval { Sys::Virt->new(uri => $s->{test_tls_uri}) };
isa_ok($ttls, 'Sys::Virt', "libvirtd's test driver over TLS") or diag $@;
describes($ttls, $s->{test_tls_uri}, 'test driver over TLS', type => 'TEST', version => 2,
          secure => 1, encrypted => 1) if $ttls;
is(eval { $ttls->get_domain_by_name('test')->get_name }, 'test', '... its default guest is there');

# ------------------------------------------------------------ keep-alive
# Answered keep-alive probes (1 s apart, 2 missed ones are fatal) keep
# the connections up over 4 s of event loop: longer than a dead peer
# would get (see the SIGSTOP case below).
{
    my %closed;
    my %conns = (unix => $unix, TLS => $tls, SASL => $sasl);
    for my $k (sort keys %conns) {
        my $c = $conns{$k} or next;
        my @r = $c->set_keep_alive(1, 2);
        is(scalar @r, 0, "$k: set_keep_alive(1, 2) returns nothing");
        $c->register_close_callback(sub { $closed{$k} = $_[1] });
    }
    my $end = time + 4;
    pump_until(5, sub { time > $end });
    for my $k (sort keys %conns) {
        my $c = $conns{$k} or next;
        is($c->is_alive, 1, "$k: still alive after 4 s of keep-alive");
        is($closed{$k}, undef, "$k: its close callback never ran");
        ok(eval { $c->get_node_info->{memory} > 0 }, "$k: and it answers") or diag $@;
        is(scalar(my @r = $c->unregister_close_callback), 0, "$k: unregister_close_callback returns nothing");
    }
}

# ------------------------------------------------------- a private daemon
# libvirtd (test driver) started and stopped by this test
# (SysVirtDaemon::start_private), on ports of its own; SysVirtDaemon's END
# stops any still running, by its PID.
sub gone {
    my ($pid) = @_;
    return pump_until(10, sub { !kill 0, $pid });
}

# The daemon stops: the connection sees end of file.
{
    my ($uri, $stop, $pid) = SysVirtDaemon::start_private(23500);
    my $conn = Sys::Virt->new(uri => $uri);
    is($conn->get_type, 'TEST', 'private libvirtd answers');
    is($conn->is_secure, 1, '... over a secure unix socket');
    my @r = eval { $conn->unregister_close_callback };
    is($@, '', 'unregister_close_callback with none registered: quiet');
    is(scalar @r, 0, '... and returns nothing');
    my @closed;
    @r = $conn->register_close_callback(sub { push @closed, [@_] });
    is(scalar @r, 0, 'register_close_callback returns nothing');

    $stop->();
    ok(gone($pid), 'the private libvirtd stopped');
    ok(pump_until(10, sub { @closed }), 'the close callback ran from the event loop');
    is(scalar @closed, 1, '... once');
    is(Scalar::Util::refaddr($closed[0][0]), Scalar::Util::refaddr($conn), '... with the connection');
    is($closed[0][1], Sys::Virt::CLOSE_REASON_EOF, '... and CLOSE_REASON_EOF');
    is($conn->is_alive, 0, 'is_alive: 0');

    # The remote driver keeps the type it was told (asked above): get_type
    # does not fail.
    my ($secs, $ret, $err) = timed(sub { $conn->get_type });
    is($ret->[0], 'TEST', 'dead connection: get_type gives the type cached before the drop');
    is($err, '', '... no error');
    cmp_ok($secs, '<', 5, '... at once');
    for my $call (['list_all_domains'], ['get_domain_by_name', 'test'], ['get_hostname'],
                  ['get_node_info']) {
        my ($m, @args) = @$call;
        ($secs, $ret, $err) = timed(sub { $conn->$m(@args) });
        isa_ok($err, 'Sys::Virt::Error', "dead connection: $m raises");
        is(ref $err && $err->code, Sys::Virt::Error::ERR_INTERNAL_ERROR, "... ERR_INTERNAL_ERROR");
        is(ref $err && $err->domain, Sys::Virt::Error::FROM_RPC, '... from the RPC layer');
        like(ref $err && $err->message, qr/client socket is closed/, '... client socket is closed');
        cmp_ok($secs, '<', 5, "... at once (${\ sprintf '%.2f', $secs} s)");
    }
    @r = eval { $conn->unregister_close_callback };
    is($@, '', 'unregister_close_callback after the drop: quiet');
    is(scalar @r, 0, '... and returns nothing');
    is(scalar @closed, 1, 'the callback ran only once');
}

# The daemon freezes (SIGSTOP): nothing answers the keep-alive probes,
# and after about interval * (count + 1) seconds the client gives up.
{
    my ($uri, $stop, $pid) = SysVirtDaemon::start_private(23501);
    my $conn = Sys::Virt->new(uri => $uri);
    is($conn->get_hostname, $hostname, 'second private libvirtd answers');
    $conn->set_keep_alive(1, 2);
    my @closed;
    $conn->register_close_callback(sub { push @closed, [$_[1], time] });
    my $t0 = time;
    pump_until(2, sub { time > $t0 + 1.5 });
    is($conn->is_alive, 1, 'alive while the daemon answers');
    is(scalar @closed, 0, '... no close yet');

    ok(kill('STOP', $pid), 'libvirtd stopped with SIGSTOP');
    my $stopped = time;
    ok(pump_until(15, sub { @closed }), 'the close callback ran');
    my $after = @closed ? $closed[0][1] - $stopped : -1;
    is($closed[0][0], Sys::Virt::CLOSE_REASON_KEEPALIVE, '... CLOSE_REASON_KEEPALIVE');
    ok($after >= 1.5 && $after < 8, sprintf('... after %.1f s (interval 1 s, count 2)', $after));
    is($conn->is_alive, 0, 'is_alive: 0');
    my ($secs, $ret, $err) = timed(sub { $conn->list_all_domains });
    is(ref $err && $err->code, Sys::Virt::Error::ERR_INTERNAL_ERROR,
       'list_all_domains on it: ERR_INTERNAL_ERROR');
    like(ref $err && $err->message, qr/client socket is closed/, '... client socket is closed');
    cmp_ok($secs, '<', 5, '... at once, although the daemon is frozen');
    # Never asked before the drop: libvirt falls back to the name of the
    # driver that holds the connection.
    ($secs, $ret, $err) = timed(sub { $conn->get_type });
    is($ret->[0], 'remote', "get_type, never asked before: the remote driver's own name");
    cmp_ok($secs, '<', 5, '... at once');
    my @r = eval { $conn->unregister_close_callback };
    is($@, '', 'unregister_close_callback after a keep-alive close: quiet');

    ok(kill('CONT', $pid), 'libvirtd continued');
    $stop->();
    ok(gone($pid), 'and stopped');
}

Sys::Virt::Event::remove_timeout($tick);
done_testing();
