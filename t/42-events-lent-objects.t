# The object an event callback gets ($dom, $net...) is lent: it holds
# libvirt's pointer without a reference of its own while the callback
# runs, and takes one when the callback has returned only if the Perl code
# kept the object. Whatever the callback does with it (nothing, a copy, a
# reference to the argument, \@_, a weak reference, overwriting the
# argument, DESTROY, rebless, a die, an exit), the object it kept works
# and holds exactly one reference (libvirt's own is gone once the event
# is dispatched), and an object it did not keep holds none.
# `_test_refs` (a test hook) reads the reference count of the libvirt
# object behind a handle.
use strict;
use warnings;
use Test::More;
use Scalar::Util qw(weaken);
use lib 't/lib';
use SysVirtTest qw(error_of);

BEGIN { $ENV{SYSVIRT_TEST_HOOKS} = 1 }
use Sys::Virt;
use Sys::Virt::Event;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');
alarm 60;    # a lost event must fail the test, not hang it

Sys::Virt::Event::register_default();
my $tick = Sys::Virt::Event::add_timeout(20, sub {});
my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');

# The callback of the case being run, and what it saw.
my ($action, $calls);
my $id = $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
                                          sub { $calls++; $action->(@_) });

# event($code): one lifecycle event (the domain suspended, or resumed),
# delivered to $code. Returns run_default's die, or ''.
sub event {
    ($action, $calls) = (shift, 0);
    $dom->get_info->{state} == Sys::Virt::Domain::STATE_PAUSED ? $dom->resume : $dom->suspend;
    my $died = '';
    for (1 .. 50) {
        last if $calls;
        eval { Sys::Virt::Event::run_default(); 1 } or $died = $@;
    }
    is($calls, 1, 'the event was delivered once');
    return $died;
}

# kept_ok($obj, $name): the object kept from a callback works, and holds
# exactly one reference of the libvirt object (ours).
sub kept_ok {
    my ($obj, $name, $want_name) = @_;
    is($obj->_test_refs, 1, "$name: the kept object holds one reference");
    is($obj->get_name, $want_name // 'test', "$name: the kept object works");
}

my $keep;

# ---- not kept -------------------------------------------------------------
{
    my @seen;
    event(sub {
        my ($c, $d) = @_;
        my $copy = $d;            # copies that are gone when it returns
        my @list = ($d, $d);
        push @seen, ref($d), $d->get_name, $d->get_uuid_string, $d->is_active, $d->_test_refs, $copy->_test_refs;
    });
    is_deeply(\@seen, ['Sys::Virt::Domain', 'test', $dom->get_uuid_string, 1, 1, 1],
              'not kept: methods work on the lent object, which holds no reference of its own (only libvirt\'s)');
}

# ---- kept -----------------------------------------------------------------
event(sub { $keep = $_[1] });
kept_ok($keep, 'a copy');

event(sub { $keep = \$_[1] });
is(ref $keep, 'REF', 'a reference to the argument');
kept_ok($$keep, 'a reference to the argument');

event(sub { $keep = \@_ });
kept_ok($keep->[1], '\@_');

event(sub { my %h = (dom => $_[1]); $keep = sub { $h{dom} } });
kept_ok($keep->(), 'a closure');

{
    my $weak;
    event(sub { $weak = $_[1]; weaken($weak) });
    ok(!defined $weak, 'only a weak reference: the object is gone after the callback');
}
{
    my $weak;
    event(sub { $keep = $_[1]; $weak = $_[1]; weaken($weak) });
    kept_ok($keep, 'a copy and a weak reference');
    ok(defined $weak, '... the weak reference is still there');
    undef $keep;
    ok(!defined $weak, '... and goes with the object');
}

event(sub { $keep = $_[1]; $_[1] = undef });
kept_ok($keep, 'a copy, then the argument overwritten');

{
    my $ok;
    event(sub { $_[1] = 42; $ok = 1 });
    ok($ok, 'the argument overwritten, nothing kept');
}

# Two objects of the same event, from two callbacks: one kept, one not.
{
    my $other;
    my $id2 = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
                                               sub { $other = $_[1] });
    event(sub { my $x = $_[1]->get_name });
    kept_ok($other, 'kept by one callback, not by the other');
    $conn->domain_event_deregister_any($id2);
}

# ---- what the callback did to the object ------------------------------------
{
    my @inside;
    event(sub {
        $_[1]->DESTROY;
        my $d = $keep = $_[1];
        push @inside, error_of(sub { $d->get_name });
    });
    my $want = [Sys::Virt::Error::ERR_INVALID_DOMAIN, Sys::Virt::Error::FROM_DOM];
    is_deeply([map { [$_->code, $_->domain] } @inside], [$want],
              'DESTROY inside the callback: the object is destroyed there (as the original)');
    my $e = error_of(sub { $keep->get_name });
    is_deeply([ref $e && $e->code, ref $e && $e->domain], $want, '... and stays so once kept');
}

{
    package My::Domain;
    our @ISA = ('Sys::Virt::Domain');
}
event(sub { bless $_[1], 'My::Domain'; $keep = $_[1] });
is(ref $keep, 'My::Domain', 'reblessed and kept');
kept_ok($keep, 'reblessed into a subclass');

{
    my $warned = '';
    event(sub { $keep = $_[1]; ${ $_[1] } = 0 });
    local $SIG{__WARN__} = sub { $warned .= $_[0] };
    ok(!eval { $keep->get_name; 1 }, 'its pointer overwritten by Perl code: not a handle any more, refused');
}

like(event(sub { $keep = $_[1]; die "boom\n" }), qr/^boom$/, 'a die after keeping it is raised by run_default');
kept_ok($keep, 'kept, then died');

# The old registration API (domain_event_register).
{
    $conn->domain_event_deregister_any($id);
    $conn->domain_event_register(sub { $calls++; $action->(@_); 0 });
    event(sub { $keep = $_[1] });
    kept_ok($keep, 'domain_event_register');
    $conn->domain_event_deregister;
}

# A network event.
{
    my ($net, $seen);
    my $nid = $conn->network_event_register_any(undef, Sys::Virt::Network::EVENT_ID_LIFECYCLE,
                                                sub { $net = $_[1]; $seen++ });
    my $def = $conn->get_network_by_name('default');
    $def->destroy;
    for (1 .. 50) { last if $seen; Sys::Virt::Event::run_default() }
    is($seen, 1, 'a network event');
    is($net->_test_refs, 1, 'the kept network holds one reference');
    is($net->get_name, 'default', 'the kept network works');
    $conn->network_event_deregister_any($nid);
    $def->create;
}

# ---- exit in the callback ---------------------------------------------------
# The kept object is settled before the program ends: END sees it working.
{
    my $out = `$^X -Mblib -e '
        BEGIN { \$ENV{SYSVIRT_TEST_HOOKS} = 1 }
        use Sys::Virt; use Sys::Virt::Event;
        \$| = 1; alarm 60;
        Sys::Virt::Event::register_default();
        my \$t = Sys::Virt::Event::add_timeout(20, sub {});
        my \$c = Sys::Virt->new(uri => "test:///default");
        our \$keep;
        END { print \$keep->_test_refs, " ", \$keep->get_name, " \$?\\n" }
        \$c->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub { \$keep = \$_[1]; exit 7 });
        \$c->get_domain_by_name("test")->suspend;
        Sys::Virt::Event::run_default() for 1 .. 50;
        print "not reached\\n";
    ' 2>&1`;
    is($?, 7 << 8, 'exit in a callback that kept the object: exit status 7');
    is($out, "1 test 7\n", '... and END finds it holding one reference, working');
}

done_testing();
