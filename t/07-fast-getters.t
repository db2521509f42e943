# Getters of one object and nothing else (manifest rows of shape
# int_result, id, borrowed_string or owned_string with prototype "$"), and
# calls of one object returning nothing (shape call: suspend...), have a
# fast XSUB (sysvirt_xs_getter in glue.c): argument 0 checked in C, then
# only the libvirt call. Every other call goes the generic way. This checks
# both ways give what the generic path gives: values, contexts, libvirt
# errors, bad calls, and Perl's stacks after each.
use strict;
use warnings;
use Test::More;
use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');

# Values, in every context.
is($dom->get_name, 'test', 'borrowed string');
is($conn->get_uri, 'test:///default', 'owned string');
is($dom->is_active, 1, 'integer');
is($conn->num_of_domains, 1, 'integer (connection)');
my @list = $dom->get_name;
is_deeply(\@list, ['test'], 'list context: one value');
is(scalar(() = $conn->get_uri), 1, '... one value for an owned string too');

# The value is the call's target: each call's result is a value of its
# own, not a shared one.
my $xml = <<'XML';
<domain type='test'><name>fast%d</name><memory>8192</memory><os><type>hvm</type></os></domain>
XML
my @doms = map { $conn->define_domain(sprintf $xml, $_) } 1 .. 3;
my @names = map { $_->get_name } @doms;
is_deeply(\@names, [qw(fast1 fast2 fast3)], 'map: every value its own');
my ($a, $b) = ($doms[0]->get_name, $doms[1]->get_name);
is("$a $b", 'fast1 fast2', 'two results in one statement');
my @active = map { $_->is_active } @doms, $dom;
is_deeply(\@active, [0, 0, 0, 1], 'integers in a map');
my $ref = \($dom->get_name);
$$ref = 'changed';
is($dom->get_name, 'test', 'changing a result changes no later one');

# A reblessed object is still its class's object.
{
    package My::Domain;
    our @ISA = ('Sys::Virt::Domain');
}
my $sub = $conn->get_domain_by_name('fast1');
bless $sub, 'My::Domain';
is($sub->get_name, 'fast1', 'an object reblessed into a subclass');

# A libvirt error on the fast path is the error the generic path raises.
my $gone = $doms[2];
$gone->undefine;
for my $call ([is_active => sub { $gone->is_active }],
              [is_persistent => sub { $gone->is_persistent }],
              [get_info => sub { $gone->get_info }]) {
    my ($name, $code) = @$call;
    my @r = eval { $code->() };
    my $err = $@;
    isa_ok($err, 'Sys::Virt::Error', "$name on an undefined domain");
    is($err->code, Sys::Virt::Error::ERR_NO_DOMAIN, '... ERR_NO_DOMAIN') if ref $err;
    is($err->domain, Sys::Virt::Error::FROM_TEST, '... from the test driver') if ref $err;
    like($err->message, qr/fast3/, '... naming the domain') if ref $err;
    is_deeply(\@r, [], '... and no value');
}
my $net = $conn->create_network(<<'XML');
<network><name>fastnet</name><bridge name='fastbr0'/><ip address='192.168.150.1' netmask='255.255.255.0'/></network>
XML
is($net->get_bridge_name, 'fastbr0', 'owned string of a network');
$net->destroy;
my $r = eval { $net->get_bridge_name };
is(ref $@, 'Sys::Virt::Error', 'owned string: the error of a network gone');
is($@->code, Sys::Virt::Error::ERR_NO_NETWORK, '... ERR_NO_NETWORK') if ref $@;
ok(!defined $r, '... no value');

# A call returning nothing (shape call): no value in any context, and
# libvirt's error as the generic path raises it.
{
    my $d = $conn->get_domain_by_name('fast1');
    $d->create;
    my @l = $d->suspend;
    is_deeply(\@l, [], 'suspend: no value in list context');
    is($d->get_info->{state}, Sys::Virt::Domain::STATE_PAUSED, '... and the domain is paused');
    my $s = $d->resume;
    ok(!defined $s, 'resume: undef in scalar context');
    is($d->get_info->{state}, Sys::Virt::Domain::STATE_RUNNING, '... and the domain runs');
    my @mixed = (1, $d->suspend, 2, $d->resume, 3);
    is_deeply(\@mixed, [1, 2, 3], 'in the middle of a list: nothing');
    $d->destroy;
    my @r = eval { $d->suspend };
    my $err = $@;
    isa_ok($err, 'Sys::Virt::Error', 'suspend of an inactive domain');
    # the test driver's error, the same on the original
    is($err->code, Sys::Virt::Error::ERR_INTERNAL_ERROR, '... ERR_INTERNAL_ERROR') if ref $err;
    is($err->message, "internal error: domain 'fast1' not running", '... domain not running') if ref $err;
    is_deeply(\@r, [], '... and no value');
}

# Calls the fast XSUB hands to the generic one, in the middle of lists
# (the argument stack and the mark stack must come out right).
my @warn;
local $SIG{__WARN__} = sub { push @warn, $_[0] };
my @got = (1, $dom->get_name, scalar(Sys::Virt::Domain::get_name('x')), $dom->is_active,
           eval { &Sys::Virt::Domain::get_name($dom, 1) } // 'usage', 2,
           eval { &Sys::Virt::Domain::get_name() } // 'none', $conn->get_uri, 3);
is_deeply(\@got, [1, 'test', undef, 1, 'usage', 2, 'none', 'test:///default', 3],
          'fast and generic calls mixed in one list');
is(scalar @warn, 1, 'one warning: the non-object');
like($warn[0], qr/Sys::Virt::Domain::get_name\(\) -- dom is not a blessed SV reference/,
     '... with the original\'s wording');
my $usage = eval { &Sys::Virt::Domain::get_name($dom, 1); 1 } ? '' : $@;
like($usage, qr/^Usage: Sys::Virt::Domain::get_name\(dom\)/, 'too many arguments: usage');
my $e = eval { Sys::Virt::Network::get_name($dom); 1 } ? undef : $@;
is(ref $e, 'Sys::Virt::Error', 'an object of another class: an error');
is($e->code, Sys::Virt::Error::ERR_INVALID_NETWORK, '... the class\'s invalid-object error') if ref $e;
my $spare = $conn->get_domain_by_name('fast1');
$spare->DESTROY;
$e = eval { $spare->get_name; 1 } ? undef : $@;
is(ref $e, 'Sys::Virt::Error', 'a destroyed object: an error');
is($e->code, Sys::Virt::Error::ERR_INVALID_DOMAIN, '... ERR_INVALID_DOMAIN') if ref $e;

# Many calls, both ways, in nested calls: the stacks stay balanced.
sub pair { return (@_, scalar @_) }
my $sum = 0;
for my $i (1 .. 1000) {
    my @p = pair($dom->get_name, pair($dom->is_active, scalar(Sys::Virt::Domain::get_name('y'))));
    $sum += $p[-1] + $p[-2];
}
is($sum, 1000 * (4 + 2), '1000 nested rounds: every list the right length');

$_->undefine for @doms[0, 1];
done_testing();
