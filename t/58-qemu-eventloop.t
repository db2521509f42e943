# A Mojolicious program (Mojo::IOLoop, the loop of every Mojolicious
# application) receives the lifecycle events of a real QEMU guest through
# Sys::Virt::EventImpl::Mojo, without ever calling run_default: everything
# below happens inside the loop, driven by its timers and the events
# themselves. The guest is created (STARTED_BOOTED), its banner on the
# serial console proves it runs, then it is suspended (SUSPENDED_PAUSED)
# and destroyed (STOPPED_DESTROYED), each step in the callback of the
# event before. A loop timer fails the test and stops the loop after 60 s.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use SysVirtQemu qw(banner_count);

my $s = SysVirtQemu::skip_unless_stack();
# (CI installs Mojolicious: a missing one there is a failure, not a skip)
my $have_mojo = eval { require Mojo::IOLoop; 1 };
BAIL_OUT("Mojo::IOLoop is not installed (Debian: libmojolicious-perl)")
    if !$have_mojo && $ENV{SYSVIRT_TEST_REQUIRE_QEMU};
plan skip_all => 'Mojo::IOLoop is not installed (Debian: libmojolicious-perl)' unless $have_mojo;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');
alarm 180;

require Sys::Virt::EventImpl::Mojo;
my $run_default = 0;
{
    no warnings 'redefine';
    *Sys::Virt::Event::run_default = sub () { $run_default++; return };
}
my $loop = Mojo::IOLoop->singleton;
Sys::Virt::EventImpl::Mojo->new(loop => $loop)->register;

my $conn = Sys::Virt->new(uri => $s->{uri});
$conn->set_keep_alive(5, 3);
my $name = "sv58-$$";
my $img = "$s->{dir}/images/$name.qcow2";
my $log = "$s->{dir}/images/$name.log";
SysVirtQemu::make_disk($img);

my (@events, @steps, $dom, $failed);
my $step = sub {
    my ($what, $code) = @_;
    push @steps, $what;
    eval { $code->(); 1 } or do { $failed = "$what: $@"; $loop->stop };
};
$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub {
    my (undef, $d, $event, $detail) = @_;
    return unless $d->get_name eq $name;
    push @events, [$event, $detail];
    if ($event == Sys::Virt::Domain::EVENT_STARTED) {
        # the banner on COM1, watched from the loop
        my $id;
        $id = $loop->recurring(0.1 => sub {
            return unless banner_count($log) >= 1;
            $loop->remove($id);
            $step->('suspend', sub { $dom->suspend });
        });
    } elsif ($event == Sys::Virt::Domain::EVENT_SUSPENDED) {
        $step->('destroy', sub { $dom->destroy });
    } elsif ($event == Sys::Virt::Domain::EVENT_STOPPED) {
        $loop->stop;
    }
});
$loop->timer(0 => sub {
    $step->('create', sub {
        $dom = $conn->create_domain(SysVirtQemu::guest_xml(name => $name, disk => $img, serial_log => $log,
                                                           net => 'none', vnc => 0));
    });
});
my $deadline = $loop->timer(60 => sub { $failed = 'no STOPPED event within 60 s'; $loop->stop });
$loop->start;
$loop->remove($deadline);

is($failed, undef, 'the loop ran to the STOPPED event');
is_deeply(\@steps, [qw(create suspend destroy)], 'created, suspended once it printed its banner, destroyed');
my %steps = map { $_ => 1 } Sys::Virt::Domain::EVENT_STARTED, Sys::Virt::Domain::EVENT_SUSPENDED,
    Sys::Virt::Domain::EVENT_STOPPED;
is_deeply([grep { $steps{$_->[0]} } @events], [
    [Sys::Virt::Domain::EVENT_STARTED, Sys::Virt::Domain::EVENT_STARTED_BOOTED],
    [Sys::Virt::Domain::EVENT_SUSPENDED, Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED],
    [Sys::Virt::Domain::EVENT_STOPPED, Sys::Virt::Domain::EVENT_STOPPED_DESTROYED],
], 'STARTED_BOOTED, SUSPENDED_PAUSED, STOPPED_DESTROYED from the real guest');
# (QEMU also sends RESUMED_UNPAUSED at start and SHUTDOWN before STOPPED)
ok(!grep({ !$steps{$_->[0]} && $_->[0] != Sys::Virt::Domain::EVENT_RESUMED
           && $_->[0] != Sys::Virt::Domain::EVENT_SHUTDOWN } @events), '... and no other kind of event')
    or diag explain \@events;
cmp_ok(banner_count($log), '>=', 1, 'the guest really ran (its banner on COM1)');
is($run_default, 0, 'run_default was never called');
ok($conn->is_alive, 'the connection, with keep-alive, is still alive');

END {
    my $rc = $?;
    if ($conn) {
        eval { $dom->destroy } if $dom && eval { $dom->is_active };
    }
    unlink $img, $log;
    $? = $rc;
}

done_testing();
