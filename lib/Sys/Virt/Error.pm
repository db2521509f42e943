package Sys::Virt::Error;

use strict;
use warnings;

use overload ('""' => 'stringify');

our $VERSION = '12.7.0';

sub CLONE_SKIP { 1 }

sub stringify {
    my $self = shift;
    my $msg = $self->{message};
    return "libvirt error code: " . $self->{code} . ", message: " . $msg
        . ($msg =~ /\n\z/ ? "" : "\n");
}

sub level { $_[0]->{level} }
sub code { $_[0]->{code} }
sub domain { $_[0]->{domain} }
sub message { $_[0]->{message} }

1;

__END__

=head1 NAME

Sys::Virt::Error - the exception raised when a libvirt call fails

=head1 SYNOPSIS

  use Sys::Virt;

  my $dom = eval { $conn->get_domain_by_name("no-such-guest") };
  if (my $err = $@) {
      die $err unless ref $err && $err->isa("Sys::Virt::Error");
      if ($err->code == Sys::Virt::Error::ERR_NO_DOMAIN) {
          print "not defined: ", $err->message, "\n";
      }
  }

=head1 DESCRIPTION

Every method of L<Sys::Virt> and its classes reports a libvirt failure by
dying with a C<Sys::Virt::Error> object in C<$@>. The object is a hash
holding the details libvirt recorded for the failed call: C<level>,
C<code>, C<domain> (the libvirt subsystem) and C<message>. When libvirt
recorded nothing, C<message> is C<"Unknown problem">.

Used as a string, the object reads
C<"libvirt error code: CODE, message: MESSAGE\n">, so an uncaught error
still prints something useful.

=head1 METHODS

=over 4

=item my $level = $err->level

The severity: one of the C<LEVEL_*> constants (C<LEVEL_ERROR> for a
failed call, C<LEVEL_WARNING> for a warning).

=item my $code = $err->code

What went wrong: one of the C<ERR_*> constants, e.g. C<ERR_NO_DOMAIN>.

=item my $domain = $err->domain

Which part of libvirt reported the failure: one of the C<FROM_*>
constants, e.g. C<FROM_DOM> or C<FROM_TEST>.

=item my $message = $err->message

libvirt's own description of the failure, in words.

=item my $text = $err->stringify

The text the object stands for when used as a string, ending with a
newline.

=back

=head1 CONSTANTS

The values that C<level>, C<domain> and C<code> return, each a function
of no arguments in the C<Sys::Virt::Error> package, to compare with:

  if ($err->code == Sys::Virt::Error::ERR_NO_DOMAIN) { ... }

They are libvirt's C<virErrorLevel>, C<virErrorDomain> and
C<virErrorNumber> enumerations of C<virterror.h>, named without the
C<VIR_> prefix (C<ERR_NO_DOMAIN> is C<VIR_ERR_NO_DOMAIN>) but for two
codes whose Perl names differ, noted below. Each group below comes in
libvirt's numeric order. Every constant exists whatever libvirt the
module runs with; one marked with a libvirt version is a value that older
libvirt versions never report (this module supports libvirt 7.0.0 or
newer).

=head2 ERROR LEVELS

How serious the problem is: what C<level> returns.

=over 4

=item Sys::Virt::Error::LEVEL_NONE

No level: what an error object holds when libvirt recorded no error for
the failed call (its code is then C<ERR_OK> and its domain C<FROM_NONE>).

=item Sys::Virt::Error::LEVEL_WARNING

A warning: libvirt noticed a problem that it does not count as a failure.

=item Sys::Virt::Error::LEVEL_ERROR

An error: the call failed. This is the level of nearly every error a
method raises.

=back

=head2 WHERE ERRORS COME FROM

The part of libvirt that reported the error: what C<domain> returns.
An error a daemon raised reaches a remote client with the domain it had
in the daemon.

=over 4

=item Sys::Virt::Error::FROM_NONE

No part in particular: the error is not tied to one subsystem, or none
was recorded. The error this module raises itself when the running
libvirt lacks a function (C<ERR_NO_SUPPORT>) has this domain too.

=item Sys::Virt::Error::FROM_XEN

The layer that talks to the Xen hypervisor.

=item Sys::Virt::Error::FROM_XEND

The connection to Xen's C<xend> daemon, which only the xend-based Xen
driver used; libvirt 4.3.0 removed that driver.

=item Sys::Virt::Error::FROM_XENSTORE

The connection to the Xen store, the database Xen shares with its
domains.

=item Sys::Virt::Error::FROM_SEXPR

The code for S-expressions, the configuration format of C<xend>
(libvirt 5.6.0 removed its parser and formatter).

=item Sys::Virt::Error::FROM_XML

The XML utilities: reading or checking an XML document.

=item Sys::Virt::Error::FROM_DOM

An operation on a domain (a guest).

=item Sys::Virt::Error::FROM_RPC

The remote procedure call layer (XML-RPC in libvirt's first versions)
that carries calls between a client and a libvirt daemon.

=item Sys::Virt::Error::FROM_PROXY

The proxy daemon of libvirt's early Xen support; no libvirt since 0.8.6
uses it.

=item Sys::Virt::Error::FROM_CONF

The handling of configuration files.

=item Sys::Virt::Error::FROM_QEMU

The QEMU driver, which runs QEMU and KVM guests.

=item Sys::Virt::Error::FROM_NET

An operation on a virtual network.

=item Sys::Virt::Error::FROM_TEST

The test driver (C<test:///> URIs), libvirt's simulated hypervisor.

=item Sys::Virt::Error::FROM_REMOTE

The remote driver, which passes calls on to a libvirt daemon, on the
same host or another one.

=item Sys::Virt::Error::FROM_OPENVZ

The OpenVZ container driver.

=item Sys::Virt::Error::FROM_XENXM

The Xen XM layer: Xen's C<xm> configuration file format.

=item Sys::Virt::Error::FROM_STATS_LINUX

The code that collects statistics on Linux hosts.

=item Sys::Virt::Error::FROM_LXC

The driver for Linux containers (LXC).

=item Sys::Virt::Error::FROM_STORAGE

The storage driver: storage pools and volumes.

=item Sys::Virt::Error::FROM_NETWORK

The network driver and the configuration of virtual networks.

=item Sys::Virt::Error::FROM_DOMAIN

The domain configuration code: parsing, checking and writing a domain's
XML description.

=item Sys::Virt::Error::FROM_UML

The User Mode Linux driver; no libvirt since 5.0.0 uses it.

=item Sys::Virt::Error::FROM_NODEDEV

The node device driver, which keeps track of the host's devices.

=item Sys::Virt::Error::FROM_XEN_INOTIFY

The Xen inotify layer, with which the old Xen driver followed changes to
files.

=item Sys::Virt::Error::FROM_SECURITY

The security framework: the drivers (SELinux, AppArmor, DAC) that label
a guest's resources.

=item Sys::Virt::Error::FROM_VBOX

The VirtualBox driver.

=item Sys::Virt::Error::FROM_INTERFACE

An operation on a host network interface (the interface driver).

=item Sys::Virt::Error::FROM_ONE

The OpenNebula driver, which libvirt no longer has: the value is kept
for compatibility only.

=item Sys::Virt::Error::FROM_ESX

The VMware ESX driver.

=item Sys::Virt::Error::FROM_PHYP

The IBM Power Hypervisor (phyp) driver, which libvirt 6.0.0 removed.

=item Sys::Virt::Error::FROM_SECRET

The secrets driver, which stores secrets such as passphrases.

=item Sys::Virt::Error::FROM_CPU

The CPU driver, which models host and guest CPUs (comparisons,
baselines).

=item Sys::Virt::Error::FROM_XENAPI

The XenAPI driver, which libvirt 5.8.0 removed.

=item Sys::Virt::Error::FROM_NWFILTER

The network filter driver.

=item Sys::Virt::Error::FROM_HOOK

The synchronous hook scripts a libvirt daemon runs at points of a
guest's or network's life.

=item Sys::Virt::Error::FROM_DOMAIN_SNAPSHOT

Domain snapshots.

=item Sys::Virt::Error::FROM_AUDIT

The auditing code, which records guest operations in the host's audit
log.

=item Sys::Virt::Error::FROM_SYSINFO

The host's system information (its SMBIOS tables).

=item Sys::Virt::Error::FROM_STREAMS

Data streams (L<Sys::Virt::Stream>).

=item Sys::Virt::Error::FROM_VMWARE

The VMware driver (VMware Workstation and Player).

=item Sys::Virt::Error::FROM_EVENT

The event loop implementation.

=item Sys::Virt::Error::FROM_LIBXL

The libxenlight (libxl) driver, libvirt's Xen driver since the xend one
was removed.

=item Sys::Virt::Error::FROM_LOCKING

The lock manager, which keeps a disk from being used by two guests at
once.

=item Sys::Virt::Error::FROM_HYPERV

The Microsoft Hyper-V driver.

=item Sys::Virt::Error::FROM_CAPABILITIES

The capabilities code, which describes what the host and its hypervisors
can do.

=item Sys::Virt::Error::FROM_URI

The handling of URIs, such as the one a connection is opened with.

=item Sys::Virt::Error::FROM_AUTH

The handling of authentication.

=item Sys::Virt::Error::FROM_DBUS

The communication over D-Bus.

=item Sys::Virt::Error::FROM_PARALLELS

The Parallels driver (called C<vz> since).

=item Sys::Virt::Error::FROM_DEVICE

The generic code for devices.

=item Sys::Virt::Error::FROM_SSH

The SSH transport built on the libssh2 library.

=item Sys::Virt::Error::FROM_LOCKSPACE

Lockspaces, the sets of resources the lock daemon keeps leases on.

=item Sys::Virt::Error::FROM_INITCTL

The talk with a container's init process through its C<initctl> device
(used to shut down or reboot a container).

=item Sys::Virt::Error::FROM_IDENTITY

The identity code, which tells who a client is (user, process, security
label).

=item Sys::Virt::Error::FROM_CGROUP

Control groups (cgroups), with which libvirt confines and accounts the
resources guests use.

=item Sys::Virt::Error::FROM_ACCESS

The access control manager, which decides what a client may do to which
object.

=item Sys::Virt::Error::FROM_SYSTEMD

The code that talks to systemd.

=item Sys::Virt::Error::FROM_BHYVE

The bhyve driver (FreeBSD's hypervisor).

=item Sys::Virt::Error::FROM_CRYPTO

The cryptography code.

=item Sys::Virt::Error::FROM_FIREWALL

The code that sets up the host's firewall rules.

=item Sys::Virt::Error::FROM_POLKIT

The polkit code, which asks polkit whether a client is authorized.

=item Sys::Virt::Error::FROM_THREAD

The thread utilities.

=item Sys::Virt::Error::FROM_ADMIN

The back end of libvirt's administration interface, which manages the
daemons themselves.

=item Sys::Virt::Error::FROM_LOGGING

The log manager (C<virtlogd>), which keeps the logs of guests' consoles.

=item Sys::Virt::Error::FROM_XENXL

The code for Xen's C<xl> configuration file format.

=item Sys::Virt::Error::FROM_PERF

The performance monitoring (perf events) code.

=item Sys::Virt::Error::FROM_LIBSSH

The SSH transport built on the libssh library.

=item Sys::Virt::Error::FROM_RESCTRL

Resource control: the host's allocation of caches and memory bandwidth
among guests (Linux C<resctrl>).

=item Sys::Virt::Error::FROM_FIREWALLD

The talk with the firewalld daemon.

=item Sys::Virt::Error::FROM_DOMAIN_CHECKPOINT

Domain checkpoints.

=item Sys::Virt::Error::FROM_TPM

The code for guests' TPM (Trusted Platform Module) devices.

=item Sys::Virt::Error::FROM_BPF

The BPF code (eBPF programs, used for instance to control which devices
a guest may access).

=item Sys::Virt::Error::FROM_CH

The Cloud Hypervisor driver (libvirt 7.5.0 or newer).

=back

=head2 ERROR CODES

What went wrong: what C<code> returns. Among the errors are the
C<WAR_NO_*> codes, warnings that a daemon could not start one of its
drivers. Besides what libvirt reports, this module raises an object's
C<ERR_INVALID_*> code itself when a method is called on an object whose
C<DESTROY> has already run.

=over 4

=item Sys::Virt::Error::ERR_OK

No error: what an error object holds when libvirt recorded no error for
the failed call.

=item Sys::Virt::Error::ERR_INTERNAL_ERROR

An internal error: something failed inside libvirt or a driver that no
other code describes.

=item Sys::Virt::Error::ERR_NO_MEMORY

Memory could not be allocated.

=item Sys::Virt::Error::ERR_NO_SUPPORT

The function is not supported: the connection's driver does not
implement it. This module raises it too, with C<FROM_NONE>, when the
method needs a libvirt function newer than the libvirt it runs with.

=item Sys::Virt::Error::ERR_UNKNOWN_HOST

A host name could not be resolved.

=item Sys::Virt::Error::ERR_NO_CONNECT

No connection to the hypervisor could be made.

=item Sys::Virt::Error::ERR_INVALID_CONN

The connection object given to libvirt is not valid.

=item Sys::Virt::Error::ERR_INVALID_DOMAIN

The domain object given to libvirt is not valid.

=item Sys::Virt::Error::ERR_INVALID_ARG

An argument of the call is not valid, e.g. a flag the function does not
know or a value out of range.

=item Sys::Virt::Error::ERR_OPERATION_FAILED

A command sent to the hypervisor failed.

=item Sys::Virt::Error::ERR_GET_FAILED

An HTTP GET request failed.

=item Sys::Virt::Error::ERR_POST_FAILED

An HTTP POST request failed.

=item Sys::Virt::Error::ERR_HTTP_ERROR

An HTTP request got back a status code that was not expected.

=item Sys::Virt::Error::ERR_SEXPR_SERIAL

An S-expression (the configuration format of Xen's C<xend>) could not be
written out.

=item Sys::Virt::Error::ERR_NO_XEN

The Xen hypervisor's control interface could not be opened.

=item Sys::Virt::Error::ERR_XEN_CALL

A call to the Xen hypervisor failed.

=item Sys::Virt::Error::ERR_OS_TYPE

The operating system type (of a domain's configuration) is not one
libvirt knows.

=item Sys::Virt::Error::ERR_NO_KERNEL

The kernel information is missing from a domain's configuration.

=item Sys::Virt::Error::ERR_NO_ROOT

The root device information is missing from a domain's configuration.

=item Sys::Virt::Error::ERR_NO_SOURCE

A device's source information is missing from a domain's configuration.

=item Sys::Virt::Error::ERR_NO_TARGET

A device's target information is missing from a domain's configuration.

=item Sys::Virt::Error::ERR_NO_NAME

The name is missing from a domain's configuration.

=item Sys::Virt::Error::ERR_NO_OS

The operating system information is missing from a domain's
configuration.

=item Sys::Virt::Error::ERR_NO_DEVICE

The device information is missing from a domain's configuration.

=item Sys::Virt::Error::ERR_NO_XENSTORE

The Xen store could not be opened.

=item Sys::Virt::Error::ERR_DRIVER_FULL

More drivers were registered with libvirt than it has room for.

=item Sys::Virt::Error::ERR_CALL_FAILED

A library call failed because no driver supports it. libvirt marks this
code deprecated.

=item Sys::Virt::Error::ERR_XML_ERROR

An XML document is not well formed, or its content is wrong (e.g. a
required element is missing or a value is not valid).

=item Sys::Virt::Error::ERR_DOM_EXIST

The domain exists already, e.g. when defining or starting one whose name
or UUID another domain has.

=item Sys::Virt::Error::ERR_OPERATIONED_DENIED

The operation is forbidden, e.g. a change asked for through a read-only
connection. libvirt's name for it is C<VIR_ERR_OPERATION_DENIED>; the
Perl name keeps this spelling for compatibility.

=item Sys::Virt::Error::ERR_OPEN_FAILED

A configuration file could not be opened.

=item Sys::Virt::Error::ERR_READ_FAILED

A configuration file could not be read.

=item Sys::Virt::Error::ERR_PARSE_FAILED

A configuration file could not be parsed.

=item Sys::Virt::Error::ERR_CONF_SYNTAX

A configuration file has a syntax error.

=item Sys::Virt::Error::ERR_WRITE_FAILED

A configuration file could not be written.

=item Sys::Virt::Error::ERR_XML_DETAIL

The XML parser rejected a document: the message gives the parser's
details, such as the line of the error.

=item Sys::Virt::Error::ERR_INVALID_NETWORK

The network object given to libvirt is not valid.

=item Sys::Virt::Error::ERR_NETWORK_EXIST

The network exists already.

=item Sys::Virt::Error::ERR_SYSTEM_ERROR

A system call failed; the message ends with the operating system's
description of the failure (e.g. "No such file or directory").

=item Sys::Virt::Error::ERR_RPC

A remote procedure call between a client and a daemon went wrong.

=item Sys::Virt::Error::ERR_GNUTLS_ERROR

A call to the GnuTLS library (TLS connections and certificates) failed.

=item Sys::Virt::Error::WAR_NO_NETWORK

A warning: the daemon could not start its network driver.

=item Sys::Virt::Error::ERR_NO_DOMAIN

No such domain: none has the name, UUID or ID given, or the domain went
away during the call.

=item Sys::Virt::Error::ERR_NO_NETWORK

No such network.

=item Sys::Virt::Error::ERR_INVALID_MAC

A MAC address is not valid.

=item Sys::Virt::Error::ERR_AUTH_FAILED

Authentication failed.

=item Sys::Virt::Error::ERR_INVALID_STORAGE_POOL

The storage pool object given to libvirt is not valid.

=item Sys::Virt::Error::ERR_INVALID_STORAGE_VOL

The storage volume object given to libvirt is not valid.

=item Sys::Virt::Error::WAR_NO_STORAGE

A warning: the daemon could not start its storage driver.

=item Sys::Virt::Error::ERR_NO_STORAGE_POOL

No such storage pool.

=item Sys::Virt::Error::ERR_NO_STORAGE_VOL

No such storage volume.

=item Sys::Virt::Error::WAR_NO_NODE

A warning: the daemon could not start its node device driver.

=item Sys::Virt::Error::ERR_INVALID_NODE_DEVICE

The node device object given to libvirt is not valid.

=item Sys::Virt::Error::ERR_NO_NODE_DEVICE

No such node device.

=item Sys::Virt::Error::ERR_NO_SECURITY_MODEL

No such security model, e.g. one a domain's configuration names that the
host does not have.

=item Sys::Virt::Error::ERR_OPERATION_INVALID

The operation does not apply to the object in its present state, e.g.
starting a domain that is already running.

=item Sys::Virt::Error::WAR_NO_INTERFACE

A warning: the daemon could not start its interface driver.

=item Sys::Virt::Error::ERR_NO_INTERFACE

No such host interface. (libvirt's header describes the code as "the
interface driver is not running"; its lookups raise it for an interface
that was not found.)

=item Sys::Virt::Error::ERR_INVALID_INTERFACE

The interface object given to libvirt is not valid.

=item Sys::Virt::Error::ERR_MULTIPLE_INTERFACES

More than one interface matches, e.g. a lookup by a MAC address several
host interfaces share.

=item Sys::Virt::Error::WAR_NO_NWFILTER

A warning: the daemon could not start its network filter driver.

=item Sys::Virt::Error::ERR_INVALID_NWFILTER

The network filter, or its object given to libvirt, is not valid.

=item Sys::Virt::Error::ERR_NO_NWFILTER

No such network filter.

=item Sys::Virt::Error::ERR_BUILD_FIREWALL

The firewall rules of a network filter could not be built.

=item Sys::Virt::Error::WAR_NO_SECRET

A warning: the daemon could not start its secrets driver.

=item Sys::Virt::Error::ERR_INVALID_SECRET

The secret, or its object given to libvirt, is not valid.

=item Sys::Virt::Error::ERR_NO_SECRET

No such secret.

=item Sys::Virt::Error::ERR_CONFIG_UNSUPPORTED

The configuration asks for something the driver does not support, such
as an XML element or value it cannot honour.

=item Sys::Virt::Error::ERR_OPERATION_TIMEOUT

The operation ran out of time.

=item Sys::Virt::Error::ERR_MIGRATE_PERSIST_FAILED

A migration worked, but the domain could not be made persistent on the
destination host.

=item Sys::Virt::Error::ERR_HOOK_SCRIPT_FAILED

A synchronous hook script failed.

=item Sys::Virt::Error::ERR_INVALID_DOMAIN_SNAPSHOT

The domain snapshot, or its object given to libvirt, is not valid.

=item Sys::Virt::Error::ERR_NO_DOMAIN_SNAPSHOT

No such domain snapshot.

=item Sys::Virt::Error::ERR_INVALID_STREAM

The stream object given to libvirt is not valid.

=item Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED

The call is valid, but the connection's driver does not support one of
its arguments (e.g. a flag).

=item Sys::Virt::Error::ERR_STORAGE_PROBE_FAILED

Probing the storage of a pool failed.

=item Sys::Virt::Error::ERR_STORAGE_POOL_BUILT

The storage pool has been built already.

=item Sys::Virt::Error::ERR_SNAPSHOT_REVERT_RISKY

Reverting to the snapshot is risky, and is done only when forced
(C<Sys::Virt::DomainSnapshot::REVERT_FORCE>).

=item Sys::Virt::Error::ERR_OPERATION_ABORTED

An operation on a domain was cancelled by the user, e.g. a job stopped
with C<abort_job>.

=item Sys::Virt::Error::ERR_AUTH_CANCELLED

The authentication was cancelled.

=item Sys::Virt::Error::ERR_NO_DOMAIN_METADATA

The domain has no metadata of the kind asked for.

=item Sys::Virt::Error::ERR_MIGRATE_UNSAFE

The migration would not be safe, and is done only when forced
(C<Sys::Virt::Domain::MIGRATE_UNSAFE>).

=item Sys::Virt::Error::ERR_OVERFLOW

A number is too large for what it has to fit into.

=item Sys::Virt::Error::ERR_BLOCK_COPY_ACTIVE

A block copy job running on the domain prevents the action.

=item Sys::Virt::Error::ERR_OPERATION_UNSUPPORTED

The operation is not supported, e.g. by the hypervisor or on this host.

=item Sys::Virt::Error::ERR_SSH

The SSH transport (libssh2) failed.

=item Sys::Virt::Error::ERR_AGENT_UNRESPONSIVE

The guest agent does not answer, is not running or cannot be used.

=item Sys::Virt::Error::ERR_RESOURCE_BUSY

A resource is in use already.

=item Sys::Virt::Error::ERR_ACCESS_DENIED

Access control denied the operation on the object or resource.

=item Sys::Virt::Error::ERR_DBUS_SERVICE

A D-Bus service answered with an error.

=item Sys::Virt::Error::ERR_STORAGE_VOL_EXIST

The storage volume exists already.

=item Sys::Virt::Error::ERR_CPU_INCOMPATIBLE

The CPU given is not compatible with the host's CPU.

=item Sys::Virt::Error::ERR_INVALID_SCHEMA

An XML document does not validate against libvirt's schema (checked when
a method is asked to validate it). libvirt's name for it is
C<VIR_ERR_XML_INVALID_SCHEMA>.

=item Sys::Virt::Error::ERR_MIGRATE_FINISH_OK

The finish step of a migration succeeded even though it returned no
domain, as expected of it.

=item Sys::Virt::Error::ERR_AUTH_UNAVAILABLE

No authentication could take place: there was no means for it.

=item Sys::Virt::Error::ERR_NO_SERVER

No such server (of a daemon's administration interface).

=item Sys::Virt::Error::ERR_NO_CLIENT

No such client (of a daemon's administration interface).

=item Sys::Virt::Error::ERR_AGENT_UNSYNCED

The guest agent answered its synchronisation command with the wrong id.
libvirt marks this code deprecated.

=item Sys::Virt::Error::ERR_LIBSSH

The SSH transport (libssh) failed.

=item Sys::Virt::Error::ERR_DEVICE_MISSING

The device looked for could not be found, e.g. one to detach that the
domain does not have.

=item Sys::Virt::Error::ERR_INVALID_NWFILTER_BINDING

The network filter binding, or its object given to libvirt, is not
valid.

=item Sys::Virt::Error::ERR_NO_NWFILTER_BINDING

No such network filter binding.

=item Sys::Virt::Error::ERR_INVALID_DOMAIN_CHECKPOINT

The domain checkpoint, or its object given to libvirt, is not valid.

=item Sys::Virt::Error::ERR_NO_DOMAIN_CHECKPOINT

No such domain checkpoint.

=item Sys::Virt::Error::ERR_NO_DOMAIN_BACKUP

No backup job has the id given.

=item Sys::Virt::Error::ERR_INVALID_NETWORK_PORT

The network port object given to libvirt is not valid.

=item Sys::Virt::Error::ERR_NETWORK_PORT_EXIST

The network port exists already.

=item Sys::Virt::Error::ERR_NO_NETWORK_PORT

No such network port.

=item Sys::Virt::Error::ERR_NO_HOSTNAME

No host name of the domain could be found.

=item Sys::Virt::Error::ERR_CHECKPOINT_INCONSISTENT

The checkpoint is inconsistent and cannot be used.

=item Sys::Virt::Error::ERR_MULTIPLE_DOMAINS

More than one domain matches (libvirt 7.1.0 or newer).

=item Sys::Virt::Error::ERR_NO_NETWORK_METADATA

The network has no metadata of the kind asked for (libvirt 9.7.0 or
newer).

=item Sys::Virt::Error::ERR_AGENT_COMMAND_TIMEOUT

The guest agent did not answer a command (other than its synchronisation
command) in time (libvirt 11.2.0 or newer).

=item Sys::Virt::Error::ERR_AGENT_COMMAND_FAILED

The guest agent answered a command with a failure (libvirt 11.2.0 or
newer).

=item Sys::Virt::Error::ERR_INVALID_ENCR_KEY_SECRET

The encryption key, held in a secret, is not valid (libvirt 12.1.0 or
newer).

=back

=head1 SEE ALSO

L<Sys::Virt>, libvirt's C<virterror.h>.

=cut

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
