# Sys::Virt::Domain part 1: lifecycle (create, define, suspend/resume,
# shutdown/reboot/destroy, undefine, rename), saved state (save, managed
# save) and core dumps. Runs against a private test-driver host,
# t/data/dcore-node.xml: dc-run (running), dc-off (defined, shut off),
# dc-saved (shut off with a managed save image), dc-paused (paused).
use strict;
use warnings;

use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is die_is);
use File::Spec;
use File::Temp qw(tempdir);
use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'Sys::Virt comes from blib');

use constant {
    ERR_INTERNAL    => Sys::Virt::Error::ERR_INTERNAL_ERROR,
    ERR_ARG         => Sys::Virt::Error::ERR_INVALID_ARG,
    ERR_OP_INVALID  => Sys::Virt::Error::ERR_OPERATION_INVALID,
    ERR_NO_DOMAIN   => Sys::Virt::Error::ERR_NO_DOMAIN,
    ERR_NO_SUPPORT  => Sys::Virt::Error::ERR_NO_SUPPORT,
    FROM_TEST       => Sys::Virt::Error::FROM_TEST,
    FROM_DOMAIN     => Sys::Virt::Error::FROM_DOMAIN,
};

my $node = File::Spec->rel2abs('t/data/dcore-node.xml');
my $conn = Sys::Virt->new(uri => "test://$node");
my $tmp = tempdir(CLEANUP => 1);
# The test driver runs inside the client library: what it implements is the
# running libvirt's (versions from the driver table of src/test/test_driver.c).
my $LIB = $conn->get_library_version;

sub dom { Sys::Virt::Domain->_new(connection => $conn, name => $_[0]) }
sub state_of { [ $_[0]->get_state ] }

# ---- the host file's guests -------------------------------------------------
my $run = dom('dc-run');
is_deeply(state_of($run), [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_UNKNOWN],
          'dc-run is running');
is($run->get_id, 1, 'dc-run id');
my %info = %{ $run->get_info };
like(delete $info{cpuTime}, qr/^\d+$/, 'dc-run cpuTime');
is_deeply(\%info, { state => Sys::Virt::Domain::STATE_RUNNING, maxMem => 524288,
                    memory => 262144, nrVirtCpu => 3 }, 'dc-run info');
is($run->get_metadata(Sys::Virt::Domain::METADATA_TITLE), 'Running guest', 'title from the host file');
is($run->get_metadata(Sys::Virt::Domain::METADATA_DESCRIPTION), 'Started at host boot',
   'description from the host file');

my $off = dom('dc-off');
is($off->get_id, -1, 'a shut off domain has id -1');
is_deeply(state_of($off), [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_UNKNOWN],
          'dc-off is shut off');
is($off->is_active, 0, 'dc-off is not active');
is($off->is_persistent, 1, 'dc-off is persistent');
is($off->get_info->{state}, Sys::Virt::Domain::STATE_SHUTOFF, 'get_info state of dc-off');
is($off->get_info->{maxMem}, 131072, 'get_info maxMem of dc-off');
is($off->has_managed_save_image, 0, 'dc-off has no managed save image');
is($off->get_uuid_string, '1b2c3d4e-0000-4000-8000-000000000002', 'dc-off uuid');
like($off->get_xml_description, qr{^<domain type='test'>}, 'XML of a shut off domain has no id');

# Operations that need a running domain.
eval { $off->get_time };
virt_error_is($@, ERR_OP_INVALID, FROM_TEST, undef, 'get_time on a shut off domain');
eval { $off->get_hostname };
virt_error_is($@, ERR_OP_INVALID, FROM_DOMAIN, undef, 'get_hostname on a shut off domain');
eval { $off->get_control_info };
if ($LIB >= 7_006_000) {    # testDomainGetControlInfo: libvirt 7.6.0
    virt_error_is($@, ERR_OP_INVALID, FROM_DOMAIN, undef, 'get_control_info on a shut off domain');
} else {
    virt_error_is($@, ERR_NO_SUPPORT, FROM_DOMAIN, undef, 'get_control_info: not in the test driver before 7.6.0');
}
eval { $off->suspend };
virt_error_is($@, ERR_INTERNAL, FROM_TEST, undef, 'suspend a shut off domain');
eval { $off->resume };
virt_error_is($@, ERR_INTERNAL, FROM_TEST, undef, 'resume a shut off domain');
eval { $off->shutdown };
virt_error_is($@, ERR_INTERNAL, FROM_TEST, undef, 'shutdown a shut off domain');
eval { $off->reboot };
virt_error_is($@, ERR_OP_INVALID, FROM_DOMAIN, undef, 'reboot a shut off domain');
eval { $off->reset };
virt_error_is($@, ERR_OP_INVALID, FROM_DOMAIN, undef, 'reset a shut off domain');
eval { $off->destroy };
virt_error_is($@, ERR_OP_INVALID, FROM_DOMAIN, undef, 'destroy a shut off domain');
eval { $off->managed_save };
virt_error_is($@, ERR_OP_INVALID, FROM_DOMAIN, undef, 'managed_save a shut off domain');
eval { $off->core_dump("$tmp/never") };
virt_error_is($@, ERR_OP_INVALID, FROM_DOMAIN, undef, 'core_dump a shut off domain');
eval { $off->save("$tmp/never") };
virt_error_is($@, ERR_OP_INVALID, FROM_DOMAIN, undef, 'save a shut off domain');
ok(!-e "$tmp/never", 'no file was written');

# ---- suspend / resume ---------------------------------------------------------
is_deeply([$run->suspend], [], 'suspend returns nothing');
is_deeply(state_of($run), [Sys::Virt::Domain::STATE_PAUSED, Sys::Virt::Domain::STATE_PAUSED_USER],
          'paused by the user');
is($run->is_active, 1, 'a paused domain is active');
eval { $run->suspend };
virt_error_is($@, ERR_INTERNAL, FROM_TEST, undef, 'suspend twice');
is_deeply([$run->resume], [], 'resume returns nothing');
is_deeply(state_of($run), [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_UNPAUSED],
          'running again, unpaused');
eval { $run->resume };
virt_error_is($@, ERR_INTERNAL, FROM_TEST, undef, 'resume a running domain');

my $paused = dom('dc-paused');
is_deeply(state_of($paused), [Sys::Virt::Domain::STATE_PAUSED, Sys::Virt::Domain::STATE_PAUSED_UNKNOWN],
          'dc-paused starts paused');
$paused->resume;
is(($paused->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'dc-paused resumed');

# ---- destroy / create ------------------------------------------------------------
is_deeply([$run->destroy], [], 'destroy returns nothing');
is_deeply(state_of($run), [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_DESTROYED],
          'destroyed');
is($run->get_id, -1, 'no id once destroyed');
is($run->is_active, 0, 'not active once destroyed');
eval { $run->destroy };
virt_error_is($@, ERR_OP_INVALID, FROM_DOMAIN, undef, 'destroy a destroyed domain');
eval { $run->suspend };
virt_error_is($@, ERR_INTERNAL, FROM_TEST, undef, 'suspend a destroyed domain');

is_deeply([$run->create], [], 'create returns nothing');
is_deeply(state_of($run), [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_BOOTED],
          'booted');
cmp_ok($run->get_id, '>', 0, 'a new id after create');
eval { $run->create };
virt_error_is($@, ERR_INTERNAL, FROM_TEST, undef, 'create a running domain');

# With flags, the ...WithFlags / ...Flags entry points are used (the test
# driver refuses these particular flags, which shows they got there).
eval { $off->create(Sys::Virt::Domain::START_PAUSED) };
virt_error_is($@, ERR_ARG, FROM_TEST, undef, 'create(START_PAUSED)');
is_deeply([$off->create(0)], [], 'create(0)');
is(($off->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'dc-off running');
$off->destroy(Sys::Virt::Domain::DESTROY_GRACEFUL);
is_deeply(state_of($off), [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_DESTROYED],
          'destroy(DESTROY_GRACEFUL)');

is_deeply([$off->create_with_files([])], [], 'create_with_files with no descriptors');
is(($off->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'started by create_with_files');
$off->destroy;
eval { $off->create_with_files([], Sys::Virt::Domain::START_PAUSED) };
virt_error_is($@, ERR_ARG, FROM_TEST, undef, 'create_with_files flags reach libvirt');
# (the POD names the list $fds)
for my $bad (['a string', 'not an array'], ['a hash ref', {}], ['undef', undef]) {
    die_is(error_of { $off->create_with_files($bad->[1]) },
           'Sys::Virt::Domain::create_with_files: $fds must be an array reference',
           "create_with_files with $bad->[0] dies");
}
is(($off->get_state)[0], Sys::Virt::Domain::STATE_SHUTOFF, 'refused calls did not start it');

# ---- shutdown / reboot / reset / power management ----------------------------------
$off->create;
eval { $off->shutdown(Sys::Virt::Domain::SHUTDOWN_ACPI_POWER_BTN) };
virt_error_is($@, ERR_ARG, FROM_TEST, undef, 'shutdown with flags');
is_deeply([$off->shutdown], [], 'shutdown returns nothing');
is_deeply(state_of($off), [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_SHUTDOWN],
          'shut down');

is_deeply([$run->reboot], [], 'reboot returns nothing');
is(($run->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'still running after reboot');
$run->reboot(Sys::Virt::Domain::REBOOT_ACPI_POWER_BTN);
pass('reboot with flags accepted');
is_deeply([$run->reset], [], 'reset returns nothing');
eval { $run->reset(1) };
virt_error_is($@, ERR_ARG, FROM_TEST, undef, 'reset with flags');
eval { $run->pm_suspend_for_duration(Sys::Virt::NODE_SUSPEND_TARGET_MEM, 0) };
virt_error_is($@, ERR_NO_SUPPORT, FROM_DOMAIN, undef, 'pm_suspend_for_duration unsupported');
eval { $run->pm_wakeup };
virt_error_is($@, ERR_NO_SUPPORT, FROM_DOMAIN, undef, 'pm_wakeup unsupported');

# ---- save to a file -----------------------------------------------------------------
my $img = "$tmp/run.save";
is_deeply([$run->save($img)], [], 'save returns nothing');
ok(-s $img, 'save wrote the image');
is_deeply(state_of($run), [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_SAVED],
          'shut off after save');
$conn->restore_domain($img);
is_deeply(state_of($run), [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_RESTORED],
          'running again after restore_domain');
ok(-e $img, 'image kept after restore');

eval { $run->save("$tmp/x.save", '<domain/>') };
virt_error_is($@, Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, FROM_TEST, undef,
              'save with dxml goes through virDomainSaveFlags');
eval { $run->save("$tmp/x.save", undef, undef, Sys::Virt::Domain::SAVE_PAUSED) };
virt_error_is($@, ERR_ARG, FROM_TEST, undef, 'save with flags goes through virDomainSaveFlags');
eval { $run->save(undef, undef, { Sys::Virt::Domain::SAVE_PARAM_FILE() => "$tmp/x.save" }) };
if ($LIB >= 8_004_000) {    # virDomainSaveParams: libvirt 8.4.0; the test driver has none
    virt_error_is($@, ERR_NO_SUPPORT, FROM_DOMAIN, undef, 'save with params goes through virDomainSaveParams');
    like(ref $@ ? $@->message : '', qr/: virDomainSaveParams$/, 'the driver names virDomainSaveParams');
} else {                    # the binding refuses it: the running libvirt has no such function
    virt_error_is($@, ERR_NO_SUPPORT, Sys::Virt::Error::FROM_NONE, undef, 'save with params needs virDomainSaveParams');
    like(ref $@ ? $@->message : '', qr/virDomainSaveParams needs libvirt 8\.4\.0 or newer$/,
         'the binding names virDomainSaveParams and 8.4.0');
}
ok(!-e "$tmp/x.save", 'refused saves wrote nothing');
is(($run->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'still running');
eval { $run->save() };
like($@, qr/^Either \$to or \$params parameter must be supplied/, 'save with no destination');
eval { $run->save(undef, '<domain/>') };
like($@, qr/^Either \$to or \$params parameter must be supplied/, 'save with only dxml');
# (the POD names the hash $params)
die_is(error_of { $run->save(undef, undef, 'file') }, 'Sys::Virt::Domain::save: $params is not a HASH reference',
       'save with a string for params');
die_is(error_of { $run->save(undef, undef, ["$tmp/x.save"]) },
       'Sys::Virt::Domain::save: $params is not a HASH reference', 'save with an array ref for params');
eval { $run->save("$tmp/no/such/dir/x.save") };
virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, FROM_TEST, undef, 'save into a missing directory');

# ---- managed save -----------------------------------------------------------------------
is($run->has_managed_save_image, 0, 'no managed save image yet');
is_deeply([$run->managed_save], [], 'managed_save returns nothing');
is_deeply(state_of($run), [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_SAVED],
          'shut off after managed_save');
is($run->has_managed_save_image, 1, 'managed save image present');
eval { $run->managed_save_get_xml_description };
virt_error_is($@, ERR_NO_SUPPORT, FROM_DOMAIN, undef, 'managed_save_get_xml_description unsupported');
eval { $run->managed_save_define_xml($run->get_xml_description) };
virt_error_is($@, ERR_NO_SUPPORT, FROM_DOMAIN, undef, 'managed_save_define_xml unsupported');
$run->create;
is(($run->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'create resumes from the managed image');
is($run->has_managed_save_image, 0, 'managed save image consumed');
$run->managed_save;
is_deeply([$run->managed_save_remove], [], 'managed_save_remove returns nothing');
is($run->has_managed_save_image, 0, 'managed save image removed');
eval { $run->managed_save_remove(1) };
virt_error_is($@, ERR_ARG, FROM_TEST, undef, 'managed_save_remove with flags');
$run->create;

# ---- core dumps -------------------------------------------------------------------------
is_deeply([$run->core_dump("$tmp/core")], [], 'core_dump returns nothing');
ok(-s "$tmp/core", 'core dump written');
is(($run->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'running after core_dump');
$run->core_dump_format("$tmp/core.raw", Sys::Virt::Domain::CORE_DUMP_FORMAT_RAW);
ok(-s "$tmp/core.raw", 'core_dump_format(RAW) written');
eval { $run->core_dump_format("$tmp/core.z", Sys::Virt::Domain::CORE_DUMP_FORMAT_KDUMP_ZLIB) };
virt_error_is($@, Sys::Virt::Error::ERR_OPERATION_UNSUPPORTED, FROM_TEST, undef, 'kdump format unsupported');
eval { $run->core_dump("$tmp/no/such/dir/core") };
virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, FROM_TEST, undef, 'core_dump into a missing directory');

# ---- undefine / rename ------------------------------------------------------------------
my $saved = dom('dc-saved');
is($saved->has_managed_save_image, 1, 'dc-saved has a managed save image');
eval { $saved->undefine };
virt_error_is($@, ERR_OP_INVALID, FROM_TEST, undef, 'undefine refused while a managed image exists');
eval { $saved->undefine(Sys::Virt::Domain::UNDEFINE_NVRAM) };
virt_error_is($@, ERR_ARG, FROM_TEST, undef, 'undefine flags reach libvirt');
is_deeply([$saved->undefine(Sys::Virt::Domain::UNDEFINE_MANAGED_SAVE)], [], 'undefine(UNDEFINE_MANAGED_SAVE)');
eval { $saved->get_state };
virt_error_is($@, ERR_NO_DOMAIN, FROM_TEST, undef, 'an undefined shut off domain is gone');
eval { dom('dc-saved') };
virt_error_is($@, ERR_NO_DOMAIN, FROM_TEST, undef, 'lookup of the undefined domain');

eval { $run->rename('dc-other') };
virt_error_is($@, ERR_OP_INVALID, FROM_TEST, undef, 'rename a running domain');
is_deeply([$off->rename('dc-renamed')], [], 'rename returns nothing');
is(dom('dc-renamed')->get_uuid_string, '1b2c3d4e-0000-4000-8000-000000000002', 'found under its new name');
eval { dom('dc-off') };
virt_error_is($@, ERR_NO_DOMAIN, FROM_TEST, undef, 'old name gone');

# Undefining a running domain leaves it running, transient.
$off->create;
$off->undefine;
is($off->is_persistent, 0, 'running domain undefined: transient');
is($off->is_active, 1, 'and still running');
$off->destroy;
eval { $off->is_active };
virt_error_is($@, ERR_NO_DOMAIN, FROM_TEST, undef, 'gone once stopped');

# ---- define and create from XML ---------------------------------------------------------
my $xml = do {
    open my $fh, '<', 't/data/dcore-guest.xml' or die "t/data/dcore-guest.xml: $!";
    local $/;
    <$fh>;
};

my $def = Sys::Virt::Domain->_new(connection => $conn, xml => $xml, nocreate => 1, flags => 0);
isa_ok($def, 'Sys::Virt::Domain', 'defined domain');
is($def->get_name, 'dc-guest', 'defined domain name');
is_deeply(state_of($def), [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_UNKNOWN],
          'defined but not started');
is($def->is_persistent, 1, 'defined domain is persistent');
is($def->get_info->{nrVirtCpu}, 2, 'defined domain vcpus');
is($def->get_info->{maxMem}, 65536, 'defined domain memory');
$def->undefine;

$def = Sys::Virt::Domain->_new(connection => $conn, xml => $xml, nocreate => 1,
                               flags => Sys::Virt::Domain::DEFINE_VALIDATE);
is($def->get_name, 'dc-guest', 'define with DEFINE_VALIDATE');
eval { Sys::Virt::Domain->_new(connection => $conn, xml => $xml, nocreate => 1, flags => 0) };
virt_error_is($@, Sys::Virt::Error::ERR_OPERATION_FAILED, FROM_DOMAIN, undef, 'defining the same name twice, new uuid');
$def->undefine;

my $tr = Sys::Virt::Domain->_new(connection => $conn, xml => $xml, flags => 0);
is_deeply(state_of($tr), [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_BOOTED],
          'created domain runs');
is($tr->is_persistent, 0, 'created domain is transient');
$tr->destroy;
eval { $tr->get_state };
virt_error_is($@, ERR_NO_DOMAIN, FROM_TEST, undef, 'destroyed transient domain is gone');

eval { Sys::Virt::Domain->_new(connection => $conn, xml => $xml, flags => Sys::Virt::Domain::START_PAUSED) };
virt_error_is($@, ERR_ARG, FROM_TEST, undef, 'create flags go to virDomainCreateXML');
$tr = Sys::Virt::Domain->_new(connection => $conn, xml => $xml, fds => [], flags => 0);
is(($tr->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'created with (no) files');
$tr->destroy;
die_is(error_of { Sys::Virt::Domain->_new(connection => $conn, xml => $xml, fds => 'nope', flags => 0) },
       'Sys::Virt::Domain::_create_with_files: \@fds must be an array reference',
       '_create_with_files with a string dies');

eval { Sys::Virt::Domain->_new(connection => $conn, xml => '<domain>', nocreate => 1, flags => 0) };
virt_error_is($@, Sys::Virt::Error::ERR_XML_DETAIL, FROM_DOMAIN, undef, 'define truncated XML');
eval { Sys::Virt::Domain->_new(connection => $conn, xml => 'garbage', flags => 0) };
virt_error_is($@, Sys::Virt::Error::ERR_XML_DETAIL, FROM_DOMAIN, undef, 'create from non-XML');
eval { Sys::Virt::Domain->_new(connection => $conn, xml => '<domain type="test"><name>x</name></domain>', flags => 0) };
virt_error_is($@, Sys::Virt::Error::ERR_XML_ERROR, FROM_DOMAIN, undef, 'create from XML without os type');

done_testing();
