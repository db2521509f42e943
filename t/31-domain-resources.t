# -*- perl -*-
# Sys::Virt::Domain resources: memory, vCPUs, CPU pinning, IOThreads and
# CPU statistics, against the test driver (test:///default and the host in
# t/data/dres-host.xml: 40 host CPUs, so every CPU map is 5 bytes long).
use strict;
use warnings;
use File::Spec;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is);

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $xml = File::Spec->rel2abs('t/data/dres-host.xml');
my $conn = Sys::Virt->new(uri => "test://$xml");
my $run = $conn->get_domain_by_name('dres-run');
my $off = $conn->get_domain_by_name('dres-off');
my $def = Sys::Virt->new(uri => 'test:///default');
my $test = $def->get_domain_by_name('test');

use constant {
    INVALID_ARG => Sys::Virt::Error::ERR_INVALID_ARG,
    OP_INVALID => Sys::Virt::Error::ERR_OPERATION_INVALID,
    NO_SUPPORT => Sys::Virt::Error::ERR_NO_SUPPORT,
    FROM_TEST => Sys::Virt::Error::FROM_TEST,
    FROM_DOMAIN => Sys::Virt::Error::FROM_DOMAIN,
};

# ---------------------------------------------------------------- memory
is($run->get_max_memory, 4194304, 'get_max_memory (running)');
is($off->get_max_memory, 2097152, 'get_max_memory (shut off)');
is($test->get_max_memory, 8388608, 'get_max_memory (test:///default)');
is_deeply([$run->set_memory(2097152)], [], 'set_memory returns nothing');
is_deeply([$run->set_memory(2097152, Sys::Virt::Domain::MEM_LIVE)], [], 'set_memory with flags');
virt_error_is(error_of { $run->set_memory(8388608) }, INVALID_ARG, FROM_TEST, undef, 'set_memory above the maximum');
virt_error_is(error_of { $run->set_max_memory(8388608) }, OP_INVALID, FROM_TEST, undef,
              'set_max_memory on a running domain');
is_deeply([$off->set_max_memory(1048576)], [], 'set_max_memory returns nothing');
is($off->get_max_memory, 1048576, 'set_max_memory took effect');
virt_error_is(error_of { $off->set_max_memory(0) }, INVALID_ARG, FROM_DOMAIN, undef, 'set_max_memory(0)');
is_deeply([$test->set_memory_stats_period(5)], [], 'set_memory_stats_period');
virt_error_is(error_of { $test->set_memory_stats_period(-5) }, INVALID_ARG, FROM_DOMAIN, undef,
              'set_memory_stats_period negative');
virt_error_is(error_of { $run->set_memory_stats_period(5) }, Sys::Virt::Error::ERR_INTERNAL_ERROR, FROM_TEST, undef,
              'set_memory_stats_period without a balloon');

# ----------------------------------------------------------------- vCPUs
is($run->get_max_vcpus, 4, 'get_max_vcpus');
is($run->get_vcpus, 3, 'get_vcpus: current');
is($run->get_vcpus(Sys::Virt::Domain::VCPU_MAXIMUM), 4, 'get_vcpus: maximum');
is($off->get_vcpus, 2, 'get_vcpus (shut off)');
is_deeply([$off->get_vcpu_info],
          [{ number => 0, state => 0, cpu => 0, cpuTime => 0, affinity => "\xff" x 5 },
           { number => 1, state => 0, cpu => 0, cpuTime => 0, affinity => "\0\0\x01\0\0" }],
          'get_vcpu_info on a shut-off domain falls back to the pinning');
is($off->get_max_vcpus, -1, 'get_max_vcpus on a shut-off domain: -1 without an exception, as the original');
virt_error_is(error_of { $run->get_vcpus(1 << 20) }, INVALID_ARG, FROM_TEST, undef, 'get_vcpus with bad flags');
virt_error_is(error_of { $run->set_vcpus(50) }, INVALID_ARG, FROM_TEST, undef, 'set_vcpus above the maximum');
is_deeply([$off->set_vcpus(1, Sys::Virt::Domain::VCPU_CONFIG)], [], 'set_vcpus with flags');
is($off->get_vcpus(Sys::Virt::Domain::VCPU_CONFIG), 1, 'set_vcpus took effect');
virt_error_is(error_of { $run->set_vcpu('1', 0) }, NO_SUPPORT, FROM_DOMAIN, undef, 'set_vcpu unsupported');

# --------------------------------------------------------- vCPU pinning
my @keys = qw(affinity cpu cpuTime number state);
my @info = $run->get_vcpu_info;
is(scalar @info, 3, 'get_vcpu_info: one entry per current vCPU');
is_deeply([sort keys %{$info[$_]}], \@keys, "get_vcpu_info[$_] keys") for 0 .. 2;
is_deeply([map { $_->{number} } @info], [0, 1, 2], 'vCPU numbers');
is_deeply([map { $_->{state} } @info], [(Sys::Virt::Domain::VCPU_RUNNING) x 3], 'vCPU states');
is_deeply([map { $_->{cpu} } @info], [1, 33, 39], 'physical CPUs');
ok((!grep { $_->{cpuTime} !~ /^\d+$/ || $_->{cpuTime} == 0 } @info), 'cpuTime is a positive integer');
is_deeply([map { $_->{affinity} } @info],
          ["\x02\0\0\0\0", "\0\x03\0\0\x02", "\xff" x 5],
          'affinity: CPU bitmaps, 8 CPUs per byte, 5 bytes for 40 CPUs');
is(unpack('b*', $info[1]{affinity}), '0000000011' . ('0' x 23) . '1000000', 'affinity unpacks with b*');

my @cfg = $run->get_vcpu_info(Sys::Virt::Domain::AFFECT_CONFIG);
is_deeply(\@cfg, [map { { number => $_, state => 0, cpu => 0, cpuTime => 0, affinity => $info[$_]{affinity} } } 0 .. 2],
          'get_vcpu_info with flags: pinning only, the rest 0');
my $last = $run->get_vcpu_info;
is(ref $last, 'HASH', 'get_vcpu_info in scalar context: a hash ref');
is($last->{number}, 2, '... of the last vCPU, as the original');

is_deeply([$run->pin_vcpu(2, "\x10")], [], 'pin_vcpu returns nothing');
is(($run->get_vcpu_info)[2]{affinity}, "\x10\0\0\0\0", 'pin_vcpu: short mask');
$run->pin_vcpu(0, "\x00\x00\x00\x00\x80\xff\xff");
is(($run->get_vcpu_info)[0]{affinity}, "\0\0\0\0\x80", 'get_vcpu_info: maps cover the host CPUs only');
is(($run->get_vcpu_info)[0]{cpu}, 55, 'pin_vcpu passes the whole mask (the test driver reports its highest CPU)');
virt_error_is(error_of { $run->pin_vcpu(7, "\x01") }, INVALID_ARG, FROM_TEST, undef, 'pin_vcpu of a missing vCPU');
virt_error_is(error_of { $run->pin_vcpu(0, "\x01", Sys::Virt::Domain::AFFECT_CONFIG) }, INVALID_ARG, FROM_TEST, undef,
              'pin_vcpu with flags the test driver refuses');
virt_error_is(error_of { $off->pin_vcpu(0, "\x01") }, OP_INVALID, FROM_TEST, undef, 'pin_vcpu on a shut-off domain');

is($run->get_emulator_pin_info, "\x0f\0\0\0\0", 'get_emulator_pin_info');
is($off->get_emulator_pin_info, "\xff" x 5, 'get_emulator_pin_info: unpinned');
is_deeply([$run->pin_emulator("\xf0\x01")], [], 'pin_emulator returns nothing');
is($run->get_emulator_pin_info, "\xf0\x01\0\0\0", 'pin_emulator took effect');
is($test->get_emulator_pin_info, "\xff\xff", 'test:///default has 16 CPUs: 2 bytes');

# ------------------------------------------------------------- IOThreads
# The test driver runs inside the client library: its IOThread calls are in
# libvirt 7.8.0 and newer (src/test/test_driver.c's driver table).
if ($conn->get_library_version >= 7_008_000) {
    my @io = $run->get_iothread_info;
    is(scalar @io, 2, 'get_iothread_info: two IOThreads');
    is_deeply([sort keys %$_], [qw(affinity number)], 'IOThread keys') for @io;
    is_deeply([map { $_->{number} } @io], [1, 2], 'IOThread ids');
    is($io[0]{affinity}, "\x20\0\0\0\x80", 'IOThread 1 pinned to CPUs 5 and 39');
    is_deeply([$off->get_iothread_info], [], 'no IOThreads: empty list');

    is_deeply([$run->add_iothread(3)], [], 'add_iothread returns nothing');
    is_deeply([map { $_->{number} } $run->get_iothread_info], [1, 2, 3], 'add_iothread took effect');
    is_deeply([$run->pin_iothread(3, "\0\0\0\0\x01")], [], 'pin_iothread returns nothing');
    is(($run->get_iothread_info)[2]{affinity}, "\0\0\0\0\x01", 'pin_iothread took effect');
    is_deeply([$run->set_iothread(3, { Sys::Virt::Domain::IOTHREAD_PARAM_POLL_MAX_NS => 5000,
                                      Sys::Virt::Domain::IOTHREAD_PARAM_POLL_GROW => 2,
                                      Sys::Virt::Domain::IOTHREAD_PARAM_POLL_SHRINK => 3,
                                      unknown_key => 1 })],
              [], 'set_iothread: the poll parameters have the types libvirt checks');
    virt_error_is(error_of { $run->set_iothread(3, { Sys::Virt::Domain::IOTHREAD_PARAM_THREAD_POOL_MAX => 4 }) },
                  Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, Sys::Virt::Error::FROM_NONE, undef,
                  'set_iothread: thread pool parameter is passed on (and refused by the test driver)');
    virt_error_is(error_of { $run->set_iothread(3, {}) }, INVALID_ARG, FROM_DOMAIN, undef,
                  'set_iothread with no parameters');
    is_deeply([$run->del_iothread(3)], [], 'del_iothread returns nothing');
    is_deeply([map { $_->{number} } $run->get_iothread_info], [1, 2], 'del_iothread took effect');
    virt_error_is(error_of { $run->del_iothread(42) }, INVALID_ARG, FROM_DOMAIN, undef,
                  'del_iothread of a missing IOThread');
    $off->add_iothread(7, Sys::Virt::Domain::AFFECT_CONFIG);
    $off->pin_iothread(7, "\0\0\0\0\x80", Sys::Virt::Domain::AFFECT_CONFIG);
    is_deeply([$off->get_iothread_info(Sys::Virt::Domain::AFFECT_CONFIG)],
              [{ number => 7, affinity => "\0\0\0\0\x80" }], 'IOThreads of a shut-off domain, with flags');
} else {
    for my $c (['get_iothread_info', sub { $run->get_iothread_info }, 'virDomainGetIOThreadInfo'],
               ['add_iothread', sub { $run->add_iothread(3) }, 'virDomainAddIOThread'],
               ['pin_iothread', sub { $run->pin_iothread(1, "\0\0\0\0\x01") }, 'virDomainPinIOThread'],
               ['set_iothread', sub { $run->set_iothread(1, { Sys::Virt::Domain::IOTHREAD_PARAM_POLL_GROW => 2 }) },
                'virDomainSetIOThreadParams'],
               ['del_iothread', sub { $run->del_iothread(1) }, 'virDomainDelIOThread']) {
        my ($m, $code, $func) = @$c;
        virt_error_is(error_of { $code->() }, NO_SUPPORT, FROM_DOMAIN, undef,
                      "$m: not in the test driver before 7.8.0");
        eval { $code->() };
        is(ref $@ ? $@->message : $@, "this function is not supported by the connection driver: $func",
           "$m calls $func");
    }
    virt_error_is(error_of { $run->set_iothread(3, {}) }, INVALID_ARG, FROM_DOMAIN, undef,
                  'set_iothread with no parameters');
}

# ------------------------------------------------------------- CPU stats
my @per = $test->get_cpu_stats(0, 2);
is(scalar @per, 2, 'get_cpu_stats(0, 2): two CPUs');
is_deeply([sort keys %$_], [qw(cpu_time vcpu_time)], 'per-CPU keys') for @per;
ok($per[0]{cpu_time} > 0 && $per[0]{vcpu_time} > 0, 'per-CPU values');
is(scalar(my @one = $test->get_cpu_stats(0, 1)), 1, 'get_cpu_stats(0, 1): exactly one CPU');
is(scalar(my @second = $test->get_cpu_stats(1, 1)), 1, 'get_cpu_stats(1, 1): exactly one CPU');
is($second[0]{cpu_time}, $per[1]{cpu_time}, '... the second one');
is(scalar(my @all = $test->get_cpu_stats(0, 0)), 2, 'get_cpu_stats(0, 0): every CPU');
is(scalar(my @many = $test->get_cpu_stats(0, 1000)), 2, 'get_cpu_stats: no more than the host has');
my @tot = $test->get_cpu_stats(-1, 1);
is(scalar @tot, 1, 'get_cpu_stats(-1, 1): one hash of totals');
is_deeply([sort keys %{$tot[0]}], [qw(cpu_time system_time user_time)], 'total keys');
is($tot[0]{user_time}, 5540000000, 'user_time');
is($tot[0]{system_time}, 6460000000, 'system_time');
is(scalar(my @host = $run->get_cpu_stats(0, 0)), 20, 'get_cpu_stats(0, 0) on the 40-CPU host');
virt_error_is(error_of { $test->get_cpu_stats(-1, 2) }, INVALID_ARG, FROM_DOMAIN, undef, 'get_cpu_stats(-1, 2)');
virt_error_is(error_of { $test->get_cpu_stats(15, 1) }, INVALID_ARG, FROM_TEST, undef,
              'get_cpu_stats past the last CPU');
virt_error_is(error_of { $off->get_cpu_stats(0, 0) }, OP_INVALID, FROM_DOMAIN, undef,
              'get_cpu_stats on a shut-off domain');

# ------------------------------------------------ destroyed object, no crash
{
    my $gone = $conn->get_domain_by_name('dres-run');
    $gone->DESTROY;
    virt_error_is(error_of { $gone->get_max_memory }, Sys::Virt::Error::ERR_INVALID_DOMAIN, Sys::Virt::Error::FROM_DOM, undef,
                  'get_max_memory after DESTROY');
    virt_error_is(error_of { $gone->get_vcpu_info }, Sys::Virt::Error::ERR_INVALID_DOMAIN, Sys::Virt::Error::FROM_DOM, undef,
                  'get_vcpu_info after DESTROY');
    virt_error_is(error_of { $gone->get_cpu_stats(0, 0) }, Sys::Virt::Error::ERR_INVALID_DOMAIN, Sys::Virt::Error::FROM_DOM, undef,
                  'get_cpu_stats after DESTROY');
    virt_error_is(error_of { $gone->pin_vcpu(0, "\x01") }, Sys::Virt::Error::ERR_INVALID_DOMAIN, Sys::Virt::Error::FROM_DOM, undef,
                  'pin_vcpu after DESTROY');
}

done_testing();
