# Counting and listing the objects of a connection: num_of_*, list_*_names,
# list_all_* and get_all_domain_stats.
use strict;
use warnings;

use Test::More;
use lib 't/lib';
use SysVirtTest qw(connect_node_host error_of virt_error_is die_is);

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, "testing the built copy");

my $conn = Sys::Virt->new(uri => "test:///default");
my $custom = connect_node_host();

my $NO_SUPPORT = Sys::Virt::Error::ERR_NO_SUPPORT;

# ---- counts -------------------------------------------------------------------

my %counts = (
    num_of_domains => 1, num_of_defined_domains => 0,
    num_of_networks => 1, num_of_defined_networks => 0,
    num_of_storage_pools => 1, num_of_defined_storage_pools => 0,
    num_of_interfaces => 1, num_of_defined_interfaces => 0,
);
for my $m (sort keys %counts) {
    is($conn->$m(), $counts{$m}, "$m");
}
is($custom->num_of_domains, 2, "custom host: two running guests");
is($custom->num_of_networks, 1, "custom host: one network");

eval { $conn->num_of_secrets };
virt_error_is($@, $NO_SUPPORT, Sys::Virt::Error::FROM_SECRET, undef, "num_of_secrets unsupported");
eval { $conn->num_of_nwfilters };
virt_error_is($@, $NO_SUPPORT, Sys::Virt::Error::FROM_NWFILTER, undef, "num_of_nwfilters unsupported");

is($conn->num_of_node_devices(undef), 4, "node devices, any capability");
is($conn->num_of_node_devices("scsi_host"), 3, "scsi_host devices");
is($conn->num_of_node_devices("scsi_host", 0), 3, "... with flags");
is($conn->num_of_node_devices(""), 0, "an empty capability matches nothing");
is($conn->num_of_node_devices("pci"), 0, "no pci device");

# ---- names and ids ---------------------------------------------------------------

is_deeply([ $conn->list_domain_ids(10) ], [1], "running domain ids");
is_deeply([ $conn->list_domain_ids(0) ], [], "maxids 0");
is_deeply([ sort { $a <=> $b } $custom->list_domain_ids(10) ], [1, 2], "custom host ids");
is(scalar(() = $custom->list_domain_ids(1)), 1, "maxids caps the list");
is_deeply([ $conn->list_defined_domain_names(10) ], [], "no inactive domain");
is_deeply([ $conn->list_network_names(10) ], ["default"], "network names");
is_deeply([ $custom->list_network_names(10) ], ["private"], "custom network names");
is_deeply([ $conn->list_defined_network_names(10) ], [], "no inactive network");
is_deeply([ $conn->list_storage_pool_names(10) ], ["default-pool"], "pool names");
is_deeply([ $conn->list_defined_storage_pool_names(10) ], [], "no inactive pool");
is_deeply([ $conn->list_interface_names(10) ], ["eth1"], "interface names");
is_deeply([ $conn->list_defined_interface_names(10) ], [], "no inactive interface");
is_deeply([ sort $conn->list_node_device_names(undef, 10) ],
          [qw(computer scsi_host1 scsi_host11 scsi_host2)], "node device names");
is_deeply([ sort $conn->list_node_device_names("scsi_host", 10, 0) ],
          [qw(scsi_host1 scsi_host11 scsi_host2)], "scsi_host device names");
is(scalar(() = $conn->list_node_device_names(undef, 1)), 1, "maxnames caps device names");
is_deeply([ $conn->list_network_names(0) ], [], "maxnames 0");

eval { $conn->list_secret_uuids(10) };
virt_error_is($@, $NO_SUPPORT, Sys::Virt::Error::FROM_SECRET, undef, "secret uuids unsupported");
eval { $conn->list_nwfilter_names(10) };
virt_error_is($@, $NO_SUPPORT, Sys::Virt::Error::FROM_NWFILTER, undef, "nwfilter names unsupported");

# A negative maximum is an error (the original crashed with "Out of memory!").
my %neg = (
    list_domain_ids => Sys::Virt::Error::FROM_DOMAIN,
    list_defined_domain_names => Sys::Virt::Error::FROM_DOMAIN,
    list_network_names => Sys::Virt::Error::FROM_NETWORK,
    list_defined_network_names => Sys::Virt::Error::FROM_NETWORK,
    list_interface_names => Sys::Virt::Error::FROM_INTERFACE,
    list_storage_pool_names => Sys::Virt::Error::FROM_STORAGE,
);
for my $m (sort keys %neg) {
    eval { $conn->$m(-1) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, $neg{$m}, undef, "$m(-1)");
}
eval { $conn->list_node_device_names(undef, -1) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_NODEDEV, undef,
              "list_node_device_names(-1)");

# A large maximum is fine: only what exists comes back.
is_deeply([ $conn->list_network_names(100000) ], ["default"], "large maxnames");

# A huge maximum (or a reference, whose number is its address) is lowered
# to libvirt's list limit: the test driver clears every slot it is given,
# so 2^31 slots would take 16 GB.
sub peak_kib { open my $fh, '<', '/proc/self/status' or return 0; local $/; (<$fh> =~ /VmHWM:\s*(\d+)/)[0] }
my $before = peak_kib();
for my $max (2**31 - 1, [] + 0, {} + 0) {
    is_deeply([ $conn->list_network_names($max) ], ["default"], "maxnames $max");
    is_deeply([ $conn->list_node_device_names(undef, $max) ], [$conn->list_node_device_names(undef, 100)],
              "node device maxnames $max");
    is_deeply([ $conn->list_domain_ids($max) ], [1], "maxids $max");
}
cmp_ok(peak_kib() - $before, '<', 20_000, "huge maxnames cost no memory");

# ---- objects ----------------------------------------------------------------------

my %all = (
    list_all_domains => [1, "Sys::Virt::Domain"],
    list_all_networks => [1, "Sys::Virt::Network"],
    list_all_storage_pools => [1, "Sys::Virt::StoragePool"],
    list_all_interfaces => [1, "Sys::Virt::Interface"],
    list_all_node_devices => [4, "Sys::Virt::NodeDevice"],
);
for my $m (sort keys %all) {
    my ($n, $class) = @{ $all{$m} };
    my @objs = $conn->$m();
    is(scalar @objs, $n, "$m: $n object(s)");
    is(scalar(grep { ref $_ eq $class } @objs), $n, "$m: blessed into $class");
}
is(scalar(my @d = $conn->list_all_domains(Sys::Virt::Domain::LIST_INACTIVE())), 0,
   "flags filter the domains");
is(scalar(@d = $conn->list_all_domains(Sys::Virt::Domain::LIST_ACTIVE())), 1, "active ones");
is(scalar(@d = $custom->list_all_domains), 2, "custom host: two domains");
is(scalar(@d = $conn->list_all_node_devices(Sys::Virt::NodeDevice::LIST_CAP_SCSI_HOST())), 3,
   "node devices filtered by capability");

for my $m (qw(list_all_secrets list_all_nwfilters list_all_nwfilter_bindings)) {
    eval { $conn->$m() };
    virt_error_is($@, $NO_SUPPORT, $m eq "list_all_secrets" ? Sys::Virt::Error::FROM_SECRET
                                                             : Sys::Virt::Error::FROM_NWFILTER, undef,
                  "$m unsupported");
}

# Objects outlive the connection variable (libvirt keeps it referenced).
{
    my @doms = Sys::Virt->new(uri => "test:///default")->list_all_domains;
    is(scalar @doms, 1, "domains of a connection already dropped");
    is($doms[0]->get_name, "test", "and still usable");
}

# ---- get_all_domain_stats -----------------------------------------------------------

# The test driver reports domain statistics since libvirt 7.8.0 (hvsupport:
# virConnectGetAllDomainStats test=7.8.0); before, each call is libvirt's
# ERR_NO_SUPPORT, after the binding's own argument checks.
my $HAS_STATS = Sys::Virt::get_version() >= 7_008_000;

# The binding's own argument checks come before libvirt: on every version.
{
    my @doms = $custom->list_all_domains;
    die_is(error_of { $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(), ["test"]) },
           'Sys::Virt::get_all_domain_stats: element 0 of \@doms is not a Sys::Virt::Domain object',
           "a name instead of a domain");
    die_is(error_of { $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(), [ $doms[0], $conn ]) },
           'Sys::Virt::get_all_domain_stats: element 1 of \@doms is not a Sys::Virt::Domain object',
           "a connection instead of a domain");
    die_is(error_of { $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(), "test") },
           'Sys::Virt::get_all_domain_stats: \@doms must be an array reference', "domains not in an array");
}

unless ($HAS_STATS) {
    my @doms = $custom->list_all_domains;
    for my $case ([ "every domain", "virConnectGetAllDomainStats", [] ],
                  [ "a domain list", "virDomainListGetStats", [ undef, 0 ], 1 ],
                  [ "flags", "virConnectGetAllDomainStats",
                    [ undef, Sys::Virt::Domain::GET_ALL_STATS_ENFORCE_STATS() ] ]) {
        my ($what, $func, $args, $with_doms) = @$case;
        my @args = @$args;
        $args[0] = \@doms if $with_doms;
        eval { $custom->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(), @args) };
        virt_error_is($@, $NO_SUPPORT, Sys::Virt::Error::FROM_DOMAIN, undef,
                      "get_all_domain_stats ($what) unsupported by the test driver of libvirt " . Sys::Virt::get_version());
        like(ref $@ ? $@->message : "", qr/: \Q$func\E$/, "... names $func");
    }
}

if ($HAS_STATS) {
    my @stats = $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE());
    is(scalar @stats, 1, "stats for one domain");
    is_deeply([ sort keys %{ $stats[0] } ], [qw(data dom)], "record keys");
    isa_ok($stats[0]{dom}, "Sys::Virt::Domain", "dom");
    is_deeply($stats[0]{data}, { "state.state" => Sys::Virt::Domain::STATE_RUNNING(),
                                 "state.reason" => 0 }, "state stats");

    @stats = $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(), undef, 0);
    is(scalar @stats, 1, "undef domain list: every domain");
    @stats = $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(), []);
    is(scalar @stats, 1, "empty domain list: every domain");

    @stats = $custom->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE());
    is(scalar @stats, 2, "custom host: two records");
    is(scalar(grep { $_->{data}{"state.state"} == Sys::Virt::Domain::STATE_RUNNING() } @stats), 2,
       "both running");

    my @doms = $custom->list_all_domains;
    @stats = $custom->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(), [ $doms[0] ]);
    is(scalar @stats, 1, "stats for the one domain asked for");
    @stats = $custom->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(), \@doms);
    is(scalar @stats, 2, "stats for both");

    @stats = $conn->get_all_domain_stats(0);
    is_deeply([ sort keys %{ $stats[0]{data} } ], ["state.reason", "state.state"],
              "stats 0: every group the driver has (the test driver only has the state)");
    @stats = $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_CPU_TOTAL());
    is_deeply($stats[0]{data}, {}, "a group the driver lacks gives an empty hash");
    eval { $conn->get_all_domain_stats(1 << 20, undef, Sys::Virt::Domain::GET_ALL_STATS_ENFORCE_STATS()) };
    virt_error_is($@, Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, Sys::Virt::Error::FROM_TEST, undef,
                  "an unknown group with ENFORCE_STATS");

    @stats = $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(),
                                         undef, Sys::Virt::Domain::GET_ALL_STATS_INACTIVE());
    is(scalar @stats, 0, "flags filter the domains");

    eval { $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE(),
                                       [ $doms[0], $conn->list_all_domains ]) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_DOMAIN, undef,
                  "domains of two connections");

    is_deeply([ sort map { $_->{dom}->get_name } $custom->get_all_domain_stats(1) ],
              [qw(alpha beta)], "records name their domains");
}

# Listing many times leaks no handle: the objects are freed with their
# Perl values (a leak would keep the test driver's objects alive).
{
    for (1 .. 200) {
        my @all = ($conn->list_all_domains, $conn->list_all_node_devices,
                   $HAS_STATS ? $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE()) : ());
    }
    pass("200 rounds of listings");
}

done_testing();
