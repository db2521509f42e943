# Live migration of real TCG guests between the two daemons of the QEMU
# stack (t/lib/SysVirtQemu.pm): the primary and the migration target see
# the same image directory, so every migration is MIGRATE_LIVE with
# MIGRATE_UNSAFE (shared storage without a cluster file system).
# Proves, each on a fresh guest: migrate() with a parameter hash (rename,
# destination XML, bandwidth, explicit tcp://127.0.0.1 data URI);
# migrate_to_uri() peer-to-peer, and its refused direct form;
# migrate_to_uri2() and migrate2() with their documented argument orders;
# job statistics read while a throttled migration runs in a child
# process, abort_job() on one, the migration tunables, the completed
# job's statistics; post-copy; migrating back to the primary with the
# positional migrate() and with peer-to-peer migrate_to_uri().
# That a guest runs on the target is read from its serial log: the boot
# sector prints a banner every second, and new lines keep arriving once
# the source QEMU is gone.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use SysVirtQemu qw(poll_until banner_count wait_banners);
use POSIX ();

my $s = SysVirtQemu::skip_unless_stack();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $src = Sys::Virt->new(uri => $s->{uri});
my $dst = Sys::Virt->new(uri => $s->{target_uri});
is($src->get_type, 'QEMU', 'primary daemon: QEMU driver');
is($dst->get_type, 'QEMU', 'target daemon: QEMU driver');

my $P = "sv55-$$";              # every guest of this file is named $P-...
my $images = "$s->{dir}/images";
my (@files, @kids);
my $parent = $$;

# Whatever happens: no child left, no guest of ours left on either
# daemon (fresh connections: the test's own may be broken), no file.
END {
    if ($$ == $parent) {
        my $rc = $?;
        for my $pid (@kids) {
            kill 'KILL', $pid if kill 0, $pid;
            waitpid $pid, 0;
        }
        for my $uri ($s->{uri}, $s->{target_uri}) {
            my $c = eval { Sys::Virt->new(uri => $uri) } or next;
            for my $d (eval { $c->list_all_domains }) {
                next unless eval { $d->get_name } =~ /^\Q$P\E-/;
                eval { $d->destroy } if eval { $d->is_active };
                eval { $d->undefine } if eval { $d->is_persistent };
            }
        }
        unlink grep { defined } @files;
        $? = $rc;
    }
}

my $LIVE = Sys::Virt::Domain::MIGRATE_LIVE | Sys::Virt::Domain::MIGRATE_UNSAFE;
my $P2P = $LIVE | Sys::Virt::Domain::MIGRATE_PEER2PEER;
my $MiB = 1024 * 1024;

# A random 2 MiB option ROM (first bytes not 55 AA: SeaBIOS ignores it).
# The boot sector guest has only about 1 MB of non-zero memory, which a
# 1 MiB/s migration sends in well under a second; this ROM is guest
# memory too (a RAM block QEMU migrates) and stretches such a migration
# to a few seconds, time enough to watch, abort or switch it to post-copy.
my $rom = "$images/$P.rom";
push @files, $rom;
{
    open my $in, '<:raw', '/dev/urandom' or die "/dev/urandom: $!";
    read($in, my $bytes, 2 * $MiB) == 2 * $MiB or die "short read of /dev/urandom";
    substr($bytes, 0, 2) = "\0\0";
    open my $out, '>:raw', $rom or die "$rom: $!";
    print $out $bytes or die "$rom: $!";
    close $out or die "$rom: $!";
}

# guest(TAG, persistent => 0, rom => 0): a fresh running guest on the
# primary, its banner already on COM1. The serial log is opened in append
# mode (QEMU's O_APPEND): the incoming QEMU on the target does not
# truncate what the source wrote. Returns ($dom, $name, $log).
sub guest {
    my ($tag, %opt) = @_;
    my $name = "$P-$tag";
    my $img = "$images/$name.qcow2";
    my $log = "$images/$name.log";
    push @files, $img, $log, "$log.target";
    SysVirtQemu::make_disk($img);
    # The ROM sits on a slirp interface (no host device); other guests
    # have none.
    my $xml = SysVirtQemu::guest_xml(
        name => $name, disk => $img, serial_log => $log, log_append => 1, vnc => 0,
        $opt{rom} ? (net => 'user', rom => $rom) : (net => 'none'));
    my $dom;
    if ($opt{persistent}) {
        $dom = $src->define_domain($xml);
        $dom->create;
    } else {
        $dom = $src->create_domain($xml);
    }
    wait_banners($log, 1, 30)
        or die "guest $name printed no banner in 30 s";
    return ($dom, $name, $log);
}

# runs_there(DDOM, CONN, UUID, LOG, WHAT): the migrated guest DDOM
# is the one of UUID on CONN, running, and once its source is gone new
# banner lines arrive in LOG.
sub runs_there {
    my ($dd, $conn, $uuid, $log, $what) = @_;
    isa_ok($dd, 'Sys::Virt::Domain', "$what: domain object");
    is($dd->get_uuid_string, $uuid, "$what: same UUID");
    is($conn->get_domain_by_uuid($uuid)->get_name, $dd->get_name,
       "$what: the destination daemon has it");
    is_deeply([$dd->get_state],
              [Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_MIGRATED],
              "$what: running, reason migrated");
    my $before = banner_count($log);
    ok(wait_banners($log, $before + 2, 15),
       "$what: two new banner lines after the migration ($before before)");
}

# gone_from(CONN, UUID, WHAT): CONN has no guest of that UUID.
sub gone_from {
    my ($conn, $uuid, $what) = @_;
    eval { $conn->get_domain_by_uuid($uuid) };
    is(ref $@ && $@->code, Sys::Virt::Error::ERR_NO_DOMAIN, "$what: ERR_NO_DOMAIN")
        or diag $@;
}

# migrate_in_child(NAME, CODE): forks; the child opens its own connection
# to the primary, looks NAME up and runs CODE->($dom) (the migration),
# then reports through a pipe and leaves with _exit (nothing of the
# parent's connections is touched in the child). Returns a handle for
# child_result().
sub migrate_in_child {
    my ($name, $code) = @_;
    pipe(my $r, my $w) or die "pipe: $!";
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        close $r;
        my $msg = eval {
            my $c = Sys::Virt->new(uri => $s->{uri});
            $code->($c->get_domain_by_name($name));
            "OK\n";
        };
        if (!defined $msg) {
            my $e = $@;
            $msg = ref $e ? join("\t", 'ERR', $e->code, $e->domain, $e->message) . "\n"
                          : "DIE\t$e";
            $msg =~ s/\n(?!\z)/ /g;
        }
        syswrite $w, $msg;
        close $w;
        POSIX::_exit(0);
    }
    close $w;
    push @kids, $pid;
    return { pid => $pid, fh => $r };
}

# child_done(H): the child has exited (reaped here, once).
sub child_done {
    my ($h) = @_;
    $h->{done} ||= waitpid($h->{pid}, POSIX::WNOHANG()) == $h->{pid};
    return $h->{done};
}

# child_result(H): waits (at most 60 s) for the child; returns its report
# as a list: ('OK') or ('ERR', code, domain, message).
sub child_result {
    my ($h) = @_;
    if (!poll_until(60, sub { child_done($h) })) {
        kill 'KILL', $h->{pid};
        waitpid $h->{pid}, 0;
        return ('TIMEOUT');
    }
    @kids = grep { $_ != $h->{pid} } @kids;
    my $fh = $h->{fh};
    my $line = <$fh> // "NOTHING\n";
    chomp $line;
    return split /\t/, $line, 4;
}

# wait_job_running(DOM): waits until DOM's migration job is running and
# QEMU reports progress: data sent, and less remaining than in total (its
# first samples may count bytes sent while "remaining" is still the whole:
# seen once in CI); returns get_job_info's hash then (the last one at the
# deadline, for the caller's assertions to show).
sub wait_job_running {
    my ($dom) = @_;
    my $info;
    poll_until(30, sub {
        $info = $dom->get_job_info;
        $info->{type} == Sys::Virt::Domain::JOB_UNBOUNDED && $info->{dataProcessed} > 0
            && $info->{dataRemaining} < $info->{dataTotal};
    });
    return $info;
}

my $plain_total;                # guest memory QEMU migrates, without the ROM
my %INFO_KEYS = map { $_ => 1 } qw(type timeElapsed timeRemaining dataTotal dataProcessed
    dataRemaining memTotal memProcessed memRemaining fileTotal fileProcessed fileRemaining);

# ------------------------------------------------------------------
# migrate($destconn, \%params, $flags): rename, destination XML (another
# serial log file: a host-side setting), bandwidth, explicit data URI.
{
    my ($dom, $name, $log) = guest('a');
    my $uuid = $dom->get_uuid_string;
    my $dxml = $dom->get_xml_description(Sys::Virt::Domain::XML_MIGRATABLE);
    $dxml =~ s{\Q$log\E}{$log.target}g or die "log path not in the migratable XML";
    # Typed-parameter strings go as Perl holds them, as the original: a
    # character string (a name with U+263A, an XML with "Caf\x{e9}") as
    # its UTF-8 encoding.
    my $moved = "$name-moved-\x{263a}";
    $dxml =~ s{</name>}{</name>\n  <description>Caf\x{e9} \x{263a}</description>} or die "no </name>";
    utf8::upgrade($dxml);
    my $dd = $dom->migrate($dst, {
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $moved,
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_XML()  => $dxml,
        Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => 100,
        Sys::Virt::Domain::MIGRATE_PARAM_URI()       => 'tcp://127.0.0.1',
    }, $LIVE);
    is(eval { $dd->get_name }, "$name-moved-\xe2\x98\xba",
       'migrate: the guest has its new (non-ASCII) name on the target, as UTF-8 bytes');
    is(eval { $dst->get_domain_by_name($moved)->get_uuid_string }, $uuid,
       'migrate: found on the target by that name as a character string');
    like($dd->get_xml_description, qr{<description>Caf\xc3\xa9 \xe2\x98\xba</description>},
         'migrate: the destination XML arrived as UTF-8');
    runs_there($dd, $dst, $uuid, "$log.target", 'migrate');
    like($dd->get_xml_description, qr{<log file='\Q$log.target\E'},
         'migrate: the destination XML was used (its serial log file)');
    gone_from($src, $uuid, 'migrate: transient guest gone from the source');
    eval { $dom->get_info };
    is(ref $@ && $@->code, Sys::Virt::Error::ERR_NO_DOMAIN, 'migrate: the source object is stale');
    my $srclog = -s $log;
    ok($srclog && banner_count($log) >= 1, 'migrate: the source wrote its own log before');

    my ($type, $st) = $dd->get_job_stats(Sys::Virt::Domain::JOB_STATS_COMPLETED);
    is($type, Sys::Virt::Domain::JOB_COMPLETED, 'target keeps the completed job: JOB_COMPLETED');
    is($st->{Sys::Virt::Domain::JOB_OPERATION}, Sys::Virt::Domain::JOB_OPERATION_MIGRATION_IN,
       '... an incoming migration');
    cmp_ok($st->{Sys::Virt::Domain::JOB_MEMORY_TOTAL}, '>=', 32 * $MiB, '... of at least the 32 MiB of guest RAM');
    # All RAM blocks of such a guest (RAM, VGA, firmware): the guests with
    # the ROM below have exactly 2 MiB more.
    $plain_total = $st->{Sys::Virt::Domain::JOB_MEMORY_TOTAL};
    is($st->{Sys::Virt::Domain::JOB_DATA_REMAINING}, 0, '... nothing remaining');
    cmp_ok($st->{Sys::Virt::Domain::JOB_DATA_PROCESSED}, '>', 0, '... data sent');
    is($st->{Sys::Virt::Domain::JOB_MEMORY_PAGE_SIZE}, 4096, '... in 4 KiB pages');
    is(-s $log, $srclog, 'migrate: nothing more in the source log once the target runs it');
    $dd->destroy;
}

# ------------------------------------------------------------------
# migrate_to_uri: without PEER2PEER the QEMU driver refuses (no direct
# migration); with it, the primary daemon connects to the target itself.
{
    my ($dom, $name, $log) = guest('b');
    my $uuid = $dom->get_uuid_string;
    eval {
        $dom->migrate_to_uri(undef, { Sys::Virt::Domain::MIGRATE_PARAM_URI() => 'tcp://127.0.0.1:1' }, $LIVE);
    };
    my $e = $@;
    is(ref $e && $e->code, Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED,
       'migrate_to_uri without PEER2PEER: ERR_ARGUMENT_UNSUPPORTED');
    is(ref $e && $e->domain, Sys::Virt::Error::FROM_DOMAIN, '... from the domain layer');
    like(ref $e && $e->message, qr/direct migration is not supported by the source host/, '... no direct migration');
    is(($dom->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, '... and the guest still runs on the source');

    my @ret = $dom->migrate_to_uri($s->{target_tcp_uri},
        { Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => "$name-moved" }, $P2P);
    is(scalar @ret, 0, 'migrate_to_uri (peer-to-peer) returns nothing');
    my $dd = $dst->get_domain_by_name("$name-moved");
    runs_there($dd, $dst, $uuid, $log, 'migrate_to_uri');
    gone_from($src, $uuid, 'migrate_to_uri: gone from the source');

    # Back to the primary: the positional migrate($destcon, $flags,
    # $dname, $uri, $bandwidth), driven by this client.
    my $home = $dd->migrate($src, $LIVE, "$name-home", 'tcp://127.0.0.1', 50);
    is(eval { $home->get_name }, "$name-home", 'positional migrate back to the primary: renamed');
    runs_there($home, $src, $uuid, $log, 'positional migrate back');
    gone_from($dst, $uuid, 'positional migrate back: gone from the target');
    $home->destroy;
}

# ------------------------------------------------------------------
# migrate_to_uri2($dconnuri, $miguri, $dxml, $flags, $dname, $bandwidth)
{
    my ($dom, $name, $log) = guest('c');
    my $uuid = $dom->get_uuid_string;
    my $dxml = $dom->get_xml_description(Sys::Virt::Domain::XML_MIGRATABLE);
    $dxml =~ s{\Q$log\E}{$log.target}g or die "log path not in the migratable XML";
    my @ret = $dom->migrate_to_uri2($s->{target_tcp_uri}, 'tcp://127.0.0.1', $dxml,
                                    $P2P, "$name-moved", 20);
    is(scalar @ret, 0, 'migrate_to_uri2 returns nothing');
    my $dd = $dst->get_domain_by_name("$name-moved");
    runs_there($dd, $dst, $uuid, "$log.target", 'migrate_to_uri2');
    like($dd->get_xml_description, qr{<log file='\Q$log.target\E'},
         'migrate_to_uri2: its $dxml argument was used');
    gone_from($src, $uuid, 'migrate_to_uri2: gone from the source');
    $dd->destroy;
}

# ------------------------------------------------------------------
# migrate2($destcon, $dxml, $flags, $dname, $uri, $bandwidth) of a
# persistent guest: the source keeps it, shut off (migrated), with the
# statistics of the completed job.
{
    my ($dom, $name, $log) = guest('d', persistent => 1);
    my $uuid = $dom->get_uuid_string;
    my $dxml = $dom->get_xml_description(Sys::Virt::Domain::XML_MIGRATABLE);
    $dxml =~ s{\Q$log\E}{$log.target}g or die "log path not in the migratable XML";
    my $dd = $dom->migrate2($dst, $dxml, $LIVE, "$name-moved", 'tcp://127.0.0.1', 100);
    is(eval { $dd->get_name }, "$name-moved", 'migrate2: renamed on the target');
    runs_there($dd, $dst, $uuid, "$log.target", 'migrate2');
    like($dd->get_xml_description, qr{<log file='\Q$log.target\E'}, 'migrate2: its $dxml was used');
    is($dd->is_persistent, 0, 'migrate2: transient on the target (no MIGRATE_PERSIST_DEST)');
    is_deeply([$dom->get_state],
              [Sys::Virt::Domain::STATE_SHUTOFF, Sys::Virt::Domain::STATE_SHUTOFF_MIGRATED],
              'migrate2: the persistent source is shut off, reason migrated');
    is($dom->is_persistent, 1, '... still defined there');

    my $both = Sys::Virt::Domain::JOB_STATS_COMPLETED | Sys::Virt::Domain::JOB_STATS_KEEP_COMPLETED;
    my ($type, $st) = $dom->get_job_stats($both);
    is($type, Sys::Virt::Domain::JOB_COMPLETED, 'source: completed job (kept)');
    is($st->{Sys::Virt::Domain::JOB_OPERATION}, Sys::Virt::Domain::JOB_OPERATION_MIGRATION_OUT,
       '... an outgoing migration');
    cmp_ok($st->{Sys::Virt::Domain::JOB_TIME_ELAPSED}, '>', 0, '... that took some time');
    is($st->{Sys::Virt::Domain::JOB_MEMORY_REMAINING}, 0, '... all memory sent');
    cmp_ok($st->{Sys::Virt::Domain::JOB_MEMORY_PROCESSED}, '>', 0, '... some memory sent');
    ($type, my $again) = $dom->get_job_stats(Sys::Virt::Domain::JOB_STATS_COMPLETED);
    is($type, Sys::Virt::Domain::JOB_COMPLETED, 'KEEP_COMPLETED kept it for a second read');
    is_deeply($again, $st, '... the same statistics');
    ($type, $again) = $dom->get_job_stats(Sys::Virt::Domain::JOB_STATS_COMPLETED);
    is($type, Sys::Virt::Domain::JOB_NONE, 'read without KEEP_COMPLETED: then gone (JOB_NONE)');
    is_deeply($again, {}, '... with no statistics');

    # Back home, peer-to-peer: the target daemon connects to the
    # primary's unix socket (the same path in both mount namespaces).
    my @ret = $dd->migrate_to_uri($s->{uri}, { Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $name }, $P2P);
    is(scalar @ret, 0, 'peer-to-peer migrate_to_uri back to the primary');
    gone_from($dst, $uuid, 'peer-to-peer back: gone from the target');
    is($dom->is_active, 1, 'peer-to-peer back: the persistent definition runs again');
    runs_there($dom, $src, $uuid, "$log.target", 'peer-to-peer back');
    $dom->destroy;
    $dom->undefine;
}

# ------------------------------------------------------------------
# Tunables, then a throttled migration (1 MiB/s) watched and aborted,
# then one watched until it completes.
{
    my ($dom, $name, $log) = guest('f', rom => 1);
    my $uuid = $dom->get_uuid_string;

    # libvirt's "unlimited": INT64_MAX bytes/s in MiB/s.
    is($dom->migrate_get_max_speed, 8796093022207, 'migrate_get_max_speed: unlimited by default');
    is($dom->migrate_get_max_speed(Sys::Virt::Domain::MIGRATE_MAX_SPEED_POSTCOPY), 0,
       'post-copy speed: 0 (not set)');
    my @ret = $dom->migrate_set_max_speed(1);
    is(scalar @ret, 0, 'migrate_set_max_speed returns nothing');
    is($dom->migrate_get_max_speed, 1, 'max speed now 1 MiB/s');
    $dom->migrate_set_max_speed(3, Sys::Virt::Domain::MIGRATE_MAX_SPEED_POSTCOPY);
    is($dom->migrate_get_max_speed(Sys::Virt::Domain::MIGRATE_MAX_SPEED_POSTCOPY), 3,
       'post-copy max speed set apart');
    is($dom->migrate_get_max_speed, 1, '... pre-copy speed unchanged');
    is($dom->migrate_get_max_downtime, 300, 'migrate_get_max_downtime: QEMU default 300 ms');
    @ret = $dom->migrate_set_max_downtime(1234);
    is(scalar @ret, 0, 'migrate_set_max_downtime returns nothing');
    is($dom->migrate_get_max_downtime, 1234, 'max downtime now 1234 ms');
    is($dom->migrate_get_compression_cache, 64 * $MiB, 'migrate_get_compression_cache: QEMU default 64 MiB');
    @ret = $dom->migrate_set_compression_cache(8 * $MiB);
    is(scalar @ret, 0, 'migrate_set_compression_cache returns nothing');
    is($dom->migrate_get_compression_cache, 8 * $MiB, 'compression cache now 8 MiB');

    my ($type, $st) = $dom->get_job_stats;
    is($type, Sys::Virt::Domain::JOB_NONE, 'no job yet: JOB_NONE');
    is_deeply($st, {}, '... no statistics');
    eval { $dom->abort_job };
    is(ref $@ && $@->code, Sys::Virt::Error::ERR_OPERATION_INVALID, 'abort_job without a job: ERR_OPERATION_INVALID');
    like(ref $@ && $@->message, qr/no job is active/, '... no job is active');

    # First run: watched, then aborted.
    my $kid = migrate_in_child($name, sub { $_[0]->migrate_to_uri($s->{target_tcp_uri}, {}, $P2P) });
    my $info = wait_job_running($dom);
    is($info->{type}, Sys::Virt::Domain::JOB_UNBOUNDED, 'get_job_info during the migration: JOB_UNBOUNDED');
    is_deeply([sort keys %$info], [sort keys %INFO_KEYS], '... with its 12 keys');
    is($info->{dataTotal}, $plain_total + 2 * $MiB, '... dataTotal: all guest memory, the 2 MiB ROM included');
    is($info->{memTotal}, $info->{dataTotal}, '... all of it memory (no disk copied)');
    cmp_ok($info->{dataRemaining}, '<', $info->{dataTotal}, '... dataRemaining below it');
    cmp_ok($info->{timeElapsed}, '>', 0, '... timeElapsed > 0');

    eval { $dom->migrate_start_post_copy };
    is(ref $@ && $@->code, Sys::Virt::Error::ERR_OPERATION_INVALID,
       'migrate_start_post_copy on a migration without MIGRATE_POSTCOPY: ERR_OPERATION_INVALID');
    like(ref $@ && $@->message, qr/requires migration to be started with VIR_MIGRATE_POSTCOPY/, '... says why');

    my ($t1, $s1) = $dom->get_job_stats;
    my $s2;
    poll_until(10, sub {
        (my $t, $s2) = $dom->get_job_stats;
        $s2->{Sys::Virt::Domain::JOB_DATA_PROCESSED} > $s1->{Sys::Virt::Domain::JOB_DATA_PROCESSED};
    });
    is($t1, Sys::Virt::Domain::JOB_UNBOUNDED, 'get_job_stats during the migration: JOB_UNBOUNDED');
    for my $k (qw(JOB_OPERATION JOB_TIME_ELAPSED JOB_DATA_TOTAL JOB_DATA_PROCESSED JOB_DATA_REMAINING
                  JOB_MEMORY_TOTAL JOB_MEMORY_PROCESSED JOB_MEMORY_REMAINING JOB_MEMORY_CONSTANT
                  JOB_MEMORY_NORMAL JOB_MEMORY_NORMAL_BYTES JOB_MEMORY_PAGE_SIZE
                  JOB_MEMORY_ITERATION)) {
        my $key = Sys::Virt::Domain->can($k)->();
        ok(exists $s1->{$key}, "... has $k ($key)");
    }
    is($s1->{Sys::Virt::Domain::JOB_OPERATION}, Sys::Virt::Domain::JOB_OPERATION_MIGRATION_OUT,
       '... an outgoing migration');
    is($s1->{Sys::Virt::Domain::JOB_DATA_TOTAL}, $info->{dataTotal}, '... data_total as get_job_info said');
    cmp_ok($s2->{Sys::Virt::Domain::JOB_DATA_PROCESSED}, '>', $s1->{Sys::Virt::Domain::JOB_DATA_PROCESSED},
           '... data_processed grows');
    cmp_ok($s2->{Sys::Virt::Domain::JOB_MEMORY_PROCESSED}, '>', $s1->{Sys::Virt::Domain::JOB_MEMORY_PROCESSED},
           '... memory_processed grows');
    cmp_ok($s2->{Sys::Virt::Domain::JOB_TIME_ELAPSED}, '>', $s1->{Sys::Virt::Domain::JOB_TIME_ELAPSED},
           '... time_elapsed grows');
    cmp_ok($s2->{Sys::Virt::Domain::JOB_MEMORY_REMAINING}, '<', $s1->{Sys::Virt::Domain::JOB_MEMORY_REMAINING},
           '... memory_remaining shrinks');
    is($s2->{Sys::Virt::Domain::JOB_MEMORY_PAGE_SIZE}, 4096, '... 4 KiB pages');
    my $scalar = $dom->get_job_stats;
    is(ref $scalar, 'HASH', 'get_job_stats in scalar context: the hash reference');

    @ret = $dom->abort_job;
    is(scalar @ret, 0, 'abort_job returns nothing');
    my @r = child_result($kid);
    is($r[0], 'ERR', 'the aborted migration fails in the child') or diag "@r";
    # libvirt cancels the source's migration and the target's incoming
    # one; when the target's side closes first (a loaded machine), the
    # source's QEMU sees its peer gone before it sees the cancel, and
    # libvirt reports that failure instead (qemuMigrationJobCheckStatus).
    my @outcomes = (
        [Sys::Virt::Error::ERR_OPERATION_ABORTED, qr/^operation aborted: job 'migration out' canceled by client/],
        [Sys::Virt::Error::ERR_OPERATION_FAILED, qr/^operation failed: migration out job: .*Connection reset by peer/],
    );
    my ($outcome) = grep { ($r[1] // -1) == $_->[0] } @outcomes;
    ok($outcome, '... ERR_OPERATION_ABORTED, or ERR_OPERATION_FAILED if the target closed first') or diag "@r";
    is($r[2], Sys::Virt::Error::FROM_QEMU, '... from the QEMU driver');
    like($r[3] // '', $outcome ? $outcome->[1] : qr/(?!)/, '... canceled by client (or the peer gone)');
    is(($dom->get_state)[0], Sys::Virt::Domain::STATE_RUNNING, 'the guest still runs on the source');
    gone_from($dst, $uuid, 'aborted: nothing on the target');
    ok(poll_until(10, sub { $dom->get_job_info->{type} == Sys::Virt::Domain::JOB_NONE }),
       'no job left on the source');
    my $before = banner_count($log);
    ok(wait_banners($log, $before + 1, 15), 'and it keeps printing there');

    # Second run: watched until it completes.
    $kid = migrate_in_child($name, sub { $_[0]->migrate_to_uri($s->{target_tcp_uri}, {}, $P2P) });
    my (@seen, @bps);
    # Sampled every 50 ms.
    poll_until(60, sub {
        my ($t, $st) = eval { $dom->get_job_stats };
        if (defined $t && $t == Sys::Virt::Domain::JOB_UNBOUNDED) {
            push @seen, $st->{Sys::Virt::Domain::JOB_DATA_PROCESSED};
            # memory_bps appears once QEMU has measured a rate.
            push @bps, $st->{Sys::Virt::Domain::JOB_MEMORY_BPS}
                if defined $st->{Sys::Virt::Domain::JOB_MEMORY_BPS};
        }
        !defined $t || child_done($kid);    # the guest left the source
    }, 0.05);
    @r = child_result($kid);
    is($r[0], 'OK', 'the second throttled migration completes') or diag "@r";
    cmp_ok(scalar @seen, '>=', 5, 'its job was seen running several times (' . scalar(@seen) . ')');
    is_deeply([sort { $a <=> $b } @seen], \@seen, '... data_processed never went back');
    cmp_ok($seen[-1], '>', $seen[0], '... and grew');
    ok(@bps, 'memory_bps reported while it ran');
    # Throttled to 1 MiB/s (unthrottled, this host moves ~30 MB/s).
    ok(!grep({ $_ <= 0 || $_ > 4 * $MiB } @bps), "... at the throttled rate (" . join(" ", @bps[0 .. ($#bps < 4 ? $#bps : 4)]) . ")");
    my $dd = $dst->get_domain_by_name($name);
    runs_there($dd, $dst, $uuid, $log, 'throttled migrate_to_uri');
    ($type, $st) = $dd->get_job_stats(Sys::Virt::Domain::JOB_STATS_COMPLETED);
    is($type, Sys::Virt::Domain::JOB_COMPLETED, 'target: completed job');
    is($st->{Sys::Virt::Domain::JOB_DATA_TOTAL}, $plain_total + 2 * $MiB, '... with the ROM in it');
    cmp_ok($st->{Sys::Virt::Domain::JOB_MEMORY_NORMAL_BYTES}, '>=', 2 * $MiB, '... the ROM sent as normal pages');
    $dd->destroy;
}

# ------------------------------------------------------------------
# Post-copy under TCG: switched while the throttled pre-copy runs; the
# source pauses (post-copy) while the target already runs the guest.
{
    my ($dom, $name, $log) = guest('g', rom => 1);
    my $uuid = $dom->get_uuid_string;
    eval { $dom->migrate_start_post_copy };
    is(ref $@ && $@->code, Sys::Virt::Error::ERR_OPERATION_INVALID,
       'migrate_start_post_copy without a migration: ERR_OPERATION_INVALID');
    like(ref $@ && $@->message, qr/post-copy can only be started while outgoing migration is in progress/,
         '... only during an outgoing migration');

    my $kid = migrate_in_child($name, sub {
        $_[0]->migrate_to_uri($s->{target_tcp_uri}, {
            Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH()          => 1,
            Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH_POSTCOPY() => 1,
        }, $P2P | Sys::Virt::Domain::MIGRATE_POSTCOPY);
    });
    my $info = wait_job_running($dom);
    is($info->{type}, Sys::Virt::Domain::JOB_UNBOUNDED, 'post-copy migration running (pre-copy phase)');
    my @ret = eval { $dom->migrate_start_post_copy };
    is($@, '', 'migrate_start_post_copy during a MIGRATE_POSTCOPY migration');
    is(scalar @ret, 0, '... returns nothing');
    my ($src_pc, $dst_pc);
    poll_until(30, sub {
        my @st = eval { $dom->get_state };
        $src_pc = 1 if "@st" eq join(' ', Sys::Virt::Domain::STATE_PAUSED, Sys::Virt::Domain::STATE_PAUSED_POSTCOPY);
        my $dd = eval { $dst->get_domain_by_name($name) };
        my @dt = $dd ? eval { $dd->get_state } : ();
        $dst_pc = 1 if "@dt" eq join(' ', Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_POSTCOPY);
        ($src_pc && $dst_pc) || !@st;
    });
    ok($src_pc, 'source: paused, reason post-copy');
    ok($dst_pc, 'target: running, reason post-copy');
    my @r = child_result($kid);
    is($r[0], 'OK', 'the post-copy migration completes') or diag "@r";
    my $dd = $dst->get_domain_by_name($name);
    is($dd->get_uuid_string, $uuid, 'post-copy: the guest is on the target');
    ok(poll_until(10, sub {
        join(' ', $dd->get_state) eq join(' ', Sys::Virt::Domain::STATE_RUNNING, Sys::Virt::Domain::STATE_RUNNING_MIGRATED)
    }), 'post-copy: then running, reason migrated');
    my $before = banner_count($log);
    ok(wait_banners($log, $before + 2, 15), 'post-copy: new banner lines from the target');
    gone_from($src, $uuid, 'post-copy: gone from the source');
    $dd->destroy;
}

done_testing();
