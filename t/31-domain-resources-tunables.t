# -*- perl -*-
# Sys::Virt::Domain tunables (typed-parameter hashes): scheduler, memory,
# blkio, NUMA, interface, block I/O tuning, perf events, launch security.
use strict;
use warnings;
use File::Spec;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is die_is too_new_is);

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $xml = File::Spec->rel2abs('t/data/dres-host.xml');
my $conn = Sys::Virt->new(uri => "test://$xml");
my $run = $conn->get_domain_by_name('dres-run');
my $off = $conn->get_domain_by_name('dres-off');
my $def = Sys::Virt->new(uri => 'test:///default');
my $test = $def->get_domain_by_name('test');

# The test driver runs inside the client library, so what it implements is
# the running libvirt's (versions from src/test/test_driver.c's driver table).
my $LIB = $conn->get_library_version;

use constant {
    INVALID_ARG => Sys::Virt::Error::ERR_INVALID_ARG,
    NO_SUPPORT => Sys::Virt::Error::ERR_NO_SUPPORT,
    FROM_TEST => Sys::Virt::Error::FROM_TEST,
    FROM_DOMAIN => Sys::Virt::Error::FROM_DOMAIN,
    UNLIMITED => 9007199254740991,
};

# ------------------------------------------------------------- scheduler
my @type = $run->get_scheduler_type;
is_deeply(\@type, ['fair'], 'get_scheduler_type: one value');
is(scalar($run->get_scheduler_type), 'fair', 'get_scheduler_type in scalar context');
is_deeply($run->get_scheduler_parameters, { Sys::Virt::Domain::SCHEDULER_WEIGHT => 50 },
          'get_scheduler_parameters');
is_deeply([$run->set_scheduler_parameters({ weight => 100, unknown => 1 })], [],
          'set_scheduler_parameters returns nothing');
virt_error_is(error_of { $run->get_scheduler_parameters(Sys::Virt::Domain::AFFECT_CONFIG) }, INVALID_ARG, FROM_TEST, undef,
              'get_scheduler_parameters with flags uses the flags call');
virt_error_is(error_of { $run->set_scheduler_parameters({ weight => 1 }, Sys::Virt::Domain::AFFECT_LIVE) },
              INVALID_ARG, FROM_TEST, undef, 'set_scheduler_parameters with flags uses the flags call');
die_is(error_of { $run->set_scheduler_parameters('weight') },
       'Sys::Virt::Domain::set_scheduler_parameters: \%params is not a HASH reference',
       'set_scheduler_parameters: not a hash');

# ---------------------------------------------------------------- memory
is_deeply($run->get_memory_parameters,
          { Sys::Virt::Domain::MEMORY_HARD_LIMIT => 3000000,
            Sys::Virt::Domain::MEMORY_SOFT_LIMIT => 2000000,
            Sys::Virt::Domain::MEMORY_SWAP_HARD_LIMIT => UNLIMITED },
          'get_memory_parameters');
is_deeply($off->get_memory_parameters(Sys::Virt::Domain::AFFECT_CONFIG),
          { hard_limit => UNLIMITED, soft_limit => UNLIMITED, swap_hard_limit => UNLIMITED },
          'get_memory_parameters with flags: unlimited');
is_deeply([$run->set_memory_parameters({ swap_hard_limit => UNLIMITED - 1, soft_limit => 1500000, bogus => 7 })],
          [], 'set_memory_parameters returns nothing');
is_deeply($run->get_memory_parameters,
          { hard_limit => 3000000, soft_limit => 1500000, swap_hard_limit => UNLIMITED - 1 },
          'set_memory_parameters: only the named keys changed (64-bit value intact)');
virt_error_is(error_of { $run->get_memory_parameters(1 << 20) }, INVALID_ARG, FROM_TEST, undef,
              'get_memory_parameters bad flags');
die_is(error_of { $run->set_memory_parameters([]) },
       'Sys::Virt::Domain::set_memory_parameters: \%params is not a HASH reference',
       'set_memory_parameters: array ref');
die_is(error_of { $run->set_memory_parameters(undef) },
       'Sys::Virt::Domain::set_memory_parameters: \%params is not a HASH reference', 'set_memory_parameters: undef');

# ----------------------------------------------------------------- blkio
my @blkio_keys = sort map { Sys::Virt::Domain->can("BLKIO_$_")->() }
    qw(WEIGHT DEVICE_WEIGHT DEVICE_READ_BPS DEVICE_READ_IOPS DEVICE_WRITE_BPS DEVICE_WRITE_IOPS);
if ($LIB >= 7_007_000) {    # testDomain{Get,Set}BlkioParameters: libvirt 7.7.0
    my $blkio = $run->get_blkio_parameters;
    is_deeply([sort keys %$blkio], \@blkio_keys, 'get_blkio_parameters keys');
    is($blkio->{weight}, 300, 'blkio weight');
    is($blkio->{device_weight}, '', 'blkio device_weight: empty string');
    $run->set_blkio_parameters({ weight => 3000000000, device_weight => '/dev/sda,100' });
    $blkio = $run->get_blkio_parameters;
    # The original returned unsigned int parameters above 2^31 as negative.
    is($blkio->{weight}, 3000000000, 'unsigned int parameter above 2^31 comes back positive');
    cmp_ok($blkio->{weight}, '>', 0, '... and compares as positive');
    is($blkio->{device_weight}, '/dev/sda,100', 'string parameter set');
} else {
    virt_error_is(error_of { $run->get_blkio_parameters }, NO_SUPPORT, FROM_DOMAIN, undef,
                  'get_blkio_parameters: not in the test driver before 7.7.0');
    # set_blkio_parameters reads the current values first (to type the new ones)
    virt_error_is(error_of { $run->set_blkio_parameters({ weight => 3000000000 }) }, NO_SUPPORT, FROM_DOMAIN, undef,
                  'set_blkio_parameters: not in the test driver before 7.7.0');
}

# ------------------------------------------------------------------ NUMA
is_deeply($run->get_numa_parameters,
          { Sys::Virt::Domain::NUMA_MODE => Sys::Virt::Domain::NUMATUNE_MEM_INTERLEAVE,
            Sys::Virt::Domain::NUMA_NODESET => '0' },
          'get_numa_parameters');
is_deeply($off->get_numa_parameters, { numa_mode => 0, numa_nodeset => '' }, 'get_numa_parameters: defaults');
$off->set_numa_parameters({ numa_nodeset => '0' });
is($off->get_numa_parameters->{numa_nodeset}, '0', 'set_numa_parameters: string parameter');
virt_error_is(error_of { $test->set_numa_parameters({ numa_mode => 1 }) }, Sys::Virt::Error::ERR_CONFIG_UNSUPPORTED,
              FROM_DOMAIN, undef, 'set_numa_parameters refused by libvirt');

# ------------------------------------------------------------- interface
my @if_keys = sort map { Sys::Virt::Domain->can("BANDWIDTH_$_")->() }
    qw(IN_AVERAGE IN_PEAK IN_BURST IN_FLOOR OUT_AVERAGE OUT_PEAK OUT_BURST);
is_deeply($test->get_interface_parameters('testnet0'), { map { $_ => 0 } @if_keys },
          'get_interface_parameters');
is_deeply($test->get_interface_parameters('aa:bb:cc:dd:ee:ff'), { map { $_ => 0 } @if_keys },
          'get_interface_parameters by MAC address');
$test->set_interface_parameters('testnet0', { 'inbound.average' => 3000000000,
                                              'inbound.peak' => 4000000000,
                                              'outbound.average' => 5 });
is_deeply($test->get_interface_parameters('testnet0'),
          { (map { $_ => 0 } @if_keys),
            'inbound.average' => 3000000000, 'inbound.peak' => 4000000000, 'outbound.average' => 5 },
          'set_interface_parameters: unsigned values above 2^31 stay positive');
virt_error_is(error_of { $test->get_interface_parameters('vnet0') }, INVALID_ARG, FROM_DOMAIN, undef,
              'get_interface_parameters of an unknown interface');
virt_error_is(error_of { $test->set_interface_parameters('testnet0', {}) }, INVALID_ARG, FROM_DOMAIN, undef,
              'set_interface_parameters with no known key');
die_is(error_of { $test->set_interface_parameters('testnet0', 'x') },
       'Sys::Virt::Domain::set_interface_parameters: \%params is not a HASH reference',
       'set_interface_parameters: not a hash');

# -------------------------------------------------------- block I/O tune
my $iotune = $run->get_block_iotune('vdb');
is(scalar keys %$iotune, 20, 'get_block_iotune: 20 keys');
is($iotune->{Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC}, 4000000, 'total_bytes_sec');
is($iotune->{Sys::Virt::Domain::BLOCK_IOTUNE_READ_IOPS_SEC}, 250, 'read_iops_sec');
is($iotune->{Sys::Virt::Domain::BLOCK_IOTUNE_GROUP_NAME}, '', 'group_name');
is($iotune->{write_bytes_sec_max_length}, 0, 'write_bytes_sec_max_length');
$run->set_block_iotune('vdb', { total_bytes_sec => 0, read_bytes_sec => 5000, read_bytes_sec_max => 6000, read_iops_sec_max => 300,
                                group_name => 'grp' });
$iotune = $run->get_block_iotune('vdb');
is_deeply([@$iotune{qw(total_bytes_sec read_bytes_sec read_bytes_sec_max group_name read_iops_sec read_iops_sec_max)}],
          [0, 5000, 6000, 'grp', 250, 300], 'set_block_iotune');
virt_error_is(error_of { $run->set_block_iotune('vdb', { write_bytes_sec => 10 }) }, INVALID_ARG, FROM_TEST, undef,
              'set_block_iotune: value above its maximum');
virt_error_is(error_of { $run->set_block_iotune('vdb', {}) }, INVALID_ARG, FROM_DOMAIN, undef,
              'set_block_iotune: empty hash');
virt_error_is(error_of { $run->get_block_iotune('nope') }, INVALID_ARG, FROM_TEST, undef,
              'get_block_iotune: unknown disk');
die_is(error_of { $run->set_block_iotune('vdb', \'x') },
       'Sys::Virt::Domain::set_block_iotune: \%params is not a HASH reference',
       'set_block_iotune: not a hash');

# ----------------------------------------------------------- perf events
my $perf = $run->get_perf_events;
is(scalar keys %$perf, 22, 'get_perf_events: 22 events');
is_deeply([grep { $perf->{$_} != 0 } keys %$perf], [], 'all disabled');
ok(exists $perf->{Sys::Virt::Domain::PERF_PARAM_CMT}, 'cmt event present');
is_deeply([$run->set_perf_events({ cmt => 1, mbmt => 1, nonsense => 1 })], [], 'set_perf_events returns nothing');
$perf = $run->get_perf_events;
is_deeply([sort grep { $perf->{$_} } keys %$perf], [qw(cmt mbmt)], 'set_perf_events took effect');
die_is(error_of { $run->set_perf_events(1) },
       'Sys::Virt::Domain::set_perf_events: \%params is not a HASH reference', 'set_perf_events: not a hash');

# ------------------------------------------------------- launch security
virt_error_is(error_of { $run->get_launch_security_info }, INVALID_ARG, FROM_TEST, undef,
              'get_launch_security_info: the test driver refuses the string flag libvirt adds');
my %sev = (Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET => 'abc',
           Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET_HEADER => 'hdr',
           Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS => 4096);
if ($LIB >= 8_000_000) {    # virDomainSetLaunchSecurityState: libvirt 8.0.0; no test driver has it
    virt_error_is(error_of { $run->set_launch_security_state(\%sev) },
                  NO_SUPPORT, FROM_DOMAIN, undef, 'set_launch_security_state unsupported');
    virt_error_is(error_of { $run->set_launch_security_state({ other => 1 }) }, INVALID_ARG, FROM_DOMAIN, undef,
                  'set_launch_security_state: unknown keys are ignored');
} else {
    too_new_is(error_of { $run->set_launch_security_state(\%sev) },
               'virDomainSetLaunchSecurityState', '8.0.0', 'set_launch_security_state');
    too_new_is(error_of { $run->set_launch_security_state({ other => 1 }) },
               'virDomainSetLaunchSecurityState', '8.0.0', 'set_launch_security_state with unknown keys');
}
die_is(error_of { $run->set_launch_security_state('x') },
       'Sys::Virt::Domain::set_launch_security_state: \%params is not a HASH reference',
       'set_launch_security_state: not a hash');

# ----------------------------------------- a hash whose FETCH dies: no crash
tie my %dying, 'SysVirtTest::DiesOnFetch', "fetch refused\n", 'weight';
like(error_of { $run->set_memory_parameters(\%dying) }, qr/^fetch refused/, 'tied hash that dies: die propagates');
like(error_of { $run->set_iothread(1, \%dying) }, qr/^fetch refused/, 'tied hash that dies (spec params)');
is($run->get_max_memory, 4194304, 'still alive afterwards');

done_testing();
