# The life of real QEMU guests (TCG, the boot sector of SysVirtQemu), as
# seen through Sys::Virt::Domain: a transient guest (create_domain) is
# paused, resumed, reset (by libvirt and by Ctrl+Alt+Del sent with
# send_key), asked to reboot and shut down (which the boot sector ignores,
# and the banner on its serial console keeps coming), photographed,
# dumped, given and relieved of disks and vCPUs, then destroyed
# gracefully; a persistent guest (define_domain) is started, managed-saved,
# restored, destroyed and undefined. Every state is read back through
# get_state/get_info, and what cannot work without a guest OS or agent is
# asserted by its exact libvirt error.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use JSON::PP ();

use Sys::Virt;
use Sys::Virt::Event;
use SysVirtQemu qw(virt_error_is error_of pump_until banners_in banner_count);

my $s = SysVirtQemu::skip_unless_stack();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

# Events (reboot, lifecycle) and non-blocking console reads need an event
# loop registered before the connection is opened; the 100 ms timer makes
# every run_default() return soon, so polls keep their deadlines.
Sys::Virt::Event::register_default();
my $tick = Sys::Virt::Event::add_timeout(100, sub { });

my $conn = Sys::Virt->new(uri => $s->{uri});
is($conn->get_type, 'QEMU', 'connected to the QEMU driver');

use constant {
    DEADLINE => 30,
    BANNER   => $SysVirtQemu::BANNER,
};

my $tname = "sv51t-$$";             # the transient guest
my $pname = "sv51p-$$";             # the persistent guest
my $imgdir = "$s->{dir}/images";
my %file = (
    timg  => "$imgdir/$tname.qcow2",
    tlog  => "$imgdir/$tname.serial.log",
    pimg  => "$imgdir/$pname.qcow2",
    plog  => "$imgdir/$pname.serial.log",
    disk2 => "$imgdir/$tname-extra.qcow2",
    core  => "$imgdir/$tname.core",
);
my @streams;

# read_banners(STREAM, N): reads the non-blocking console STREAM until N
# complete banner lines have arrived (or DEADLINE); returns the text read.
sub read_banners {
    my ($st, $n) = @_;
    my $buf = '';
    pump_until(DEADLINE, sub {
        while (1) {
            my $data;
            my $got = $st->recv($data, 4096);
            last if $got <= 0;          # -2: nothing yet; 0: end of stream
            $buf .= $data;
        }
        return banners_in($buf) >= $n;
    });
    return $buf;
}

# drain(STREAM): discards what the console has delivered so far.
sub drain {
    my ($st) = @_;
    Sys::Virt::Event::run_default();
    my $data;
    1 while $st->recv($data, 4096) > 0;
}

sub slurp_head {
    my ($path, $len) = @_;
    open my $fh, '<:raw', $path or return '';
    my $head = '';
    read $fh, $head, $len;
    return $head;
}

use constant {
    FROM_QEMU   => Sys::Virt::Error::FROM_QEMU,
    FROM_DOMAIN => Sys::Virt::Error::FROM_DOMAIN,
    FROM_DOM    => Sys::Virt::Error::FROM_DOM,
    NO_AGENT    => qr/^argument unsupported: QEMU guest agent is not configured$/,
};

# =================================================== the transient guest
SysVirtQemu::make_disk($file{timg});
my $dom = $conn->create_domain(SysVirtQemu::guest_xml(
    name => $tname, disk => $file{timg}, serial_log => $file{tlog},
    vcpus => 1, maxvcpus => 2,
    devices => "    <controller type='scsi' model='virtio-scsi'/>\n"));
isa_ok($dom, 'Sys::Virt::Domain', 'create_domain');
is($dom->get_name, $tname, 'its name');

my @events;
my @callbacks;
push @callbacks, $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_REBOOT,
                                                 sub { push @events, ['reboot'] });
push @callbacks, $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
                                                 sub { push @events, ['lifecycle', $_[2], $_[3]] });

# flush_events(): events arrive in order, so once the resume of a
# suspend/resume pair is reported every earlier event (e.g. the second
# reset SeaBIOS does after a reboot) has been too: start from a clean slate.
sub flush_events {
    $dom->suspend;
    $dom->resume;
    ok(pump_until(DEADLINE, sub { grep { $_->[0] eq 'lifecycle' && $_->[1] == Sys::Virt::Domain::EVENT_RESUMED } @events }),
       'events flushed by a suspend/resume pair');
    @events = ();
}

# --- the running guest as libvirt describes it
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_BOOTED],
          'get_state: running, booted');
is(scalar $dom->get_state, Sys::Virt::Domain::STATE_RUNNING_BOOTED, 'get_state in scalar context: the reason');
my $id = $dom->get_id;
cmp_ok($id, '>', 0, "get_id > 0 while running ($id)");
is_deeply([$dom->is_active, $dom->is_persistent, $dom->is_updated], [1, 0, 0],
          'is_active 1, is_persistent 0, is_updated 0');
is($dom->get_os_type, 'hvm', 'get_os_type');
is($dom->get_max_memory, 32768, 'get_max_memory: the XML\'s 32 MiB in KiB');
is($dom->get_max_vcpus, 2, 'get_max_vcpus: the <vcpu> maximum');
is($dom->get_vcpus, 1, 'get_vcpus: the current count');
is($dom->has_managed_save_image, 0, 'has_managed_save_image: none');
is_deeply($dom->get_control_info,
          { state => Sys::Virt::Domain::CONTROL_OK, details => 0, stateTime => 0 },
          'get_control_info: monitor OK');
is_deeply($dom->get_launch_security_info, {}, 'get_launch_security_info: no SEV, empty hash');

my $info = $dom->get_info;
is_deeply([sort keys %$info], [qw(cpuTime maxMem memory nrVirtCpu state)], 'get_info keys');
is($info->{state}, Sys::Virt::Domain::STATE_RUNNING, 'get_info state: running');
is($info->{maxMem}, 32768, 'get_info maxMem (KiB)');
is($info->{memory}, 32768, 'get_info memory (KiB)');
is($info->{nrVirtCpu}, 1, 'get_info nrVirtCpu');
cmp_ok($info->{cpuTime}, '>', 0, 'get_info cpuTime > 0');
my $cpu0 = $info->{cpuTime};
ok(pump_until(DEADLINE, sub { $dom->get_info->{cpuTime} > $cpu0 }), 'cpuTime grows');

# --- the serial console: the boot sector's banner, once a second
my $con = $conn->new_stream(Sys::Virt::Stream::NONBLOCK);
push @streams, $con;
is_deeply([$dom->open_console($con, undef, 0)], [], 'open_console returns nothing');
like(read_banners($con, 1), qr/\Q${\BANNER}\E\r\n/, 'the banner arrives on the console stream');

# --- suspend / resume
is_deeply([$dom->suspend], [], 'suspend');
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_PAUSED, Sys::Virt::Domain::STATE_PAUSED_USER],
          'get_state: paused by the user');
is($dom->get_info->{state}, Sys::Virt::Domain::STATE_PAUSED, 'get_info state: paused');
is_deeply([$dom->resume], [], 'resume');
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_UNPAUSED],
          'get_state: running, unpaused');
ok(pump_until(DEADLINE, sub { grep { $_->[0] eq 'lifecycle' && $_->[1] == Sys::Virt::Domain::EVENT_RESUMED } @events }),
   'lifecycle events of the pause arrived');
is_deeply([@events],
          [['lifecycle', Sys::Virt::Domain::EVENT_SUSPENDED, Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED],
           ['lifecycle', Sys::Virt::Domain::EVENT_RESUMED, Sys::Virt::Domain::EVENT_RESUMED_UNPAUSED]],
          'suspended/paused then resumed/unpaused');
@events = ();

# --- reset: the virtual hardware restarts at once (a reboot event)
is_deeply([$dom->reset], [], 'reset');
ok(pump_until(DEADLINE, sub { grep { $_->[0] eq 'reboot' } @events }), 'reset: the reboot event arrives');
is($dom->get_state, Sys::Virt::Domain::STATE_RUNNING_UNPAUSED, 'still running after the reset');
is($dom->get_id, $id, 'same QEMU process (id) after the reset');
# The keyboard works once SeaBIOS has booted the boot sector again: of two
# banners read after the reset event, the second was printed after it.
drain($con);
cmp_ok(banners_in(read_banners($con, 2)), '>=', 2, 'the boot sector runs again after the reset');
flush_events();

# --- send_key: Ctrl+Alt+Del (Linux key codes 29, 56, 111) makes SeaBIOS
# reset the machine, which proves the keys reached the guest's keyboard.
is_deeply([$dom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX, 50, [29, 56, 111])], [],
          'send_key Ctrl+Alt+Del');
ok(pump_until(DEADLINE, sub { grep { $_->[0] eq 'reboot' } @events }),
   'the BIOS rebooted on Ctrl+Alt+Del (reboot event)');
is_deeply([$dom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX, 20, [30, 48])], [], 'send_key "a", "b"');
virt_error_is(error_of { $dom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX, 20, [100000]) },
              Sys::Virt::Error::ERR_INTERNAL_ERROR, FROM_QEMU,
              qr/cannot translate keycode 100000 of linux codeset to qnum keycode/,
              'send_key of an unknown key code');
virt_error_is(error_of { $dom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX, 20, []) },
              Sys::Virt::Error::ERR_INVALID_ARG, FROM_DOMAIN,
              qr/nkeycodes in virDomainSendKey must be greater than zero/, 'send_key of no key');

# A clean slate after the Ctrl+Alt+Del reset.
drain($con);
like(read_banners($con, 1), qr/\Q${\BANNER}\E\r\n/, 'the boot sector prints after the resets');
flush_events();

# --- reboot and shutdown: the boot sector ignores ACPI, so libvirt's
# requests return OK and nothing happens; the flags that need an agent,
# initctl, a signal or paravirt are refused by the QEMU driver.
is_deeply([$dom->reboot], [], 'reboot (default: ACPI, no agent) returns OK');
is_deeply([$dom->reboot(Sys::Virt::Domain::REBOOT_ACPI_POWER_BTN)], [], 'reboot(REBOOT_ACPI_POWER_BTN) returns OK');
is_deeply([$dom->shutdown], [], 'shutdown returns OK');
is_deeply([$dom->shutdown(Sys::Virt::Domain::SHUTDOWN_ACPI_POWER_BTN)], [], 'shutdown(SHUTDOWN_ACPI_POWER_BTN) returns OK');
virt_error_is(error_of { $dom->reboot(Sys::Virt::Domain::REBOOT_GUEST_AGENT) },
              Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, FROM_QEMU, NO_AGENT, 'reboot(REBOOT_GUEST_AGENT)');
virt_error_is(error_of { $dom->shutdown(Sys::Virt::Domain::SHUTDOWN_GUEST_AGENT) },
              Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, FROM_QEMU, NO_AGENT, 'shutdown(SHUTDOWN_GUEST_AGENT)');
for my $f (qw(INITCTL SIGNAL PARAVIRT)) {
    no strict 'refs';
    my $rf = &{"Sys::Virt::Domain::REBOOT_$f"}();
    my $sf = &{"Sys::Virt::Domain::SHUTDOWN_$f"}();
    virt_error_is(error_of { $dom->reboot($rf) }, Sys::Virt::Error::ERR_INVALID_ARG, FROM_QEMU,
                  qr/^unsupported flags \(0x${\sprintf '%x', $rf}\) in function qemuDomainReboot$/, "reboot(REBOOT_$f)");
    virt_error_is(error_of { $dom->shutdown($sf) }, Sys::Virt::Error::ERR_INVALID_ARG, FROM_QEMU,
                  qr/^unsupported flags \(0x${\sprintf '%x', $sf}\) in function qemuDomainShutdownFlags$/, "shutdown(SHUTDOWN_$f)");
}
# The guest keeps running: two more banners after the requests (the
# second printed a second after the first), state unchanged, and no
# reboot or lifecycle event before the marker suspend below.
drain($con);
my $after = read_banners($con, 2);
cmp_ok(banners_in($after), '>=', 2, 'the guest keeps printing after reboot/shutdown');
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_UNPAUSED],
          'still running, unpaused');
$dom->suspend;
ok(pump_until(DEADLINE, sub { grep { $_->[0] eq 'lifecycle' } @events }), 'marker: suspend event');
is_deeply($events[0], ['lifecycle', Sys::Virt::Domain::EVENT_SUSPENDED, Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED],
          'no reboot or shutdown happened before the marker');
$dom->resume;
@events = ();

# --- screenshot: a PNG of the 720x400 VGA text screen
my $shot = $conn->new_stream;
push @streams, $shot;
my $mime = $dom->screenshot($shot, 0);
is($mime, 'image/png', 'screenshot: MIME type');
my $png = '';
$shot->recv_all(sub { my ($st, $data, $n) = @_; $png .= $data; return $n });
is_deeply([$shot->finish], [], 'screenshot stream finished');
is(substr($png, 0, 8), "\x89PNG\r\n\x1a\n", 'PNG signature');
is(substr($png, 12, 4), 'IHDR', 'first chunk IHDR');
is_deeply([unpack 'NN', substr($png, 16, 8)], [720, 400], 'image is 720x400 (VGA text mode)');
cmp_ok(length $png, '>', 100, 'image size plausible (> 100 bytes)');
cmp_ok(length $png, '<', 1_000_000, 'image size plausible (< 1 MB)');
virt_error_is(error_of { $dom->screenshot($conn->new_stream, 1) }, Sys::Virt::Error::ERR_OPERATION_INVALID, FROM_QEMU,
              qr/no such screen ID/, 'screenshot of screen 1 (there is one head)');

# --- core dumps
is_deeply([$dom->core_dump($file{core})], [], 'core_dump (default: QEMU migration stream)');
cmp_ok(-s $file{core} // 0, '>', 1024 * 1024, 'dump file written (> 1 MiB)');
is(slurp_head($file{core}, 8), "QEVM\0\0\0\3", 'it starts with QEMU\'s QEVM v3 header');
unlink $file{core};
is_deeply([$dom->core_dump($file{core}, Sys::Virt::Domain::DUMP_MEMORY_ONLY)], [], 'core_dump(DUMP_MEMORY_ONLY)');
my $elf = slurp_head($file{core}, 20);
is(substr($elf, 0, 4), "\x7fELF", 'memory-only dump is an ELF file');
is_deeply([unpack 'C C', substr($elf, 4, 2)], [2, 1], 'ELF64, little-endian');
is(unpack('v', substr($elf, 16, 2)), 4, 'e_type ET_CORE');
is(unpack('v', substr($elf, 18, 2)), 3, 'e_machine EM_386: QEMU describes a guest outside long mode (the boot sector runs in real mode) as i386');
cmp_ok(-s $file{core}, '>=', 32 * 1024 * 1024, 'it holds the 32 MiB of guest RAM');
unlink $file{core};
is_deeply([$dom->core_dump_format($file{core}, Sys::Virt::Domain::CORE_DUMP_FORMAT_RAW,
                                  Sys::Virt::Domain::DUMP_MEMORY_ONLY)], [], 'core_dump_format RAW');
is(slurp_head($file{core}, 4), "\x7fELF", 'CORE_DUMP_FORMAT_RAW is ELF');
unlink $file{core};
is_deeply([$dom->core_dump_format($file{core}, Sys::Virt::Domain::CORE_DUMP_FORMAT_KDUMP_ZLIB,
                                  Sys::Virt::Domain::DUMP_MEMORY_ONLY)], [], 'core_dump_format KDUMP_ZLIB');
is(slurp_head($file{core}, 16), "makedumpfile\0\0\0\0", 'kdump in the flattened makedumpfile format');
cmp_ok(-s $file{core}, '<', 32 * 1024 * 1024, 'compressed: smaller than the RAM');
unlink $file{core};
virt_error_is(error_of { $dom->core_dump_format($file{core}, Sys::Virt::Domain::CORE_DUMP_FORMAT_KDUMP_ZLIB) },
              Sys::Virt::Error::ERR_OPERATION_UNSUPPORTED, FROM_QEMU,
              qr/kdump-compressed format is only supported with memory-only dump/, 'kdump without DUMP_MEMORY_ONLY');
# CORE_DUMP_FORMAT_WIN_DMP is libvirt 7.4.0: an older client library
# refuses the format number itself (virDomainCoreDumpWithFormat checks it
# against the formats it knows) before asking the daemon.
if (SysVirtQemu::client_version() >= 7_004_000) {
    virt_error_is(error_of { $dom->core_dump_format($file{core}, Sys::Virt::Domain::CORE_DUMP_FORMAT_WIN_DMP,
                                            Sys::Virt::Domain::DUMP_MEMORY_ONLY) },
                  Sys::Virt::Error::ERR_OPERATION_FAILED, FROM_QEMU,
                  qr/win-dump: invalid vmcoreinfo note size/, 'win-dmp of a guest that is not Windows');
} else {
    virt_error_is(error_of { $dom->core_dump_format($file{core}, Sys::Virt::Domain::CORE_DUMP_FORMAT_WIN_DMP,
                                            Sys::Virt::Domain::DUMP_MEMORY_ONLY) },
                  Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN,
                  "dumpformat '4' is not supported", 'win-dmp: unknown to a client library older than 7.4.0');
}
ok(!-e $file{core} || unlink($file{core}), 'no file left by the failed dumps');
is_deeply([$dom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_UNPAUSED],
          'running again after the dumps');

# --- a second disk: attach, resize, detach. On the virtio-scsi controller
# (and on USB) unplugging needs no guest cooperation; a virtio-blk disk
# would wait for the guest OS to release its PCI slot, which never comes.
SysVirtQemu::make_disk($file{disk2}, size => '8M');
my $disk_xml = sub {
    my ($bus, $dev, $alias) = @_;
    return "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
         . "<source file='$file{disk2}'/><target dev='$dev' bus='$bus'/>"
         . "<alias name='$alias'/></disk>";
};
my $has_alias = sub { my ($a) = @_; scalar($dom->get_xml_description =~ /<alias name='\Q$a\E'\/>/) };
is_deeply([$dom->attach_device($disk_xml->('scsi', 'sdb', 'ua-scsi2'), Sys::Virt::Domain::DEVICE_MODIFY_LIVE)], [],
          'attach_device of a SCSI disk (AFFECT_LIVE)');
like($dom->get_xml_description,
     qr{<disk type='file' device='disk'>\s*<driver name='qemu' type='qcow2'/>\s*<source file='\Q$file{disk2}\E'[^>]*/>.*?<target dev='sdb' bus='scsi'/>\s*<alias name='ua-scsi2'/>}s,
     'the disk is in the live XML');
my $bi = $dom->get_block_info('sdb');
is($bi->{capacity}, 8 * 1024 * 1024, 'get_block_info capacity: 8 MiB');
is_deeply([$dom->block_resize('sdb', 16 * 1024)], [], 'block_resize to 16384 KiB');
is($dom->get_block_info('sdb')->{capacity}, 16 * 1024 * 1024, 'capacity now 16 MiB');
is_deeply([$dom->block_resize('sdb', 24 * 1024 * 1024, Sys::Virt::Domain::BLOCK_RESIZE_BYTES)], [],
          'block_resize to 24 MiB (BLOCK_RESIZE_BYTES)');
is($dom->get_block_info('sdb')->{capacity}, 24 * 1024 * 1024, 'capacity now 24 MiB');
is(eval { JSON::PP::decode_json(scalar `qemu-img info --force-share --output=json '$file{disk2}'`)->{'virtual-size'} },
   24 * 1024 * 1024, 'the qcow2 image itself grew to 24 MiB');
is_deeply([$dom->detach_device_alias('ua-scsi2', Sys::Virt::Domain::DEVICE_MODIFY_LIVE)], [],
          'detach_device_alias');
ok(pump_until(DEADLINE, sub { !$has_alias->('ua-scsi2') }), 'the SCSI disk left the live XML');

my $usb = $disk_xml->('usb', 'sdc', 'ua-usb2');
is_deeply([$dom->attach_device($usb)], [], 'attach_device of a USB disk (flags 0: live)');
ok($has_alias->('ua-usb2'), 'the USB disk is in the live XML');
is_deeply([$dom->detach_device($usb, Sys::Virt::Domain::DEVICE_MODIFY_LIVE)], [], 'detach_device by XML');
ok(pump_until(DEADLINE, sub { !$has_alias->('ua-usb2') }), 'the USB disk left the live XML');

# --- update_device: the interface's link goes down and up again
my ($iface) = $dom->get_xml_description =~ m{(<interface type='ethernet'>.*?</interface>)}s;
ok($iface, 'the guest has an ethernet interface');
my $link = sub { my ($state) = @_; (my $x = $iface) =~ s{</interface>}{<link state='$state'/></interface>}; $x };
is_deeply([$dom->update_device($link->('down'), Sys::Virt::Domain::DEVICE_MODIFY_LIVE)], [], 'update_device: link down');
like($dom->get_xml_description, qr{<interface type='ethernet'>.*?<link state='down'/>.*?</interface>}s, 'the live XML says down');
is_deeply([$dom->update_device($link->('up'))], [], 'update_device: link up');
like($dom->get_xml_description, qr{<interface type='ethernet'>.*?<link state='up'/>.*?</interface>}s, 'the live XML says up');

# --- vCPU hotplug works under TCG; unplug would need the guest OS
is_deeply([$dom->set_vcpus(2, Sys::Virt::Domain::VCPU_LIVE)], [], 'set_vcpus(2, VCPU_LIVE): hotplug');
is($dom->get_vcpus, 2, 'get_vcpus: 2');
is($dom->get_info->{nrVirtCpu}, 2, 'get_info nrVirtCpu: 2');
is(scalar(my @vi = $dom->get_vcpu_info), 2, 'get_vcpu_info: two vCPUs');
is($dom->get_vcpus(Sys::Virt::Domain::VCPU_MAXIMUM | Sys::Virt::Domain::VCPU_LIVE), 2, 'maximum still 2');
virt_error_is(error_of { $dom->set_vcpus(3, Sys::Virt::Domain::VCPU_LIVE) }, Sys::Virt::Error::ERR_INVALID_ARG, FROM_QEMU,
              qr/requested vcpus is greater than max allowable vcpus for the live domain: 3 > 2/, 'set_vcpus above the maximum');
virt_error_is(error_of { $dom->set_vcpus(1, Sys::Virt::Domain::VCPU_LIVE) }, Sys::Virt::Error::ERR_INTERNAL_ERROR, FROM_QEMU,
              qr/unable to execute QEMU command 'device_del': acpi: device unplug request for not supported device type: qemu64-x86_64-cpu/,
              'set_vcpus(1): unplugging the vCPU is refused by QEMU (legacy CPU hotplug without a guest OS)');
is($dom->get_vcpus, 2, 'still 2 vCPUs');

# --- memory: the balloon target is accepted, but the boot sector has no
# balloon driver, so the balloon never moves
is_deeply([$dom->set_memory(24 * 1024)], [], 'set_memory(24 MiB) accepted');
is($dom->get_info->{memory}, 32768, 'memory stays 32 MiB: no balloon driver in the guest');
virt_error_is(error_of { $dom->set_memory(64 * 1024) }, Sys::Virt::Error::ERR_INVALID_ARG, FROM_QEMU,
              qr/cannot set memory higher than max memory/, 'set_memory above the maximum');

# --- what needs a guest agent
virt_error_is(error_of { $dom->get_hostname }, Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, FROM_QEMU, NO_AGENT, 'get_hostname');
virt_error_is(error_of { $dom->get_hostname(Sys::Virt::Domain::GET_HOSTNAME_LEASE) }, Sys::Virt::Error::ERR_NO_HOSTNAME, FROM_QEMU,
              qr/no hostname found for domain \Q$tname\E/, 'get_hostname(GET_HOSTNAME_LEASE): no DHCP lease');
virt_error_is(error_of { $dom->get_time }, Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, FROM_QEMU, NO_AGENT, 'get_time');

# --- destroy(DESTROY_GRACEFUL): QEMU gets SIGTERM and exits; the
# transient guest is gone
$con->abort;
@streams = grep { $_ != $con } @streams;
@events = ();
is_deeply([$dom->destroy(Sys::Virt::Domain::DESTROY_GRACEFUL)], [], 'destroy(DESTROY_GRACEFUL)');
ok(pump_until(DEADLINE, sub { grep { $_->[0] eq 'lifecycle' && $_->[1] == Sys::Virt::Domain::EVENT_STOPPED } @events }),
   'stopped event');
is_deeply((grep { $_->[1] == Sys::Virt::Domain::EVENT_STOPPED } @events)[0],
          ['lifecycle', Sys::Virt::Domain::EVENT_STOPPED, Sys::Virt::Domain::EVENT_STOPPED_DESTROYED], 'stopped: destroyed');
virt_error_is(error_of { $dom->get_state }, Sys::Virt::Error::ERR_NO_DOMAIN, FROM_QEMU,
              qr/no domain with matching uuid/, 'the transient guest no longer exists');
virt_error_is(error_of { $conn->get_domain_by_name($tname) }, Sys::Virt::Error::ERR_NO_DOMAIN, FROM_QEMU,
              qr/no domain with matching name '\Q$tname\E'/, 'not found by name either');

# ================================================== the persistent guest
SysVirtQemu::make_disk($file{pimg});
my $pdom = $conn->define_domain(SysVirtQemu::guest_xml(
    name => $pname, disk => $file{pimg}, serial_log => $file{plog}, memory => 48));
isa_ok($pdom, 'Sys::Virt::Domain', 'define_domain');
is_deeply([$pdom->get_state], [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_UNKNOWN],
          'defined: shut off');
is_deeply($pdom->get_info, { state => Sys::Virt::Domain::STATE_SHUTOFF, maxMem => 49152, memory => 49152,
                             nrVirtCpu => 1, cpuTime => 0 }, 'get_info of the shut-off guest');
is($pdom->get_id, -1, 'get_id -1 while shut off');
is_deeply([$pdom->is_active, $pdom->is_persistent, $pdom->is_updated], [0, 1, 0],
          'is_active 0, is_persistent 1, is_updated 0');
is($pdom->get_max_vcpus, -1, 'get_max_vcpus of a shut-off guest: -1, no exception (as the original)');
virt_error_is(error_of { $pdom->get_control_info }, Sys::Virt::Error::ERR_OPERATION_INVALID, FROM_DOMAIN,
              qr/domain is not running/, 'get_control_info while shut off');
virt_error_is(error_of { $pdom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX, 50, [29, 56, 111]) },
              Sys::Virt::Error::ERR_OPERATION_INVALID, FROM_DOMAIN, qr/domain is not running/, 'send_key while shut off');

is($pdom->get_autostart, 0, 'autostart off');
is_deeply([$pdom->set_autostart(1)], [], 'set_autostart(1)');
is($pdom->get_autostart, 1, 'autostart on');
$pdom->set_autostart(0);
is($pdom->get_autostart, 0, 'autostart off again');

is_deeply([$pdom->create], [], 'create');
is_deeply([$pdom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_BOOTED],
          'running, booted');
cmp_ok($pdom->get_id, '>', 0, 'get_id > 0');
is_deeply([$pdom->is_active, $pdom->is_persistent], [1, 1], 'active and persistent');
is($pdom->get_info->{memory}, 49152, 'get_info memory: 48 MiB');
is($pdom->get_max_vcpus, 1, 'get_max_vcpus: 1');

# set_memory on the saved configuration only
is_deeply([$pdom->set_memory(40960, Sys::Virt::Domain::MEM_CONFIG)], [], 'set_memory(40 MiB, MEM_CONFIG)');
like($pdom->get_xml_description(Sys::Virt::Domain::XML_INACTIVE), qr{<currentMemory unit='KiB'>40960</currentMemory>},
     'the configuration has 40 MiB');
like($pdom->get_xml_description, qr{<currentMemory unit='KiB'>49152</currentMemory>}, 'the live guest keeps 48 MiB');

# The guest really runs (its banner is in the serial log) before the save.
ok(pump_until(DEADLINE, sub { banner_count($file{plog}) >= 1 }),
   'the persistent guest booted');

# A second handle to the same guest, destroyed as a Perl object: its
# calls raise ERR_INVALID_DOMAIN; the guest does not notice.
my $h2 = $conn->get_domain_by_name($pname);
$h2->DESTROY;
for my $m (qw(get_name get_info get_launch_security_info)) {
    virt_error_is(error_of { $h2->$m() }, Sys::Virt::Error::ERR_INVALID_DOMAIN, FROM_DOM,
                  qr/invalid domain pointer in Sys::Virt::Domain::$m/, "$m on a DESTROYed handle");
}
is($pdom->get_state, Sys::Virt::Domain::STATE_RUNNING_BOOTED, 'the guest itself is still running');

# managed save and the restore from it
is_deeply([$pdom->managed_save], [], 'managed_save');
is_deeply([$pdom->get_state], [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_SAVED],
          'shut off, saved');
is($pdom->has_managed_save_image, 1, 'has_managed_save_image: 1');
is_deeply([$pdom->create], [], 'create resumes from the image');
is_deeply([$pdom->get_state], [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_RESTORED],
          'running, restored');
is($pdom->has_managed_save_image, 0, 'the image is consumed');

is_deeply([$pdom->destroy], [], 'destroy');
is_deeply([$pdom->get_state], [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_DESTROYED],
          'shut off, destroyed; still defined');
is($pdom->get_id, -1, 'get_id -1 again');
like($pdom->get_xml_description, qr{<currentMemory unit='KiB'>40960</currentMemory>},
     'the next boot would use the 40 MiB configuration');

# undefine while running: it lives on as a transient guest
$pdom->create;
is_deeply([$pdom->undefine], [], 'undefine while running');
is_deeply([$pdom->is_active, $pdom->is_persistent], [1, 0], 'now transient, still running');
$pdom->destroy;
virt_error_is(error_of { $conn->get_domain_by_name($pname) }, Sys::Virt::Error::ERR_NO_DOMAIN, FROM_QEMU,
              qr/no domain with matching name '\Q$pname\E'/, 'gone after destroy');

done_testing();

# Whatever happens (END blocks run after a die too), no guest, definition
# or file of this test stays behind. It sits here to see every lexical
# holding a domain or stream: they and the connection are dropped before
# SysVirtQemu's END stops a stack it started, so that no late close
# writes to a dead daemon (SIGPIPE).
END {
    my $rc = $?;
    for my $st (@streams) { eval { $st->abort } }
    eval { $conn->domain_event_deregister_any($_) } for @callbacks;
    for my $name ($tname, $pname) {
        my $d = eval { $conn->get_domain_by_name($name) } or next;
        eval { $d->destroy } if eval { $d->is_active };
        eval { $d->undefine(Sys::Virt::Domain::UNDEFINE_MANAGED_SAVE) };
    }
    unlink grep { defined } values %file;
    @streams = ();
    undef $_ for $con, $shot, $dom, $pdom, $h2, $conn;
    $? = $rc;
}
