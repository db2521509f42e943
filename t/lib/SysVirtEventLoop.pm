package SysVirtEventLoop;
# The tests of the event loop adapters (Sys::Virt::EventImpl::AnyEvent,
# ::IOAsync, ::Mojo), shared by t/41-eventloop-*.t, which each call
#   SysVirtEventLoop::run_tests('AnyEvent');
# Everything runs in the test process, on the loop itself: run_until()
# runs it until a condition holds, with a deadline (a timer of the loop
# that stops it and fails the check), never a bare sleep.
#
# The implementation registered is a subclass of the adapter that counts:
# every handle and timeout libvirt or the test adds, removes and frees,
# every callback run, and whether a callback ran after its removal or
# data was freed inside a callback or twice.
use strict;
use warnings;
use Test::More;
use Exporter qw(import);
use Time::HiRes ();

use Sys::Virt;
use Sys::Virt::Event;
use SysVirtTest qw(error_of);
use SysVirtDaemon ();

our @EXPORT_OK = qw(loop_for);

# Callbacks of the counting implementation running now.
our $running = 0;

# What each loop needs: its distribution (for the skip reason), how to run
# it until a condition holds or a deadline passes, and a bad loop option.
my %LOOPS = (
    AnyEvent => {
        module => 'AnyEvent', debian => 'libanyevent-perl',
        run_until => sub {
            my ($cond, $secs) = @_;
            my $cv = AnyEvent->condvar;
            my $check = AnyEvent->timer(after => 0, interval => 0.01, cb => sub { $cv->send(1) if $cond->() });
            my $deadline = AnyEvent->timer(after => $secs, cb => sub { $cv->send(0) });
            return $cv->recv;
        },
        # a die in a watcher leaves the loop (the condvar's recv)
        caught => \&die_out_of_run, died => "boom\n",
    },
    IOAsync => {
        module => 'IO::Async::Loop', debian => 'libio-async-perl', bad_loop => 'an IO::Async::Loop',
        run_until => sub {
            my ($cond, $secs) = @_;
            my $loop = IO::Async::Loop->new;
            my ($ok, $id, $tick) = (0);
            $tick = sub {
                if ($cond->()) { $ok = 1; $loop->stop; return }
                $id = $loop->watch_time(after => 0.01, code => $tick);
            };
            $id = $loop->watch_time(after => 0, code => $tick);
            my $deadline = $loop->watch_time(after => $secs, code => sub { $loop->stop });
            $loop->run;
            $loop->unwatch_time($_) for $id, $deadline;
            undef $tick;
            return $ok;
        },
        # a die in a watcher leaves the loop's run
        caught => \&die_out_of_run, died => "boom\n",
    },
    Mojo => {
        module => 'Mojo::IOLoop', debian => 'libmojolicious-perl', bad_loop => 'a Mojo::IOLoop',
        run_until => sub {
            my ($cond, $secs) = @_;
            my $loop = Mojo::IOLoop->singleton;
            my $ok = 0;
            my $check = $loop->recurring(0.01 => sub { if ($cond->()) { $ok = 1; $loop->stop } });
            my $deadline = $loop->timer($secs => sub { $loop->stop });
            $loop->start;
            $loop->remove($_) for $check, $deadline;
            return $ok;
        },
        # the reactor catches a die in a watcher and emits it as its error
        # event (Mojo::IOLoop's own subscriber warns it)
        caught => sub {
            my ($run_until) = @_;
            my ($err, @warnings);
            local $SIG{__WARN__} = sub { push @warnings, $_[0] };
            my $reactor = Mojo::IOLoop->singleton->reactor;
            my $cb = $reactor->on(error => sub { $err = $_[1] });
            $run_until->(sub { defined $err }, 20);
            $reactor->unsubscribe(error => $cb);
            is(scalar @warnings, 1, 'Mojo::IOLoop warns it');
            like($warnings[0] // '', qr/^Mojo::Reactor::\w+: Timer failed: boom\n\z/, '... naming its reactor');
            return $err;
        },
        died => "Timer failed: boom\n",
    },
);

# die_out_of_run($run_until): what a loop run dies with.
sub die_out_of_run {
    my ($run_until) = @_;
    return eval { $run_until->(sub { 0 }, 20); 'the loop did not die' } // $@;
}

# loop_for($name): { class, run_until } of that loop, or a skip of the
# whole test (with the reason) when its distribution is not installed.
sub loop_for {
    my ($name) = @_;
    my $l = $LOOPS{$name} or die "no loop $name";
    unless (eval "require $l->{module}; 1") {
        plan skip_all => "$l->{module} is not installed (Debian: $l->{debian})";
    }
    return { %$l, class => "Sys::Virt::EventImpl::$name" };
}

# ---- the counting implementation ------------------------------------------

# make_counting($class): a subclass of $class that keeps the books in
# $impl->{books}: {id => {kind, ff, opaque, removed, freed, runs, late}},
# and {errors}: what broke a rule.
sub make_counting {
    my ($class) = @_;
    my $pkg = "Counting::$class";
    no strict 'refs';
    @{"${pkg}::ISA"} = ($class);
    my $add = sub {
        my ($kind, $n) = @_;        # $n: the position of $ff among the arguments
        my $super = $class->can("add_$kind");
        return sub {
            my $self = $_[0];
            my ($cb, $opaque, $ff) = @_[$n - 2 .. $n];
            my $id = $super->(@_);
            $self->{books}{$id} = { kind => $kind, ff => $$ff, opaque => $$opaque, removed => 0,
                                    freed => 0, runs => 0 };
            return $id;
        };
    };
    *{"${pkg}::add_handle"} = $add->('handle', 5);
    *{"${pkg}::add_timeout"} = $add->('timeout', 4);
    for my $kind (qw(handle timeout)) {
        my $super = $class->can("remove_$kind");
        *{"${pkg}::remove_$kind"} = sub {
            my ($self, $id) = @_;
            my $b = $self->{books}{$id};
            $b->{removed}++ if $b && $b->{kind} eq $kind;
            return $super->(@_);
        };
    }
    for my $kind (qw(handle timeout)) {
        my $super = $class->can("_run_${kind}_callback");
        *{"${pkg}::_run_${kind}_callback"} = sub {
            my ($self, $id) = @_;
            my $b = $self->{books}{$id};
            push @{$self->{errors}}, "$kind $id ran after its removal" if !$b || $b->{removed};
            $b->{runs}++ if $b;
            local $SysVirtEventLoop::running = $SysVirtEventLoop::running + 1;
            return $super->(@_);
        };
    }
    my $free = $class->can('_free_callback_opaque');
    *{"${pkg}::_free_callback_opaque"} = sub {
        my ($self, $ff, $opaque) = @_;
        push @{$self->{errors}}, 'data freed inside a callback' if $SysVirtEventLoop::running;
        my ($b) = grep { $_->{ff} == $$ff && $_->{opaque} == $$opaque && $_->{removed} && !$_->{freed} }
                  map { $self->{books}{$_} } sort { $a <=> $b } keys %{$self->{books}};
        if ($b) { $b->{freed}++ } else { push @{$self->{errors}}, 'data freed that was not removed, or twice' }
        return $free->(@_);
    };
    return $pkg;
}

# The books' totals: (added, removed, freed).
sub totals {
    my ($impl) = @_;
    my @b = values %{$impl->{books}};
    return (scalar @b, scalar(grep { $_->{removed} } @b), scalar(grep { $_->{freed} } @b));
}

# ---- the tests -------------------------------------------------------------

sub run_tests {
    my ($name) = @_;
    ok(!$INC{"Sys/Virt/EventImpl/$name.pm"}, "use Sys::Virt leaves Sys::Virt::EventImpl::$name unloaded");
    my $l = loop_for($name);
    my $class = $l->{class};
    require_ok($class);
    my $run_until = $l->{run_until};
    # run_for($secs): the loop runs that long, whatever happens.
    my $run_for = sub { $run_until->(sub { 0 }, $_[0]) };

    # ---- construction and registration
    is(error_of { $class->new(colour => 'blue') }, "${class}::new: unknown option 'colour'\n",
       'an unknown option is refused, by name');
    if (my $what = $l->{bad_loop}) {
        is(error_of { $class->new(loop => {}) }, "${class}::new: loop must be $what\n", 'loop must be a loop object');
        ok($class->new->loop, 'new without options takes the shared loop');
    }
    my $impl = make_counting($class)->new;
    isa_ok($impl, 'Sys::Virt::EventImpl');
    is($impl->register, $impl, 'register returns the implementation');
    is($Sys::Virt::Event::eventimpl, $impl, '... which is now libvirt\'s event loop');

    # ---- timeouts
    my (@at, $t);
    $t = Sys::Virt::Event::add_timeout(50, sub { push @at, Time::HiRes::time() });
    ok($run_until->(sub { @at >= 3 }, 20), 'a 50 ms timer repeats');
    # (a late expiry may make the next gap shorter: the mean is checked)
    cmp_ok(($at[-1] - $at[0]) / $#at, '>=', 0.045, '... every 50 ms')
        or diag join ' ', map { sprintf '%.3f', $at[$_] - $at[$_ - 1] } 1 .. $#at;
    Sys::Virt::Event::update_timeout($t, -1);
    my $n = @at;
    $run_for->(0.2);
    is(scalar @at, $n, 'updated to -1: disabled');
    Sys::Virt::Event::update_timeout($t, 20);
    ok($run_until->(sub { @at >= $n + 2 }, 20), 'updated to 20 ms: runs again');
    Sys::Virt::Event::remove_timeout($t);
    $n = @at;
    $run_for->(0.1);
    is(scalar @at, $n, 'removed: never again');

    # 0: on every turn of the loop; the callback disables, re-enables and
    # finally removes its own timer.
    my @zero;
    $t = Sys::Virt::Event::add_timeout(0, sub {
        my ($timer) = @_;
        push @zero, $timer;
        Sys::Virt::Event::update_timeout($timer, -1) if @zero == 5;
        Sys::Virt::Event::remove_timeout($timer) if @zero == 8;
    });
    ok($run_until->(sub { @zero >= 5 }, 20), 'a 0 ms timer runs on every turn of the loop');
    is_deeply([@zero[0 .. 4]], [($t) x 5], '... given its timer id');
    $run_for->(0.2);
    is(scalar @zero, 5, 'its own callback disabled it: it stopped at once');
    Sys::Virt::Event::update_timeout($t, 0);
    ok($run_until->(sub { @zero >= 8 }, 20), 're-enabled, it runs again');
    $run_for->(0.2);
    is(scalar @zero, 8, 'removed inside its own callback: it never ran again');
    eval { Sys::Virt::Event::remove_timeout($t) };
    is_deeply(ref $@ ? [$@->code, $@->message] : $@, [0, 'Unknown problem'],
              'removing it again: the implementation refuses an unknown id, as libvirt\'s loop');

    # A die in a callback (here a Perl one libvirt ran) reaches the loop.
    Sys::Virt::Event::add_timeout(0, sub { Sys::Virt::Event::remove_timeout($_[0]); die "boom\n" });
    is($l->{caught}->($run_until), $l->{died}, 'a die in a callback comes out of the loop\'s watcher, as the loop handles those');

    # A 0 ms timer removes a 30 ms one before it ever ran.
    my ($late_runs, $remover) = (0);
    my $late = Sys::Virt::Event::add_timeout(30, sub { $late_runs++ });
    $remover = Sys::Virt::Event::add_timeout(0, sub { Sys::Virt::Event::remove_timeout($late); Sys::Virt::Event::remove_timeout($_[0]) });
    $run_for->(0.15);
    is($late_runs, 0, 'a timer removed by another one\'s callback never runs');

    # ---- handles, on a pipe
    pipe(my $rd, my $wr) or die "pipe: $!";
    $wr->autoflush(1);
    my @io;
    my $w = Sys::Virt::Event::add_handle(fileno($rd), Sys::Virt::Event::HANDLE_READABLE, sub {
        my ($watch, $fd, $events) = @_;
        push @io, [$watch, $fd, $events];
        sysread($rd, my $buf, 100) if $events & Sys::Virt::Event::HANDLE_READABLE;
        Sys::Virt::Event::remove_handle($watch) if $events & Sys::Virt::Event::HANDLE_HANGUP;
    });
    $run_for->(0.1);
    is(scalar @io, 0, 'nothing to read: no callback');
    syswrite($wr, 'x');
    ok($run_until->(sub { @io }, 20), 'written to: the watch runs');
    is_deeply($io[0], [$w, fileno($rd), Sys::Virt::Event::HANDLE_READABLE], '... with ($watch, $fd, HANDLE_READABLE)');
    Sys::Virt::Event::update_handle($w, 0);
    syswrite($wr, 'y');
    $run_for->(0.15);
    is(scalar @io, 1, 'updated to 0: disabled, though readable');
    Sys::Virt::Event::update_handle($w, Sys::Virt::Event::HANDLE_READABLE);
    ok($run_until->(sub { @io >= 2 }, 20), 're-enabled: runs for the byte waiting');
    close $wr;
    ok($run_until->(sub { grep { $_->[2] & Sys::Virt::Event::HANDLE_HANGUP } @io }, 20),
       'the writer closed: HANDLE_HANGUP, as poll(2) reports it');
    $n = @io;
    $run_for->(0.15);
    is(scalar @io, $n, 'removed inside its own callback (the hang-up would go on firing): never again');
    close $rd;

    pipe(my $rd2, my $wr2) or die "pipe: $!";
    my @wio;
    my $ww = Sys::Virt::Event::add_handle(fileno($wr2), Sys::Virt::Event::HANDLE_WRITABLE, sub {
        push @wio, [@_];
        Sys::Virt::Event::remove_handle($_[0]);
    });
    ok($run_until->(sub { @wio }, 20), 'a writable pipe: the watch runs');
    is_deeply(\@wio, [[$ww, fileno($wr2), Sys::Virt::Event::HANDLE_WRITABLE]], '... with HANDLE_WRITABLE, once (removed inside)');
    eval { Sys::Virt::Event::add_handle(987, Sys::Virt::Event::HANDLE_READABLE, sub {}) };
    like($@, qr/^\Q${\ ref $impl}::add_handle: cannot watch file descriptor 987: Bad file descriptor\E\n\z/,
         'a descriptor that is not open: the implementation\'s die is raised by add_handle');
    close $_ for $rd2, $wr2;

    # ---- a remote connection (the private libvirtd, over TCP)
  SKIP: {
        my ($unix, $stop, $pid, $tcp) = eval { SysVirtDaemon::start_private(17000 + ($$ + 300) % 1000) };
        skip "cannot start a private libvirtd: $@", 17 unless $unix;
        my $conn = Sys::Virt->new(uri => $tcp);
        my $other = Sys::Virt->new(uri => $tcp);
        ok(grep({ $_->{kind} eq 'handle' && !$_->{removed} } values %{$impl->{books}}) >= 2,
           'the connections\' sockets are watched through the implementation');

        # Domain lifecycle events made by another connection.
        my @events;
        my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub {
            my ($c, $dom, $event, $detail) = @_;
            push @events, [ref $c, $dom->get_name, $event, $detail];
        });
        my $odom = $other->get_domain_by_name('test');
        $odom->suspend;
        $odom->resume;
        ok($run_until->(sub { @events >= 2 }, 20), 'lifecycle events arrive while the loop runs');
        is_deeply(\@events, [
            ['Sys::Virt', 'test', Sys::Virt::Domain::EVENT_SUSPENDED, Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED],
            ['Sys::Virt', 'test', Sys::Virt::Domain::EVENT_RESUMED, Sys::Virt::Domain::EVENT_RESUMED_UNPAUSED],
        ], '... suspended (paused) then resumed (unpaused)');
        # A callback that deregisters itself (for the domain only: libvirt
        # keeps one callback per connection, event and domain).
        my @once;
        my $once;
        $once = $conn->domain_event_register_any($conn->get_domain_by_name('test'), Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub {
            push @once, $_[2];
            $_[0]->domain_event_deregister_any($once);
        });
        $odom->suspend;
        $odom->resume;
        ok($run_until->(sub { @events >= 4 }, 20), 'more events');
        is_deeply(\@once, [Sys::Virt::Domain::EVENT_SUSPENDED], 'a callback deregistered inside itself ran once');
        $conn->domain_event_deregister_any($id);

        # A stream read from its callback.
        my $st = $conn->new_stream(Sys::Virt::Stream::NONBLOCK);
        is($conn->get_domain_by_name('test')->screenshot($st, 0), 'image/png', 'a screenshot into a non-blocking stream');
        my ($data, $eof) = ('', 0);
        $st->add_callback(Sys::Virt::Stream::EVENT_READABLE, sub {
            my ($s) = @_;
            my $got = $s->recv(my $buf, 65536);
            if ($got > 0) { $data .= $buf } elsif ($got == 0) { $eof = 1; $s->update_callback(0) }
        });
        ok($run_until->(sub { $eof }, 20), 'the stream callback read it to the end');
        is(substr($data, 0, 8), "\x89PNG\r\n\x1a\n", '... a PNG');
        $st->remove_callback;
        $st->finish;

        # Keep-alive: a frozen daemon answers nothing.
        my @closed;
        $conn->register_close_callback(sub { push @closed, [ref $_[0], $_[1]] });
        $conn->set_keep_alive(1, 2);
        $odom = undef;
        $other = undef;     # (it would wait for the frozen daemon)
        kill 'STOP', $pid;
        my $t0 = Time::HiRes::time();
        ok($run_until->(sub { @closed }, 20), 'keep-alive: a frozen daemon is detected');
        kill 'CONT', $pid;
        is_deeply(\@closed, [['Sys::Virt', Sys::Virt::CLOSE_REASON_KEEPALIVE]], '... the close callback got CLOSE_REASON_KEEPALIVE');
        cmp_ok(Time::HiRes::time() - $t0, '>=', 2, '... after 1 s x 2 unanswered keep-alive messages');
        ok(!$conn->is_alive, '... and the connection is closed');
        $conn->unregister_close_callback;
        undef $conn;

        # A daemon that stops: the end of its socket is seen at once (its
        # keep-alive would take 15 s).
        my $c2 = Sys::Virt->new(uri => $tcp);
        my @closed2;
        $c2->register_close_callback(sub { push @closed2, $_[1] });
        $c2->set_keep_alive(5, 3);
        $stop->();
        ok($run_until->(sub { @closed2 }, 20), 'a stopped daemon: the close callback ran');
        # (libvirt reads the end of the TCP stream as an error: its own loop
        # reports the same)
        is_deeply(\@closed2, [Sys::Virt::CLOSE_REASON_ERROR], '... with CLOSE_REASON_ERROR, as with libvirt\'s own loop');
        $c2->unregister_close_callback;
        undef $c2;
    }

    # ---- every free callback ran once, after its removal, outside callbacks
    my ($added, $removed, $freed);
    ok($run_until->(sub { ($added, $removed, $freed) = totals($impl); $freed == $added }, 20),
       'everything added was removed and freed');
    is_deeply([$added, $removed, $freed], [$added, $added, $added], "... all $added of them, each once")
        or diag explain $impl->{books};
    cmp_ok($added, '>=', 10, '... libvirt\'s and the test\'s');
    is_deeply($impl->{errors} // [], [], 'no callback ran after its removal; nothing freed inside a callback, or twice');
    is_deeply([keys %{$impl->{handles}}, keys %{$impl->{timeouts}}], [], 'the implementation holds nothing');
}

1;
