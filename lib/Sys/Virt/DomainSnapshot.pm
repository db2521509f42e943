package Sys::Virt::DomainSnapshot;

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
        $self = Sys::Virt::DomainSnapshot::_lookup_by_name($dom, $params{name});
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::DomainSnapshot::_create_xml($dom, $params{xml},
                                                        $params{flags} ? $params{flags} : 0);
    } else {
        die "name or xml parameters are required";
    }

    bless $self, $class;

    return $self;
}

sub list_child_snapshots {
    my $self = shift;

    # The direct children, as objects. (The C original looked the child
    # names up with the snapshot in place of its domain, which always
    # failed, so it returned an empty list.)
    return $self->list_all_children(0);
}

1;

__END__

=head1 NAME

Sys::Virt::DomainSnapshot - one saved state of a libvirt guest domain

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => "test:///default");
  my $dom = $conn->get_domain_by_name("test");

  my $snap = $dom->create_snapshot(
      "<domainsnapshot><name>before-upgrade</name></domainsnapshot>");
  ...
  $snap->revert_to();
  $snap->delete();

=head1 DESCRIPTION

A C<Sys::Virt::DomainSnapshot> object stands for one snapshot of a
guest: the state of its disks (and possibly of its memory) at a point in
time, kept by the hypervisor so that the guest can later return to it.
Snapshots form a tree: each one may have a parent (the snapshot current
when it was taken) and children.

Snapshot objects come from the L<Sys::Virt::Domain> methods
C<create_snapshot>, C<get_snapshot_by_name>, C<current_snapshot>,
C<list_all_snapshots> and C<list_snapshots>, or from the methods below.
Failures are reported by dying with a L<Sys::Virt::Error> object; a
snapshot that has since been deleted fails with
C<Sys::Virt::Error::ERR_NO_DOMAIN_SNAPSHOT>.

=head1 METHODS

=over 4

=item my $name = $domss->get_name()

The name of the snapshot.

=item my $xml = $domss->get_xml_description($flags=0)

The XML document describing the snapshot (name, description, state,
creation time, disks, and the guest configuration it saved). C<$flags>
may be C<Sys::Virt::DomainSnapshot::XML_SECURE> to include security
sensitive data such as passwords.

=item $domss->revert_to($flags=0)

Put the guest back in the state saved by this snapshot, which becomes
the current snapshot. C<$flags> takes the C<REVERT_*> constants below,
for instance to choose whether the guest is left running or paused.
Returns nothing.

=item $domss->delete($flags=0)

Delete the snapshot (its data and its metadata). C<$flags> takes the
C<DELETE_*> constants below, to delete its children as well, only its
children, or only its metadata. Returns nothing.

=item my $parent = $domss->get_parent($flags=0)

The snapshot this one was taken from, as a new
C<Sys::Virt::DomainSnapshot> object. Dies with
C<Sys::Virt::Error::ERR_NO_DOMAIN_SNAPSHOT> for a root snapshot.
C<$flags> is unused and defaults to 0.

=item my $bool = $domss->is_current($flags=0)

1 if this is the current snapshot of its domain, 0 otherwise. C<$flags>
is unused and defaults to 0.

=item my $bool = $domss->has_metadata($flags=0)

1 if libvirt keeps metadata for this snapshot (so that it can be listed
and reverted to), 0 otherwise. C<$flags> is unused and defaults to 0.

=item my $count = $domss->num_of_child_snapshots($flags=0)

How many snapshots have this one as parent. With
C<Sys::Virt::DomainSnapshot::LIST_DESCENDANTS> in C<$flags>, count all
descendants instead; the other C<LIST_*> filters apply too.

=item my @names = $domss->list_child_snapshot_names($maxnames, $flags=0)

The names of at most C<$maxnames> of the snapshots counted by
C<num_of_child_snapshots> with the same C<$flags>. Each can be turned
into an object with C<< $dom->get_snapshot_by_name >>.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @snapshots = $domss->list_child_snapshots()

The direct children of this snapshot, as C<Sys::Virt::DomainSnapshot>
objects (the same list as C<list_all_children(0)>).

=item my @snapshots = $domss->list_all_children($flags=0)

The children of this snapshot as C<Sys::Virt::DomainSnapshot> objects,
in a single call. C<$flags> takes the C<LIST_*> constants below: with
C<LIST_DESCENDANTS> all descendants are returned, not only the direct
children, and the other flags filter the list.

=back

=head1 CONSTANTS

=head2 CREATING SNAPSHOTS

Flags for C<< $dom->create_snapshot($xml, $flags) >>.

=over 4

=item Sys::Virt::DomainSnapshot::CREATE_REDEFINE

Do not take a snapshot: (re)define the metadata of an existing one from
the XML.

=item Sys::Virt::DomainSnapshot::CREATE_CURRENT

With C<CREATE_REDEFINE>, make the redefined snapshot the current one.

=item Sys::Virt::DomainSnapshot::CREATE_NO_METADATA

Take the snapshot but keep no libvirt metadata for it.

=item Sys::Virt::DomainSnapshot::CREATE_HALT

Stop the guest once the snapshot is taken.

=item Sys::Virt::DomainSnapshot::CREATE_DISK_ONLY

Save the disks only, not the memory state.

=item Sys::Virt::DomainSnapshot::CREATE_REUSE_EXT

Use the external files named in the XML even if they already exist.

=item Sys::Virt::DomainSnapshot::CREATE_QUIESCE

Ask the guest agent to flush and freeze the guest file systems while the
snapshot is taken.

=item Sys::Virt::DomainSnapshot::CREATE_ATOMIC

Snapshot all the disks at once or none of them.

=item Sys::Virt::DomainSnapshot::CREATE_LIVE

Take the snapshot while the guest keeps running.

=item Sys::Virt::DomainSnapshot::CREATE_VALIDATE

Check the XML against libvirt's schema before using it.

=back

=head2 DELETING SNAPSHOTS

Flags for C<delete>.

=over 4

=item Sys::Virt::DomainSnapshot::DELETE_CHILDREN

Delete the descendants of the snapshot too.

=item Sys::Virt::DomainSnapshot::DELETE_METADATA_ONLY

Drop libvirt's metadata only, leaving the saved data in place.

=item Sys::Virt::DomainSnapshot::DELETE_CHILDREN_ONLY

Delete the descendants of the snapshot but keep the snapshot itself.

=back

=head2 LISTING SNAPSHOTS

Filters for the counting and listing methods, here and in
L<Sys::Virt::Domain>.

=over 4

=item Sys::Virt::DomainSnapshot::LIST_ROOTS

Only snapshots without a parent (for the domain-level lists).

=item Sys::Virt::DomainSnapshot::LIST_DESCENDANTS

All descendants rather than direct children (for the snapshot-level
lists; same value as C<LIST_ROOTS>).

=item Sys::Virt::DomainSnapshot::LIST_LEAVES

Only snapshots without children.

=item Sys::Virt::DomainSnapshot::LIST_NO_LEAVES

Only snapshots with children.

=item Sys::Virt::DomainSnapshot::LIST_METADATA

Only snapshots libvirt keeps metadata for.

=item Sys::Virt::DomainSnapshot::LIST_NO_METADATA

Only snapshots without libvirt metadata.

=item Sys::Virt::DomainSnapshot::LIST_INACTIVE

Only snapshots of a guest that was shut off.

=item Sys::Virt::DomainSnapshot::LIST_ACTIVE

Only snapshots of a guest that was running, memory included.

=item Sys::Virt::DomainSnapshot::LIST_DISK_ONLY

Only snapshots of a running guest that saved its disks but not its
memory.

=item Sys::Virt::DomainSnapshot::LIST_INTERNAL

Only snapshots stored inside the disk images.

=item Sys::Virt::DomainSnapshot::LIST_EXTERNAL

Only snapshots stored in separate files.

=item Sys::Virt::DomainSnapshot::LIST_TOPOLOGICAL

Order the list so that every parent comes before its children.

=back

=head2 REVERTING

Flags for C<revert_to>.

=over 4

=item Sys::Virt::DomainSnapshot::REVERT_RUNNING

Leave the guest running after the revert.

=item Sys::Virt::DomainSnapshot::REVERT_PAUSED

Leave the guest paused after the revert.

=item Sys::Virt::DomainSnapshot::REVERT_FORCE

Revert even in cases libvirt considers risky.

=item Sys::Virt::DomainSnapshot::REVERT_RESET_NVRAM

Start again from a fresh copy of the firmware's NVRAM template.

=back

=head2 XML

=over 4

=item Sys::Virt::DomainSnapshot::XML_SECURE

Flag for C<get_xml_description>: include security sensitive data.

=back

=head1 SEE ALSO

L<Sys::Virt::Domain>, L<Sys::Virt::DomainCheckpoint>, L<Sys::Virt>,
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
