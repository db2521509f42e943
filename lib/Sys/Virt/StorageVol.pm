package Sys::Virt::StorageVol;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt::StoragePool (get_volume_by_name,
# create_volume...) and Sys::Virt (get_storage_volume_by_key/_by_path).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $self;
    if (exists $params{name}) {
        my $pool = exists $params{pool} ? $params{pool} : die "pool parameter is required";
        $self = Sys::Virt::StorageVol::_lookup_by_name($pool, $params{name});
    } elsif (exists $params{key}) {
        my $con = exists $params{connection} ? $params{connection}
            : die "connection parameter is required";
        $self = Sys::Virt::StorageVol::_lookup_by_key($con, $params{key});
    } elsif (exists $params{path}) {
        my $con = exists $params{connection} ? $params{connection}
            : die "connection parameter is required";
        $self = Sys::Virt::StorageVol::_lookup_by_path($con, $params{path});
    } elsif (exists $params{xml}) {
        my $pool = exists $params{pool} ? $params{pool} : die "pool parameter is required";
        if ($params{clone}) {
            $self = Sys::Virt::StorageVol::_create_xml_from($pool, $params{xml}, $params{clone}, 0);
        } else {
            $self = Sys::Virt::StorageVol::_create_xml($pool, $params{xml}, 0);
        }
    } else {
        die "name, key, path or xml parameters are required";
    }

    bless $self, $class;
    return $self;
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::StorageVol - a volume of a libvirt storage pool

=head1 SYNOPSIS

  my $vol = $pool->get_volume_by_name("disk0.img");
  printf "%s: %d bytes\n", $vol->get_path, $vol->get_info->{capacity};

=head1 DESCRIPTION

An object of this class stands for one volume (a file, a logical
volume, a partition, a network block device...) of a storage pool (see
L<Sys::Virt::StoragePool>). It is obtained from its pool's lookup and
create methods, or from L<Sys::Virt>'s lookups by key or path.

=head1 METHODS

=over 4

=item my $name = $vol->get_name()

The volume's name, unique in its pool.

=item my $key = $vol->get_key()

The volume's key, unique on the host (usually its path).

=item my $path = $vol->get_path()

The volume's path on the host (e.g. a file name or device node).

=item my $xml = $vol->get_xml_description($flags=0)

The volume's configuration as an XML document. C<$flags> is reserved,
pass 0.

=item $vol->delete($flags=0)

Remove the volume and release its storage. C<$flags> takes the
C<DELETE_*> constants.

=item $vol->resize($newcapacity, $flags=0)

Change the volume's capacity. C<$newcapacity> is in bytes; with
C<RESIZE_DELTA> in C<$flags> it is added to the current capacity (or,
with C<RESIZE_SHRINK> too, taken from it). C<RESIZE_ALLOCATE> also
allocates the new space at once.

=item $vol->wipe($flags=0)

Overwrite the volume's data so that nothing of it can be read back.
C<$flags> is reserved, pass 0.

=item $vol->wipe_pattern($algorithm, $flags=0)

Overwrite the volume's data following C<$algorithm>, one of the
C<WIPE_ALG_*> constants. C<$flags> is reserved, pass 0.

=item my $info = $vol->get_info($flags=0)

A hash reference describing the volume, with the keys C<type> (one of
the C<TYPE_*> constants), C<capacity> (its logical size in bytes) and
C<allocation> (the bytes it takes on its storage, which may be less
than the capacity for a sparse volume, or more when there is metadata).
C<$flags> chooses what C<allocation> reports: C<USE_ALLOCATION> (the
default) or C<GET_PHYSICAL>.

=item $vol->download($st, $offset, $length, $flags=0)

Start reading the volume's data into the stream C<$st> (a
L<Sys::Virt::Stream>), from byte C<$offset> on and C<$length> bytes
long (0 for "to the end"). The data is then read from the stream.
C<$flags> may be C<VOL_DOWNLOAD_SPARSE_STREAM> to have holes sent as
holes.

=item $vol->upload($st, $offset, $length, $flags=0)

Start writing data from the stream C<$st> (a L<Sys::Virt::Stream>) into
the volume, from byte C<$offset> on and at most C<$length> bytes (0 for
no limit). The data is then written into the stream. C<$flags> may be
C<VOL_UPLOAD_SPARSE_STREAM> to accept holes sent as holes.

=back

=head1 CONSTANTS

=head2 Volume types

The C<type> of C<get_info>.

=over 4

=item Sys::Virt::StorageVol::TYPE_FILE

A regular file.

=item Sys::Virt::StorageVol::TYPE_BLOCK

A block device.

=item Sys::Virt::StorageVol::TYPE_DIR

A directory.

=item Sys::Virt::StorageVol::TYPE_NETWORK

A network volume (e.g. Ceph RBD, Gluster).

=item Sys::Virt::StorageVol::TYPE_NETDIR

A directory on a network file system.

=item Sys::Virt::StorageVol::TYPE_PLOOP

A Parallels ploop image.

=back

=head2 Creation flags

=over 4

=item Sys::Virt::StorageVol::CREATE_PREALLOC_METADATA

Allocate only the image format's metadata up front.

=item Sys::Virt::StorageVol::CREATE_REFLINK

Clone by copy-on-write reflink where the file system can.

=item Sys::Virt::StorageVol::CREATE_VALIDATE

Check the XML against libvirt's schema.

=back

=head2 Deletion flags

=over 4

=item Sys::Virt::StorageVol::DELETE_NORMAL

Remove the volume without clearing it.

=item Sys::Virt::StorageVol::DELETE_ZEROED

Overwrite the volume with zeros first.

=item Sys::Virt::StorageVol::DELETE_WITH_SNAPSHOTS

Remove the volume's snapshots too.

=back

=head2 Resize flags

=over 4

=item Sys::Virt::StorageVol::RESIZE_ALLOCATE

Allocate the added space at once.

=item Sys::Virt::StorageVol::RESIZE_DELTA

The new capacity is relative to the current one.

=item Sys::Virt::StorageVol::RESIZE_SHRINK

Make the volume smaller.

=back

=head2 Information flags

=over 4

=item Sys::Virt::StorageVol::USE_ALLOCATION

Report the allocated size in C<allocation>.

=item Sys::Virt::StorageVol::GET_PHYSICAL

Report the physical size on the host in C<allocation>.

=back

=head2 Stream flags

=over 4

=item Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM

C<download> sends holes as holes.

=item Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM

C<upload> accepts holes sent as holes.

=back

=head2 Wipe algorithms

=over 4

=item Sys::Virt::StorageVol::WIPE_ALG_ZERO

One pass of zeros.

=item Sys::Virt::StorageVol::WIPE_ALG_NNSA

The 4-pass NNSA Policy Letter NAP-14.1-C method.

=item Sys::Virt::StorageVol::WIPE_ALG_DOD

The 4-pass US DoD 5220.22-M method.

=item Sys::Virt::StorageVol::WIPE_ALG_BSI

The 9-pass method of Germany's BSI.

=item Sys::Virt::StorageVol::WIPE_ALG_GUTMANN

Peter Gutmann's 35-pass method.

=item Sys::Virt::StorageVol::WIPE_ALG_SCHNEIER

Bruce Schneier's 7-pass method.

=item Sys::Virt::StorageVol::WIPE_ALG_PFITZNER7

Roy Pfitzner's 7-pass random method.

=item Sys::Virt::StorageVol::WIPE_ALG_PFITZNER33

Roy Pfitzner's 33-pass random method.

=item Sys::Virt::StorageVol::WIPE_ALG_RANDOM

One pass of random data.

=item Sys::Virt::StorageVol::WIPE_ALG_TRIM

Discard the blocks (TRIM/UNMAP) where the storage supports it.

=back

=head1 SEE ALSO

L<Sys::Virt::StoragePool>, L<Sys::Virt::Stream>, L<Sys::Virt>

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
