# Sys::Virt::NWFilter and Sys::Virt::NWFilterBinding. The test driver has
# no network filter driver: every call must fail with its exact error;
# the Perl-level argument checks and bad arguments are tested too.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is wrong_class_is die_is not_blessed unsupported_is);

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => 'test:///default');
my $uuid = '01234567-89ab-cdef-0123-456789abcdef';
my $filter_xml = "<filter name='t20-clean' chain='root'><rule action='accept' direction='out'><all/></rule></filter>";
my %calls = (
    'filter lookup by name' => [ sub { Sys::Virt::NWFilter->_new(connection => $conn, name => 'clean-traffic') },
                                 'virNWFilterLookupByName' ],
    'filter lookup by raw UUID' => [ sub { Sys::Virt::NWFilter->_new(connection => $conn, uuid => pack('H32', '0' x 32)) },
                                     'virNWFilterLookupByUUID' ],
    'filter lookup by printable UUID' => [ sub { Sys::Virt::NWFilter->_new(connection => $conn, uuid => $uuid) },
                                           'virNWFilterLookupByUUID' ],   # via the raw lookup
    'filter define' => [ sub { Sys::Virt::NWFilter->_new(connection => $conn, xml => $filter_xml) },
                         'virNWFilterDefineXML' ],
    'filter define with flags' => [ sub { Sys::Virt::NWFilter->_new(connection => $conn, xml => $filter_xml,
                                              flags => Sys::Virt::NWFilter::DEFINE_VALIDATE) },
                                    'virNWFilterDefineXMLFlags', '7.7.0' ],
    'binding lookup by port' => [ sub { Sys::Virt::NWFilterBinding->_new(connection => $conn, portdev => 'vnet0') },
                                  'virNWFilterBindingLookupByPortDev' ],
    'binding create' => [ sub { Sys::Virt::NWFilterBinding->_new(connection => $conn, xml => '<filterbinding/>') },
                          'virNWFilterBindingCreateXML' ],
);
# The test driver has no nwfilter driver: libvirt's ERR_NO_SUPPORT
# naming the function; a function newer than the running libvirt
# (libvirt-api.xml: the flags variant of define is 7.7.0's) is the
# binding's ERR_NO_SUPPORT, domain NONE, naming the version that has it.
for my $name (sort keys %calls) {
    my ($sub, $func, $since) = @{ $calls{$name} };
    unsupported_is(error_of { $sub->() }, $func, $since, Sys::Virt::Error::FROM_NWFILTER, "$name: calls $func");
}

virt_error_is(error_of { Sys::Virt::NWFilter->_new(connection => $conn, uuid => 'z' x 32) },
              Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_NWFILTER, undef,
              'malformed UUID string');
eval { Sys::Virt::NWFilter->_new(connection => $conn, uuid => '0123') };
like($@, qr/^UUID must be either 16 unsigned bytes, or 32\/36 hex characters long/, 'bad UUID length');
eval { Sys::Virt::NWFilter->_new(connection => $conn) };
like($@, qr/^address, id or uuid parameters are required/, 'filter: no lookup key');
eval { Sys::Virt::NWFilter->_new(name => 'x') };
like($@, qr/^connection parameter is required/, 'filter: no connection');
eval { Sys::Virt::NWFilterBinding->_new(connection => $conn) };
like($@, qr/^portdev or xml parameters are required/, 'binding: no lookup key');
eval { Sys::Virt::NWFilterBinding->_new(portdev => 'vnet0') };
like($@, qr/^connection parameter is required/, 'binding: no connection');
die_is(error_of { Sys::Virt::NWFilter::_lookup_by_uuid($conn, $uuid) },
       'Sys::Virt::NWFilter::_lookup_by_uuid: $uuid must be 16 raw bytes, not 36',
       'a printable UUID is not taken for raw bytes');

# bad arguments (every method, with a non-object)
for my $m (qw(get_name get_uuid get_uuid_string get_xml_description undefine)) {
    no strict 'refs';
    not_blessed("NWFilter::$m on a string", sub { &{"Sys::Virt::NWFilter::$m"}('x') });
}
for my $m (qw(get_port_dev get_filter_name get_xml_description delete)) {
    no strict 'refs';
    not_blessed("NWFilterBinding::$m on undef", sub { &{"Sys::Virt::NWFilterBinding::$m"}(undef) });
}
not_blessed('binding lookup with a non-object connection', sub { Sys::Virt::NWFilterBinding::_lookup_by_port_dev('c', 'vnet0') });
eval { &Sys::Virt::NWFilter::undefine() };
like($@, qr/^Usage: Sys::Virt::NWFilter::undefine\(filter\)/, 'no arguments');
eval { &Sys::Virt::NWFilterBinding::delete(1, 2) };
like($@, qr/^Usage: Sys::Virt::NWFilterBinding::delete\(binding\)/, 'too many arguments');
wrong_class_is(error_of { Sys::Virt::NWFilterBinding::get_port_dev($conn) }, 'Sys::Virt::NWFilterBinding',
               'Sys::Virt::NWFilterBinding::get_port_dev', '$binding', 'a connection is not a binding');
wrong_class_is(error_of { Sys::Virt::NWFilter::get_name($conn) }, 'Sys::Virt::NWFilter',
               'Sys::Virt::NWFilter::get_name', '$filter', 'a connection is not a filter');

done_testing();
