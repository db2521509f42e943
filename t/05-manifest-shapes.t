# The method manifest (data/methods.tsv) is the only place a method is
# declared: a row whose body is a generic shape becomes a Perl method with
# its usage check and nothing else written. data/methods.tsv has one
# test-only row per shape (`_test_shape_*`, registered with
# SYSVIRT_TEST_HOOKS=1); each is exercised here on the test driver, with
# its usage check, its invocant check and the real effect of the libvirt
# function its row names. The libvirt versions the manifest gives are
# checked against libvirt's API description.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of too_new_is client_version);

BEGIN { $ENV{SYSVIRT_TEST_HOOKS} = 1 }
use Sys::Virt;
use Sys::Virt::Event;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

# ---- the manifest and the shapes build.rs knows
my (@rows, %row);
open my $fh, '<', 'data/methods.tsv' or die "data/methods.tsv: $!";
while (<$fh>) {
    next if /^#/ || !/\S/;
    chomp;
    my @f = split /\t/, $_, -1;
    is(scalar @f, 8, "row $. has 8 columns") or next;
    my %r;
    @r{qw(package name prototype usage invocant libvirt body arguments)} = @f;
    push @rows, \%r;
    $row{"$r{package}::$r{name}"} = \%r;
}
close $fh;
open my $bfh, '<', 'build/manifest.rs' or die "build/manifest.rs: $!";
my $build = do { local $/; <$bfh> };
my ($shape_table) = $build =~ /const SHAPES: .*?= &\[(.*?)\n\];/s;
my @shapes = $shape_table =~ /\(\s*"(\w+)",/g;
cmp_ok(scalar @shapes, '>=', 20, 'build/manifest.rs lists the shapes (' . scalar(@shapes) . ')');
my %tested = map { $_->{name} =~ /^_test_shape_(\w+)$/ ? ($1 => 1) : () } @rows;
for my $shape (@shapes) {
    ok($tested{$shape}, "shape $shape has a test row");
}
ok($tested{module_generic}, 'a path(*) body has a test row');
ok($tested{late_bound} && $tested{late_resolver}, 'late-bound functions have test rows');

# ---- versions: every libvirt function a row names, with the version
# libvirt's API description gives it (the floor decides sys:: or late::)
my %api;
# libvirt's API files: libvirt.so.0's, and libvirt-qemu's, -lxc's and -admin's
my @apis = map { "libvirt$_-api.xml" } '', '-qemu', '-lxc', '-admin';
my @xml = map { "/usr/share/libvirt/api/$_" } @apis;
if (my $h = $ENV{SYSVIRT_LIBVIRT_HEADERS}) {
    # .../usr/include/libvirt -> .../usr/share/libvirt/api (newest API)
    (my $d = $h) =~ s{/include/libvirt/?$}{/share/libvirt/api};
    unshift @xml, map { "$d/$_" } @apis;
}
for my $x (@xml) {
    open my $afh, '<', $x or next;
    while (<$afh>) {
        $api{$1} //= $2 if /<function name='(vir\w+)'.*?version='([\d.]+)'/;
    }
}
open my $lfh, '<', 'rust/late.rs' or die "rust/late.rs: $!";
my %late;
while (<$lfh>) { $late{$2} = $1 if /^\s*"([\d.]+)" fn (vir\w+)\(/ }
close $lfh;
my ($checked, $late_checked) = (0, 0);
for my $r (@rows) {
    next if $r->{libvirt} eq '-';
    for my $fv (split /,/, $r->{libvirt}) {
        my ($f, $v) = split /\@/, $fv;
        if (defined $api{$f}) {
            $checked++;
            is($v, $api{$f}, "$r->{package}::$r->{name}: $f is from libvirt $api{$f}")
                if $v ne $api{$f};
        } else {
            ok(defined $late{$f}, "$r->{package}::$r->{name}: $f, unknown to libvirt's API file, is late-bound");
        }
        if ($f =~ /^virAdm/) {
            # libvirt-admin.so.0 is never linked: always late-bound
            $late_checked++;
            is($late{$f} // '(not in late.rs)', $v, "$f (libvirt-admin.so.0) is late-bound with its version");
            next;
        }
        my @v = split /\./, $v;
        if ($v[0] * 1_000_000 + $v[1] * 1000 + $v[2] > 7_000_000) {
            $late_checked++;
            is($late{$f} // '(not in late.rs)', $v, "$f (newer than 7.0.0) is late-bound with its version");
        }
    }
}
cmp_ok($checked, '>', 400, "$checked function versions match libvirt's API file");
cmp_ok($late_checked, '>', 20, "$late_checked functions newer than the floor are late-bound");

# ---- the argument names messages use are the POD's: column 8 of every
# documented method is the argument list of its =item
my %pod_args;
for my $pm ('lib/Sys/Virt.pm', glob('lib/Sys/Virt/*.pm'), glob('lib/Sys/Virt/*/*.pm')) {
    (my $pkg = $pm) =~ s{^lib/|\.pm$}{}g;
    $pkg =~ s{/}{::}g;
    open my $pfh, '<', $pm or die "$pm: $!";
    while (<$pfh>) {
        my ($inv, $meth, $args) = /^=item\s+.*?(\$\w+|[A-Z][\w:]*)(?:->|::)(\w+)\((.*)\)/ or next;
        my @a = grep { length } map { s/^\s+|\s+$//gr =~ s/=.*//r } split /,/, $args;
        unshift @a, $inv if $inv =~ /^\$/;
        $pod_args{"${pkg}::$meth"} //= join(', ', @a);
    }
}
my $named = 0;
for my $r (@rows) {
    my $name = "$r->{package}::$r->{name}";
    next if $r->{name} =~ /^(_|DESTROY$)/;
    $named++;
    is($r->{arguments}, $pod_args{$name} // '(no =item in the POD)', "$name: arguments as the POD names them");
}
cmp_ok($named, '>', 350, "$named documented methods name their arguments as the POD does");
for my $r (grep { $_->{arguments} ne '-' } @rows) {
    my @usage = split /, /, $r->{usage};
    my @names = split /, /, $r->{arguments};
    is(scalar @names, scalar @usage, "$r->{package}::$r->{name}: a name for each argument");
    ok(!(grep { !/^(?:\$|\\[@%])\w+$/ } @names), "$r->{package}::$r->{name}: names are \$x, \\\@x or \\%x")
        or diag($r->{arguments});
}

# ---- every row is a method; test rows exist only with the switch
for my $r (@rows) {
    no strict 'refs';
    ok(defined &{"$r->{package}::$r->{name}"}, "$r->{package}::$r->{name} is defined");
}
my $without = `$^X -Mblib -e 'delete \$ENV{SYSVIRT_TEST_HOOKS}; require Sys::Virt; print defined &Sys::Virt::Domain::_test_shape_call ? "defined" : "absent"' 2>&1`;
is($without, 'absent', 'without SYSVIRT_TEST_HOOKS=1 the test rows are not registered');

# ---- each shape, with its usage check, its invocant check and its effect
Sys::Virt::Event::register_default();    # event registrations need a loop
my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');

sub usage_is {
    my ($name, $call, $want) = @_;
    local $@;
    eval { $call->() };
    my $r = $row{$name} or die "no row $name";
    like($@, qr/^\QUsage: $name($r->{usage})\E at /, "$name: usage check ($want)");
}
sub not_object_warns {
    my ($name, $call) = @_;
    my @warn;
    local $SIG{__WARN__} = sub { push @warn, @_ };
    my @r = $call->();
    my ($arg) = split /, /, $row{$name}{usage};
    like("@warn", qr/^\Q$name() -- $arg is not a blessed SV reference\E/, "$name: a non-object warns");
    is_deeply(\@r, [undef], "$name: and returns undef");
}

my %state = (running => Sys::Virt::Domain::STATE_RUNNING, paused => Sys::Virt::Domain::STATE_PAUSED,
             shutoff => Sys::Virt::Domain::STATE_SHUTOFF);

# call: virDomainSuspend
usage_is('Sys::Virt::Domain::_test_shape_call', sub { $dom->_test_shape_call(1) }, 'too many');
not_object_warns('Sys::Virt::Domain::_test_shape_call', sub { Sys::Virt::Domain::_test_shape_call('x') });
is_deeply([$dom->_test_shape_call], [], 'call: returns nothing');
is(($dom->get_state)[0], $state{paused}, 'call: virDomainSuspend suspended the domain');
$dom->resume;

# int_result: virDomainIsActive
usage_is('Sys::Virt::Domain::_test_shape_int_result', sub { &Sys::Virt::Domain::_test_shape_int_result() }, 'none');
is($dom->_test_shape_int_result, 1, 'int_result: the running domain is active');

# id: virDomainGetID, an unsigned int read as an int
usage_is('Sys::Virt::Domain::_test_shape_id', sub { &Sys::Virt::Domain::_test_shape_id($dom, 1) }, 'too many');
my $running_id = $dom->_test_shape_id;
cmp_ok($running_id, '>', 0, 'id: the running domain has an id');
is($running_id, $dom->get_id, 'id: as get_id gives it');

# call_flags: virDomainShutdownFlags
usage_is('Sys::Virt::Domain::_test_shape_call_flags', sub { $dom->_test_shape_call_flags(0, 1) }, 'too many');
$dom->_test_shape_call_flags(0);
is(($dom->get_state)[0], $state{shutoff}, 'call_flags: virDomainShutdownFlags shut the domain off');
is($dom->_test_shape_int_result, 0, 'int_result: now inactive');
is($dom->_test_shape_id, -1, 'id: -1 for an inactive domain (the unsigned ~0 read as an int)');

# call_old_or_flags: virDomainCreate / virDomainCreateWithFlags(START_PAUSED)
$dom->_test_shape_call_old_or_flags;
is(($dom->get_state)[0], $state{running}, 'call_old_or_flags: virDomainCreate started it');
$dom->destroy;
# the test driver's virDomainCreateWithFlags takes no flag: its refusal
# names it, so the flags went to the flags variant
my $cerr = error_of { $dom->_test_shape_call_old_or_flags(Sys::Virt::Domain::START_PAUSED) };
is(ref $cerr && $cerr->code, Sys::Virt::Error::ERR_INVALID_ARG, 'call_old_or_flags: flags go to the flags variant');
like(ref $cerr && $cerr->message, qr/testDomainCreateWithFlags/, 'call_old_or_flags: ... virDomainCreateWithFlags');
$dom->create;

# int_result_flags: virDomainHasManagedSaveImage
is($dom->_test_shape_int_result_flags(0), 0, 'int_result_flags: no managed save image');
$dom->managed_save;
is($dom->_test_shape_int_result_flags, 1, 'int_result_flags: a managed save image');
$dom->create;

# get_autostart / set_autostart
$dom->_test_shape_set_autostart(1);
is($dom->_test_shape_get_autostart, 1, 'set_autostart/get_autostart: on');
is($dom->get_autostart, 1, 'and the real method agrees');
$dom->_test_shape_set_autostart(0);
is($dom->_test_shape_get_autostart, 0, 'set_autostart/get_autostart: off');
usage_is('Sys::Virt::Domain::_test_shape_set_autostart', sub { $dom->_test_shape_set_autostart }, 'missing');

# get_metadata / set_metadata
$dom->_test_shape_set_metadata(Sys::Virt::Domain::METADATA_DESCRIPTION, 'shape test');
is($dom->_test_shape_get_metadata(Sys::Virt::Domain::METADATA_DESCRIPTION), 'shape test',
   'set_metadata/get_metadata: the description');

# string getters and identity
is($dom->_test_shape_borrowed_string, 'test', 'borrowed_string: virDomainGetName');
is($conn->_test_shape_owned_string, 'test:///default', 'owned_string: virConnectGetURI');
is($dom->_test_shape_get_uuid_string, $dom->get_uuid_string, 'get_uuid_string');
is($dom->_test_shape_get_uuid, $dom->get_uuid, 'get_uuid: the raw bytes');
is(length $dom->_test_shape_get_uuid, 16, 'get_uuid: 16 bytes');
like($dom->_test_shape_owned_string_flags, qr{^<domain type='test'.*<name>test</name>}s,
     'owned_string_flags: virDomainGetXMLDesc');

# list_all / list_names
is_deeply([map { $_->get_name } $conn->_test_shape_list_all], ['test'], 'list_all: the domains');
isa_ok(($conn->_test_shape_list_all)[0], 'Sys::Virt::Domain', 'list_all: objects');
is_deeply([$conn->_test_shape_list_names(10)], [], 'list_names: no defined inactive domain');
$dom->destroy;
is_deeply([$conn->_test_shape_list_names(10)], ['test'], 'list_names: the inactive one');
$dom->create;

# lookups and creation (internals taking the connection)
my $found = Sys::Virt::Domain::_test_shape_lookup_by_str($conn, 'test');
isa_ok($found, 'Sys::Virt::Domain', 'lookup_by_str');
is($found->get_id, $dom->get_id, 'lookup_by_str: the same domain');
is(Sys::Virt::Domain::_test_shape_lookup_by_uuid($conn, $dom->get_uuid)->get_name, 'test', 'lookup_by_uuid');
my $err = error_of { Sys::Virt::Domain::_test_shape_lookup_by_str($conn, 'nosuch') };
is(ref $err && $err->code, Sys::Virt::Error::ERR_NO_DOMAIN, 'lookup_by_str: a missing domain is libvirt\'s error');
not_object_warns('Sys::Virt::Domain::_test_shape_lookup_by_str',
                 sub { Sys::Virt::Domain::_test_shape_lookup_by_str('x', 'test') });

my $xml = "<domain type='test'><name>shape%s</name><memory>8192</memory><os><type>hvm</type></os></domain>";
my $t = Sys::Virt::Domain::_test_shape_from_str_flags($conn, sprintf($xml, 't'));
is($t->get_name, 'shapet', 'from_str_flags: virDomainCreateXML made the domain');
is($t->is_persistent, 0, 'from_str_flags: transient');
$t->destroy;
my $p = Sys::Virt::Domain::_test_shape_from_xml_old_or_flags($conn, sprintf($xml, 'p'));
is($p->is_persistent, 1, 'from_xml_old_or_flags: virDomainDefineXML defined it');
my $p2 = Sys::Virt::Domain::_test_shape_from_xml_old_or_flags($conn, sprintf($xml, 'q'),
                                                              Sys::Virt::Domain::DEFINE_VALIDATE);
is($p2->get_name, 'shapeq', 'from_xml_old_or_flags: the flags variant defined it');
$_->undefine for $p, $p2;

# typed parameters: memory parameters, interface parameters of a device
my $mem = $dom->_test_shape_get_params;
is_deeply([sort keys %$mem], [sort keys %{ $dom->get_memory_parameters }], 'get_params: the memory parameters');
$dom->_test_shape_set_params({ hard_limit => 4096 });
is($dom->get_memory_parameters->{hard_limit}, 4096, 'set_params: hard_limit set');
is($dom->_test_shape_get_params->{hard_limit}, 4096, 'get_params: reads it back');
usage_is('Sys::Virt::Domain::_test_shape_set_params', sub { $dom->_test_shape_set_params }, 'missing');
$dom->_test_shape_set_device_params('testnet0', { 'inbound.average' => 100 });
is($dom->_test_shape_get_device_params('testnet0')->{'inbound.average'}, 100,
   'set_device_params/get_device_params: the interface\'s inbound average');
is($dom->get_interface_parameters('testnet0')->{'inbound.average'}, 100, 'and the real method agrees');

# a path(*) body: a module's generic function over the row's function
my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub { });
is_deeply([$conn->_test_shape_module_generic($id)], [], 'path(*): deregistered the callback');
# as the original, libvirt's answer for an unknown ID is ignored
is_deeply([$conn->_test_shape_module_generic($id)], [], 'path(*): an unknown ID is ignored');

# late-bound functions: resolved after the invocant check
my $running = client_version();
my $dev = ($conn->list_all_node_devices)[0];
my $active = eval { $dev->_test_shape_late_bound };
$err = $@;
if ($running < 7_008_000) {
    too_new_is($err, 'virNodeDeviceIsActive', '7.8.0', 'late_bound: the binding refuses a function the running libvirt lacks');
} elsif (defined $active) {
    is($active, 1, 'late_bound: the test driver\'s device is active');
} else {
    # the test driver of some libvirt versions has no node device state
    like($err && $err->message, qr/not supported by the connection driver: virNodeDeviceIsActive/,
         'late_bound: the call reached the driver');
}
$dev->DESTROY;
$err = error_of { $dev->_test_shape_late_bound };
is(ref $err && $err->code, Sys::Virt::Error::ERR_INVALID_NODE_DEVICE,
   'late_bound: a destroyed invocant is refused before the lookup, on every libvirt');

my $net = $conn->get_network_by_name('default');
$err = error_of { $net->_test_shape_late_resolver(Sys::Virt::Network::METADATA_DESCRIPTION) };
if ($running < 9_007_000) {
    too_new_is($err, 'virNetworkGetMetadata', '9.7.0', 'late_resolver: the binding refuses a function the running libvirt lacks');
} else {
    like(ref $err && $err->message, qr/^metadata not found/, 'late_resolver: the driver answered (no description)');
}

# destroy: the object's reference is released once
my $d2 = $conn->get_domain_by_name('test');
is_deeply([$d2->_test_shape_destroy], [], 'destroy: returns nothing');
$err = error_of { $d2->get_name };
is(ref $err && $err->code, Sys::Virt::Error::ERR_INVALID_DOMAIN, 'destroy: the object is gone');
is_deeply([$d2->_test_shape_destroy], [], 'destroy: twice is harmless');

done_testing();
