package Sys::Virt::Network;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt (get_network_by_name, define_network...),
# which call _new with the connection and one way of finding the network.
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "connection parameter is required";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::Network::_lookup_by_name($con, $params{name});
    } elsif (exists $params{uuid}) {
        my $len = length($params{uuid});
        if ($len == 16) {
            $self = Sys::Virt::Network::_lookup_by_uuid($con, $params{uuid});
        } elsif ($len == 32 || $len == 36) {
            $self = Sys::Virt::Network::_lookup_by_uuid_string($con, $params{uuid});
        } else {
            die "UUID must be either 16 unsigned bytes, or 32/36 hex characters long";
        }
    } elsif (exists $params{xml}) {
        my $flags = $params{flags} || 0;
        if ($params{nocreate}) {
            $self = Sys::Virt::Network::_define_xml($con, $params{xml}, $flags);
        } else {
            $self = Sys::Virt::Network::_create_xml($con, $params{xml}, $flags);
        }
    } else {
        die "address, id or uuid parameters are required";
    }

    bless $self, $class;
    return $self;
}

sub create_port {
    my $self = shift;
    my $xml = shift;
    my $flags = shift || 0;
    return Sys::Virt::NetworkPort->_new(network => $self, xml => $xml, flags => $flags);
}

sub get_port_by_uuid {
    my $self = shift;
    my $uuid = shift;
    return Sys::Virt::NetworkPort->_new(network => $self, uuid => $uuid);
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::Network - a virtual network of a libvirt host

=head1 SYNOPSIS

  my $net = $conn->get_network_by_name("default");
  printf "%s uses bridge %s\n", $net->get_name, $net->get_bridge_name;
  $net->create unless $net->is_active;

=head1 DESCRIPTION

An object of this class stands for one virtual network known to a
libvirt connection (see L<Sys::Virt>). It is obtained from the
connection's lookup, define and create methods, never constructed
directly. The object holds a reference on the connection, so it stays
usable after the L<Sys::Virt> object that produced it is gone.

=head1 METHODS

=over 4

=item my $uuid = $net->get_uuid()

The network's UUID as 16 raw bytes.

=item my $uuid = $net->get_uuid_string()

The network's UUID in its printable 36-character form
(C<xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx>).

=item my $name = $net->get_name()

The network's name, unique on its host.

=item $net->is_active()

True (1) when the network is running, false (0) otherwise.

=item $net->is_persistent()

True (1) when the network has a saved configuration that outlives
its stopping, false (0) for a transient network.

=item my $xml = $net->get_xml_description($flags=0)

The network's configuration as an XML document. C<$flags> may be
C<Sys::Virt::Network::XML_INACTIVE> to get the configuration the next
start will use rather than the running one.

=item $net->create()

Start a network that was defined (but not started) earlier, for
example with C<define_network> of L<Sys::Virt>.

=item $net->undefine()

Delete the saved configuration of the network. A running network
keeps running, as a transient one, until it is stopped.

=item $net->destroy()

Stop the running network at once. The object remains valid: a
persistent network can be started again with C<create>.

=item $net->update($command, $section, $parentIndex, $xml, $flags=0)

Change one part of the network's configuration without redefining
all of it. C<$command> is one of the C<UPDATE_COMMAND_*> constants
(add, modify, delete...), C<$section> one of the C<SECTION_*> constants
saying which element C<$xml> describes, C<$parentIndex> picks which of
several parent elements is meant (-1 for "any"), and C<$flags> takes
the C<UPDATE_AFFECT_*> constants to choose the live and/or saved
configuration.

=item my $bridge = $net->get_bridge_name()

The name of the host bridge device the network uses.

=item my $flag = $net->get_autostart()

True (1) when the network is started automatically with the host,
false (0) otherwise.

=item $net->set_autostart($flag)

Turn automatic start with the host on (true C<$flag>) or off.

=item my @leases = $net->get_dhcp_leases($mac=undef, $flags=0)

The DHCP leases the network's server handed out, all of them or only
those of the MAC address C<$mac>. C<$flags> is reserved, pass 0. Each
element is a hash reference with these keys:

=over 4

=item C<iface>

The network interface the lease is on.

=item C<expirytime>

When the lease expires, in seconds since the epoch.

=item C<type>

The address family, a C<Sys::Virt::IP_ADDR_TYPE_*> constant.

=item C<mac>

The client's MAC address.

=item C<iaid>

The client's IAID (IPv6), or undef.

=item C<ipaddr>

The address leased.

=item C<prefix>

The length of the address's network prefix.

=item C<hostname>

The host name the client gave, or undef.

=item C<clientid>

The client ID (IPv4) or DUID (IPv6), or undef.

=back

=item my @ports = $net->list_all_ports($flags=0)

Every port of the network, as L<Sys::Virt::NetworkPort> objects.
C<$flags> is reserved, pass 0.

=item my $port = $net->create_port($xml, $flags=0)

Add a port described by C<$xml> to the network and return it as a
L<Sys::Virt::NetworkPort>. C<$flags> takes the
C<Sys::Virt::NetworkPort::CREATE_*> constants.

=item my $port = $net->get_port_by_uuid($uuid)

The port of this network with the UUID C<$uuid>, given either as 16
raw bytes or in printable form, as a L<Sys::Virt::NetworkPort>.

=item my $str = $net->get_metadata($type, $uri=undef, $flags=0)

Returns one piece of the network's metadata, chosen by C<$type>, a
C<METADATA_*> constant: its title, its description, or (for
C<METADATA_ELEMENT>) the XML element of the application namespace
C<$uri>. C<$uri> must be C<undef> (the default) for the other two types.
Metadata the network does not have raises C<ERR_NO_NETWORK_METADATA>.
C<$flags> takes the C<UPDATE_AFFECT_*> constants (live or stored
configuration). Needs libvirt 9.7.0 or newer
(C<virNetworkGetMetadata>).

=item $net->set_metadata($type, $val=undef, $key=undef, $uri=undef, $flags=0)

Replaces the metadata of type C<$type> (a C<METADATA_*> constant) with
C<$val>, or removes it when C<$val> is C<undef>. A title is a single
line, a description free text; both want C<$key> and C<$uri> undef.
For C<METADATA_ELEMENT>, C<$val> is a well-formed XML element, stored
under the namespace C<$uri> with the prefix C<$key>. C<$key>, C<$uri>
and C<$flags> may be left out. C<$flags> takes the C<UPDATE_AFFECT_*>
constants. Needs libvirt 9.7.0 or newer
(C<virNetworkSetMetadata>).

=back

=head1 CONSTANTS

=head2 XML description

=over 4

=item Sys::Virt::Network::XML_INACTIVE

Describe the saved configuration rather than the running one.

=back

=head2 Creation and definition

=over 4

=item Sys::Virt::Network::CREATE_VALIDATE

Check the XML against libvirt's schema when creating a network.

=item Sys::Virt::Network::DEFINE_VALIDATE

Check the XML against libvirt's schema when defining a network.

=back

=head2 Listing filters

Flags of C<list_all_networks> in L<Sys::Virt>; combine them to narrow
the list.

=over 4

=item Sys::Virt::Network::LIST_ACTIVE

Running networks.

=item Sys::Virt::Network::LIST_INACTIVE

Networks that are not running.

=item Sys::Virt::Network::LIST_PERSISTENT

Networks with a saved configuration.

=item Sys::Virt::Network::LIST_TRANSIENT

Networks without a saved configuration.

=item Sys::Virt::Network::LIST_AUTOSTART

Networks started with the host.

=item Sys::Virt::Network::LIST_NO_AUTOSTART

Networks not started with the host.

=back

=head2 Update commands

=over 4

=item Sys::Virt::Network::UPDATE_COMMAND_NONE

No command (invalid).

=item Sys::Virt::Network::UPDATE_COMMAND_MODIFY

Replace an existing element.

=item Sys::Virt::Network::UPDATE_COMMAND_DELETE

Remove an existing element.

=item Sys::Virt::Network::UPDATE_COMMAND_ADD_LAST

Add the element after the existing ones.

=item Sys::Virt::Network::UPDATE_COMMAND_ADD_FIRST

Add the element before the existing ones.

=back

=head2 Update sections

Which element of the network XML an update's C<$xml> describes.

=over 4

=item Sys::Virt::Network::SECTION_NONE

No section (invalid).

=item Sys::Virt::Network::SECTION_BRIDGE

The C<bridge> element.

=item Sys::Virt::Network::SECTION_DOMAIN

The C<domain> element.

=item Sys::Virt::Network::SECTION_IP

An C<ip> element.

=item Sys::Virt::Network::SECTION_IP_DHCP_HOST

A C<host> element inside C<ip/dhcp>.

=item Sys::Virt::Network::SECTION_IP_DHCP_RANGE

A C<range> element inside C<ip/dhcp>.

=item Sys::Virt::Network::SECTION_FORWARD

The C<forward> element.

=item Sys::Virt::Network::SECTION_FORWARD_INTERFACE

An C<interface> element inside C<forward>.

=item Sys::Virt::Network::SECTION_FORWARD_PF

A C<pf> element inside C<forward>.

=item Sys::Virt::Network::SECTION_PORTGROUP

A C<portgroup> element.

=item Sys::Virt::Network::SECTION_DNS_HOST

A C<host> element inside C<dns>.

=item Sys::Virt::Network::SECTION_DNS_TXT

A C<txt> element inside C<dns>.

=item Sys::Virt::Network::SECTION_DNS_SRV

An C<srv> element inside C<dns>.

=back

=head2 Update targets

=over 4

=item Sys::Virt::Network::UPDATE_AFFECT_CURRENT

Change the live configuration of a running network, the saved one
otherwise.

=item Sys::Virt::Network::UPDATE_AFFECT_LIVE

Change the running network.

=item Sys::Virt::Network::UPDATE_AFFECT_CONFIG

Change the saved configuration.

=back

=head2 Events

=over 4

=item Sys::Virt::Network::EVENT_ID_LIFECYCLE

The event ID of network lifecycle changes (for
C<network_event_register_any> in L<Sys::Virt>).

=item Sys::Virt::Network::EVENT_DEFINED

The network's configuration was defined.

=item Sys::Virt::Network::EVENT_UNDEFINED

The network's configuration was deleted.

=item Sys::Virt::Network::EVENT_STARTED

The network was started.

=item Sys::Virt::Network::EVENT_STOPPED

The network was stopped.

=item Sys::Virt::Network::EVENT_ID_METADATA_CHANGE

The event ID of changes to the network's title, description or a
metadata element (libvirt 9.8.0 or newer).

=back

=head2 Metadata types

What C<get_metadata> and C<set_metadata> read or change (libvirt 9.7.0
or newer):

=over 4

=item Sys::Virt::Network::METADATA_DESCRIPTION

The free-form description of the network (the C<description> element).

=item Sys::Virt::Network::METADATA_TITLE

The short title of the network (the C<title> element).

=item Sys::Virt::Network::METADATA_ELEMENT

An application's own XML element inside C<metadata>, identified by its
namespace URI.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::NetworkPort>, L<Sys::Virt::Error>

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
