# The storage, secret, nwfilter and network drivers of the real libvirtd
# of the QEMU stack (t/lib/SysVirtQemu.pm), through the remote driver: a
# directory pool is built, started, refreshed, filled with raw and qcow2
# volumes whose data goes up and comes back through streams (plain and
# sparse: holes travel as holes and stay holes on disk), wiped, resized,
# cloned and deleted; secrets keep binary values (private ones refuse to
# give them back); nwfilters and their bindings are defined, looked up
# and removed; a network port is made on a bridge network; and a
# destroyed NWFilter, NWFilterBinding, Secret or NetworkPort object
# raises its class's invalid-object error.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use SysVirtQemu qw(virt_error_is error_of slurp);
use File::Basename ();
use File::Path ();

my $s = SysVirtQemu::skip_unless_stack();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => $s->{uri});
is($conn->get_type, 'QEMU', 'primary daemon');

my $pre = "sysvirt-t54-$$";
my $pdir = "$s->{dir}/pool-$$";
my $pname = "$pre-pool";
my $fname = "$pre-filter";
my $portdev = "svb$$";                   # a port device that does not exist
my $tapname = "svt$$";                   # the tap of the guest below
my $gname = "$pre-guest";
my $nname = "$pre-net";
my (@secrets);                           # UUIDs of the secrets made here

END {
    # Whatever happened: remove every object this file made.
    if ($conn) {
        for my $dev ($portdev, $tapname) {
            eval { $conn->get_nwfilter_binding_by_port_dev($dev)->delete };
        }
        eval { $conn->get_domain_by_name($gname)->destroy };
        eval { $conn->get_nwfilter_by_name($fname)->undefine };
        eval { $conn->get_secret_by_uuid($_)->undefine } for @secrets;
        eval { $conn->get_network_by_name($nname)->destroy };
        if (my $p = eval { $conn->get_storage_pool_by_name($pname) }) {
            eval { $p->destroy } if eval { $p->is_active };
            eval { $p->delete };
            eval { $p->undefine };
        }
    }
    File::Path::remove_tree($pdir) if -d $pdir;
}

# Bytes that are neither zeros nor one repeated byte.
sub pattern {
    my ($len, $seed) = @_;
    my $d = '';
    my $x = $seed;
    while (length $d < $len) {
        $x = ($x * 1103515245 + 12345) % 2147483648;
        $d .= pack 'N', $x;
    }
    return substr $d, 0, $len;
}

my $MiB = 1024 * 1024;

# ------------------------------------------------------------------ pool
my $pool = $conn->define_storage_pool(
    "<pool type='dir'><name>$pname</name><target><path>$pdir</path></target></pool>");
isa_ok($pool, 'Sys::Virt::StoragePool');
is($pool->is_persistent, 1, 'define_storage_pool: persistent');
is($pool->is_active, 0, '... and not started');
ok(!-e $pdir, 'its directory does not exist yet');
$pool->build;
ok(-d $pdir, 'build made the directory');
$pool->create;
is($pool->is_active, 1, 'create started the pool');
my $pinfo = $pool->get_info;
is(join(',', sort keys %$pinfo), 'allocation,available,capacity,state', 'pool get_info: its keys');
is($pinfo->{state}, Sys::Virt::StoragePool::STATE_RUNNING, 'pool state: running');
cmp_ok($pinfo->{capacity}, '>', 0, 'pool capacity > 0');
cmp_ok($pinfo->{available}, '>', 0, 'pool available > 0');
cmp_ok($pinfo->{available}, '<=', $pinfo->{capacity}, 'available <= capacity');
is($pool->num_of_storage_volumes, 0, 'an empty pool');

# A file made behind libvirt's back shows up after refresh.
open my $fh, '>:raw', "$pdir/outside.img" or die "$pdir/outside.img: $!";
print $fh pattern(4096, 1);
close $fh;
is(join(',', $pool->list_storage_vol_names(10)), '', 'the new file is not known before refresh');
$pool->refresh;
is(join(',', $pool->list_storage_vol_names(10)), 'outside.img', 'refresh found it');

my $raw = $pool->create_volume("<volume><name>r.img</name><capacity unit='M'>4</capacity>"
                               . "<target><format type='raw'/></target></volume>");
my $qcow = $pool->create_volume("<volume><name>q.qcow2</name><capacity unit='M'>8</capacity>"
                                . "<target><format type='qcow2'/></target></volume>");
isa_ok($raw, 'Sys::Virt::StorageVol');
is($raw->get_name, 'r.img', 'volume name');
is($raw->get_path, "$pdir/r.img", 'get_path: the file in the pool directory');
is($raw->get_key, "$pdir/r.img", 'get_key: the path (dir pools key by path)');
is($qcow->get_path, "$pdir/q.qcow2", 'qcow2 volume path');
my $vi = $raw->get_info;
is(join(',', sort keys %$vi), 'allocation,capacity,type', 'volume get_info: its keys');
is($vi->{type}, Sys::Virt::StorageVol::TYPE_FILE, 'raw volume: a file');
is($vi->{capacity}, 4 * $MiB, 'raw volume: 4 MiB');
is(-s $raw->get_path, 4 * $MiB, 'the raw file is 4 MiB');
$vi = $qcow->get_info;
is($vi->{capacity}, 8 * $MiB, 'qcow2 volume: 8 MiB virtual');
cmp_ok($vi->{allocation}, '<', 8 * $MiB, 'qcow2 volume: allocates less than that');
like(`qemu-img info -U '$pdir/q.qcow2' 2>&1`, qr/file format: qcow2.*virtual size: 8 MiB/s,
     'qemu-img: a qcow2 of 8 MiB');
is($pool->num_of_storage_volumes, 3, 'num_of_storage_volumes: 3');
is(join(',', sort $pool->list_storage_vol_names(10)), 'outside.img,q.qcow2,r.img', 'list_storage_vol_names');
is(join(',', sort map { $_->get_name } $pool->list_all_volumes), 'outside.img,q.qcow2,r.img', 'list_all_volumes');
is($conn->get_storage_volume_by_path("$pdir/q.qcow2")->get_name, 'q.qcow2', 'get_storage_volume_by_path');

# ---------------------------------------------------- upload / download
my $d1 = pattern($MiB, 7);
my $st = $conn->new_stream;
$raw->upload($st, 0, length $d1);
my $off = 0;
while ($off < length $d1) {
    my $n = $st->send(substr($d1, $off, 65536), 65536);
    die "send returned $n" if $n <= 0;
    $off += $n;
}
$st->finish;
is($off, $MiB, 'upload by a send loop: 1 MiB accepted');

my $d2 = pattern(512 * 1024, 9);
$st = $conn->new_stream;
$raw->upload($st, 2 * $MiB, length $d2);
$off = 0;
$st->send_all(sub {
    my $n = $_[2];
    $n = length($d2) - $off if $n > length($d2) - $off;
    $_[1] = substr($d2, $off, $n);
    $off += $n;
    return $n;
});
$st->finish;
is($off, length $d2, 'upload at 2 MiB by send_all: all handed over');

my $want = $d1 . ("\0" x $MiB) . $d2 . ("\0" x (4 * $MiB - 2 * $MiB - length $d2));
$st = $conn->new_stream;
$raw->download($st, 0, 0);
my $got = '';
$st->recv_all(sub { $got .= substr($_[1], 0, $_[2]); return $_[2] });
$st->finish;
is(length $got, 4 * $MiB, 'download with recv_all: the whole 4 MiB');
ok($got eq $want, 'download: the bytes uploaded, zeros elsewhere');
ok(slurp($raw->get_path) eq $want, 'the file on disk holds the same bytes');

$st = $conn->new_stream;
$raw->download($st, 2 * $MiB, 1000);
$got = '';
$st->recv_all(sub { $got .= substr($_[1], 0, $_[2]); return $_[2] });
$st->finish;
ok($got eq substr($d2, 0, 1000), 'download of 1000 bytes at 2 MiB: exactly those');

# Sparse: data, a hole, data; the hole travels as a hole both ways.
my $sparse = $pool->create_volume("<volume><name>s.img</name><capacity unit='M'>4</capacity>"
                                  . "<allocation>0</allocation><target><format type='raw'/></target></volume>");
my $hole = 4 * $MiB - 2 * 65536;
my @src = ([1, 'A' x 65536], [0, $hole], [1, 'B' x 65536]);
my ($seg, $segoff) = (0, 0);
my @skipped;
my $next = sub { $segoff = 0; $seg++ };
$st = $conn->new_stream;
$sparse->upload($st, 0, 0, Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM);
$st->sparse_send_all(
    sub {                       # data
        return 0 if $seg >= @src || !$src[$seg][0];
        my $left = length($src[$seg][1]) - $segoff;
        my $n = $_[2] < $left ? $_[2] : $left;
        $_[1] = substr($src[$seg][1], $segoff, $n);
        $segoff += $n;
        $next->() if $segoff == length $src[$seg][1];
        return $n;
    },
    sub {                       # where are we: (in data?, bytes left)
        return (1, 0) if $seg >= @src;
        my ($isdata, $v) = @{ $src[$seg] };
        return $isdata ? (1, length($v) - $segoff) : (0, $v - $segoff);
    },
    sub {                       # skip a hole
        push @skipped, $_[1];
        $segoff += $_[1];
        $next->() if $segoff == $src[$seg][1];
        return 0;
    });
$st->finish;
is_deeply(\@skipped, [$hole], 'sparse_send_all: the hole was skipped once, whole');
my @stat = stat $sparse->get_path;
is($stat[7], 4 * $MiB, 'the sparse volume is 4 MiB long');
cmp_ok($stat[12] * 512, '<=', 2 * 65536 + 65536, 'and only its data takes room on disk (sparse)');
is(slurp($sparse->get_path), ('A' x 65536) . ("\0" x $hole) . ('B' x 65536), 'its bytes: A, zeros, B');

$st = $conn->new_stream;
$sparse->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM);
my @events;
$st->sparse_recv_all(
    sub {
        my $d = substr($_[1], 0, $_[2]);
        if (@events && $events[-1][0] eq 'data') { $events[-1][1] .= $d } else { push @events, ['data', $d] }
        return $_[2];
    },
    sub { push @events, ['hole', $_[1]]; return 0 });
$st->finish;
is(join(' ', map { $_->[0] eq 'hole' ? "hole:$_->[1]"
                   : 'data:' . length($_->[1]) . ':' . (($_->[1] =~ /^(A+|B+)$/) ? substr($_->[1], 0, 1) : '?') } @events),
   "data:65536:A hole:$hole data:65536:B", 'sparse_recv_all: data, the hole (its length), data');

# A non-sparse download of it: the hole arrives as zeros.
$st = $conn->new_stream;
$sparse->download($st, 0, 0);
$got = '';
$st->recv_all(sub { $got .= substr($_[1], 0, $_[2]); return $_[2] });
$st->finish;
ok($got eq ('A' x 65536) . ("\0" x $hole) . ('B' x 65536), 'plain download: the hole as zeros');

# ------------------------------------------------ clone, wipe, resize
my $clone = $pool->clone_volume("<volume><name>clone.img</name><capacity unit='M'>4</capacity>"
                                . "<target><format type='raw'/></target></volume>", $raw);
is($clone->get_path, "$pdir/clone.img", 'clone_volume: a new volume');
ok(slurp($clone->get_path) eq $want, 'the clone holds the data of r.img');

$raw->wipe;
ok(slurp($raw->get_path) eq "\0" x (4 * $MiB), 'wipe: r.img is all zeros');
ok(slurp($clone->get_path) eq $want, 'the clone kept its data');

$raw->resize(8 * $MiB);
is($raw->get_info->{capacity}, 8 * $MiB, 'resize: capacity 8 MiB');
is(-s $raw->get_path, 8 * $MiB, 'resize: the file grew');
$qcow->resize(16 * $MiB);
like(`qemu-img info -U '$pdir/q.qcow2' 2>&1`, qr/virtual size: 16 MiB/, 'resize of the qcow2: 16 MiB virtual');

for my $v ($raw, $qcow, $sparse, $clone, $pool->get_volume_by_name('outside.img')) {
    my $path = $v->get_path;
    $v->delete;
    ok(!-e $path, 'delete removed ' . File::Basename::basename($path));
}
is(join(',', map { $_->get_name } $pool->list_all_volumes), '', 'no volume left');
virt_error_is(error_of { $pool->get_volume_by_name('r.img') }, Sys::Virt::Error::ERR_NO_STORAGE_VOL,
              Sys::Virt::Error::FROM_STORAGE, "Storage volume not found: no storage vol with matching name 'r.img'",
              'a deleted volume cannot be looked up');

$pool->destroy;
is($pool->is_active, 0, 'pool destroy: stopped');
ok(-d $pdir, '... its directory stays');
$pool->delete;
ok(!-e $pdir, 'pool delete: the directory is gone');
$pool->undefine;
virt_error_is(error_of { $conn->get_storage_pool_by_name($pname) }, Sys::Virt::Error::ERR_NO_STORAGE_POOL,
              Sys::Virt::Error::FROM_STORAGE, "Storage pool not found: no storage pool with matching name '$pname'",
              'pool undefine: gone');

# --------------------------------------------------------------- secrets
my $usage = "$pdir/secret-volume.img";
my $sec = $conn->define_secret("<secret ephemeral='no' private='no'><description>t54</description>"
                               . "<usage type='volume'><volume>$usage</volume></usage></secret>");
isa_ok($sec, 'Sys::Virt::Secret');
my $suuid = $sec->get_uuid_string;
push @secrets, $suuid;
is($sec->get_usage_type, Sys::Virt::Secret::USAGE_TYPE_VOLUME, 'secret usage type: volume');
is($sec->get_usage_id, $usage, 'secret usage id: the volume path');
my $bytes = join('', map { chr } 0 .. 255) . "\0\0tail\xff";
$sec->set_value($bytes);
ok($sec->get_value eq $bytes, 'get_value: the binary bytes set (NULs and all)');
ok((grep { $_ eq $suuid } $conn->list_secret_uuids($conn->num_of_secrets)), 'list_secret_uuids has it');
ok((grep { $_->get_uuid_string eq $suuid } $conn->list_all_secrets), 'list_all_secrets has it');
my $byuse = $conn->get_secret_by_usage(Sys::Virt::Secret::USAGE_TYPE_VOLUME, $usage);
is($byuse->get_uuid_string, $suuid, 'get_secret_by_usage finds it');
ok($byuse->get_value eq $bytes, '... with its value');
like($sec->get_xml_description, qr{<volume>\Q$usage\E</volume>}, 'secret XML: the usage');

my $priv = $conn->define_secret("<secret ephemeral='no' private='yes'>"
                                . "<usage type='volume'><volume>$usage.private</volume></usage></secret>");
push @secrets, $priv->get_uuid_string;
$priv->set_value('not for your eyes');
virt_error_is(error_of { $priv->get_value }, Sys::Virt::Error::ERR_INVALID_SECRET, Sys::Virt::Error::FROM_SECRET,
              'Invalid secret: secret is private', 'get_value of a private secret: refused over the remote driver');
$priv->undefine;

# A destroyed handle: the class's invalid-object error; the secret itself lives on.
$sec->DESTROY;
virt_error_is(error_of { $sec->get_value }, Sys::Virt::Error::ERR_INVALID_SECRET, Sys::Virt::Error::FROM_SECRET,
              'Invalid secret: Sys::Virt::Secret::get_value', 'Secret after DESTROY: ERR_INVALID_SECRET');
ok($conn->get_secret_by_uuid($suuid)->get_value eq $bytes, 'the secret itself is still there');
$conn->get_secret_by_uuid($suuid)->undefine;
virt_error_is(error_of { $conn->get_secret_by_uuid($suuid) }, Sys::Virt::Error::ERR_NO_SECRET, Sys::Virt::Error::FROM_SECRET,
              "Secret not found: no secret with matching uuid '$suuid'", 'undefine: the secret is gone');

# -------------------------------------------------------------- nwfilter
my $filter = $conn->define_nwfilter(
    "<filter name='$fname' chain='root'><rule action='accept' direction='out' priority='500'>"
    . "<mac protocolid='arp'/></rule></filter>");
isa_ok($filter, 'Sys::Virt::NWFilter');
is($filter->get_name, $fname, 'nwfilter name');
my $fuuid = $filter->get_uuid_string;
like($fuuid, qr/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'nwfilter uuid');
ok((grep { $_ eq $fname } $conn->list_nwfilter_names($conn->num_of_nwfilters)), 'list_nwfilter_names has it');
ok((grep { $_->get_name eq $fname } $conn->list_all_nwfilters), 'list_all_nwfilters has it');
is($conn->get_nwfilter_by_name($fname)->get_uuid_string, $fuuid, 'get_nwfilter_by_name');
is($conn->get_nwfilter_by_uuid($fuuid)->get_name, $fname, 'get_nwfilter_by_uuid');
my $fxml = $filter->get_xml_description;
like($fxml, qr{<uuid>\Q$fuuid\E</uuid>}, 'nwfilter XML: its uuid');
like($fxml, qr{<rule action='accept' direction='out' priority='500'>\s*<mac protocolid='arp'/>\s*</rule>},
     'nwfilter XML: its rule');

# A binding on a port device that does not exist: libvirt keeps it but
# has no device to apply rules to, so nothing touches the host.
my $owner = '5d2ff1c8-4f7e-4c53-9d5a-0a0b0c0d0e0f';
my $binding_xml = sub {
    my ($dev, $mac) = @_;
    return "<filterbinding><owner><name>t54</name><uuid>$owner</uuid></owner>"
        . "<portdev name='$dev'/><mac address='$mac'/><filterref filter='$fname'/></filterbinding>";
};
my $bind = $conn->create_nwfilter_binding($binding_xml->($portdev, '52:54:00:54:00:01'));
isa_ok($bind, 'Sys::Virt::NWFilterBinding');
is($bind->get_port_dev, $portdev, 'binding get_port_dev');
is($bind->get_filter_name, $fname, 'binding get_filter_name');
my $bxml = $bind->get_xml_description;
like($bxml, qr{<portdev name='\Q$portdev\E'/>}, 'binding XML: port device');
like($bxml, qr{<mac address='52:54:00:54:00:01'/>}, 'binding XML: mac');
like($bxml, qr{<filterref filter='\Q$fname\E'/>}, 'binding XML: filter');
like($bxml, qr{<uuid>$owner</uuid>}, 'binding XML: owner');
ok((grep { $_->get_port_dev eq $portdev } $conn->list_all_nwfilter_bindings), 'list_all_nwfilter_bindings has it');
is($conn->get_nwfilter_binding_by_port_dev($portdev)->get_filter_name, $fname,
   'get_nwfilter_binding_by_port_dev');

$bind->DESTROY;
virt_error_is(error_of { $bind->get_port_dev }, Sys::Virt::Error::ERR_INVALID_NWFILTER_BINDING, Sys::Virt::Error::FROM_NWFILTER,
              'Invalid network filter binding: Sys::Virt::NWFilterBinding::get_port_dev',
              'NWFilterBinding after DESTROY: ERR_INVALID_NWFILTER_BINDING');
$conn->get_nwfilter_binding_by_port_dev($portdev)->delete;
virt_error_is(error_of { $conn->get_nwfilter_binding_by_port_dev($portdev) }, Sys::Virt::Error::ERR_NO_NWFILTER_BINDING,
              Sys::Virt::Error::FROM_NWFILTER, "Network filter binding not found: no nwfilter binding for port dev '$portdev'",
              'binding delete: gone');

# On a device that exists (a guest's tap) libvirt applies the rules with
# ebtables/iptables, which .ci/qemu-stack does not install (Debian
# packages ebtables and iptables).
my $dom = $conn->create_domain(SysVirtQemu::guest_xml(name => $gname, ifname => $tapname,
                                                      mac => '52:54:00:54:00:02'));
ok(-e "/sys/class/net/$tapname", "the guest's tap $tapname exists");
my $tb = eval { $conn->create_nwfilter_binding($binding_xml->($tapname, '52:54:00:54:00:02')) };
my $te = $@;
if (-x '/usr/sbin/ebtables') {
    ok($tb, 'binding on a real tap: rules applied') or diag $te;
    is(eval { $conn->get_nwfilter_binding_by_port_dev($tapname)->get_port_dev }, $tapname, '... and listed');
    eval { $tb->delete };
} else {
    virt_error_is($te, Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_FIREWALL,
                  "internal error: Failed to apply firewall rules /usr/sbin/ebtables --concurrent -t nat "
                  . "-N libvirt-J-$tapname: libvirt:  error : cannot execute binary /usr/sbin/ebtables: "
                  . "No such file or directory\n",
                  'binding on a real tap without ebtables: the exact error');
    virt_error_is(error_of { $conn->get_nwfilter_binding_by_port_dev($tapname) }, Sys::Virt::Error::ERR_NO_NWFILTER_BINDING,
                  Sys::Virt::Error::FROM_NWFILTER, "Network filter binding not found: no nwfilter binding for port dev '$tapname'",
                  '... and no binding was kept');
}
$dom->destroy;

$filter->DESTROY;
virt_error_is(error_of { $filter->get_name }, Sys::Virt::Error::ERR_INVALID_NWFILTER, Sys::Virt::Error::FROM_NWFILTER,
              'Invalid network filter: Sys::Virt::NWFilter::get_name', 'NWFilter after DESTROY: ERR_INVALID_NWFILTER');
$conn->get_nwfilter_by_name($fname)->undefine;
virt_error_is(error_of { $conn->get_nwfilter_by_name($fname) }, Sys::Virt::Error::ERR_NO_NWFILTER, Sys::Virt::Error::FROM_NWFILTER,
              "Network filter not found: no nwfilter with matching name '$fname'", 'nwfilter undefine: gone');

# ---------------------------------------------------------- network port
# A network of forward mode 'bridge' names a host bridge without making
# it (nor running dnsmasq): the network driver can hand out ports on it
# without touching the host.
my $net = $conn->create_network("<network><name>$nname</name><forward mode='bridge'/>"
                                 . "<bridge name='svbr$$'/></network>");
is($net->is_active, 1, 'bridge network started');
my $puuid = 'c0ffee54-0000-4000-8000-' . sprintf('%012x', $$);
my $port = $net->create_port("<networkport><uuid>$puuid</uuid><owner><name>t54</name><uuid>$owner</uuid></owner>"
                             . "<mac address='52:54:00:54:00:03'/></networkport>");
isa_ok($port, 'Sys::Virt::NetworkPort');
is($port->get_uuid_string, $puuid, 'network port uuid');
like($port->get_xml_description, qr{<plug type='bridge' bridge='svbr$$'/>}, 'the network plugged it into its bridge');
is(join(',', map { $_->get_uuid_string } $net->list_all_ports), $puuid, 'list_all_ports');
$port->DESTROY;
virt_error_is(error_of { $port->get_xml_description }, Sys::Virt::Error::ERR_INVALID_NETWORK_PORT, Sys::Virt::Error::FROM_NETWORK,
              'Invalid network port pointer: Sys::Virt::NetworkPort::get_xml_description',
              'NetworkPort after DESTROY: ERR_INVALID_NETWORK_PORT');
$net->get_port_by_uuid($puuid)->delete;
is(scalar(my @ports = $net->list_all_ports), 0, 'port delete: no port left');
$net->destroy;

done_testing();
