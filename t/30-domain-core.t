# Sys::Virt::Domain part 1: lookups, identity, state, metadata, time,
# autostart, XML, and bad arguments. Read-mostly, against test:///default
# (domain "test": running, id 1, 8 GiB max / 2 GiB memory, 2 vCPUs).
use strict;
use warnings;

use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is wrong_class_is die_is);
use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'Sys::Virt comes from blib');

sub dom { Sys::Virt::Domain->_new(connection => $_[0], name => $_[1]) }

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = dom($conn, 'test');

# ---- identity -----------------------------------------------------------
isa_ok($dom, 'Sys::Virt::Domain');
is($dom->get_id, 1, 'get_id of the running default domain');
is($dom->get_name, 'test', 'get_name');
ok(!utf8::is_utf8($dom->get_name), 'name is returned as bytes');
is($dom->get_uuid_string, '6695eb01-f6a4-8304-79aa-97f2502e193f', 'get_uuid_string');
my $raw = $dom->get_uuid;
is(length($raw), 16, 'get_uuid returns 16 bytes');
is($raw, pack('H*', '6695eb01f6a4830479aa97f2502e193f'), 'get_uuid raw bytes');
is($dom->get_os_type, 'linux', 'get_os_type');
is($dom->get_hostname, 'testhost', 'get_hostname');
is($dom->get_hostname(0), 'testhost', 'get_hostname with flags 0');
eval { $dom->get_hostname(Sys::Virt::Domain::GET_HOSTNAME_AGENT) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef,
              'get_hostname(AGENT) unsupported by the test driver');

# ---- lookups --------------------------------------------------------------
is(Sys::Virt::Domain->_new(connection => $conn, id => 1)->get_name, 'test', 'lookup by id');
is(Sys::Virt::Domain->_new(connection => $conn, uuid => $raw)->get_name, 'test',
   'lookup by 16-byte uuid');
is(Sys::Virt::Domain->_new(connection => $conn,
                           uuid => '6695eb01-f6a4-8304-79aa-97f2502e193f')->get_name,
   'test', 'lookup by 36-char uuid');
is(Sys::Virt::Domain->_new(connection => $conn,
                           uuid => '6695eb01f6a4830479aa97f2502e193f')->get_name,
   'test', 'lookup by 32-char uuid');
is(ref(Sys::Virt::Domain::_lookup_by_name($conn, 'test')), 'Sys::Virt::Domain',
   '_lookup_by_name returns a Sys::Virt::Domain');

eval { dom($conn, 'no-such-domain') };
virt_error_is($@, Sys::Virt::Error::ERR_NO_DOMAIN, Sys::Virt::Error::FROM_TEST, undef, 'unknown name');
eval { Sys::Virt::Domain->_new(connection => $conn, id => 99) };
virt_error_is($@, Sys::Virt::Error::ERR_NO_DOMAIN, Sys::Virt::Error::FROM_TEST, undef, 'unknown id');
eval { Sys::Virt::Domain->_new(connection => $conn, id => -5) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN, undef, 'negative id');
eval { Sys::Virt::Domain->_new(connection => $conn, uuid => '12345678-1234-1234-1234-123456789012') };
virt_error_is($@, Sys::Virt::Error::ERR_NO_DOMAIN, Sys::Virt::Error::FROM_TEST, undef, 'unknown uuid');
eval { Sys::Virt::Domain->_new(connection => $conn, uuid => 'z' x 36) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN, undef, 'malformed uuid string');
eval { Sys::Virt::Domain->_new(connection => $conn, uuid => 'abc') };
like($@, qr/^UUID must be either 16 unsigned bytes, or 32\/36 hex characters long/, 'uuid of bad length');
eval { Sys::Virt::Domain->_new(name => 'test') };
like($@, qr/^connection parameter is required/, '_new without connection');
eval { Sys::Virt::Domain->_new(connection => $conn) };
like($@, qr/^address, id or uuid parameters are required/, '_new without a key');
die_is(error_of { Sys::Virt::Domain::_lookup_by_uuid($conn, 'short') },
       'Sys::Virt::Domain::_lookup_by_uuid: $uuid must be 16 bytes long',
       '_lookup_by_uuid refuses a short string instead of over-reading it');

{
    package My::Domain;
    our @ISA = ('Sys::Virt::Domain');
}
my $sub = My::Domain->_new(connection => $conn, name => 'test');
is(ref($sub), 'My::Domain', '_new blesses into the calling class');
is(ref($sub->_new(connection => $conn, id => 1)), 'My::Domain', '_new called on an object');
is($sub->get_name, 'test', 'methods work on a subclass object');

# ---- state ----------------------------------------------------------------
my $info = $dom->get_info;
is_deeply([sort keys %$info], [qw(cpuTime maxMem memory nrVirtCpu state)], 'get_info keys');
is($info->{state}, Sys::Virt::Domain::STATE_RUNNING, 'get_info state');
is($info->{maxMem}, 8388608, 'get_info maxMem');
is($info->{memory}, 2097152, 'get_info memory');
is($info->{nrVirtCpu}, 2, 'get_info nrVirtCpu');
like($info->{cpuTime}, qr/^\d+$/, 'get_info cpuTime is an integer');
cmp_ok($info->{cpuTime}, '>', 0, 'get_info cpuTime is positive');

my @state = $dom->get_state;
is_deeply(\@state, [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_UNKNOWN],
          'get_state in list context: (state, reason)');
my $scalar = $dom->get_state;
is($scalar, Sys::Virt::Domain::STATE_RUNNING_UNKNOWN, 'get_state in scalar context: the reason');
eval { $dom->get_state(1) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef, 'get_state bad flags');

# The test driver runs inside the client library: testDomainGetControlInfo
# is in libvirt 7.6.0 and newer (src/test/test_driver.c's driver table).
if ($conn->get_library_version >= 7_006_000) {
    my $ci = $dom->get_control_info;
    is_deeply($ci, { state => Sys::Virt::Domain::CONTROL_OK, details => 0, stateTime => 0 },
              'get_control_info keys and values');
    eval { $dom->get_control_info(1) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef,
                  'get_control_info bad flags');
} else {
    eval { $dom->get_control_info };
    virt_error_is($@, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_DOMAIN, undef,
                  'get_control_info: not in the test driver before 7.6.0');
    like(ref $@ ? $@->message : '', qr/: virDomainGetControlInfo$/, '... named virDomainGetControlInfo');
}

is($dom->is_active, 1, 'is_active');
is($dom->is_persistent, 1, 'is_persistent');
is($dom->is_updated, 0, 'is_updated');

# ---- XML ------------------------------------------------------------------
my $xml = $dom->get_xml_description;
like($xml, qr{^<domain type='test' id='1'>}, 'get_xml_description of the live domain');
like($xml, qr{<name>test</name>}, 'XML has the name');
like($dom->get_xml_description(Sys::Virt::Domain::XML_INACTIVE), qr{^<domain type='test'>},
     'XML_INACTIVE has no id');
eval { $dom->get_xml_description(1 << 20) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef,
              'get_xml_description bad flags');

# ---- metadata ---------------------------------------------------------------
my $T = Sys::Virt::Domain::METADATA_TITLE;
my $D = Sys::Virt::Domain::METADATA_DESCRIPTION;
my $EL = Sys::Virt::Domain::METADATA_ELEMENT;
eval { $dom->get_metadata($T) };
virt_error_is($@, Sys::Virt::Error::ERR_NO_DOMAIN_METADATA, Sys::Virt::Error::FROM_DOMAIN, undef, 'no title yet');
is_deeply([$dom->set_metadata($T, 'A title')], [], 'set_metadata returns nothing');
is($dom->get_metadata($T), 'A title', 'title read back');
is($dom->get_metadata($T, undef, 0), 'A title', 'title read back with explicit undef uri');
$dom->set_metadata($D, "Line 1\nLine 2", undef, undef, 0);
is($dom->get_metadata($D), "Line 1\nLine 2", 'description read back');
$dom->set_metadata($D, undef);
eval { $dom->get_metadata($D) };
virt_error_is($@, Sys::Virt::Error::ERR_NO_DOMAIN_METADATA, Sys::Virt::Error::FROM_DOMAIN, undef,
              'undef value removes the description');
$dom->set_metadata($T, '');
eval { $dom->get_metadata($T) };
virt_error_is($@, Sys::Virt::Error::ERR_NO_DOMAIN_METADATA, Sys::Virt::Error::FROM_DOMAIN, undef,
              'empty value removes the title');

$dom->set_metadata($EL, '<item>value</item>', 'app', 'http://example.org/app/');
is($dom->get_metadata($EL, 'http://example.org/app/'), '<item>value</item>', 'element read back');
eval { $dom->get_metadata($EL, 'http://example.org/other/') };
virt_error_is($@, Sys::Virt::Error::ERR_NO_DOMAIN_METADATA, Sys::Virt::Error::FROM_DOMAIN, undef, 'other namespace');
eval { $dom->get_metadata($EL) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN, undef, 'element without uri');
eval { $dom->get_metadata($T, 'http://example.org/app/') };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN, undef, 'title with uri');
eval { $dom->set_metadata($EL, '<x/>', 'k', undef) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN, undef, 'element without uri (set)');
eval { $dom->get_metadata(99) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN, undef, 'unknown metadata type');
$dom->set_metadata($EL, undef, undef, 'http://example.org/app/');

# ---- time -----------------------------------------------------------------
# The original returns ONE array reference, not a list (whatever its POD says).
my @t = $dom->get_time;
is(scalar(@t), 1, 'get_time returns one value in list context');
is(ref($t[0]), 'ARRAY', 'get_time returns an array reference');
is_deeply($t[0], [627319920, 0], 'test driver time');
my $tref = $dom->get_time(0);
is_deeply($tref, [627319920, 0], 'get_time in scalar context');
is_deeply([$dom->set_time(1000, 5)], [], 'set_time returns nothing');
is_deeply($dom->get_time, [1000, 5], 'time read back');
$dom->set_time('9007199254740993', 999_999_999);
is_deeply($dom->get_time, ['9007199254740993', 999_999_999], '64-bit seconds keep every digit');
$dom->set_time(-5, 0);
is($dom->get_time->[0], -5, 'negative seconds');
$dom->set_time(0, 0, Sys::Virt::Domain::TIME_SYNC);
eval { $dom->get_time(1) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef, 'get_time bad flags');

# ---- autostart --------------------------------------------------------------
is($dom->get_autostart, 0, 'autostart off by default');
is_deeply([$dom->set_autostart(1)], [], 'set_autostart returns nothing');
is($dom->get_autostart, 1, 'autostart on');
$dom->set_autostart(0);
is($dom->get_autostart, 0, 'autostart off again');

# ---- bad arguments ----------------------------------------------------------
{
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, $_[0] };
    for my $m (qw(get_id get_name get_uuid get_uuid_string get_info get_state
                  get_control_info is_active get_time get_os_type suspend
                  get_xml_description get_autostart)) {
        @warnings = ();
        my @r = eval { Sys::Virt::Domain->can($m)->('not an object') };
        is($@, '', "$m on a string does not die");
        is_deeply(\@r, [undef], "$m on a string returns undef");
        like($warnings[0] // '', qr/^Sys::Virt::Domain::$m\(\) -- dom is not a blessed SV reference/,
             "$m on a string warns");
    }
    @warnings = ();
    my @r = Sys::Virt::Domain::destroy(undef);
    is_deeply(\@r, [undef], 'destroy(undef) returns undef');
    like($warnings[0] // '', qr/^Sys::Virt::Domain::destroy\(\) -- dom_rv is not a blessed SV reference/,
         'destroy(undef) warns');
    @warnings = ();
    @r = Sys::Virt::Domain::get_name({});
    is_deeply(\@r, [undef], 'unblessed hash ref is not an object');
    @r = Sys::Virt::Domain::_lookup_by_name('nope', 'test');
    is_deeply(\@r, [undef], '_lookup_by_name with a string connection returns undef');
    like($warnings[-1] // '', qr/_lookup_by_name\(\) -- con is not a blessed SV reference/,
         '... and warns about con');
}
wrong_class_is(error_of { Sys::Virt::Domain::get_name($conn) }, 'Sys::Virt::Domain',
               'Sys::Virt::Domain::get_name', '$dom', 'a connection is not taken for a domain');
wrong_class_is(error_of { Sys::Virt::Domain::_lookup_by_name($dom, 'test') }, 'Sys::Virt',
               'Sys::Virt::Domain::_lookup_by_name', '$conn', 'a domain is not taken for a connection');
eval { $dom->get_name(1) };
like($@, qr/^Usage: Sys::Virt::Domain::get_name\(dom\)/, 'too many arguments');
eval { &Sys::Virt::Domain::set_autostart($dom) };
like($@, qr/^Usage: Sys::Virt::Domain::set_autostart\(dom, autostart\)/, 'too few arguments');
eval { &Sys::Virt::Domain::get_metadata($dom, 0, undef, 0, 1) };
like($@, qr/^Usage: Sys::Virt::Domain::get_metadata\(dom, type, uri=&PL_sv_undef, flags=0\)/,
     'usage message of an optional-argument method');
{
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, $_[0] };
    eval { $dom->rename(undef) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN, undef, 'rename(undef)');
    like($warnings[0] // '', qr/uninitialized/, 'rename(undef) warns about undef');
    @warnings = ();
    eval { dom($conn, undef) };
    virt_error_is($@, Sys::Virt::Error::ERR_NO_DOMAIN, Sys::Virt::Error::FROM_TEST, undef, 'lookup of undef name');
}

# A tied argument whose FETCH dies: the die propagates, nothing leaks or crashes.
tie my $bad, 'SysVirtTest::DiesOnFetch', "fetch died\n";
eval { $dom->get_xml_description($bad) };
is($@, "fetch died\n", 'die inside argument conversion propagates');
is($dom->get_name, 'test', 'object still usable afterwards');

# ---- lifetime -------------------------------------------------------------
my $orphan;
{
    my $c2 = Sys::Virt->new(uri => 'test:///default');
    $orphan = dom($c2, 'test');
}
is($orphan->get_name, 'test', 'domain outlives its connection object');
is($orphan->is_active, 1, 'and still talks to the hypervisor');

my $gone = dom($conn, 'test');
$gone->DESTROY;
eval { $gone->get_name };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_DOMAIN, Sys::Virt::Error::FROM_DOM, undef, 'method after DESTROY');
eval { $gone->destroy };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_DOMAIN, Sys::Virt::Error::FROM_DOM, undef, 'destroy after DESTROY');
$gone->DESTROY;
pass('a second DESTROY is harmless');

done_testing();
