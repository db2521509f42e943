# Save images, managed save, internal snapshots, block jobs and peeking on
# real TCG guests of the QEMU driver (t/lib/SysVirtQemu.pm): a saved guest
# is gone and comes back from its file (its boot sector prints its banner
# again), the XML stored in save images can be read and replaced, internal
# snapshots really land in the qcow2 (qemu-img sees them come and go),
# block copy / rebase / pull / commit jobs run, report progress, obey
# their speed limit and change the disk's backing chain (and the data is
# where it should be afterwards), and block_peek / memory_peek return the
# boot sector from the disk and from guest RAM at 0x7C00.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use SysVirtQemu qw(virt_error_is error_of poll_until wait_banners boot_disk_xml client_version too_new_is);
use File::Path ();

my $s = SysVirtQemu::skip_unless_stack();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => $s->{uri});
is($conn->get_type, 'QEMU', 'primary daemon, QEMU driver');

my $dir = "$s->{dir}/images/t53-$$";
File::Path::make_path($dir);
my $pre = "sysvirt-t53-$$";
my @guests;                     # names of the guests this file made

END {
    # Whatever happened: no guest, no managed save, no snapshot metadata,
    # no image left.
    if ($conn) {
        for my $name (@guests) {
            my $d = eval { $conn->get_domain_by_name($name) } or next;
            eval { $d->destroy } if eval { $d->is_active };
            if (eval { $d->is_persistent }) {
                eval { $d->undefine(Sys::Virt::Domain::UNDEFINE_MANAGED_SAVE
                                    | Sys::Virt::Domain::UNDEFINE_SNAPSHOTS_METADATA) };
            }
        }
    }
    File::Path::remove_tree($dir) if $dir && -d $dir;
}

# The files of the backing chain of the guest's boot disk.
sub chain { return boot_disk_xml($_[0]) =~ /<source file='([^']+)'/g }

sub description { return ($_[0] =~ m{<description>([^<]*)</description>})[0] // '' }

# run(CMD...): runs a command, returns its output (stdout + stderr); dies
# when it fails.
sub run {
    my @cmd = @_;
    my $out = `@cmd 2>&1`;
    die "@cmd: $out" if $? != 0;
    return $out;
}

# qemu_io_read($img, $pattern, $offset, $len): qemu-io's verdict on
# whether those bytes of the image (through its backing chain) all hold
# $pattern; read-only, shared with a running QEMU.
sub qemu_io_read {
    my ($img, $pat, $off, $len) = @_;
    my $out = `qemu-io -U -r -f qcow2 -c 'read -P $pat $off $len' '$img' 2>&1`;
    return $out;
}

sub snapshot_tags {
    my ($img) = @_;
    my @tags;
    for (split /\n/, run("qemu-img snapshot -U -l '$img'")) {
        push @tags, $1 if /^\d+\s+(\S+)\s/;
    }
    return join ',', sort @tags;
}

sub job_keys { return join ',', sort keys %{ $_[0] } }

# caught_up($dom): the block job on vda knows its length and has done it
# all (cur == end): a copy or active commit is ready to pivot.
sub caught_up {
    my ($dom) = @_;
    my $i = $dom->get_block_job_info('vda');
    return $i->{end} > 1 && $i->{cur} == $i->{end};
}

my $boot = SysVirtQemu::boot_sector();

# ---------------------------------------------------------------- save
my $sname = "$pre-save";
push @guests, $sname;
my $simg = SysVirtQemu::make_disk("$dir/save.qcow2");
my $slog = "$dir/save.log";
my $dom = $conn->create_domain(SysVirtQemu::guest_xml(
    name => $sname, disk => $simg, serial_log => $slog, description => 'as created'));
my $uuid = $dom->get_uuid_string;
ok(wait_banners($slog, 1, 30), 'save guest: booted (banner)');

# An idle guest has no job: type JOB_NONE and zeros everywhere.
my $ji = $dom->get_job_info;
is(job_keys($ji), 'dataProcessed,dataRemaining,dataTotal,fileProcessed,fileRemaining,fileTotal,'
   . 'memProcessed,memRemaining,memTotal,timeElapsed,timeRemaining,type', 'get_job_info: its keys');
is($ji->{type}, Sys::Virt::Domain::JOB_NONE, 'get_job_info on an idle guest: JOB_NONE');
is(join(',', grep { $ji->{$_} != 0 } sort keys %$ji), '', 'get_job_info on an idle guest: all zero');
my ($jtype, $jstats) = $dom->get_job_stats;
is($jtype, Sys::Virt::Domain::JOB_NONE, 'get_job_stats on an idle guest: JOB_NONE');
is_deeply($jstats, {}, 'get_job_stats on an idle guest: no fields');
is(ref scalar($dom->get_job_stats), 'HASH', 'get_job_stats in scalar context: the hash');

# qcow2: libvirt peeks only raw disks.
virt_error_is(error_of { $dom->block_peek('vda', 0, 512) }, Sys::Virt::Error::ERR_OPERATION_UNSUPPORTED,
              Sys::Virt::Error::FROM_QEMU,
              "Operation not supported: peeking is only supported for disk with 'raw' format not 'qcow2'",
              'block_peek of a qcow2 disk: refused by libvirt');

my $save1 = "$dir/save1.img";
$dom->save($save1);
ok(-s $save1 > 1024 * 1024, 'save wrote the state file');
virt_error_is(error_of { $conn->get_domain_by_name($sname) }, Sys::Virt::Error::ERR_NO_DOMAIN,
              Sys::Virt::Error::FROM_QEMU, "Domain not found: no domain with matching name '$sname'",
              'the saved (transient) guest is gone');

my $ixml = $conn->get_save_image_xml_description($save1);
like($ixml, qr{<name>\Q$sname\E</name>}, 'save image XML: the name');
like($ixml, qr{<uuid>\Q$uuid\E</uuid>}, 'save image XML: the uuid');
is(description($ixml), 'as created', 'save image XML: the description');
(my $edited = $ixml) =~ s{<description>as created</description>}{<description>edited in the image</description>};
$conn->define_save_image_xml($save1, $edited);
is(description($conn->get_save_image_xml_description($save1)), 'edited in the image',
   'define_save_image_xml replaced the XML in the image');

# The serial log is truncated by the next QEMU anyway; removing it first
# makes any banner in it one the restored guest printed.
unlink $slog;
$conn->restore_domain($save1);
$dom = $conn->get_domain_by_name($sname);
is($dom->get_uuid_string, $uuid, 'restore_domain: the same guest is back');
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_RESTORED],
          'restored guest: running (restored)');
is(description($dom->get_xml_description), 'edited in the image', 'restored guest: the edited XML');
ok(wait_banners($slog, 1, 30), 'restored guest: prints its banner again');

# The typed-parameter forms: file and XML in the %params hash.
my $save2 = "$dir/save2.img";
(my $pxml = $dom->get_xml_description(Sys::Virt::Domain::XML_SECURE | Sys::Virt::Domain::XML_MIGRATABLE))
    =~ s{<description>[^<]*</description>}{<description>saved by params</description>};
# virDomainSaveParams and virDomainRestoreParams are libvirt 8.4.0: an
# older client library has neither (the binding says so) and the guest
# stays as it was.
if (client_version() >= 8_004_000) {
    $dom->save(undef, undef, { Sys::Virt::Domain::SAVE_PARAM_FILE => $save2,
                               Sys::Virt::Domain::SAVE_PARAM_DXML => $pxml });
    ok(-s $save2 > 1024 * 1024, 'save with %params wrote the file it names');
    ok(!grep({ $_->get_name eq $sname } $conn->list_all_domains), 'save with %params: the guest is gone');
    is(description($conn->get_save_image_xml_description($save2)), 'saved by params',
       'save with %params: the dxml parameter is in the image');
    (my $rxml = $pxml) =~ s{saved by params}{restored by params};
    unlink $slog;
    $conn->restore_domain(undef, undef, { Sys::Virt::Domain::SAVE_PARAM_FILE => $save2,
                                          Sys::Virt::Domain::SAVE_PARAM_DXML => $rxml },
                          Sys::Virt::Domain::SAVE_PAUSED);
    $dom = $conn->get_domain_by_name($sname);
    is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_PAUSED, Sys::Virt::Domain::STATE_PAUSED_MIGRATION],
              'restore_domain with %params and SAVE_PAUSED: paused (libvirt restores by incoming migration)');
    is(description($dom->get_xml_description), 'restored by params', 'restore_domain: the dxml parameter applied');
    $dom->resume;
    is(($dom->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'resumed');
    ok(wait_banners($slog, 1, 30), 'the guest restored with %params prints its banner');
} else {
    too_new_is(error_of { $dom->save(undef, undef, { Sys::Virt::Domain::SAVE_PARAM_FILE => $save2,
                                                     Sys::Virt::Domain::SAVE_PARAM_DXML => $pxml }) },
               'virDomainSaveParams', '8.4.0', 'save with %params');
    ok(!-e $save2, 'save with %params: no file written');
    is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_RESTORED],
              'save with %params: the guest still runs');
    too_new_is(error_of { $conn->restore_domain(undef, undef, { Sys::Virt::Domain::SAVE_PARAM_FILE => $save1 },
                                                Sys::Virt::Domain::SAVE_PAUSED) },
               'virDomainRestoreParams', '8.4.0', 'restore_domain with %params');
}
$dom->destroy;

# --------------------------------------------------------- managed save
my $mname = "$pre-msave";
push @guests, $mname;
my $mimg = SysVirtQemu::make_disk("$dir/msave.qcow2");
my $mlog = "$dir/msave.log";
$dom = $conn->define_domain(SysVirtQemu::guest_xml(
    name => $mname, disk => $mimg, serial_log => $mlog, description => 'as defined'));
$dom->create;
ok(wait_banners($mlog, 1, 30), 'managed save guest: booted');
is($dom->has_managed_save_image, 0, 'no managed save image yet');
$dom->managed_save;
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_SAVED],
          'managed_save: shut off (saved)');
is($dom->has_managed_save_image, 1, 'has_managed_save_image: 1');
ok((grep { $_->get_name eq $mname } $conn->list_all_domains(Sys::Virt::Domain::LIST_MANAGEDSAVE)),
   'listed with LIST_MANAGEDSAVE');
($jtype, $jstats) = $dom->get_job_stats(Sys::Virt::Domain::JOB_STATS_COMPLETED);
is($jtype, Sys::Virt::Domain::JOB_COMPLETED, 'get_job_stats(JOB_STATS_COMPLETED): the save completed');
is($jstats->{operation}, Sys::Virt::Domain::JOB_OPERATION_SAVE, '... and it was a save');
cmp_ok($jstats->{memory_total} // 0, '>=', 32 * 1024 * 1024, '... of at least the 32 MiB of guest RAM');
is($jstats->{memory_remaining}, 0, '... with nothing remaining');

my $mxml = $dom->managed_save_get_xml_description;
is(description($mxml), 'as defined', 'managed_save_get_xml_description: the guest XML');
like($mxml, qr{<name>\Q$mname\E</name>}, '... of this guest');
($edited = $mxml) =~ s{<description>as defined</description>}{<description>edited in the managed image</description>};
$dom->managed_save_define_xml($edited, Sys::Virt::Domain::SAVE_PAUSED);
is(description($dom->managed_save_get_xml_description), 'edited in the managed image',
   'managed_save_define_xml replaced it');
unlink $mlog;
$dom->create;
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_PAUSED, Sys::Virt::Domain::STATE_PAUSED_MIGRATION],
          'create resumed from the managed image, paused as managed_save_define_xml(SAVE_PAUSED) asked');
is($dom->has_managed_save_image, 0, 'the managed image was used up');
is(description($dom->get_xml_description), 'edited in the managed image', 'the running guest has the edited XML');
$dom->resume;
ok(wait_banners($mlog, 1, 30), 'the guest resumed from the managed image prints its banner');

$dom->managed_save;
is($dom->has_managed_save_image, 1, 'managed_save again');
$dom->managed_save_remove;
is($dom->has_managed_save_image, 0, 'managed_save_remove: no image');
$dom->create;
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_BOOTED],
          'without the image, create boots afresh');
$dom->destroy;
$dom->undefine;

# ------------------------------------------------------------------ peek
my $pname = "$pre-peek";
push @guests, $pname;
my $pimg = SysVirtQemu::make_disk("$dir/peek.raw", format => 'raw');
my $plog = "$dir/peek.log";
$dom = $conn->create_domain(SysVirtQemu::guest_xml(
    name => $pname, disk => $pimg, disk_format => 'raw', serial_log => $plog));
ok(wait_banners($plog, 1, 30), 'raw disk guest: booted');
my $peek = $dom->block_peek('vda', 0, 512);
is(length $peek, 512, 'block_peek: 512 bytes');
is(unpack('H4', substr($peek, 510)), '55aa', 'block_peek: the sector ends in 55 AA');
ok($peek eq $boot, 'block_peek: the boot sector, byte for byte');
is(unpack('H*', $dom->block_peek($pimg, 0x22, 16)), unpack('H*', $SysVirtQemu::BANNER),
   'block_peek by path at an offset: the banner');
my $mem = $dom->memory_peek(0x7C00, 512, Sys::Virt::Domain::MEMORY_PHYSICAL);
is(length $mem, 512, 'memory_peek: 512 bytes');
is(unpack('H*', $mem), unpack('H*', $boot), 'memory_peek at physical 0x7C00: the boot sector the BIOS loaded');
is(unpack('H*', $dom->memory_peek(0x7C22, 16, Sys::Virt::Domain::MEMORY_PHYSICAL)),
   unpack('H*', $SysVirtQemu::BANNER), 'memory_peek at 0x7C22: the banner');
virt_error_is(error_of { $dom->memory_peek(0x7C00, 16) }, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_QEMU,
              'invalid argument: flags parameter must be VIR_MEMORY_VIRTUAL or VIR_MEMORY_PHYSICAL',
              'memory_peek without MEMORY_PHYSICAL/VIRTUAL: refused');
$dom->destroy;

# ------------------------------------------------------------ snapshots
my $nname = "$pre-snap";
push @guests, $nname;
my $nimg = SysVirtQemu::make_disk("$dir/snap.qcow2");
my $nlog = "$dir/snap.log";
$dom = $conn->define_domain(SysVirtQemu::guest_xml(name => $nname, disk => $nimg, serial_log => $nlog));
$dom->create;
ok(wait_banners($nlog, 1, 30), 'snapshot guest: booted');
is($dom->num_of_snapshots, 0, 'no snapshots yet');
is($dom->has_current_snapshot, 0, 'has_current_snapshot: 0');
# The QEMU driver reports its snapshot lookup errors as FROM_QEMU.
virt_error_is(error_of { $dom->current_snapshot }, Sys::Virt::Error::ERR_NO_DOMAIN_SNAPSHOT,
              Sys::Virt::Error::FROM_QEMU,
              "Domain snapshot not found: the domain does not have a current snapshot",
              'current_snapshot without one');

my $s1 = $dom->create_snapshot(
    '<domainsnapshot><name>s1</name><description>first</description></domainsnapshot>');
isa_ok($s1, 'Sys::Virt::DomainSnapshot');
is($s1->get_name, 's1', 'create_snapshot (no flags): s1');
is(($dom->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'the guest runs on after the snapshot');
my $s2 = $dom->create_snapshot('<domainsnapshot><name>s2</name></domainsnapshot>',
                               Sys::Virt::DomainSnapshot::CREATE_ATOMIC);
is($s2->get_name, 's2', 'create_snapshot (CREATE_ATOMIC): s2');
is(snapshot_tags($nimg), 's1,s2', 'qemu-img snapshot -l: both are internal snapshots of the qcow2');

is($dom->num_of_snapshots, 2, 'num_of_snapshots: 2');
is(join(',', sort $dom->list_snapshot_names(10)), 's1,s2', 'list_snapshot_names');
is(join(',', sort map { $_->get_name } $dom->list_snapshots), 's1,s2', 'list_snapshots');
is(join(',', sort map { $_->get_name } $dom->list_all_snapshots), 's1,s2', 'list_all_snapshots');
is(join(',', map { $_->get_name } $dom->list_all_snapshots(Sys::Virt::DomainSnapshot::LIST_ROOTS)), 's1',
   'list_all_snapshots(LIST_ROOTS)');
is(join(',', map { $_->get_name } $dom->list_all_snapshots(Sys::Virt::DomainSnapshot::LIST_LEAVES)), 's2',
   'list_all_snapshots(LIST_LEAVES)');
is(scalar(my @int = $dom->list_all_snapshots(Sys::Virt::DomainSnapshot::LIST_INTERNAL)), 2,
   'list_all_snapshots(LIST_INTERNAL): both');
is(scalar(my @ext = $dom->list_all_snapshots(Sys::Virt::DomainSnapshot::LIST_EXTERNAL)), 0,
   'list_all_snapshots(LIST_EXTERNAL): none');
is($dom->get_snapshot_by_name('s2')->get_name, 's2', 'get_snapshot_by_name');
virt_error_is(error_of { $dom->get_snapshot_by_name('nope') }, Sys::Virt::Error::ERR_NO_DOMAIN_SNAPSHOT,
              Sys::Virt::Error::FROM_QEMU,
              "Domain snapshot not found: no domain snapshot with matching name 'nope'",
              'get_snapshot_by_name of an unknown name');
is($dom->has_current_snapshot, 1, 'has_current_snapshot: 1');
is($dom->current_snapshot->get_name, 's2', 'current_snapshot: the last one taken');
is($s2->is_current, 1, 's2 is_current');
is($s1->is_current, 0, 's1 is not current');
is($s1->has_metadata, 1, 'has_metadata');

my $x1 = $s1->get_xml_description;
like($x1, qr{<name>s1</name>}, 'snapshot XML: name');
like($x1, qr{<description>first</description>}, 'snapshot XML: description');
like($x1, qr{<state>running</state>}, 'snapshot XML: taken of a running guest');
like($x1, qr{<disk name='vda' snapshot='internal'/>}, 'snapshot XML: vda internal');
unlike($x1, qr{<parent>}, 'snapshot XML: s1 has no parent');
like($s2->get_xml_description, qr{<parent>\s*<name>s1</name>\s*</parent>}, 'snapshot XML: s2 is a child of s1');
is($s2->get_parent->get_name, 's1', 'get_parent');
virt_error_is(error_of { $s1->get_parent }, Sys::Virt::Error::ERR_NO_DOMAIN_SNAPSHOT, Sys::Virt::Error::FROM_QEMU,
              "Domain snapshot not found: snapshot 's1' does not have a parent", 'get_parent of a root');
is($s1->num_of_child_snapshots, 1, 'num_of_child_snapshots');
is(join(',', map { $_->get_name } $s1->list_child_snapshots), 's2', 'list_child_snapshots');
is(join(',', $s1->list_child_snapshot_names(10)), 's2', 'list_child_snapshot_names');
is($s2->num_of_child_snapshots, 0, 'the leaf has no children');

# Back to s1, and a sibling of s2 from there.
$s1->revert_to;
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_FROM_SNAPSHOT],
          'revert_to a running snapshot: running (from snapshot)');
is($dom->current_snapshot->get_name, 's1', 'the reverted-to snapshot is current');
is($s1->is_current, 1, 's1 is_current now');
my $s3 = $dom->create_snapshot('<domainsnapshot><name>s3</name></domainsnapshot>');
is($s3->get_parent->get_name, 's1', 's3 is a child of s1');
is(join(',', sort map { $_->get_name } $s1->list_all_children), 's2,s3', 's1 has two children');
is($s1->num_of_child_snapshots(Sys::Virt::DomainSnapshot::LIST_DESCENDANTS), 2, 'two descendants');
is(snapshot_tags($nimg), 's1,s2,s3', 'qemu-img: three internal snapshots');

$s3->delete;
is(join(',', sort $dom->list_snapshot_names(10)), 's1,s2', 'delete: s3 is gone from libvirt');
is(snapshot_tags($nimg), 's1,s2', 'delete: and from the qcow2');
$s1->delete(Sys::Virt::DomainSnapshot::DELETE_CHILDREN);
is($dom->num_of_snapshots, 0, 'delete(DELETE_CHILDREN): s1 and s2 gone from libvirt');
is($dom->has_current_snapshot, 0, 'no current snapshot left');
is(snapshot_tags($nimg), '', 'qemu-img: no internal snapshot left');
is(($dom->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'the guest still runs');
$dom->destroy;
is(snapshot_tags($nimg), '', 'qemu-img on the shut off guest: still none');
$dom->undefine;

# ------------------------------------------------------------ block jobs
my $B = Sys::Virt::Domain::BLOCK_JOB_INFO_BANDWIDTH_BYTES;

# Copy: 4 MiB of data (beyond the boot sector) to copy at 64 KiB/s.
my $cname = "$pre-copy";
push @guests, $cname;
my $cimg = SysVirtQemu::make_disk("$dir/copy.qcow2");
run("qemu-io -f qcow2 -c 'write -P 0x5a 1M 4M' '$cimg'");
my $clog = "$dir/copy.log";
$dom = $conn->create_domain(SysVirtQemu::guest_xml(name => $cname, disk => $cimg, serial_log => $clog));
ok(wait_banners($clog, 1, 30), 'block copy guest: booted');
is_deeply($dom->get_block_job_info('vda'), { type => 0, bandwidth => 0, cur => 0, end => 0 },
          'get_block_job_info with no job: all zero');

my $copy1 = "$dir/copy1.qcow2";
$dom->block_copy('vda', "<disk type='file'><source file='$copy1'/><driver type='qcow2'/></disk>",
                 { Sys::Virt::Domain::BLOCK_COPY_BANDWIDTH => 65536,
                   Sys::Virt::Domain::BLOCK_COPY_BUF_SIZE => 1024 * 1024 });
my $info = $dom->get_block_job_info('vda', $B);
is(job_keys($info), 'bandwidth,cur,end,type', 'get_block_job_info: its keys');
is($info->{type}, Sys::Virt::Domain::BLOCK_JOB_TYPE_COPY, 'block_copy: a COPY job runs');
is($info->{bandwidth}, 65536, 'block_copy: at the BLOCK_COPY_BANDWIDTH asked (bytes/s)');
is($dom->get_block_job_info('vda')->{bandwidth}, 1, 'the same in MiB/s, rounded up');
ok(poll_until(30, sub { $dom->get_block_job_info('vda')->{end} == 16 * 1024 * 1024 }),
   'block_copy: end is the 16 MiB of the disk');
$info = $dom->get_block_job_info('vda');
cmp_ok($info->{cur}, '<', $info->{end}, 'block_copy at 64 KiB/s: not done yet');
ok(-e $copy1, 'libvirt made the destination file');
$dom->abort_block_job('vda');
is_deeply($dom->get_block_job_info('vda'), { type => 0, bandwidth => 0, cur => 0, end => 0 },
          'abort_block_job: no job any more');
is_deeply([chain($dom)], [$cimg], 'abort_block_job without PIVOT: the guest stays on its disk');

# block_rebase with REBASE_COPY: a copy, waited for, then pivoted to.
my $copy2 = "$dir/copy2.qcow2";
$dom->block_rebase('vda', $copy2, 0, Sys::Virt::Domain::BLOCK_REBASE_COPY);
is($dom->get_block_job_info('vda')->{type}, Sys::Virt::Domain::BLOCK_JOB_TYPE_COPY,
   'block_rebase(REBASE_COPY): a COPY job');
ok(poll_until(30, sub { caught_up($dom) }), 'the copy job catches up (cur == end)');
$dom->abort_block_job('vda', Sys::Virt::Domain::BLOCK_JOB_ABORT_PIVOT);
is($dom->get_block_job_info('vda')->{type}, 0, 'abort_block_job(PIVOT): the job ended');
is_deeply([chain($dom)], [$copy2], 'abort_block_job(PIVOT): the guest now runs on the copy');
$dom->destroy;
like(run("qemu-img compare -f qcow2 -F qcow2 '$cimg' '$copy2'"), qr/Images are identical/,
     'the copy holds the same data as the original');

# Pull and rebase: base (boot sector, 0x11 at 1M..3M) <- mid (0x22 at
# 4M..5M) <- top (empty), the guest on top.
my $lname = "$pre-pull";
push @guests, $lname;
my ($base, $mid, $top) = map { "$dir/pull-$_.qcow2" } qw(base mid top);
SysVirtQemu::make_disk($base);
run("qemu-io -f qcow2 -c 'write -P 0x11 1M 2M' '$base'");
run("qemu-img create -q -F qcow2 -b '$base' -f qcow2 '$mid'");
run("qemu-io -f qcow2 -c 'write -P 0x22 4M 1M' '$mid'");
run("qemu-img create -q -F qcow2 -b '$mid' -f qcow2 '$top'");
my $llog = "$dir/pull.log";
$dom = $conn->create_domain(SysVirtQemu::guest_xml(name => $lname, disk => $top, serial_log => $llog));
ok(wait_banners($llog, 1, 30), 'guest on a backing chain: booted');
is_deeply([chain($dom)], [$top, $mid, $base], 'the domain XML shows the chain top <- mid <- base');

$dom->block_rebase('vda', $base, 65536, Sys::Virt::Domain::BLOCK_REBASE_BANDWIDTH_BYTES);
$info = $dom->get_block_job_info('vda', $B);
is($info->{type}, Sys::Virt::Domain::BLOCK_JOB_TYPE_PULL, 'block_rebase onto base: a PULL job');
is($info->{bandwidth}, 65536, 'block_rebase: at the bandwidth asked');
cmp_ok($info->{cur}, '<', $info->{end}, 'block_rebase at 64 KiB/s: not done yet');
# A new limit, still slow enough for the job to be there to report it.
$dom->set_block_job_speed('vda', 131072, Sys::Virt::Domain::BLOCK_JOB_SPEED_BANDWIDTH_BYTES);
is($dom->get_block_job_info('vda', $B)->{bandwidth}, 131072, 'set_block_job_speed(SPEED_BANDWIDTH_BYTES): 128 KiB/s');
$dom->set_block_job_speed('vda', 0);
ok(poll_until(30, sub { $dom->get_block_job_info('vda')->{type} == 0 }),
   'the rebase job finishes');
is_deeply([chain($dom)], [$top, $base], 'block_rebase: mid left the chain (top <- base)');

$dom->block_pull('vda', 1);
$info = $dom->get_block_job_info('vda');
is($info->{type}, Sys::Virt::Domain::BLOCK_JOB_TYPE_PULL, 'block_pull: a PULL job');
is($info->{bandwidth}, 1, 'block_pull: at 1 MiB/s');
$dom->set_block_job_speed('vda', 2);
is($dom->get_block_job_info('vda', $B)->{bandwidth}, 2 * 1024 * 1024, 'set_block_job_speed: 2 MiB/s');
$dom->set_block_job_speed('vda', 0);
ok(poll_until(30, sub { $dom->get_block_job_info('vda')->{type} == 0 }),
   'the pull job finishes');
is_deeply([chain($dom)], [$top], 'block_pull: top has no backing image left');
like(boot_disk_xml($dom), qr{<source file='\Q$top\E'[^>]*/>\s*<backingStore/>}, '... <backingStore/> right after it');
unlike(run("qemu-img info -U '$top'"), qr/backing file:/, 'qemu-img: top has no backing file');
like(qemu_io_read($top, '0x11', '1M', '2M'), qr{read 2097152/2097152 bytes}, "base's data is in top now");
like(qemu_io_read($top, '0x22', '4M', '1M'), qr{read 1048576/1048576 bytes}, "mid's data is in top now");
$dom->destroy;

# Active commit: top (0x33 at 2M..5M) into base, then pivot to base.
my $oname = "$pre-commit";
push @guests, $oname;
my ($cbase, $ctop) = map { "$dir/commit-$_.qcow2" } qw(base top);
SysVirtQemu::make_disk($cbase);
run("qemu-img create -q -F qcow2 -b '$cbase' -f qcow2 '$ctop'");
run("qemu-io -f qcow2 -c 'write -P 0x33 2M 3M' '$ctop'");
like(qemu_io_read($cbase, '0x33', '2M', '3M'), qr/Pattern verification failed/, 'base does not hold the data yet');
my $olog = "$dir/commit.log";
$dom = $conn->create_domain(SysVirtQemu::guest_xml(name => $oname, disk => $ctop, serial_log => $olog));
ok(wait_banners($olog, 1, 30), 'commit guest: booted');
is_deeply([chain($dom)], [$ctop, $cbase], 'chain top <- base');
$dom->block_commit('vda', undef, undef, 65536,
                   Sys::Virt::Domain::BLOCK_COMMIT_ACTIVE | Sys::Virt::Domain::BLOCK_COMMIT_BANDWIDTH_BYTES);
$info = $dom->get_block_job_info('vda', $B);
is($info->{type}, Sys::Virt::Domain::BLOCK_JOB_TYPE_ACTIVE_COMMIT, 'block_commit(COMMIT_ACTIVE): an ACTIVE_COMMIT job');
is($info->{bandwidth}, 65536, 'block_commit: at the bandwidth asked');
$dom->set_block_job_speed('vda', 0);
ok(poll_until(30, sub { caught_up($dom) }), 'the active commit catches up (cur == end)');
$dom->abort_block_job('vda', Sys::Virt::Domain::BLOCK_JOB_ABORT_PIVOT);
is($dom->get_block_job_info('vda')->{type}, 0, 'pivot: the job ended');
is_deeply([chain($dom)], [$cbase], 'pivot: the guest runs on base alone');
like(boot_disk_xml($dom), qr{<source file='\Q$cbase\E'[^>]*/>\s*<backingStore/>}, '... with <backingStore/>');
like(qemu_io_read($cbase, '0x33', '2M', '3M'), qr{read 3145728/3145728 bytes}, "top's data was committed into base");
$dom->destroy;

done_testing();
