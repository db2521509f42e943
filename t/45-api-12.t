# What Sys::Virt 12.7.0 adds over 9.0.0, on the in-process test driver of
# the running libvirt (7.0.0, 9.0.0 and 11.3.0 here):
# - the 9 new XS methods: each works where the running libvirt and its
#   test driver have it, else raises exactly the error of the level that
#   lacks it: the binding's ERR_NO_SUPPORT (domain NONE, naming the C
#   function and the libvirt release that added it) before that release,
#   libvirt's own ERR_NO_SUPPORT from the driver after it;
# - the typed parameters of the new keys of migrate/save/restore_domain
#   and of the two new methods taking a hash (the exact name, type and
#   value each one is passed with, through Sys::Virt::_test_typed_params,
#   since no driver available here reports them back);
# - the 4 new event IDs: registered through domain_event_register_any /
#   network_event_register_any, or libvirt's own refusal of an ID it does
#   not know; the network metadata event delivered where it exists;
# - Sys::Virt::EventImpl: the base class of event loops written in Perl,
#   register() with a subclass of it and with one of Sys::Virt::Event.
# Where the running libvirt has a function, its debug log (enabled below,
# before libvirt initialises) shows the arguments each call handed it, the
# test driver's refusal notwithstanding.
use strict;
use warnings;
use Test::More;
use File::Temp ();
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is unsupported_is client_version version_number logged skip_log);
BEGIN {
    SysVirtTest::log_libvirt_calls();
    $ENV{SYSVIRT_TEST_HOOKS} = 1;    # for Sys::Virt::_test_typed_params
}

use Sys::Virt;
use Sys::Virt::Event;

# The typed parameters among @lines, in order: [name, type, value] each.
sub params_in { [ map { /^params\["(.*)"\]=\((\w+)\)(.*)$/ ? [$1, $2, $3] : () } @_ ] }

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');
like($INC{'Sys/Virt/EventImpl.pm'} // '', qr{blib/lib/Sys/Virt/EventImpl\.pm\z},
     'Sys::Virt::Event loads Sys::Virt::EventImpl');
is($Sys::Virt::VERSION, '12.7.0', 'Sys::Virt 12.7.0');
is($_->VERSION, '12.7.0', "$_ 12.7.0") for qw(Sys::Virt::Domain Sys::Virt::Event Sys::Virt::EventImpl);
alarm 120;

my $conn = Sys::Virt->new(uri => 'test:///default');
my $LIB = $conn->get_library_version;
my (undef, $LIBSTR) = client_version();
diag("running libvirt $LIBSTR");
my $dom = $conn->get_domain_by_name('test');
my $net = $conn->get_network_by_name('default');
my ($dev) = grep { $_->get_name ne 'computer' } $conn->list_all_node_devices;
ok($dev, 'a node device of the test driver: ' . ($dev ? $dev->get_name : 'none'));

# A method whose libvirt function is newer than the running libvirt: the
# binding's own error, with nothing returned, and libvirt never called.
# From that release on the test driver (up to 12.8 at least: its
# libvirt.so has no test* implementation of these functions) lacks them:
# libvirt's error, after libvirt logged the call: its first debug line
# matches $args, its typed parameters are $params (when given).
sub new_function {
    my ($code, $func, $since, $from, $name, $args, $params) = @_;
    skip_log();
    my @r = eval { $code->() };
    my $e = $@;
    my @log = logged($func);
    unsupported_is($e, $func, $since, $from, "$name: refused (libvirt $since has $func, no test driver does)");
    if ($LIB < version_number($since)) {
        is(scalar @log, 0, "$name: libvirt was not called");
    } else {
        like($log[0] // '', $args, "$name: the arguments reached $func") if $args;
        is_deeply(params_in(@log), $params, "$name: the typed parameters reached $func") if $params;
    }
    is(scalar @r, 0, "$name: nothing returned");
}

my $FROM_DOMAIN = Sys::Virt::Error::FROM_DOMAIN;

# ---- Sys::Virt::Domain ---------------------------------------------------

# The VM part of libvirt's debug line of a domain call.
my $VM = qr/dom(?:ain)?=0x[0-9a-f]+, \(VM: name=test, uuid=[0-9a-f-]+\)/;
my $AFFECT = Sys::Virt::Domain::AFFECT_LIVE | Sys::Virt::Domain::AFFECT_CONFIG;

new_function(sub { $dom->graphics_reload(Sys::Virt::Domain::GRAPHICS_RELOAD_TYPE_ANY) },
             'virDomainGraphicsReload', '10.2.0', $FROM_DOMAIN, 'graphics_reload',
             qr/^$VM, type=0, flags=0x0$/);
new_function(sub { $dom->graphics_reload(Sys::Virt::Domain::GRAPHICS_RELOAD_TYPE_VNC, 0) },
             'virDomainGraphicsReload', '10.2.0', $FROM_DOMAIN, 'graphics_reload of VNC',
             qr/^$VM, type=1, flags=0x0$/);
new_function(sub { $dom->get_autostart_once() },
             'virDomainGetAutostartOnce', '11.2.0', $FROM_DOMAIN, 'get_autostart_once',
             qr/^$VM, autostart=0x[0-9a-f]+$/);
new_function(sub { $dom->set_autostart_once(1) },
             'virDomainSetAutostartOnce', '11.2.0', $FROM_DOMAIN, 'set_autostart_once',
             qr/^$VM, autostart=1$/);
new_function(sub { $dom->set_autostart_once(0) },
             'virDomainSetAutostartOnce', '11.2.0', $FROM_DOMAIN, 'set_autostart_once off',
             qr/^$VM, autostart=0$/);
new_function(sub { $dom->set_throttle_group('limits', {
                       Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC() => 2**33,
                       Sys::Virt::Domain::BLOCK_IOTUNE_GROUP_NAME() => 'limits',
                       Sys::Virt::Domain::BLOCK_IOTUNE_READ_IOPS_SEC_MAX_LENGTH() => 7,
                       no_such_limit => 1 }, $AFFECT) },
             'virDomainSetThrottleGroup', '11.2.0', $FROM_DOMAIN, 'set_throttle_group',
             qr/^$VM, params=0x[0-9a-f]+, group='limits', nparams=3, flags=0x3$/,
             [['total_bytes_sec', 'ullong', 2**33], ['group_name', 'string', 'limits'],
              ['read_iops_sec_max_length', 'ullong', 7]]);
# libvirt's public function refuses an empty parameter list itself, before
# asking the driver: the (empty) hash arrives as nparams = 0.
if ($LIB >= 11_002_000) {
    eval { $dom->set_throttle_group('limits', {}, Sys::Virt::Domain::AFFECT_LIVE) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, $FROM_DOMAIN,
                  'nparams in virDomainSetThrottleGroup must be greater than zero', 'set_throttle_group with an empty hash');
} else {
    new_function(sub { $dom->set_throttle_group('limits', {}, Sys::Virt::Domain::AFFECT_LIVE) },
                 'virDomainSetThrottleGroup', '11.2.0', $FROM_DOMAIN, 'set_throttle_group with an empty hash');
}
new_function(sub { $dom->del_throttle_group('limits') },
             'virDomainDelThrottleGroup', '11.2.0', $FROM_DOMAIN, 'del_throttle_group',
             qr/^$VM, group='limits', flags=0x0$/);
new_function(sub { $dom->del_throttle_group('old', Sys::Virt::Domain::AFFECT_CONFIG) },
             'virDomainDelThrottleGroup', '11.2.0', $FROM_DOMAIN, 'del_throttle_group with flags',
             qr/^$VM, group='old', flags=0x2$/);
# (libvirt 12.5.0: none of the libvirts here has it; the parameters it
# gets are checked through _test_typed_params below.)
new_function(sub { $dom->announce_interface('52:54:00:aa:bb:cc', { Sys::Virt::Domain::ANNOUNCE_INTERFACE_ROUNDS() => 3 }) },
             'virDomainAnnounceInterface', '12.5.0', $FROM_DOMAIN, 'announce_interface', qr/^$VM, /,
             [['rounds', 'uint', 3]]);

# Arguments are checked before any libvirt call, on every libvirt.
# The die of a croak: the exact message, at the caller's line.
sub dies_is {
    my ($code, $msg, $name) = @_;
    my @r = eval { $code->() };
    like($@, qr/\A\Q$msg\E at \Q${\__FILE__}\E line \d+\.\n\z/, $name);
    is(scalar @r, 0, "$name: nothing returned");
}
dies_is(sub { $dom->graphics_reload() }, 'Usage: Sys::Virt::Domain::graphics_reload(dom, type, flags=0)',
        'graphics_reload without a type');
dies_is(sub { $dom->get_autostart_once(1) }, 'Usage: Sys::Virt::Domain::get_autostart_once(dom)',
        'get_autostart_once takes no argument');
dies_is(sub { $dom->set_autostart_once() }, 'Usage: Sys::Virt::Domain::set_autostart_once(dom, autostart)',
        'set_autostart_once without a flag');
dies_is(sub { $dom->set_throttle_group('g') }, 'Usage: Sys::Virt::Domain::set_throttle_group(dom, group, newparams, flags=0)',
        'set_throttle_group without parameters');
dies_is(sub { $dom->set_throttle_group('g', 'total_bytes_sec=1') },
        'Sys::Virt::Domain::set_throttle_group: $params is not a HASH reference',
        'set_throttle_group with a string for the hash');
dies_is(sub { $dom->del_throttle_group() }, 'Usage: Sys::Virt::Domain::del_throttle_group(dom, group, flags=0)',
        'del_throttle_group without a group');
dies_is(sub { $dom->announce_interface('eth0', [1]) },
        'Sys::Virt::Domain::announce_interface: $params is not a HASH reference',
        'announce_interface with an array for the hash');
dies_is(sub { $dom->announce_interface('eth0', {}, 0, 0) },
        'Usage: Sys::Virt::Domain::announce_interface(dom, device, newparams, flags=0)',
        'announce_interface with one argument too many');
{
    my @w;
    local $SIG{__WARN__} = sub { push @w, $_[0] };
    my @r = Sys::Virt::Domain::get_autostart_once('test');
    is_deeply(\@r, [undef], 'get_autostart_once on a non-object: undef');
    like($w[0] // '', qr/^Sys::Virt::Domain::get_autostart_once\(\) -- dom is not a blessed SV reference/, '... and a warning');
}
{
    my $gone = $conn->get_domain_by_name('test');
    $gone->DESTROY;
    eval { $gone->graphics_reload(0) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_DOMAIN, Sys::Virt::Error::FROM_DOM,
                  'invalid domain pointer in Sys::Virt::Domain::graphics_reload', 'graphics_reload on a destroyed object');
}

# ---- typed parameters ---------------------------------------------------

# What the binding passes to libvirt: [name, type, value] each, in order.
sub params_of { &Sys::Virt::_test_typed_params(@_) }

is_deeply(params_of('migrate', {
              Sys::Virt::Domain::MIGRATE_PARAM_ZLIB_LEVEL() => 6,
              Sys::Virt::Domain::MIGRATE_PARAM_ZSTD_LEVEL() => '11',
              Sys::Virt::Domain::MIGRATE_PARAM_DISKS_DETECT_ZEROES() => ['vda', 'vdb'],
              Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH_AVAIL_SWITCHOVER() => 2**40 + 1,
              Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO() => 'vdc',
              not_a_parameter => 1 }),
          [['compression.zlib.level', 'int', 6],
           ['compression.zstd.level', 'int', 11],
           ['migrate_disks_detect_zeroes', 'string', 'vda'],
           ['migrate_disks_detect_zeroes', 'string', 'vdb'],
           ['bandwidth.avail.switchover', 'ullong', 2**40 + 1],
           ['migrate_disks_target_zero', 'string', 'vdc']],
          'migrate: the keys of libvirt 9.4.0 to 12.2.0, with their types; unknown keys dropped');
is_deeply(params_of('migrate', { Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO() => ['vda', 'vdb'],
                                 Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => 100 }),
          [['bandwidth', 'ullong', 100],
           ['migrate_disks_target_zero', 'string', 'vda'],
           ['migrate_disks_target_zero', 'string', 'vdb']],
          'migrate: a multiple-value field gives one parameter per value, next to the 9.0.0 keys');
my %save = (Sys::Virt::Domain::SAVE_PARAM_FILE() => '/s/img',
            Sys::Virt::Domain::SAVE_PARAM_DXML() => '<domain/>',
            Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT() => Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_ZSTD,
            Sys::Virt::Domain::SAVE_PARAM_PARALLEL_CHANNELS() => '4',
            verbose => 1);
my @save_all = (['file', 'string', '/s/img'], ['dxml', 'string', '<domain/>'],
                ['image_format', 'string', 'zstd'], ['parallel.channels', 'int', 4]);
is_deeply(params_of('save', \%save), \@save_all, 'save: file, dxml, image_format and parallel.channels');
is_deeply(params_of('restore_domain', \%save), \@save_all, 'restore_domain: the same four');
is_deeply(params_of('save', \%save, '/other', undef),
          [['file', 'string', '/other'], @save_all[1 .. 3]], 'save: a defined $to replaces the file');
is_deeply(params_of('restore_domain', \%save, undef, '<domain type="test"/>'),
          [$save_all[0], ['dxml', 'string', '<domain type="test"/>'], @save_all[2, 3]],
          'restore_domain: a defined $dxml replaces the dxml');
is($save{file}, '/s/img', "the caller's hash is left as it was");
is_deeply(params_of('set_throttle_group', {
              Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC() => 2**33,
              Sys::Virt::Domain::BLOCK_IOTUNE_GROUP_NAME() => 'limits',
              Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX_LENGTH() => 5,
              Sys::Virt::Domain::BLOCK_IOTUNE_SIZE_IOPS_SEC() => 4096,
              bogus => 2 }),
          [['total_bytes_sec', 'ullong', 2**33], ['size_iops_sec', 'ullong', 4096],
           ['group_name', 'string', 'limits'], ['write_iops_sec_max_length', 'ullong', 5]],
          'set_throttle_group: the BLOCK_IOTUNE_* limits as unsigned long long, the group name as a string');
is_deeply(params_of('announce_interface', {
              Sys::Virt::Domain::ANNOUNCE_INTERFACE_INITIAL() => 50,
              Sys::Virt::Domain::ANNOUNCE_INTERFACE_MAX() => 550,
              Sys::Virt::Domain::ANNOUNCE_INTERFACE_ROUNDS() => 5,
              Sys::Virt::Domain::ANNOUNCE_INTERFACE_STEP() => 100 }),
          [['initial', 'uint', 50], ['max', 'uint', 550], ['rounds', 'uint', 5], ['step', 'uint', 100]],
          'announce_interface: the ANNOUNCE_INTERFACE_* fields as unsigned ints');

# The new keys reach libvirt through the methods themselves: the
# parameter functions (libvirt 8.4.0) or the test driver's lack of them.
{
    my $tmp = File::Temp->newdir;
    skip_log();
    unsupported_is(error_of { $dom->save(undef, undef, { %save, file => "$tmp/img" }) },
                   'virDomainSaveParams', '8.4.0', $FROM_DOMAIN, 'save with the new keys goes to virDomainSaveParams');
    is_deeply(params_in(logged('virDomainSaveParams')),
              $LIB >= 8_004_000 ? [['file', 'string', "$tmp/img"], @save_all[1 .. 3]] : [],
              'save: the parameters libvirt got');
    unsupported_is(error_of { $conn->restore_domain("$tmp/img", undef, \%save) },
                   'virDomainRestoreParams', '8.4.0', $FROM_DOMAIN,
                   'restore_domain with the new keys goes to virDomainRestoreParams');
    is_deeply(params_in(logged('virDomainRestoreParams')),
              $LIB >= 8_004_000 ? [['file', 'string', "$tmp/img"], @save_all[1 .. 3]] : [],
              'restore_domain: the parameters libvirt got, $savefile in place of the file');
    ok($dom->is_active, 'the guest still runs');
}

# ---- Sys::Virt::Network metadata (libvirt 9.7.0) ------------------------

my $TITLE = Sys::Virt::Network::METADATA_TITLE;
my $DESC = Sys::Virt::Network::METADATA_DESCRIPTION;
my $ELEM = Sys::Virt::Network::METADATA_ELEMENT;
my $NS = 'http://example.org/sysvirt';
my $FROM_NETWORK = Sys::Virt::Error::FROM_NETWORK;
if ($LIB < 9_007_000) {
    new_function(sub { $net->get_metadata($TITLE) }, 'virNetworkGetMetadata', '9.7.0', $FROM_NETWORK, 'network get_metadata');
    new_function(sub { $net->get_metadata($ELEM, $NS, 0) }, 'virNetworkGetMetadata', '9.7.0', $FROM_NETWORK,
                 'network get_metadata of an element');
    new_function(sub { $net->set_metadata($TITLE, 'T') }, 'virNetworkSetMetadata', '9.7.0', $FROM_NETWORK, 'network set_metadata');
    new_function(sub { $net->set_metadata($ELEM, '<a/>', 'x', $NS, 0) }, 'virNetworkSetMetadata', '9.7.0', $FROM_NETWORK,
                 'network set_metadata of an element');
} else {
    # The test driver implements both along with the API (9.7.0).
    my $none = 'metadata not found: Requested metadata element is not present';
    eval { $net->get_metadata($TITLE) };
    virt_error_is($@, Sys::Virt::Error::ERR_NO_NETWORK_METADATA, $FROM_NETWORK, $none, 'no title yet');
    is_deeply([$net->set_metadata($TITLE, 'A title')], [], 'set_metadata returns nothing');
    is($net->get_metadata($TITLE), 'A title', 'the title');
    $net->set_metadata($DESC, "two\nlines", undef, undef, 0);
    is($net->get_metadata($DESC, undef, 0), "two\nlines", 'the description');
    skip_log();
    $net->set_metadata($ELEM, '<app><v>1</v></app>', 'sv', $NS);
    like((logged('virNetworkSetMetadata'))[0] // '',
         qr{^network=0x[0-9a-f]+, type=2, metadata='<app><v>1</v></app>', key='sv', uri='\Q$NS\E', flags=0x0$},
         'set_metadata: the arguments reached virNetworkSetMetadata');
    my $elem = $net->get_metadata($ELEM, $NS);
    like((logged('virNetworkGetMetadata'))[0] // '', qr{^network=0x[0-9a-f]+, type=2, uri='\Q$NS\E', flags=0x0$},
         'get_metadata: the arguments reached virNetworkGetMetadata');
    like($elem, qr{\A<app>\s*<v>1</v>\s*</app>\z}, 'the element of a namespace');
    like($net->get_xml_description, qr{<title>A title</title>.*<sv:app xmlns:sv="\Q$NS\E">}s,
         'all three are in the network XML');
    is($net->get_metadata($DESC, undef, Sys::Virt::Network::UPDATE_AFFECT_LIVE), "two\nlines", 'live flag');
    eval { $net->set_metadata($ELEM, '<app/>', 'sv') };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, $FROM_NETWORK, 'uri in virNetworkSetMetadata must not be NULL',
                  'an element needs its namespace (undef uri is NULL)');
    eval { $net->set_metadata($TITLE, "a\nb") };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, $FROM_NETWORK, "metadata title can't contain newlines",
                  'a title is one line');
    eval { $net->get_metadata(42) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, $FROM_NETWORK, "invalid argument: unknown metadata type '42'",
                  'an unknown type');
    eval { $net->get_metadata($TITLE, undef, 1 << 10) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST,
                  'unsupported flags (0x400) in function testNetworkGetMetadata', 'flags reach the driver');
    $net->set_metadata($TITLE);
    eval { $net->get_metadata($TITLE) };
    virt_error_is($@, Sys::Virt::Error::ERR_NO_NETWORK_METADATA, $FROM_NETWORK, $none, 'an undef value removes it');
    my $ro = Sys::Virt->new(uri => 'test:///default', readonly => 1);
    eval { $ro->get_network_by_name('default')->set_metadata($TITLE, 'x') };
    virt_error_is($@, Sys::Virt::Error::ERR_OPERATIONED_DENIED, $FROM_NETWORK,
                  'operation forbidden: read only access prevents virNetworkSetMetadata', 'read-only connection');
}
dies_is(sub { $net->get_metadata() },
        'Usage: Sys::Virt::Network::get_metadata(net, type, uri=&PL_sv_undef, flags=0)',
        'get_metadata without a type');
dies_is(sub { $net->set_metadata(1, 2, 3, 4, 5, 6) },
        'Usage: Sys::Virt::Network::set_metadata(net, type, metadata=&PL_sv_undef, key=&PL_sv_undef, uri=&PL_sv_undef, flags=0)', 'set_metadata with one argument too many');

# ---- Sys::Virt::NodeDevice::update (libvirt 10.1.0) ---------------------

my $devxml = '<device><name>' . $dev->get_name . '</name></device>';
new_function(sub { $dev->update($devxml) }, 'virNodeDeviceUpdate', '10.1.0',
             Sys::Virt::Error::FROM_NODEDEV, 'node device update',
             qr/^nodeDevice=0x[0-9a-f]+, xmlDesc=\Q$devxml\E, flags=0x0$/);
new_function(sub { $dev->update('<device/>', Sys::Virt::NodeDevice::UPDATE_AFFECT_CONFIG) }, 'virNodeDeviceUpdate', '10.1.0',
             Sys::Virt::Error::FROM_NODEDEV, 'node device update with flags',
             qr{^nodeDevice=0x[0-9a-f]+, xmlDesc=<device/>, flags=0x2$});
dies_is(sub { $dev->update() }, 'Usage: Sys::Virt::NodeDevice::update(nodedev, xml, flags=0)',
        'update without XML');

# ---- the new event IDs ----------------------------------------------------

Sys::Virt::Event::register_default();
my $evconn = Sys::Virt->new(uri => 'test:///default');
# libvirt refuses an event ID beyond the last it knows, with the number
# of IDs in its message: MEMORY_DEVICE_SIZE_CHANGE (26th) is 7.9.0's,
# NIC_MAC_CHANGE 11.2.0's, VCPU_REMOVED and CHANNEL_LIFECYCLE 12.4.0's
# (libvirt-domain.h); the network METADATA_CHANGE is 9.8.0's.
my $dom_ids = $LIB >= 12_004_000 ? 30 : $LIB >= 11_002_000 ? 28 : $LIB >= 7_009_000 ? 27 : 26;
for my $ev ([NIC_MAC_CHANGE => 27], [VCPU_REMOVED => 28], [CHANNEL_LIFECYCLE => 29]) {
    my ($name, $id) = @$ev;
    is(Sys::Virt::Domain->can("EVENT_ID_$name")->(), $id, "EVENT_ID_$name is $id");
    my $cb = eval { $evconn->domain_event_register_any(undef, $id, sub { }) };
    if ($id < $dom_ids) {
        is($@, '', "EVENT_ID_$name: registered on libvirt $LIBSTR");
        like($cb, qr/^\d+\z/, '... with a callback ID');
        is_deeply([$evconn->domain_event_deregister_any($cb)], [], '... and deregistered');
    } else {
        virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, $FROM_DOMAIN, "eventID must be less than $dom_ids",
                      "EVENT_ID_$name: libvirt $LIBSTR refuses it");
        is($cb, undef, '... no callback ID');
    }
}

my @meta;
my $meta_id = eval {
    $evconn->network_event_register_any(undef, Sys::Virt::Network::EVENT_ID_METADATA_CHANGE,
        sub { my ($c, $n, @rest) = @_; push @meta, [ref $c, ref $n, $n->get_name, @rest] })
};
if ($LIB < 9_008_000) {
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, $FROM_NETWORK,
                  'eventID in virConnectNetworkEventRegisterAny must be less than 1',
                  "network EVENT_ID_METADATA_CHANGE: libvirt $LIBSTR refuses it");
} else {
    is($@, '', 'network EVENT_ID_METADATA_CHANGE registered');
    my $n = $evconn->get_network_by_name('default');
    $n->set_metadata($TITLE, 'Changed');
    $n->set_metadata($ELEM, '<x/>', 'sv', $NS);
    my $tick = Sys::Virt::Event::add_timeout(20, sub { });
    for (1 .. 50) { last if @meta >= 2; Sys::Virt::Event::run_default() }
    Sys::Virt::Event::remove_timeout($tick);
    is_deeply(\@meta, [['Sys::Virt', 'Sys::Virt::Network', 'default', $TITLE, undef],
                       ['Sys::Virt', 'Sys::Virt::Network', 'default', $ELEM, $NS]],
              'the callback gets the connection, the network, the type and the namespace');
    $evconn->network_event_deregister_any($meta_id);
}

# ---- Sys::Virt::EventImpl ---------------------------------------------------

ok(Sys::Virt::Event->isa('Sys::Virt::EventImpl'), 'Sys::Virt::Event derives from Sys::Virt::EventImpl');
for my $m (qw(_run_handle_callback _run_timeout_callback _free_callback_opaque)) {
    is(Sys::Virt::Event->can($m), \&{"Sys::Virt::EventImpl::$m"}, "Sys::Virt::Event inherits $m");
}
{
    package Half::Loop;
    our @ISA = ('Sys::Virt::EventImpl');
}
my $half = bless {}, 'Half::Loop';
for my $m (qw(add_handle update_handle remove_handle add_timeout update_timeout remove_timeout)) {
    eval { $half->$m(1, 2, 3, 4, 5) };
    like($@, qr/^Half::Loop must provide an impl of '$m' at /, "the base class's $m dies, naming the class");
}

# A loop in a child process each (libvirt keeps one event implementation
# per process): one derived from Sys::Virt::EventImpl, registered without
# a warning, and one derived from Sys::Virt::Event, with the warning; both
# see libvirt's timers and deliver a domain event.
my $child = <<'EOS';
use strict; use warnings; use Sys::Virt; use Sys::Virt::Event;
my $base = shift;
package My::Loop {
    our @ISA = ($base);
    sub new { bless { next => 1, timers => {}, freed => 0 }, shift }
    sub add_handle { my $s = shift; $s->{next}++ }
    sub update_handle { }
    sub remove_handle { 0 }
    sub add_timeout {
        my ($s, $ms, $cb, $opaque, $ff) = @_;
        my $t = $s->{next}++;
        $s->{timers}{$t} = [$ms, $cb, $opaque, $ff];
        return $t;
    }
    sub update_timeout { my ($s, $t, $ms) = @_; $s->{timers}{$t}[0] = $ms if $s->{timers}{$t} }
    sub remove_timeout {
        my ($s, $t) = @_;
        my $h = delete $s->{timers}{$t} or return -1;
        $s->{freed}++;
        $s->_free_callback_opaque($h->[3], $h->[2]);
        return 0;
    }
    sub run_once {
        my $s = shift;
        for my $t (sort { $a <=> $b } keys %{$s->{timers}}) {
            my $h = $s->{timers}{$t} or next;
            $s->_run_timeout_callback($t, $h->[1], $h->[2]) if $h->[0] >= 0;
        }
    }
}
package main;
my @warnings;
local $SIG{__WARN__} = sub { push @warnings, $_[0] };
my $loop = My::Loop->new;
Sys::Virt::Event::register($loop);
print "warnings: ", scalar(@warnings), "\n";
print "warning: $_" for @warnings;
my $fired = 0;
my $t = Sys::Virt::Event::add_timeout(0, sub { $fired++ });
$loop->run_once;
Sys::Virt::Event::remove_timeout($t);
print "timer: $fired, freed: $loop->{freed}\n";
my $c = Sys::Virt->new(uri => 'test:///default');
my @ev;
$c->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
                              sub { push @ev, join ',', $_[1]->get_name, $_[2], $_[3] });
$c->get_domain_by_name('test')->suspend;
for (1 .. 20) { last if @ev; $loop->run_once }
print "event: @ev\n";
EOS
for my $base ('Sys::Virt::EventImpl', 'Sys::Virt::Event') {
    open(my $fh, '-|', $^X, '-Mblib', '-e', $child, $base) or die "cannot run $^X: $!";
    my $out = do { local $/; <$fh> };
    close $fh;
    is($?, 0, "a loop derived from $base: the child ran to its end");
    my $warned = $base eq 'Sys::Virt::Event'
        ? "warnings: 1\nwarning: DECPRECATION WARNING: event implementation is a subclass of Sys::Virt::Event at "
        : "warnings: 0\n";
    like($out, qr/\A\Q$warned\E/, $base eq 'Sys::Virt::Event' ? '... registered with the deprecation warning'
                                                                : '... registered without a warning');
    like($out, qr/^timer: 1, freed: 1$/m, '... runs a timer of the public API and frees it once');
    like($out, qr/^event: test,@{[Sys::Virt::Domain::EVENT_SUSPENDED]},@{[Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED]}$/m,
         '... delivers a domain lifecycle event');
}

eval { Sys::Virt::Event::register(bless {}, 'Half') };
like($@, qr/^event implementation must be a subclass of Sys::Virt::EventImpl at /, 'register refuses other objects');
eval { Sys::Virt::Event::register('Sys::Virt::EventImpl') };
like($@, qr/^event implementation must be a subclass of Sys::Virt::EventImpl at /, '... and class names');

done_testing();
