# Sys::Virt::NodeDevice against the test driver: lookups, parents,
# capabilities, creating and destroying an NPIV vHBA, unsupported calls,
# errors and bad arguments.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is wrong_class_is not_blessed too_new_is client_version version_number);
use Cwd ();

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => 'test:///default');
# The running libvirt (the test driver runs inside it).
my ($LIBVER, $RUNNING) = client_version();

my %parent = (scsi_host1 => 'computer', scsi_host2 => 'computer', scsi_host11 => 'scsi_host1');
for my $name (sort keys %parent) {
    my $dev = Sys::Virt::NodeDevice->_new(connection => $conn, name => $name);
    isa_ok($dev, 'Sys::Virt::NodeDevice', $name);
    is($dev->get_name, $name, "$name: get_name");
    is($dev->get_parent, $parent{$name}, "$name: get_parent");
    is_deeply([$dev->list_capabilities], ['scsi_host'], "$name: list_capabilities");
    like($dev->get_xml_description, qr{<name>\Q$name\E</name>}, "$name: XML");
}
my $computer = Sys::Virt::NodeDevice->_new(connection => $conn, name => 'computer');
is_deeply([$computer->list_capabilities], ['system'], 'computer: capabilities');
like($computer->get_xml_description, qr{<vendor>Libvirt</vendor>}, 'computer: XML');
# The test driver reports a missing parent as an error, not as undef.
virt_error_is(error_of { $computer->get_parent },
              Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_TEST, undef,
              'parent of the root device');

virt_error_is(error_of { Sys::Virt::NodeDevice->_new(connection => $conn, name => 'nope') },
              Sys::Virt::Error::ERR_NO_NODE_DEVICE, Sys::Virt::Error::FROM_TEST, undef,
              'unknown device');
eval { Sys::Virt::NodeDevice->_new(connection => $conn) };
like($@, qr/^name parameter is required/, 'no lookup key');
eval { Sys::Virt::NodeDevice->_new(name => 'computer') };
like($@, qr/^connection parameter is required/, 'no connection');

# An NPIV vHBA: created on a vport-capable fc_host, then destroyed.
my $vhba = Sys::Virt::NodeDevice->_new(connection => $conn, xml => <<'XML');
<device>
  <parent>scsi_host1</parent>
  <capability type='scsi_host'>
    <capability type='fc_host'>
      <wwnn>2000000012340020</wwnn>
      <wwpn>1000000012340020</wwpn>
    </capability>
  </capability>
</device>
XML
isa_ok($vhba, 'Sys::Virt::NodeDevice', 'created vHBA');
my $vname = $vhba->get_name;
like($vname, qr/^scsi_host\d+$/, 'the vHBA got a scsi_host name');
is($vhba->get_parent, 'scsi_host1', 'its parent');
like($vhba->get_xml_description, qr{<wwpn>1000000012340020</wwpn>}, 'its WWPN');
if ($LIBVER >= 10_003_000) {
    # hvsupport: the test driver answers is_active/is_persistent since
    # 10.3.0, and leaves the vHBA it creates inactive and transient.
    is($vhba->is_active, 0, 'the test driver leaves a created vHBA inactive');
    is($vhba->is_persistent, 0, 'a created vHBA is transient');
}
is(Sys::Virt::NodeDevice->_new(connection => $conn, name => $vname)->get_name, $vname, 'found by name');
is_deeply([$vhba->destroy], [], 'destroy returns nothing');
virt_error_is(error_of { Sys::Virt::NodeDevice->_new(connection => $conn, name => $vname) },
              Sys::Virt::Error::ERR_NO_NODE_DEVICE, Sys::Virt::Error::FROM_TEST, undef,
              'the destroyed vHBA is gone');
is($vhba->get_name, $vname, 'the object still knows its name');

virt_error_is(error_of {
                  Sys::Virt::NodeDevice->_new(connection => $conn, xml => "<device><parent>scsi_host11</parent>"
                      . "<capability type='scsi_host'><capability type='fc_host'><wwnn>2000000012340021</wwnn>"
                      . "<wwpn>1000000012340021</wwpn></capability></capability></device>") },
              Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_NODEDEV, undef,
              'vHBA on a parent without vport support');
virt_error_is(error_of { Sys::Virt::NodeDevice->_new(connection => $conn, xml => '<device') },
              Sys::Virt::Error::ERR_XML_DETAIL, Sys::Virt::Error::FROM_NODEDEV, undef,
              'malformed XML');

# Not supported by the test driver: exact errors. The running libvirt
# decides: a function newer than it (libvirt-api.xml: the node-device
# lifecycle calls are 7.3.0's, is_active/is_persistent/autostart 7.8.0's)
# is the binding's ERR_NO_SUPPORT (domain NONE, naming the version that has
# it); one the test driver lacks is libvirt's (domain NODEDEV). The test
# driver answers is_active and is_persistent since 10.3.0 (hvsupport).
my $host1 = Sys::Virt::NodeDevice->_new(connection => $conn, name => 'scsi_host1');
for my $case ([ 'is_active', sub { $host1->is_active }, 'virNodeDeviceIsActive', '7.8.0', '10.3.0' ],
              [ 'is_persistent', sub { $host1->is_persistent }, 'virNodeDeviceIsPersistent', '7.8.0', '10.3.0' ],
              [ 'get_autostart', sub { $host1->get_autostart }, 'virNodeDeviceGetAutostart', '7.8.0' ],
              [ 'set_autostart', sub { $host1->set_autostart(1) }, 'virNodeDeviceSetAutostart', '7.8.0' ],
              [ 'dettach without a driver', sub { $host1->dettach(undef) }, 'virNodeDeviceDettach' ],
              [ 'dettach with a driver', sub { $host1->dettach('vfio', 0) }, 'virNodeDeviceDetachFlags' ],
              [ 'reattach', sub { $host1->reattach }, 'virNodeDeviceReAttach' ],
              [ 'reset', sub { $host1->reset }, 'virNodeDeviceReset' ],
              [ 'create', sub { $host1->create }, 'virNodeDeviceCreate', '7.3.0' ],
              [ 'undefine', sub { $host1->undefine(0) }, 'virNodeDeviceUndefine', '7.3.0' ],
              [ 'define from XML', sub { Sys::Virt::NodeDevice->_new(connection => $conn, nocreate => 1,
                    xml => "<device><parent>computer</parent><capability type='mdev'><type id='x'/></capability></device>") },
                'virNodeDeviceDefineXML', '7.3.0' ],
              [ 'lookup of a SCSI host by WWN', sub { Sys::Virt::NodeDevice->_new(connection => $conn,
                    wwnn => '2000000012341234', wwpn => '1000000012341234') }, 'virNodeDeviceLookupSCSIHostByWWN' ]) {
    my ($name, $sub, $func, $api, $test) = @$case;
    if ($api && $LIBVER < version_number($api)) {
        too_new_is(error_of { $sub->() }, $func, $api, "$name: $func is newer than libvirt $RUNNING");
    } elsif ($test && $LIBVER >= version_number($test)) {
        # The devices of test:///default are active and persistent.
        is(scalar $sub->(), 1, "$name: the test driver of libvirt $RUNNING answers");
    } else {
        virt_error_is(error_of { $sub->() }, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_NODEDEV,
                      "this function is not supported by the connection driver: $func",
                      "$name: the test driver lacks $func");
    }
}
{
    my $err = eval { $host1->dettach(undef); 1 } ? undef : $@;
    like($err && $err->message, qr/virNodeDeviceDettach$/, 'no driver, no flags: the old entry point');
    $err = eval { $host1->dettach('vfio'); 1 } ? undef : $@;
    like($err && $err->message, qr/virNodeDeviceDetachFlags$/, 'a driver: the flags entry point');
}

# bad arguments
not_blessed('get_parent on a string', sub { Sys::Virt::NodeDevice::get_parent('computer') });
not_blessed('list_capabilities on undef', sub { Sys::Virt::NodeDevice::list_capabilities(undef) });
eval { &Sys::Virt::NodeDevice::dettach($host1) };
like($@, qr/^Usage: Sys::Virt::NodeDevice::dettach\(dev, driversv, flags=0\)/, 'dettach needs its driver argument');
wrong_class_is(error_of { Sys::Virt::NodeDevice::get_name($conn) }, 'Sys::Virt::NodeDevice',
               'Sys::Virt::NodeDevice::get_name', '$dev', 'a connection is not a device');

# the object outlives its connection object
{
    my $c2 = Sys::Virt->new(uri => 'test:///default');
    my $d2 = Sys::Virt::NodeDevice->_new(connection => $c2, name => 'scsi_host11');
    undef $c2;
    is($d2->get_parent, 'scsi_host1', 'usable after the Sys::Virt object is gone');
}

# a custom host: a device tree
my $path = Cwd::abs_path('t/data/classes-host.xml');
my $host = Sys::Virt->new(uri => "test://$path");
my $nic = Sys::Virt::NodeDevice->_new(connection => $host, name => 'net_eth0_52_54_00_12_34_56');
is_deeply([$nic->list_capabilities], ['net'], 'custom host: a net device');
is($nic->get_parent, 'pci_0000_00_02_0', 'custom host: its PCI parent');
my $pci = Sys::Virt::NodeDevice->_new(connection => $host, name => $nic->get_parent);
is_deeply([$pci->list_capabilities], ['pci'], 'custom host: a PCI device');
is($pci->get_parent, 'computer', 'custom host: under the system');
like($pci->get_xml_description, qr{<product id='0x1234'>Example adapter</product>}, 'custom host: PCI XML');

done_testing();
