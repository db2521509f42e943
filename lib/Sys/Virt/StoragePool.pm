package Sys::Virt::StoragePool;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt (get_storage_pool_by_name,
# define_storage_pool...), which call _new with the connection and one
# way of finding the pool.
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "connection parameter is required";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::StoragePool::_lookup_by_name($con, $params{name});
    } elsif (exists $params{uuid}) {
        my $len = length($params{uuid});
        if ($len == 16) {
            $self = Sys::Virt::StoragePool::_lookup_by_uuid($con, $params{uuid});
        } elsif ($len == 32 || $len == 36) {
            $self = Sys::Virt::StoragePool::_lookup_by_uuid_string($con, $params{uuid});
        } else {
            die "UUID must be either 16 unsigned bytes, or 32/36 hex characters long";
        }
    } elsif (exists $params{volume}) {
        $self = Sys::Virt::StoragePool::_lookup_by_volume($params{volume});
    } elsif (exists $params{target_path}) {
        $self = Sys::Virt::StoragePool::_lookup_by_target_path($con, $params{target_path});
    } elsif (exists $params{xml}) {
        if ($params{nocreate}) {
            $self = Sys::Virt::StoragePool::_define_xml($con, $params{xml}, $params{flags} || 0);
        } else {
            $self = Sys::Virt::StoragePool::_create_xml($con, $params{xml});
        }
    } else {
        die "address, id or uuid parameters are required";
    }

    bless $self, $class;
    return $self;
}

sub list_volumes {
    my $self = shift;

    my $count = $self->num_of_storage_volumes();
    my @volumes;
    foreach my $name ($self->list_storage_vol_names($count)) {
        # A volume deleted between the listing and the lookup is skipped.
        my $vol = eval { Sys::Virt::StorageVol->_new(pool => $self, name => $name) };
        push @volumes, $vol if $vol;
    }
    return @volumes;
}

sub get_volume_by_name {
    my $self = shift;
    my $name = shift;
    return Sys::Virt::StorageVol->_new(pool => $self, name => $name);
}

sub create_volume {
    my $self = shift;
    my $xml = shift;
    return Sys::Virt::StorageVol->_new(pool => $self, xml => $xml);
}

sub clone_volume {
    my $self = shift;
    my $xml = shift;
    my $clone = shift;
    return Sys::Virt::StorageVol->_new(pool => $self, xml => $xml, clone => $clone);
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::StoragePool - a libvirt storage pool

=head1 SYNOPSIS

  my $pool = $conn->get_storage_pool_by_name("default");
  my $info = $pool->get_info();
  print "$info->{available} bytes free\n";
  my $vol = $pool->create_volume($volume_xml);

=head1 DESCRIPTION

An object of this class stands for one storage pool of a libvirt host:
a place volumes are carved from (a directory, a file system, an LVM
volume group, an iSCSI target, a disk's partition table...). It is
obtained from the lookup, define and create methods of L<Sys::Virt>.
Its volumes are L<Sys::Virt::StorageVol> objects.

=head1 METHODS

=over 4

=item my $uuid = $pool->get_uuid()

The pool's UUID as 16 raw bytes.

=item my $uuid = $pool->get_uuid_string()

The pool's UUID in printable form.

=item my $name = $pool->get_name()

The pool's name, unique on its host.

=item $pool->is_active()

True (1) when the pool is started, false (0) otherwise.

=item $pool->is_persistent()

True (1) when the pool has a saved configuration, false (0) for a
transient pool.

=item my $xml = $pool->get_xml_description($flags=0)

The pool's configuration as an XML document. C<$flags> may be
C<Sys::Virt::StoragePool::XML_INACTIVE> for the configuration the next
start will use.

=item $pool->create()

Start a pool that was defined earlier (C<define_storage_pool> in
L<Sys::Virt>).

=item $pool->undefine()

Delete the saved configuration of a pool that is not running.

=item $pool->destroy()

Stop the pool. Its data is left alone and the object stays valid.

=item my $flag = $pool->get_autostart()

True (1) when the pool is started with the host, false (0) otherwise.

=item $pool->set_autostart($flag)

Turn automatic start with the host on (true C<$flag>) or off.

=item $pool->refresh($flags=0)

Scan the pool's storage again, e.g. to notice volumes made outside
libvirt. C<$flags> is reserved, pass 0.

=item $pool->build($flags=0)

Prepare the underlying storage of a pool that is not running (make its
directory, write a partition table, format a file system...).
C<$flags> takes the C<BUILD_*> constants.

=item $pool->delete($flags=0)

Remove the underlying storage of a pool that is not running (the
opposite of C<build>). C<$flags> takes the C<DELETE_*> constants.

=item my $info = $pool->get_info()

A hash reference describing the pool's state, with the keys:

=over 4

=item C<state>

One of the C<STATE_*> constants.

=item C<capacity>

The pool's total size, in bytes.

=item C<allocation>

The bytes already given to volumes.

=item C<available>

The bytes still free for new volumes (not always capacity minus
allocation, as metadata takes room too).

=back

=item my $count = $pool->num_of_storage_volumes()

How many volumes the pool holds.

=item my @names = $pool->list_storage_vol_names($maxnames)

The names of up to C<$maxnames> of the pool's volumes. Prefer
C<list_all_volumes>, which cannot miss a volume added between two
calls.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @volumes = $pool->list_volumes()

Every volume of the pool, as L<Sys::Virt::StorageVol> objects, found
one by one by name (a volume removed meanwhile is skipped). This makes
one call per volume; C<list_all_volumes> makes one in all.

=item my @volumes = $pool->list_all_volumes($flags=0)

Every volume of the pool, as L<Sys::Virt::StorageVol> objects, in one
call. C<$flags> is reserved, pass 0.

=item my $vol = $pool->get_volume_by_name($name)

The pool's volume named C<$name>, as a L<Sys::Virt::StorageVol>.

=item my $vol = $pool->create_volume($xml)

Make a new volume in the pool from its XML description and return it
as a L<Sys::Virt::StorageVol>.

=item my $vol = $pool->clone_volume($xml, $clonevol)

Make a new volume from its XML description, filled with a copy of the
data of the volume C<$clonevol> (a L<Sys::Virt::StorageVol>), and
return it.

=back

=head1 CONSTANTS

=head2 Pool states

The C<state> of C<get_info>.

=over 4

=item Sys::Virt::StoragePool::STATE_INACTIVE

Not running.

=item Sys::Virt::StoragePool::STATE_BUILDING

Being built.

=item Sys::Virt::StoragePool::STATE_RUNNING

Running and usable.

=item Sys::Virt::StoragePool::STATE_DEGRADED

Running, but with reduced performance or redundancy.

=item Sys::Virt::StoragePool::STATE_INACCESSIBLE

Running, but its storage cannot be reached.

=back

=head2 Build flags

=over 4

=item Sys::Virt::StoragePool::BUILD_NEW

Build the pool from scratch (the default).

=item Sys::Virt::StoragePool::BUILD_REPAIR

Repair an existing pool.

=item Sys::Virt::StoragePool::BUILD_RESIZE

Grow or shrink an existing pool.

=item Sys::Virt::StoragePool::BUILD_NO_OVERWRITE

Refuse to build over existing data.

=item Sys::Virt::StoragePool::BUILD_OVERWRITE

Build even over existing data.

=back

=head2 Creation flags

=over 4

=item Sys::Virt::StoragePool::CREATE_NORMAL

Just start the pool.

=item Sys::Virt::StoragePool::CREATE_WITH_BUILD

Build the pool before starting it.

=item Sys::Virt::StoragePool::CREATE_WITH_BUILD_OVERWRITE

Build the pool, over existing data if need be, then start it.

=item Sys::Virt::StoragePool::CREATE_WITH_BUILD_NO_OVERWRITE

Build the pool unless that would overwrite data, then start it.

=back

=head2 Definition flags

=over 4

=item Sys::Virt::StoragePool::DEFINE_VALIDATE

Check the XML against libvirt's schema.

=back

=head2 Deletion flags

=over 4

=item Sys::Virt::StoragePool::DELETE_NORMAL

Remove the storage without clearing it.

=item Sys::Virt::StoragePool::DELETE_ZEROED

Overwrite the storage with zeros before removing it.

=back

=head2 XML description

=over 4

=item Sys::Virt::StoragePool::XML_INACTIVE

Describe the configuration the next start will use.

=back

=head2 Listing filters

Flags of C<list_all_storage_pools> in L<Sys::Virt>.

=over 4

=item Sys::Virt::StoragePool::LIST_ACTIVE

Running pools.

=item Sys::Virt::StoragePool::LIST_INACTIVE

Pools that are not running.

=item Sys::Virt::StoragePool::LIST_PERSISTENT

Pools with a saved configuration.

=item Sys::Virt::StoragePool::LIST_TRANSIENT

Pools without a saved configuration.

=item Sys::Virt::StoragePool::LIST_AUTOSTART

Pools started with the host.

=item Sys::Virt::StoragePool::LIST_NO_AUTOSTART

Pools not started with the host.

=item Sys::Virt::StoragePool::LIST_DIR

Directory pools.

=item Sys::Virt::StoragePool::LIST_FS

Pools on a local file system.

=item Sys::Virt::StoragePool::LIST_NETFS

Pools on a network file system.

=item Sys::Virt::StoragePool::LIST_LOGICAL

LVM volume group pools.

=item Sys::Virt::StoragePool::LIST_DISK

Disk partition pools.

=item Sys::Virt::StoragePool::LIST_ISCSI

iSCSI target pools.

=item Sys::Virt::StoragePool::LIST_ISCSI_DIRECT

iSCSI pools reached through libiscsi.

=item Sys::Virt::StoragePool::LIST_SCSI

SCSI host adapter pools.

=item Sys::Virt::StoragePool::LIST_MPATH

Multipath device pools.

=item Sys::Virt::StoragePool::LIST_RBD

Ceph RBD pools.

=item Sys::Virt::StoragePool::LIST_SHEEPDOG

Sheepdog pools.

=item Sys::Virt::StoragePool::LIST_GLUSTER

Gluster pools.

=item Sys::Virt::StoragePool::LIST_ZFS

ZFS pools.

=item Sys::Virt::StoragePool::LIST_VSTORAGE

Virtuozzo storage pools.

=back

=head2 Events

=over 4

=item Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE

The event ID of pool lifecycle changes.

=item Sys::Virt::StoragePool::EVENT_ID_REFRESH

The event ID of pool refreshes.

=item Sys::Virt::StoragePool::EVENT_DEFINED

The pool's configuration was defined.

=item Sys::Virt::StoragePool::EVENT_UNDEFINED

The pool's configuration was deleted.

=item Sys::Virt::StoragePool::EVENT_STARTED

The pool was started.

=item Sys::Virt::StoragePool::EVENT_STOPPED

The pool was stopped.

=item Sys::Virt::StoragePool::EVENT_CREATED

The pool's storage was built.

=item Sys::Virt::StoragePool::EVENT_DELETED

The pool's storage was removed.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::StorageVol>, L<Sys::Virt::Error>

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
