# Sys::Virt::Secret. The test driver has no secret driver: every call
# must fail with its exact error. When an event loop implementation can be
# registered (Sys::Virt::Event), libvirt's secret driver is also run
# embedded in this process on a temporary directory, to check the real
# values: UUIDs, usage, binary-safe values.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is wrong_class_is die_is not_blessed embedded_secrets);

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => 'test:///default');
my $uuid = 'c0ffee00-1234-5678-9abc-def012345678';
(my $hex = $uuid) =~ s/-//g;
my $raw = pack('H*', $hex);
my $xml = "<secret ephemeral='no' private='no'><uuid>$uuid</uuid>"
        . "<usage type='volume'><volume>/srv/images/enc.img</volume></usage></secret>";

# --- test driver: no secret support -------------------------------------------
for my $case ([ 'lookup by raw UUID', sub { Sys::Virt::Secret->_new(connection => $conn, uuid => $raw) } ],
              [ 'lookup by printable UUID', sub { Sys::Virt::Secret->_new(connection => $conn, uuid => $uuid) } ],
              [ 'lookup by 32-char UUID', sub { Sys::Virt::Secret->_new(connection => $conn, uuid => $hex) } ],
              [ 'lookup by usage', sub { Sys::Virt::Secret->_new(connection => $conn,
                    usageType => Sys::Virt::Secret::USAGE_TYPE_VOLUME, usageID => '/srv/images/enc.img') } ],
              [ 'define', sub { Sys::Virt::Secret->_new(connection => $conn, xml => $xml) } ]) {
    my ($name, $sub) = @$case;
    virt_error_is(error_of { $sub->() }, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_SECRET,
                  qr/^this function is not supported by the connection driver: virSecret\w+$/, $name);
}
virt_error_is(error_of { Sys::Virt::Secret->_new(connection => $conn, uuid => 'z' x 36) },
              Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_SECRET, undef,
              'malformed UUID string');
eval { Sys::Virt::Secret->_new(connection => $conn, uuid => 'abc') };
like($@, qr/^UUID must be either 16 unsigned bytes/, 'bad UUID length');
eval { Sys::Virt::Secret->_new(connection => $conn, usageType => 1) };
like($@, qr/^usageID parameter must be provided with usageType/, 'usageType alone');
eval { Sys::Virt::Secret->_new(connection => $conn, usageID => 'x') };
like($@, qr/^usageType parameter must be provided with usageID/, 'usageID alone');
eval { Sys::Virt::Secret->_new(connection => $conn) };
like($@, qr/^usageID, xml or uuid parameters are required/, 'no lookup key');
eval { Sys::Virt::Secret->_new(uuid => $uuid) };
like($@, qr/^connection parameter is required/, 'no connection');
die_is(error_of { Sys::Virt::Secret::_lookup_by_uuid($conn, 'x' x 15) },
       'Sys::Virt::Secret::_lookup_by_uuid: $uuid must be 16 raw bytes, not 15', 'short raw UUID');

not_blessed('get_value on a string', sub { Sys::Virt::Secret::get_value('x') });
not_blessed('set_value on undef', sub { Sys::Virt::Secret::set_value(undef, 'v') });
not_blessed('get_usage_id on a hash ref', sub { Sys::Virt::Secret::get_usage_id({}) });
eval { &Sys::Virt::Secret::set_value() };
like($@, qr/^Usage: Sys::Virt::Secret::set_value\(sec, value, flags=0\)/, 'set_value without arguments');
wrong_class_is(error_of { Sys::Virt::Secret::get_value($conn) }, 'Sys::Virt::Secret',
               'Sys::Virt::Secret::get_value', '$sec', 'a connection is not a secret');

# --- the real secret driver, embedded ---------------------------------------------
SKIP: {
    my $have_events = eval {
        require Sys::Virt::Event;
        Sys::Virt::Event::register_default();
        1;
    };
    skip "no event loop implementation to register (Sys::Virt::Event): $@", 1 unless $have_events;
    # on a libvirt.so.0 other than the installed one's, the driver cannot
    # load: that, and only that, skips (any other failure dies)
    my ($sc, $why) = embedded_secrets();
    skip $why, 1 unless $sc;

    my $sec = Sys::Virt::Secret->_new(connection => $sc, xml => $xml);
    isa_ok($sec, 'Sys::Virt::Secret');
    is($sec->get_uuid_string, $uuid, 'get_uuid_string');
    is($sec->get_uuid, $raw, 'get_uuid is the 16 raw bytes');
    is($sec->get_usage_type, Sys::Virt::Secret::USAGE_TYPE_VOLUME, 'get_usage_type');
    is($sec->get_usage_id, '/srv/images/enc.img', 'get_usage_id');
    like($sec->get_xml_description, qr{<volume>/srv/images/enc\.img</volume>}, 'XML');
    unlike($sec->get_xml_description, qr/value/i, 'the XML has no value');
    virt_error_is(error_of { $sec->get_value },
                  Sys::Virt::Error::ERR_NO_SECRET, Sys::Virt::Error::FROM_SECRET, undef,
                  'get_value before any value is set');

    my $value = "pass\0word\xff\x80\n";
    is_deeply([$sec->set_value($value)], [], 'set_value returns nothing');
    my $got = $sec->get_value;
    is(length $got, length $value, 'the value keeps its NUL and high bytes');
    is($got, $value, 'binary-safe round trip');
    ok(!utf8::is_utf8($got), 'the value comes back as bytes');
    # As the C original: the string is passed as Perl holds it, so an
    # upgraded (UTF-8-flagged) string is stored as its UTF-8 encoding.
    my $upgraded = "caf\x{e9}";
    utf8::upgrade($upgraded);
    $sec->set_value($upgraded);
    is($sec->get_value, "caf\xc3\xa9", 'a UTF-8-flagged value is stored as its UTF-8 encoding');
    $sec->set_value("\x{263a}");
    is($sec->get_value, "\xe2\x98\xba", 'a wide character is stored as its UTF-8 bytes');
    is_deeply([$sec->set_value('', 0)], [], 'set_value of an empty value');
    # libvirt stores an empty value as no value at all.
    virt_error_is(error_of { $sec->get_value(0) },
                  Sys::Virt::Error::ERR_NO_SECRET, Sys::Virt::Error::FROM_SECRET, undef,
                  'get_value after storing an empty value');
    $sec->set_value($value);

    is(Sys::Virt::Secret->_new(connection => $sc, uuid => $raw)->get_usage_id,
       '/srv/images/enc.img', 'lookup by raw UUID');
    is(Sys::Virt::Secret->_new(connection => $sc, uuid => $uuid)->get_usage_id,
       '/srv/images/enc.img', 'lookup by printable UUID');
    is(Sys::Virt::Secret->_new(connection => $sc, uuid => $hex)->get_uuid_string,
       $uuid, 'lookup by 32-char UUID');
    is(Sys::Virt::Secret->_new(connection => $sc, usageType => Sys::Virt::Secret::USAGE_TYPE_VOLUME,
                               usageID => '/srv/images/enc.img')->get_uuid_string,
       $uuid, 'lookup by usage');
    virt_error_is(error_of { Sys::Virt::Secret->_new(connection => $sc, uuid => '0' x 32) },
                  Sys::Virt::Error::ERR_NO_SECRET, Sys::Virt::Error::FROM_SECRET, undef,
                  'unknown UUID');
    virt_error_is(error_of { Sys::Virt::Secret->_new(connection => $sc, usageType => 1, usageID => '/nope') },
                  Sys::Virt::Error::ERR_NO_SECRET, Sys::Virt::Error::FROM_SECRET, undef,
                  'unknown usage');
    virt_error_is(error_of { Sys::Virt::Secret->_new(connection => $sc, xml => '<secret') },
                  Sys::Virt::Error::ERR_XML_DETAIL, Sys::Virt::Error::FROM_SECRET, undef,
                  'malformed XML');

    my $ceph = Sys::Virt::Secret->_new(connection => $sc, flags => Sys::Virt::Secret::DEFINE_VALIDATE,
        xml => "<secret ephemeral='no' private='no'><usage type='ceph'><name>client.admin</name></usage></secret>");
    is($ceph->get_usage_type, Sys::Virt::Secret::USAGE_TYPE_CEPH, 'a Ceph secret');
    is($ceph->get_usage_id, 'client.admin', 'its usage ID');
    isnt($ceph->get_uuid_string, $uuid, 'a UUID of its own');

    # The objects outlive the connection object.
    undef $sc;
    $ceph->set_value("k\0y");
    is($ceph->get_value, "k\0y", 'usable after the Sys::Virt object is gone');
    # (undefine and ephemeral secrets are not exercised: libvirt 9.0.0's
    # embedded secret driver crashes on them, with the C original too.)
}

done_testing();
