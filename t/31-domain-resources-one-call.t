# Typed-parameter getters ask libvirt once with room for the call's RPC
# limit, and fall back to the C original's two steps (count, then values)
# only when the buffer came back full. The getter logic runs here against
# a driver of each size through the test hook _test_get_params, which
# counts the calls; the real getters are compared with the original in
# t/95-compare-original.t and checked on every driver in t/31-*.t, t/52-*.t.
use strict;
use warnings;
BEGIN { $ENV{SYSVIRT_TEST_HOOKS} = 1 }
use Test::More;
use Sys::Virt;

sub expect { my ($n) = @_; return { map { ("p$_" => $_) } 0 .. $n - 1 } }

for my $total (0, 1, 3, 15) {
    my ($calls, $params) = Sys::Virt::_test_get_params($total, 16);
    is($calls, 1, "$total values, limit 16: one call");
    is_deeply($params, expect($total), "$total values, limit 16: all of them");
}
for my $total (16, 17, 40) {
    my ($calls, $params) = Sys::Virt::_test_get_params($total, 16);
    is($calls, 3, "$total values, limit 16: full buffer, then count and values");
    is_deeply($params, expect($total), "$total values, limit 16: all of them");
}
my ($calls, $params) = Sys::Virt::_test_get_params(5, 0);
is($calls, 2, 'no limit: the two steps');
is_deeply($params, expect(5), 'no limit: all values');

# The real getters on the test driver: the values the two steps gave.
my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
is_deeply([sort keys %{ $dom->get_memory_parameters }],
          [qw(hard_limit soft_limit swap_hard_limit)], 'memory parameters: the three');
is(scalar(my @cpus = $dom->get_cpu_stats(0, 2)), 2, 'get_cpu_stats(0, 2): two CPUs');
is_deeply([sort keys %{ $cpus[1] }], [qw(cpu_time vcpu_time)], 'per-CPU keys');
is(scalar(my @all = $dom->get_cpu_stats(0, 100)), 2, 'get_cpu_stats(0, 100): the two the host has');
is_deeply([sort keys %{ ($dom->get_cpu_stats(-1, 1))[0] }], [qw(cpu_time system_time user_time)],
          'totals');

done_testing;
