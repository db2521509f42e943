package Sys::Virt::Interface;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt (get_interface_by_name, define_interface...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "connection parameter is required";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::Interface::_lookup_by_name($con, $params{name});
    } elsif (exists $params{mac}) {
        $self = Sys::Virt::Interface::_lookup_by_mac($con, $params{mac});
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::Interface::_define_xml($con, $params{xml}, $params{flags} || 0);
    } else {
        die "name, mac or xml parameters are required";
    }

    bless $self, $class;
    return $self;
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::Interface - a network interface of a libvirt host

=head1 SYNOPSIS

  my $iface = $conn->get_interface_by_name("eth0");
  print $iface->get_mac, "\n";

=head1 DESCRIPTION

An object of this class stands for one network interface of the host
whose configuration libvirt manages (addresses, bonds, VLANs,
bridges). It is obtained from the lookup and define methods of
L<Sys::Virt>.

=head1 METHODS

=over 4

=item my $name = $iface->get_name()

The interface's name (e.g. C<eth0>).

=item my $mac = $iface->get_mac()

The interface's hardware (MAC) address, as text.

=item $iface->is_active()

True (1) when the interface is up, false (0) otherwise.

=item my $xml = $iface->get_xml_description($flags=0)

The interface's configuration as an XML document. C<$flags> may be
C<Sys::Virt::Interface::XML_INACTIVE> for the configuration the next
start will use.

=item $iface->create($flags=0)

Bring up an interface that was defined earlier (C<define_interface> in
L<Sys::Virt>). C<$flags> is reserved, pass 0.

=item $iface->destroy($flags=0)

Bring the interface down. Its configuration is kept and the object
stays valid. C<$flags> is reserved, pass 0.

=item $iface->undefine()

Delete the interface's saved configuration.

=back

=head1 CONSTANTS

=over 4

=item Sys::Virt::Interface::XML_INACTIVE

Describe the configuration the next start will use.

=item Sys::Virt::Interface::DEFINE_VALIDATE

Check the XML against libvirt's schema when defining an interface.

=item Sys::Virt::Interface::LIST_ACTIVE

For C<list_all_interfaces> in L<Sys::Virt>: interfaces that are up.

=item Sys::Virt::Interface::LIST_INACTIVE

For C<list_all_interfaces> in L<Sys::Virt>: interfaces that are down.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::Error>

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
