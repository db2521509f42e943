package Sys::Virt::DomainCheckpoint;

use strict;
use warnings;

our $VERSION = '12.7.0';

sub CLONE_SKIP { 1 }

sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $dom = exists $params{domain} ? $params{domain} : die "domain parameter is required";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::DomainCheckpoint::_lookup_by_name($dom, $params{name});
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::DomainCheckpoint::_create_xml($dom, $params{xml},
                                                          $params{flags} ? $params{flags} : 0);
    } else {
        die "name or xml parameters are required";
    }

    bless $self, $class;

    return $self;
}

1;

__END__

=head1 NAME

Sys::Virt::DomainCheckpoint - a point in time from which a guest's disk changes are tracked

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => "test:///default");
  my $dom = $conn->get_domain_by_name("test");

  my $cp = $dom->create_checkpoint(
      "<domaincheckpoint><name>nightly</name></domaincheckpoint>");
  print $cp->get_name(), "\n";
  $cp->delete();

=head1 DESCRIPTION

A C<Sys::Virt::DomainCheckpoint> object stands for one checkpoint of a
guest: a marker from which the hypervisor records which disk blocks
change (typically with a dirty bitmap), so that a later incremental
backup copies only those. Checkpoints form a tree, each one having at
most one parent.

Checkpoint objects come from the L<Sys::Virt::Domain> methods
C<create_checkpoint>, C<get_checkpoint_by_name> and
C<list_all_checkpoints>, or from the methods below. Failures are
reported by dying with a L<Sys::Virt::Error> object; a checkpoint that
has since been deleted fails with
C<Sys::Virt::Error::ERR_NO_DOMAIN_CHECKPOINT>.

=head1 METHODS

=over 4

=item my $name = $domchkp->get_name()

The name of the checkpoint.

=item my $xml = $domchkp->get_xml_description($flags=0)

The XML document describing the checkpoint. C<$flags> takes the
C<XML_*> constants below.

=item $domchkp->delete($flags=0)

Delete the checkpoint. C<$flags> takes the C<DELETE_*> constants below.
Returns nothing.

=item my $parent = $domchkp->get_parent($flags=0)

The checkpoint this one follows, as a new
C<Sys::Virt::DomainCheckpoint> object. Dies with
C<Sys::Virt::Error::ERR_NO_DOMAIN_CHECKPOINT> for a root checkpoint.
C<$flags> is unused and defaults to 0.

=item my @checkpoints = $domchkp->list_all_children($flags=0)

The children of this checkpoint as C<Sys::Virt::DomainCheckpoint>
objects. C<$flags> takes the C<LIST_*> constants below; with
C<LIST_DESCENDANTS> all descendants are returned.

=back

=head1 CONSTANTS

=head2 CREATING CHECKPOINTS

Flags for C<< $dom->create_checkpoint($xml, $flags) >>.

=over 4

=item Sys::Virt::DomainCheckpoint::CREATE_REDEFINE

Do not create a checkpoint: (re)define the metadata of an existing one
from the XML.

=item Sys::Virt::DomainCheckpoint::CREATE_QUIESCE

Ask the guest agent to flush and freeze the guest file systems while the
checkpoint is created.

=item Sys::Virt::DomainCheckpoint::CREATE_REDEFINE_VALIDATE

With C<CREATE_REDEFINE>, check that the disk bitmaps the XML refers to
exist and are consistent.

=back

=head2 DELETING CHECKPOINTS

Flags for C<delete>.

=over 4

=item Sys::Virt::DomainCheckpoint::DELETE_CHILDREN

Delete the descendants of the checkpoint too.

=item Sys::Virt::DomainCheckpoint::DELETE_METADATA_ONLY

Drop libvirt's metadata only, leaving the disk bitmaps in place.

=item Sys::Virt::DomainCheckpoint::DELETE_CHILDREN_ONLY

Delete the descendants of the checkpoint but keep the checkpoint itself.

=back

=head2 LISTING CHECKPOINTS

Filters for C<list_all_children> and C<< $dom->list_all_checkpoints >>.

=over 4

=item Sys::Virt::DomainCheckpoint::LIST_ROOTS

Only checkpoints without a parent (for the domain-level list).

=item Sys::Virt::DomainCheckpoint::LIST_DESCENDANTS

All descendants rather than direct children (for C<list_all_children>;
same value as C<LIST_ROOTS>).

=item Sys::Virt::DomainCheckpoint::LIST_TOPOLOGICAL

Order the list so that every parent comes before its children.

=item Sys::Virt::DomainCheckpoint::LIST_LEAVES

Only checkpoints without children.

=item Sys::Virt::DomainCheckpoint::LIST_NO_LEAVES

Only checkpoints with children.

=back

=head2 XML

Flags for C<get_xml_description>.

=over 4

=item Sys::Virt::DomainCheckpoint::XML_SECURE

Include security sensitive data.

=item Sys::Virt::DomainCheckpoint::XML_NO_DOMAIN

Leave out the copy of the guest configuration.

=item Sys::Virt::DomainCheckpoint::XML_SIZE

Add, for each disk, the size of the data changed since the checkpoint.

=back

=head1 SEE ALSO

L<Sys::Virt::Domain>, L<Sys::Virt::DomainSnapshot>, L<Sys::Virt>,
L<Sys::Virt::Error>, L<https://libvirt.org/>

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
