# Bad invocants and arguments for every XS method of Sys::Virt: wrong
# argument counts, non-objects, objects of another class, a closed
# connection, arguments whose conversion dies. Never a crash.
use strict;
use warnings;

use Test::More;
use File::Spec;

use Sys::Virt;
use lib 't/lib';
use SysVirtTest qw(error_of wrong_class_is);

like($INC{'Sys/Virt.pm'}, qr{blib/}, "testing the built copy");

# The XS methods of Sys::Virt and their argument counts (invocant included).
my %arity = (
    baseline_cpu => [2, 3], baseline_hypervisor_cpu => [6, 7], compare_cpu => [2, 3],
    compare_hypervisor_cpu => [6, 7], define_save_image_xml => [3, 4],
    domain_xml_from_native => [3, 4], domain_xml_to_native => [3, 4],
    find_storage_pool_sources => [3, 4], get_all_domain_stats => [2, 4],
    get_capabilities => [1, 1], get_cpu_model_names => [2, 3],
    get_domain_capabilities => [5, 6], get_hostname => [1, 1], get_max_vcpus => [2, 2],
    get_node_cells_free_memory => [3, 3], get_node_cpu_map => [1, 2],
    get_node_cpu_stats => [1, 3], get_node_free_memory => [1, 1],
    get_node_free_pages => [4, 5], get_node_info => [1, 1],
    get_node_memory_parameters => [1, 2], get_node_memory_stats => [1, 3],
    get_node_security_model => [1, 1], get_node_sev_info => [1, 2],
    get_save_image_xml_description => [2, 3], get_storage_pool_capabilities => [1, 2],
    get_sysinfo => [1, 2], get_type => [1, 1], get_uri => [1, 1],
    interface_change_begin => [1, 2], interface_change_commit => [1, 2],
    interface_change_rollback => [1, 2], is_alive => [1, 1], is_encrypted => [1, 1],
    is_secure => [1, 1], list_all_domains => [1, 2], list_all_interfaces => [1, 2],
    list_all_networks => [1, 2], list_all_node_devices => [1, 2],
    list_all_nwfilter_bindings => [1, 2], list_all_nwfilters => [1, 2],
    list_all_secrets => [1, 2], list_all_storage_pools => [1, 2],
    list_defined_domain_names => [2, 2], list_defined_interface_names => [2, 2],
    list_defined_network_names => [2, 2], list_defined_storage_pool_names => [2, 2],
    list_domain_ids => [2, 2], list_interface_names => [2, 2], list_network_names => [2, 2],
    list_node_device_names => [3, 4], list_nwfilter_names => [2, 2],
    list_secret_uuids => [2, 2], list_storage_pool_names => [2, 2],
    node_alloc_pages => [4, 5], node_suspend_for_duration => [3, 4],
    num_of_defined_domains => [1, 1], num_of_defined_interfaces => [1, 1],
    num_of_defined_networks => [1, 1], num_of_defined_storage_pools => [1, 1],
    num_of_domains => [1, 1], num_of_interfaces => [1, 1], num_of_networks => [1, 1],
    num_of_node_devices => [2, 3], num_of_nwfilters => [1, 1], num_of_secrets => [1, 1],
    num_of_storage_pools => [1, 1], restore_domain => [1, 5], set_identity => [2, 3],
    set_keep_alive => [3, 3], set_node_memory_parameters => [2, 3],
    _get_conn_version => [1, 1], _get_conn_library_version => [1, 1],
);

sub call {
    my ($name, @args) = @_;
    no strict 'refs';
    return &{"Sys::Virt::$name"}(@args);
}

# ---- every method is there, with the original's prototype ------------------------

for my $m (sort keys %arity) {
    ok(defined &{"Sys::Virt::$m"}, "Sys::Virt::$m exists");
}
is(prototype("Sys::Virt::get_node_free_pages"), '$$$$;$', "prototype of get_node_free_pages");
is(prototype("Sys::Virt::restore_domain"), '$;$$$$', "prototype of restore_domain");

# ---- argument counts -------------------------------------------------------------

my $conn = Sys::Virt->new(uri => "test:///default");
for my $m (sort keys %arity) {
    my ($min, $max) = @{ $arity{$m} };
    if ($min > 1) {
        eval { call($m, $conn) };
        like($@, qr/^Usage: Sys::Virt::$m\(/, "$m: too few arguments");
    }
    eval { call($m, $conn, (0) x $max) };
    like($@, qr/^Usage: Sys::Virt::$m\(/, "$m: too many arguments");
}

# ---- invocants that are not connections ----------------------------------------------

for my $m (sort keys %arity) {
    my $min = $arity{$m}[0];
    for my $bad (["a string", "Sys::Virt"], ["undef", undef], ["a hash", { }],
                 ["a blessed hash", bless({}, "Sys::Virt")]) {
        my @warn;
        local $SIG{__WARN__} = sub { push @warn, $_[0] };
        my @r = eval { call($m, $bad->[1], (0) x ($min - 1)) };
        is($@, "", "$m on $bad->[0]: no die");
        is_deeply(\@r, [undef], "$m on $bad->[0]: returns undef");
        like($warn[0] // "", qr/^Sys::Virt::$m\(\) -- con\w* is not a blessed SV reference/,
             "$m on $bad->[0]: warns");
    }
}

# An object of another class is refused before libvirt sees it.
{
    my ($dom) = $conn->list_all_domains;
    for my $m (qw(get_uri get_node_info num_of_domains list_all_domains get_capabilities)) {
        wrong_class_is(error_of { call($m, $dom) }, 'Sys::Virt', "Sys::Virt::$m", '$conn',
                       "$m on a domain object");
    }
}

# ---- a closed connection -------------------------------------------------------------

{
    my $gone = Sys::Virt->new(uri => "test:///default");
    $gone->DESTROY;
    $gone->DESTROY;    # twice is harmless
    for my $m (qw(get_uri get_type get_hostname get_capabilities get_node_info num_of_domains
                  list_all_domains is_alive get_node_free_memory _get_conn_version)) {
        eval { $gone->$m() };
        isa_ok($@, "Sys::Virt::Error", "$m on a closed connection");
        is(ref $@ && $@->code, Sys::Virt::Error::ERR_INVALID_CONN, "$m: invalid connection");
    }
    eval { $gone->list_domain_ids(5) };
    is(ref $@ && $@->code, Sys::Virt::Error::ERR_INVALID_CONN, "list_domain_ids on a closed connection");
    eval { $gone->get_all_domain_stats(1) };
    is(ref $@ && $@->code, Sys::Virt::Error::ERR_INVALID_CONN, "get_all_domain_stats on a closed connection");
}

# ---- arguments whose conversion dies --------------------------------------------------

{
    package My::Boom;
    use overload '""' => sub { die "no string for you\n" }, '0+' => sub { die "no number for you\n" },
                 fallback => 0;
    sub new { bless {}, shift }
}
{
    my $boom = My::Boom->new;
    eval { $conn->get_max_vcpus($boom) };
    is($@, "no string for you\n", "a string argument whose overload dies");
    eval { $conn->list_domain_ids($boom) };
    is($@, "no number for you\n", "a number argument whose overload dies");
    eval { $conn->get_node_cpu_stats($boom) };
    is($@, "no number for you\n", "cpuNum whose overload dies");
    eval { $conn->baseline_cpu([$boom]) };
    is($@, "no string for you\n", "an array element whose overload dies");
    eval { $conn->get_node_free_pages([4, $boom], 0, 1) };
    is($@, "no number for you\n", "a page size whose overload dies");
    eval { $conn->set_identity({ "user-name" => $boom }) };
    is($@, "no string for you\n", "an identity value whose overload dies");
    eval { $conn->restore_domain($boom) };
    is($@, "no string for you\n", "a save file name whose overload dies");
    is($conn->num_of_domains, 1, "the connection still works");
}

{
    package My::TiedList;
    require Tie::Array;
    our @ISA = ("Tie::StdArray");
    sub FETCHSIZE { die "size refused\n" }
}
{
    tie my @list, "My::TiedList";
    eval { $conn->baseline_cpu(\@list) };
    is($@, "size refused\n", "a tied array whose FETCHSIZE dies");
    eval { $conn->get_all_domain_stats(1, \@list) };
    is($@, "size refused\n", "... as the domain list");
}

# Numbers given as strings are converted as Perl does.
is_deeply([ $conn->get_node_cells_free_memory("0", "1") ], [2097152, 4194304], "string numbers");
{
    my @w;
    local $SIG{__WARN__} = sub { push @w, $_[0] };
    my @ids = $conn->list_domain_ids("5 domains");
    is_deeply(\@ids, [1], "a numeric prefix is used");
    like($w[0] // "", qr/isn't numeric/, "with Perl's warning");
}

done_testing();
