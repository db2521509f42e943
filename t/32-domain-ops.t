# -*- perl -*-
# Sys::Virt::Domain statistics, block info, disk errors, jobs and peeks,
# against the test driver (t/data/dops-node.xml and test:///default).

use strict;
use warnings;

use File::Spec;
use FindBin;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(domain_invocant_checks error_of virt_error_is unsupported_is);
use Time::HiRes ();

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, "Sys::Virt is loaded from blib");

my $xml = File::Spec->rel2abs("$FindBin::Bin/data/dops-node.xml");
my $conn = Sys::Virt->new(uri => "test://$xml");
my $dom = $conn->get_domain_by_name("dops-run");
my $off = $conn->get_domain_by_name("dops-off");
isa_ok($dom, "Sys::Virt::Domain");

my $ERR = "Sys::Virt::Error";

# ---- block_stats ------------------------------------------------------
# (Time::HiRes: Perl's own time() reads a coarse clock that may still show
# the previous second when the driver's precise clock shows the next.)
# The test driver derives each counter from the clock: rd_req = usec/10,
# rd_bytes = usec/20, wr_req = usec/30, wr_bytes = usec/40, errs = sec/2.
for my $path ("vda", "vdb", "/dops/images/data.img") {
    my $t0 = Time::HiRes::time();
    my $st = $dom->block_stats($path);
    my $t1 = Time::HiRes::time();
    is(ref $st, "HASH", "block_stats($path) returns a hash ref");
    is_deeply([sort keys %$st], [qw(errs rd_bytes rd_req wr_bytes wr_req)],
              "block_stats($path): exact keys of the flag-less API");
    my $usec = $st->{rd_req} * 10;
    cmp_ok($usec, '>=', ($t0 - 1) * 1_000_000, "block_stats($path): rd_req follows the clock (low)");
    cmp_ok($usec, '<=', ($t1 + 1) * 1_000_000, "block_stats($path): rd_req follows the clock (high)");
    cmp_ok(abs($st->{rd_bytes} * 20 - $usec), '<', 40, "rd_bytes = usec/20");
    cmp_ok(abs($st->{wr_req} * 30 - $usec), '<', 60, "wr_req = usec/30");
    cmp_ok(abs($st->{wr_bytes} * 40 - $usec), '<', 80, "wr_bytes = usec/40");
    cmp_ok(abs($st->{errs} * 2 - $usec / 1_000_000), '<', 3, "errs = sec/2");
}
{
    my @r = $dom->block_stats("vda", 0);
    is(scalar(@r), 1, "block_stats returns one value in list context");
}
eval { $dom->block_stats("vda", 1) };
virt_error_is($@, &Sys::Virt::Error::ERR_NO_SUPPORT, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "block_stats with flags needs virDomainBlockStatsFlags (no fallback)");
like($@->message, qr/virDomainBlockStatsFlags/, "block_stats with flags: message names the typed API");
eval { $dom->block_stats("sdz") };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_TEST, undef,
              "block_stats of an unknown disk");
like($@->message, qr/invalid path: sdz/, "block_stats unknown disk message");
eval { $off->block_stats("vda") };
virt_error_is($@, &Sys::Virt::Error::ERR_OPERATION_INVALID, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "block_stats of a shut-off domain");

# ---- interface_stats --------------------------------------------------
# rx_bytes = usec/10, rx_packets = usec/100, rx_errs = sec, rx_drop = sec/2,
# tx_bytes = usec/20, tx_packets = usec/110, tx_errs = sec/3, tx_drop = sec/4.
for my $ifname ("dopsnet0", "dopsnet1", "52:54:00:aa:00:02") {
    my $t0 = Time::HiRes::time();
    my $st = $dom->interface_stats($ifname);
    my $t1 = Time::HiRes::time();
    is_deeply([sort keys %$st],
              [qw(rx_bytes rx_drop rx_errs rx_packets tx_bytes tx_drop tx_errs tx_packets)],
              "interface_stats($ifname): exact keys");
    cmp_ok($st->{rx_errs}, '>=', $t0 - 1, "interface_stats($ifname): rx_errs is the clock (low)");
    cmp_ok($st->{rx_errs}, '<=', $t1 + 1, "interface_stats($ifname): rx_errs is the clock (high)");
    my $sec = $st->{rx_errs};
    is($st->{rx_drop}, int($sec / 2), "rx_drop = sec/2");
    is($st->{tx_errs}, int($sec / 3), "tx_errs = sec/3");
    is($st->{tx_drop}, int($sec / 4), "tx_drop = sec/4");
    my $usec = $st->{rx_bytes} * 10;
    cmp_ok(abs($st->{rx_packets} * 100 - $usec), '<', 200, "rx_packets = usec/100");
    cmp_ok(abs($st->{tx_bytes} * 20 - $usec), '<', 40, "tx_bytes = usec/20");
    cmp_ok(abs($st->{tx_packets} * 110 - $usec), '<', 220, "tx_packets = usec/110");
}
eval { $dom->interface_stats("eth9") };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "interface_stats of an unknown nic");
like($@->message, qr/'eth9' is not a known interface/, "interface_stats unknown nic message");
eval { $off->interface_stats("dopsnet0") };
virt_error_is($@, &Sys::Virt::Error::ERR_OPERATION_INVALID, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "interface_stats of a shut-off domain");

# ---- memory_stats -----------------------------------------------------
# The test driver reports from the current balloon (1 GiB here).
{
    my $ms = $dom->memory_stats();
    is_deeply($ms, {
        swap_in => 0, swap_out => 0, major_fault => 0, minor_fault => 0,
        unused => 524288, available => 1048576, actual_balloon => 1048576,
        rss => 524288, usable => 524288, last_update => 627319920,
        disk_caches => 131072, hugetlb_pgalloc => 0, hugetlb_pgfail => 0,
    }, "memory_stats: every key named as the original, real values");
    my $key_of = {
        MEMORY_STAT_SWAP_IN => "swap_in", MEMORY_STAT_SWAP_OUT => "swap_out",
        MEMORY_STAT_MAJOR_FAULT => "major_fault", MEMORY_STAT_MINOR_FAULT => "minor_fault",
        MEMORY_STAT_UNUSED => "unused", MEMORY_STAT_AVAILABLE => "available",
        MEMORY_STAT_ACTUAL_BALLOON => "actual_balloon", MEMORY_STAT_RSS => "rss",
        MEMORY_STAT_USABLE => "usable", MEMORY_STAT_LAST_UPDATE => "last_update",
        MEMORY_STAT_DISK_CACHES => "disk_caches", MEMORY_STAT_HUGETLB_PGALLOC => "hugetlb_pgalloc",
        MEMORY_STAT_HUGETLB_PGFAIL => "hugetlb_pgfail",
    };
    is(scalar(keys %$ms), scalar(keys %$key_of), "one key per MEMORY_STAT_* tag");
    my $def = Sys::Virt->new(uri => "test:///default")->get_domain_by_name("test");
    is($def->memory_stats(0)->{actual_balloon}, 2097152, "memory_stats of test:///default's 'test' (2 GiB balloon)");
}
eval { $off->memory_stats() };
virt_error_is($@, &Sys::Virt::Error::ERR_OPERATION_INVALID, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "memory_stats of a shut-off domain");
eval { $dom->memory_stats(0x80000000) };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_TEST, undef,
              "memory_stats with unknown flags");

# ---- get_block_info ---------------------------------------------------
for my $d ("vda", "vdb", "/dops/images/system.img") {
    my $bi = $dom->get_block_info($d);
    is_deeply($bi, { capacity => 1099506450432, allocation => 1099511627776, physical => 1099511627776 },
              "get_block_info($d): capacity/allocation/physical");
}
is($off->get_block_info("vda", 0)->{physical}, 1099511627776, "get_block_info works on a shut-off domain");
eval { $dom->get_block_info("vdz") };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_TEST, undef,
              "get_block_info of an unknown disk");
like($@->message, qr/invalid path vdz not assigned to domain/, "get_block_info message");

# ---- get_disk_errors --------------------------------------------------
{
    my @errs = $dom->get_disk_errors();
    is_deeply(\@errs, [ { path => "vda", error => Sys::Virt::Domain::DISK_ERROR_UNSPEC },
                        { path => "vdb", error => Sys::Virt::Domain::DISK_ERROR_NO_SPACE } ],
              "get_disk_errors: one hash per disk (path, error)");
    my $count = () = $dom->get_disk_errors(0);
    is($count, 2, "get_disk_errors returns a list");
}
eval { $off->get_disk_errors() };
virt_error_is($@, &Sys::Virt::Error::ERR_OPERATION_INVALID, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "get_disk_errors of a shut-off domain");

# ---- jobs: the test driver has none of the job APIs --------------------
for my $case (
    [ get_job_info => sub { $dom->get_job_info() }, "virDomainGetJobInfo" ],
    [ get_job_stats => sub { $dom->get_job_stats() }, "virDomainGetJobStats" ],
    [ "get_job_stats(JOB_STATS_COMPLETED)" => sub { $dom->get_job_stats(Sys::Virt::Domain::JOB_STATS_COMPLETED) },
      "virDomainGetJobStats" ],
    [ abort_job => sub { $dom->abort_job() }, "virDomainAbortJob" ],
    # libvirt 8.5.0's: an older running libvirt has no such function, and
    # the binding says so
    [ "abort_job(flags)" => sub { $dom->abort_job(Sys::Virt::Domain::DOMAIN_ABORT_JOB_POSTCOPY) },
      "virDomainAbortJobFlags", "8.5.0" ],
) {
    my ($name, $code, $api, $since) = @$case;
    unsupported_is(error_of { $code->() }, $api, $since, &Sys::Virt::Error::FROM_DOMAIN, "$name uses $api");
}

# ---- memory_peek / block_peek -----------------------------------------
# The test driver fills the buffer with (offset + i) & 0xff.
{
    my $data = $dom->memory_peek(5, 8, Sys::Virt::Domain::MEMORY_VIRTUAL);
    is(unpack("H*", $data), "05060708090a0b0c", "memory_peek: 8 bytes from offset 5");
    ok(!utf8::is_utf8($data), "memory_peek returns bytes");
    $data = $dom->memory_peek(250, 4096, Sys::Virt::Domain::MEMORY_PHYSICAL);
    is(length($data), 4096, "memory_peek: requested length");
    is($data, join("", map { chr((250 + $_) & 0xff) } 0 .. 4095), "memory_peek: binary data with NULs intact");
    is(length($dom->memory_peek(0, 0, 1)), 0, "memory_peek of 0 bytes");
    is(unpack("H*", $dom->memory_peek(2**40 + 0x41, 2, 1)), "4142", "memory_peek: 64-bit offset");
}
eval { $dom->memory_peek(0, 16) };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_TEST, undef,
              "memory_peek needs VIRTUAL or PHYSICAL");
eval { $off->memory_peek(0, 16, 1) };
virt_error_is($@, &Sys::Virt::Error::ERR_OPERATION_INVALID, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "memory_peek of a shut-off domain");
eval { $dom->memory_peek(0, 2**62, 1) };
like($@, qr/^Sys::Virt::Domain::memory_peek: cannot allocate a buffer of \d+ bytes/,
     "memory_peek of an absurd size dies instead of aborting");
eval { $dom->memory_peek(0, -1, 1) };
like($@, qr/^Sys::Virt::Domain::memory_peek: cannot allocate/, "memory_peek of size -1 dies");
eval { $dom->block_peek("vda", 0, 512) };
virt_error_is($@, &Sys::Virt::Error::ERR_NO_SUPPORT, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "block_peek is unsupported by the test driver");
like($@->message, qr/virDomainBlockPeek$/, "block_peek calls virDomainBlockPeek");
eval { $dom->block_peek("vda", 0, 2**62, 0) };
like($@, qr/^Sys::Virt::Domain::block_peek: cannot allocate/, "block_peek of an absurd size dies");

# ---- bad arguments and dead objects ------------------------------------
my @calls = (
    [ block_stats => "vda" ], [ interface_stats => "dopsnet0" ], [ memory_stats => ],
    [ get_block_info => "vda" ], [ get_disk_errors => ], [ get_job_info => ],
    [ get_job_stats => ], [ abort_job => ], [ block_peek => "vda", 0, 1 ],
    [ memory_peek => 0, 1, 1 ],
);
{
    my $gone = $conn->get_domain_by_name("dops-run");
    $gone->DESTROY;
    domain_invocant_checks(conn => $conn, dom => $dom, gone => $gone, calls => \@calls);
}

# Tied and overloaded arguments that die don't crash.
{
    package DopsDies;
    use overload '""' => sub { die "stringify died\n" }, '0+' => sub { die "numify died\n" }, fallback => 1;
}
{
    my $bomb = bless {}, "DopsDies";
    eval { $dom->block_stats($bomb) };
    is($@, "stringify died\n", "block_stats: a dying overloaded path propagates its die");
    eval { $dom->memory_peek($bomb, 4, 1) };
    is($@, "numify died\n", "memory_peek: a dying overloaded offset propagates its die");
    is(unpack("H*", $dom->memory_peek(1, 1, 1)), "01", "the connection still works afterwards");
}

done_testing();
