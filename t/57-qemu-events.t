# Events from real QEMU guests, received through libvirt's default event
# loop (Sys::Virt::Event::register_default() before the connections,
# run_default() until the awaited event came): a callback on every
# domain event ID at once, plus the old-style domain_event_register, and
# network, storage pool, secret and node device callbacks. Guests are
# driven through real actions and every callback argument is checked:
# the connection, a Sys::Virt::Domain (or Network, StoragePool, Secret)
# of the right name and UUID, and each detail's exact value.
#
# Where the boot-sector guest (no OS, no drivers) cannot do what a guest
# OS would, the test does it for the guest with QEMU's HMP port I/O
# commands ("o"/"i", through virsh qemu-monitor-command): it arms the
# ib700 watchdog with a zero timeout, writes the CMOS clock, writes
# S3/S4/S5 into the ACPI PM1 control register, writes the pvpanic port,
# writes the virtio balloon's "actual" field as a balloon driver would,
# and acknowledges (or refuses) ACPI hot-unplug requests for a PCI disk
# and a DIMM. I/O errors come from a disk served by qemu-nbd over a
# blkdebug layer that fails every data read.
#
# Events received (ID -> how):
#   LIFECYCLE           define/undefine (DEFINED_ADDED, UNDEFINED_REMOVED),
#                       start (RESUMED_UNPAUSED + STARTED_BOOTED), suspend,
#                       resume, destroy (SHUTDOWN_HOST? + STOPPED_DESTROYED),
#                       save (SUSPENDED_PAUSED, STOPPED_SAVED), restore
#                       (STARTED_RESTORED, RESUMED_FROM_SNAPSHOT), internal
#                       snapshot + revert (*_FROM_SNAPSHOT), watchdog
#                       (SUSPENDED_WATCHDOG), I/O error (SUSPENDED_IOERROR),
#                       S3 (PMSUSPENDED_MEMORY, STARTED_WAKEUP), S4
#                       (PMSUSPENDED_DISK), S5 (SHUTDOWN_GUEST,
#                       STOPPED_SHUTDOWN), pvpanic (CRASHED_PANICKED,
#                       STOPPED_CRASHED), live migration (SUSPENDED_MIGRATED,
#                       STOPPED_MIGRATED; STARTED/RESUMED_MIGRATED on the
#                       target daemon)
#   REBOOT              reset: two, the host's reset and the one SeaBIOS
#                       does itself on a warm boot; one on S3 wakeup (reboot()
#                       asks the guest by ACPI, which the boot sector ignores)
#   RTC_CHANGE          CMOS year register written: the exact offset
#   WATCHDOG            ib700 armed with timeout 0, action pause
#   IO_ERROR(_REASON)   the NBD disk: ($export, 'virtio-disk0', PAUSE[, '']);
#                       the export must have a name: libvirt 9.0 takes it as
#                       the source path, and with none (NULL) its remote
#                       protocol cannot send the event, which is then lost
#   GRAPHICS            a VNC client (RFB 3.8, security None): connect,
#                       initialize, disconnect with both addresses
#   BLOCK_JOB(_2)       commit, pull, copy (abort: CANCELED; pivot:
#                       COMPLETED), active commit (READY, pivot)
#   DISK_CHANGE         a CD-ROM whose source is missing at start
#                       (startupPolicy optional)
#   TRAY_CHANGE         CD-ROM eject and insert by update_device
#   PMSUSPEND/PMWAKEUP  S3 through PM1_CNT, then pm_wakeup
#   PMSUSPEND_DISK      S4 through PM1_CNT
#   BALLOON_CHANGE      set_memory, then "actual" written into the balloon
#   DEVICE_ADDED        attach of a virtio disk and of a DIMM (libvirt 9.0
#                       names the DIMM by its backend object, 'memdimm0')
#   DEVICE_REMOVED      ACPI eject of the disk's PCI slot and of the DIMM
#   DEVICE_REMOVAL_FAILED  the DIMM's unplug refused through ACPI _OST
#   TUNABLE             pin_vcpu, pin_emulator, set_scheduler_parameters,
#                       set_block_iotune
#   AGENT_LIFECYCLE     an agent channel: DISCONNECTED/DOMAIN_STARTED at start,
#                       and DISCONNECTED/CHANNEL once a saved state is loaded
#   MIGRATION_ITERATION live migration (1..n) and save/snapshot (1, 2)
#   JOB_COMPLETED       save (equal to get_job_stats(JOB_STATS_COMPLETED))
#                       and migration
#   METADATA_CHANGE     title, description, element (with its namespace)
#   BLOCK_THRESHOLD     a block pull writing into the top image
# Not producible here (asserted never to arrive):
#   CONTROL_ERROR       only sent when libvirt fails to handle a message from
#                       QEMU's monitor (a malformed reply); a sane QEMU never
#                       causes it, and a QEMU exit is an EOF, not an error
#   MEMORY_FAILURE      QEMU reports it only for host hardware memory errors
#                       (SIGBUS with KVM); this is TCG
#   MEMORY_DEVICE_SIZE_CHANGE  a virtio-mem device changes size only when the
#                       guest driver plugs memory through its virtqueue, which
#                       port I/O cannot emulate
#   AGENT_LIFECYCLE CONNECTED  needs a guest agent opening its virtio-serial
#                       port; pm_suspend_for_duration needs it too
#                       ("Guest agent is not responding: QEMU guest agent is
#                       not connected", asserted)
#   node device events  libvirt gets them from udev, and no udev daemon runs
#                       here (no event even when libvirt creates taps); the
#                       mdev define that would send one is refused (asserted)
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use Sys::Virt::Event;
use SysVirtQemu qw(pump_until virt_error_is error_of banner_count hmp boot_disk_xml);
use IO::Socket::INET ();
use Time::HiRes ();
use Time::Local ();

my $s = SysVirtQemu::skip_unless_stack();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $T0 = Time::HiRes::time();

# The event loop must exist before the connections are opened.
Sys::Virt::Event::register_default();
# A 20 ms timer keeps each run_default() short, so deadlines are honoured.
my $tick = Sys::Virt::Event::add_timeout(20, sub {});

my $conn = Sys::Virt->new(uri => $s->{uri});
my $tconn = Sys::Virt->new(uri => $s->{target_uri});

my $P = "sv57-$$";
my $images = "$s->{dir}/images";
my ($gA, $gB, $gC) = ("$P-a", "$P-b", "$P-c");
my %mine = map { $_ => 1 } $gA, $gB, $gC, "$P-late";
my $netname = "$P-net";
my $poolname = "$P-pool";
my $pooldir = "$images/$poolname";
my $secret_usage = "/sysvirt/$P";
my $nbd_pid;
my @files;

# ---- recorders -------------------------------------------------------------

my @ID_NAMES = qw(LIFECYCLE REBOOT RTC_CHANGE WATCHDOG IO_ERROR GRAPHICS
    IO_ERROR_REASON CONTROL_ERROR BLOCK_JOB DISK_CHANGE TRAY_CHANGE PMWAKEUP
    PMSUSPEND BALLOON_CHANGE PMSUSPEND_DISK DEVICE_REMOVED BLOCK_JOB_2
    TUNABLE AGENT_LIFECYCLE DEVICE_ADDED MIGRATION_ITERATION JOB_COMPLETED
    DEVICE_REMOVAL_FAILED METADATA_CHANGE BLOCK_THRESHOLD MEMORY_FAILURE
    MEMORY_DEVICE_SIZE_CHANGE);
my %ID = map { $_ => Sys::Virt::Domain->can("EVENT_ID_$_")->() } @ID_NAMES;
is_deeply([sort { $a <=> $b } values %ID], [0 .. 26], 'the 27 domain event IDs of libvirt 9.0');
# Event IDs of libvirt newer than 9.0 (libvirt-domain.h of 12.8), which the
# module may have too; it has no other EVENT_ID_ constant.
my %LATER_ID = (NIC_MAC_CHANGE => 27, VCPU_REMOVED => 28, CHANNEL_LIFECYCLE => 29);
my @LATER_NAMES = sort grep { Sys::Virt::Domain->can("EVENT_ID_$_") } keys %LATER_ID;
is_deeply({ map { $_ => Sys::Virt::Domain->can("EVENT_ID_$_")->() } @LATER_NAMES }, { %LATER_ID{@LATER_NAMES} },
          'later event IDs the module has: their libvirt values');
is_deeply([sort grep { /^EVENT_ID_/ } keys %Sys::Virt::Domain::],
          [sort map { "EVENT_ID_$_" } @ID_NAMES, @LATER_NAMES], '... and no other EVENT_ID_ constant');

# Which IDs a registration may use: the client library refuses those it
# does not know (VIR_DOMAIN_EVENT_ID_LAST: 26 before 7.9.0, 27 before
# 11.2.0, 28 before 12.4.0), the libvirtd 9.0.0 of the stack those past
# its own last (26).
my $CLIENT = SysVirtQemu::client_version();
my $CLIENT_LAST = $CLIENT < 7_009_000 ? 26 : $CLIENT < 11_002_000 ? 27 : $CLIENT < 12_004_000 ? 28 : 30;
my $DAEMON_LAST = 27;
sub id_refusal {
    my ($id) = @_;
    return [Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN,
            "eventID must be less than $CLIENT_LAST"] if $id >= $CLIENT_LAST;
    return [Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_RPC,
            "internal error: unsupported event ID $id"] if $id >= $DAEMON_LAST;
    return;
}

# $got{NAME}: the events of our guests, each { conn, dom, name, uuid, args };
# $total{NAME}: how many there were in all. SYSVIRT_EVENTS_DEBUG=1 shows
# each event as it arrives.
my (%got, %total, %cbid, $foreign);
sub record {
    my ($key) = @_;
    return sub {
        my ($c, $d, @args) = @_;
        my $name = eval { $d->get_name } // '?';
        unless ($mine{$name}) { $foreign++; return }   # another test's guest
        diag(sprintf('%.2f %s %s %s', Time::HiRes::time() - $T0, $key, $name,
                     join(' ', map { ref $_ ? explain($_) =~ s/\s+/ /gr : $_ // 'undef' } @args)))
            if $ENV{SYSVIRT_EVENTS_DEBUG};
        $total{$key}++;
        push @{$got{$key}}, { conn => $c, dom => $d, name => $name,
                              uuid => scalar eval { $d->get_uuid_string }, args => \@args };
    };
}
for my $n (@ID_NAMES, @LATER_NAMES) {
    my $id = $ID{$n} // $LATER_ID{$n};
    if (my $no = id_refusal($id)) {
        virt_error_is(error_of { $conn->domain_event_register_any(undef, $id, record($n)) }, @$no,
                      "EVENT_ID_$n ($id) cannot be registered with a libvirt $CLIENT client and libvirtd 9.0.0");
        next;
    }
    $cbid{$n} = $conn->domain_event_register_any(undef, $id, record($n));
}
my @ids = values %cbid;
my $NREG = grep { !id_refusal($ID{$_}) } @ID_NAMES;    # 27, or 26 with a client older than 7.9.0
ok(!grep({ !defined || !/^\d+$/ } @ids), 'every registration returns a callback ID');
is(scalar(keys %{{ map { $_ => 1 } @ids }}), $NREG, "... $NREG distinct IDs");
is(scalar(my @r = $conn->domain_event_register(record('OLD'))), 0,
   'domain_event_register (old style) returns nothing');
my $tcb = $tconn->domain_event_register_any(undef, $ID{LIFECYCLE}, record('TARGET'));

# Other objects' events, on the same connection: ours only (by name, or
# for a secret by its usage), but every node device event.
my %ocb;
sub orecord {
    my ($key, $getid, $mine) = @_;
    return sub {
        my ($c, $o, @args) = @_;
        return unless $mine->($o);
        $total{$key}++;
        push @{$got{$key}}, { conn => $c, obj => $o, ref => ref $o, id => $getid->($o), args => \@args };
    };
}
my $byname = sub { $_[0]->get_name };
my $byuuid = sub { $_[0]->get_uuid_string };
my $mynet = sub { $_[0]->get_name eq $netname };
my $mypool = sub { $_[0]->get_name eq $poolname };
my $mysecret = sub { $_[0]->get_usage_id eq $secret_usage };
my $any = sub { 1 };
my ($N, $SP, $SE, $ND) = map { "Sys::Virt::$_" } qw(Network StoragePool Secret NodeDevice);
$ocb{NET} = $conn->network_event_register_any(undef, $N->EVENT_ID_LIFECYCLE, orecord('NET', $byname, $mynet));
$ocb{POOL} = $conn->storage_pool_event_register_any(undef, $SP->EVENT_ID_LIFECYCLE,
                                                    orecord('POOL', $byname, $mypool));
$ocb{POOLREFRESH} = $conn->storage_pool_event_register_any(undef, $SP->EVENT_ID_REFRESH,
                                                           orecord('POOLREFRESH', $byname, $mypool));
$ocb{SECRET} = $conn->secret_event_register_any(undef, $SE->EVENT_ID_LIFECYCLE,
                                                orecord('SECRET', $byuuid, $mysecret));
$ocb{SECRETVALUE} = $conn->secret_event_register_any(undef, $SE->EVENT_ID_VALUE_CHANGED,
                                                     orecord('SECRETVALUE', $byuuid, $mysecret));
$ocb{NODEDEV} = $conn->node_device_event_register_any(undef, $ND->EVENT_ID_LIFECYCLE,
                                                      orecord('NODEDEV', $byname, $any));
$ocb{NODEDEVUPDATE} = $conn->node_device_event_register_any(undef, $ND->EVENT_ID_UPDATE,
                                                            orecord('NODEDEVUPDATE', $byname, $any));
ok(!grep({ !defined || !/^\d+$/ } values %ocb), 'network, pool, secret and node device registrations return IDs');

# ---- helpers ---------------------------------------------------------------

sub n { scalar @{$got{$_[0]} || []} }

# wait_n(KEY, N, WHAT): waits for N events of KEY, as a test.
sub wait_n {
    my ($key, $n, $what, $secs) = @_;
    ok(pump_until($secs // 30, sub { n($key) >= $n }), "$what: $n $key event(s) arrived")
        or diag("got " . n($key) . " $key event(s)");
}

# take(KEY): removes and returns the recorded events of KEY.
sub take { my $l = delete $got{$_[0]} || []; return @$l }

# dargs(KEY, DOM, WHAT): takes the events of KEY, checks that each came with
# ($conn, a Sys::Virt::Domain of DOM's name and UUID), returns their
# argument lists.
sub dargs {
    my ($key, $dom, $what, $c) = @_;
    my @e = take($key);
    my @bad = grep {
        !(ref $_->{conn} eq 'Sys::Virt' && $_->{conn} == ($c // $conn)
          && ref $_->{dom} eq 'Sys::Virt::Domain'
          && $_->{name} eq $dom->get_name && $_->{uuid} eq $dom->get_uuid_string)
    } @e;
    ok(@e && !@bad, "$what: $key callback got (\$conn, \$dom of " . $dom->get_name . ')')
        or diag(scalar(@e) . " events, " . scalar(@bad) . " with wrong objects");
    return map { $_->{args} } @e;
}

# lc_is(DOM, [[EVENT, DETAIL]...], WHAT, OPTIONAL): the LIFECYCLE events are
# exactly these (OPTIONAL: one pair that may come first, at most once); the
# old-style callback saw the same.
sub lc_is {
    my ($dom, $want, $what, $optional) = @_;
    my @a = dargs('LIFECYCLE', $dom, $what);
    my @old = map { $_->{args} } take('OLD');
    is_deeply(\@old, \@a, "$what: domain_event_register saw the same lifecycle events");
    shift @a if $optional && @a && "@{$a[0]}" eq "@$optional";
    is_deeply(\@a, $want, "$what: lifecycle events") or diag explain \@a;
}

# wait_lc(PAIR, WHAT): waits for the lifecycle event PAIR.
sub wait_lc {
    my ($pair, $what, $secs) = @_;
    ok(pump_until($secs // 30, sub { grep { "@{$_->{args}}" eq "@$pair" } @{$got{LIFECYCLE} || []} }),
       "$what: lifecycle (@$pair) arrived")
        or diag explain [map { $_->{args} } @{$got{LIFECYCLE} || []}];
}

# quiet(WHAT): no event of any kind is left unchecked.
sub quiet {
    my ($what) = @_;
    my %left = map { $_ => [map { $_->{args} } @{$got{$_}}] } grep { @{$got{$_}} } keys %got;
    is_deeply(\%left, {}, "$what: no other event") or diag explain \%left;
    %got = ();
}

sub clear { %got = () }

my %C = (map { $_ => Sys::Virt::Domain->can("EVENT_$_")->() } qw(
    DEFINED UNDEFINED STARTED SUSPENDED RESUMED STOPPED SHUTDOWN PMSUSPENDED CRASHED
    DEFINED_ADDED DEFINED_FROM_SNAPSHOT UNDEFINED_REMOVED STARTED_BOOTED STARTED_MIGRATED
    STARTED_RESTORED STARTED_FROM_SNAPSHOT STARTED_WAKEUP SUSPENDED_PAUSED
    SUSPENDED_MIGRATED SUSPENDED_IOERROR SUSPENDED_WATCHDOG RESUMED_UNPAUSED
    RESUMED_MIGRATED RESUMED_FROM_SNAPSHOT STOPPED_SHUTDOWN STOPPED_DESTROYED
    STOPPED_CRASHED STOPPED_MIGRATED STOPPED_SAVED STOPPED_FROM_SNAPSHOT
    SHUTDOWN_GUEST SHUTDOWN_HOST PMSUSPENDED_MEMORY PMSUSPENDED_DISK CRASHED_PANICKED));
my @BOOT = ([$C{RESUMED}, $C{RESUMED_UNPAUSED}], [$C{STARTED}, $C{STARTED_BOOTED}]);
my @DESTROYED = ([$C{STOPPED}, $C{STOPPED_DESTROYED}]);
my $SHUTDOWN_HOST = [$C{SHUTDOWN}, $C{SHUTDOWN_HOST}];   # QEMU's SIGTERM exit; may be missed

# ============================================================================
# Guest A: persistent, with a backing chain, CD-ROMs, an agent channel, a
# watchdog, a pvpanic device and room for a DIMM.
# ============================================================================
my $base = "$images/$P-base.qcow2";
my $mid = "$images/$P-mid.qcow2";
my $top = "$images/$P-top.qcow2";
my ($copy1, $copy2, $snapf) = map { "$images/$P-$_.qcow2" } qw(copy1 copy2 snap);
my ($iso1, $iso2, $missing) = map { "$images/$P-$_.iso" } qw(cd1 cd2 missing);
my $logA = "$images/$P-a.log";
my $save = "$images/$P-a.save";
push @files, $base, $mid, $top, $copy1, $copy2, $snapf, $iso1, $iso2, $logA, $save;
unlink $copy1, $copy2, $snapf, $missing, $save;
SysVirtQemu::make_disk($base);
for ([$mid, $base], [$top, $mid]) {
    my $out = `qemu-img create -q -f qcow2 -b '$_->[1]' -F qcow2 '$_->[0]' 2>&1`;
    die "qemu-img create: $out" if $?;
}
for ([$iso1, "\0"], [$iso2, "\1"]) {
    open(my $fh, '>', $_->[0]) or die "$_->[0]: $!";
    print $fh $_->[1] x (2048 * 16);
    close $fh;
}

my $xmlA = SysVirtQemu::guest_xml(name => $gA, disk => $top, serial_log => $logA, devices => <<"XML");
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <source file='$iso1'/>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <source file='$missing' startupPolicy='optional'/>
      <target dev='hdd' bus='ide'/>
      <readonly/>
    </disk>
    <channel type='unix'>
      <target type='virtio' name='org.qemu.guest_agent.0'/>
    </channel>
    <watchdog model='ib700' action='pause'/>
    <panic model='isa'>
      <address type='isa' iobase='0x505'/>
    </panic>
XML
# Memory hotplug needs a maximum, slots and a NUMA cell.
$xmlA =~ s{(<vcpu )}{<maxMemory slots='2' unit='MiB'>256</maxMemory>\n  $1} or die;
$xmlA =~ s{(</features>\n)}{$1  <cpu>\n    <numa>\n      <cell id='0' cpus='0' memory='32' unit='MiB'/>\n    </numa>\n  </cpu>\n} or die;

clear();
my $ga = $conn->define_domain($xmlA);
wait_lc([$C{DEFINED}, $C{DEFINED_ADDED}], 'define');
lc_is($ga, [[$C{DEFINED}, $C{DEFINED_ADDED}]], 'define');
quiet('define');

# Start: the optional CD-ROM's missing source is dropped (DISK_CHANGE) and
# the agent channel starts disconnected (AGENT_LIFECYCLE).
sub start_a {
    my ($what) = @_;
    unlink $logA;
    $ga->create;
    wait_lc([$C{STARTED}, $C{STARTED_BOOTED}], $what);
    wait_n('DISK_CHANGE', 1, $what);
    wait_n('AGENT_LIFECYCLE', 1, $what);
    lc_is($ga, [@BOOT], $what);
    is_deeply([dargs('DISK_CHANGE', $ga, $what)],
              [[$missing, undef, 'ide0-1-1', Sys::Virt::Domain::EVENT_DISK_CHANGE_MISSING_ON_START]],
              "$what: DISK_CHANGE (\$oldsrc, \$newsrc undef, 'ide0-1-1' (hdd), MISSING_ON_START)");
    is_deeply([dargs('AGENT_LIFECYCLE', $ga, $what)],
              [[Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED,
                Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_REASON_DOMAIN_STARTED]],
              "$what: AGENT_LIFECYCLE (DISCONNECTED, DOMAIN_STARTED)");
    # The banner: the boot sector runs (SeaBIOS has finished setting up
    # PCI and ACPI, which the port I/O below relies on).
    ok(pump_until(30, sub { banner_count($logA) >= 1 }), "$what: the guest runs the boot sector");
    quiet($what);
}
start_a('start');

# Without an agent in the guest, libvirt cannot suspend it.
virt_error_is(error_of { $ga->pm_suspend_for_duration(Sys::Virt::NODE_SUSPEND_TARGET_MEM, 0) },
              Sys::Virt::Error::ERR_AGENT_UNRESPONSIVE, Sys::Virt::Error::FROM_QEMU,
              'Guest agent is not responding: QEMU guest agent is not connected',
              'pm_suspend_for_duration without a guest agent: ERR_AGENT_UNRESPONSIVE');

# ---- suspend / resume ------------------------------------------------------
$ga->suspend;
wait_lc([$C{SUSPENDED}, $C{SUSPENDED_PAUSED}], 'suspend');
lc_is($ga, [[$C{SUSPENDED}, $C{SUSPENDED_PAUSED}]], 'suspend');
$ga->resume;
wait_lc([$C{RESUMED}, $C{RESUMED_UNPAUSED}], 'resume');
lc_is($ga, [[$C{RESUMED}, $C{RESUMED_UNPAUSED}]], 'resume');
quiet('suspend/resume');

# ---- metadata --------------------------------------------------------------
my $NS = 'http://sysvirt.example.org/events/1';
$ga->set_metadata(Sys::Virt::Domain::METADATA_TITLE, 'A title', undef, undef, 0);
$ga->set_metadata(Sys::Virt::Domain::METADATA_DESCRIPTION, 'A description', undef, undef, 0);
$ga->set_metadata(Sys::Virt::Domain::METADATA_ELEMENT, '<ev n="1"/>', 'sv', $NS, 0);
$ga->set_metadata(Sys::Virt::Domain::METADATA_ELEMENT, undef, undef, $NS, 0);
wait_n('METADATA_CHANGE', 4, 'metadata');
is_deeply([dargs('METADATA_CHANGE', $ga, 'metadata')],
          [[Sys::Virt::Domain::METADATA_TITLE, undef],
           [Sys::Virt::Domain::METADATA_DESCRIPTION, undef],
           [Sys::Virt::Domain::METADATA_ELEMENT, $NS],
           [Sys::Virt::Domain::METADATA_ELEMENT, $NS]],
          'METADATA_CHANGE: ($type, $nsuri): title, description, element set and removed');
quiet('metadata');

# ---- tunables --------------------------------------------------------------
my $cpu0 = '';
vec($cpu0, 0, 1) = 1;
$ga->pin_vcpu(0, $cpu0);
$ga->pin_emulator($cpu0);
$ga->set_scheduler_parameters({ Sys::Virt::Domain::SCHEDULER_CPU_SHARES() => 512 });
$ga->set_scheduler_parameters({ Sys::Virt::Domain::SCHEDULER_VCPU_PERIOD() => 100000,
                               Sys::Virt::Domain::SCHEDULER_VCPU_QUOTA() => 50000 });
$ga->set_block_iotune('vda', { Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC() => 10485760,
                              Sys::Virt::Domain::BLOCK_IOTUNE_READ_IOPS_SEC() => 100 });
wait_n('TUNABLE', 5, 'tunables');
is_deeply([dargs('TUNABLE', $ga, 'tunables')], [
    [{ sprintf(Sys::Virt::Domain::TUNABLE_CPU_VCPUPIN, 0) => '0' }],
    [{ Sys::Virt::Domain::TUNABLE_CPU_EMULATORPIN() => '0' }],
    [{ Sys::Virt::Domain::TUNABLE_CPU_CPU_SHARES() => 512 }],
    [{ Sys::Virt::Domain::TUNABLE_CPU_VCPU_PERIOD() => 100000,
       Sys::Virt::Domain::TUNABLE_CPU_VCPU_QUOTA() => 50000 }],
    [{ Sys::Virt::Domain::TUNABLE_BLKDEV_DISK() => 'vda',
       Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_BYTES_SEC() => 10485760,
       Sys::Virt::Domain::TUNABLE_BLKDEV_READ_IOPS_SEC() => 100 }],
], 'TUNABLE: (\%params) with the changed keys: vcpupin0, emulatorpin, cpu_shares, vcpu period+quota, iotune of vda');
is(sprintf(Sys::Virt::Domain::TUNABLE_CPU_VCPUPIN, 0), 'cputune.vcpupin0', '... the vcpupin key of vCPU 0');
quiet('tunables');

# ---- reset -----------------------------------------------------------------
# The host's reset, then SeaBIOS resets the machine once more on a warm boot.
$ga->reset;
wait_n('REBOOT', 2, 'reset');
is_deeply([dargs('REBOOT', $ga, 'reset')], [[], []], 'REBOOT: no arguments, twice (host reset + SeaBIOS warm-boot reset)');
# The port I/O below must not race with SeaBIOS's POST (it uses the CMOS).
truncate $logA, 0;
ok(pump_until(30, sub { banner_count($logA) >= 1 }), 'after reset: the guest runs the boot sector');
quiet('reset');

# ---- VNC client ------------------------------------------------------------
{
    my ($port) = $ga->get_xml_description =~ /<graphics type='vnc' port='(\d+)'/;
    ok($port, "VNC port $port");
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port, Timeout => 10);
    ok($sock, 'VNC client connected') or diag $!;
    my $myport = $sock->sockport;
    my $read = sub {
        my ($n) = @_;
        my $buf = '';
        while (length $buf < $n) {
            pump_until(10, sub { my $r = ''; vec($r, fileno $sock, 1) = 1; select($r, undef, undef, 0) }) or last;
            sysread($sock, $buf, $n - length $buf, length $buf) or last;
        }
        return $buf;
    };
    is($read->(12), "RFB 003.008\n", 'RFB server version');
    syswrite($sock, "RFB 003.008\n");
    is(unpack('H*', $read->(2)), '0101', 'one security type: None');
    syswrite($sock, "\x01");
    is(unpack('N', $read->(4)), 0, 'security result OK');
    syswrite($sock, "\x01");    # ClientInit, shared
    my $init = $read->(24);
    is(length $init, 24, 'ServerInit received');
    wait_n('GRAPHICS', 2, 'VNC handshake');
    close $sock;
    wait_n('GRAPHICS', 3, 'VNC close');
    my $local = { family => Sys::Virt::Domain::EVENT_GRAPHICS_ADDRESS_IPV4, node => '127.0.0.1', service => "$port" };
    my $remote = { family => Sys::Virt::Domain::EVENT_GRAPHICS_ADDRESS_IPV4, node => '127.0.0.1', service => "$myport" };
    is_deeply([dargs('GRAPHICS', $ga, 'VNC')], [
        map { [$_, $local, $remote, 'none', []] }
            Sys::Virt::Domain::EVENT_GRAPHICS_CONNECT, Sys::Virt::Domain::EVENT_GRAPHICS_INITIALIZE,
            Sys::Virt::Domain::EVENT_GRAPHICS_DISCONNECT
    ], 'GRAPHICS: ($phase, \%local, \%remote, "none", []) for connect, initialize, disconnect');
    quiet('VNC');
}

# ---- CD-ROM tray -----------------------------------------------------------
my $cd = sub {
    my ($src) = @_;
    return "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/>"
        . (defined $src ? "<source file='$src'/>" : '')
        . "<target dev='hdc' bus='ide'/><readonly/></disk>";
};
my @tray = ([ 'ide0-1-0', Sys::Virt::Domain::EVENT_TRAY_CHANGE_OPEN ],
            [ 'ide0-1-0', Sys::Virt::Domain::EVENT_TRAY_CHANGE_CLOSE ]);
$ga->update_device($cd->(undef));
wait_n('TRAY_CHANGE', 2, 'eject');
is_deeply([dargs('TRAY_CHANGE', $ga, 'eject')], [@tray], 'TRAY_CHANGE on eject: ("ide0-1-0", OPEN), (..., CLOSE)');
$ga->update_device($cd->($iso2));
wait_n('TRAY_CHANGE', 2, 'insert');
is_deeply([dargs('TRAY_CHANGE', $ga, 'insert')], [@tray], 'TRAY_CHANGE on insert: OPEN, CLOSE');
like($ga->get_xml_description, qr{<source file='\Q$iso2\E'}, 'the new medium is in');
quiet('tray');

# ---- RTC -------------------------------------------------------------------
{
    # Reading the year refreshes all CMOS time registers from the clock;
    # writing it moves the guest's clock 4 years ahead.
    hmp($s, $ga, 'o/b 0x70 0x09');
    my ($year) = hmp($s, $ga, 'i/b 0x71') =~ /= 0x([0-9a-f]{2})/;
    ok(defined $year, "CMOS year read (BCD $year)");
    my $y = $year + 0;                       # BCD digits read as decimal
    my $new = sprintf('%02d', ($y + 4) % 100);
    my @now = gmtime;
    my $expect = Time::Local::timegm(@now[0 .. 4], $now[5] + 1900 + 4) - Time::Local::timegm(@now[0 .. 5]);
    hmp($s, $ga, "o/b 0x71 0x$new");
    wait_n('RTC_CHANGE', 1, 'RTC');
    my @r = dargs('RTC_CHANGE', $ga, 'RTC');
    is(scalar @r, 1, 'one RTC_CHANGE');
    is(scalar @{$r[0]}, 1, 'RTC_CHANGE: one argument ($utcoffset)');
    cmp_ok(abs($r[0][0] - $expect), '<=', 2, "RTC_CHANGE: offset $r[0][0] is 4 years ($expect s)");
    quiet('RTC');
}

# ---- balloon ---------------------------------------------------------------
{
    # set_memory only sets the balloon's target; the boot sector has no
    # driver to follow it, so we write "actual" (pages) in the device's
    # legacy virtio config (BAR0 + 20-byte header + 4) as the driver would.
    $ga->set_memory(16384);
    my ($blk) = grep { /id "balloon0"/ } split /(?=^\s*Bus\s)/m, hmp($s, $ga, 'info pci');
    my ($bar) = ($blk // '') =~ /BAR0: I\/O at (0x[0-9a-f]+)/;
    ok($bar, "balloon I/O BAR at $bar");
    hmp($s, $ga, sprintf('o/w 0x%x %d', hex($bar) + 24, (32768 - 16384) / 4));
    wait_n('BALLOON_CHANGE', 1, 'balloon');
    is_deeply([dargs('BALLOON_CHANGE', $ga, 'balloon')], [[16384]], 'BALLOON_CHANGE: ($actual) 16384 KiB');
    is($ga->get_info->{memory}, 16384, 'get_info memory follows the balloon');
    quiet('balloon');
}

# ---- watchdog --------------------------------------------------------------
# ib700: a write to port 0x443 arms it; the value 15 means a 0 s timeout.
hmp($s, $ga, 'o/b 0x443 0x0f');
wait_n('WATCHDOG', 1, 'watchdog');
wait_lc([$C{SUSPENDED}, $C{SUSPENDED_WATCHDOG}], 'watchdog');
is_deeply([dargs('WATCHDOG', $ga, 'watchdog')], [[Sys::Virt::Domain::EVENT_WATCHDOG_PAUSE]],
          'WATCHDOG: ($action) EVENT_WATCHDOG_PAUSE');
lc_is($ga, [[$C{SUSPENDED}, $C{SUSPENDED_WATCHDOG}]], 'watchdog');
is_deeply([$ga->get_state], [Sys::Virt::Domain::STATE_PAUSED, Sys::Virt::Domain::STATE_PAUSED_WATCHDOG],
          'paused by the watchdog');
$ga->resume;
wait_lc([$C{RESUMED}, $C{RESUMED_UNPAUSED}], 'resume after watchdog');
lc_is($ga, [[$C{RESUMED}, $C{RESUMED_UNPAUSED}]], 'resume after watchdog');
quiet('watchdog');

# ---- device hotplug --------------------------------------------------------
{
    my $vdb = "$images/$P-vdb.qcow2";
    push @files, $vdb;
    SysVirtQemu::make_disk($vdb);
    $ga->attach_device("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
        . "<source file='$vdb'/><target dev='vdb' bus='virtio'/>"
        . "<address type='pci' domain='0x0000' bus='0x00' slot='0x0a' function='0x0'/></disk>");
    wait_n('DEVICE_ADDED', 1, 'attach disk');
    is_deeply([dargs('DEVICE_ADDED', $ga, 'attach disk')], [['virtio-disk1']], 'DEVICE_ADDED: ($devalias) "virtio-disk1"');
    # An ACPI PCI unplug waits for the guest: the alias detach returns at once.
    $ga->detach_device_alias('virtio-disk1');
    like($ga->get_xml_description, qr{<alias name='virtio-disk1'/>}, 'the disk stays until the guest ejects it');
    # The guest's _EJ0: PCI hotplug eject register of bus 0, bit of slot 10.
    hmp($s, $ga, 'o/w 0xae08 0x400');
    wait_n('DEVICE_REMOVED', 1, 'eject disk');
    is_deeply([dargs('DEVICE_REMOVED', $ga, 'eject disk')], [['virtio-disk1']], 'DEVICE_REMOVED: ($devalias) "virtio-disk1"');
    unlike($ga->get_xml_description, qr{<target dev='vdb'}, 'vdb is gone');
    quiet('disk hotplug');

    $ga->attach_device("<memory model='dimm'><target><size unit='MiB'>32</size><node>0</node></target></memory>");
    wait_n('DEVICE_ADDED', 1, 'attach DIMM');
    # libvirt 9.0 reports the DIMM's memory backend object ('mem' + alias).
    is_deeply([dargs('DEVICE_ADDED', $ga, 'attach DIMM')], [['memdimm0']], 'DEVICE_ADDED for a DIMM: "memdimm0"');
    like($ga->get_xml_description, qr{<alias name='dimm0'/>}, 'the DIMM is dimm0');
    $ga->detach_device_alias('dimm0');
    # The guest refuses: ACPI memory hotplug registers at 0xa00: slot
    # selector, _OST event 3 (eject request), _OST status 1 (failure).
    hmp($s, $ga, 'o/w 0xa00 0');
    hmp($s, $ga, 'o/w 0xa04 3');
    hmp($s, $ga, 'o/w 0xa08 1');
    wait_n('DEVICE_REMOVAL_FAILED', 1, 'DIMM unplug refused');
    is_deeply([dargs('DEVICE_REMOVAL_FAILED', $ga, 'DIMM unplug refused')], [['dimm0']],
              'DEVICE_REMOVAL_FAILED: ($devalias) "dimm0"');
    like($ga->get_xml_description, qr{<alias name='dimm0'/>}, 'the DIMM stays');
    # Asked again, the guest ejects it (flags register, bit 3).
    $ga->detach_device_alias('dimm0');
    hmp($s, $ga, 'o/w 0xa00 0');
    hmp($s, $ga, 'o/b 0xa14 8');
    wait_n('DEVICE_REMOVED', 1, 'DIMM eject');
    is_deeply([dargs('DEVICE_REMOVED', $ga, 'DIMM eject')], [['dimm0']], 'DEVICE_REMOVED: "dimm0"');
    unlike($ga->get_xml_description, qr{<alias name='dimm0'/>}, 'the DIMM is gone');
    quiet('DIMM hotplug');
}

# ---- S3 suspend and wakeup -------------------------------------------------
# PM1a_CNT (SeaBIOS puts the PIIX4 PM base at 0x600): SLP_EN | SLP_TYP 1.
hmp($s, $ga, 'o/h 0x604 0x2400');
wait_n('PMSUSPEND', 1, 'S3');
wait_lc([$C{PMSUSPENDED}, $C{PMSUSPENDED_MEMORY}], 'S3');
is_deeply([dargs('PMSUSPEND', $ga, 'S3')], [[0]], 'PMSUSPEND: ($reason) 0');
lc_is($ga, [[$C{PMSUSPENDED}, $C{PMSUSPENDED_MEMORY}]], 'S3');
is(($ga->get_state)[0], Sys::Virt::Domain::STATE_PMSUSPENDED, 'the guest is PM-suspended');
quiet('S3');
$ga->pm_wakeup;
wait_n('PMWAKEUP', 1, 'wakeup');
wait_lc([$C{STARTED}, $C{STARTED_WAKEUP}], 'wakeup');
# QEMU wakes an x86 machine through a reset.
wait_n('REBOOT', 1, 'wakeup');
is_deeply([dargs('PMWAKEUP', $ga, 'wakeup')], [[0]], 'PMWAKEUP: ($reason) 0');
is_deeply([dargs('REBOOT', $ga, 'wakeup')], [[]], 'REBOOT on wakeup');
truncate $logA, 0;
ok(pump_until(30, sub { banner_count($logA) >= 1 }), 'after wakeup: the guest runs the boot sector');
lc_is($ga, [[$C{STARTED}, $C{STARTED_WAKEUP}]], 'wakeup');
is_deeply([$ga->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_WAKEUP],
          'running again (woken up)');
quiet('wakeup');

# ---- block jobs ------------------------------------------------------------
my @J = map { Sys::Virt::Domain->can("BLOCK_JOB_$_")->() }
    qw(TYPE_PULL TYPE_COPY TYPE_COMMIT TYPE_ACTIVE_COMMIT COMPLETED CANCELED READY);
my ($PULL, $COPY, $COMMIT, $ACOMMIT, $DONE, $CANCELED, $READY) = @J;
# job(WHAT, PATH, TYPE, STATUS): one BLOCK_JOB (by path) and one
# BLOCK_JOB_2 (by target) event.
sub job {
    my ($what, $path, $type, $status) = @_;
    wait_n('BLOCK_JOB', 1, $what);
    wait_n('BLOCK_JOB_2', 1, $what);
    is_deeply([dargs('BLOCK_JOB', $ga, $what)], [[$path, $type, $status]], "$what: BLOCK_JOB (\$path, \$type, \$status)");
    is_deeply([dargs('BLOCK_JOB_2', $ga, $what)], [['vda', $type, $status]], "$what: BLOCK_JOB_2 ('vda', \$type, \$status)");
}
$ga->block_commit('vda', $base, $mid, 0, 0);
job('commit mid into base', $top, $COMMIT, $DONE);
unlike(boot_disk_xml($ga), qr{\Q$mid\E}, 'mid left the chain');
quiet('commit');

{
    # The pull copies the boot sector's cluster from base into top: the
    # write passes a threshold set just above top's current size.
    my $phys = $ga->get_block_info('vda')->{physical};
    my ($idx) = boot_disk_xml($ga) =~ m{<source file='\Q$top\E' index='(\d+)'/>};
    ok($idx, "top is vda[$idx]");
    my $thr = $phys + 1;
    $ga->set_block_threshold('vda', $thr);
    $ga->block_pull('vda', 0);
    job('pull', $top, $PULL, $DONE);
    wait_n('BLOCK_THRESHOLD', 2, 'threshold');
    my @t = dargs('BLOCK_THRESHOLD', $ga, 'threshold');
    my $after = $ga->get_block_info('vda')->{physical};
    is_deeply([map { [@$_[0 .. 2]] } @t], [['vda', $top, $thr], ["vda[$idx]", $top, $thr]],
              'BLOCK_THRESHOLD: ($dev, $path, $threshold, $excess), for "vda" and its index');
    ok(!grep({ !($_->[3] > 0 && $thr + $_->[3] <= $after) } @t),
       "... the excess is past the threshold and within the grown image ($thr + $t[0][3] <= $after)");
    unlike(boot_disk_xml($ga), qr{\Q$base\E}, 'the pull flattened the chain');
    quiet('pull');
}

my $dest = sub { "<disk type='file'><driver type='qcow2'/><source file='$_[0]'/></disk>" };
# libvirt copies the disk of a persistent guest only as a transient job.
virt_error_is(error_of { $ga->block_copy('vda', $dest->($copy1), {}, 0) },
              Sys::Virt::Error::ERR_OPERATION_INVALID, Sys::Virt::Error::FROM_QEMU,
              'Requested operation is not valid: domain is not transient',
              'block_copy of a persistent guest without BLOCK_COPY_TRANSIENT_JOB: refused');
$ga->block_copy('vda', $dest->($copy1), {}, Sys::Virt::Domain::BLOCK_COPY_TRANSIENT_JOB);
job('copy', $top, $COPY, $READY);
$ga->abort_block_job('vda', 0);
job('copy aborted', $top, $COPY, $CANCELED);
quiet('copy abort');

$ga->create_snapshot("<domainsnapshot><disks><disk name='vda' snapshot='external'>"
    . "<source file='$snapf'/></disk><disk name='hdc' snapshot='no'/><disk name='hdd' snapshot='no'/></disks></domainsnapshot>",
    Sys::Virt::DomainSnapshot::CREATE_DISK_ONLY | Sys::Virt::DomainSnapshot::CREATE_NO_METADATA);
like(boot_disk_xml($ga), qr{<source file='\Q$snapf\E'}, 'external disk snapshot on top');
quiet('disk-only snapshot');
$ga->block_commit('vda', undef, undef, 0, Sys::Virt::Domain::BLOCK_COMMIT_ACTIVE);
job('active commit', $snapf, $ACOMMIT, $READY);
$ga->abort_block_job('vda', Sys::Virt::Domain::BLOCK_JOB_ABORT_PIVOT);
job('active commit pivot', $top, $ACOMMIT, $DONE);
quiet('active commit');

$ga->block_copy('vda', $dest->($copy2), {}, Sys::Virt::Domain::BLOCK_COPY_TRANSIENT_JOB);
job('copy 2', $top, $COPY, $READY);
$ga->abort_block_job('vda', Sys::Virt::Domain::BLOCK_JOB_ABORT_PIVOT);
job('copy pivot', $copy2, $COPY, $DONE);
like(boot_disk_xml($ga), qr{<source file='\Q$copy2\E'}, 'the guest runs on the copy');
quiet('copy pivot');

# ---- save / restore --------------------------------------------------------
sub iterations {
    my ($dom, $what) = @_;
    my @it = map { @$_ } dargs('MIGRATION_ITERATION', $dom, $what);
    is_deeply(\@it, [1 .. @it], "$what: MIGRATION_ITERATION (\$iteration) counts 1.." . scalar @it);
    cmp_ok(scalar @it, '>=', 2, "$what: at least 2 iterations");
    return scalar @it;
}
$ga->save($save);
wait_lc([$C{STOPPED}, $C{STOPPED_SAVED}], 'save');
wait_n('JOB_COMPLETED', 1, 'save');
lc_is($ga, [[$C{SUSPENDED}, $C{SUSPENDED_PAUSED}], [$C{STOPPED}, $C{STOPPED_SAVED}]], 'save');
my $nit = iterations($ga, 'save');
{
    my @j = dargs('JOB_COMPLETED', $ga, 'save');
    is(scalar @j, 1, 'one JOB_COMPLETED');
    my ($type, $stats) = $ga->get_job_stats(Sys::Virt::Domain::JOB_STATS_COMPLETED);
    is($type, Sys::Virt::Domain::JOB_COMPLETED, 'get_job_stats: the completed job');
    is_deeply($j[0], [$stats], 'JOB_COMPLETED: (\%params) equal to get_job_stats(JOB_STATS_COMPLETED)');
    is($j[0][0]{Sys::Virt::Domain::JOB_OPERATION()}, Sys::Virt::Domain::JOB_OPERATION_SAVE, '... operation SAVE');
    is($j[0][0]{Sys::Virt::Domain::JOB_MEMORY_ITERATION()}, $nit, '... as many memory iterations as events');
    is($j[0][0]{Sys::Virt::Domain::JOB_MEMORY_REMAINING()}, 0, '... nothing remaining');
}
quiet('save');

$conn->restore_domain($save);
wait_lc([$C{RESUMED}, $C{RESUMED_FROM_SNAPSHOT}], 'restore');
lc_is($ga, [[$C{STARTED}, $C{STARTED_RESTORED}], [$C{RESUMED}, $C{RESUMED_FROM_SNAPSHOT}]], 'restore');
# The agent channel: disconnected at the start of the new QEMU, and again
# when its virtio-serial state is loaded (the port's VSERPORT_CHANGE).
my @AGENT_LOADED = ([Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED,
                     Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_REASON_DOMAIN_STARTED],
                    [Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED,
                     Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_REASON_CHANNEL]);
wait_n('AGENT_LIFECYCLE', 2, 'restore');
is_deeply([dargs('AGENT_LIFECYCLE', $ga, 'restore')], [@AGENT_LOADED],
          'restore: AGENT_LIFECYCLE ($state, $reason): DISCONNECTED/DOMAIN_STARTED, DISCONNECTED/CHANNEL');
quiet('restore');

# ---- internal snapshot with memory, and revert -----------------------------
my $snap = $ga->create_snapshot("<domainsnapshot><name>s1</name><disks><disk name='vda' snapshot='internal'/>"
    . "<disk name='hdc' snapshot='no'/><disk name='hdd' snapshot='no'/></disks></domainsnapshot>", 0);
wait_lc([$C{RESUMED}, $C{RESUMED_UNPAUSED}], 'snapshot');
lc_is($ga, [[$C{SUSPENDED}, $C{SUSPENDED_PAUSED}], [$C{RESUMED}, $C{RESUMED_UNPAUSED}]], 'snapshot');
iterations($ga, 'snapshot');
quiet('snapshot');
$snap->revert_to(0);
wait_lc([$C{DEFINED}, $C{DEFINED_FROM_SNAPSHOT}], 'revert');
wait_n('AGENT_LIFECYCLE', 2, 'revert');
lc_is($ga, [[$C{STOPPED}, $C{STOPPED_FROM_SNAPSHOT}], [$C{STARTED}, $C{STARTED_FROM_SNAPSHOT}],
           [$C{RESUMED}, $C{RESUMED_FROM_SNAPSHOT}], [$C{DEFINED}, $C{DEFINED_FROM_SNAPSHOT}]], 'revert',
      $SHUTDOWN_HOST);
is_deeply([dargs('AGENT_LIFECYCLE', $ga, 'revert')], [@AGENT_LOADED], 'revert: AGENT_LIFECYCLE as for restore');
$snap->delete(0);
quiet('revert');

# ---- pvpanic ---------------------------------------------------------------
# on_crash is destroy. QEMU pauses the guest when it panics, which libvirt
# may report as SUSPENDED_PAUSED before it handles the panic.
hmp($s, $ga, 'o/b 0x505 1');
wait_lc([$C{STOPPED}, $C{STOPPED_CRASHED}], 'panic');
lc_is($ga, [[$C{CRASHED}, $C{CRASHED_PANICKED}], [$C{STOPPED}, $C{STOPPED_CRASHED}]], 'panic',
      [$C{SUSPENDED}, $C{SUSPENDED_PAUSED}]);
quiet('panic');

# ---- S4 and S5 through PM1_CNT ---------------------------------------------
start_a('start for S4');
hmp($s, $ga, 'o/h 0x604 0x2800', powers_off => 1);    # SLP_TYP 2 (QEMU's S4 value)
wait_lc([$C{STOPPED}, $C{STOPPED_SHUTDOWN}], 'S4');
wait_n('PMSUSPEND_DISK', 1, 'S4');
is_deeply([dargs('PMSUSPEND_DISK', $ga, 'S4')], [[0]], 'PMSUSPEND_DISK: ($reason) 0');
lc_is($ga, [[$C{PMSUSPENDED}, $C{PMSUSPENDED_DISK}], [$C{SHUTDOWN}, $C{SHUTDOWN_GUEST}],
           [$C{STOPPED}, $C{STOPPED_SHUTDOWN}]], 'S4');
quiet('S4');

start_a('start for S5');
hmp($s, $ga, 'o/h 0x604 0x2000', powers_off => 1);    # SLP_TYP 0: soft off
wait_lc([$C{STOPPED}, $C{STOPPED_SHUTDOWN}], 'S5');
lc_is($ga, [[$C{SHUTDOWN}, $C{SHUTDOWN_GUEST}], [$C{STOPPED}, $C{STOPPED_SHUTDOWN}]], 'S5');
quiet('S5');

$ga->undefine;
wait_lc([$C{UNDEFINED}, $C{UNDEFINED_REMOVED}], 'undefine');
lc_is($ga, [[$C{UNDEFINED}, $C{UNDEFINED_REMOVED}]], 'undefine');
quiet('undefine');

# ============================================================================
# Guest B: a live migration to the target daemon, throttled to 1 MiB/s.
# ============================================================================
{
    my $img = "$images/$P-b.qcow2";
    push @files, $img;
    SysVirtQemu::make_disk($img);
    my $b = $conn->create_domain(SysVirtQemu::guest_xml(name => $gB, disk => $img));
    wait_lc([$C{STARTED}, $C{STARTED_BOOTED}], 'start B');
    lc_is($b, [@BOOT], 'start B');
    quiet('start B');

    my $flags = Sys::Virt::Domain::MIGRATE_LIVE | Sys::Virt::Domain::MIGRATE_UNSAFE;
    my $params = { Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => 1 };
    # virDomainMigrate3 refuses peer-to-peer; migrate_to_uri does it.
    virt_error_is(error_of { $b->migrate($tconn, $params, $flags | Sys::Virt::Domain::MIGRATE_PEER2PEER) },
                  Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN,
                  'use virDomainMigrateToURI3 for peer-to-peer migration',
                  'migrate() with MIGRATE_PEER2PEER: ERR_INVALID_ARG');
    $b->migrate_to_uri($s->{target_tcp_uri}, $params, $flags | Sys::Virt::Domain::MIGRATE_PEER2PEER);
    wait_lc([$C{STOPPED}, $C{STOPPED_MIGRATED}], 'migration');
    wait_n('JOB_COMPLETED', 1, 'migration');
    wait_n('TARGET', 2, 'migration (target)');
    lc_is($b, [[$C{SUSPENDED}, $C{SUSPENDED_MIGRATED}], [$C{STOPPED}, $C{STOPPED_MIGRATED}]], 'migration');
    my $n = iterations($b, 'migration');
    my @j = dargs('JOB_COMPLETED', $b, 'migration');
    is(scalar @j, 1, 'one JOB_COMPLETED');
    my $st = $j[0][0];
    is(ref $st, 'HASH', 'JOB_COMPLETED: (\%params)');
    is($st->{Sys::Virt::Domain::JOB_OPERATION()}, Sys::Virt::Domain::JOB_OPERATION_MIGRATION_OUT, '... operation MIGRATION_OUT');
    is($st->{Sys::Virt::Domain::JOB_MEMORY_ITERATION()}, $n, '... memory_iteration as the iteration events');
    is($st->{Sys::Virt::Domain::JOB_DATA_REMAINING()}, 0, '... no data remaining');
    is($st->{Sys::Virt::Domain::JOB_DISK_TOTAL()}, 0, '... no disk copied');
    is($st->{Sys::Virt::Domain::JOB_MEMORY_PAGE_SIZE()}, 4096, '... 4 KiB pages');
    cmp_ok($st->{Sys::Virt::Domain::JOB_MEMORY_TOTAL()}, '>=', 32 * 1024 * 1024, '... memory_total covers the 32 MiB guest');
    cmp_ok($st->{Sys::Virt::Domain::JOB_MEMORY_TOTAL()}, '<', 64 * 1024 * 1024, '... and not more than twice that');
    cmp_ok($st->{Sys::Virt::Domain::JOB_TIME_ELAPSED()}, '>', 0, '... time_elapsed > 0');
    cmp_ok($st->{Sys::Virt::Domain::JOB_DOWNTIME()}, '>', 0, '... downtime > 0');

    my $tb = $tconn->get_domain_by_name($gB);
    is_deeply([dargs('TARGET', $tb, 'migration (target)', $tconn)],
              [[$C{STARTED}, $C{STARTED_MIGRATED}], [$C{RESUMED}, $C{RESUMED_MIGRATED}]],
              'target: STARTED_MIGRATED, RESUMED_MIGRATED');
    is($tb->get_uuid_string, $b->get_uuid_string, 'the same guest on the target');
    quiet('migration');
    $tb->destroy;
    ok(pump_until(30, sub { grep { "@{$_->{args}}" eq "@{$DESTROYED[0]}" } @{$got{TARGET} || []} }),
       'target: destroyed');
    my @t = dargs('TARGET', $tb, 'target destroy', $tconn);
    shift @t if @t && "@{$t[0]}" eq "@$SHUTDOWN_HOST";
    is_deeply(\@t, [@DESTROYED], 'target: STOPPED_DESTROYED');
    quiet('target destroy');
}

# ============================================================================
# Guest C: every data read of its disk fails (qemu-nbd over blkdebug).
# ============================================================================
{
    my $img = "$images/$P-c.qcow2";
    my $cfg = "$images/$P-c.blkdebug";
    my $sock = "$images/$P-c.nbd";
    my $nbdlog = "$images/$P-c.nbd.log";
    push @files, $img, $cfg, $sock, $nbdlog;
    unlink $sock;
    SysVirtQemu::make_disk($img);
    open(my $fh, '>', $cfg) or die "$cfg: $!";
    print $fh qq{[inject-error]\nevent = "read_aio"\nerrno = "5"\n};
    close $fh;
    $nbd_pid = fork // die "fork: $!";
    if (!$nbd_pid) {
        open(STDOUT, '>', $nbdlog); open(STDERR, '>&', \*STDOUT);
        exec('qemu-nbd', '--image-opts',
             "driver=qcow2,file.driver=blkdebug,file.config=$cfg,file.image.driver=file,file.image.filename=$img",
             '-k', $sock, '-x', "$P-export", '-t', '--cache=none');
        exit 127;
    }
    ok(pump_until(10, sub { -S $sock }), 'qemu-nbd serves the failing disk');
    my $c = $conn->create_domain(SysVirtQemu::guest_xml(name => $gC, devices => <<"XML"));
    <disk type='network' device='disk'>
      <driver name='qemu' type='raw' error_policy='stop' rerror_policy='stop'/>
      <source protocol='nbd' name='$P-export'>
        <host transport='unix' socket='$sock'/>
      </source>
      <target dev='vda' bus='virtio'/>
    </disk>
XML
    wait_lc([$C{SUSPENDED}, $C{SUSPENDED_IOERROR}], 'I/O error');
    wait_n('IO_ERROR', 1, 'I/O error');
    wait_n('IO_ERROR_REASON', 1, 'I/O error');
    lc_is($c, [@BOOT, [$C{SUSPENDED}, $C{SUSPENDED_IOERROR}]], 'I/O error');
    # The source of an NBD disk is its export name; libvirt 9.0 passes no
    # reason text.
    is_deeply([dargs('IO_ERROR', $c, 'I/O error')],
              [["$P-export", 'virtio-disk0', Sys::Virt::Domain::EVENT_IO_ERROR_PAUSE]],
              'IO_ERROR: ($srcpath, $devalias, $action PAUSE)');
    is_deeply([dargs('IO_ERROR_REASON', $c, 'I/O error')],
              [["$P-export", 'virtio-disk0', Sys::Virt::Domain::EVENT_IO_ERROR_PAUSE, '']],
              'IO_ERROR_REASON: ($srcpath, $devalias, $action, $reason "")');
    is_deeply([$c->get_state], [Sys::Virt::Domain::STATE_PAUSED, Sys::Virt::Domain::STATE_PAUSED_IOERROR],
              'paused on the I/O error');
    quiet('I/O error');
    $c->destroy;
    wait_lc($DESTROYED[0], 'destroy C');
    lc_is($c, [@DESTROYED], 'destroy C', $SHUTDOWN_HOST);
    quiet('destroy C');
    kill 'TERM', $nbd_pid;
    waitpid $nbd_pid, 0;
    undef $nbd_pid;
}

# ============================================================================
# Network, storage pool, secret (and node device) events.
# ============================================================================
# oargs(KEY, TYPE, ID, WHAT): the KEY events' argument lists, after checking
# that each came with ($conn, an object of TYPE whose name/UUID is ID).
sub oargs {
    my ($key, $type, $id, $what) = @_;
    my @e = grep { $_->{id} eq $id } take($key);
    my @bad = grep { !($_->{conn} == $conn && $_->{ref} eq $type) } @e;
    ok(@e && !@bad, "$what: $key callback got (\$conn, a $type)");
    return map { $_->{args} } @e;
}
sub owait {
    my ($key, $id, $n, $what) = @_;
    ok(pump_until(30, sub { grep({ $_->{id} eq $id } @{$got{$key} || []}) >= $n }), "$what: $n $key event(s)");
}
{
    # A bridged network needs no bridge, dnsmasq or firewall of its own.
    my $bridge = substr("sv57b$$", 0, 15);
    my $net = $conn->define_network("<network><name>$netname</name><forward mode='bridge'/>"
                                    . "<bridge name='$bridge'/></network>");
    $net->create;
    $net->destroy;
    $net->undefine;
    owait('NET', $netname, 4, 'network');
    is_deeply([oargs('NET', 'Sys::Virt::Network', $netname, 'network')],
              [map { [Sys::Virt::Network->can("EVENT_$_")->(), 0] } qw(DEFINED STARTED STOPPED UNDEFINED)],
              'network lifecycle: ($event, $detail) DEFINED, STARTED, STOPPED, UNDEFINED');

    mkdir $pooldir;
    my $pool = $conn->define_storage_pool("<pool type='dir'><name>$poolname</name>"
                                          . "<target><path>$pooldir</path></target></pool>");
    $pool->create;
    $pool->refresh;
    $pool->destroy;
    $pool->undefine;
    owait('POOL', $poolname, 4, 'pool');
    owait('POOLREFRESH', $poolname, 1, 'pool');
    is_deeply([oargs('POOL', 'Sys::Virt::StoragePool', $poolname, 'pool')],
              [map { [Sys::Virt::StoragePool->can("EVENT_$_")->(), 0] } qw(DEFINED STARTED STOPPED UNDEFINED)],
              'pool lifecycle: ($event, $detail) DEFINED, STARTED, STOPPED, UNDEFINED');
    is_deeply([oargs('POOLREFRESH', 'Sys::Virt::StoragePool', $poolname, 'pool refresh')], [[]],
              'pool refresh: no extra argument');

    my $sec = $conn->define_secret("<secret ephemeral='no' private='no'><usage type='volume'>"
                                   . "<volume>$secret_usage</volume></usage></secret>");
    my $uuid = $sec->get_uuid_string;
    $sec->set_value('sekrit');
    $sec->undefine;
    owait('SECRET', $uuid, 2, 'secret');
    owait('SECRETVALUE', $uuid, 1, 'secret');
    is_deeply([oargs('SECRET', 'Sys::Virt::Secret', $uuid, 'secret')],
              [map { [Sys::Virt::Secret->can("EVENT_$_")->(), 0] } qw(DEFINED UNDEFINED)],
              'secret lifecycle: ($event, $detail) DEFINED, UNDEFINED');
    is_deeply([oargs('SECRETVALUE', 'Sys::Virt::Secret', $uuid, 'secret value')], [[]],
              'secret value changed: no extra argument');

    # Node devices: no udev daemon here, so none of the taps the guests got
    # produced an event; an mdev definition, which would, is refused.
    is_deeply([map { $total{$_} // 0 } qw(NODEDEV NODEDEVUPDATE)], [0, 0],
              'no node device event all along (no udev daemon)');
    my $mdev_err = error_of { $conn->define_node_device("<device><parent>computer</parent>"
                      . "<capability type='mdev'><type id='sysvirt'/></capability></device>") };
    if (SysVirtQemu::client_version() >= 7_003_000) {
        virt_error_is($mdev_err, Sys::Virt::Error::ERR_PARSE_FAILED, Sys::Virt::Error::FROM_NODEDEV,
                      "failed to parse configuration file Unable to find address for parent device 'computer'",
                      'define_node_device of an mdev: refused');
    } else {    # virNodeDeviceDefineXML is libvirt 7.3.0: an older client has none
        SysVirtQemu::too_new_is($mdev_err, 'virNodeDeviceDefineXML', '7.3.0', 'define_node_device');
    }
    quiet('network, pool, secret');
}

# Every domain event ID was received, except the three never produced here
# (see the top of the file).
is_deeply([grep { !$total{$_} } @ID_NAMES], [qw(CONTROL_ERROR MEMORY_FAILURE MEMORY_DEVICE_SIZE_CHANGE)],
          'events of 24 IDs received; none of CONTROL_ERROR, MEMORY_FAILURE, MEMORY_DEVICE_SIZE_CHANGE');

# ============================================================================
# Deregistration: the old callbacks stay silent while new ones get the events.
# ============================================================================
my @ret = map { $conn->domain_event_deregister_any($cbid{$_}) } grep { defined $cbid{$_} } @ID_NAMES;
is(scalar @ret, 0, "domain_event_deregister_any of the $NREG callbacks returns nothing");
$conn->domain_event_deregister;
$tconn->domain_event_deregister_any($tcb);
$conn->network_event_deregister_any($ocb{NET});
$conn->storage_pool_event_deregister_any($ocb{$_}) for qw(POOL POOLREFRESH);
$conn->secret_event_deregister_any($ocb{$_}) for qw(SECRET SECRETVALUE);
$conn->node_device_event_deregister_any($ocb{$_}) for qw(NODEDEV NODEDEVUPDATE);
%got = ();

my @late;
my $late_d = $conn->domain_event_register_any(undef, $ID{LIFECYCLE},
    sub { push @late, ['dom', $_[1]->get_name, $_[2]] if $mine{$_[1]->get_name} });
my $late_n = $conn->network_event_register_any(undef, $N->EVENT_ID_LIFECYCLE,
    sub { push @late, ['net', $_[1]->get_name, $_[2]] if $mynet->($_[1]) });
my $late_p = $conn->storage_pool_event_register_any(undef, $SP->EVENT_ID_LIFECYCLE,
    sub { push @late, ['pool', $_[1]->get_name, $_[2]] if $mypool->($_[1]) });
my $late_s = $conn->secret_event_register_any(undef, $SE->EVENT_ID_LIFECYCLE,
    sub { push @late, ['secret', $_[2]] if $mysecret->($_[1]) });
{
    my $d = $conn->define_domain(SysVirtQemu::guest_xml(name => "$P-late"));
    $d->undefine;
    $conn->define_network("<network><name>$netname</name><forward mode='bridge'/>"
                          . "<bridge name='sv57late'/></network>")->undefine;
    $conn->define_storage_pool("<pool type='dir'><name>$poolname</name>"
                               . "<target><path>$pooldir</path></target></pool>")->undefine;
    $conn->define_secret("<secret ephemeral='no' private='no'><usage type='volume'>"
                         . "<volume>$secret_usage</volume></usage></secret>")->undefine;
}
ok(pump_until(30, sub { @late >= 8 }), 'new callbacks get define/undefine events');
my %L = (dom => [map { Sys::Virt::Domain->can("EVENT_$_")->() } qw(DEFINED UNDEFINED)],
         net => [map { Sys::Virt::Network->can("EVENT_$_")->() } qw(DEFINED UNDEFINED)],
         pool => [map { Sys::Virt::StoragePool->can("EVENT_$_")->() } qw(DEFINED UNDEFINED)],
         secret => [map { Sys::Virt::Secret->can("EVENT_$_")->() } qw(DEFINED UNDEFINED)]);
is_deeply(\@late, [(map { ['dom', "$P-late", $_] } @{$L{dom}}), (map { ['net', $netname, $_] } @{$L{net}}),
                   (map { ['pool', $poolname, $_] } @{$L{pool}}), (map { ['secret', $_] } @{$L{secret}})],
          '... exactly those') or diag explain \@late;
is_deeply(\%got, {}, 'no deregistered callback fired (domain IDs, old style, target, network, pool, secret, node device)')
    or diag explain { map { $_ => scalar @{$got{$_}} } keys %got };
$conn->domain_event_deregister_any($late_d);
$conn->network_event_deregister_any($late_n);
$conn->storage_pool_event_deregister_any($late_p);
$conn->secret_event_deregister_any($late_s);
Sys::Virt::Event::remove_timeout($tick);

note(sprintf('events of other guests ignored: %d; wall time %.1f s', $foreign // 0, Time::HiRes::time() - $T0));
done_testing();

# Whatever happened (END blocks run after a die too), no guest, object,
# process or file of this test stays behind. It sits here to see every
# lexical holding a libvirt object: they, the callbacks and the
# connections are dropped before SysVirtQemu's END stops a stack it
# started.
END {
    my $rc = $?;
    for my $c (grep { defined } $conn, $tconn) {
        for my $n (sort keys %mine) {
            my $d = eval { $c->get_domain_by_name($n) } or next;
            eval { $d->destroy } if eval { $d->is_active };
            eval { $_->delete(Sys::Virt::DomainSnapshot::DELETE_METADATA_ONLY) }
                for eval { $d->list_all_snapshots };
            eval { $d->undefine(Sys::Virt::Domain::UNDEFINE_MANAGED_SAVE) };
        }
    }
    if ($conn) {
        if (my $n = eval { $conn->get_network_by_name($netname) }) {
            eval { $n->destroy }; eval { $n->undefine };
        }
        if (my $p = eval { $conn->get_storage_pool_by_name($poolname) }) {
            eval { $p->destroy }; eval { $p->undefine };
        }
        if (my $x = eval { $conn->get_secret_by_usage(Sys::Virt::Secret::USAGE_TYPE_VOLUME, $secret_usage) }) {
            eval { $x->undefine };
        }
        eval { $conn->domain_event_deregister_any($_) } for values %cbid;
        eval { $conn->domain_event_deregister };
        eval { $conn->network_event_deregister_any($ocb{NET}) };
        eval { $conn->storage_pool_event_deregister_any($ocb{$_}) } for qw(POOL POOLREFRESH);
        eval { $conn->secret_event_deregister_any($ocb{$_}) } for qw(SECRET SECRETVALUE);
        eval { $conn->node_device_event_deregister_any($ocb{$_}) } for qw(NODEDEV NODEDEVUPDATE);
    }
    eval { $tconn->domain_event_deregister_any($tcb) } if $tconn;
    if ($nbd_pid) { kill 'TERM', $nbd_pid; waitpid $nbd_pid, 0 }
    unlink grep { defined } @files;
    rmdir $pooldir if -d $pooldir;
    %got = ();
    undef $_ for $ga, $snap, $conn, $tconn;
    $? = $rc;
}
