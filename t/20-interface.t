# Sys::Virt::Interface against the test driver: lookups by name and MAC,
# definition, up/down, errors and bad arguments.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is wrong_class_is not_blessed);
use Cwd ();

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => 'test:///default');

my $iface = Sys::Virt::Interface->_new(connection => $conn, name => 'eth1');
isa_ok($iface, 'Sys::Virt::Interface');
is($iface->get_name, 'eth1', 'get_name');
is($iface->get_mac, 'aa:bb:cc:dd:ee:ff', 'get_mac');
is(Sys::Virt::Interface->_new(connection => $conn, mac => 'aa:bb:cc:dd:ee:ff')->get_name,
   'eth1', 'lookup by MAC');
my $xml = $iface->get_xml_description;
like($xml, qr{^<interface type='ethernet' name='eth1'>}, 'XML root');
like($xml, qr{<mac address='aa:bb:cc:dd:ee:ff'/>}, 'XML has the MAC');
is($iface->is_active, 1, 'is_active');

is_deeply([$iface->destroy], [], 'destroy returns nothing');
is($iface->is_active, 0, 'down');
is_deeply([$iface->create], [], 'create returns nothing');
is($iface->is_active, 1, 'up again');
virt_error_is(error_of { $iface->create(0) },
              Sys::Virt::Error::ERR_OPERATION_INVALID, Sys::Virt::Error::FROM_TEST, undef,
              'bringing up an interface that is up');
$iface->destroy(0);
virt_error_is(error_of { $iface->destroy },
              Sys::Virt::Error::ERR_OPERATION_INVALID, Sys::Virt::Error::FROM_TEST, undef,
              'bringing down an interface that is down');
$iface->create;

virt_error_is(error_of { Sys::Virt::Interface->_new(connection => $conn, name => 'nope') },
              Sys::Virt::Error::ERR_NO_INTERFACE, Sys::Virt::Error::FROM_TEST, undef,
              'unknown name');
virt_error_is(error_of { Sys::Virt::Interface->_new(connection => $conn, mac => '00:00:00:00:00:00') },
              Sys::Virt::Error::ERR_NO_INTERFACE, Sys::Virt::Error::FROM_TEST, undef,
              'unknown MAC');
eval { Sys::Virt::Interface->_new(connection => $conn) };
like($@, qr/^name, mac or xml parameters are required/, 'no lookup key');
eval { Sys::Virt::Interface->_new(name => 'eth1') };
like($@, qr/^connection parameter is required/, 'no connection');

# define / undefine
my $new = Sys::Virt::Interface->_new(connection => $conn,
    xml => "<interface type='ethernet' name='eth20'><mac address='52:54:00:20:20:20'/></interface>");
isa_ok($new, 'Sys::Virt::Interface', 'defined interface');
is($new->get_name, 'eth20', 'its name');
is($new->get_mac, '52:54:00:20:20:20', 'its MAC');
is($new->is_active, 0, 'a defined interface is down');
is(Sys::Virt::Interface->_new(connection => $conn, mac => '52:54:00:20:20:20')->get_name, 'eth20',
   'found by MAC');
is_deeply([$new->undefine], [], 'undefine returns nothing');
virt_error_is(error_of { Sys::Virt::Interface->_new(connection => $conn, name => 'eth20') },
              Sys::Virt::Error::ERR_NO_INTERFACE, Sys::Virt::Error::FROM_TEST, undef,
              'an undefined interface is gone');
is($new->get_name, 'eth20', 'the object still knows its name');
virt_error_is(error_of { Sys::Virt::Interface->_new(connection => $conn, xml => '<interface') },
              Sys::Virt::Error::ERR_XML_DETAIL, Sys::Virt::Error::FROM_INTERFACE, undef,
              'malformed XML');
virt_error_is(error_of { Sys::Virt::Interface->_new(connection => $conn, flags => 1 << 20,
                  xml => "<interface type='ethernet' name='eth21'/>") },
              Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef,
              'unknown flag');

# bad arguments
not_blessed('get_mac on a string', sub { Sys::Virt::Interface::get_mac('eth1') });
not_blessed('is_active on undef', sub { Sys::Virt::Interface::is_active(undef) });
not_blessed('lookup with a non-object connection', sub { Sys::Virt::Interface::_lookup_by_mac([], 'x') });
eval { &Sys::Virt::Interface::get_mac() };
like($@, qr/^Usage: Sys::Virt::Interface::get_mac\(iface\)/, 'no arguments');
eval { &Sys::Virt::Interface::undefine($iface, 0) };
like($@, qr/^Usage: Sys::Virt::Interface::undefine\(iface\)/, 'too many arguments');
wrong_class_is(error_of { Sys::Virt::Interface::get_name($conn) }, 'Sys::Virt::Interface',
               'Sys::Virt::Interface::get_name', '$iface', 'a connection is not an interface');

# the object outlives its connection object
{
    my $c2 = Sys::Virt->new(uri => 'test:///default');
    my $i2 = Sys::Virt::Interface->_new(connection => $c2, name => 'eth1');
    undef $c2;
    is($i2->get_mac, 'aa:bb:cc:dd:ee:ff', 'usable after the Sys::Virt object is gone');
    $i2->destroy;
    is($i2->is_active, 0, 'and still changes state');
}

# a custom host
my $path = Cwd::abs_path('t/data/classes-host.xml');
my $host = Sys::Virt->new(uri => "test://$path");
my $eth0 = Sys::Virt::Interface->_new(connection => $host, mac => '52:54:00:12:34:56');
is($eth0->get_name, 'eth0', 'custom host: lookup by MAC');
like($eth0->get_xml_description, qr{<ip address='192.0.2.10' prefix='24'/>}, 'custom host: XML');

done_testing();
