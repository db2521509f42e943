# -*- perl -*-
# Bad arguments to every resource/tunable/agent method of
# Sys::Virt::Domain: wrong counts, non-objects, objects of another class.
# None may crash; each must fail the way the original does.
use strict;
use warnings;
use Test::More;

use Sys::Virt;
use lib 't/lib';
use SysVirtTest qw(error_of wrong_class_is);

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');

# method => [required args after the domain, number of optional args]
my %methods = (
    get_max_memory => [[], 0],
    set_max_memory => [[1048576], 0],
    set_memory => [[1048576], 1],
    set_memory_stats_period => [[5], 1],
    get_max_vcpus => [[], 0],
    get_vcpus => [[], 1],
    set_vcpus => [[1], 1],
    set_vcpu => [['0', 1], 1],
    get_vcpu_info => [[], 1],
    pin_vcpu => [[0, "\x01"], 1],
    get_emulator_pin_info => [[], 1],
    pin_emulator => [["\x01"], 1],
    get_iothread_info => [[], 1],
    pin_iothread => [[1, "\x01"], 1],
    add_iothread => [[9], 1],
    del_iothread => [[9], 1],
    set_iothread => [[1, {}], 1],
    get_cpu_stats => [[0, 1], 1],
    get_scheduler_type => [[], 0],
    get_scheduler_parameters => [[], 1],
    set_scheduler_parameters => [[{}], 1],
    get_memory_parameters => [[], 1],
    set_memory_parameters => [[{}], 1],
    get_blkio_parameters => [[], 1],
    set_blkio_parameters => [[{}], 1],
    get_numa_parameters => [[], 1],
    set_numa_parameters => [[{}], 1],
    get_interface_parameters => [['testnet0'], 1],
    set_interface_parameters => [['testnet0', {}], 1],
    get_block_iotune => [['vda'], 1],
    set_block_iotune => [['vda', {}], 1],
    get_perf_events => [[], 1],
    set_perf_events => [[{}], 1],
    get_launch_security_info => [[], 1],
    set_launch_security_state => [[{}], 1],
    get_guest_vcpus => [[], 1],
    set_guest_vcpus => [['0', 1], 1],
    fs_freeze => [[[]], 1],
    fs_thaw => [[[]], 1],
    fs_trim => [['/', 0], 1],
    get_fs_info => [[], 1],
    get_guest_info => [[], 2],
    get_interface_addresses => [[0], 1],
    set_user_password => [['root', 'pw'], 1],
    authorized_ssh_keys_get => [['root'], 1],
    authorized_ssh_keys_set => [['root', []], 1],
    send_process_signal => [[1, 15], 1],
    set_agent_response_timeout => [[5], 1],
    get_security_label => [[], 0],
    get_security_label_list => [[], 0],
    get_messages => [[], 1],
    start_dirty_rate_calc => [[1], 1],
    set_lifecycle_action => [[0, 0], 1],
    fd_associate => [['x', [0]], 1],
    open_graphics => [[0, 0], 1],
    open_graphics_fd => [[0], 1],
);
is(scalar keys %methods, 56, 'every method of this part is listed');

for my $m (sort keys %methods) {
    my ($req, $nopt) = @{$methods{$m}};
    my $sub = Sys::Virt::Domain->can($m);
    ok($sub, "$m exists") or next;

    # Wrong argument counts: a Usage die naming the method.
    my @r = eval { $sub->() };
    like($@, qr/^Usage: Sys::Virt::Domain::\Q$m\E\(dom\b/, "$m: no arguments");
    @r = eval { $sub->($dom, @$req, (0) x ($nopt + 1)) };
    like($@, qr/^Usage: Sys::Virt::Domain::\Q$m\E\(dom\b/, "$m: one argument too many");
    if (@$req) {
        @r = eval { $sub->($dom, @$req[0 .. $#$req - 1]) };
        like($@, qr/^Usage: Sys::Virt::Domain::\Q$m\E\(dom\b/, "$m: one argument short");
    }

    # Not an object: a warning and undef, as the original.
    for my $bad ('dom', undef, {}, [], \1) {
        my @warn;
        local $SIG{__WARN__} = sub { push @warn, $_[0] };
        my @ret = eval { $sub->($bad, @$req) };
        my $what = defined $bad ? (ref $bad || 'string') : 'undef';
        is($@, '', "$m($what): no die");
        is_deeply(\@ret, [undef], "$m($what): undef");
        is(scalar @warn, 1, "$m($what): one warning");
        like($warn[0] // '', qr/^Sys::Virt::Domain::\Q$m\E\(\) -- dom is not a blessed SV reference/,
             "$m($what): warning text");
    }

    # An object of another class is refused, never handed to libvirt.
    wrong_class_is(error_of { $sub->($conn, @$req) }, 'Sys::Virt::Domain', "Sys::Virt::Domain::$m", '$dom',
                   "$m(connection): the domain's invalid-object error");
}

is($dom->get_max_memory, 8388608, 'the domain still works');

done_testing();
