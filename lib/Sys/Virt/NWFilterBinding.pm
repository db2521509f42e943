package Sys::Virt::NWFilterBinding;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt (get_nwfilter_binding_by_port_dev,
# create_nwfilter_binding...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "connection parameter is required";
    my $self;
    if (exists $params{portdev}) {
        $self = Sys::Virt::NWFilterBinding::_lookup_by_port_dev($con, $params{portdev});
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::NWFilterBinding::_create_xml($con, $params{xml}, $params{flags} || 0);
    } else {
        die "portdev or xml parameters are required";
    }

    bless $self, $class;
    return $self;
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::NWFilterBinding - a network filter applied to a port

=head1 SYNOPSIS

  my $binding = $conn->get_nwfilter_binding_by_port_dev("vnet0");
  printf "%s filters %s\n", $binding->get_filter_name, $binding->get_port_dev;

=head1 DESCRIPTION

An object of this class stands for the application of a network
filter (see L<Sys::Virt::NWFilter>) to one network port device of the
host. It is obtained from the lookup and create methods of
L<Sys::Virt>.

=head1 METHODS

=over 4

=item my $dev = $binding->get_port_dev()

The name of the port device the filter is applied to.

=item my $name = $binding->get_filter_name()

The name of the filter applied.

=item my $xml = $binding->get_xml_description($flags=0)

The binding as an XML document. C<$flags> is reserved, pass 0.

=item $binding->delete()

Stop applying the filter to the port and remove the binding.

=back

=head1 CONSTANTS

=over 4

=item Sys::Virt::NWFilterBinding::CREATE_VALIDATE

Check the XML against libvirt's schema when creating a binding.

=back

=head1 SEE ALSO

L<Sys::Virt::NWFilter>, L<Sys::Virt>

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
