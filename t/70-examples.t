# Every script of examples/ run as a program ($^X -Mblib examples/X.pl),
# as a user would: its --help (Pod::Usage, exit 0), a bad option (exit
# 2), a libvirt error (its message, exit 1), and real work whose output
# is checked line by line: against the test driver (test:///default, or
# a host XML of this file's own), and where only a real daemon can do it
# (events from another client, console, volume streams, secrets,
# migration) against the private libvirtd of t/lib/SysVirtDaemon.pm and
# the QEMU stack of t/lib/SysVirtQemu.pm. The scripts are enumerated
# from the directory: one without a case here fails.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use File::Path ();
use File::Temp ();
use IO::Select ();
use IO::Socket::INET ();
use JSON::PP ();
use List::Util ();
use POSIX ();
use Pod::Checker ();
use Time::HiRes ();
use JSON::PP ();

use Sys::Virt;
use SysVirtTest qw(client_version version_number embedded_secrets);
use SysVirtDaemon ();
use SysVirtQemu qw(poll_until slurp banners_in wait_banners);

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');
# An event loop for the embedded secret driver (secrets) and the
# in-process event registrations (event-monitor), before any connection.
Sys::Virt::Event::register_default();

my ($LIBVIRT, $LIBVIRT_STR) = client_version();
my $tmp = File::Temp->newdir('sysvirt-t70-XXXXXX', TMPDIR => 1);
my $P = "sv70-$$";          # names of what this file makes on shared daemons

# ------------------------------------------------------------------ helpers

# run($script, @args, {stdin => FILE}): runs examples/$script as a child
# process (at most 120 s); returns { rc, out, err } (rc -1: killed).
sub run {
    my ($script, @args) = @_;
    my $opt = ref $args[-1] eq 'HASH' ? pop @args : {};
    my ($out, $err) = ("$tmp/out", "$tmp/err");
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        # only exec here: never back into the test (no END blocks)
        open(STDIN, '<', $opt->{stdin} // '/dev/null') or POSIX::_exit(126);
        open(STDOUT, '>', $out) or POSIX::_exit(126);
        open(STDERR, '>', $err) or POSIX::_exit(126);
        { exec($^X, '-Mblib', "examples/$script", @args) }
        POSIX::_exit(127);
    }
    my $done = poll_until(120, sub { waitpid($pid, POSIX::WNOHANG()) == $pid }, 0.02);
    my $status = $?;
    if (!$done) {
        kill 'KILL', $pid;
        waitpid $pid, 0;
        $status = -1;
    }
    return { rc => $status == -1 ? -1 : $status & 127 ? 128 + ($status & 127) : $status >> 8,
             out => slurp($out), err => slurp($err) };
}

# ran_ok($r, $expected_out, $name): exit 0, nothing on stderr, and stdout
# is $expected_out (a string, or a qr// it must match).
sub ran_ok {
    my ($r, $want, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    is($r->{rc}, 0, "$name: exit 0") or diag "stderr: $r->{err}";
    is($r->{err}, '', "$name: nothing on stderr");
    ref $want ? like($r->{out}, $want, "$name: output") : is($r->{out}, $want, "$name: output");
}

# failed_ok($r, $script, $message, $name): exit 1 with "examples/X: MESSAGE"
# as the last line of stderr ($message: a string or a qr//), nothing on
# stdout.
sub failed_ok {
    my ($r, $script, $msg, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    is($r->{rc}, 1, "$name: exit 1");
    my ($last) = $r->{err} =~ /([^\n]*)\n\z/;
    my $prefix = "examples/$script: ";
    ref $msg ? like($last // '', qr/^\Q$prefix\E$msg$/, "$name: the error")
             : is($last, "$prefix$msg", "$name: the error");
    is($r->{out}, '', "$name: nothing on stdout");
}

sub write_file {
    my ($path, $data) = @_;
    open my $fh, '>:raw', $path or die "$path: $!";
    print $fh $data or die "$path: $!";
    close $fh or die "$path: $!";
    return $path;
}

# A host for the test driver: three guests in three states, one with
# IOThreads and a description.
my $HOST = write_file("$tmp/host.xml", <<'XML');
<node>
  <cpu>
    <mhz>2400</mhz>
    <model>x86_64</model>
    <active>4</active>
    <sockets>1</sockets>
    <cores>2</cores>
    <threads>2</threads>
    <nodes>1</nodes>
  </cpu>
  <memory>8388608</memory>
  <domain type='test'>
    <name>web</name>
    <uuid>70e0a000-0000-4000-8000-000000000001</uuid>
    <description>front end</description>
    <memory unit='MiB'>2048</memory>
    <currentMemory unit='MiB'>1024</currentMemory>
    <vcpu>4</vcpu>
    <iothreads>2</iothreads>
    <os><type arch='x86_64'>hvm</type></os>
  </domain>
  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
    <name>db</name>
    <uuid>70e0a000-0000-4000-8000-000000000002</uuid>
    <memory unit='MiB'>1024</memory>
    <vcpu>2</vcpu>
    <os><type arch='x86_64'>hvm</type></os>
    <test:runstate>3</test:runstate>
  </domain>
  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
    <name>old</name>
    <uuid>70e0a000-0000-4000-8000-000000000003</uuid>
    <memory unit='MiB'>512</memory>
    <vcpu>1</vcpu>
    <os><type arch='x86_64'>hvm</type></os>
    <test:runstate>5</test:runstate>
  </domain>
</node>
XML
my $HOST_URI = "test://$HOST";
my $MISSING = "test://$tmp/missing.xml";
# (the wording changed in libvirt 11)
my $MISSING_ERR = qr/(?:XML error: failed to parse xml document|Failed to open file) '\Q$tmp\E\/missing\.xml'.*/;
my $TEST_UUID = '6695eb01-f6a4-8304-79aa-97f2502e193f';

# What the test driver of this libvirt has (asked in-process, so that the
# scripts' output can be checked exactly on every libvirt).
my $HAS_STATS = $LIBVIRT >= version_number('7.8.0');   # test driver's virConnectGetAllDomainStats
my $HAS_IOTHREADS = eval {
    Sys::Virt->new(uri => $HOST_URI)->get_domain_by_name('web')->get_iothread_info; 1 };
my $iothread_err = $@;
die "get_iothread_info: $iothread_err" unless $HAS_IOTHREADS
    || (ref $iothread_err && $iothread_err->code == Sys::Virt::Error::ERR_NO_SUPPORT);

# The QEMU stack, for what only real guests do; in CI it must be there.
my $S = SysVirtQemu::stack();
my $no_stack = "no QEMU stack: $@";
BAIL_OUT($no_stack) if !$S && $ENV{SYSVIRT_TEST_REQUIRE_QEMU};

my (@cleanup);      # subs run at END, last first
END {
    my $rc = $?;
    $_->() for reverse @cleanup;
    $? = $rc;
}

# guest($tag, %opt): a running guest of the stack's primary daemon, its
# banner already on COM1 (%opt goes to guest_xml). Destroyed at END on
# both daemons (it may have been migrated).
sub guest {
    my ($tag, %opt) = @_;
    my $name = "$P-$tag";
    my $img = "$S->{dir}/images/$name.qcow2";
    my $log = "$S->{dir}/images/$name.log";
    SysVirtQemu::make_disk($img);
    my $conn = Sys::Virt->new(uri => $S->{uri});
    push @cleanup, sub {
        for my $uri ($S->{uri}, $S->{target_uri}) {
            my $c = eval { Sys::Virt->new(uri => $uri) } or next;
            for my $d (grep { eval { $_->get_name } =~ /^\Q$name\E/ } eval { $c->list_all_domains }) {
                eval { $d->destroy } if eval { $d->is_active };
                eval { $d->undefine } if eval { $d->is_persistent };
            }
        }
        unlink $img, $log;
    };
    $conn->create_domain(SysVirtQemu::guest_xml(name => $name, disk => $img, serial_log => $log, %opt));
    wait_banners($log, 1, 30) or die "guest $name printed no banner in 30 s";
    return $name;
}

my $qemu_guest;     # one running guest for the read-only scripts
sub qemu_guest { $qemu_guest //= guest('g', iothreads => 1) }

# ------------------------------------------------------------------ the cases

my %CASES;

$CASES{'demo.pl'} = sub {
    ran_ok(run('demo.pl'),
           "test:///default (TEST), libvirt $LIBVIRT_STR\n"
           . "node: i686, 16 CPUs at 1400 MHz, 3145728 KiB memory, 2 NUMA node(s)\n"
           . "1 domain(s):\n"
           . "  test         running         2 vCPU   2097152 /  8388608 KiB  $TEST_UUID\n",
           'test:///default');
    ran_ok(run('demo.pl', $HOST_URI),
           "$HOST_URI (TEST), libvirt $LIBVIRT_STR\n"
           . "node: x86_64, 4 CPUs at 2400 MHz, 8388608 KiB memory, 1 NUMA node(s)\n"
           . "3 domain(s):\n"
           . "  db           paused          2 vCPU   1048576 /  1048576 KiB  70e0a000-0000-4000-8000-000000000002\n"
           . "  old          shut off        1 vCPU    524288 /   524288 KiB  70e0a000-0000-4000-8000-000000000003\n"
           . "  web          running         4 vCPU   1048576 /  2097152 KiB  70e0a000-0000-4000-8000-000000000001\n",
           'the URI as its only argument');
    failed_ok(run('demo.pl', '--uri', $MISSING), 'demo.pl', $MISSING_ERR, 'a host file that does not exist');
};

$CASES{'node-info.pl'} = sub {
    my $hostname = Sys::Virt->new(uri => 'test:///default')->get_hostname;
    ran_ok(run('node-info.pl'), <<"OUT", 'test:///default');
URI:        test:///default
Host name:  $hostname
Driver:     TEST 0.0.2 (libvirt $LIBVIRT_STR)
CPUs:       16 x i686 at 1400 MHz (2 NUMA nodes x 2 sockets x 2 cores x 2 threads)
Memory:     3072 MiB, 3 MiB free
  cell 0:   2 MiB free
  cell 1:   4 MiB free
Host arch:  i686
Guests:
  hvm    i686     domain types: test
  xen    i686     domain types: test
Max vCPUs:  32 (test)
OUT
    ran_ok(run('node-info.pl', '--xml'), qr{\A<capabilities>\n.*<domain type='test'/>.*</capabilities>\n\z}s,
           '--xml: the capabilities document');
    failed_ok(run('node-info.pl', '--uri', $MISSING), 'node-info.pl', $MISSING_ERR, 'a host file that does not exist');
    failed_ok(run('node-info.pl', '-c', $MISSING), 'node-info.pl', $MISSING_ERR, '-c is --uri');
  SKIP: {
        skip $no_stack, 5 unless $S;
        my $r = run('node-info.pl', '--uri', $S->{uri});
        is($r->{rc}, 0, 'QEMU: exit 0') or diag $r->{err};
        like($r->{out}, qr/^URI:        \Q$S->{uri}\E$/m, 'QEMU: the URI');
        # (over the remote driver, the daemon's libvirt)
        like($r->{out}, qr/^Driver:     QEMU \d+\.\d+\.\d+ \(libvirt \d+\.\d+\.\d+\)$/m, 'QEMU: driver and versions');
        like($r->{out}, qr/^  hvm    x86_64   domain types: \S*qemu/m, 'QEMU: x86_64 guests of type qemu');
        like($r->{out}, qr/^Max vCPUs:  .*\d+ \(qemu\)/m, 'QEMU: maximum vCPUs of a qemu guest');
    }
};

$CASES{'list-domains.pl'} = sub {
    my $head = "  Id  Name                 State                vCPUs   Memory MiB      Max MiB  Persistent Autostart\n";
    ran_ok(run('list-domains.pl'), $head
           . "   1  test                 running                  2         2048         8192  yes        no\n",
           'test:///default');
    my %line = (
        web => "   1  web                  running                  4         1024         2048  yes        no\n",
        db  => "   2  db                   paused                   2         1024         1024  yes        no\n",
        old => "   -  old                  shutoff                  1          512          512  yes        no\n",
    );
    ran_ok(run('list-domains.pl', '--uri', $HOST_URI), join('', $head, @line{qw(db old web)}), 'three states');
    ran_ok(run('list-domains.pl', '--uri', $HOST_URI, '--active'), join('', $head, @line{qw(db web)}), '--active');
    ran_ok(run('list-domains.pl', '--uri', $HOST_URI, '--inactive'), $head . $line{old}, '--inactive');
    failed_ok(run('list-domains.pl', '--uri', $MISSING), 'list-domains.pl', $MISSING_ERR, 'a host file that does not exist');
  SKIP: {
        skip $no_stack, 2 unless $S;
        my $name = qemu_guest();
        my $r = run('list-domains.pl', '--uri', $S->{uri}, '--active');
        is($r->{rc}, 0, 'QEMU: exit 0') or diag $r->{err};
        like($r->{out}, qr/^ +\d+  \Q$name\E +running \(booted\) +1 +32 +32  no +no$/m,
             'QEMU: the guest, running with its reason, 1 vCPU, 32 MiB, transient');
    }
};

$CASES{'domain-xml.pl'} = sub {
    my $r = run('domain-xml.pl', 'test');
    ran_ok($r, qr{\A<domain type='test' id='1'>\n  <name>test</name>\n  <uuid>\Q$TEST_UUID\E</uuid>\n}, 'the live XML');
    like($r->{out}, qr{<memory unit='KiB'>8388608</memory>\n  <currentMemory unit='KiB'>2097152</currentMemory>\n  <vcpu placement='static'>2</vcpu>\n},
         '... with 8 GiB maximum, 2 GiB current memory and 2 vCPUs');
    ran_ok(run('domain-xml.pl', '--inactive', 'test'), qr{\A<domain type='test'>\n  <name>test</name>\n}, '--inactive: no id');
    ran_ok(run('domain-xml.pl', '--memory', 1024, '--description', 'web & <db>', 'test'),
           "test: description '' -> 'web & <db>'\n"
           . "test: memory 8192 MiB -> 1024 MiB\n"
           . "test: the change applies from the next boot\n",
           'edit a running guest: memory and a description with XML metacharacters');
    ran_ok(run('domain-xml.pl', '--uri', $HOST_URI, '--description', 'the front end', 'web'),
           "web: description 'front end' -> 'the front end'\n"
           . "web: the change applies from the next boot\n",
           'replace a description');
    ran_ok(run('domain-xml.pl', '--uri', $HOST_URI, '--memory', 256, 'old'),
           "old: memory 512 MiB -> 256 MiB\n", 'a shut off guest: no next boot to wait for');
    failed_ok(run('domain-xml.pl', '--memory', 1, 'nosuch'), 'domain-xml.pl', 'Domain not found', 'no such guest');
    my $u = run('domain-xml.pl');
    is($u->{rc}, 2, 'no domain: exit 2');
    like($u->{err}, qr/^Usage:\n\s+domain-xml\.pl /, '... with the usage');
};

$CASES{'vcpu-info.pl'} = sub {
    my $no_io = "IOThreads: not supported by this driver\n";
    my $io = $HAS_IOTHREADS ? "IOThreads: 0\n" : $no_io;
    ran_ok(run('vcpu-info.pl', 'test'), qr{\Atest: 2 vCPUs \(maximum 2\)
 vCPU  State    Host CPU   CPU time \(s\)  Affinity
    0  running        15 +\d+\.\d{3}  0-15
    1  running        15 +\d+\.\d{3}  0-15
Emulator threads: 0-15
\Q$io\E\z}, 'test:///default: two vCPUs on all 16 host CPUs');
    $io = $HAS_IOTHREADS ? "IOThreads: 2\n    1  0-3\n    2  0-3\n" : $no_io;
    ran_ok(run('vcpu-info.pl', '--uri', $HOST_URI, 'web'), qr{\Aweb: 4 vCPUs \(maximum 4\)
 vCPU  State    Host CPU   CPU time \(s\)  Affinity
(?: +[0-3]  running +\d+ +\d+\.\d{3}  0-3\n){4}Emulator threads: 0-3
\Q$io\E\z}, 'four vCPUs, and IOThreads ' . ($HAS_IOTHREADS ? 'listed' : 'not supported by this test driver'));
    ran_ok(run('vcpu-info.pl', '--uri', $HOST_URI, 'old'), qr{\Aold: 1 vCPUs \(maximum 1\)\n.*\n    0  offline +0 +0\.000  0-3\n}s,
           'a shut off guest: its vCPU offline');
    failed_ok(run('vcpu-info.pl', 'nosuch'), 'vcpu-info.pl', 'Domain not found', 'no such guest');
  SKIP: {
        skip $no_stack, 3 unless $S;
        my $name = qemu_guest();
        my $r = run('vcpu-info.pl', '--uri', $S->{uri}, $name);
        is($r->{rc}, 0, 'QEMU: exit 0') or diag $r->{err};
        like($r->{out}, qr{\A\Q$name\E: 1 vCPUs \(maximum 1\)\n.*\n    0  (?:running|blocked) +\d+ +\d+\.\d{3}  [\d,-]+\n}s,
             'QEMU: one vCPU on a host CPU, with its time');
        like($r->{out}, qr{^IOThreads: 1\n    1  [\d,-]+\n\z}m, 'QEMU: its IOThread');
    }
};

$CASES{'domain-stats.pl'} = sub {
    if ($HAS_STATS) {
        ran_ok(run('domain-stats.pl'), "test:\n  state.reason = 0\n  state.state = 1\n", 'test:///default');
        ran_ok(run('domain-stats.pl', '--uri', $HOST_URI, '--running', '--stats', 'state'),
               "db:\n  state.reason = 0\n  state.state = 3\nweb:\n  state.reason = 0\n  state.state = 1\n",
               '--running: the paused and the running guest');
        ran_ok(run('domain-stats.pl', '--uri', $HOST_URI, '--stats', 'state', 'old'),
               "old:\n  state.reason = 0\n  state.state = 5\n", 'one guest named');
    } else {
        # (the call for a list of guests is another libvirt function)
        for my $case ([[], 'virConnectGetAllDomainStats'],
                      [['--uri', $HOST_URI, '--running', '--stats', 'state'], 'virConnectGetAllDomainStats'],
                      [['--uri', $HOST_URI, 'old'], 'virDomainListGetStats']) {
            my ($args, $function) = @$case;
            failed_ok(run('domain-stats.pl', @$args), 'domain-stats.pl',
                      "this function is not supported by the connection driver: $function",
                      "@$args: no statistics in the test driver before libvirt 7.8.0");
        }
    }
    my $r = run('domain-stats.pl', '--stats', 'state,bogus');
    is($r->{rc}, 2, 'unknown group: exit 2');
    like($r->{err}, qr{\Aexamples/domain-stats\.pl: unknown statistics group 'bogus'\nUsage:}, '... named, with the usage');
  SKIP: {
        skip $no_stack, 7 unless $S;
        my $name = qemu_guest();
        $r = run('domain-stats.pl', '--uri', $S->{uri}, '--stats', 'state,cpu', '--stats', 'balloon,vcpu,block', $name);
        is($r->{rc}, 0, 'QEMU: exit 0') or diag $r->{err};
        like($r->{out}, qr/\A\Q$name\E:\n/, 'QEMU: the guest only');
        like($r->{out}, qr/^  state\.state = 1\n/m, 'QEMU: running');
        like($r->{out}, qr/^  cpu\.time = [1-9]\d*\n/m, 'QEMU: CPU time used');
        like($r->{out}, qr/^  balloon\.maximum = 32768\n/m, 'QEMU: 32 MiB of memory');
        like($r->{out}, qr/^  vcpu\.current = 1\n  vcpu\.maximum = 1\n/m, 'QEMU: one vCPU');
        like($r->{out}, qr/^  block\.0\.name = vda\n(?:  block\.0\..*\n)*  block\.count = 1\n/m,
             'QEMU: its disk, the numbered keys first');
    }
};

$CASES{'io-stats.pl'} = sub {
    my $disk = qr/  disk vda: errs=\d+ rd_bytes=\d+ rd_req=\d+ wr_bytes=\d+ wr_req=\d+\n/;
    my $nic = qr/  interface testnet0: rx_bytes=\d+ rx_drop=\d+ rx_errs=\d+ rx_packets=\d+ tx_bytes=\d+ tx_drop=\d+ tx_errs=\d+ tx_packets=\d+\n/;
    ran_ok(run('io-stats.pl'), qr/\Atest:\n$disk$nic\z/, 'test:///default: its disk and interface');
    ran_ok(run('io-stats.pl', '--uri', $HOST_URI, 'old', 'web'), "old:\n  not running\nweb:\n",
           'a shut off guest, and a running one without devices');
    ran_ok(run('io-stats.pl', '--uri', $HOST_URI), "db:\nweb:\n", 'every running guest by default');
    failed_ok(run('io-stats.pl', 'nosuch'), 'io-stats.pl', 'Domain not found', 'no such guest');
  SKIP: {
        skip $no_stack, 3 unless $S;
        my $name = qemu_guest();
        my $r = run('io-stats.pl', '--uri', $S->{uri}, $name);
        is($r->{rc}, 0, 'QEMU: exit 0') or diag $r->{err};
        like($r->{out}, qr/^  disk vda: flush_reqs=\d+ flush_total_times=\d+ rd_bytes=[1-9]\d* rd_req=[1-9]\d* rd_total_times=\d+ wr_bytes=\d+ wr_req=\d+ wr_total_times=\d+$/m,
             'QEMU: the boot disk was read; QEMU has more counters (and no errs)');
        like($r->{out}, qr/^  interface vnet\d+: rx_bytes=\d+ .*tx_packets=\d+$/m, 'QEMU: the tap of its interface');
    }
};

$CASES{'save-restore.pl'} = sub {
    my $file = "$tmp/test.save";
    ran_ok(run('save-restore.pl', 'save', 'test', $file),
           qr/\Asaved test to \Q$file\E \(\d+ bytes\); the guest is now shut off\n\z/, 'save the test guest');
    ok(-s $file, 'the image exists');
    failed_ok(run('save-restore.pl', 'restore', $file), 'save-restore.pl',
              "Requested operation is not valid: domain 'test' is already active",
              'restore into a fresh test:///default: the guest runs there already');
    my $empty = 'test://' . write_file("$tmp/empty.xml", "<node/>\n");
    ran_ok(run('save-restore.pl', '--uri', $empty, 'restore', $file),
           "restored test from $file: running, 2048 MiB\n", 'restore on a host without it');
    failed_ok(run('save-restore.pl', '--uri', $empty, '--paused', 'restore', $file), 'save-restore.pl',
              'unsupported flags (0x4) in function testDomainRestoreFlags', '--paused: not in the test driver');
    failed_ok(run('save-restore.pl', 'restore', "$tmp/none.save"), 'save-restore.pl',
              "cannot read domain image '$tmp/none.save': No such file or directory", 'no such image');
    failed_ok(run('save-restore.pl', 'save', 'nosuch', $file), 'save-restore.pl', 'Domain not found', 'no such guest');
    is(run('save-restore.pl', 'save', 'test')->{rc}, 2, 'save without a file: exit 2');
};

$CASES{'snapshots.pl'} = sub {
    # the creation times, in local time, as TIME
    my $timeless = sub { my ($r) = @_; $r->{out} =~ s/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/TIME/g; $r };
    ran_ok($timeless->(run('snapshots.pl', 'test', qw(create s1 create s2 list revert s1 delete s2 list))),
           "created s1\ncreated s2\n2 snapshot(s)\n"
           . "  s1           running   TIME  parent -\n"
           . "  s2           running   TIME  parent s1 (current)\n"
           . "reverted test to s1: running\ndeleted s2\n1 snapshot(s)\n"
           . "  s1           running   TIME  parent - (current)\n",
           'create, list, revert, delete, list: in order on one connection');
    ran_ok($timeless->(run('snapshots.pl', '--uri', $HOST_URI, qw(old create off list))),
           "created off\n1 snapshot(s)\n  off          shutoff   TIME  parent - (current)\n",
           'a snapshot of a shut off guest');
    my $r = run('snapshots.pl', 'test', qw(create s1 revert nope));
    is($r->{rc}, 1, 'revert to an unknown snapshot: exit 1');
    is($r->{out}, "created s1\n", '... after the actions before it');
    like($r->{err}, qr{^examples/snapshots\.pl: Domain snapshot not found: no domain snapshot with matching name 'nope'$}m,
         '... with libvirt\'s message');
    $r = run('snapshots.pl', 'test', 'frob', 'x');
    is($r->{rc}, 2, 'unknown action: exit 2');
    like($r->{err}, qr{\Aexamples/snapshots\.pl: unknown action 'frob'\nUsage:}, '... named, with the usage');
    failed_ok(run('snapshots.pl', 'nosuch', 'list'), 'snapshots.pl', 'Domain not found', 'no such guest');
};

# spawn($script, @args): starts examples/$script in the background, its
# stdout on a pipe; returns { next_line => sub (the next line, undef at
# the end or after 90 s in all), finish => sub (waits for the exit, at
# most until that deadline, then kills it: (rc, stderr)) }.
sub spawn {
    my ($script, @args) = @_;
    my $errfile = "$tmp/spawn.err";
    pipe(my $r, my $w) or die "pipe: $!";
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        close $r;
        open(STDIN, '<', '/dev/null') or POSIX::_exit(126);
        open(STDOUT, '>&', $w) or POSIX::_exit(126);
        open(STDERR, '>', $errfile) or POSIX::_exit(126);
        { exec($^X, '-Mblib', "examples/$script", @args) }
        POSIX::_exit(127);
    }
    close $w;
    my $reaped;
    push @cleanup, sub { return if $reaped; kill 'KILL', $pid; waitpid $pid, 0 };
    my $sel = IO::Select->new($r);
    my $buf = '';
    my $end = Time::HiRes::time() + 90;
    my $next_line = sub {
        while (1) {
            my $nl = index($buf, "\n");
            return substr($buf, 0, $nl + 1, '') if $nl >= 0;
            my $left = $end - Time::HiRes::time();
            return undef if $left <= 0 || !$sel->can_read($left);
            sysread($r, $buf, 4096, length $buf) or return undef;
        }
    };
    my $finish = sub {
        my $done = poll_until(List::Util::max(1, $end - Time::HiRes::time()),
                              sub { waitpid($pid, POSIX::WNOHANG()) == $pid }, 0.02);
        my $status = $?;
        if (!$done) { kill 'KILL', $pid; waitpid $pid, 0; $status = -1 }
        $reaped = 1;
        return ($status == -1 ? -1 : $status >> 8, slurp($errfile));
    };
    return { next_line => $next_line, finish => $finish };
}

# The event monitor against a libvirtd (test driver, or the QEMU stack):
# started in the background; once it says what it watches, $act->($conn)
# makes the changes on a connection of this process, and the monitor
# must print @want and stop after that many events. Returns its stderr.
sub monitor_events {
    my ($uri, $act, $want, $name) = @_;
    my $m = spawn('event-monitor.pl', '--uri', $uri, '--count', scalar @$want, '--timeout', 60);
    my $ready = $m->{next_line}->() // '';
    like($ready, qr/^watching: \d+ domain event IDs, network, storage pool, node device(?:, secret)?\n\z/,
         "$name: the monitor says what it watches");
    $act->(Sys::Virt->new(uri => $uri));
    # (the names some events carry are known once $act has run)
    my @want = map { ref $_ ? $_->() : $_ } @$want;
    my @got;
    while (defined(my $line = $m->{next_line}->())) { push @got, $line }
    my ($rc, $err) = $m->{finish}->();
    is($rc, 0, "$name: the monitor exits 0");
    my $last = pop @got;
    is_deeply(\@got, [map { "$_\n" } @want], "$name: every event, in order, with its details");
    is($last, sprintf("done, %d events\n", scalar @want), "$name: stopped after --count events");
    return ($ready, $err);
}

# A libvirtd of this file's own (its test driver), for the scripts on event
# loops, which freeze or stop it: (its TCP URI, its stop sub, its PID).
my @own_daemon;
sub own_daemon {
    @own_daemon = eval { (SysVirtDaemon::start_private(17000 + ($$ + 700) % 1000))[3, 1, 2] } unless @own_daemon;
    return @own_daemon;
}

# The lifecycle events suspend and resume of the test domain on $uri.
sub suspend_resume {
    my ($uri) = @_;
    my $dom = Sys::Virt->new(uri => $uri)->get_domain_by_name('test');
    $dom->suspend;
    $dom->resume;
}

$CASES{'anyevent-events.pl'} = sub {
    my $r = run('anyevent-events.pl', '--timeout', 1);
    ran_ok($r, "watching test:///default\ntimeout after 1 s, 0 events\n", 'test:///default: no event, the timeout');
    failed_ok(run('anyevent-events.pl', '--uri', $MISSING), 'anyevent-events.pl', $MISSING_ERR, 'a host file that does not exist');
  SKIP: {
        my ($uri, $stop, $pid) = own_daemon();
        skip "cannot start a private libvirtd: $@", 9 unless $uri;
        my $m = spawn('anyevent-events.pl', '--uri', $uri, '--count', 2, '--timeout', 60);
        is($m->{next_line}->(), "watching $uri\n", 'libvirtd: watching');
        suspend_resume($uri);
        is(join('', map { $m->{next_line}->() // '' } 1 .. 3),
           "test: suspended paused\ntest: resumed unpaused\ndone, 2 events\n", 'libvirtd: the events of another client, by name');
        is_deeply([$m->{finish}->()], [0, ''], 'libvirtd: exit 0, nothing on stderr');

        # keep-alive: the daemon frozen, the connection closes after 3 x 1 s
        $m = spawn('anyevent-events.pl', '--uri', $uri, '--keepalive', 1, '--timeout', 60);
        is($m->{next_line}->(), "watching $uri\n", 'keep-alive: watching');
        kill 'STOP', $pid;
        my $line = $m->{next_line}->();
        kill 'CONT', $pid;
        is($line, "connection closed: no keep-alive answer\n", 'keep-alive: a frozen daemon closes the connection');
        is_deeply([$m->{finish}->()], [0, ''], 'keep-alive: exit 0, nothing on stderr');
    }
};

$CASES{'ioasync-events.pl'} = sub {
    ran_ok(run('ioasync-events.pl', 'test', 'running'), "test is running already\n", 'test:///default: running already');
    my $r = run('ioasync-events.pl', '--timeout', 1, 'test', 'paused');
    is($r->{rc}, 1, 'test:///default, not paused: exit 1');
    is($r->{out}, "test is running: waiting until it is paused\n", '... after saying it waits');
    is($r->{err}, "examples/ioasync-events.pl: test is not paused after 1 s\n", '... that it is not paused after the timeout');
    failed_ok(run('ioasync-events.pl', 'nosuch', 'paused'), 'ioasync-events.pl',
              'Domain not found', 'no such domain');
    $r = run('ioasync-events.pl', 'test', 'asleep');
    is($r->{rc}, 2, 'an unknown state: exit 2');
    like($r->{err}, qr/\Aexamples\/ioasync-events\.pl: unknown state 'asleep' \(running, paused or shutoff\)\nUsage:/, '... named, with the usage');
  SKIP: {
        my ($uri) = own_daemon();
        skip "cannot start a private libvirtd: $@", 3 unless $uri;
        my $m = spawn('ioasync-events.pl', '--uri', $uri, '--timeout', 60, 'test', 'paused');
        is($m->{next_line}->(), "test is running: waiting until it is paused\n", 'libvirtd: waiting');
        my $dom = Sys::Virt->new(uri => $uri)->get_domain_by_name('test');
        $dom->suspend;
        is(join('', map { $m->{next_line}->() // '' } 1 .. 2),
           sprintf("test: event %d, detail %d\ntest is paused\n", Sys::Virt::Domain::EVENT_SUSPENDED,
                   Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED), 'libvirtd: paused by another client');
        is_deeply([$m->{finish}->()], [0, ''], 'libvirtd: exit 0, nothing on stderr');
        $dom->resume;
    }
};

$CASES{'mojo-events.pl'} = sub {
    ran_ok(run('mojo-events.pl', '--timeout', 1), qr/\Alistening on 127\.0\.0\.1:\d+\ntimeout after 1 s\n\z/,
           'test:///default: a free port, the timeout');
    my $r = run('mojo-events.pl', '--listen', 'nowhere');
    is($r->{rc}, 2, 'a bad --listen: exit 2');
    like($r->{err}, qr/\Aexamples\/mojo-events\.pl: --listen takes ADDRESS:PORT\nUsage:/, '... says so, with the usage');
    failed_ok(run('mojo-events.pl', '--uri', $MISSING), 'mojo-events.pl', $MISSING_ERR, 'a host file that does not exist');
  SKIP: {
        my ($uri) = own_daemon();
        skip "cannot start a private libvirtd: $@", 6 unless $uri;
        my $m = spawn('mojo-events.pl', '--uri', $uri, '--count', 2, '--timeout', 60);
        my ($port) = ($m->{next_line}->() // '') =~ /^listening on 127\.0\.0\.1:(\d+)\n\z/;
        ok($port, 'libvirtd: listening');
        my $client = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port // 1, Timeout => 10);
        ok($client, 'libvirtd: a client connects');
        is($m->{next_line}->(), sprintf("client connected from 127.0.0.1:%d\n", $client ? $client->sockport : 0),
           'libvirtd: the service says it accepted the client');
        suspend_resume($uri);
        my $uuid = Sys::Virt->new(uri => $uri)->get_domain_by_name('test')->get_uuid_string;
        my @lines = map { scalar <$client> } 1 .. 2;
        is_deeply([map { JSON::PP::decode_json($_ // 'null') } @lines], [
            { domain => 'test', uuid => $uuid, event => Sys::Virt::Domain::EVENT_SUSPENDED,
              detail => Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED },
            { domain => 'test', uuid => $uuid, event => Sys::Virt::Domain::EVENT_RESUMED,
              detail => Sys::Virt::Domain::EVENT_RESUMED_UNPAUSED },
        ], 'libvirtd: the client got both events as JSON lines');
        is($m->{next_line}->(), "done, 2 events\n", 'libvirtd: stopped after --count events');
        is_deeply([$m->{finish}->()], [0, ''], 'libvirtd: exit 0, nothing on stderr');
    }
};

$CASES{'event-monitor.pl'} = sub {
    # Which domain event IDs this libvirt accepts (newer ones are refused
    # by the client library before any driver sees them).
    my $c = Sys::Virt->new(uri => 'test:///default');
    my %id = map { $_ => Sys::Virt::Domain->can($_)->() } grep { /^EVENT_ID_/ } keys %Sys::Virt::Domain::;
    my @refused = sort { $id{$a} <=> $id{$b} }
        grep { !eval { $c->domain_event_register_any(undef, $id{$_}, sub {}); 1 } } keys %id;
    cmp_ok(scalar keys %id, '>=', 30, 'Sys::Virt knows at least 30 domain event IDs');
    my $watched = keys(%id) - @refused;
    my $not_watched = join '', map { "examples/event-monitor.pl: not watching $_: eventID must be less than $watched\n" } @refused;
    my $no_secrets = "examples/event-monitor.pl: not watching secret events: "
        . "this function is not supported by the connection driver: virConnectSecretEventRegisterAny\n";

    my $r = run('event-monitor.pl', '--timeout', 1);
    is($r->{rc}, 0, 'test:///default, --timeout 1: exit 0');
    is($r->{out}, "watching: $watched domain event IDs, network, storage pool, node device\n"
                  . "timeout after 1 s, 0 events\n", '... every event ID this libvirt has, and no event');
    is($r->{err}, $not_watched . $no_secrets, '... the IDs this libvirt refuses, and secret events, named on stderr');
    failed_ok(run('event-monitor.pl', '--uri', $MISSING), 'event-monitor.pl', $MISSING_ERR, 'a host file that does not exist');

    # A libvirtd's test driver: changes made by another client.
  SKIP: {
        my ($daemon) = SysVirtDaemon::uris();
        skip "no private libvirtd: $@", 5 unless $daemon;
        push @cleanup, sub {
            my $c = eval { Sys::Virt->new(uri => $daemon) } or return;
            eval { $c->get_domain_by_name("$P-dom")->destroy };
            eval { $c->get_domain_by_name("$P-dom")->undefine };
            for my $get (qw(get_network_by_name get_storage_pool_by_name)) {
                my $obj = eval { $c->$get("$P-" . ($get =~ /network/ ? 'net' : 'pool')) } or next;
                eval { $obj->destroy };
                eval { $obj->undefine };
            }
        };
        my $dev;
        my (undef, $err) = monitor_events($daemon, sub {
            my ($conn) = @_;
            my $dom = $conn->define_domain("<domain type='test'><name>$P-dom</name><memory>65536</memory>"
                                           . "<os><type>hvm</type></os></domain>");
            $dom->create;
            $dom->suspend;
            $dom->resume;
            $dom->destroy;
            $dom->undefine;
            my $net = $conn->define_network("<network><name>$P-net</name></network>");
            $net->create;
            $net->destroy;
            $net->undefine;
            my $pool = $conn->define_storage_pool("<pool type='dir'><name>$P-pool</name>"
                                                  . "<target><path>/$P-pool</path></target></pool>");
            $pool->create;
            $pool->destroy;
            $pool->undefine;
            # a vHBA on the test driver's fibre channel host
            my $wwn = sprintf '%012x', $$;
            my $nd = $conn->create_node_device("<device><parent>scsi_host1</parent><capability type='scsi_host'>"
                . "<capability type='fc_host'><wwnn>2001$wwn</wwnn><wwpn>1001$wwn</wwpn></capability>"
                . "</capability></device>");
            $dev = $nd->get_name;
            $nd->destroy;
        }, [
            "domain $P-dom: lifecycle defined added",
            "domain $P-dom: lifecycle started booted",
            "domain $P-dom: lifecycle suspended paused",
            "domain $P-dom: lifecycle resumed unpaused",
            "domain $P-dom: lifecycle stopped destroyed",
            "domain $P-dom: lifecycle undefined removed",
            "network $P-net: lifecycle defined",
            "network $P-net: lifecycle started",
            "network $P-net: lifecycle stopped",
            "network $P-net: lifecycle undefined",
            "storage pool $P-pool: lifecycle defined",
            "storage pool $P-pool: lifecycle started",
            "storage pool $P-pool: lifecycle stopped",
            "storage pool $P-pool: lifecycle undefined",
            sub { "node device $dev: lifecycle created" },
            sub { "node device $dev: lifecycle deleted" },
        ], 'libvirtd test driver');
        like($err, qr/\Q$no_secrets\E\z/, 'libvirtd test driver: no secret events there');
    }

    # The QEMU stack: secret events, and a real guest's.
  SKIP: {
        skip $no_stack, 5 unless $S;
        my ($uuid, $name);
        my ($ready) = monitor_events($S->{uri}, sub {
            my ($conn) = @_;
            my $sec = $conn->define_secret("<secret ephemeral='no' private='no'><usage type='volume'>"
                                           . "<volume>/$P/events.img</volume></usage></secret>");
            $uuid = $sec->get_uuid_string;
            $sec->undefine;
            $name = guest('ev', net => 'none', vnc => 0);
            # (not destroy: QEMU's SHUTDOWN_HOST may or may not come first)
            my $dom = $conn->get_domain_by_name($name);
            $dom->suspend;
            $dom->resume;
        }, [
            sub { "secret $uuid: lifecycle defined" },
            sub { "secret $uuid: lifecycle undefined" },
            # QEMU starts paused, then runs it: resumed before started
            sub { "domain $name: lifecycle resumed unpaused" },
            sub { "domain $name: lifecycle started booted" },
            sub { "domain $name: lifecycle suspended paused" },
            sub { "domain $name: lifecycle resumed unpaused" },
        ], 'QEMU');
        like($ready, qr/, secret\n\z/, 'QEMU: secret events watched');
    }
};

$CASES{'console.pl'} = sub {
    failed_ok(run('console.pl', '--uri', 'test:///default', 'test'), 'console.pl',
              'this function is not supported by the connection driver: virDomainOpenConsole',
              'test:///default: no consoles');
    failed_ok(run('console.pl', '--uri', 'test:///default', 'nosuch'), 'console.pl', 'Domain not found', 'no such guest');
  SKIP: {
        skip $no_stack, 4 unless $S;
        my $name = qemu_guest();
        my $t0 = Time::HiRes::time();
        my $r = run('console.pl', '--uri', $S->{uri}, '--timeout', 5, $name);
        my $took = Time::HiRes::time() - $t0;
        is($r->{rc}, 0, 'QEMU: exit 0') or diag $r->{err};
        cmp_ok(banners_in($r->{out}), '>=', 2, 'QEMU: the banner the guest prints every second, twice or more');
        is($r->{err}, "examples/console.pl: timeout\n", 'QEMU: it stopped at the timeout');
        cmp_ok($took, '<', 30, "QEMU: ... after about 5 s ($took s with perl's start)");
    }
};

$CASES{'volume-transfer.pl'} = sub {
    my $data = write_file("$tmp/data.bin", join('', map { pack 'N', $_ * 2654435761 % 4294967296 } 1 .. 262_175));
    failed_ok(run('volume-transfer.pl', '--uri', 'test:///default', '--pool', 'default-pool', 'upload', 'v.img', $data),
              'volume-transfer.pl', 'this function is not supported by the connection driver: virStorageVolUpload',
              'test:///default: no volume upload (the volume was created first)');
    failed_ok(run('volume-transfer.pl', '--uri', 'test:///default', '--pool', 'default-pool', 'download', 'v.img', "$tmp/x"),
              'volume-transfer.pl', "Storage volume not found: no storage vol with matching name 'v.img'",
              'download of an unknown volume');
    ok(!-e "$tmp/x", '... creates no file');
    failed_ok(run('volume-transfer.pl', '--uri', 'test:///default', '--pool', 'nosuch', 'upload', 'v.img', $data),
              'volume-transfer.pl', "Storage pool not found: no storage pool with matching name 'nosuch'", 'unknown pool');
    failed_ok(run('volume-transfer.pl', '--uri', 'test:///default', '--pool', 'default-pool', 'upload', 'v.img', "$tmp/none"),
              'volume-transfer.pl', "$tmp/none: No such file or directory", 'no such file');
    is(run('volume-transfer.pl', 'copy', 'v', 'f')->{rc}, 2, 'unknown action: exit 2');
  SKIP: {
        skip $no_stack, 12 unless $S;
        my $pdir = "$S->{dir}/pool-t70-$$";
        my $conn = Sys::Virt->new(uri => $S->{uri});
        my $pool = $conn->define_storage_pool("<pool type='dir'><name>$P-pool</name>"
                                              . "<target><path>$pdir</path></target></pool>");
        push @cleanup, sub {
            eval { $pool->destroy };
            eval { $pool->undefine };
            File::Path::remove_tree($pdir);
        };
        $pool->build;
        $pool->create;
        my $size = -s $data;
        my @up = ('volume-transfer.pl', '--uri', $S->{uri}, '--pool', "$P-pool", 'upload', 'd.img', $data);
        ran_ok(run(@up), "uploaded $size bytes from $data to $P-pool/d.img\n", 'QEMU: upload into a new volume');
        is(slurp("$pdir/d.img"), slurp($data), 'QEMU: the volume holds the file');
        my $back = "$tmp/back.bin";
        ran_ok(run('volume-transfer.pl', '--uri', $S->{uri}, '--pool', "$P-pool", 'download', 'd.img', $back),
               "downloaded $size bytes from $P-pool/d.img to $back\n", 'QEMU: download');
        ok(slurp($back) eq slurp($data), 'QEMU: the same bytes came back');
        # Again into the volume that now exists: overwritten in place.
        my $other = write_file("$tmp/other.bin", "\xa5" x $size);
        $up[-1] = $other;
        ran_ok(run(@up), "uploaded $size bytes from $other to $P-pool/d.img\n", 'QEMU: upload into an existing volume');
        ok(slurp("$pdir/d.img") eq slurp($other), 'QEMU: its content replaced');
    }
};

$CASES{'migrate.pl'} = sub {
    failed_ok(run('migrate.pl', '--uri', 'test:///default', '--dest', 'test:///default', 'test'), 'migrate.pl',
              'this function is not supported by the connection driver: virDomainMigrate3', 'test:///default: no migration');
    failed_ok(run('migrate.pl', '--uri', 'test:///default', '--dest', 'test:///default', '--p2p', 'test'), 'migrate.pl',
              'argument unsupported: p2p migration is not supported by the source host', 'test:///default: no p2p');
    my $r = run('migrate.pl', 'test');
    is($r->{rc}, 2, 'no --dest: exit 2');
  SKIP: {
        skip $no_stack, 12 unless $S;
        my $dst = Sys::Virt->new(uri => $S->{target_uri});
        my $src = Sys::Virt->new(uri => $S->{uri});
        # Both daemons see the same image directory: shared storage
        # without a cluster file system, hence --unsafe.
        my $name = guest('mig', net => 'none', vnc => 0);
        ran_ok(run('migrate.pl', '--uri', $S->{uri}, '--dest', $S->{target_uri}, '--unsafe',
                   '--migrate-uri', 'tcp://127.0.0.1', '--bandwidth', 100, '--rename', "$name-moved", $name),
               "migrated $name to $S->{target_uri} as $name-moved: running\n", 'QEMU: driven by the script, renamed');
        is(($dst->get_domain_by_name("$name-moved")->get_state)[0], Sys::Virt::Domain::STATE_RUNNING,
           'QEMU: running on the target');
        ok(!eval { $src->get_domain_by_name($name); 1 }, 'QEMU: gone from the source');

        my $p2p = guest('p2p', net => 'none', vnc => 0);
        ran_ok(run('migrate.pl', '--uri', $S->{uri}, '--dest', $S->{target_tcp_uri}, '--p2p', '--unsafe', $p2p),
               "migrated $p2p to $S->{target_tcp_uri}\n", 'QEMU: peer to peer');
        is_deeply([$dst->get_domain_by_name($p2p)->get_state],
                  [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_MIGRATED],
                  'QEMU: running on the target, migrated');
        failed_ok(run('migrate.pl', '--uri', $S->{uri}, '--dest', $S->{target_uri}, $p2p), 'migrate.pl',
                  qr/Domain not found: no domain with matching name '\Q$p2p\E'/, 'QEMU: no longer on the source');
    }
};

$CASES{'secrets.pl'} = sub {
    failed_ok(run('secrets.pl', '--uri', 'test:///default', 'list'), 'secrets.pl',
              'this function is not supported by the connection driver: virConnectListAllSecrets', 'test:///default: no secrets');
    my $r = run('secrets.pl', '--uri', 'test:///default', 'define');
    is($r->{rc}, 2, 'define without --usage: exit 2');
    like($r->{err}, qr{\Aexamples/secrets\.pl: define needs --usage\nUsage:}, '... says so');
    is(run('secrets.pl', 'get')->{rc}, 2, 'get without a UUID: exit 2');
    is(run('secrets.pl', 'frob')->{rc}, 2, 'unknown action: exit 2');

    my $value = write_file("$tmp/value", "pass\0word\xff\n");
    # secrets_ok($uri, $what, $undefine): the whole round trip on $uri.
    my $secrets_ok = sub {
        my ($uri, $what, $undefine, $private_err) = @_;
        my $usage = "/$P/$what.img";
        my $d = run('secrets.pl', '--uri', $uri, 'define', '--usage', $usage, '--description', 'a & b');
        ran_ok($d, qr/\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n\z/, "$what: define prints the UUID");
        chomp(my $uuid = $d->{out});
        push @cleanup, sub { eval { Sys::Virt->new(uri => $uri)->get_secret_by_uuid($uuid)->undefine } } if $undefine;
        ran_ok(run('secrets.pl', '--uri', $uri, 'set', $uuid, $value),
               "set the value of $uuid (11 bytes)\n", "$what: set from a file");
        ran_ok(run('secrets.pl', '--uri', $uri, 'get', $uuid), "pass\0word\xff\n", "$what: get, binary-safe");
        my $in = write_file("$tmp/stdin", 'from stdin');
        ran_ok(run('secrets.pl', '--uri', $uri, 'set', $uuid, { stdin => $in }),
               "set the value of $uuid (10 bytes)\n", "$what: set from standard input");
        ran_ok(run('secrets.pl', '--uri', $uri, 'get', $uuid), 'from stdin', "$what: the new value");
        my $l = run('secrets.pl', '--uri', $uri, 'list');
        ran_ok($l, qr/^\Q$uuid\E  volume  \Q$usage\E$/m, "$what: listed with its usage");
        my $x = run('secrets.pl', '--uri', $uri, 'define', '--usage-type', 'ceph', '--usage', "$P.$what", '--private');
        chomp(my $ceph = $x->{out});
        push @cleanup, sub { eval { Sys::Virt->new(uri => $uri)->get_secret_by_uuid($ceph)->undefine } } if $undefine;
        ran_ok(run('secrets.pl', '--uri', $uri, 'set', $ceph, $value), "set the value of $ceph (11 bytes)\n",
               "$what: a private Ceph secret");
        failed_ok(run('secrets.pl', '--uri', $uri, 'get', $ceph), 'secrets.pl',
                  $private_err, "$what: its value cannot be read back");
        return ($uuid, $ceph) unless $undefine;
        ran_ok(run('secrets.pl', '--uri', $uri, 'undefine', $uuid), "undefined $uuid\n", "$what: undefine");
        failed_ok(run('secrets.pl', '--uri', $uri, 'get', $uuid), 'secrets.pl',
                  "Secret not found: no secret with matching uuid '$uuid'", "$what: gone");
        ran_ok(run('secrets.pl', '--uri', $uri, 'undefine', $ceph), "undefined $ceph\n", "$what: undefine the other");
    };
    # libvirt's secret driver embedded in the script's process keeps its
    # secrets under the root directory, from one run to the next (but not
    # undefine: libvirt 9.0.0's embedded secret driver crashes on it, with
    # the C original too). It cannot load into another libvirt.
    my ($sc, $why) = embedded_secrets();
  SKIP: {
        skip "neither a QEMU stack ($no_stack) nor the embedded secret driver ($why)", 1 unless $S || $sc;
        subtest 'the QEMU stack\'s libvirtd' => sub { $secrets_ok->($S->{uri}, 'daemon', 1, 'Invalid secret: secret is private') } if $S;
        my $root = File::Temp->newdir('sysvirt-t70-secret-XXXX', TMPDIR => 1);
        subtest 'the embedded secret driver' => sub { $secrets_ok->('secret:///embed?root=' . $root->dirname, 'embedded', 0,
                                                                 # (no client identity in process)
                                                                 'internal error: No current identity') }
            if $sc;
    }
};

# lxc-enter.pl: a command inside a container of a private LXC libvirtd
# (.ci/lxc-daemon, as t/59-lxc.t; in CI it must start).
$CASES{'lxc-enter.pl'} = sub {
    failed_ok(run('lxc-enter.pl', '--uri', 'test:///default', 'test'), 'lxc-enter.pl',
              'this function is not supported by the connection driver: virDomainLxcOpenNamespace',
              'test:///default: no container');
    is(run('lxc-enter.pl', '--uri', 'test:///default')->{rc}, 2, 'no domain: exit 2');
    my $dir = "$tmp/lxc";
    mkdir $dir or die "$dir: $!";
    my ($uri) = SysVirtTest::lxc_daemon($dir);
  SKIP: {
        if (!$uri) {
            BAIL_OUT($@) if $ENV{SYSVIRT_TEST_REQUIRE_QEMU};
            skip $@, 12;
        }
        push @cleanup, sub { SysVirtTest::lxc_daemon_stop($dir) };
        my $name = "sv70-$$";
        my $dom = Sys::Virt->new(uri => $uri)->create_domain(SysVirtTest::lxc_shell_xml($name));
        # libvirt knows the container's init a moment after create returns
        ok(poll_until(30, sub { my @fds = eval { $dom->lxc_open_namespace }; POSIX::close($_) for @fds; @fds }),
           'LXC: the container runs');
        ran_ok(run('lxc-enter.pl', '--uri', $uri, $name), "$name\n", 'LXC: hostname, the default: the container\'s');
        ran_ok(run('lxc-enter.pl', '--uri', $uri, $name, 'sh', '-c', 'tr "\0" "\n" </proc/1/environ | grep ^LIBVIRT_LXC_NAME='),
               "LIBVIRT_LXC_NAME=$name\n", 'LXC: the /proc of the container, whose PID 1 is its init');
        my $r = run('lxc-enter.pl', '--uri', $uri, $name, 'sh', '-c', 'exit 3');
        is($r->{rc}, 3, 'LXC: the exit status of the command');
        $r = run('lxc-enter.pl', '--uri', $uri, $name, '/no/such/command');
        is($r->{rc}, 127, 'LXC: a command that cannot run: exit 127');
        like($r->{err}, qr{^examples/lxc-enter\.pl: /no/such/command: No such file or directory$}m, '... saying why');
        failed_ok(run('lxc-enter.pl', '--uri', $uri, 'nope'), 'lxc-enter.pl',
                  "Domain not found: No domain with matching name 'nope'", 'LXC: no such container');
        $dom->destroy;
    }
};

$CASES{'qemu-monitor.pl'} = sub {
    failed_ok(run('qemu-monitor.pl', '--uri', 'test:///default', 'test'), 'qemu-monitor.pl',
              'this function is not supported by the connection driver: virDomainQemuMonitorCommand',
              'test:///default: no QEMU monitor');
    failed_ok(run('qemu-monitor.pl', '--uri', 'test:///default', '--watch', 'STOP', 'test'), 'qemu-monitor.pl',
              'this function is not supported by the connection driver: virConnectDomainQemuMonitorEventRegister',
              'test:///default: no QEMU monitor events');
    my $u = run('qemu-monitor.pl', '--uri', 'test:///default', '--watch', 'STOP', 'test', '{}');
    is($u->{rc}, 2, '--watch and a command: exit 2');
  SKIP: {
        skip $no_stack, 23 unless $S;
        my $name = qemu_guest();
        my $dom = Sys::Virt->new(uri => $S->{uri})->get_domain_by_name($name);
        ran_ok(run('qemu-monitor.pl', '--uri', $S->{uri}, $name),
               qq({\n   "running" : true,\n   "status" : "running"\n}\n), 'QEMU: query-status, the default');
        my $v = JSON::PP->new->decode($dom->qemu_monitor_command('{"execute":"query-version"}'))->{return};
        ran_ok(run('qemu-monitor.pl', '--uri', $S->{uri}, $name, '{"execute":"query-version"}'),
               JSON::PP->new->canonical->pretty->encode($v), 'QEMU: query-version');
        ran_ok(run('qemu-monitor.pl', '--uri', $S->{uri}, '--hmp', $name, 'info version'),
               "$v->{qemu}{major}.$v->{qemu}{minor}.$v->{qemu}{micro}$v->{package}\n", 'QEMU: HMP info version');
        ran_ok(run('qemu-monitor.pl', '--uri', $S->{uri}, '--hmp', $name), "VM status: running\n",
               'QEMU: HMP info status, the default');
        failed_ok(run('qemu-monitor.pl', '--uri', $S->{uri}, $name, '{"execute":"no-such"}'), 'qemu-monitor.pl',
                  'QEMU: The command no-such has not been found (CommandNotFound)', "QEMU: QEMU's error");
        # --watch in the background: suspend and resume once it watches
        my $errfile = "$tmp/qemu-monitor.err";
        my $pid = open(my $r, '-|') // die "fork: $!";
        if (!$pid) {
            open(STDIN, '<', '/dev/null') or POSIX::_exit(126);
            open(STDERR, '>', $errfile) or POSIX::_exit(126);
            { exec($^X, '-Mblib', 'examples/qemu-monitor.pl', '--uri', $S->{uri}, '--watch', 'stop|resume',
                   '--count', 2, '--timeout', 60, $name) }
            POSIX::_exit(127);
        }
        push @cleanup, sub { kill 'KILL', $pid if kill 0, $pid };
        is(scalar <$r>, "watching: stop|resume\n", 'QEMU --watch: it says what it watches');
        my $t0 = time;
        $dom->suspend;
        $dom->resume;
        my @got = <$r>;
        close $r;
        is($? >> 8, 0, 'QEMU --watch: exit 0') or diag slurp($errfile);
        is(scalar @got, 3, 'QEMU --watch: two events, then done');
        like($got[0] // '', qr/^STOP at (\d+)\.\d{6}\n\z/, 'QEMU --watch: STOP, with its time');
        like($got[1] // '', qr/^RESUME at (\d+)\.\d{6}\n\z/, 'QEMU --watch: RESUME, with its time');
        my ($secs) = ($got[0] // '') =~ /at (\d+)/;
        ok($secs && abs($secs - $t0) <= 5, "QEMU --watch: the time is now ($secs, $t0)");
        is($got[2], "done, 2 events\n", 'QEMU --watch: stopped after --count events');
        is(slurp($errfile), '', 'QEMU --watch: nothing on stderr');
    }
};

# admin.pl: the admin socket of a private libvirtd, with a TCP and a unix
# client of its own, the first disconnected by the script.
$CASES{'admin.pl'} = sub {
    my ($uri, $stop, undef, $tcp_uri) = SysVirtDaemon::start_private(22300 + $$ % 300);
    my $admin_uri = SysVirtDaemon::admin_uri($uri);
    my ($dir) = $admin_uri =~ m{socket=(.*)/libvirt-admin-sock$};
    my $tcp = Sys::Virt->new(uri => $tcp_uri);      # client 1 of server libvirtd
    my $unix = Sys::Virt->new(uri => $uri);         # client 2
    my $v = $tcp->get_library_version;
    my $version = sprintf '%d.%d.%d', $v / 1_000_000, $v / 1000 % 1000, $v % 1000;
    my $r = run('admin.pl', '--uri', $admin_uri, '--set-filters', '1:rpc', '--disconnect', 'libvirtd:1');
    ran_ok($r, qr{\A\QURI:      $admin_uri\E
libvirt:  \Q$version\E
Logging:  outputs \Q3:file:$dir/libvirtd.log\E; filters 1:\*rpc\*[ ]
Server admin: 5-20 workers \(\d+ now, \d+ free, 0 priority\), \d+ jobs queued
  clients: 1 of 5000 \(0 of 0 unauthenticated\)
  client 1: unix, pid \d+, user \Q@{[scalar getpwuid($<)]}\E
Server libvirtd: 5-20 workers \(\d+ now, \d+ free, 5 priority\), \d+ jobs queued
  clients: 2 of 5000 \(0 of 20 unauthenticated\)
  client 1: tcp, 127\.0\.0\.1:\d+
  client 1 disconnected
  client 2: unix, pid $$, user \Q@{[scalar getpwuid($<)]}\E
\z}, 'servers, clients, logging; a filter set and a client disconnected');
    my $tick = Sys::Virt::Event::add_timeout(100, sub { });
    SysVirtQemu::pump_until(15, sub { !$tcp->is_alive });
    Sys::Virt::Event::remove_timeout($tick);
    is($tcp->is_alive, 0, 'the disconnected client sees its connection closed');
    is($unix->is_alive, 1, 'the other one does not');
    failed_ok(run('admin.pl', '--uri', "libvirtd:///system?socket=$dir/none"), 'admin.pl',
              "Failed to connect socket to '$dir/none': No such file or directory", 'an admin socket that does not exist');
    is(run('admin.pl', '--uri', $admin_uri, '--disconnect', '1')->{rc}, 2, '--disconnect without a server: exit 2');
    $stop->();
};

# ------------------------------------------------------------------ run them

opendir(my $dh, 'examples') or die "examples: $!";
my @scripts = sort grep { !/^\./ && -f "examples/$_" } readdir $dh;
closedir $dh;
is_deeply(\@scripts, [sort keys %CASES], 'every script in examples/ has its case here (and no case lacks its script)');

for my $script (@scripts) {
    subtest $script => sub {
        my $src = slurp("examples/$script");
        like($src, qr{\A#!/usr/bin/perl\n}, 'starts with #!/usr/bin/perl');
        like($src, qr/^use strict;\nuse warnings;\nuse Getopt::Long;\nuse Pod::Usage;\n/m,
             'strict, warnings, Getopt::Long, Pod::Usage');
        ok(-x "examples/$script", 'executable');
        my $checker = Pod::Checker->new(-warnings => 2);
        $checker->parse_from_file("examples/$script", \my $pod_msgs);
        is($checker->num_errors, 0, 'its POD has no errors');
        is($checker->num_warnings, 0, 'its POD has no warnings');

        (my $base = $script) =~ s/\.pl$//;
        my $h = run($script, '--help');
        is($h->{rc}, 0, '--help: exit 0');
        like($h->{out}, qr/\AUsage:\n +\Q$script\E \[--uri URI/, '--help: the usage from the POD SYNOPSIS');
        like($h->{out}, qr/^Options:\n/m, '--help: and the options');
        is($h->{err}, '', '--help: nothing on stderr');
        my $b = run($script, '--no-such-option');
        is($b->{rc}, 2, 'an unknown option: exit 2');
        like($b->{err}, qr/\AUnknown option: no-such-option\nUsage:\n/, '... says so, with the usage');

        if (my $case = $CASES{$script}) { $case->() }
    };
}

done_testing();
