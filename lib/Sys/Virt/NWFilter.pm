package Sys::Virt::NWFilter;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt (get_nwfilter_by_name, define_nwfilter...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "connection parameter is required";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::NWFilter::_lookup_by_name($con, $params{name});
    } elsif (exists $params{uuid}) {
        my $len = length($params{uuid});
        if ($len == 16) {
            $self = Sys::Virt::NWFilter::_lookup_by_uuid($con, $params{uuid});
        } elsif ($len == 32 || $len == 36) {
            $self = Sys::Virt::NWFilter::_lookup_by_uuid_string($con, $params{uuid});
        } else {
            die "UUID must be either 16 unsigned bytes, or 32/36 hex characters long";
        }
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::NWFilter::_define_xml($con, $params{xml}, $params{flags} || 0);
    } else {
        die "address, id or uuid parameters are required";
    }

    bless $self, $class;
    return $self;
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::NWFilter - a libvirt network filter

=head1 SYNOPSIS

  my $filter = $conn->get_nwfilter_by_name("clean-traffic");
  print $filter->get_xml_description;

=head1 DESCRIPTION

An object of this class stands for one network filter: a named set of
firewall rules that can be applied to guests' network interfaces. It
is obtained from the lookup and define methods of L<Sys::Virt>.

=head1 METHODS

=over 4

=item my $uuid = $filter->get_uuid()

The filter's UUID as 16 raw bytes.

=item my $uuid = $filter->get_uuid_string()

The filter's UUID in printable form.

=item my $name = $filter->get_name()

The filter's name, unique on its host.

=item my $xml = $filter->get_xml_description($flags=0)

The filter's rules as an XML document. C<$flags> is reserved, pass 0.

=item $filter->undefine()

Delete the filter (it must not be in use).

=back

=head1 CONSTANTS

=over 4

=item Sys::Virt::NWFilter::DEFINE_VALIDATE

Check the XML against libvirt's schema when defining a filter.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::NWFilterBinding>

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
