# The event machinery with libvirt's default event loop: domain,
# network, storage pool and node device events, close callbacks, timers,
# file handle watches, stream callbacks, dying callbacks, and that every
# callback is released exactly once.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(rss_kib error_of wrong_class_is);

use Sys::Virt;
use Sys::Virt::Event;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');
alarm 60;    # a lost event must fail the test, not hang it

# Counts destructions, to prove our references are released exactly once.
package Tracker { my $n = 0; sub new { bless {}, shift } sub DESTROY { $n++ } sub count { $n } }

# Before an event loop exists: adding a timer fails with libvirt's error.
eval { Sys::Virt::Event::add_timeout(10, sub {}) };
isa_ok($@, 'Sys::Virt::Error', 'add_timeout without an event loop');
eval { Sys::Virt::Event::remove_timeout(12345) };
isa_ok($@, 'Sys::Virt::Error', 'remove_timeout without an event loop');

my @r = Sys::Virt::Event::register_default();
is(scalar @r, 0, 'register_default returns nothing');
Sys::Virt::Event::register_default();
pass('register_default twice is harmless');

# Runs the default loop until $done->() or $max iterations; a 20 ms timer
# keeps every iteration short.
my $tick = Sys::Virt::Event::add_timeout(20, sub {});
sub run_until {
    my ($done, $max) = @_;
    $max //= 100;
    for (1 .. $max) {
        return 1 if $done->();
        Sys::Virt::Event::run_default();
    }
    return $done->();
}

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');

# ---- domain lifecycle events ----------------------------------------------
my (@events, @context);
my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub {
    my ($c, $d, $event, $detail) = @_;
    push @context, wantarray;
    push @events, [ref($c), $c == $conn ? 'same conn' : 'other conn', ref($d), $d->get_name, $event, $detail];
    return ('a', 'list', 'nobody reads');
});
like($id, qr/^\d+$/, 'domain_event_register_any returns a callback ID');
cmp_ok($id, '>=', 0, '... not negative');

$dom->suspend;
$dom->resume;
ok(run_until(sub { @events >= 2 }), 'suspend and resume events arrive');
is_deeply(\@events, [
    ['Sys::Virt', 'same conn', 'Sys::Virt::Domain', 'test', Sys::Virt::Domain::EVENT_SUSPENDED, Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED],
    ['Sys::Virt', 'same conn', 'Sys::Virt::Domain', 'test', Sys::Virt::Domain::EVENT_RESUMED, Sys::Virt::Domain::EVENT_RESUMED_UNPAUSED],
], 'callback gets ($conn, $dom, $event, $detail) with the exact constants');
is_deeply(\@context, ['', ''], 'called in scalar context, as the original (its value is dropped)');

@events = ();
$dom->destroy;
$dom->create;
ok(run_until(sub { @events >= 2 }), 'destroy and create events arrive');
is_deeply([map { [@$_[3, 4, 5]] } @events], [
    ['test', Sys::Virt::Domain::EVENT_STOPPED, Sys::Virt::Domain::EVENT_STOPPED_DESTROYED],
    ['test', Sys::Virt::Domain::EVENT_STARTED, Sys::Virt::Domain::EVENT_STARTED_BOOTED],
], 'stopped/destroyed then started/booted');

# A callback limited to one domain, and the old registration API.
my $other = $conn->define_domain(<<'XML');
<domain type='test'><name>ev-other</name><memory>65536</memory><os><type>hvm</type></os></domain>
XML
Sys::Virt::Event::run_default() for 1 .. 3;    # deliver its 'defined' event now
my (@only_test, @old);
my $id2 = $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { push @only_test, $_[1]->get_name });
isnt($id2, $id, 'a second registration gets another ID');
my @ret = $conn->domain_event_register(sub { push @old, [$_[1]->get_name, $_[2], $_[3]] });
is(scalar @ret, 0, 'domain_event_register returns nothing');
@events = ();
$other->create;
$dom->suspend;
ok(run_until(sub { @events >= 2 && @old >= 2 }), 'events for two domains');
is_deeply(\@only_test, ['test'], 'a callback for one domain only sees that domain');
is_deeply(\@old, [['ev-other', Sys::Virt::Domain::EVENT_STARTED, Sys::Virt::Domain::EVENT_STARTED_BOOTED],
                  ['test', Sys::Virt::Domain::EVENT_SUSPENDED, Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED]],
          'domain_event_register: ($conn, $dom, $event, $detail)');

# Deregistration: no more events.
@ret = $conn->domain_event_deregister_any($id);
is(scalar @ret, 0, 'domain_event_deregister_any returns nothing');
$conn->domain_event_deregister_any($id2);
$conn->domain_event_deregister;
$conn->domain_event_deregister_any(98765);
pass('deregistering an unknown ID is ignored, as the original');
(@events, @old, @only_test) = ();
$dom->resume;
$other->destroy;
Sys::Virt::Event::run_default() for 1 .. 5;
is(scalar(@events) + scalar(@old) + scalar(@only_test), 0, 'no event after deregistration');
$other->undefine;

# Other event IDs get their own arguments: metadata change gives
# ($conn, $dom, $type, $nsuri), the URI undef for the description.
my @meta;
my $mid = $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_METADATA_CHANGE, sub { push @meta, [@_] });
$dom->set_metadata(Sys::Virt::Domain::METADATA_DESCRIPTION, "hello", undef, undef, 0);
ok(run_until(sub { @meta }), 'metadata change event arrives');
is(scalar @{$meta[0]}, 4, 'metadata change: four arguments');
isa_ok($meta[0][1], 'Sys::Virt::Domain');
is($meta[0][2], Sys::Virt::Domain::METADATA_DESCRIPTION, '... the metadata type');
ok(!defined $meta[0][3], '... no namespace URI: undef');
$conn->domain_event_deregister_any($mid);

# Bad registrations.
eval { $conn->domain_event_register_any(undef, 9999, sub {}) };
isa_ok($@, 'Sys::Virt::Error', 'unknown event ID');
is($@->code, Sys::Virt::Error::ERR_INVALID_ARG, '... ERR_INVALID_ARG');
wrong_class_is(error_of { $conn->domain_event_register_any($conn->get_network_by_name('default'), 0, sub {}) },
               'Sys::Virt::Domain', 'Sys::Virt::domain_event_register_any', '$dom',
               'a network where a domain is expected: the domain\'s invalid-object error');
wrong_class_is(error_of { $conn->domain_event_register_any({}, 0, sub {}) },
               'Sys::Virt::Domain', 'Sys::Virt::domain_event_register_any', '$dom',
               'an unblessed reference: the same error');
{
    my @w;
    local $SIG{__WARN__} = sub { push @w, @_ };
    my @r = eval { Sys::Virt::domain_event_register_any('nope', undef, 0, sub {}) };
    is_deeply(\@r, [undef], 'a non-object connection returns undef, as the original');
    like($w[0], qr/^Sys::Virt::domain_event_register_any\(\) -- conref is not a blessed SV reference/, '... with its warning');
}
eval { $conn->domain_event_register_any(undef, 0) };
like($@, qr/^Usage: Sys::Virt::domain_event_register_any\(conref, domref, eventID, cb\)/, 'usage');

# ---- network, storage pool, node device, secret events --------------------
my @net;
my $nid = $conn->network_event_register_any(undef, Sys::Virt::Network::EVENT_ID_LIFECYCLE,
    sub { push @net, [ref $_[1], $_[1]->get_name, $_[2], $_[3]] });
my $net = $conn->get_network_by_name('default');
$net->destroy;
$net->create;
ok(run_until(sub { @net >= 2 }), 'network events arrive');
is_deeply(\@net, [['Sys::Virt::Network', 'default', Sys::Virt::Network::EVENT_STOPPED, 0],
                  ['Sys::Virt::Network', 'default', Sys::Virt::Network::EVENT_STARTED, 0]],
          'network lifecycle: ($conn, $net, $event, $detail)');
$conn->network_event_deregister_any($nid);

my (@pool, @refresh);
my $pid = $conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE,
    sub { push @pool, [ref $_[1], $_[1]->get_name, $_[2], $_[3]] });
my $rfid = $conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_REFRESH,
    sub { push @refresh, [ref $_[1], scalar @_] });
my $pool = $conn->get_storage_pool_by_name('default-pool');
$pool->destroy;
$pool->create;
$pool->refresh;
ok(run_until(sub { @pool >= 2 && @refresh }), 'storage pool events arrive');
is_deeply(\@pool, [['Sys::Virt::StoragePool', 'default-pool', Sys::Virt::StoragePool::EVENT_STOPPED, 0],
                   ['Sys::Virt::StoragePool', 'default-pool', Sys::Virt::StoragePool::EVENT_STARTED, 0]],
          'pool lifecycle: ($conn, $pool, $event, $detail)');
is_deeply($refresh[0], ['Sys::Virt::StoragePool', 2], 'pool refresh: ($conn, $pool)');
$conn->storage_pool_event_deregister_any($_) for $pid, $rfid;

my $did = $conn->node_device_event_register_any(undef, Sys::Virt::NodeDevice::EVENT_ID_LIFECYCLE, sub {});
like($did, qr/^\d+$/, 'node_device_event_register_any returns an ID');
$conn->node_device_event_deregister_any($did);
eval { $conn->secret_event_register_any(undef, Sys::Virt::Secret::EVENT_ID_LIFECYCLE, sub {}) };
is($@->code, Sys::Virt::Error::ERR_NO_SUPPORT, 'test driver: secret events unsupported (ERR_NO_SUPPORT)');

# ---- a dying callback -----------------------------------------------------
my $calls = 0;
my $die_id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { $calls++; die "callback died\n" });
$dom->suspend;
my $err;
for (1 .. 50) {
    eval { Sys::Virt::Event::run_default(); 1 } or do { $err = $@; last };
}
is($err, "callback died\n", "the callback's die reaches the caller of run_default");
is($calls, 1, 'the callback ran once');
eval { Sys::Virt::Event::run_default() };
is($@, '', 'the next run_default is clean');
my $obj_err;
$conn->domain_event_deregister_any($die_id);
$die_id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { die Tracker->new });
$dom->resume;
for (1 .. 50) {
    eval { Sys::Virt::Event::run_default(); 1 } or do { $obj_err = $@; last };
}
isa_ok($obj_err, 'Tracker', 'a die with an object keeps the object');
$conn->domain_event_deregister_any($die_id);

# ---- timers ---------------------------------------------------------------
my @fired;
my $t = Sys::Virt::Event::add_timeout(0, sub { push @fired, [@_] });
like($t, qr/^\d+$/, 'add_timeout returns a timer number');
ok(run_until(sub { @fired >= 2 }), 'a 0 ms timer fires on each iteration');
is_deeply($fired[0], [$t], 'timer callback gets ($timer)');
@ret = Sys::Virt::Event::update_timeout($t, -1);
is(scalar @ret, 0, 'update_timeout returns nothing');
@fired = ();
Sys::Virt::Event::run_default() for 1 .. 3;
is(scalar @fired, 0, 'a disabled timer does not fire');
Sys::Virt::Event::update_timeout($t, 0);
ok(run_until(sub { @fired }), 're-enabled timer fires again');
@ret = Sys::Virt::Event::remove_timeout($t);
is(scalar @ret, 0, 'remove_timeout returns nothing');
@fired = ();
Sys::Virt::Event::run_default() for 1 .. 3;
is(scalar @fired, 0, 'a removed timer does not fire');
eval { Sys::Virt::Event::remove_timeout($t) };
isa_ok($@, 'Sys::Virt::Error', 'removing it twice');
# libvirt records no error for an unknown id: the original then raised an
# all-zero error, and so do we.
for my $remove (\&Sys::Virt::Event::remove_timeout, \&Sys::Virt::Event::remove_handle) {
    eval { $remove->(987654) };
    is_deeply(ref $@ ? [$@->level, $@->code, $@->domain, $@->message] : $@,
              [0, 0, 0, 'Unknown problem'], 'removing an unknown id: the original\'s all-zero error');
}

my $tt = Sys::Virt::Event::add_timeout(0, sub { die "timer died\n" });
eval { Sys::Virt::Event::run_default() for 1 .. 5 };
is($@, "timer died\n", 'a dying timer callback reaches run_default');
Sys::Virt::Event::remove_timeout($tt);

# ---- file handles -----------------------------------------------------------
pipe(my $rd, my $wr) or die "pipe: $!";
my @io;
my $w = Sys::Virt::Event::add_handle(fileno($rd), Sys::Virt::Event::HANDLE_READABLE, sub { push @io, [@_] });
like($w, qr/^\d+$/, 'add_handle returns a watch number');
Sys::Virt::Event::run_default() for 1 .. 3;
is(scalar @io, 0, 'nothing to read: no callback');
syswrite($wr, "x");
ok(run_until(sub { @io }), 'readable pipe fires the watch');
is_deeply($io[0], [$w, fileno($rd), Sys::Virt::Event::HANDLE_READABLE], 'handle callback gets ($watch, $fd, $events)');
Sys::Virt::Event::update_handle($w, 0);
@io = ();
Sys::Virt::Event::run_default() for 1 .. 3;
is(scalar @io, 0, 'watch updated to no events: silent');
Sys::Virt::Event::update_handle($w, Sys::Virt::Event::HANDLE_READABLE);
ok(run_until(sub { @io }), 'watch re-enabled: fires again');
@ret = Sys::Virt::Event::remove_handle($w);
is(scalar @ret, 0, 'remove_handle returns nothing');
@io = ();
Sys::Virt::Event::run_default() for 1 .. 3;
is(scalar @io, 0, 'removed watch is silent');
eval { Sys::Virt::Event::remove_handle($w) };
isa_ok($@, 'Sys::Virt::Error', 'removing a watch twice');

# ---- stream callbacks -------------------------------------------------------
{
    my $st = $conn->new_stream(Sys::Virt::Stream::NONBLOCK);
    my $mime = $dom->screenshot($st, 0);
    is($mime, 'image/png', 'screenshot into a non-blocking stream');
    my ($data, $eof, @sev) = ('', 0);
    @ret = $st->add_callback(Sys::Virt::Stream::EVENT_READABLE, sub {
        my ($s, $ev) = @_;
        push @sev, [ref $s, $ev];
        my $buf;
        my $n = $s->recv($buf, 65536);
        if ($n > 0) { $data .= $buf }
        elsif ($n == 0) { $eof = 1; $s->update_callback(0) }
    });
    is(scalar @ret, 0, 'add_callback returns nothing');
    ok(run_until(sub { $eof }, 500), 'stream callback read to the end');
    is_deeply($sev[0], ['Sys::Virt::Stream', Sys::Virt::Stream::EVENT_READABLE], 'stream callback gets ($st, $events)');
    is(substr($data, 0, 8), "\x89PNG\r\n\x1a\n", 'PNG data read from the callback');
    is(length($data), -s '/usr/share/libvirt/test-screenshot.png', 'the whole screenshot');
    @ret = $st->remove_callback;
    is(scalar @ret, 0, 'remove_callback returns nothing');
    $st->finish;
    eval { $st->update_callback(Sys::Virt::Stream::EVENT_READABLE) };
    isa_ok($@, 'Sys::Virt::Error', 'update_callback without a callback');
    my @w;
    local $SIG{__WARN__} = sub { push @w, @_ };
    my @r = eval { Sys::Virt::Stream::add_callback('nope', 1, sub {}) };
    is_deeply(\@r, [undef], 'add_callback on a non-object returns undef');
    like($w[0], qr/stref is not a blessed SV reference/, '... with its warning');
}

# ---- close callback ---------------------------------------------------------
{
    my $before = Tracker::count();
    my $c2 = Sys::Virt->new(uri => 'test:///default');
    {
        my $tr = Tracker->new;
        @ret = $c2->register_close_callback(sub { my $keep = $tr; });
    }
    is(scalar @ret, 0, 'register_close_callback returns nothing');
    is(Tracker::count(), $before, 'the close callback is kept alive');
    @ret = $c2->unregister_close_callback;
    is(scalar @ret, 0, 'unregister_close_callback returns nothing');
    is(Tracker::count(), $before + 1, 'the close callback was released once');
}

# ---- references are released exactly once; memory holds steady -------------
{
    my $before = Tracker::count();
    my $cid;
    {
        my $tr = Tracker->new;
        $cid = $conn->domain_event_register_any(undef, 0, sub { my $keep = $tr });
    }
    is(Tracker::count(), $before, 'the registered callback is kept alive');
    $conn->domain_event_deregister_any($cid);
    is(Tracker::count(), $before + 1, 'deregistration released it, once');

    my $tid;
    {
        my $tr2 = Tracker->new;
        $tid = Sys::Virt::Event::add_timeout(-1, sub { my $keep = $tr2 });
    }
    is(Tracker::count(), $before + 1, 'the timer callback is kept alive');
    Sys::Virt::Event::remove_timeout($tid);
    # the default loop frees removed timers in a later iteration
    ok(run_until(sub { Tracker::count() >= $before + 2 }, 10), 'a removed timer callback is released');
    Sys::Virt::Event::run_default() for 1 .. 3;
    is(Tracker::count(), $before + 2, '... once');
}

sub churn {
    for (1 .. shift) {
        my $cb = sub { 1 };
        my $i = $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, $cb);
        $conn->domain_event_deregister_any($i);
        $i = $conn->network_event_register_any(undef, 0, $cb);
        $conn->network_event_deregister_any($i);
        $conn->domain_event_register($cb);
        $conn->domain_event_deregister;
        $conn->register_close_callback($cb);
        $conn->unregister_close_callback;
        my $t = Sys::Virt::Event::add_timeout(-1, $cb);
        Sys::Virt::Event::remove_timeout($t);
        Sys::Virt::Event::run_default();
    }
}
churn(2000);
my $rss = rss_kib();
churn(20000);
cmp_ok(rss_kib() - $rss, '<', 2048, 'register/deregister loop: memory holds steady');

Sys::Virt::Event::remove_timeout($tick);
done_testing();
