package Sys::Virt;

use strict;
use warnings;

use Sys::Virt::Error;
use Sys::Virt::Domain;
use Sys::Virt::Network;
use Sys::Virt::NetworkPort;
use Sys::Virt::StoragePool;
use Sys::Virt::StorageVol;
use Sys::Virt::NodeDevice;
use Sys::Virt::Interface;
use Sys::Virt::Secret;
use Sys::Virt::NWFilter;
use Sys::Virt::NWFilterBinding;
use Sys::Virt::DomainSnapshot;
use Sys::Virt::DomainCheckpoint;
use Sys::Virt::Stream;

our $VERSION = '12.7.0';
require XSLoader;
XSLoader::load('Sys::Virt', $VERSION);

sub CLONE_SKIP { 1 }

sub new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    # "address" is the historical name of "uri" and wins when both are given.
    my $uri = exists $params{address} ? $params{address}
            : exists $params{uri} ? $params{uri}
            : undef;
    my $flags = exists $params{flags} ? $params{flags} : 0;
    $flags |= Sys::Virt::CONNECT_RO() if $params{readonly};

    my $self;
    if ($params{auth}) {
        $self = Sys::Virt::_open_auth($uri, $params{credlist},
                                      $params{callback}, $flags);
    } else {
        $self = Sys::Virt::_open($uri, $flags);
    }
    return bless $self, $class;
}

sub new_stream {
    my ($self, $flags) = @_;
    return Sys::Virt::Stream->_new(connection => $self, flags => $flags || 0);
}

# ---- creating and defining objects ---------------------------------------

sub create_domain {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::Domain->_new(connection => $self, xml => $xml,
                                   flags => $flags || 0);
}

sub create_domain_with_files {
    my ($self, $xml, $fds, $flags) = @_;
    return Sys::Virt::Domain->_new(connection => $self, xml => $xml,
                                   fds => $fds, flags => $flags || 0);
}

sub define_domain {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::Domain->_new(connection => $self, xml => $xml,
                                   nocreate => 1, flags => $flags || 0);
}

sub create_network {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::Network->_new(connection => $self, xml => $xml,
                                    flags => $flags || 0);
}

sub define_network {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::Network->_new(connection => $self, xml => $xml,
                                    nocreate => 1, flags => $flags || 0);
}

sub define_nwfilter {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::NWFilter->_new(connection => $self, xml => $xml,
                                     nocreate => 1, flags => $flags || 0);
}

sub create_nwfilter_binding {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::NWFilterBinding->_new(connection => $self, xml => $xml,
                                            flags => $flags || 0);
}

sub define_secret {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::Secret->_new(connection => $self, xml => $xml,
                                   nocreate => 1, flags => $flags || 0);
}

sub create_storage_pool {
    my ($self, $xml) = @_;
    return Sys::Virt::StoragePool->_new(connection => $self, xml => $xml);
}

sub define_storage_pool {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::StoragePool->_new(connection => $self, xml => $xml,
                                        nocreate => 1, flags => $flags || 0);
}

sub create_interface {
    my ($self, $xml) = @_;
    return Sys::Virt::Interface->_new(connection => $self, xml => $xml);
}

sub define_interface {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::Interface->_new(connection => $self, xml => $xml,
                                      nocreate => 1, flags => $flags || 0);
}

sub create_node_device {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::NodeDevice->_new(connection => $self, xml => $xml,
                                       flags => $flags || 0);
}

sub define_node_device {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::NodeDevice->_new(connection => $self, xml => $xml,
                                       flags => $flags || 0, nocreate => 1);
}

# ---- listing objects one lookup at a time ---------------------------------

# Look up each key with $class->_new(connection => $self, $by => $key),
# silently skipping objects that disappeared between the listing and the
# lookup (as the original does).
my $lookup_each = sub {
    my ($self, $class, $by, @keys) = @_;
    my @objects;
    foreach my $key (@keys) {
        eval { push @objects, $class->_new(connection => $self, $by => $key) };
    }
    return @objects;
};

sub list_domains {
    my $self = shift;
    my @ids = $self->list_domain_ids($self->num_of_domains());
    return $self->$lookup_each("Sys::Virt::Domain", id => @ids);
}

sub list_defined_domains {
    my $self = shift;
    my @names = $self->list_defined_domain_names($self->num_of_defined_domains());
    return $self->$lookup_each("Sys::Virt::Domain", name => @names);
}

sub list_networks {
    my $self = shift;
    my @names = $self->list_network_names($self->num_of_networks());
    return $self->$lookup_each("Sys::Virt::Network", name => @names);
}

sub list_defined_networks {
    my $self = shift;
    my @names = $self->list_defined_network_names($self->num_of_defined_networks());
    return $self->$lookup_each("Sys::Virt::Network", name => @names);
}

sub list_storage_pools {
    my $self = shift;
    my @names = $self->list_storage_pool_names($self->num_of_storage_pools());
    return $self->$lookup_each("Sys::Virt::StoragePool", name => @names);
}

sub list_defined_storage_pools {
    my $self = shift;
    my @names = $self->list_defined_storage_pool_names(
        $self->num_of_defined_storage_pools());
    return $self->$lookup_each("Sys::Virt::StoragePool", name => @names);
}

sub list_node_devices {
    my $self = shift;
    my $cap = shift;
    my @names = $self->list_node_device_names($cap, $self->num_of_node_devices($cap));
    return $self->$lookup_each("Sys::Virt::NodeDevice", name => @names);
}

sub list_interfaces {
    my $self = shift;
    my @names = $self->list_interface_names($self->num_of_interfaces());
    return $self->$lookup_each("Sys::Virt::Interface", name => @names);
}

sub list_defined_interfaces {
    my $self = shift;
    my @names = $self->list_defined_interface_names($self->num_of_defined_interfaces());
    return $self->$lookup_each("Sys::Virt::Interface", name => @names);
}

sub list_secrets {
    my $self = shift;
    my @uuids = $self->list_secret_uuids($self->num_of_secrets());
    return $self->$lookup_each("Sys::Virt::Secret", uuid => @uuids);
}

sub list_nwfilters {
    my $self = shift;
    my @names = $self->list_nwfilter_names($self->num_of_nwfilters());
    return $self->$lookup_each("Sys::Virt::NWFilter", name => @names);
}

# ---- lookups ----------------------------------------------------------------
# Each reads ($self, $key) in place from @_: a lookup copies neither.

sub get_domain_by_name {
    return Sys::Virt::Domain->_new(connection => $_[0], name => $_[1]);
}

sub get_domain_by_id {
    return Sys::Virt::Domain->_new(connection => $_[0], id => $_[1]);
}

sub get_domain_by_uuid {
    return Sys::Virt::Domain->_new(connection => $_[0], uuid => $_[1]);
}

sub get_network_by_name {
    return Sys::Virt::Network->_new(connection => $_[0], name => $_[1]);
}

sub get_network_by_uuid {
    return Sys::Virt::Network->_new(connection => $_[0], uuid => $_[1]);
}

sub get_storage_pool_by_name {
    return Sys::Virt::StoragePool->_new(connection => $_[0], name => $_[1]);
}

sub get_storage_pool_by_uuid {
    return Sys::Virt::StoragePool->_new(connection => $_[0], uuid => $_[1]);
}

sub get_storage_pool_by_volume {
    return Sys::Virt::StoragePool->_new(connection => $_[0], volume => $_[1]);
}

sub get_storage_pool_by_target_path {
    return Sys::Virt::StoragePool->_new(connection => $_[0], target_path => $_[1]);
}

sub get_storage_volume_by_path {
    return Sys::Virt::StorageVol->_new(connection => $_[0], path => $_[1]);
}

sub get_storage_volume_by_key {
    return Sys::Virt::StorageVol->_new(connection => $_[0], key => $_[1]);
}

sub get_node_device_by_name {
    return Sys::Virt::NodeDevice->_new(connection => $_[0], name => $_[1]);
}

sub get_node_device_scsihost_by_wwn {
    my ($self, $wwnn, $wwpn) = @_;
    return Sys::Virt::NodeDevice->_new(connection => $self,
                                       wwnn => $wwnn, wwpn => $wwpn);
}

sub get_interface_by_name {
    return Sys::Virt::Interface->_new(connection => $_[0], name => $_[1]);
}

sub get_interface_by_mac {
    return Sys::Virt::Interface->_new(connection => $_[0], mac => $_[1]);
}

sub get_secret_by_uuid {
    return Sys::Virt::Secret->_new(connection => $_[0], uuid => $_[1]);
}

sub get_secret_by_usage {
    my ($self, $type, $id) = @_;
    return Sys::Virt::Secret->_new(connection => $self,
                                   usageType => $type, usageID => $id);
}

sub get_nwfilter_by_name {
    return Sys::Virt::NWFilter->_new(connection => $_[0], name => $_[1]);
}

sub get_nwfilter_by_uuid {
    return Sys::Virt::NWFilter->_new(connection => $_[0], uuid => $_[1]);
}

sub get_nwfilter_binding_by_port_dev {
    return Sys::Virt::NWFilterBinding->_new(connection => $_[0], portdev => $_[1]);
}

# ---- versions -------------------------------------------------------------

sub get_version {
    my $self = shift;
    # With a connection: the hypervisor's version. Called as a class
    # method or a plain function: the version of the local libvirt.
    return $self->_get_conn_version if ref $self;
    return Sys::Virt::_get_library_version(undef);
}

sub get_major_version {
    my $self = shift;
    my $ver = $self->get_version;
    return ($ver - ($ver % 1000000)) / 1000000;
}

sub get_minor_version {
    my $self = shift;
    my $rest = $self->get_version % 1000000;
    return ($rest - ($rest % 1000)) / 1000;
}

sub get_micro_version {
    my $self = shift;
    return $self->get_version % 1000;
}

sub get_library_version {
    my $self = shift;
    return $self->_get_conn_library_version;
}

1;

__END__

=head1 NAME

Sys::Virt - a connection to a libvirt virtualization host

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => "qemu:///system");

  printf "%s runs %d guests\n", $conn->get_hostname, $conn->num_of_domains;
  foreach my $dom ($conn->list_all_domains) {
      print $dom->get_name, "\n";
  }

=head1 DESCRIPTION

Sys::Virt is the Perl binding of libvirt, the library that manages
virtual machines, networks and storage across many hypervisors (QEMU/KVM,
Xen, LXC, ...) through one API. An instance of this class is an open
connection to one hypervisor driver; every other object (domains,
networks, storage pools...) is obtained from it.

=head1 ERROR HANDLING

When libvirt reports a failure, the method raises a L<Sys::Virt::Error>
object. Catch it with C<eval>, and inspect its C<code>, C<domain> and
C<message>:

  my $conn = eval { Sys::Virt->new(uri => $uri) };
  die "cannot connect to $uri: " . $@->message . "\n" unless $conn;

Calling a method on something that is not an object at all warns and
returns C<undef>, as the C binding always did; an object of another class,
or an argument of the wrong shape (for example a string where a hash
reference is needed), dies with a message naming the method.

=head1 METHODS

=over 4

=item my $conn = Sys::Virt->new(uri => $uri, readonly => $ro, flags => $flags, auth => $auth, credlist => \@types, callback => \&callback);

Opens a connection to the hypervisor named by C<uri>, for example
C<qemu:///system>, C<qemu+ssh://host/system>, C<xen:///> or the in-memory
C<test:///default> driver (see L<https://libvirt.org/uri.html>). Without a
C<uri>, libvirt picks its default hypervisor. C<address> is accepted as an
older name for C<uri>.

A true C<readonly> asks for a read-only connection (C<CONNECT_RO>), which
unprivileged users may be granted when a full one is refused. C<flags>
takes the CONNECTION constants below and defaults to 0.

A true C<auth> enables interactive authentication. C<credlist> lists the
credential types (CREDENTIAL TYPES constants) the application can answer,
and C<callback> is called whenever libvirt needs some of them. It gets one
argument, an array reference of hash references, one per credential
requested, with the keys C<type> (a CRED_* constant), C<prompt> (a text to
show the user), C<challenge> (what is asked for, may be undef) and
C<result> (preset to libvirt's default answer, or undef). The callback
stores each answer in C<result> and returns 0, or returns -1 to refuse.
If C<callback> or C<credlist> is missing, libvirt's default console
prompts are used. An exception raised by the callback aborts the
connection attempt and is propagated by C<new> as is.

  my $conn = Sys::Virt->new(
      uri      => "qemu+tcp://host.example.com/system",
      auth     => 1,
      credlist => [ Sys::Virt::CRED_AUTHNAME, Sys::Virt::CRED_PASSPHRASE ],
      callback => sub {
          my ($creds) = @_;
          foreach my $cred (@$creds) {
              $cred->{result} = $user
                  if $cred->{type} == Sys::Virt::CRED_AUTHNAME;
              $cred->{result} = $password
                  if $cred->{type} == Sys::Virt::CRED_PASSPHRASE;
          }
          return 0;
      });

=item $conn->set_identity(\%identity, $flags=0)

Tells the daemon to act on behalf of another identity for access control
on this connection (usually only permitted to privileged clients). The
keys of C<%identity> are the IDENTITY constants below. C<$flags> is
unused and defaults to 0.

=item my $st = $conn->new_stream($flags=0)

Returns a new L<Sys::Virt::Stream> on this connection, to be handed to a
method that moves data (a screenshot, a console, a volume upload or
download). C<$flags> takes C<Sys::Virt::Stream::NONBLOCK> for a stream
whose C<recv> and C<send> return -2 instead of waiting.

=back

=head2 Creating and defining objects

=over 4

=item my $dom = $conn->create_domain($xml, $flags=0)

Starts a transient guest from the domain XML C<$xml> and returns it as a
L<Sys::Virt::Domain>. C<$flags> takes the domain creation constants of
L<Sys::Virt::Domain>.

=item my $dom = $conn->create_domain_with_files($xml, \@fds, $flags=0)

Like C<create_domain>, also handing the open file descriptors C<@fds> to
the guest's init process (container drivers only).

=item my $dom = $conn->define_domain($xml, $flags=0)

Adds a persistent guest configuration, without starting it; returns a
L<Sys::Virt::Domain>. C<$flags> takes the domain define constants of
L<Sys::Virt::Domain>.

=item my $net = $conn->create_network($xml, $flags=0)

Starts a transient virtual network described by C<$xml>; returns a
L<Sys::Virt::Network>.

=item my $net = $conn->define_network($xml, $flags=0)

Adds a persistent virtual network configuration without starting it;
returns a L<Sys::Virt::Network>.

=item my $nwfilter = $conn->define_nwfilter($xml, $flags=0)

Adds or replaces a network filter; returns a L<Sys::Virt::NWFilter>.

=item my $binding = $conn->create_nwfilter_binding($xml, $flags=0)

Binds a network filter to a port; returns a L<Sys::Virt::NWFilterBinding>.

=item my $secret = $conn->define_secret($xml, $flags=0)

Adds or replaces a secret's description (not its value); returns a
L<Sys::Virt::Secret>.

=item my $pool = $conn->create_storage_pool($xml)

Starts a transient storage pool; returns a L<Sys::Virt::StoragePool>.

=item my $pool = $conn->define_storage_pool($xml, $flags=0)

Adds a persistent storage pool configuration without starting it;
returns a L<Sys::Virt::StoragePool>.

=item my $iface = $conn->create_interface($xml)

Creates a host network interface; returns a L<Sys::Virt::Interface>.

=item my $iface = $conn->define_interface($xml, $flags=0)

Adds a host interface configuration without activating it; returns a
L<Sys::Virt::Interface>.

=item my $dev = $conn->create_node_device($xml, $flags=0)

Creates a transient host device (for example an NPIV vHBA or a mediated
device); returns a L<Sys::Virt::NodeDevice>.

=item my $dev = $conn->define_node_device($xml, $flags=0)

Adds a persistent host device configuration without starting it;
returns a L<Sys::Virt::NodeDevice>.

=back

=head2 Listing objects

The C<list_all_*> methods return every object of a kind in one call, and
are the ones to use. The older C<list_*> methods look each object up
separately (skipping those that vanish meanwhile); the C<num_of_*> and
C<list_*_names> methods return counts and names, a C<$max...> argument
capping how many names come back.

=over 4

=item my @doms = $conn->list_all_domains($flags=0)

Every guest, running or not, as L<Sys::Virt::Domain> objects. C<$flags>
filters the list (the LIST constants of L<Sys::Virt::Domain>).

=item my @doms = $conn->list_domains()

The running guests, as L<Sys::Virt::Domain> objects.

=item my $count = $conn->num_of_domains()

The number of running guests.

=item my @ids = $conn->list_domain_ids($maxids)

The ids of at most C<$maxids> running guests.
A C<$maxids> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @doms = $conn->list_defined_domains()

The inactive persistent guests, as L<Sys::Virt::Domain> objects.

=item my $count = $conn->num_of_defined_domains()

The number of inactive persistent guests.

=item my @names = $conn->list_defined_domain_names($maxnames)

The names of at most C<$maxnames> inactive persistent guests.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @nets = $conn->list_all_networks($flags=0)

Every virtual network, active or not, as L<Sys::Virt::Network> objects.

=item my @nets = $conn->list_networks()

The active virtual networks, as L<Sys::Virt::Network> objects.

=item my $count = $conn->num_of_networks()

The number of active virtual networks.

=item my @names = $conn->list_network_names($maxnames)

The names of at most C<$maxnames> active networks.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @nets = $conn->list_defined_networks()

The inactive persistent networks, as L<Sys::Virt::Network> objects.

=item my $count = $conn->num_of_defined_networks()

The number of inactive persistent networks.

=item my @names = $conn->list_defined_network_names($maxnames)

The names of at most C<$maxnames> inactive networks.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @pools = $conn->list_all_storage_pools($flags=0)

Every storage pool, active or not, as L<Sys::Virt::StoragePool> objects.

=item my @pools = $conn->list_storage_pools()

The active storage pools, as L<Sys::Virt::StoragePool> objects.

=item my $count = $conn->num_of_storage_pools()

The number of active storage pools.

=item my @names = $conn->list_storage_pool_names($maxnames)

The names of at most C<$maxnames> active storage pools.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @pools = $conn->list_defined_storage_pools()

The inactive persistent storage pools, as L<Sys::Virt::StoragePool>
objects.

=item my $count = $conn->num_of_defined_storage_pools()

The number of inactive persistent storage pools.

=item my @names = $conn->list_defined_storage_pool_names($maxnames)

The names of at most C<$maxnames> inactive storage pools.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @devs = $conn->list_all_node_devices($flags=0)

Every host device, as L<Sys::Virt::NodeDevice> objects; C<$flags> selects
device capabilities.

=item my @devs = $conn->list_node_devices($capability)

The host devices, as L<Sys::Virt::NodeDevice> objects, only those with
the capability C<$capability> (e.g. C<pci>, C<scsi_host>) unless it is
undef.

=item my $count = $conn->num_of_node_devices($capability, $flags=0)

The number of host devices with the capability C<$capability>, or of all
devices when it is undef.

=item my @names = $conn->list_node_device_names($capability, $maxnames, $flags=0)

The names of at most C<$maxnames> host devices with the capability
C<$capability> (any when undef).
A C<$maxnames> above 65,536 (libvirt's list limit: the remote driver
refuses more) is lowered to 65,536.

=item my @ifaces = $conn->list_all_interfaces($flags=0)

Every host interface, active or not, as L<Sys::Virt::Interface> objects.

=item my @ifaces = $conn->list_interfaces()

The active host interfaces, as L<Sys::Virt::Interface> objects.

=item my $count = $conn->num_of_interfaces()

The number of active host interfaces.

=item my @names = $conn->list_interface_names($maxnames)

The names of at most C<$maxnames> active host interfaces.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @ifaces = $conn->list_defined_interfaces()

The inactive host interfaces, as L<Sys::Virt::Interface> objects.

=item my $count = $conn->num_of_defined_interfaces()

The number of inactive host interfaces.

=item my @names = $conn->list_defined_interface_names($maxnames)

The names of at most C<$maxnames> inactive host interfaces.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @secrets = $conn->list_all_secrets($flags=0)

Every secret, as L<Sys::Virt::Secret> objects.

=item my @secrets = $conn->list_secrets()

Every secret, as L<Sys::Virt::Secret> objects, looked up one by one.

=item my $count = $conn->num_of_secrets()

The number of secrets.

=item my @uuids = $conn->list_secret_uuids($maxuuids)

The UUIDs of at most C<$maxuuids> secrets.
A C<$maxuuids> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @nwfilters = $conn->list_all_nwfilters($flags=0)

Every network filter, as L<Sys::Virt::NWFilter> objects.

=item my @nwfilters = $conn->list_nwfilters()

Every network filter, as L<Sys::Virt::NWFilter> objects, looked up one
by one.

=item my $count = $conn->num_of_nwfilters()

The number of network filters.

=item my @names = $conn->list_nwfilter_names($maxnames)

The names of at most C<$maxnames> network filters.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @bindings = $conn->list_all_nwfilter_bindings($flags=0)

Every network filter binding, as L<Sys::Virt::NWFilterBinding> objects.

=back

=head2 Looking objects up

Each of these raises a L<Sys::Virt::Error> when no such object exists.

=over 4

=item my $dom = $conn->get_domain_by_name($name)

The guest called C<$name>, as a L<Sys::Virt::Domain>.

=item my $dom = $conn->get_domain_by_id($id)

The running guest whose id is C<$id>.

=item my $dom = $conn->get_domain_by_uuid($uuid)

The guest with the UUID C<$uuid> (printable form, or the 16 raw bytes).

=item my $net = $conn->get_network_by_name($name)

The virtual network called C<$name>, as a L<Sys::Virt::Network>.

=item my $net = $conn->get_network_by_uuid($uuid)

The virtual network with the UUID C<$uuid>.

=item my $pool = $conn->get_storage_pool_by_name($name)

The storage pool called C<$name>, as a L<Sys::Virt::StoragePool>.

=item my $pool = $conn->get_storage_pool_by_uuid($uuid)

The storage pool with the UUID C<$uuid>.

=item my $pool = $conn->get_storage_pool_by_volume($vol)

The storage pool holding the L<Sys::Virt::StorageVol> C<$vol>.

=item my $pool = $conn->get_storage_pool_by_target_path($path)

The storage pool whose target is the path C<$path>.

=item my $vol = $conn->get_storage_volume_by_path($path)

The storage volume at C<$path>, as a L<Sys::Virt::StorageVol>.

=item my $vol = $conn->get_storage_volume_by_key($key)

The storage volume whose unique key is C<$key>.

=item my $dev = $conn->get_node_device_by_name($name)

The host device called C<$name>, as a L<Sys::Virt::NodeDevice>.

=item my $dev = $conn->get_node_device_scsihost_by_wwn($wwnn, $wwpn, $flags=0)

The SCSI host device with the world wide node name C<$wwnn> and port name
C<$wwpn>.

=item my $iface = $conn->get_interface_by_name($name)

The host interface called C<$name>, as a L<Sys::Virt::Interface>.

=item my $iface = $conn->get_interface_by_mac($mac)

The host interface with the MAC address C<$mac>.

=item my $secret = $conn->get_secret_by_uuid($uuid)

The secret with the UUID C<$uuid>, as a L<Sys::Virt::Secret>.

=item my $secret = $conn->get_secret_by_usage($usageType, $usageID)

The secret used for C<$usageID> (a volume path, a Ceph user...) of the
kind C<$usageType> (a USAGE constant of L<Sys::Virt::Secret>).

=item my $nwfilter = $conn->get_nwfilter_by_name($name)

The network filter called C<$name>, as a L<Sys::Virt::NWFilter>.

=item my $nwfilter = $conn->get_nwfilter_by_uuid($uuid)

The network filter with the UUID C<$uuid>.

=item my $binding = $conn->get_nwfilter_binding_by_port_dev($name)

The filter binding of the port device C<$name>, as a
L<Sys::Virt::NWFilterBinding>.

=back

=head2 Save images

=over 4

=item $conn->restore_domain($savefile, $dxml=undef, \%params=undef, $flags=0)

Starts a guest again from the state file C<$savefile> written by a
save. C<$dxml>, when given, replaces the guest XML stored in the image
(only changes the hypervisor accepts, such as disk paths). When
C<%params> is given, the restore is described by its keys, the
C<SAVE_PARAM_*> constants of L<Sys::Virt::Domain>: C<file> and C<dxml>
(strings), C<image_format> (a string) and C<parallel.channels> (an int);
other keys are ignored. A defined C<$savefile> or C<$dxml> then takes
the place of the hash's C<file> or C<dxml> entry. C<$flags> takes the
SAVE / RESTORE flag constants of L<Sys::Virt::Domain>. Returns nothing.

=item $conn->define_save_image_xml($file, $dxml, $flags=0)

Replaces the guest XML stored in the save image C<$file> by C<$dxml>.
C<$flags> is currently unused.

=item my $xml = $conn->get_save_image_xml_description($file, $flags=0)

The guest XML stored in the save image C<$file>. C<$flags> takes the
same constants as C<managed_save_get_xml_description> of
L<Sys::Virt::Domain>.

=back

=head2 Host information

=over 4

=item my $xml = $conn->find_storage_pool_sources($type, $srcspec, $flags=0)

Looks for storage that could back a pool of type C<$type> (C<logical>,
C<netfs>, C<iscsi>...) and returns an XML document listing it.
C<$srcspec> is undef or an XML C<source> element narrowing the search,
such as the NFS server to ask.

=item my @stats = $conn->get_all_domain_stats($stats, \@doms=undef, $flags=0)

Statistics of many guests at once. C<$stats> selects groups of values
(the DOMAIN STATS constants of L<Sys::Virt::Domain>, ORed). C<@doms>
limits the request to those L<Sys::Virt::Domain> objects; when it is
undef or empty, every guest matching C<$flags> (the stats filter
constants of L<Sys::Virt::Domain>) is reported. Returns one hash
reference per guest, with the keys C<dom> (the L<Sys::Virt::Domain>) and
C<data> (a hash reference of statistic name to value, such as
C<state.state> or C<cpu.time>).

=item $conn->interface_change_begin($flags=0)

Saves the current host interface configuration, so that later changes
can be committed or rolled back as a whole.

=item $conn->interface_change_commit($flags=0)

Keeps the interface changes made since C<interface_change_begin>.

=item $conn->interface_change_rollback($flags=0)

Restores the interface configuration saved by C<interface_change_begin>.

=item my $n = $conn->get_max_vcpus($domtype)

The largest number of virtual CPUs a guest of the virtualization type
C<$domtype> (e.g. C<kvm>) may have on this connection.

=item my $hostname = $conn->get_hostname()

The host name of the machine the connection leads to.

=item my $uri = $conn->get_uri()

The canonical URI of the connection, which may differ from the one
given to C<new> when libvirt chose the driver itself.

=item my $xml = $conn->get_sysinfo($flags=0)

An XML document about the host hardware (typically its SMBIOS tables).

=item my $type = $conn->get_type()

The name of the hypervisor driver in use, such as C<QEMU> or C<TEST>.

=item my $xml = $conn->domain_xml_from_native($format, $config, $flags=0)

Converts a hypervisor-native guest configuration C<$config> (in the
format C<$format>, e.g. C<qemu-argv>) into libvirt domain XML.

=item my $config = $conn->domain_xml_to_native($format, $xml, $flags=0)

Converts libvirt domain XML into the hypervisor-native format C<$format>.

=item my $version = $conn->get_version()

The hypervisor's version, encoded as C<major * 1_000_000 + minor * 1_000
+ micro>. Called as C<< Sys::Virt->get_version >> (no connection), the
version of the local libvirt library.

=item my $major = $conn->get_major_version()

The major part of C<get_version>.

=item my $minor = $conn->get_minor_version()

The minor part of C<get_version>.

=item my $micro = $conn->get_micro_version()

The micro part of C<get_version>.

=item my $version = $conn->get_library_version()

The version of libvirt at the far end of the connection (the daemon for
a remote connection), encoded like C<get_version>.

=item my $secure = $conn->is_secure()

True when the connection cannot be eavesdropped (a local socket, or an
encrypted channel).

=item my $encrypted = $conn->is_encrypted()

True when the connection's traffic is encrypted.

=item my $alive = $conn->is_alive()

True while the connection is usable (keepalive answered, or no
keepalive needed).

=item $conn->set_keep_alive($interval, $count)

Enables keepalive probes on a remote connection: one every C<$interval>
seconds, the connection being declared dead after C<$count> unanswered
ones. An C<$interval> of zero or less disables them.

=item my $info = $conn->get_node_info()

A hash reference describing the host: C<model> (the CPU architecture),
C<memory> (in KiB), C<cpus> (active logical CPUs), C<mhz>, C<nodes>
(NUMA cells), C<sockets> (per cell), C<cores> (per socket) and
C<threads> (per core). See also C<get_node_cpu_map>.

=item my ($ncpus, $onlinemap, $nonline) = $conn->get_node_cpu_map($flags=0)

The number of host CPUs, a bitmap (a string of bytes, lowest CPU in the
lowest bit) of the ones online, and the number online. Unpack the map
with C<< split //, unpack("b*", $onlinemap) >>.

=item my $stats = $conn->get_node_cpu_stats($cpuNum=-1, $flags=0)

A hash reference of CPU time counters of the host (nanoseconds) for the
CPU C<$cpuNum>, or summed over all CPUs when it is
C<NODE_CPU_STATS_ALL_CPUS> (the default). The keys are among C<kernel>,
C<user>, C<idle>, C<iowait>, C<intr> and C<utilization> (a percentage),
as the driver reports them.

=item my $stats = $conn->get_node_memory_stats($cellNum=-1, $flags=0)

A hash reference of memory counters (KiB) of the NUMA cell C<$cellNum>,
or of the whole host when it is C<NODE_MEMORY_STATS_ALL_CELLS> (the
default): C<total>, C<free>, C<buffers> and C<cached>.

=item my $params = $conn->get_node_memory_parameters($flags=0)

A hash reference of the host's memory tunables, keyed by the MEMORY
PARAMETERS constants (kernel same-page merging settings and counters).

=item $conn->set_node_memory_parameters(\%params, $flags=0)

Changes the memory tunables named by the keys of C<%params> (MEMORY
PARAMETERS constants); others keep their value.

=item my $info = $conn->get_node_sev_info($flags=0)

A hash reference describing the host's AMD SEV support, keyed by the SEV
constants below.

=item $conn->node_suspend_for_duration($target, $duration, $flags=0)

Suspends the host in the mode C<$target> (a NODE SUSPEND constant) and
sets it to wake up after C<$duration> seconds.

=item my $xml = $conn->baseline_cpu(\@xml, $flags=0)

Given the CPU descriptions (XML documents) of several hosts, returns the
description of a CPU model every one of them can run. C<$flags> takes
C<BASELINE_CPU_EXPAND_FEATURES> (list every feature, including those the
model implies) and C<BASELINE_CPU_MIGRATABLE> (leave out features that
block migration).

=item my $xml = $conn->baseline_hypervisor_cpu($emulator, $arch, $machine, $virttype, \@xml, $flags=0)

Like C<baseline_cpu>, for what a given hypervisor can provide: the
emulator binary C<$emulator> or the architecture C<$arch> (at least one
of them), and optionally the machine type C<$machine> and virtualization
type C<$virttype>; undef leaves a value out.

=item my @names = $conn->get_cpu_model_names($arch, $flags=0)

The names of the CPU models known for the architecture C<$arch>.

=item my $model = $conn->get_node_security_model()

A hash reference with the host's security driver: C<model> (its name,
such as C<selinux> or C<apparmor>) and C<doi> (its domain of
interpretation).

=item my $xml = $conn->get_capabilities()

An XML document describing the host and the guest types the hypervisor
can run.

=item my $xml = $conn->get_domain_capabilities($emulator, $arch, $machine, $virttype, $flags=0)

An XML document describing what guests of the given emulator binary or
architecture (at least one of the two), machine type and virtualization
type can be configured with; undef leaves a value to the default.

=item my $xml = $conn->get_storage_pool_capabilities($flags=0)

An XML document listing the storage pool types the host supports.

=item my $result = $conn->compare_cpu($xml, $flags=0)

Compares the CPU described by C<$xml> with the host CPU, returning one
of the CPU COMPARISON constants. C<$flags> takes
C<COMPARE_CPU_FAIL_INCOMPATIBLE> (raise an error instead of returning
C<CPU_COMPARE_INCOMPATIBLE>) and C<COMPARE_CPU_VALIDATE_XML>.

=item my $result = $conn->compare_hypervisor_cpu($emulator, $arch, $machine, $virttype, $xml, $flags=0)

Like C<compare_cpu>, against the CPU a given hypervisor can provide
(the arguments as for C<baseline_hypervisor_cpu>).

=item my $free = $conn->get_node_free_memory()

The free memory of the host, in bytes.

=item my @free = $conn->get_node_cells_free_memory($start, $end)

The free memory, in bytes, of each existing NUMA cell from C<$start> to
C<$end> inclusive.

=item my @cells = $conn->get_node_free_pages(\@pagesizes, $start, $end, $flags=0)

Free pages of each size in C<@pagesizes> (KiB) on each NUMA cell from
C<$start> to C<$end> inclusive: one hash reference per cell, with the keys
C<cell> (its number) and C<pages> (a hash reference of page size to free
count).

=item $conn->node_alloc_pages(\@pages, $start, $end, $flags=0)

Changes the reservation of huge pages on each NUMA cell from C<$start>
to C<$end> inclusive. Each element of C<@pages> is an array reference
C<[$pagesize, $count]>. With C<NODE_ALLOC_PAGES_ADD>, C<$count> pages
are added to the pool; with C<NODE_ALLOC_PAGES_SET> the pool is set to
C<$count> pages.

=back

=head2 Events

These methods need an event loop, registered before the connection is
opened (see L<Sys::Virt::Event>): the callbacks run from inside that
loop, e.g. during C<Sys::Virt::Event::run_default()>. A callback keeps
the connection object (and the callback) alive until it is deregistered.
When a callback dies, the die is raised by the event loop function that
ran it, once libvirt has returned.

=over 4

=item my $id = $conn->domain_event_register_any($dom, $eventID, $callback)

Calls C<$callback> whenever the event C<$eventID> (one of the
C<Sys::Virt::Domain::EVENT_ID_*> constants) occurs on the domain C<$dom>,
or on any domain when C<$dom> is C<undef>. The callback's arguments are
the connection, a new C<Sys::Virt::Domain> object, then the details of
the event:

  EVENT_ID_LIFECYCLE          $event, $detail (EVENT_* constants)
  EVENT_ID_REBOOT             (none)
  EVENT_ID_RTC_CHANGE         $utcoffset
  EVENT_ID_WATCHDOG           $action
  EVENT_ID_IO_ERROR           $srcpath, $devalias, $action
  EVENT_ID_IO_ERROR_REASON    $srcpath, $devalias, $action, $reason
  EVENT_ID_GRAPHICS           $phase, \%local, \%remote, $authscheme,
                              \@subject
  EVENT_ID_CONTROL_ERROR      (none)
  EVENT_ID_BLOCK_JOB          $path, $type, $status
  EVENT_ID_BLOCK_JOB_2        $disk, $type, $status
  EVENT_ID_DISK_CHANGE        $oldsrc, $newsrc, $devalias, $reason
  EVENT_ID_TRAY_CHANGE        $devalias, $reason
  EVENT_ID_PMWAKEUP           $reason
  EVENT_ID_PMSUSPEND          $reason
  EVENT_ID_PMSUSPEND_DISK     $reason
  EVENT_ID_BALLOON_CHANGE     $actual (KiB)
  EVENT_ID_DEVICE_REMOVED     $devalias
  EVENT_ID_DEVICE_ADDED       $devalias
  EVENT_ID_DEVICE_REMOVAL_FAILED  $devalias
  EVENT_ID_TUNABLE            \%params
  EVENT_ID_JOB_COMPLETED      \%params (the keys of get_job_stats)
  EVENT_ID_AGENT_LIFECYCLE    $state, $reason
  EVENT_ID_MIGRATION_ITERATION  $iteration
  EVENT_ID_METADATA_CHANGE    $type, $nsuri
  EVENT_ID_BLOCK_THRESHOLD    $dev, $path, $threshold, $excess
  EVENT_ID_MEMORY_FAILURE     $recipient, $action, $flags
  EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE  $alias, $size
  EVENT_ID_NIC_MAC_CHANGE     $devalias, $oldmac, $newmac
  EVENT_ID_VCPU_REMOVED       $vcpuid
  EVENT_ID_CHANNEL_LIFECYCLE  $channel, $state, $reason
                              (EVENT_CHANNEL_LIFECYCLE_* constants)

The graphics addresses are hash references with the keys C<family>,
C<node> and C<service>; the subject is an array reference of hash
references with the keys C<type> and C<name>. A string libvirt does not
provide is C<undef>. Returns the callback ID, for
C<domain_event_deregister_any>.

=item $conn->domain_event_deregister_any($callbackID)

Removes the callback registered under C<$callbackID>. An unknown ID is
ignored.

=item $conn->domain_event_register($callback)

The older form of lifecycle events: C<$callback> is called with the
connection, the domain, C<$event> and C<$detail> for every domain. Only
one such callback is kept per connection.

=item $conn->domain_event_deregister()

Removes the callback of C<domain_event_register>.

=item my $id = $conn->network_event_register_any($net, $eventID, $callback)

Calls C<$callback> on the event C<$eventID> (a
C<Sys::Virt::Network::EVENT_ID_*> constant) of the network C<$net>, or
of any network when it is C<undef>, with the connection and a new
C<Sys::Virt::Network> object, followed by C<$event> and C<$detail> for
C<EVENT_ID_LIFECYCLE>, or by C<$type> (a C<Sys::Virt::Network::METADATA_*>
constant) and C<$nsuri> (the namespace of a changed metadata element,
else C<undef>) for C<EVENT_ID_METADATA_CHANGE> (libvirt 9.8.0 or newer).
Returns the callback ID.

=item $conn->network_event_deregister_any($callbackID)

Removes a network event callback.

=item my $id = $conn->storage_pool_event_register_any($pool, $eventID, $callback)

As C<network_event_register_any>, for storage pools
(C<Sys::Virt::StoragePool::EVENT_ID_*>; C<EVENT_ID_REFRESH> has no
extra argument).

=item $conn->storage_pool_event_deregister_any($callbackID)

Removes a storage pool event callback.

=item my $id = $conn->node_device_event_register_any($dev, $eventID, $callback)

As C<network_event_register_any>, for host devices
(C<Sys::Virt::NodeDevice::EVENT_ID_*>; C<EVENT_ID_UPDATE> has no extra
argument).

=item $conn->node_device_event_deregister_any($callbackID)

Removes a node device event callback.

=item my $id = $conn->secret_event_register_any($secret, $eventID, $callback)

As C<network_event_register_any>, for secrets
(C<Sys::Virt::Secret::EVENT_ID_*>; C<EVENT_ID_VALUE_CHANGED> has no
extra argument). Drivers without secret events raise an error.

=item $conn->secret_event_deregister_any($callbackID)

Removes a secret event callback.

=item my $id = $conn->domain_qemu_monitor_event_register($dom, $event, $callback, $flags=0)

Calls C<$callback> for the QEMU monitor events (QMP events such as
C<STOP>, C<RESUME>, C<SHUTDOWN>) of the domain C<$dom>, or of every
domain when it is C<undef>, named C<$event>, or all of them when it is
C<undef>. C<$flags> takes the C<QEMU_MONITOR_EVENT_REGISTER_*>
constants: with C<QEMU_MONITOR_EVENT_REGISTER_REGEX> C<$event> is a
regular expression, with C<QEMU_MONITOR_EVENT_REGISTER_NOCASE> it
matches regardless of case. The callback gets the connection, a new
C<Sys::Virt::Domain> object, the event's name, the time QEMU gives it
(C<$seconds> since the epoch and C<$microseconds>) and its details as a
JSON string (C<undef> when it has none). Returns the callback ID.
libvirt keeps one registration without an event name per domain (and
one for every domain) on a connection: another raises
C<Sys::Virt::Error::ERR_INVALID_ARG>. Only
the QEMU driver has these events (in C<libvirt-qemu.so.0>, see
L<Sys::Virt::Domain/"QEMU monitor and agent, LXC namespaces">).

=item $conn->domain_qemu_monitor_event_deregister($callbackID)

Removes a QEMU monitor event callback. An unknown ID is ignored.

=item $conn->register_close_callback($coderef)

Calls C<< $coderef->($conn, $reason) >> when the connection closes for a
reason other than C<close> (a C<CLOSE_REASON_*> constant: error, end of
file, keepalive timeout). One callback per connection. Drivers that
never close on their own accept it and never call it.

=item $conn->unregister_close_callback()

Removes the close callback.

=back

=head2 LXC

=over 4

=item my $oldlabel = Sys::Virt::lxc_enter_security_label(\%model, \%label, $flags=0)

Gives the calling process the security label C<\%label> of the security
model C<\%model>, as a process entering an LXC container does (after
C<lxc_enter_namespace> of L<Sys::Virt::Domain>). C<\%model> is a hash
reference as C<get_node_security_model> returns it (C<model>, such as
C<selinux>, C<apparmor> or C<none>, and C<doi>), C<\%label> one as
C<get_security_label> of L<Sys::Virt::Domain> returns it (C<label> and
C<enforcing>); absent keys are empty (0). Returns the label the process
had before, as a hash reference of the same form. An unknown model
raises C<Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED>; a string too long
for libvirt's fixed-size field dies. C<$flags> is unused and defaults
to 0. In C<libvirt-lxc.so.0>: where it is absent, this raises
C<Sys::Virt::Error::ERR_NO_SUPPORT>.

=back

=head1 CONSTANTS

=head2 CONNECTION

Flags of C<new>:

=over 4

=item Sys::Virt::CONNECT_RO

Open the connection read-only.

=item Sys::Virt::CONNECT_NO_ALIASES

Do not resolve the URI through the aliases of the client configuration.

=back

=head2 CREDENTIAL TYPES

The C<type> of a credential asked for by an authentication callback:

=over 4

=item Sys::Virt::CRED_USERNAME

A user name to act as.

=item Sys::Virt::CRED_AUTHNAME

A user name to authenticate with.

=item Sys::Virt::CRED_LANGUAGE

A language code (RFC 1766).

=item Sys::Virt::CRED_CNONCE

A client nonce.

=item Sys::Virt::CRED_PASSPHRASE

A password or passphrase.

=item Sys::Virt::CRED_ECHOPROMPT

An answer to a challenge, which may be shown as typed.

=item Sys::Virt::CRED_NOECHOPROMPT

An answer to a challenge, which must not be shown as typed.

=item Sys::Virt::CRED_REALM

An authentication realm.

=item Sys::Virt::CRED_EXTERNAL

A credential obtained outside the application.

=back

=head2 IDENTITY CONSTANTS

Keys of the hash given to C<set_identity>:

=over 4

=item Sys::Virt::IDENTITY_USER_NAME

The operating system user name.

=item Sys::Virt::IDENTITY_UNIX_USER_ID

The numeric UNIX user id.

=item Sys::Virt::IDENTITY_GROUP_NAME

The operating system group name.

=item Sys::Virt::IDENTITY_UNIX_GROUP_ID

The numeric UNIX group id.

=item Sys::Virt::IDENTITY_PROCESS_ID

The process id of the client.

=item Sys::Virt::IDENTITY_PROCESS_TIME

The start time of the client process (so a reused process id is told
apart).

=item Sys::Virt::IDENTITY_SASL_USER_NAME

The user name authenticated by SASL.

=item Sys::Virt::IDENTITY_X509_DISTINGUISHED_NAME

The distinguished name of the client's TLS certificate.

=item Sys::Virt::IDENTITY_SELINUX_CONTEXT

The SELinux context of the client process.

=back

=head2 CPU COMPARISON CONSTANTS

Results of C<compare_cpu> and C<compare_hypervisor_cpu>:

=over 4

=item Sys::Virt::CPU_COMPARE_INCOMPATIBLE

The host lacks some feature of the described CPU.

=item Sys::Virt::CPU_COMPARE_IDENTICAL

The host CPU is the described one.

=item Sys::Virt::CPU_COMPARE_SUPERSET

The host CPU has every feature of the described one, and more.

=back

Flags of the same methods:

=over 4

=item Sys::Virt::COMPARE_CPU_FAIL_INCOMPATIBLE

Raise an error when the CPUs are incompatible.

=item Sys::Virt::COMPARE_CPU_VALIDATE_XML

Check the XML against the schema first.

=back

=head2 BASELINE CPU CONSTANTS

Flags of C<baseline_cpu> and C<baseline_hypervisor_cpu>:

=over 4

=item Sys::Virt::BASELINE_CPU_EXPAND_FEATURES

List every feature, including those implied by the model.

=item Sys::Virt::BASELINE_CPU_MIGRATABLE

Leave out features that prevent migration.

=item Sys::Virt::BASELINE_CPU_IGNORE_HOST

Compute the baseline of the given CPUs alone, without letting the CPU
of the current host influence the result (libvirt 11.6.0 or newer).

=back

=head2 DOMAIN CAPABILITIES CONSTANTS

Flags of C<get_domain_capabilities>, changing how the host-model CPU is
reported:

=over 4

=item Sys::Virt::DOMAIN_CAPABILITIES_DISABLE_DEPRECATED_FEATURES

Report the host-model CPU with its deprecated features turned off
(libvirt 11.0.0 or newer).

=item Sys::Virt::DOMAIN_CAPABILITIES_EXPAND_CPU_FEATURES

List every feature of the host-model CPU, including those its model
name implies (libvirt 12.2.0 or newer).

=item Sys::Virt::DOMAIN_CAPABILITIES_SUPPORTED_CPU_FEATURES

Also list the CPU features the host supports but the host-model mode
would not turn on (libvirt 12.5.0 or newer).

=back

=head2 NODE SUSPEND CONSTANTS

Targets of C<node_suspend_for_duration>:

=over 4

=item Sys::Virt::NODE_SUSPEND_TARGET_MEM

Suspend to RAM (S3 on x86).

=item Sys::Virt::NODE_SUSPEND_TARGET_DISK

Suspend to disk (S4 on x86).

=item Sys::Virt::NODE_SUSPEND_TARGET_HYBRID

Save to disk and suspend to RAM.

=back

=head2 NODE CPU AND MEMORY STATISTICS

=over 4

=item Sys::Virt::NODE_CPU_STATS_ALL_CPUS

The C<$cpuNum> of C<get_node_cpu_stats> that sums all CPUs.

=item Sys::Virt::NODE_MEMORY_STATS_ALL_CELLS

The C<$cellNum> of C<get_node_memory_stats> for the whole host.

=item Sys::Virt::NODE_CPU_STATS_KERNEL

Key: time spent in the kernel.

=item Sys::Virt::NODE_CPU_STATS_USER

Key: time spent in user space.

=item Sys::Virt::NODE_CPU_STATS_IDLE

Key: idle time.

=item Sys::Virt::NODE_CPU_STATS_IOWAIT

Key: time spent waiting for I/O.

=item Sys::Virt::NODE_CPU_STATS_INTR

Key: time spent handling interrupts.

=item Sys::Virt::NODE_CPU_STATS_UTILIZATION

Key: CPU usage as a percentage.

=item Sys::Virt::NODE_CPU_STATS_GUEST

Key: time spent running the virtual CPUs of guests, in nanoseconds
since the host booted (libvirt 11.8.0 or newer).

=item Sys::Virt::NODE_MEMORY_STATS_TOTAL

Key: total memory.

=item Sys::Virt::NODE_MEMORY_STATS_FREE

Key: free memory.

=item Sys::Virt::NODE_MEMORY_STATS_BUFFERS

Key: memory used by I/O buffers.

=item Sys::Virt::NODE_MEMORY_STATS_CACHED

Key: memory used by the page cache.

=item Sys::Virt::NODE_MEMORY_STATS_AVAILABLE

Key: memory available for new work without swapping; on Linux only
reported for the whole host (C<NODE_MEMORY_STATS_ALL_CELLS>) (libvirt
12.3.0 or newer).

=back

=head2 MEMORY PARAMETERS

Keys of C<get_node_memory_parameters> and C<set_node_memory_parameters>
(kernel same-page merging):

=over 4

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_TO_SCAN

Pages to scan before the merging thread sleeps.

=item Sys::Virt::NODE_MEMORY_SHARED_SLEEP_MILLISECS

Milliseconds the merging thread sleeps between scans.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_SHARED

Shared pages in use.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_SHARING

Mappings sharing those pages.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_UNSHARED

Unique pages repeatedly checked for merging.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_VOLATILE

Pages changing too often to be merged.

=item Sys::Virt::NODE_MEMORY_SHARED_FULL_SCANS

Number of complete scans done.

=item Sys::Virt::NODE_MEMORY_SHARED_MERGE_ACROSS_NODES

Whether pages of different NUMA nodes may be merged.

=back

=head2 HUGE PAGE ALLOCATION

Flags of C<node_alloc_pages>:

=over 4

=item Sys::Virt::NODE_ALLOC_PAGES_ADD

Add the counts to the current reservation.

=item Sys::Virt::NODE_ALLOC_PAGES_SET

Set the reservation to the counts.

=back

=head2 SEV CONSTANTS

Keys of C<get_node_sev_info>:

=over 4

=item Sys::Virt::SEV_PDH

The platform Diffie-Hellman key (base64).

=item Sys::Virt::SEV_CERT_CHAIN

The platform certificate chain (base64).

=item Sys::Virt::SEV_CPU0_ID

The firmware identifier of CPU 0 (base64).

=item Sys::Virt::SEV_CBITPOS

The position of the encryption bit in page table entries.

=item Sys::Virt::SEV_REDUCED_PHYS_BITS

How many physical address bits SEV takes away.

=item Sys::Virt::SEV_MAX_GUESTS

The maximum number of SEV guests.

=item Sys::Virt::SEV_MAX_ES_GUESTS

The maximum number of SEV-ES guests.

=back

=head2 CLOSE REASON CONSTANTS

Why a connection was closed, as given to a close callback:

=over 4

=item Sys::Virt::CLOSE_REASON_ERROR

A read or write on the connection failed.

=item Sys::Virt::CLOSE_REASON_EOF

The other end closed the connection.

=item Sys::Virt::CLOSE_REASON_KEEPALIVE

Keepalive probes went unanswered.

=item Sys::Virt::CLOSE_REASON_CLIENT

The application closed it.

=back

=head2 QEMU MONITOR EVENT REGISTRATION

Flags of C<domain_qemu_monitor_event_register>.

=over 4

=item Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_REGEX

The event name is a regular expression.

=item Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_NOCASE

The event name matches regardless of case.

=back

=head2 IP ADDRESS TYPES

=over 4

=item Sys::Virt::IP_ADDR_TYPE_IPV4

An IPv4 address.

=item Sys::Virt::IP_ADDR_TYPE_IPV6

An IPv6 address.

=back

=head1 SEE ALSO

L<Sys::Virt::Domain>, L<Sys::Virt::Network>, L<Sys::Virt::StoragePool>,
L<Sys::Virt::StorageVol>, L<Sys::Virt::NodeDevice>, L<Sys::Virt::Interface>,
L<Sys::Virt::Secret>, L<Sys::Virt::NWFilter>, L<Sys::Virt::Error>,
L<https://libvirt.org/>

=head1 AUTHORS

The Sys::Virt in Rust project, reached through its issue tracker (see
L</BUGS>). This is an independent reimplementation of the interface of
Sys::Virt, libvirt's Perl binding, whose C original was written by
Daniel P. Berrange and Red Hat.

=head1 BUGS

Report a bug to the Sys::Virt in Rust project's issue tracker, with the
versions of Sys::Virt (C<$Sys::Virt::VERSION>) and libvirt
(C<< Sys::Virt->get_version >>) and a script that shows it. Behaviour that
differs from the C original is a bug, unless the distribution's README.md
lists it under "Compatibility notes".

=head1 COPYRIGHT AND LICENSE

Copyright (C) 2026 the Sys::Virt in Rust project.

This library is free software; you can redistribute it and/or modify it
under the terms of either the GNU General Public License as published by
the Free Software Foundation, version 2 or (at your option) any later
version, or the Artistic License 1.0 that comes with Perl. The file
LICENSE in the distribution holds the text of both licences.

=cut
