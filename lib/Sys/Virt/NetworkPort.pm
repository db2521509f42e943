package Sys::Virt::NetworkPort;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt::Network (create_port, get_port_by_uuid,
# list_all_ports).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $net = exists $params{network} ? $params{network}
        : die "network parameter is required";
    my $self;
    if (exists $params{uuid}) {
        my $len = length($params{uuid});
        if ($len == 16) {
            $self = Sys::Virt::NetworkPort::_lookup_by_uuid($net, $params{uuid});
        } elsif ($len == 32 || $len == 36) {
            $self = Sys::Virt::NetworkPort::_lookup_by_uuid_string($net, $params{uuid});
        } else {
            die "UUID must be either 16 unsigned bytes, or 32/36 hex characters long";
        }
    } elsif (exists $params{xml}) {
        my $flags = $params{flags} || 0;
        $self = Sys::Virt::NetworkPort::_create_xml($net, $params{xml}, $flags);
    } else {
        die "uuid or xml parameters are required";
    }

    bless $self, $class;
    return $self;
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::NetworkPort - a port of a libvirt virtual network

=head1 SYNOPSIS

  my $port = $net->create_port($xml);
  my $bw = $port->get_parameters();
  $port->delete();

=head1 DESCRIPTION

An object of this class stands for one port of a virtual network (see
L<Sys::Virt::Network>): the attachment point a guest's interface
uses. Ports are obtained from their network's C<create_port>,
C<get_port_by_uuid> and C<list_all_ports> methods.

=head1 METHODS

=over 4

=item my $uuid = $port->get_uuid()

The port's UUID as 16 raw bytes.

=item my $uuid = $port->get_uuid_string()

The port's UUID in printable form.

=item my $xml = $port->get_xml_description($flags=0)

The port's configuration as an XML document. C<$flags> is reserved,
pass 0.

=item $port->delete($flags=0)

Remove the port from its network. C<$flags> is reserved, pass 0.

=item my $params = $port->get_parameters($flags=0)

The port's tunable parameters as a hash reference keyed by the
C<BANDWIDTH_*> constants below. C<$flags> is reserved, pass 0.

=item $port->set_parameters($params, $flags=0)

Change some of the port's tunable parameters: C<$params> is a hash
reference with any of the keys C<get_parameters> returns (other keys
are ignored). C<$flags> is reserved, pass 0.

=back

=head1 CONSTANTS

=head2 Bandwidth parameters

The keys of the hashes of C<get_parameters> and C<set_parameters>.

=over 4

=item Sys::Virt::NetworkPort::BANDWIDTH_IN_AVERAGE

Average rate of incoming traffic, in KiB/s.

=item Sys::Virt::NetworkPort::BANDWIDTH_IN_PEAK

Highest rate of incoming traffic, in KiB/s.

=item Sys::Virt::NetworkPort::BANDWIDTH_IN_BURST

Size of an incoming burst allowed at peak rate, in KiB.

=item Sys::Virt::NetworkPort::BANDWIDTH_IN_FLOOR

Guaranteed minimum rate of incoming traffic, in KiB/s.

=item Sys::Virt::NetworkPort::BANDWIDTH_OUT_AVERAGE

Average rate of outgoing traffic, in KiB/s.

=item Sys::Virt::NetworkPort::BANDWIDTH_OUT_PEAK

Highest rate of outgoing traffic, in KiB/s.

=item Sys::Virt::NetworkPort::BANDWIDTH_OUT_BURST

Size of an outgoing burst allowed at peak rate, in KiB.

=back

=head2 Creation flags

=over 4

=item Sys::Virt::NetworkPort::CREATE_RECLAIM

The port already existed (e.g. a guest that was running before the
network was restarted): take it back rather than allocate anew.

=item Sys::Virt::NetworkPort::CREATE_VALIDATE

Check the XML against libvirt's schema.

=back

=head1 SEE ALSO

L<Sys::Virt::Network>, L<Sys::Virt>

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
