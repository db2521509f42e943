# exit() inside Perl code that libvirt calls back (event, stream, credential
# and close callbacks) must end the program as exit() does anywhere else:
# with its status, END blocks run, and nothing else of the program running
# after it; and without unwinding through libvirt or Rust (a crash, or
# "panic"/"Attempt to free" noise). The first pending event wins: a die
# kept from an earlier callback of the same call is raised instead, and
# the program goes on. Each case runs in a child perl.
use strict;
use warnings;
use Test::More;
use File::Spec;
use File::Temp ();
use Cwd ();

like(`$^X -Mblib -MSys::Virt -e 'print \$INC{"Sys/Virt.pm"}'`, qr{blib/}, 'testing the built copy');

# run_child($code, @args): runs $code (after a common prologue) in a new
# perl; returns its wait status, stdout and stderr.
sub run_child {
    my ($code, @args) = @_;
    my $prologue = <<'PERL';
use strict; use warnings;
$| = 1;
use lib 't/lib';
use Sys::Virt; use Sys::Virt::Event;
END { print "END: $?\n" }
alarm 60;
Sys::Virt::Event::register_default();
my $tick = Sys::Virt::Event::add_timeout(20, sub {});
my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
sub pump { Sys::Virt::Event::run_default() for 1 .. ($_[0] // 20) }
# counts the objects freed, to see that the binding let go of a callback
package Tracker { my $n = 0; sub new { bless {}, shift } sub DESTROY { $n++ } sub freed { $n } }
PERL
    my $err = File::Temp->new;
    my $pid = open(my $out, '-|') // die "fork: $!";
    if (!$pid) {
        open STDERR, '>', $err->filename or die "stderr: $!";
        open STDIN, '<', File::Spec->devnull or die "stdin: $!";
        exec $^X, '-Mblib', '-e', $prologue . $code, @args or die "exec: $!";
    }
    my $stdout = do { local $/; <$out> } // '';
    close $out;
    my $status = $?;
    my $stderr = do { local (@ARGV, $/) = ($err->filename); <> } // '';
    return ($status, $stdout, $stderr);
}

# exit_ok($name, $code, $stdout): the child ends with exit status 7, no
# signal, the output $stdout (the END block's line last) and a silent stderr.
sub exit_ok {
    my ($name, $code, $want, @args) = @_;
    my ($status, $stdout, $stderr) = run_child($code, @args);
    is($status & 127, 0, "$name: no signal");
    is($status >> 8, 7, "$name: exit status 7");
    is($stdout, $want, "$name: the callback ran, nothing after it, END ran with \$? = 7");
    is($stderr, '', "$name: nothing on stderr");
}

exit_ok('domain event callback during run_default', <<'PERL', "callback test\nEND: 7\n");
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { print "callback ", $_[1]->get_name, "\n"; exit 7 });
$dom->suspend;
pump();
print "after the loop\n";
PERL

exit_ok('run_default inside an eval, inside subs, under local', <<'PERL', "callback\nEND: 7\n");
our $x = 'outer';
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { local $x = 'inner'; print "callback\n"; exit 7 });
$dom->suspend;
sub deep { my $n = shift; local $x = "depth $n"; $n ? deep($n - 1) : pump() }
eval { deep(3) };
print "after the eval: $@\n";
PERL

# The binding's own references to the handler are released before the
# exit is performed (its Rust frames returned): the object the handler
# holds is gone by the time END blocks run.
exit_ok('stream send_all handler', <<'PERL', "handler\nfreed: 1\nEND: 7\n");
END { print "freed: ", Tracker::freed(), "\n" }
my $st = $conn->new_stream;
$dom->screenshot($st, 0);
{
    my $handler = do { my $t = Tracker->new; sub { my $keep = $t; print "handler\n"; exit 7 } };
    eval { $st->send_all($handler) };
    print "after send_all: $@\n";
}
PERL

my $host = Cwd::abs_path('t/data/connect-node.xml');
exit_ok('credential callback during Sys::Virt->new', <<'PERL', "credentials\nfreed: 1\nEND: 7\n", $host);
END { print "freed: ", Tracker::freed(), "\n" }
my $ask = do { my $t = Tracker->new; sub { my $keep = $t; print "credentials\n"; exit 7 } };
my $c = eval {
    Sys::Virt->new(uri => "test://$ARGV[0]", auth => 1,
                   credlist => [Sys::Virt::CRED_AUTHNAME, Sys::Virt::CRED_PASSPHRASE],
                   callback => $ask);
};
print "after new: $@\n";
PERL

SKIP: {
    require lib; lib->import('t/lib');
    require SysVirtDaemon;
    my $daemon = eval { SysVirtDaemon::_script() && -x SysVirtDaemon::_script() };
    skip 'no .ci/libvirtd to start a daemon that can go away', 4 unless $daemon;
    exit_ok('close callback, when the daemon goes away', <<'PERL', "close 1\nEND: 7\n");
use SysVirtDaemon;
my ($uri, $stop) = SysVirtDaemon::start_private(17400);
my $remote = Sys::Virt->new(uri => $uri);
$remote->register_close_callback(sub { print "close $_[1]\n"; exit 7 });
$stop->();
pump(500);
print "after the loop\n";
PERL
}

# Perl code the callback runs in turn: the exit still ends the program.
exit_ok('exit in a sort block of a callback', <<'PERL', "callback\nEND: 7\n");
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { print "callback\n"; my @s = sort { exit 7 } 1, 2 });
$dom->suspend;
pump();
PERL

exit_ok('exit in a DESTROY run by a callback', <<'PERL', "DESTROY\nEND: 7\n");
# (perl runs a DESTROY that exited again at global destruction: once only)
package Exits { my $done; sub DESTROY { return if $done++; print "DESTROY\n"; exit 7 } }
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { my $o = bless {}, 'Exits'; undef $o; print "after DESTROY\n" });
$dom->suspend;
pump();
PERL

exit_ok('exit in a callback of a loop run by a callback', <<'PERL', "outer\ninner\nEND: 7\n");
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub {
    print "outer\n";
    my $t = Sys::Virt::Event::add_timeout(0, sub { print "inner\n"; exit 7 });
    pump();
    print "after the inner loop\n";
});
$dom->suspend;
pump();
PERL

exit_ok('exit in a FETCH run by a conversion inside a callback', <<'PERL', "callback\nFETCH\nEND: 7\n");
package ExitsOnFetch { sub TIESCALAR { bless {}, shift } sub FETCH { print "FETCH\n"; exit 7 } }
tie my $name, 'ExitsOnFetch';
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { print "callback\n"; $conn->get_domain_by_name($name); print "after the lookup\n" });
$dom->suspend;
pump();
PERL

exit_ok('a loop run from a tie FETCH, its callback exits', <<'PERL', "callback\nEND: 7\n");
package Pumps { sub TIESCALAR { bless {}, shift } sub FETCH { main::pump(); 'x' } }
tie my $v, 'Pumps';
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { print "callback\n"; exit 7 });
$dom->suspend;
my $s = "$v";
print "after the FETCH\n";
PERL

# ---- the first pending event wins --------------------------------------------
# Two events dispatched by one run_default: suspend and resume.
{
    my ($status, $stdout, $stderr) = run_child(<<'PERL');
my $n = 0;
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { $n++; print "callback $n\n"; die "first callback died\n" if $n == 1; exit 7 });
$dom->suspend;
$dom->resume;
until ($n >= 2) { eval { Sys::Virt::Event::run_default() }; print "raised: $@" if $@ }
print "went on\n";
exit 3;
PERL
    is($status, 3 << 8, 'die, then exit: the program goes on to its own exit');
    is($stdout, "callback 1\ncallback 2\nraised: first callback died\nwent on\nEND: 3\n",
       '... the die is raised by run_default, the later exit is dropped');
    is($stderr, '', '... nothing on stderr');
}
{
    my ($status, $stdout, $stderr) = run_child(<<'PERL');
my $n = 0;
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { $n++; print "callback $n\n"; exit 7 if $n == 1; die "second callback died\n" });
$dom->suspend;
$dom->resume;
for (1 .. 20) { eval { Sys::Virt::Event::run_default() }; print "raised: $@" if $@ }
PERL
    is($status, 7 << 8, 'exit, then die: exit status 7');
    is($stdout, "callback 1\nEND: 7\n", '... no Perl code runs after the exit, not even the next callback');
    is($stderr, '', '... nothing on stderr');
}

# exit(0) is an exit too, and a callback's `last` cannot leave it.
{
    my ($status, $stdout) = run_child(<<'PERL');
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub { exit 0 });
$dom->suspend;
pump();
print "after the loop\n";
PERL
    is($status, 0, 'exit(0) in a callback: status 0');
    is($stdout, "END: 0\n", '... and the program ends there');
}
{
    my ($status, $stdout) = run_child(<<'PERL');
my $got = '';
LOOP: for my $i (1 .. 2) {
    $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
        sub { no warnings 'exiting'; last LOOP });
    $dom->suspend;
    eval { pump() };
    $got = $@;
    last;
}
print "raised: $got";
PERL
    is($status, 0, '`last LABEL` in a callback: no crash');
    like($stdout, qr/\Araised: Label not found for "last LOOP" at .* line \d+\.\nEND: 0\n\z/,
         '... it cannot reach the caller\'s loop: a die raised by run_default');
}

done_testing();
