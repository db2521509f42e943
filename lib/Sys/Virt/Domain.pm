package Sys::Virt::Domain;

use strict;
use warnings;

our $VERSION = '9.0.0';

# Objects of this class hold a libvirt pointer: a thread-cloned copy must
# never free it a second time.
sub CLONE_SKIP { 1 }

# Sys::Virt::Domain->_new(connection => $conn, KEY => ...): look a domain
# up, or create / define one. Exactly one of name, id, uuid or xml is
# used, checked in that order. With xml, `nocreate` defines instead of
# starting, and `fds` starts with file descriptors passed to the guest.
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    die "connection parameter is required" unless exists $params{connection};
    my $con = $params{connection};

    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::Domain::_lookup_by_name($con, $params{name});
    } elsif (exists $params{id}) {
        $self = Sys::Virt::Domain::_lookup_by_id($con, $params{id});
    } elsif (exists $params{uuid}) {
        my $len = length($params{uuid});
        if ($len == 16) {
            $self = Sys::Virt::Domain::_lookup_by_uuid($con, $params{uuid});
        } elsif ($len == 32 || $len == 36) {
            $self = Sys::Virt::Domain::_lookup_by_uuid_string($con, $params{uuid});
        } else {
            die "UUID must be either 16 unsigned bytes, or 32/36 hex characters long";
        }
    } elsif (exists $params{xml}) {
        if ($params{nocreate}) {
            $self = Sys::Virt::Domain::_define_xml($con, $params{xml}, $params{flags});
        } elsif (exists $params{fds}) {
            $self = Sys::Virt::Domain::_create_with_files($con, $params{xml},
                                                          $params{fds}, $params{flags});
        } else {
            $self = Sys::Virt::Domain::_create($con, $params{xml}, $params{flags});
        }
    } else {
        die "address, id or uuid parameters are required";
    }

    return bless $self, $class;
}

# ---- migration: positional forms map onto the typed-parameter XSUBs ----

# Typed parameters for the legacy positional forms; undefined values are
# left out so that libvirt applies its defaults.
my $legacy_migrate_params = sub {
    my %values = @_;
    my %params;
    foreach my $key (keys %values) {
        $params{$key} = $values{$key} if defined $values{$key};
    }
    return \%params;
};

sub migrate {
    my ($dom, $destcon, @args) = @_;

    if (ref($args[0]) && ref($args[0]) eq "HASH") {
        my ($params, $flags) = @args;
        return $dom->_migrate($destcon, $params, $flags);
    }

    my ($flags, $dname, $uri, $bandwidth) = @args;
    my $params = $legacy_migrate_params->(
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $dname,
        Sys::Virt::Domain::MIGRATE_PARAM_URI() => $uri,
        Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => $bandwidth);
    return $dom->_migrate($destcon, $params, $flags);
}

sub migrate2 {
    my ($dom, $destcon, $dxml, $flags, $dname, $uri, $bandwidth) = @_;

    my $params = $legacy_migrate_params->(
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_XML() => $dxml,
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $dname,
        Sys::Virt::Domain::MIGRATE_PARAM_URI() => $uri,
        Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => $bandwidth);
    return $dom->_migrate($destcon, $params, $flags);
}

sub migrate_to_uri {
    my ($dom, $desturi, @args) = @_;

    if (ref($args[0]) && ref($args[0]) eq "HASH") {
        my ($params, $flags) = @args;
        return $dom->_migrate_to_uri($desturi, $params, $flags);
    }

    my ($flags, $dname, $uri, $bandwidth) = @args;
    my $params = $legacy_migrate_params->(
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $dname,
        Sys::Virt::Domain::MIGRATE_PARAM_URI() => $uri,
        Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => $bandwidth);
    return $dom->_migrate_to_uri($desturi, $params, $flags);
}

# The C original calls a `_migrate_to_uri2` XSUB that does not exist (so
# this method always died there); the typed-parameter `_migrate_to_uri`
# takes the same arguments and is what it meant.
sub migrate_to_uri2 {
    my ($dom, $desturi, $dxml, $flags, $dname, $uri, $bandwidth) = @_;

    my $params = $legacy_migrate_params->(
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_XML() => $dxml,
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $dname,
        Sys::Virt::Domain::MIGRATE_PARAM_URI() => $uri,
        Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => $bandwidth);
    return $dom->_migrate_to_uri($desturi, $params, $flags);
}

# ---- snapshots and checkpoints ----

sub list_snapshots {
    my $self = shift;

    my $count = $self->num_of_snapshots();
    my @snapshots;
    foreach my $name ($self->list_snapshot_names($count)) {
        # A snapshot deleted between the two calls is simply skipped.
        my $snap = eval {
            Sys::Virt::DomainSnapshot->_new(domain => $self, name => $name);
        };
        push @snapshots, $snap if $snap;
    }
    return @snapshots;
}

sub get_snapshot_by_name {
    my ($self, $name) = @_;
    return Sys::Virt::DomainSnapshot->_new(domain => $self, name => $name);
}

sub create_snapshot {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::DomainSnapshot->_new(domain => $self, xml => $xml, flags => $flags);
}

sub get_checkpoint_by_name {
    my ($self, $name) = @_;
    return Sys::Virt::DomainCheckpoint->_new(domain => $self, name => $name);
}

sub create_checkpoint {
    my ($self, $xml, $flags) = @_;
    return Sys::Virt::DomainCheckpoint->_new(domain => $self, xml => $xml, flags => $flags);
}

1;

__END__

=head1 NAME

Sys::Virt::Domain - a virtual machine (guest domain) known to libvirt

=head1 SYNOPSIS

  my $conn = Sys::Virt->new(uri => "test:///default");
  my $dom = $conn->get_domain_by_name("test");

  my ($state, $reason) = $dom->get_state();
  $dom->suspend() if $state == Sys::Virt::Domain::STATE_RUNNING;

=head1 DESCRIPTION

An object of the C<Sys::Virt::Domain> class stands for one guest, running
or merely defined, on the hypervisor a L<Sys::Virt> connection talks to.
Objects are never built directly: they come from the connection's
lookup, creation and listing methods (C<get_domain_by_name>,
C<create_domain>, C<define_domain>, C<list_all_domains>...).

A domain object keeps what it needs of its connection alive, so it stays
usable after the C<Sys::Virt> object it came from has gone out of scope.
Any failure reported by libvirt is raised as a L<Sys::Virt::Error>
exception.

=head1 METHODS

=over 4

=item my $id = $dom->get_id()

Returns the numeric identifier the hypervisor gave the domain when it was
started. It is unique among the running domains of the host only, changes
on each start, and is -1 while the domain is not running.

=item my $uuid = $dom->get_uuid()

Returns the domain's universally unique identifier as a string of 16 raw
bytes.

=item my $uuid = $dom->get_uuid_string()

Returns the domain's universally unique identifier in its printable form,
32 hexadecimal digits in groups separated by dashes
(C<6695eb01-f6a4-8304-79aa-97f2502e193f>).

=item my $name = $dom->get_name()

Returns the name of the domain, which is unique on its host.

=item my $hostname = $dom->get_hostname($flags=0)

Returns the host name the guest operating system uses for itself. How it
is found out depends on the hypervisor; C<$flags> can pick the source, with
one of the B<HOSTNAME SOURCES> constants listed below.

=item my $str = $dom->get_metadata($type, $uri=undef, $flags=0)

Returns a piece of the metadata stored with the domain, selected by
C<$type>, one of the B<METADATA CONSTANTS> below. For
C<Sys::Virt::Domain::METADATA_ELEMENT>, C<$uri> names the XML namespace of
the custom element to fetch; for the other types it must be left
undefined. C<$flags> chooses between the live and persistent
configuration (C<Sys::Virt::Domain::AFFECT_*>). Asking for metadata that
was never set raises an error with code
C<Sys::Virt::Error::ERR_NO_DOMAIN_METADATA>.

=item $dom->set_metadata($type, $val, $key, $uri, $flags=0)

Stores C<$val> as the metadata of type C<$type> (a B<METADATA CONSTANTS>
value). For C<Sys::Virt::Domain::METADATA_ELEMENT>, C<$val> is an XML
fragment, C<$key> the namespace prefix to write it with and C<$uri> the
namespace itself; for the title and description both must be undefined.
An undefined or empty C<$val> removes the metadata. C<$flags> chooses
between the live and persistent configuration
(C<Sys::Virt::Domain::AFFECT_*>).

=item $dom->is_active()

Returns true while the domain is running (or paused), false when it is
shut off.

=item $dom->is_persistent()

Returns true if the domain has a stored configuration that outlives it,
false for a transient domain that disappears once it stops.

=item $dom->is_updated()

Returns true if the domain is running and its persistent configuration
has been changed since it was started, so that it will differ on the next
start.

=item my $xml = $dom->get_xml_description($flags=0)

Returns the XML document describing the domain's configuration. By
default this is the live configuration of a running domain; C<$flags>
combines B<XML DUMP OPTIONS> constants to ask for something else, such as
the inactive configuration or the security sensitive parts.

=item my $type = $dom->get_os_type()

Returns the kind of operating system environment the guest runs in, as
found in the C<os/type> element of its XML: C<hvm> for full
virtualization, C<linux> or C<xen> for paravirtualized guests, C<exe> for
containers...

=item my $info = $dom->get_info()

Returns a hash reference describing the domain's resources and state:

=over 4

=item state

What the domain is doing, one of the B<DOMAIN STATE> constants
(C<Sys::Virt::Domain::STATE_*>).

=item maxMem

The largest amount of memory the domain may be given, in kibibytes.

=item memory

The memory currently given to the domain, in kibibytes.

=item nrVirtCpu

The number of virtual CPUs of the domain.

=item cpuTime

The processor time the domain has consumed, in nanoseconds.

=back

=item my ($state, $reason) = $dom->get_state($flags=0)

Returns two integers: the domain's state, one of the B<DOMAIN STATE>
constants, and the reason it entered that state, one of the
B<DOMAIN STATE REASONS> constants matching that state. In scalar context
only the reason is returned. C<$flags> is reserved and defaults to zero.

=item my $info = $dom->get_control_info($flags=0)

Returns a hash reference telling whether libvirt can currently talk to the
process that runs the domain, with these keys:

=over 4

=item state

One of the B<CONTROL INFO> constants (C<Sys::Virt::Domain::CONTROL_*>).

=item details

When C<state> is C<Sys::Virt::Domain::CONTROL_ERROR>, the reason, one of
the C<Sys::Virt::Domain::CONTROL_ERROR_REASON_*> constants; otherwise 0.

=item stateTime

How long the control channel has been in this state, in milliseconds.
It is only measured for the busy states; it is 0 for
C<Sys::Virt::Domain::CONTROL_OK> and C<Sys::Virt::Domain::CONTROL_ERROR>.

=back

C<$flags> is reserved and defaults to zero.

=item my $time = $dom->get_time($flags=0)

Asks the guest (through its agent) for its clock. Returns an array
reference C<[$secs, $nsecs]>: seconds since the Unix epoch and
nanoseconds within that second. A reference is returned, not a list,
exactly as the C implementation of Sys::Virt always has, whatever its
documentation said. C<$flags> is reserved and defaults to zero.

=item $dom->set_time($secs, $nsecs, $flags=0)

Sets the guest's clock to C<$secs> seconds and C<$nsecs> nanoseconds after
the Unix epoch. With C<$flags> set to C<Sys::Virt::Domain::TIME_SYNC>, the
guest is instead told to reread its clock from its hardware real time
clock, and the time arguments are ignored.

=item my $autostart = $dom->get_autostart()

Returns true if the domain is started automatically whenever the
hypervisor host (or its management daemon) starts.

=item $dom->set_autostart($flag)

Turns automatic start with the host on (true C<$flag>) or off.

=item $dom->create($flags=0)

Starts a domain that is defined but not running (see C<define_domain> in
L<Sys::Virt>). If it has a managed save image, it resumes from there.
C<$flags> combines B<DOMAIN CREATION> constants.

=item $dom->create_with_files($fds, $flags=0)

Like C<create>, and also hands over the open file descriptors listed in
the array reference C<$fds> to the first process of the guest. This only
makes sense for container based drivers. C<$flags> combines B<DOMAIN
CREATION> constants.

=item $dom->undefine($flags=0)

Removes the persistent configuration of the domain. A running domain
keeps running, as a transient one, until it stops. C<$flags> combines
B<UNDEFINE CONSTANTS>, for instance to also remove a managed save image
or snapshot metadata, without which undefining such a domain fails.

=item $dom->suspend()

Pauses all the virtual CPUs of the running domain; it keeps its memory
and resources and can be continued with C<resume>.

=item $dom->resume()

Continues the execution of a domain paused with C<suspend>.

=item $dom->shutdown($flags=0)

Asks the guest operating system to shut itself down cleanly. The request
returns before the guest has stopped, and the guest may ignore it.
C<$flags> may pick the mechanism with the B<SHUTDOWN CONSTANTS>.

=item $dom->reboot($flags=0)

Asks the guest operating system to restart cleanly. C<$flags> may pick the
mechanism with the B<REBOOT CONSTANTS>.

=item $dom->reset($flags=0)

Resets the virtual hardware at once, as a reset button would, without
involving the guest operating system. C<$flags> is reserved and defaults
to zero.

=item $dom->destroy($flags=0)

Stops the domain immediately, like pulling its power cord; the guest has
no chance to save anything. A transient domain then ceases to exist; a
persistent one stays defined and shut off. C<$flags> takes the
B<DESTROY CONSTANTS>. Use C<shutdown> for an orderly stop.

=item $dom->pm_suspend_for_duration($target, $duration, $flags=0)

Asks the guest (through its agent) to enter a power management sleep
state. C<$target> is one of the C<Sys::Virt::NODE_SUSPEND_TARGET_*>
constants (to memory, to disk, or both); C<$duration> is the number of
seconds after which the guest wakes up by itself, 0 meaning it waits to
be woken. C<$flags> is reserved and defaults to zero.

=item $dom->pm_wakeup($flags=0)

Wakes a guest up from a power management sleep state entered with
C<pm_suspend_for_duration>. C<$flags> is reserved and defaults to zero.

=item $dom->save($filename, $dxml=undef, $params=undef, $flags=0)

Stops the running domain after writing its memory and device state to the
file C<$filename>; C<restore_domain> in L<Sys::Virt> brings it back from
that file. C<$dxml> optionally gives a replacement XML configuration to
store in the file (it may only change details that the guest cannot
notice, such as host file paths). C<$flags> combines the
B<DOMAIN SAVE / RESTORE CONSTANTS>.

C<$params> may instead be a hash reference of typed parameters, keyed by
C<Sys::Virt::Domain::SAVE_PARAM_FILE> and
C<Sys::Virt::Domain::SAVE_PARAM_DXML>; a defined C<$filename> or C<$dxml>
argument then overrides the matching entry. Either C<$filename> or
C<$params> must be given.

=item $dom->managed_save($flags=0)

Saves the running domain's state to a location managed by libvirt and
stops it; the next C<create> resumes it from that image instead of
booting it. C<$flags> combines the B<DOMAIN SAVE / RESTORE CONSTANTS>.

=item my $xml = $dom->managed_save_get_xml_description($flags=0)

Returns the XML configuration stored in the domain's managed save image.
C<$flags> may include C<Sys::Virt::Domain::SAVE_IMAGE_XML_SECURE> to
include security sensitive information.

=item $dom->managed_save_define_xml($xml, $flags=0)

Replaces the XML configuration stored in the domain's managed save image
with C<$xml>; only changes invisible to the guest are allowed. C<$flags>
may contain C<Sys::Virt::Domain::SAVE_RUNNING> or
C<Sys::Virt::Domain::SAVE_PAUSED> to change the state the domain resumes
in.

=item my $bool = $dom->has_managed_save_image($flags=0)

Returns true if the domain has a managed save image that its next start
will resume from. C<$flags> is reserved and defaults to zero.

=item $dom->managed_save_remove($flags=0)

Deletes the domain's managed save image, so its next start is a fresh
boot. C<$flags> is reserved and defaults to zero.

=item $dom->core_dump($filename, $flags=0)

Writes the guest's memory to the file C<$filename>, in a format crash
analysis tools can read. C<$flags> combines the
B<DOMAIN CORE DUMP CONSTANTS> (C<Sys::Virt::Domain::DUMP_*>).

=item $dom->core_dump_format($filename, $format, $flags=0)

Like C<core_dump>, writing the dump in the format C<$format>, one of the
C<Sys::Virt::Domain::CORE_DUMP_FORMAT_*> constants.

=item $dom->rename($newname, $flags=0)

Gives the (shut off, persistent) domain the new name C<$newname>.
C<$flags> is reserved and defaults to zero.

=for comment
INTEGRATOR: the method items of pod/domain-*.pod go here, before the =back
that closes the METHODS list.

=back

=head1 CONSTANTS

Most methods take a C<$flags> argument for which 0 is the usual value.
The constants below name the values these methods accept or return; each
is a function of no arguments in the C<Sys::Virt::Domain> package.

=head2 DOMAIN STATE

The state of a domain, as given by the C<state> key of C<get_info> and the
first value of C<get_state>.

=over 4

=item Sys::Virt::Domain::STATE_NOSTATE

No state is known for the domain.

=item Sys::Virt::Domain::STATE_RUNNING

The domain is running.

=item Sys::Virt::Domain::STATE_BLOCKED

The domain is running but waiting for a resource.

=item Sys::Virt::Domain::STATE_PAUSED

The domain's virtual CPUs have been stopped, by request or by the
hypervisor.

=item Sys::Virt::Domain::STATE_SHUTDOWN

The domain is on its way to stopping.

=item Sys::Virt::Domain::STATE_SHUTOFF

The domain is not running.

=item Sys::Virt::Domain::STATE_CRASHED

The domain has stopped after a crash.

=item Sys::Virt::Domain::STATE_PMSUSPENDED

The guest has put itself into a power management sleep state.

=back

=head2 DOMAIN STATE REASONS

Why a domain is in its current state: the second value of C<get_state>.
The meaning of a number depends on the state, so each state has its own
list.

=over 4

=item Sys::Virt::Domain::STATE_NOSTATE_UNKNOWN

No reason is known (state C<STATE_NOSTATE>).

=item Sys::Virt::Domain::STATE_RUNNING_UNKNOWN

Running, for no known reason.

=item Sys::Virt::Domain::STATE_RUNNING_BOOTED

Running after a normal boot.

=item Sys::Virt::Domain::STATE_RUNNING_MIGRATED

Running after arriving from another host by migration.

=item Sys::Virt::Domain::STATE_RUNNING_RESTORED

Running after being restored from a saved state file.

=item Sys::Virt::Domain::STATE_RUNNING_FROM_SNAPSHOT

Running after reverting to a snapshot.

=item Sys::Virt::Domain::STATE_RUNNING_UNPAUSED

Running again after having been paused.

=item Sys::Virt::Domain::STATE_RUNNING_MIGRATION_CANCELED

Running again after an outgoing migration was given up.

=item Sys::Virt::Domain::STATE_RUNNING_SAVE_CANCELED

Running again after a save to file was given up.

=item Sys::Virt::Domain::STATE_RUNNING_WAKEUP

Running after waking up from a power management sleep.

=item Sys::Virt::Domain::STATE_RUNNING_CRASHED

Running again after a crash was handled by restarting.

=item Sys::Virt::Domain::STATE_RUNNING_POSTCOPY

Running while a post-copy migration is in progress.

=item Sys::Virt::Domain::STATE_RUNNING_POSTCOPY_FAILED

Running, after a post-copy migration failed.

=item Sys::Virt::Domain::STATE_BLOCKED_UNKNOWN

Blocked, for no known reason.

=item Sys::Virt::Domain::STATE_PAUSED_UNKNOWN

Paused, for no known reason.

=item Sys::Virt::Domain::STATE_PAUSED_USER

Paused on request, e.g. by C<suspend>.

=item Sys::Virt::Domain::STATE_PAUSED_MIGRATION

Paused during an offline migration.

=item Sys::Virt::Domain::STATE_PAUSED_SAVE

Paused while its state is being saved.

=item Sys::Virt::Domain::STATE_PAUSED_DUMP

Paused while a core dump is being written.

=item Sys::Virt::Domain::STATE_PAUSED_IOERROR

Paused because a disk reported an input/output error.

=item Sys::Virt::Domain::STATE_PAUSED_WATCHDOG

Paused by the action of its watchdog device.

=item Sys::Virt::Domain::STATE_PAUSED_FROM_SNAPSHOT

Paused after reverting to a snapshot of a paused domain.

=item Sys::Virt::Domain::STATE_PAUSED_SHUTTING_DOWN

Paused while its shutdown completes.

=item Sys::Virt::Domain::STATE_PAUSED_SNAPSHOT

Paused while a snapshot is being taken.

=item Sys::Virt::Domain::STATE_PAUSED_CRASHED

Paused after the guest crashed.

=item Sys::Virt::Domain::STATE_PAUSED_STARTING_UP

Paused while the domain is being started.

=item Sys::Virt::Domain::STATE_PAUSED_POSTCOPY

Paused during the post-copy phase of a migration.

=item Sys::Virt::Domain::STATE_PAUSED_POSTCOPY_FAILED

Paused after a post-copy migration failed.

=item Sys::Virt::Domain::STATE_SHUTDOWN_UNKNOWN

Shutting down, for no known reason.

=item Sys::Virt::Domain::STATE_SHUTDOWN_USER

Shutting down on request.

=item Sys::Virt::Domain::STATE_SHUTOFF_UNKNOWN

Shut off, for no known reason (including never started).

=item Sys::Virt::Domain::STATE_SHUTOFF_SHUTDOWN

Shut off after a normal shutdown.

=item Sys::Virt::Domain::STATE_SHUTOFF_DESTROYED

Shut off by C<destroy>.

=item Sys::Virt::Domain::STATE_SHUTOFF_CRASHED

Shut off after a crash.

=item Sys::Virt::Domain::STATE_SHUTOFF_MIGRATED

Shut off after leaving for another host by migration.

=item Sys::Virt::Domain::STATE_SHUTOFF_SAVED

Shut off after its state was saved to a file.

=item Sys::Virt::Domain::STATE_SHUTOFF_FAILED

Shut off because the hypervisor failed to run it.

=item Sys::Virt::Domain::STATE_SHUTOFF_FROM_SNAPSHOT

Shut off after reverting to a snapshot of a shut off domain.

=item Sys::Virt::Domain::STATE_SHUTOFF_DAEMON

Shut off by the management daemon, e.g. when it could not reconnect to
the domain after restarting.

=item Sys::Virt::Domain::STATE_CRASHED_UNKNOWN

Crashed, for no known reason.

=item Sys::Virt::Domain::STATE_CRASHED_PANICKED

Crashed because the guest kernel panicked.

=item Sys::Virt::Domain::STATE_PMSUSPENDED_UNKNOWN

Sleeping in memory, for no known reason.

=item Sys::Virt::Domain::STATE_PMSUSPENDED_DISK_UNKNOWN

Sleeping on disk, for no known reason.

=back

=head2 CONTROL INFO

The C<state> reported by C<get_control_info>:

=over 4

=item Sys::Virt::Domain::CONTROL_OK

libvirt can send commands to the domain.

=item Sys::Virt::Domain::CONTROL_JOB

A background job is running; only commands related to it are accepted.

=item Sys::Virt::Domain::CONTROL_OCCUPIED

Another command is in progress.

=item Sys::Virt::Domain::CONTROL_ERROR

The control channel is broken; C<details> tells why:

=back

=over 4

=item Sys::Virt::Domain::CONTROL_ERROR_REASON_NONE

No reason was recorded.

=item Sys::Virt::Domain::CONTROL_ERROR_REASON_UNKNOWN

The reason is unknown.

=item Sys::Virt::Domain::CONTROL_ERROR_REASON_MONITOR

The monitor connection to the hypervisor process failed.

=item Sys::Virt::Domain::CONTROL_ERROR_REASON_INTERNAL

An internal error inside libvirt.

=back

=head2 DOMAIN CREATION

Flags for C<create>, C<create_with_files> and C<create_domain> in
L<Sys::Virt>:

=over 4

=item Sys::Virt::Domain::START_PAUSED

Leave the virtual CPUs paused once the domain has been started.

=item Sys::Virt::Domain::START_AUTODESTROY

Destroy the domain automatically when the connection that started it is
closed or lost.

=item Sys::Virt::Domain::START_BYPASS_CACHE

Bypass the host's file system cache when resuming from a saved image.

=item Sys::Virt::Domain::START_FORCE_BOOT

Boot afresh, discarding a managed save image if there is one.

=item Sys::Virt::Domain::START_VALIDATE

Check the XML document against the schema before using it.

=item Sys::Virt::Domain::START_RESET_NVRAM

Start with a firmware variable store freshly copied from its template.

=back

=head2 DOMAIN DEFINITION

Flags for C<define_domain> in L<Sys::Virt>:

=over 4

=item Sys::Virt::Domain::DEFINE_VALIDATE

Check the XML document against the schema before using it.

=back

=head2 XML DUMP OPTIONS

Flags for C<get_xml_description>:

=over 4

=item Sys::Virt::Domain::XML_SECURE

Include security sensitive data such as passwords.

=item Sys::Virt::Domain::XML_INACTIVE

Describe the persistent configuration used at the next start rather than
the live one.

=item Sys::Virt::Domain::XML_UPDATE_CPU

Expand the guest CPU definition to what the host actually provides.

=item Sys::Virt::Domain::XML_MIGRATABLE

Leave out what only this host or libvirt version understands, so the XML
can be used on another host.

=back

=head2 UNDEFINE CONSTANTS

Flags for C<undefine>:

=over 4

=item Sys::Virt::Domain::UNDEFINE_MANAGED_SAVE

Delete the managed save image too.

=item Sys::Virt::Domain::UNDEFINE_SNAPSHOTS_METADATA

Delete the metadata of the domain's snapshots too.

=item Sys::Virt::Domain::UNDEFINE_CHECKPOINTS_METADATA

Delete the metadata of the domain's checkpoints too.

=item Sys::Virt::Domain::UNDEFINE_NVRAM

Delete the firmware variable store file too.

=item Sys::Virt::Domain::UNDEFINE_KEEP_NVRAM

Keep the firmware variable store file.

=item Sys::Virt::Domain::UNDEFINE_TPM

Delete the persistent state of the emulated TPM too.

=item Sys::Virt::Domain::UNDEFINE_KEEP_TPM

Keep the persistent state of the emulated TPM.

=back

=head2 DOMAIN SAVE / RESTORE CONSTANTS

Flags for C<save>, C<managed_save>, C<managed_save_define_xml> and the
save image methods of L<Sys::Virt>:

=over 4

=item Sys::Virt::Domain::SAVE_BYPASS_CACHE

Bypass the host's file system cache while writing or reading the image.

=item Sys::Virt::Domain::SAVE_RUNNING

Have the domain running once restored, whatever the image says.

=item Sys::Virt::Domain::SAVE_PAUSED

Have the domain paused once restored, whatever the image says.

=item Sys::Virt::Domain::SAVE_RESET_NVRAM

Restore with a firmware variable store freshly copied from its template.

=item Sys::Virt::Domain::SAVE_IMAGE_XML_SECURE

Include security sensitive data when returning the XML stored in an
image.

=back

Keys of the C<$params> hash of C<save>:

=over 4

=item Sys::Virt::Domain::SAVE_PARAM_FILE

The file to write the state to (a string).

=item Sys::Virt::Domain::SAVE_PARAM_DXML

A replacement XML configuration to store in the image (a string).

=back

=head2 DOMAIN CORE DUMP CONSTANTS

Flags for C<core_dump> and C<core_dump_format>:

=over 4

=item Sys::Virt::Domain::DUMP_CRASH

Leave the domain crashed (stopped) once the dump is written.

=item Sys::Virt::Domain::DUMP_LIVE

Keep the domain running while its memory is dumped.

=item Sys::Virt::Domain::DUMP_BYPASS_CACHE

Bypass the host's file system cache while writing.

=item Sys::Virt::Domain::DUMP_RESET

Reset the domain once the dump is written.

=item Sys::Virt::Domain::DUMP_MEMORY_ONLY

Dump the guest memory only, in ELF format, without device state.

=back

Formats for C<core_dump_format>:

=over 4

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_RAW

The hypervisor's plain memory dump format.

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_KDUMP_ZLIB

kdump compressed format, with zlib compression.

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_KDUMP_LZO

kdump compressed format, with LZO compression.

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_KDUMP_SNAPPY

kdump compressed format, with Snappy compression.

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_WIN_DMP

The Windows crash dump format.

=back

=head2 DESTROY CONSTANTS

Flags for C<destroy>:

=over 4

=item Sys::Virt::Domain::DESTROY_DEFAULT

Stop the domain the hypervisor's usual way (which may kill it forcibly).

=item Sys::Virt::Domain::DESTROY_GRACEFUL

Only send the hypervisor process a termination request, never kill it.

=item Sys::Virt::Domain::DESTROY_REMOVE_LOGS

Delete the domain's log files once it is stopped.

=back

=head2 SHUTDOWN CONSTANTS

Flags for C<shutdown>, choosing how the guest is asked to stop (several
may be combined; the hypervisor picks among them):

=over 4

=item Sys::Virt::Domain::SHUTDOWN_DEFAULT

Whatever the hypervisor normally does.

=item Sys::Virt::Domain::SHUTDOWN_ACPI_POWER_BTN

Press the virtual ACPI power button.

=item Sys::Virt::Domain::SHUTDOWN_GUEST_AGENT

Ask the agent running inside the guest.

=item Sys::Virt::Domain::SHUTDOWN_INITCTL

Talk to the container's init process through initctl.

=item Sys::Virt::Domain::SHUTDOWN_SIGNAL

Send SIGTERM to the container's init process.

=item Sys::Virt::Domain::SHUTDOWN_PARAVIRT

Use the paravirtualized power control interface.

=back

=head2 REBOOT CONSTANTS

Flags for C<reboot>, choosing how the guest is asked to restart:

=over 4

=item Sys::Virt::Domain::REBOOT_DEFAULT

Whatever the hypervisor normally does.

=item Sys::Virt::Domain::REBOOT_ACPI_POWER_BTN

Press the virtual ACPI power button.

=item Sys::Virt::Domain::REBOOT_GUEST_AGENT

Ask the agent running inside the guest.

=item Sys::Virt::Domain::REBOOT_INITCTL

Talk to the container's init process through initctl.

=item Sys::Virt::Domain::REBOOT_SIGNAL

Send SIGHUP to the container's init process.

=item Sys::Virt::Domain::REBOOT_PARAVIRT

Use the paravirtualized power control interface.

=back

=head2 METADATA CONSTANTS

The C<$type> of C<get_metadata> and C<set_metadata>:

=over 4

=item Sys::Virt::Domain::METADATA_DESCRIPTION

The free-form description of the domain (the C<description> element).

=item Sys::Virt::Domain::METADATA_TITLE

The short one-line title of the domain (the C<title> element).

=item Sys::Virt::Domain::METADATA_ELEMENT

An application specific XML element inside C<metadata>, identified by its
namespace.

=back

=head2 HOSTNAME SOURCES

Flags for C<get_hostname>:

=over 4

=item Sys::Virt::Domain::GET_HOSTNAME_AGENT

Ask the agent running inside the guest.

=item Sys::Virt::Domain::GET_HOSTNAME_LEASE

Look the name up in the DHCP leases of the guest's networks.

=back

=head2 TIME CONSTANTS

Flags for C<set_time>:

=over 4

=item Sys::Virt::Domain::TIME_SYNC

Make the guest resynchronize its clock from its real time clock instead of
setting it to the given time.

=back

=for comment
INTEGRATOR: the =head2 constant sections of pod/domain-*.pod go here.

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::Error>, L<Sys::Virt::DomainSnapshot>,
L<Sys::Virt::DomainCheckpoint>, C<https://libvirt.org/>

=head1 LICENSE

This program is free software; you can redistribute it and/or modify it
under the terms of either the GNU General Public License as published by
the Free Software Foundation (either version 2 of the License, or, at your
option, any later version) or the Artistic License, as specified in the
Perl README file.

=cut
