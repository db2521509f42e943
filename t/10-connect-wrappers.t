# The Perl-level methods of Sys::Virt that create, define, look up and
# list objects through the other classes' _new(). First with _new
# replaced by a recorder (checks what each wrapper asks for), then, when
# the classes are present, against the test driver for real.
use strict;
use warnings;

use Test::More;

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, "testing the built copy");

my $conn = Sys::Virt->new(uri => "test:///default");

# ---- what each wrapper passes to _new ---------------------------------------------

my @calls;
my %fail;    # "Class key" => 1: that lookup dies
my @classes = qw(Domain Network StoragePool StorageVol NodeDevice Interface Secret
                 NWFilter NWFilterBinding);
my %saved;
{
    no strict 'refs';
    no warnings 'redefine';
    for my $c (@classes) {
        my $class = "Sys::Virt::$c";
        $saved{$class} = defined &{"${class}::_new"} ? \&{"${class}::_new"} : undef;
        *{"${class}::_new"} = sub {
            my ($cl, %args) = @_;
            push @calls, [ $cl, \%args ];
            my ($key) = grep { !/^(connection|flags|nocreate|fds)$/ } sort keys %args;
            die "gone\n" if $key && $fail{"$cl $args{$key}"};
            return bless { %args }, "Recorded::$c";
        };
    }
}

sub recorded {
    my ($name, $code, $class, $args) = @_;
    @calls = ();
    my @r = $code->();
    is(scalar @calls, 1, "$name: one _new call");
    is($calls[0][0], $class, "$name: on $class");
    is_deeply($calls[0][1], { connection => $conn, %$args }, "$name: arguments");
    (my $short = $class) =~ s/^Sys::Virt:://;
    is(ref $r[0], "Recorded::$short", "$name: returns what _new made");
}

my $x = "<xml/>";
recorded("create_domain", sub { $conn->create_domain($x) }, "Sys::Virt::Domain", { xml => $x, flags => 0 });
recorded("create_domain flags", sub { $conn->create_domain($x, 3) }, "Sys::Virt::Domain", { xml => $x, flags => 3 });
recorded("create_domain_with_files", sub { $conn->create_domain_with_files($x, [3, 4], 1) },
         "Sys::Virt::Domain", { xml => $x, fds => [3, 4], flags => 1 });
recorded("define_domain", sub { $conn->define_domain($x) }, "Sys::Virt::Domain",
         { xml => $x, nocreate => 1, flags => 0 });
recorded("create_network", sub { $conn->create_network($x, 1) }, "Sys::Virt::Network", { xml => $x, flags => 1 });
recorded("define_network", sub { $conn->define_network($x) }, "Sys::Virt::Network",
         { xml => $x, nocreate => 1, flags => 0 });
recorded("define_nwfilter", sub { $conn->define_nwfilter($x) }, "Sys::Virt::NWFilter",
         { xml => $x, nocreate => 1, flags => 0 });
recorded("create_nwfilter_binding", sub { $conn->create_nwfilter_binding($x) }, "Sys::Virt::NWFilterBinding",
         { xml => $x, flags => 0 });
recorded("define_secret", sub { $conn->define_secret($x, 2) }, "Sys::Virt::Secret",
         { xml => $x, nocreate => 1, flags => 2 });
recorded("create_storage_pool", sub { $conn->create_storage_pool($x) }, "Sys::Virt::StoragePool", { xml => $x });
recorded("define_storage_pool", sub { $conn->define_storage_pool($x) }, "Sys::Virt::StoragePool",
         { xml => $x, nocreate => 1, flags => 0 });
recorded("create_interface", sub { $conn->create_interface($x) }, "Sys::Virt::Interface", { xml => $x });
recorded("define_interface", sub { $conn->define_interface($x) }, "Sys::Virt::Interface",
         { xml => $x, nocreate => 1, flags => 0 });
recorded("create_node_device", sub { $conn->create_node_device($x) }, "Sys::Virt::NodeDevice",
         { xml => $x, flags => 0 });
recorded("define_node_device", sub { $conn->define_node_device($x, 1) }, "Sys::Virt::NodeDevice",
         { xml => $x, nocreate => 1, flags => 1 });

recorded("get_domain_by_name", sub { $conn->get_domain_by_name("test") }, "Sys::Virt::Domain", { name => "test" });
recorded("get_domain_by_id", sub { $conn->get_domain_by_id(1) }, "Sys::Virt::Domain", { id => 1 });
recorded("get_domain_by_uuid", sub { $conn->get_domain_by_uuid("u") }, "Sys::Virt::Domain", { uuid => "u" });
recorded("get_network_by_name", sub { $conn->get_network_by_name("n") }, "Sys::Virt::Network", { name => "n" });
recorded("get_network_by_uuid", sub { $conn->get_network_by_uuid("u") }, "Sys::Virt::Network", { uuid => "u" });
recorded("get_storage_pool_by_name", sub { $conn->get_storage_pool_by_name("p") }, "Sys::Virt::StoragePool",
         { name => "p" });
recorded("get_storage_pool_by_uuid", sub { $conn->get_storage_pool_by_uuid("u") }, "Sys::Virt::StoragePool",
         { uuid => "u" });
recorded("get_storage_pool_by_volume", sub { $conn->get_storage_pool_by_volume("v") }, "Sys::Virt::StoragePool",
         { volume => "v" });
recorded("get_storage_pool_by_target_path", sub { $conn->get_storage_pool_by_target_path("/p") },
         "Sys::Virt::StoragePool", { target_path => "/p" });
recorded("get_storage_volume_by_path", sub { $conn->get_storage_volume_by_path("/v") }, "Sys::Virt::StorageVol",
         { path => "/v" });
recorded("get_storage_volume_by_key", sub { $conn->get_storage_volume_by_key("k") }, "Sys::Virt::StorageVol",
         { key => "k" });
recorded("get_node_device_by_name", sub { $conn->get_node_device_by_name("d") }, "Sys::Virt::NodeDevice",
         { name => "d" });
recorded("get_node_device_scsihost_by_wwn", sub { $conn->get_node_device_scsihost_by_wwn("n", "p", 0) },
         "Sys::Virt::NodeDevice", { wwnn => "n", wwpn => "p" });
recorded("get_interface_by_name", sub { $conn->get_interface_by_name("i") }, "Sys::Virt::Interface", { name => "i" });
recorded("get_interface_by_mac", sub { $conn->get_interface_by_mac("m") }, "Sys::Virt::Interface", { mac => "m" });
recorded("get_secret_by_uuid", sub { $conn->get_secret_by_uuid("u") }, "Sys::Virt::Secret", { uuid => "u" });
recorded("get_secret_by_usage", sub { $conn->get_secret_by_usage(1, "id") }, "Sys::Virt::Secret",
         { usageType => 1, usageID => "id" });
recorded("get_nwfilter_by_name", sub { $conn->get_nwfilter_by_name("f") }, "Sys::Virt::NWFilter", { name => "f" });
recorded("get_nwfilter_by_uuid", sub { $conn->get_nwfilter_by_uuid("u") }, "Sys::Virt::NWFilter", { uuid => "u" });
recorded("get_nwfilter_binding_by_port_dev", sub { $conn->get_nwfilter_binding_by_port_dev("vnet0") },
         "Sys::Virt::NWFilterBinding", { portdev => "vnet0" });

# The list_* helpers: a count, the names (or ids), one lookup per name;
# objects that vanish in between are skipped.
sub listed {
    my ($name, $code, $class, $key, $expect) = @_;
    @calls = ();
    my @objs = $code->();
    is_deeply([ map { $_->[1]{$key} } @calls ], $expect, "$name: one lookup by $key per object");
    is(scalar(grep { $_->[0] ne $class } @calls), 0, "$name: all through $class");
    is(scalar @objs, scalar @$expect, "$name: returns them");
}
listed("list_domains", sub { $conn->list_domains }, "Sys::Virt::Domain", id => [1]);
listed("list_defined_domains", sub { $conn->list_defined_domains }, "Sys::Virt::Domain", name => []);
listed("list_networks", sub { $conn->list_networks }, "Sys::Virt::Network", name => ["default"]);
listed("list_defined_networks", sub { $conn->list_defined_networks }, "Sys::Virt::Network", name => []);
listed("list_storage_pools", sub { $conn->list_storage_pools }, "Sys::Virt::StoragePool", name => ["default-pool"]);
listed("list_defined_storage_pools", sub { $conn->list_defined_storage_pools }, "Sys::Virt::StoragePool", name => []);
listed("list_interfaces", sub { $conn->list_interfaces }, "Sys::Virt::Interface", name => ["eth1"]);
listed("list_defined_interfaces", sub { $conn->list_defined_interfaces }, "Sys::Virt::Interface", name => []);
listed("list_node_devices", sub { sort { $a->{name} cmp $b->{name} } $conn->list_node_devices("scsi_host") },
       "Sys::Virt::NodeDevice", name => [ $conn->list_node_device_names("scsi_host", 10) ]);
{
    %fail = ("Sys::Virt::NodeDevice scsi_host1" => 1);
    my @devs = $conn->list_node_devices(undef);
    is_deeply([ sort map { $_->{name} } @devs ], [qw(computer scsi_host11 scsi_host2)],
              "a device whose lookup fails is skipped");
    %fail = ();
}
eval { $conn->list_secrets };
is(ref $@ && $@->code, Sys::Virt::Error::ERR_NO_SUPPORT, "list_secrets: the count's error propagates");
eval { $conn->list_nwfilters };
is(ref $@ && $@->code, Sys::Virt::Error::ERR_NO_SUPPORT, "list_nwfilters: the count's error propagates");

# Restore the real _new (if any) for the rest.
{
    no strict 'refs';
    no warnings 'redefine';
    for my $class (keys %saved) {
        if ($saved{$class}) {
            *{"${class}::_new"} = $saved{$class};
        } else {
            undef &{"${class}::_new"};
            delete ${"${class}::"}{_new};
        }
    }
}

# ---- the objects the wrappers return ---------------------------------------------------

is($conn->get_domain_by_name("test")->get_name, "test", "domain by name");
is($conn->get_domain_by_id(1)->get_name, "test", "domain by id");
is($conn->get_domain_by_uuid("6695eb01-f6a4-8304-79aa-97f2502e193f")->get_name, "test", "domain by uuid");
eval { $conn->get_domain_by_name("no-such-domain") };
is(ref $@ && $@->code, Sys::Virt::Error::ERR_NO_DOMAIN, "unknown domain name");
is(ref $@ && $@->domain, Sys::Virt::Error::FROM_TEST, "... from the test driver");
is_deeply([ map { $_->get_name } $conn->list_domains ], ["test"], "list_domains");

my $xml = "<domain type='test'><name>wrapped</name><memory>1024</memory>"
        . "<os><type>hvm</type></os></domain>";
my $ro = Sys::Virt->new(uri => "test:///default", readonly => 1);
eval { $ro->define_domain($xml) };
is(ref $@ && $@->code, Sys::Virt::Error::ERR_OPERATIONED_DENIED, "define on a read-only connection");
is(ref $@ && $@->domain, Sys::Virt::Error::FROM_DOMAIN, "... refused by libvirt");
eval { $conn->define_domain("<domain") };
is(ref $@ && $@->code, Sys::Virt::Error::ERR_XML_DETAIL, "define of broken XML");
my $dom = $conn->define_domain($xml);
is_deeply([ map { $_->get_name } $conn->list_defined_domains ], ["wrapped"], "defined domain listed");
$dom->undefine;
is_deeply([ $conn->list_defined_domain_names(10) ], [], "and gone again");

is($conn->get_network_by_name("default")->get_name, "default", "network by name");
is($conn->get_network_by_uuid("dd8fe884-6c02-601e-7551-cca97df1c5df")->get_name, "default", "network by uuid");
is($conn->get_storage_pool_by_name("default-pool")->get_name, "default-pool", "pool by name");
is($conn->get_storage_pool_by_uuid("dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566")->get_name, "default-pool",
   "pool by uuid");
is($conn->get_interface_by_mac("aa:bb:cc:dd:ee:ff")->get_name, "eth1", "interface by mac");
is($conn->get_node_device_by_name("computer")->get_name, "computer", "node device by name");
is_deeply([ sort map { $_->get_name } $conn->list_node_devices(undef) ],
          [qw(computer scsi_host1 scsi_host11 scsi_host2)], "list_node_devices");

done_testing();
