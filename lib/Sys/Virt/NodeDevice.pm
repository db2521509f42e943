package Sys::Virt::NodeDevice;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt (get_node_device_by_name,
# create_node_device...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "connection parameter is required";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::NodeDevice::_lookup_by_name($con, $params{name});
    } elsif (exists $params{wwnn}) {
        $self = Sys::Virt::NodeDevice::_lookup_scsihost_by_wwn(
            $con, $params{wwnn}, $params{wwpn}, $params{flags} || 0);
    } elsif (exists $params{xml}) {
        my $flags = $params{flags} || 0;
        if ($params{nocreate}) {
            $self = Sys::Virt::NodeDevice::_define_xml($con, $params{xml}, $flags);
        } else {
            $self = Sys::Virt::NodeDevice::_create_xml($con, $params{xml}, $flags);
        }
    } else {
        die "name parameter is required";
    }

    bless $self, $class;
    return $self;
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::NodeDevice - a device of a libvirt host

=head1 SYNOPSIS

  my $dev = $conn->get_node_device_by_name("pci_0000_00_1f_2");
  print join(",", $dev->list_capabilities), "\n";
  $dev->dettach(undef, 0);

=head1 DESCRIPTION

An object of this class stands for one device of the host as libvirt
sees it (a PCI or USB device, a network card, a SCSI host, a mediated
device...). It is obtained from the lookup, create and define methods
of L<Sys::Virt>.

=head1 METHODS

=over 4

=item my $name = $dev->get_name()

The device's name, unique on its host.

=item my $parent = $dev->get_parent()

The name of the device's parent, or undef for a device that has none.

=item my $xml = $dev->get_xml_description($flags=0)

The device's description as an XML document. C<$flags> is 0 or
C<Sys::Virt::NodeDevice::XML_INACTIVE> (libvirt 10.1.0 or newer).

=item $dev->dettach($driver, $flags=0)

Unbind the device from its host driver so a guest can be given it.
C<$driver> names the driver to bind it to instead (e.g. C<vfio>), or
is undef for the default. C<$flags> is reserved, pass 0. (The name's
spelling is the historical one of the libvirt API.)

=item $dev->reattach()

Give a detached device back to its host driver.

=item $dev->reset()

Reset the device (it must be detached from its host driver).

=item $dev->create($flags=0)

Start a device that was defined earlier (C<define_node_device> in
L<Sys::Virt>). C<$flags> is reserved, pass 0.

=item $dev->undefine($flags=0)

Delete the saved configuration of a defined device. C<$flags> is
reserved, pass 0.

=item $dev->destroy()

Remove a device that libvirt made (e.g. a mediated device or an NPIV
virtual HBA) from the host.

=item my $flag = $dev->get_autostart()

True (1) when the device is started with the host, false (0)
otherwise.

=item $dev->set_autostart($flag)

Turn automatic start with the host on (true C<$flag>) or off.

=item $dev->is_active()

True (1) when the device is active on the host, false (0) otherwise.

=item $dev->is_persistent()

True (1) when the device has a saved configuration, false (0)
otherwise.

=item my @caps = $dev->list_capabilities()

The names of the device's capabilities (e.g. C<pci>, C<net>,
C<scsi_host>).

=item $dev->update($xml, $flags=0)

Changes the definition of the (defined, e.g. mediated) device to the XML
document C<$xml>: its running configuration, its stored one, or both,
as the C<UPDATE_AFFECT_*> constants in C<$flags> say (default: the live
configuration of an active device, else the stored one). Needs libvirt
10.1.0 or newer (C<virNodeDeviceUpdate>).

=back

=head1 CONSTANTS

=head2 Creation and definition flags

=over 4

=item Sys::Virt::NodeDevice::CREATE_XML_VALIDATE

Check the XML against libvirt's schema when creating a device.

=item Sys::Virt::NodeDevice::DEFINE_XML_VALIDATE

Check the XML against libvirt's schema when defining a device.

=back

=head2 XML description

=over 4

=item Sys::Virt::NodeDevice::XML_INACTIVE

Describe the saved configuration of the device rather than its current
state (libvirt 10.1.0 or newer).

=back

=head2 Update targets

The C<$flags> of C<update> (libvirt 10.1.0 or newer):

=over 4

=item Sys::Virt::NodeDevice::UPDATE_AFFECT_CURRENT

Change the running device if it is active, its saved configuration if
not.

=item Sys::Virt::NodeDevice::UPDATE_AFFECT_LIVE

Change only the running device.

=item Sys::Virt::NodeDevice::UPDATE_AFFECT_CONFIG

Change only the saved configuration.

=back

=head2 Listing filters

Flags of C<list_all_node_devices> in L<Sys::Virt>: the devices with
the given capability or state.

=over 4

=item Sys::Virt::NodeDevice::LIST_CAP_SYSTEM

The host system itself.

=item Sys::Virt::NodeDevice::LIST_CAP_PCI_DEV

PCI devices.

=item Sys::Virt::NodeDevice::LIST_CAP_USB_DEV

USB devices.

=item Sys::Virt::NodeDevice::LIST_CAP_USB_INTERFACE

USB interfaces.

=item Sys::Virt::NodeDevice::LIST_CAP_NET

Network interfaces.

=item Sys::Virt::NodeDevice::LIST_CAP_SCSI_HOST

SCSI host adapters.

=item Sys::Virt::NodeDevice::LIST_CAP_SCSI_TARGET

SCSI targets.

=item Sys::Virt::NodeDevice::LIST_CAP_SCSI

SCSI devices.

=item Sys::Virt::NodeDevice::LIST_CAP_STORAGE

Storage devices.

=item Sys::Virt::NodeDevice::LIST_CAP_FC_HOST

Fibre Channel hosts.

=item Sys::Virt::NodeDevice::LIST_CAP_VPORTS

Devices able to make NPIV virtual ports.

=item Sys::Virt::NodeDevice::LIST_CAP_SCSI_GENERIC

SCSI generic devices.

=item Sys::Virt::NodeDevice::LIST_CAP_DRM

DRM (graphics) devices.

=item Sys::Virt::NodeDevice::LIST_CAP_MDEV_TYPES

Devices able to make mediated devices.

=item Sys::Virt::NodeDevice::LIST_CAP_MDEV

Mediated devices.

=item Sys::Virt::NodeDevice::LIST_CAP_CCW_DEV

s390 CCW devices.

=item Sys::Virt::NodeDevice::LIST_CAP_CSS_DEV

s390 channel subsystem devices.

=item Sys::Virt::NodeDevice::LIST_CAP_VDPA

vDPA devices.

=item Sys::Virt::NodeDevice::LIST_CAP_AP_CARD

s390 AP cards.

=item Sys::Virt::NodeDevice::LIST_CAP_AP_QUEUE

s390 AP queues.

=item Sys::Virt::NodeDevice::LIST_CAP_AP_MATRIX

s390 AP matrix devices.

=item Sys::Virt::NodeDevice::LIST_CAP_VPD

Devices with PCI Vital Product Data.

=item Sys::Virt::NodeDevice::LIST_ACTIVE

Active devices.

=item Sys::Virt::NodeDevice::LIST_INACTIVE

Inactive (defined but not started) devices.

=item Sys::Virt::NodeDevice::LIST_CAP_CCWGROUP_DEV

s390 CCW group devices (libvirt 11.1.0 or newer).

=item Sys::Virt::NodeDevice::LIST_CAP_CCWGROUP_MEMBER

s390 CCW devices that belong to a CCW group device (libvirt 11.1.0 or
newer).

=item Sys::Virt::NodeDevice::LIST_PERSISTENT

Devices with a saved configuration (libvirt 10.1.0 or newer).

=item Sys::Virt::NodeDevice::LIST_TRANSIENT

Devices without a saved configuration (libvirt 10.1.0 or newer).

=back

=head2 Events

=over 4

=item Sys::Virt::NodeDevice::EVENT_ID_LIFECYCLE

The event ID of device lifecycle changes.

=item Sys::Virt::NodeDevice::EVENT_ID_UPDATE

The event ID of device updates.

=item Sys::Virt::NodeDevice::EVENT_CREATED

The device appeared.

=item Sys::Virt::NodeDevice::EVENT_DELETED

The device went away.

=item Sys::Virt::NodeDevice::EVENT_DEFINED

The device's configuration was defined.

=item Sys::Virt::NodeDevice::EVENT_UNDEFINED

The device's configuration was deleted.

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
