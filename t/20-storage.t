# Sys::Virt::StoragePool and Sys::Virt::StorageVol against the test
# driver: lookups, pool lifecycle, volume creation/cloning/deletion,
# listings, info hashes, errors and bad arguments.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is wrong_class_is not_blessed);
use Cwd ();

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => 'test:///default');
my $GiB = 1024 ** 3;

# --- pool lookups ---------------------------------------------------------
my $pool = Sys::Virt::StoragePool->_new(connection => $conn, name => 'default-pool');
isa_ok($pool, 'Sys::Virt::StoragePool');
is($pool->get_name, 'default-pool', 'get_name');
my $uuid = 'dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566';
is($pool->get_uuid_string, $uuid, 'get_uuid_string');
is(unpack('H*', $pool->get_uuid), join('', split /-/, $uuid), 'get_uuid');
is(Sys::Virt::StoragePool->_new(connection => $conn, uuid => $pool->get_uuid)->get_name,
   'default-pool', 'lookup by raw UUID');
is(Sys::Virt::StoragePool->_new(connection => $conn, uuid => $uuid)->get_name,
   'default-pool', 'lookup by printable UUID');
virt_error_is(error_of { Sys::Virt::StoragePool->_new(connection => $conn, name => 'nope') },
              Sys::Virt::Error::ERR_NO_STORAGE_POOL, Sys::Virt::Error::FROM_TEST, undef,
              'unknown pool');
virt_error_is(error_of { Sys::Virt::StoragePool->_new(connection => $conn, uuid => 'x' x 16) },
              Sys::Virt::Error::ERR_NO_STORAGE_POOL, Sys::Virt::Error::FROM_TEST, undef,
              'unknown pool UUID');
virt_error_is(error_of { Sys::Virt::StoragePool->_new(connection => $conn, target_path => '/default-pool') },
              Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_STORAGE, undef,
              'lookup by target path');
eval { Sys::Virt::StoragePool->_new(connection => $conn, uuid => '1234') };
like($@, qr/^UUID must be either 16 unsigned bytes/, 'bad UUID length');
eval { Sys::Virt::StoragePool->_new(connection => $conn) };
like($@, qr/^address, id or uuid parameters are required/, 'no lookup key');

# --- pool state -------------------------------------------------------------
like($pool->get_xml_description, qr{<path>/default-pool</path>}, 'XML has the target path');
my $info = $pool->get_info;
is_deeply($info, { state => Sys::Virt::StoragePool::STATE_RUNNING, capacity => 100 * $GiB,
                   allocation => 0, available => 100 * $GiB }, 'get_info');
is($pool->is_active, 1, 'is_active');
is($pool->is_persistent, 1, 'is_persistent');
is($pool->get_autostart, 0, 'autostart off');
is_deeply([$pool->set_autostart(1)], [], 'set_autostart returns nothing');
is($pool->get_autostart, 1, 'autostart on');
is_deeply([$pool->refresh], [], 'refresh returns nothing');
virt_error_is(error_of { $pool->refresh(1) },
              Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef,
              'refresh with an unknown flag');
virt_error_is(error_of { $pool->build },
              Sys::Virt::Error::ERR_OPERATION_INVALID, Sys::Virt::Error::FROM_TEST, undef,
              'build of a running pool');
is($pool->num_of_storage_volumes, 0, 'no volumes yet');
is_deeply([$pool->list_storage_vol_names(10)], [], 'no volume names');
is_deeply([$pool->list_all_volumes], [], 'no volume objects');
is_deeply([$pool->list_volumes], [], 'list_volumes: none');

# --- volumes ------------------------------------------------------------------
my $vol = $pool->create_volume(
    "<volume><name>t20a.img</name><capacity unit='M'>10</capacity><allocation>0</allocation></volume>");
isa_ok($vol, 'Sys::Virt::StorageVol');
is($vol->get_name, 't20a.img', 'volume name');
is($vol->get_key, '/default-pool/t20a.img', 'volume key');
is($vol->get_path, '/default-pool/t20a.img', 'volume path');
is_deeply($vol->get_info, { type => Sys::Virt::StorageVol::TYPE_FILE, capacity => 10 * 1024 * 1024,
                            allocation => 0 }, 'volume get_info');
like($vol->get_xml_description, qr{<capacity unit='bytes'>10485760</capacity>}, 'volume XML');

my $clone = $pool->clone_volume(
    "<volume><name>t20b.img</name><capacity unit='M'>20</capacity></volume>", $vol);
is($clone->get_name, 't20b.img', 'clone_volume');
is($clone->get_info->{capacity}, 20 * 1024 * 1024, 'clone capacity');

is($pool->num_of_storage_volumes, 2, 'two volumes');
is_deeply([sort $pool->list_storage_vol_names(10)], ['t20a.img', 't20b.img'], 'list_storage_vol_names');
is(scalar(my @one = $pool->list_storage_vol_names(1)), 1, 'list_storage_vol_names honours maxnames');
is_deeply([$pool->list_storage_vol_names(0)], [], 'maxnames 0');
virt_error_is(error_of { $pool->list_storage_vol_names(-1) },
              Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_STORAGE, undef,
              'negative maxnames');
my @all = $pool->list_all_volumes;
is(scalar @all, 2, 'list_all_volumes: two');
is_deeply([sort map { ref } @all], ['Sys::Virt::StorageVol', 'Sys::Virt::StorageVol'], 'as objects');
is_deeply([sort map { $_->get_name } @all], ['t20a.img', 't20b.img'], 'with the right names');
is_deeply([sort map { $_->get_name } $pool->list_volumes], ['t20a.img', 't20b.img'], 'list_volumes');
is($pool->get_volume_by_name('t20b.img')->get_key, '/default-pool/t20b.img', 'get_volume_by_name');
is(Sys::Virt::StorageVol->_new(connection => $conn, key => '/default-pool/t20a.img')->get_name,
   't20a.img', 'volume lookup by key');
is(Sys::Virt::StorageVol->_new(connection => $conn, path => '/default-pool/t20b.img')->get_name,
   't20b.img', 'volume lookup by path');
is(Sys::Virt::StoragePool->_new(connection => $conn, volume => $vol)->get_name,
   'default-pool', 'pool lookup by volume');
is($pool->get_info->{allocation}, 20 * 1024 * 1024, 'pool allocation grew by the clone (allocated in full)');

virt_error_is(error_of { $pool->get_volume_by_name('nope') },
              Sys::Virt::Error::ERR_NO_STORAGE_VOL, Sys::Virt::Error::FROM_TEST, undef,
              'unknown volume name');
virt_error_is(error_of { Sys::Virt::StorageVol->_new(connection => $conn, key => 'nope') },
              Sys::Virt::Error::ERR_NO_STORAGE_VOL, Sys::Virt::Error::FROM_TEST, undef,
              'unknown volume key');
virt_error_is(error_of { Sys::Virt::StorageVol->_new(connection => $conn, path => '/nope') },
              Sys::Virt::Error::ERR_NO_STORAGE_VOL, Sys::Virt::Error::FROM_TEST, undef,
              'unknown volume path');
virt_error_is(error_of { $pool->create_volume('<volume') },
              Sys::Virt::Error::ERR_XML_DETAIL, Sys::Virt::Error::FROM_STORAGE, undef,
              'malformed volume XML');
virt_error_is(error_of { $pool->create_volume(
                  "<volume><name>t20a.img</name><capacity>1</capacity></volume>") },
              Sys::Virt::Error::ERR_OPERATION_FAILED, Sys::Virt::Error::FROM_TEST, undef,
              'duplicate volume');
eval { Sys::Virt::StorageVol->_new(connection => $conn) };
like($@, qr/^name, key, path or xml parameters are required/, 'volume: no lookup key');
eval { Sys::Virt::StorageVol->_new(name => 'x') };
like($@, qr/^pool parameter is required/, 'volume by name needs a pool');
eval { Sys::Virt::StorageVol->_new(key => 'x') };
like($@, qr/^connection parameter is required/, 'volume by key needs a connection');

# Not supported by the test driver: exact errors.
for my $case ([ 'get_info with flags', sub { $vol->get_info(Sys::Virt::StorageVol::GET_PHYSICAL) } ],
              [ 'resize', sub { $vol->resize(20 * 1024 * 1024) } ],
              [ 'resize with flags', sub { $vol->resize(1024, Sys::Virt::StorageVol::RESIZE_DELTA) } ],
              [ 'wipe', sub { $vol->wipe } ],
              [ 'wipe_pattern', sub { $vol->wipe_pattern(Sys::Virt::StorageVol::WIPE_ALG_ZERO) } ]) {
    my ($name, $sub) = @$case;
    virt_error_is(error_of { $sub->() }, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_STORAGE, undef,
                  $name);
}

# Streams: the argument must be a stream object.
not_blessed('upload with a non-object stream', sub { $vol->upload('x', 0, 0) });
not_blessed('download with undef stream', sub { $vol->download(undef, 0, 0, 0) });
wrong_class_is(error_of { $vol->upload($pool, 0, 0) }, 'Sys::Virt::Stream',
               'Sys::Virt::StorageVol::upload', '$st', 'upload refuses an object of another class');
my $st = $conn->new_stream(0);
virt_error_is(error_of { $vol->upload($st, 0, 0) },
              Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_STORAGE, undef,
              'upload through a stream');
virt_error_is(error_of { $vol->download($st, 1024, 4096, 0) },
              Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_STORAGE, undef,
              'download through a stream');
{
    my @warn;
    local $SIG{__WARN__} = sub { push @warn, @_ };
    eval { $pool->clone_volume("<volume><name>t20c.img</name><capacity>1</capacity></volume>", 'notavol') };
    like($warn[0] // '', qr/_create_xml_from\(\) -- clone is not a blessed SV reference/,
         'clone_volume with a non-object warns');
}

# delete
is_deeply([$clone->delete], [], 'delete returns nothing');
is($clone->get_name, 't20b.img', 'a deleted volume object still knows its name');
virt_error_is(error_of { $clone->get_info },
              Sys::Virt::Error::ERR_NO_STORAGE_VOL, Sys::Virt::Error::FROM_TEST, undef,
              'info of a deleted volume');
is($pool->num_of_storage_volumes, 1, 'one volume left');

# --- pool lifecycle -------------------------------------------------------------
is_deeply([$pool->destroy], [], 'destroy returns nothing');
is($pool->is_active, 0, 'stopped');
is($pool->get_info->{state}, Sys::Virt::StoragePool::STATE_INACTIVE, 'state is inactive');
virt_error_is(error_of { $pool->list_all_volumes },
              Sys::Virt::Error::ERR_OPERATION_INVALID, Sys::Virt::Error::FROM_TEST, undef,
              'listing volumes of a stopped pool');
is_deeply([$pool->delete(Sys::Virt::StoragePool::DELETE_NORMAL)], [], 'delete of a stopped pool');
is_deeply([$pool->create], [], 'create returns nothing');
is($pool->is_active, 1, 'running again');
virt_error_is(error_of { $pool->undefine },
              Sys::Virt::Error::ERR_OPERATION_INVALID, Sys::Virt::Error::FROM_TEST, undef,
              'undefine of a running pool');

my $def = Sys::Virt::StoragePool->_new(connection => $conn, nocreate => 1,
    xml => "<pool type='dir'><name>t20p</name><target><path>/t20p</path></target></pool>");
is($def->get_name, 't20p', 'define a pool');
is($def->is_active, 0, 'a defined pool is stopped');
is($def->is_persistent, 1, 'and persistent');
is_deeply([$def->build], [], 'build returns nothing');
$def->create;
is($def->is_active, 1, 'started');
is($def->get_info->{state}, Sys::Virt::StoragePool::STATE_RUNNING, 'running state');
$def->destroy;
is_deeply([$def->undefine], [], 'undefine returns nothing');
virt_error_is(error_of { Sys::Virt::StoragePool->_new(connection => $conn, name => 't20p') },
              Sys::Virt::Error::ERR_NO_STORAGE_POOL, Sys::Virt::Error::FROM_TEST, undef,
              'an undefined pool is gone');
# VIR_STORAGE_POOL_DEFINE_VALIDATE is libvirt 7.7.0's (libvirt-api.xml):
# an older test driver refuses the flag.
my $define_validate = sub {
    Sys::Virt::StoragePool->_new(connection => $conn, nocreate => 1,
        flags => Sys::Virt::StoragePool::DEFINE_VALIDATE,
        xml => "<pool type='dir'><name>t20v</name><target><path>/t20v</path></target></pool>") };
if (Sys::Virt::get_version() >= 7_007_000) {
    my $val = $define_validate->();
    is($val->get_name, 't20v', 'define with DEFINE_VALIDATE');
    $val->undefine;
} else {
    virt_error_is(error_of { $define_validate->() }, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST,
                  'unsupported flags (0x1) in function testStoragePoolDefineXML',
                  'DEFINE_VALIDATE before libvirt 7.7.0: the flag reached the test driver');
}

my $tmp = Sys::Virt::StoragePool->_new(connection => $conn,
    xml => "<pool type='dir'><name>t20t</name><target><path>/t20t</path></target></pool>");
is($tmp->is_active, 1, 'a created pool is running');
is($tmp->is_persistent, 0, 'and transient');
$tmp->destroy;
virt_error_is(error_of { Sys::Virt::StoragePool->_new(connection => $conn, name => 't20t') },
              Sys::Virt::Error::ERR_NO_STORAGE_POOL, Sys::Virt::Error::FROM_TEST, undef,
              'a destroyed transient pool is gone');
virt_error_is(error_of { Sys::Virt::StoragePool->_new(connection => $conn, xml => '<pool', nocreate => 1) },
              Sys::Virt::Error::ERR_XML_DETAIL, Sys::Virt::Error::FROM_STORAGE, undef,
              'malformed pool XML');

# --- bad arguments ----------------------------------------------------------------
not_blessed('get_info on a string', sub { Sys::Virt::StoragePool::get_info('default-pool') });
not_blessed('get_key on undef', sub { Sys::Virt::StorageVol::get_key(undef) });
not_blessed('lookup by volume of a non-object', sub { Sys::Virt::StoragePool::_lookup_by_volume('x') });
eval { &Sys::Virt::StoragePool::list_storage_vol_names($pool) };
like($@, qr/^Usage: Sys::Virt::StoragePool::list_storage_vol_names\(pool, maxnames\)/, 'missing maxnames');
eval { &Sys::Virt::StoragePool::_create_xml($conn, '<pool/>', 0) };
like($@, qr/^Usage: Sys::Virt::StoragePool::_create_xml\(con, xml\)/, '_create_xml takes no flags');
wrong_class_is(error_of { Sys::Virt::StorageVol::get_name($pool) }, 'Sys::Virt::StorageVol',
               'Sys::Virt::StorageVol::get_name', '$vol', 'a pool is not a volume');

# --- objects outlive their connection object ---------------------------------
{
    my $c2 = Sys::Virt->new(uri => 'test:///default');
    my $p2 = Sys::Virt::StoragePool->_new(connection => $c2, name => 'default-pool');
    undef $c2;
    my $v2 = $p2->create_volume("<volume><name>late.img</name><capacity>4096</capacity></volume>");
    is($v2->get_path, '/default-pool/late.img', 'a pool makes volumes after the connection object is gone');
    undef $p2;
    is($v2->get_info->{capacity}, 4096, 'and the volume outlives its pool object too');
}

# --- a custom host: a pool with volumes ------------------------------------------
my $path = Cwd::abs_path('t/data/classes-host.xml');
my $host = Sys::Virt->new(uri => "test://$path");
my $images = Sys::Virt::StoragePool->_new(connection => $host, uuid => '0f0e0d0c-0b0a-0908-0706-050403020100');
is($images->get_name, 'images', 'custom host: pool by UUID');
is($images->num_of_storage_volumes, 2, 'custom host: two volumes');
my %vols = map { $_->get_name => $_ } $images->list_all_volumes;
is_deeply([sort keys %vols], ['alpha.img', 'beta.qcow2'], 'custom host: volume names');
is_deeply($vols{'alpha.img'}->get_info, { type => 0, capacity => $GiB, allocation => 512 * 1024 * 1024 },
          'custom host: alpha info');
is($vols{'beta.qcow2'}->get_path, '/srv/images/beta.qcow2', 'custom host: beta path');
is($images->get_info->{allocation}, 512 * 1024 * 1024 + 196608, 'custom host: pool allocation');

done_testing();
