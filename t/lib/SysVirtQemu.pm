package SysVirtQemu;
# The real libvirt + QEMU stack for the tests that need real guests
# (t/5x-qemu-*.t): two private libvirtd daemons started by .ci/qemu-stack,
# a boot sector that proves a guest really runs, and a domain XML that
# boots it under TCG with QEMU 10 and libvirt 9.0.
#
#   use lib 't/lib';
#   use SysVirtQemu;
#   my $s = SysVirtQemu::skip_unless_stack();       # hash ref, see stack()
#   my $img = "$s->{dir}/images/g1.qcow2";
#   SysVirtQemu::make_disk($img);
#   my $dom = Sys::Virt->new(uri => $s->{uri})->create_domain(
#       SysVirtQemu::guest_xml(name => 'g1', disk => $img,
#                              serial_log => "$s->{dir}/images/g1.log"));
#   # g1.log soon holds "SYSVIRT-GUEST-UP\r\n" lines, one a second
#   ok(SysVirtQemu::wait_banners("$s->{dir}/images/g1.log", 1, 30), 'booted');
#
# The helpers the tests share (poll_until, pump_until, error_of,
# virt_error_is, slurp, banners_in, banner_count, wait_banners, hmp,
# boot_disk_xml, sasl_connect) can be imported by name:
#   use SysVirtQemu qw(virt_error_is error_of);
use strict;
use warnings;
use Exporter qw(import);
use File::Spec ();
use File::Temp ();
use File::Path ();
use Time::HiRes ();
use POSIX ();
# error_of, virt_error_is, too_new_is and client_version are the shared
# ones, exported from here too
use SysVirtTest qw(error_of virt_error_is too_new_is client_version);

our @EXPORT_OK = qw(poll_until pump_until error_of virt_error_is slurp banners_in
                    banner_count wait_banners hmp boot_disk_xml sasl_connect
                    client_version too_new_is);

# The keys of stack(), each from the environment variable SYSVIRT_QEMU_<KEY>.
our @KEYS = qw(uri target_uri target_tcp_uri sasl_uri sasl_user sasl_password
               tls_uri tls_bad_uri test_tls_uri dir);

# The banner the boot sector of make_disk() prints on COM1.
our $BANNER = 'SYSVIRT-GUEST-UP';

my ($stack, $stack_error);      # what stack() found, once per process
my ($own_dir, $owner_pid);

# .ci/qemu-stack of this tree (found from this file, not from the cwd).
sub _script { SysVirtTest::ci_script('qemu-stack') }

# _have(PROG): PROG is in $PATH, /usr/sbin or /sbin.
sub _have {
    my ($prog) = @_;
    for my $d (File::Spec->path, '/usr/sbin', '/sbin') {
        return 1 if -x File::Spec->catfile($d, $prog);
    }
    return 0;
}

# stack(): the stack's description as a hash ref with the keys in @KEYS
# (uri: qemu+unix URI of the primary daemon; target_uri / target_tcp_uri:
# the migration target's unix and TCP URIs; sasl_uri, sasl_user,
# sasl_password: the primary's SASL (DIGEST-MD5) TCP listener;
# tls_uri / tls_bad_uri: the primary's TLS listener with a good / an
# unrelated client PKI; test_tls_uri: libvirtd's test driver over that TLS
# listener; dir: the stack's directory, where DIR/images is for guest disks).
# Taken from the SYSVIRT_QEMU_* environment when .ci/run started the stack;
# otherwise, as root with everything installed, a stack is started in a
# temporary directory (ports from 20000 up) and stopped at END. Returns
# undef, with the reason in $@, when no stack can be had.
sub stack {
    if ($stack) { return $stack }
    if (defined $stack_error) { $@ = $stack_error; return }
    if ($ENV{SYSVIRT_QEMU_URI}) {
        $stack = { map { $_ => $ENV{'SYSVIRT_QEMU_' . uc $_} } @KEYS };
        mkdir "$stack->{dir}/images" if $stack->{dir};
        return $stack;
    }
    my $why;
    my $script = _script();
    if (!$script || !-x $script) {
        $why = 'no .ci/qemu-stack';
    } elsif ($> != 0) {
        $why = 'the QEMU stack needs root';
    } elsif (my @missing = grep { !_have($_) }
             qw(libvirtd virsh qemu-system-x86_64 qemu-img certtool saslpasswd2 unshare)) {
        $why = "not installed: @missing (.ci/qemu-stack install)";
    } elsif (!defined getpwnam('libvirt-qemu')) {
        $why = 'no libvirt-qemu user (.ci/qemu-stack install)';
    }
    if ($why) { $@ = $stack_error = $why; return }

    my $base;
    for my $try (0 .. 20) {
        my $b = 20000 + (($$ + $try * 37) % 400) * 100;
        if (!grep { !SysVirtTest::port_free($b + $_) } 0, 1, 2) { $base = $b; last }
    }
    unless ($base) { $@ = $stack_error = 'no free ports for a QEMU stack'; return }

    my $dir = File::Temp::tempdir('sysvirt-qemu-XXXXXX', TMPDIR => 1, CLEANUP => 0);
    chmod 0755, $dir;
    $own_dir = $dir;
    $owner_pid = $$;
    my $out = `'$script' start '$dir' $base 2>'$dir/start.err'`;
    if ($? != 0) {
        my $err = do { local (@ARGV, $/) = ("$dir/start.err"); <> } // '';
        $@ = $stack_error = "cannot start the QEMU stack: $err";
        return;
    }
    my %v;
    for (split /\n/, $out) {
        $v{lc $1} = $2 if /^SYSVIRT_QEMU_(\w+)='(.*)'$/;
    }
    $stack = \%v;
    return $stack;
}

END {
    if ($own_dir && $owner_pid && $owner_pid == $$) {
        my $rc = $?;
        # Connections still open are closed in global destruction, after
        # the daemons are gone: their last write must fail with EPIPE, not
        # kill the test with SIGPIPE (libvirt leaves SIGPIPE to the program).
        $SIG{PIPE} = 'IGNORE';
        system(_script(), 'stop', $own_dir);
        File::Path::remove_tree($own_dir, { error => \my $err });
        undef $own_dir;
        $? = $rc;
    }
}

# skip_unless_stack(): stack(), or else the test is skipped (plan
# skip_all) with the reason; but when SYSVIRT_TEST_REQUIRE_QEMU is true
# (CI sets it), a missing stack is a BAIL_OUT: in CI the QEMU tests must
# never be skipped.
sub skip_unless_stack {
    my $s = stack();
    return $s if $s;
    my $why = "no QEMU stack: $@";
    require Test::More;
    Test::More::BAIL_OUT($why) if $ENV{SYSVIRT_TEST_REQUIRE_QEMU};
    Test::More::plan(skip_all => $why);
}

# The boot sector, 16-bit real mode, loaded by the BIOS at 0000:7C00. It
# sends the banner and CR LF to COM1 about once a second (18 timer ticks
# of 55 ms, waited for with hlt so the idle guest costs no CPU) forever.
# No UART setup: QEMU's 16550 takes bytes at any line settings.
my @BOOT_CODE = (
    0xFA,                   # 7C00 cli
    0x31, 0xC0,             # 7C01 xor  ax, ax
    0x8E, 0xD8,             # 7C03 mov  ds, ax
    0x8E, 0xD0,             # 7C05 mov  ss, ax
    0xBC, 0x00, 0x7C,       # 7C07 mov  sp, 0x7C00
    0xFC,                   # 7C0A cld
    0xFB,                   # 7C0B sti            (the timer wakes hlt)
    0xBE, 0x22, 0x7C,       # 7C0C again: mov si, banner (0x7C22)
    0xAC,                   # 7C0F next:  lodsb
    0x84, 0xC0,             # 7C10 test al, al
    0x74, 0x06,             # 7C12 jz   wait       (-> 7C1A)
    0xBA, 0xF8, 0x03,       # 7C14 mov  dx, 0x3F8  (COM1 data port)
    0xEE,                   # 7C17 out  dx, al
    0xEB, 0xF5,             # 7C18 jmp  next       (-> 7C0F)
    0xB9, 0x12, 0x00,       # 7C1A wait:  mov cx, 18
    0xF4,                   # 7C1D tick:  hlt
    0xE2, 0xFD,             # 7C1E loop tick       (-> 7C1D)
    0xEB, 0xEA,             # 7C20 jmp  again      (-> 7C0C)
);                          # 7C22 banner: "SYSVIRT-GUEST-UP\r\n\0"

# boot_sector(): the 512 bytes of that boot sector (ending in 55 AA).
sub boot_sector {
    my $s = pack('C*', @BOOT_CODE) . "$BANNER\r\n\0";
    die "boot code is not 34 bytes" unless length(pack 'C*', @BOOT_CODE) == 0x22;
    return $s . ("\0" x (510 - length $s)) . "\x55\xAA";
}

# _bytes("16M"): a size with an optional K/M/G suffix, in bytes.
sub _bytes {
    my ($size) = @_;
    my %mul = ('' => 1, K => 1024, M => 1024**2, G => 1024**3);
    $size =~ /^(\d+)([KMG]?)i?B?$/i or die "bad size '$size'";
    return $1 * $mul{uc $2};
}

# make_disk($path, size => '16M', format => 'qcow2'): writes a disk image
# at $path whose first sector is boot_sector() (the rest reads as zeros),
# of the virtual size given (bytes, or with a K/M/G suffix; default 16M),
# as qcow2 (made by qemu-img convert from a sparse raw file) or raw.
# Returns $path; dies on failure.
sub make_disk {
    my ($path, %opt) = @_;
    my $size = _bytes($opt{size} // '16M');
    my $format = $opt{format} // 'qcow2';
    die "size must be at least 512 bytes" if $size < 512;
    my $raw = $format eq 'raw' ? $path : "$path.raw.$$";
    open my $fh, '>:raw', $raw or die "$raw: $!";
    print $fh boot_sector() or die "$raw: $!";
    close $fh or die "$raw: $!";
    truncate $raw, $size or die "$raw: $!";
    return $path if $format eq 'raw';
    my $err = `qemu-img convert -f raw -O '$format' '$raw' '$path' 2>&1`;
    my $rc = $?;
    unlink $raw;
    die "qemu-img convert: $err" if $rc != 0;
    return $path;
}

sub _esc {
    my ($s) = @_;
    $s =~ s/&/&amp;/g; $s =~ s/</&lt;/g; $s =~ s/>/&gt;/g;
    $s =~ s/'/&apos;/g; $s =~ s/"/&quot;/g;
    return $s;
}

# guest_xml(%opt): the XML of a TCG guest that boots make_disk()'s image.
#   name        required
#   uuid        optional
#   memory      MiB, default 32 (also currentMemory)
#   vcpus       default 1; maxvcpus (default vcpus) above it makes the
#               rest hot-pluggable (<vcpu current='vcpus'>maxvcpus</vcpu>)
#   iothreads   a number of IOThreads (<iothreads>N</iothreads>); none
#               by default
#   disk        image path (qcow2, or raw with disk_format => 'raw'); no
#               disk when undef (SeaBIOS then just finds nothing to boot)
#   bus         'virtio' (target vda, the default) or 'ide' (hda): SeaBIOS
#               boots both
#   readonly    true: the disk is <readonly/> (virtio only: QEMU refuses a
#               read-only IDE disk); libvirt then counts it as safe for a
#               live migration without shared storage or --unsafe
#   cache       a disk cache mode, e.g. 'none'
#   serial_log  a file the pty serial port is also logged to (append='off'):
#               where the boot sector's banner can be read
#   log_append  true: the serial log is opened in append mode
#               (append='on', QEMU's O_APPEND), so that a second QEMU of
#               the guest (the incoming side of a migration) does not
#               truncate what the first one wrote
#   net         'ethernet' (default): a tap that libvirt creates itself (no
#               bridge, no address; the guest never sends on it), the only
#               kind here for which interface_stats works (it reads the
#               tap's counters; with 'user' libvirt 9.0 says "Interface
#               name not provided"); 'user': QEMU's slirp, no host device;
#               'none': no interface
#   mac         the interface's MAC (default: libvirt picks one)
#   ifname      the tap's name (<target dev>; default vnetN, chosen by
#               libvirt); must not start with "vnet"
#   rom         a file loaded as the interface's option ROM (<rom file>);
#               it becomes guest memory (a RAM block QEMU migrates)
#   vnc         default 1: VNC graphics on 127.0.0.1 (autoport, from the
#               daemon's remote_display_port range) so screenshot works
#   description optional <description>
#   devices     extra XML put at the end of <devices>
# Also: <features><acpi/></features> (QEMU 10 needs it), a pty serial +
# console, a virtio memballoon, machine 'pc', boot from the disk.
sub guest_xml {
    my (%opt) = @_;
    defined $opt{name} or die "guest_xml: name is required";
    my $mem = $opt{memory} // 32;
    my $vcpus = $opt{vcpus} // 1;
    my $max = $opt{maxvcpus} // $vcpus;
    my $bus = $opt{bus} // 'virtio';
    my $net = $opt{net} // 'ethernet';
    my $x = "<domain type='qemu'>\n";
    $x .= "  <name>" . _esc($opt{name}) . "</name>\n";
    $x .= "  <uuid>" . _esc($opt{uuid}) . "</uuid>\n" if defined $opt{uuid};
    $x .= "  <description>" . _esc($opt{description}) . "</description>\n"
        if defined $opt{description};
    $x .= "  <memory unit='MiB'>$mem</memory>\n";
    $x .= "  <currentMemory unit='MiB'>$mem</currentMemory>\n";
    $x .= "  <iothreads>" . int($opt{iothreads}) . "</iothreads>\n" if $opt{iothreads};
    $x .= $max > $vcpus ? "  <vcpu placement='static' current='$vcpus'>$max</vcpu>\n"
                        : "  <vcpu placement='static'>$vcpus</vcpu>\n";
    $x .= "  <os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n"
        . "    <boot dev='hd'/>\n  </os>\n";
    $x .= "  <features>\n    <acpi/>\n  </features>\n";
    $x .= "  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>restart</on_reboot>\n"
        . "  <on_crash>destroy</on_crash>\n";
    $x .= "  <devices>\n";
    if (defined $opt{disk}) {
        my $fmt = $opt{disk_format} // 'qcow2';
        my $cache = defined $opt{cache} ? " cache='" . _esc($opt{cache}) . "'" : '';
        my $dev = $bus eq 'ide' ? 'hda' : 'vda';
        $x .= "    <disk type='file' device='disk'>\n"
            . "      <driver name='qemu' type='$fmt'$cache/>\n"
            . "      <source file='" . _esc($opt{disk}) . "'/>\n"
            . "      <target dev='$dev' bus='$bus'/>\n"
            . ($opt{readonly} ? "      <readonly/>\n" : '')
            . "    </disk>\n";
    }
    $x .= "    <serial type='pty'>\n      <target port='0'/>\n"
        . (defined $opt{serial_log}
           ? "      <log file='" . _esc($opt{serial_log}) . "' append='"
             . ($opt{log_append} ? 'on' : 'off') . "'/>\n" : '')
        . "    </serial>\n";
    $x .= "    <console type='pty'>\n      <target type='serial' port='0'/>\n    </console>\n";
    die "guest_xml: rom needs an interface (net is 'none')" if defined $opt{rom} && $net eq 'none';
    if ($net ne 'none') {
        $x .= "    <interface type='" . _esc($net) . "'>\n"
            . (defined $opt{mac} ? "      <mac address='" . _esc($opt{mac}) . "'/>\n" : '')
            . (defined $opt{ifname} ? "      <target dev='" . _esc($opt{ifname}) . "'/>\n" : '')
            . "      <model type='virtio'/>\n"
            . (defined $opt{rom} ? "      <rom file='" . _esc($opt{rom}) . "'/>\n" : '')
            . "    </interface>\n";
    }
    $x .= "    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>\n"
        if $opt{vnc} // 1;
    $x .= "    <memballoon model='virtio'/>\n";
    $x .= $opt{devices} if defined $opt{devices};
    $x .= "  </devices>\n</domain>\n";
    return $x;
}

# ------------------------------------------------------------------------
# Helpers the QEMU tests share.

# poll_until($secs, $cond, $step): calls $cond until it returns true or
# $secs seconds have passed, sleeping $step seconds (default 0.1) between
# calls; returns $cond's last value (false: the deadline passed).
sub poll_until {
    my ($secs, $cond, $step) = @_;
    my $end = Time::HiRes::time() + $secs;
    while (1) {
        my $v = $cond->();
        return $v if $v || Time::HiRes::time() > $end;
        Time::HiRes::sleep($step // 0.1);
    }
}

# pump_until($secs, $cond): as poll_until, but runs libvirt's default event
# loop (Sys::Virt::Event::run_default) between the calls of $cond, so that
# callbacks run while it waits. The test registers the loop
# (register_default, before it connects) and a short timer
# (add_timeout(100, sub {})) that makes each run_default() return soon
# enough for the deadline to be kept.
sub pump_until {
    my ($secs, $cond) = @_;
    require Sys::Virt::Event;
    my $end = Time::HiRes::time() + $secs;
    while (1) {
        my $v = $cond->();
        return $v if $v || Time::HiRes::time() > $end;
        Sys::Virt::Event::run_default();
    }
}

# slurp($file): the whole file, as bytes; '' when it cannot be read.
sub slurp {
    my ($file) = @_;
    open my $fh, '<:raw', $file or return '';
    local $/;
    return <$fh> // '';
}

# banners_in($text): how many complete banner lines ("$BANNER\r\n") $text
# holds.
sub banners_in {
    my ($text) = @_;
    return scalar(() = ($text // '') =~ /\Q$BANNER\E\r\n/g);
}

# banner_count($log): complete banner lines in the serial log file $log
# (0 while it does not exist).
sub banner_count {
    my ($log) = @_;
    return banners_in(slurp($log));
}

# wait_banners($log, $n, $secs): polls $log (poll_until, every 0.1 s) until
# it holds at least $n banner lines or $secs (default 30) seconds have
# passed; returns the count then (true), or 0 at the deadline. A test
# whose event loop must keep running while it waits uses
# pump_until($secs, sub { banner_count($log) >= $n }) instead.
sub wait_banners {
    my ($log, $n, $secs) = @_;
    my $count = 0;
    return poll_until($secs // 30, sub { ($count = banner_count($log)) >= $n }) ? $count : 0;
}

# hmp($s, $dom, $cmd, %opt): runs the QEMU human monitor command $cmd in
# the guest $dom (a Sys::Virt::Domain of $s->{uri}, the stack's primary
# daemon) through `virsh qemu-monitor-command --hmp`; returns its output;
# dies when virsh fails, with virsh's error. With powers_off => 1 the
# command is one that makes QEMU exit (a guest writing S4/S5 to PM1_CNT):
# QEMU may then be gone before it answers, and virsh's error for exactly
# that (the monitor closed under the command) is not a failure: undef is
# returned; the caller proves the power-off by its lifecycle event.
sub hmp {
    my ($s, $dom, $cmd, %opt) = @_;
    my $name = $dom->get_name;
    my $errfile = File::Temp->new;
    my $pid = open(my $fh, '-|');
    die "fork: $!" unless defined $pid;
    if (!$pid) {
        # The child only execs virsh (the system's: not the libvirt a test
        # run may select); it never returns into the test (no END blocks).
        delete $ENV{LD_LIBRARY_PATH};
        open(STDERR, '>', $errfile->filename) or POSIX::_exit(126);
        { exec('virsh', '-q', '-c', $s->{uri}, 'qemu-monitor-command', $name, '--hmp', $cmd) }
        print STDERR "exec virsh: $!\n";
        POSIX::_exit(127);
    }
    local $/;
    my $out = <$fh> // '';
    close $fh;
    return $out unless $?;
    my $err = slurp($errfile->filename);
    return undef if $opt{powers_off}
        && $err =~ /^error: (?:Unable to read from monitor: Connection reset by peer
                              |internal error: End of file from qemu monitor)\s*$/mx;
    die "virsh qemu-monitor-command '$cmd' failed: $out$err";
}

# boot_disk_xml($dom): the <disk type='file' device='disk'> element of the
# guest's live XML (guest_xml's disk comes first), or ''.
sub boot_disk_xml {
    my ($dom) = @_;
    my ($d) = $dom->get_xml_description =~ m{(<disk type='file' device='disk'>.*?</disk>)}s;
    return $d // '';
}

# sasl_connect($uri, $user, $password, %opt): Sys::Virt->new on a SASL
# URI with auth => 1 and a credential callback that answers CRED_AUTHNAME
# with $user and CRED_PASSPHRASE with $password. Options: asked => \@list
# (the callback pushes a copy of each credential hash it is given),
# die => $value (the callback dies with it instead of answering),
# ret => $n (what the callback returns; default 0, go on). Dies as new()
# does.
sub sasl_connect {
    my ($uri, $user, $pass, %opt) = @_;
    require Sys::Virt;
    return Sys::Virt->new(
        uri      => $uri,
        auth     => 1,
        credlist => [Sys::Virt::CRED_AUTHNAME(), Sys::Virt::CRED_PASSPHRASE()],
        callback => sub {
            my ($creds) = @_;
            push @{$opt{asked}}, map { {%$_} } @$creds if $opt{asked};
            die $opt{die} if $opt{die};
            for my $c (@$creds) {
                $c->{result} = $user if $c->{type} == Sys::Virt::CRED_AUTHNAME();
                $c->{result} = $pass if $c->{type} == Sys::Virt::CRED_PASSPHRASE();
            }
            return $opt{ret} // 0;
        });
}

1;
