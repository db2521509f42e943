# An event loop written in Perl (Sys::Virt::Event::register): libvirt's
# handles and timers go through the implementation's methods, its
# callbacks run through the _run_*_callback helpers, and the helpers
# refuse pointers libvirt never gave. The loop here is written the way of
# Sys::Virt before 9.7.0, as a subclass of Sys::Virt::Event, which keeps
# working (with Sys::Virt 12.7.0's deprecation warning); t/45-api-12.t
# runs one derived from Sys::Virt::EventImpl.
use strict;
use warnings;
use Test::More;

use Sys::Virt;
use lib 't/lib';
use SysVirtTest qw(error_of die_is);
use SysVirtDaemon ();
use Sys::Virt::Event;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');
alarm 60;

package MiniLoop {
    our @ISA = ('Sys::Virt::Event');
    sub new { bless { next => 1, handles => {}, timers => {}, log => [] }, shift }
    sub add_handle {
        my ($self, $fd, $events, $cb, $opaque, $ff) = @_;
        my $w = $self->{next}++;
        $self->{handles}{$w} = [$fd, $events, $cb, $opaque, $ff];
        push @{$self->{log}}, 'add_handle';
        return $w;
    }
    sub update_handle { my ($self, $w, $ev) = @_; $self->{handles}{$w}[1] = $ev if $self->{handles}{$w} }
    sub remove_handle {
        my ($self, $w) = @_;
        my $h = delete $self->{handles}{$w} or return;
        $self->_free_callback_opaque($h->[4], $h->[3]);
    }
    sub add_timeout {
        my ($self, $ms, $cb, $opaque, $ff) = @_;
        my $t = $self->{next}++;
        $self->{timers}{$t} = [$ms, $cb, $opaque, $ff];
        push @{$self->{log}}, 'add_timeout';
        return $t;
    }
    sub update_timeout { my ($self, $t, $ms) = @_; $self->{timers}{$t}[0] = $ms if $self->{timers}{$t} }
    sub remove_timeout {
        my ($self, $t) = @_;
        my $h = delete $self->{timers}{$t} or return;
        push @{$self->{removed}}, $h;
        $self->_free_callback_opaque($h->[3], $h->[2]);
    }
    # One iteration: due timers (0 ms ones: always) only; enough for the
    # test driver, which queues its events on a timer.
    sub run_once {
        my $self = shift;
        for my $t (sort { $a <=> $b } keys %{$self->{timers}}) {
            my $h = $self->{timers}{$t} or next;
            next if $h->[0] < 0;
            $self->_run_timeout_callback($t, $h->[1], $h->[2]);
        }
    }
}

my $loop = MiniLoop->new;
eval { Sys::Virt::Event::register("MiniLoop") };
like($@, qr/^event implementation must be a subclass of Sys::Virt::EventImpl at /, 'register refuses a non-object');
eval { Sys::Virt::Event::register(bless {}, 'Other') };
like($@, qr/^event implementation must be a subclass of Sys::Virt::EventImpl at /, 'register refuses another class');
ok(MiniLoop->isa('Sys::Virt::EventImpl'), 'a Sys::Virt::Event subclass is a Sys::Virt::EventImpl');
{
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, $_[0] };
    Sys::Virt::Event::register($loop);
    # the text as Sys::Virt 12.7.0 prints it (its spelling included)
    is(scalar @warnings, 1, 'registering a Sys::Virt::Event subclass warns once');
    like($warnings[0] // '', qr/^DECPRECATION WARNING: event implementation is a subclass of Sys::Virt::Event at /,
         '... that the way is deprecated');
}
is($Sys::Virt::Event::eventimpl, $loop, 'the implementation is kept');

# The public API goes through the implementation.
my $fired = 0;
my $t = Sys::Virt::Event::add_timeout(0, sub { $fired++ });
is($t, 1, 'add_timeout returns the number the implementation chose');
is(ref $loop->{timers}{$t}[1], 'SCALAR', 'libvirt pointers arrive as scalar references');
$loop->run_once;
is($fired, 1, 'the implementation ran the timer through _run_timeout_callback');
my $saved = $loop->{timers}{$t};
Sys::Virt::Event::remove_timeout($t);
ok(!$loop->{timers}{$t}, 'remove_timeout reached the implementation');

# Stale and forged pointers are refused, not called. The helpers live in
# Sys::Virt::EventImpl (moved there from Sys::Virt::Event in 9.7.0).
ok(!defined &Sys::Virt::Event::_run_timeout_callback_helper
   && !defined &Sys::Virt::Event::_run_handle_callback_helper
   && !defined &Sys::Virt::Event::_free_callback_opaque_helper, 'no helper is left in Sys::Virt::Event');
eval { Sys::Virt::EventImpl::_run_timeout_callback_helper($t, $saved->[1], $saved->[2]) };
like($@, qr/not the callback of a live timeout/, 'a removed timer cannot run');
eval { Sys::Virt::EventImpl::_free_callback_opaque_helper($saved->[3], $saved->[2]) };
like($@, qr/already freed/, 'data cannot be freed twice');
eval { Sys::Virt::EventImpl::_run_handle_callback_helper(1, 0, 1, \12345, \67890) };
like($@, qr/not the callback of a live handle watch/, 'made-up pointers are refused');
die_is(error_of { Sys::Virt::EventImpl::_run_timeout_callback_helper(1, 'x', 'y') },
       'Sys::Virt::EventImpl::_run_timeout_callback_helper: $cb must be a reference to a libvirt pointer',
       'non-references are refused');
eval { Sys::Virt::EventImpl::_free_callback_opaque_helper(\1, undef) };
is($@, '', 'freeing with undef opaque data is a no-op, as the original');

# Domain events delivered through the Perl loop.
my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
my @events;
my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { push @events, [$_[1]->get_name, $_[2], $_[3]] });
ok(grep({ $_ eq 'add_timeout' } @{$loop->{log}}) >= 2, 'libvirt added its event timer through the implementation');
$dom->suspend;
for (1 .. 10) { last if @events; $loop->run_once }
is_deeply(\@events, [['test', Sys::Virt::Domain::EVENT_SUSPENDED, Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED]],
          'lifecycle event through the Perl loop');

# A die in the user callback comes out of the helper the loop called.
$conn->domain_event_deregister_any($id);
$id = $conn->domain_event_register_any(undef, 0, sub { die "from callback\n" });
$dom->resume;
my $err;
for (1 .. 10) { eval { $loop->run_once; 1 } or do { $err = $@; last } }
is($err, "from callback\n", 'the die reaches the loop through _run_timeout_callback');
$conn->domain_event_deregister_any($id);

# A dying implementation method: libvirt sees a failure, the die is kept.
{
    no warnings 'redefine';
    local *MiniLoop::add_timeout = sub { die "no timers today\n" };
    eval { Sys::Virt::Event::add_timeout(10, sub {}) };
    is($@, "no timers today\n", "the implementation's die reaches the caller");
}
my $quiet = Sys::Virt::Event::add_timeout(-1, sub {});
ok($quiet > 0, '... and only that call: the next one succeeds');

# Data still in use is never freed: a registered timer's, or one whose
# callback is running (libvirt would go on using it).
{
    my ($ff, $opaque) = @{$loop->{timers}{$quiet}}[3, 2];
    die_is(error_of { Sys::Virt::EventImpl::_free_callback_opaque_helper($ff, $opaque) },
           'Sys::Virt::EventImpl::_free_callback_opaque_helper: cannot free the data of a handle or timeout: '
           . 'it is still registered: remove it first',
           'freeing a registered timer\'s data is refused');
    ok($loop->{timers}{$quiet}, '... it stays registered');
    Sys::Virt::Event::remove_timeout($quiet);
    eval { Sys::Virt::EventImpl::_free_callback_opaque_helper($ff, $opaque) };
    like($@, qr/already freed/, 'removed, it was freed once');

    # MiniLoop frees in remove_timeout itself: from inside the timer's own
    # callback that is refused, and raised by the remove_timeout call.
    my ($id, @seen);
    $id = Sys::Virt::Event::add_timeout(0, sub {
        eval { Sys::Virt::Event::remove_timeout($id) };
        push @seen, $@;
    });
    $loop->run_once;
    is(scalar @seen, 1, 'the timer ran once');
    die_is($seen[0], 'Sys::Virt::EventImpl::_free_callback_opaque_helper: cannot free the data of a handle or timeout: '
           . 'its callback is still running: free it once that returned',
           '... its data cannot be freed from inside its callback');
    ok(!$loop->{timers}{$id}, '... while the removal itself happened');
    my $h = $loop->{removed}[-1];
    $loop->run_once;
    is(scalar @seen, 1, 'a removed timer never runs again');
    eval { Sys::Virt::EventImpl::_free_callback_opaque_helper($h->[3], $h->[2]) };
    is($@, '', 'once its callback returned, the data is freed');
    eval { Sys::Virt::EventImpl::_free_callback_opaque_helper($h->[3], $h->[2]) };
    like($@, qr/already freed/, '... once');
}

# A die in the implementation's add_handle is raised by the call that
# made libvirt add the watch (opening a remote connection), and by no
# later call; a die in update_handle by the remote call during which
# libvirt updated its socket's watch.
SKIP: {
    my ($unix, $tcp) = SysVirtDaemon::uris();
    skip "no private libvirtd: $@", 12 unless $unix;
    {
        no warnings 'redefine';
        local *MiniLoop::add_handle = sub { die "no handles today\n" };
        my $c = eval { Sys::Virt->new(uri => $tcp) };
        is($@, "no handles today\n", "add_handle's die is raised by Sys::Virt->new");
        ok(!$c, '... which returns no connection');
    }
    my $t = eval { Sys::Virt::Event::add_timeout(-1, sub {}) };
    is($@, '', 'a later unrelated event call does not raise it');
    Sys::Virt::Event::remove_timeout($t);
    my $c = Sys::Virt->new(uri => $tcp);
    isa_ok($c, 'Sys::Virt', 'once add_handle works, the connection');
    is(scalar(grep { defined } values %{$loop->{handles}}), 1, '... its socket watched through the implementation');
    {
        no warnings 'redefine';
        my $n = 0;
        local *MiniLoop::update_handle = sub { $n++; die "no updates today ($n)\n" };
        my @r = eval { $c->get_hostname };
        is($@, "no updates today (1)\n", "update_handle's die is raised by the remote call it happened in (the first one)");
        is($n, 2, '... which went on: libvirt updated the watch again after the call');
        # (get_hostname has the fast XSUB of plain getters; a lookup the
        # generic one)
        my $d = eval { $c->get_domain_by_name('test') };
        is($@, "no updates today (3)\n", '... and by a call of the generic XSUB');
        ok(!$d, '... which returns nothing');
    }
    is($c->get_hostname, `hostname` =~ s/\s+\z//r, 'the next call succeeds');
    # libvirt removes its socket's watch while it holds the socket: the
    # data is freed once the call returned (freeing it inside
    # remove_handle, as MiniLoop does, would deadlock).
    my @later;
    {
        no warnings 'redefine';
        local *MiniLoop::remove_handle = sub {
            my ($self, $w) = @_;
            push @later, delete $self->{handles}{$w} // return -1;
            return 0;
        };
        undef $c;
    }
    is(scalar @later, 1, 'closing the connection removed its socket watch');
    eval { $loop->_free_callback_opaque($later[0][4], $later[0][3]) };
    is($@, '', '... whose data is freed once the close returned');
}

done_testing();
