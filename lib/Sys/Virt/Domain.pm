package Sys::Virt::Domain;

use strict;
use warnings;

our $VERSION = '12.7.0';

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
# left out so that libvirt applies its defaults. An omitted $flags is 0
# (the C original passed undef on, with an "uninitialized" warning).
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
        return $dom->_migrate($destcon, $params, $flags // 0);
    }

    my ($flags, $dname, $uri, $bandwidth) = @args;
    my $params = $legacy_migrate_params->(
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $dname,
        Sys::Virt::Domain::MIGRATE_PARAM_URI() => $uri,
        Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => $bandwidth);
    return $dom->_migrate($destcon, $params, $flags // 0);
}

sub migrate2 {
    my ($dom, $destcon, $dxml, $flags, $dname, $uri, $bandwidth) = @_;

    my $params = $legacy_migrate_params->(
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_XML() => $dxml,
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $dname,
        Sys::Virt::Domain::MIGRATE_PARAM_URI() => $uri,
        Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => $bandwidth);
    return $dom->_migrate($destcon, $params, $flags // 0);
}

sub migrate_to_uri {
    my ($dom, $desturi, @args) = @_;

    if (ref($args[0]) && ref($args[0]) eq "HASH") {
        my ($params, $flags) = @args;
        return $dom->_migrate_to_uri($desturi, $params, $flags // 0);
    }

    # The documented positional form is ($flags, $dname, $bandwidth); the
    # C original read a migration URI before the bandwidth instead
    # ($flags, $dname, $uri, $bandwidth), turning a documented bandwidth
    # into a bogus URI. Both are accepted: a third argument made of digits
    # only is a bandwidth (no URI looks like that).
    my ($flags, $dname, $uri, $bandwidth);
    if (@args == 3 && defined($args[2]) && $args[2] =~ /\A[0-9]+\z/) {
        ($flags, $dname, $bandwidth) = @args;
    } else {
        ($flags, $dname, $uri, $bandwidth) = @args;
    }
    my $params = $legacy_migrate_params->(
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $dname,
        Sys::Virt::Domain::MIGRATE_PARAM_URI() => $uri,
        Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => $bandwidth);
    return $dom->_migrate_to_uri($desturi, $params, $flags // 0);
}

# Arguments in their documented order. The C original read them in
# another order ($desturi, $dxml, $flags, $dname, $uri, $bandwidth) and
# then called a `_migrate_to_uri2` XSUB that does not exist, so the method
# always died there: no working script depends on that order.
sub migrate_to_uri2 {
    my ($dom, $dconnuri, $miguri, $dxml, $flags, $dname, $bandwidth) = @_;

    my $params = $legacy_migrate_params->(
        Sys::Virt::Domain::MIGRATE_PARAM_URI() => $miguri,
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_XML() => $dxml,
        Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => $dname,
        Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => $bandwidth);
    return $dom->_migrate_to_uri($dconnuri, $params, $flags // 0);
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

The methods are grouped by topic below. Arguments shown with a default
value (C<$flags=0>) may be left out, and methods that only perform an
action return nothing (an empty list).

=head2 Identity and configuration

What the domain is and how it is configured.

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

=item my $type = $dom->get_os_type()

Returns the kind of operating system environment the guest runs in, as
found in the C<os/type> element of its XML: C<hvm> for full
virtualization, C<linux> or C<xen> for paravirtualized guests, C<exe> for
containers...

=item my $hostname = $dom->get_hostname($flags=0)

Returns the host name the guest operating system uses for itself. How it
is found out depends on the hypervisor; C<$flags> can pick the source, with
one of the B<HOSTNAME SOURCES> constants listed below.

=item my $xml = $dom->get_xml_description($flags=0)

Returns the XML document describing the domain's configuration. By
default this is the live configuration of a running domain; C<$flags>
combines B<XML DUMP OPTIONS> constants to ask for something else, such as
the inactive configuration or the security sensitive parts.

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

=item my $autostart = $dom->get_autostart()

Returns true if the domain is started automatically whenever the
hypervisor host (or its management daemon) starts.

=item $dom->set_autostart($flag)

Turns automatic start with the host on (true C<$flag>) or off.

=item my $flag = $dom->get_autostart_once()

Returns true if the domain is set to start the next time the host (or
its management daemon) starts, and that time only. This setting is
separate from C<get_autostart>: either one makes the domain start.
Needs libvirt 11.2.0 or newer (C<virDomainGetAutostartOnce>); older
ones raise C<ERR_NO_SUPPORT>.

=item $dom->set_autostart_once($flag)

Asks for the domain to be started the next time the host starts, once
(true C<$flag>), or cancels that request. libvirt clears it by itself
once the domain has been started that way. Needs libvirt 11.2.0 or
newer (C<virDomainSetAutostartOnce>).

=item $dom->rename($newname, $flags=0)

Gives the (shut off, persistent) domain the new name C<$newname>.
C<$flags> is reserved and defaults to zero.

=back

=head2 State and lifecycle

Finding out what the domain is doing, and starting, pausing and stopping it.

=over 4

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
process that runs the domain. Its key C<state> is one of the
B<CONTROL INFO> constants (C<Sys::Virt::Domain::CONTROL_*>). When that
state is C<Sys::Virt::Domain::CONTROL_ERROR>, the key C<details> gives the
reason, one of the C<Sys::Virt::Domain::CONTROL_ERROR_REASON_*> constants;
otherwise it is 0. The key C<stateTime> tells how long, in milliseconds,
the control channel has been in its current state; it is only measured for
the busy states, and is 0 for C<Sys::Virt::Domain::CONTROL_OK> and
C<Sys::Virt::Domain::CONTROL_ERROR>. C<$flags> is reserved and defaults to
zero.

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

=item $dom->set_lifecycle_action($type, $action, $flags=0)

Chooses what happens when the guest powers off, reboots or crashes
(C<$type>, a C<LIFECYCLE_*> constant): C<$action> is a
C<LIFECYCLE_ACTION_*> constant. C<$flags> takes the C<AFFECT_*> constants.

=back

=head2 Saving and dumping

Writing the state or the memory of the domain to files.

=over 4

=item $dom->save($filename, $dxml=undef, $params=undef, $flags=0)

Stops the running domain after writing its memory and device state to the
file C<$filename>; C<restore_domain> in L<Sys::Virt> brings it back from
that file. C<$dxml> optionally gives a replacement XML configuration to
store in the file (it may only change details that the guest cannot
notice, such as host file paths). C<$flags> combines the
B<DOMAIN SAVE / RESTORE CONSTANTS>.

C<$params> may instead be a hash reference of typed parameters, keyed by
C<Sys::Virt::Domain::SAVE_PARAM_FILE> and
C<Sys::Virt::Domain::SAVE_PARAM_DXML> (strings),
C<Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT> (a string) and
C<Sys::Virt::Domain::SAVE_PARAM_PARALLEL_CHANNELS> (an int); other keys
are ignored. A defined C<$filename> or C<$dxml> argument then overrides
the matching entry. Either C<$filename> or C<$params> must be given.

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

=back

=head2 Memory, virtual CPUs and IOThreads

Sizing the domain and placing its threads on host CPUs.

=over 4

=item my $kib = $dom->get_max_memory()

Returns the largest amount of memory, in KiB, that the guest may be given.

=item $dom->set_max_memory($kib)

Changes the largest amount of memory, in KiB, the guest may be given. Most
hypervisors only accept this for a guest that is not running.

=item $dom->set_memory($kib, $flags=0)

Changes the amount of memory, in KiB, currently given to the guest (the
balloon target). C<$flags> takes the C<MEM_*> constants to choose the live
state, the saved configuration or the maximum; without flags the live
guest is changed.

=item $dom->set_memory_stats_period($seconds, $flags=0)

Sets how often, in seconds, the balloon driver refreshes the memory
statistics of the guest; 0 turns the collection off. C<$flags> takes the
C<MEM_*> constants.

=item my $count = $dom->get_max_vcpus()

Returns the largest number of virtual CPUs the running guest may be given.
A failure (e.g. a guest that is not running) returns -1, not an error, as
the C implementation does: scripts polling every domain rely on it.

=item my $count = $dom->get_vcpus($flags=0)

Returns the number of virtual CPUs of the guest. C<$flags> takes the
C<VCPU_*> constants: choose the live or saved configuration, the maximum
rather than the current count, or ask the guest agent.

=item $dom->set_vcpus($count, $flags=0)

Changes the number of virtual CPUs of the guest to C<$count>. C<$flags>
takes the C<VCPU_*> constants, as for C<get_vcpus>.

=item $dom->set_vcpu($cpulist, $state, $flags=0)

Turns individual virtual CPUs on (C<$state> true) or off. C<$cpulist> is a
textual list of vCPU numbers such as C<"1,3-5,^4">. C<$flags> takes the
C<AFFECT_*> constants.

=item my @vcpus = $dom->get_vcpu_info($flags=0)

Returns one hash reference per virtual CPU, with the keys C<number> (vCPU
index), C<state> (one of the C<VCPU_OFFLINE>/C<VCPU_RUNNING>/C<VCPU_BLOCKED>
constants), C<cpuTime> (nanoseconds of CPU time used), C<cpu> (the host
CPU it last ran on) and C<affinity>, a bit string of the host CPUs it may
run on, one bit per CPU and eight CPUs per byte (C<unpack("b*", ...)>
gives one character per CPU). Only a running guest queried with no
C<$flags> reports C<state>, C<cpuTime> and C<cpu>; otherwise they are 0
and only the pinning is known. C<$flags> takes the C<AFFECT_*> constants.

=item $dom->pin_vcpu($vcpu, $mask, $flags=0)

Restricts virtual CPU C<$vcpu> to the host CPUs whose bits are set in the
bit string C<$mask> (eight CPUs per byte, as built with C<vec($mask, $cpu,
1) = 1>). C<$flags> takes the C<AFFECT_*> constants.

=item my $mask = $dom->get_emulator_pin_info($flags=0)

Returns the bit string of host CPUs the hypervisor's own (emulator)
threads may run on, eight CPUs per byte. C<$flags> takes the C<AFFECT_*>
constants.

=item $dom->pin_emulator($mask, $flags=0)

Restricts the emulator threads to the host CPUs set in the bit string
C<$mask>. C<$flags> takes the C<AFFECT_*> constants.

=item my @threads = $dom->get_iothread_info($flags=0)

Returns one hash reference per IOThread of the guest, with the keys
C<number> (the IOThread id) and C<affinity> (bit string of allowed host
CPUs). C<$flags> takes the C<AFFECT_*> constants.

=item $dom->pin_iothread($id, $mask, $flags=0)

Restricts IOThread C<$id> to the host CPUs set in the bit string C<$mask>.
C<$flags> takes the C<AFFECT_*> constants.

=item $dom->add_iothread($id, $flags=0)

Adds an IOThread with id C<$id> to the guest. C<$flags> takes the
C<AFFECT_*> constants.

=item $dom->del_iothread($id, $flags=0)

Removes IOThread C<$id> from the guest. C<$flags> takes the C<AFFECT_*>
constants.

=item $dom->set_iothread($id, \%params, $flags=0)

Tunes IOThread C<$id>. The hash keys are the C<IOTHREAD_PARAM_*>
constants; other keys are ignored. C<$flags> takes the C<AFFECT_*>
constants.

=back

=head2 Tunable parameters

Resource controls passed as hash references of typed parameters, keyed by
the constants listed under CONSTANTS. A getter returns every parameter the
hypervisor reports; a setter changes only the keys it is given.

=over 4

=item my $type = $dom->get_scheduler_type()

Returns the name of the host scheduler in charge of the guest, such as
C<posix> or C<fair>.

=item my $params = $dom->get_scheduler_parameters($flags=0)

Returns a hash reference of the scheduler tunables of the guest; the keys
depend on the hypervisor (see the C<SCHEDULER_*> constants). C<$flags>
takes the C<AFFECT_*> constants.

=item $dom->set_scheduler_parameters(\%params, $flags=0)

Changes the scheduler tunables named in the hash; keys the hypervisor
does not report are ignored, and the others keep their current value.
C<$flags> takes the C<AFFECT_*> constants.

=item my $params = $dom->get_memory_parameters($flags=0)

Returns a hash reference of the memory tunables of the guest, keyed by the
C<MEMORY_*> parameter constants, in KiB; C<MEMORY_PARAM_UNLIMITED> means no
limit. C<$flags> takes the C<AFFECT_*> constants.

=item $dom->set_memory_parameters(\%params, $flags=0)

Changes the memory tunables named in the hash (C<MEMORY_*> keys); the
others keep their value. C<$flags> takes the C<AFFECT_*> constants.

=item my $params = $dom->get_blkio_parameters($flags=0)

Returns a hash reference of the block I/O tunables of the guest, keyed by
the C<BLKIO_*> constants. C<$flags> takes the C<AFFECT_*> constants.

=item $dom->set_blkio_parameters(\%params, $flags=0)

Changes the block I/O tunables named in the hash (C<BLKIO_*> keys).
C<$flags> takes the C<AFFECT_*> constants.

=item my $params = $dom->get_numa_parameters($flags=0)

Returns a hash reference of the NUMA memory placement of the guest, keyed
by C<NUMA_MODE> (a C<NUMATUNE_MEM_*> value) and C<NUMA_NODESET>. C<$flags>
takes the C<AFFECT_*> constants.

=item $dom->set_numa_parameters(\%params, $flags=0)

Changes the NUMA memory placement named in the hash. C<$flags> takes the
C<AFFECT_*> constants.

=item my $params = $dom->get_interface_parameters($device, $flags=0)

Returns a hash reference of the bandwidth limits of the network interface
C<$device> (its target name or MAC address), keyed by the C<BANDWIDTH_*>
constants. C<$flags> takes the C<AFFECT_*> constants.

=item $dom->set_interface_parameters($device, \%params, $flags=0)

Changes the bandwidth limits named in the hash for interface C<$device>.
C<$flags> takes the C<AFFECT_*> constants.

=item my $params = $dom->get_block_iotune($disk, $flags=0)

Returns a hash reference of the I/O throttling of disk C<$disk> (target
name or source path), keyed by the C<BLOCK_IOTUNE_*> constants. C<$flags>
takes the C<AFFECT_*> constants.

=item $dom->set_block_iotune($disk, \%params, $flags=0)

Changes the I/O throttling values named in the hash for disk C<$disk>.
C<$flags> takes the C<AFFECT_*> constants.

=item $dom->set_throttle_group($group, $params, $flags=0)

Creates the throttle group named C<$group> in the domain, or replaces
all the limits of the existing group of that name. Disks share the
limits of a group through throttle filters in their XML, and a disk may
use several groups. C<$params> is a hash reference keyed by the
C<BLOCK_IOTUNE_*> constants: the limits are unsigned 64-bit integers,
C<BLOCK_IOTUNE_GROUP_NAME> a string; other keys are ignored. C<$flags>
takes the C<AFFECT_*> constants. Needs libvirt 11.2.0 or newer
(C<virDomainSetThrottleGroup>).

=item $dom->del_throttle_group($group, $flags=0)

Removes the throttle group C<$group> from the domain; no disk may still
refer to it. C<$flags> takes the C<AFFECT_*> constants. Needs libvirt
11.2.0 or newer (C<virDomainDelThrottleGroup>).

=item my $params = $dom->get_perf_events($flags=0)

Returns a hash reference telling, for each performance event the
hypervisor knows (C<PERF_PARAM_*> keys), whether it is being counted.
C<$flags> takes the C<AFFECT_*> constants.

=item $dom->set_perf_events(\%params, $flags=0)

Turns the performance events named in the hash on (true) or off.
C<$flags> takes the C<AFFECT_*> constants.

=back

=head2 Statistics and monitoring

Counters and reports about the running domain (see also
C<get_all_domain_stats> in L<Sys::Virt>, which gathers them for many
domains at once).

=over 4

=item my @stats = $dom->get_cpu_stats($start_cpu, $ncpus, $flags=0)

Returns the guest's use of host CPUs as a list of hash references (keys
such as C<CPU_STATS_CPUTIME> and C<CPU_STATS_VCPUTIME>), one per host CPU
from C<$start_cpu>, for C<$ncpus> CPUs (0 means all of them). Only CPUs
the host has are returned. With C<$start_cpu> -1 and C<$ncpus> 1 the list
holds one hash of totals for the whole guest (C<CPU_STATS_CPUTIME>,
C<CPU_STATS_USERTIME>, C<CPU_STATS_SYSTEMTIME>).

=item my $stats = $dom->block_stats($path, $flags=0)

Reads the I/O counters of the guest disk C<$path>, which may be the
disk's target name (e.g. C<vda>) or the path of its backing file on the
host. The result is a hash reference. When the driver can report
extended statistics they are all returned, keyed by the
C<Sys::Virt::Domain::BLOCK_STATS_*> names, except that the request
counters keep the names of the older API: C<rd_req>, C<wr_req> and
C<flush_reqs>. Otherwise the hash has exactly these keys:

=over 4

=item rd_req

Read requests completed.

=item rd_bytes

Bytes read.

=item wr_req

Write requests completed.

=item wr_bytes

Bytes written.

=item errs

A driver-specific error counter.

=back

A counter the driver does not track reads as -1. C<$flags> is passed
to libvirt and defaults to 0; only when it is 0 can the older,
five-counter API be used as a fallback.

=item my $stats = $dom->interface_stats($path)

Reads the traffic counters of the guest network interface C<$path>
(its host-side device name, or its MAC address). Returns a hash
reference with C<rx_bytes>, C<rx_packets>, C<rx_errs>, C<rx_drop>,
C<tx_bytes>, C<tx_packets>, C<tx_errs> and C<tx_drop>: bytes and
packets received and sent, packets received or sent with errors, and
packets dropped in each direction. A counter the driver does not track
reads as -1.

=item my $stats = $dom->memory_stats($flags=0)

Reads the memory statistics the guest's balloon driver reports.
Returns a hash reference containing whichever of these keys the
hypervisor provides (sizes in kilobytes):

=over 4

=item swap_in

Amount of memory read back in from swap.

=item swap_out

Amount of memory written out to swap.

=item major_fault

Page faults that had to wait for disk I/O.

=item minor_fault

Page faults served without disk I/O.

=item unused

Memory the guest leaves completely unused.

=item available

Memory the guest operating system sees in total.

=item actual_balloon

Current size of the memory balloon.

=item rss

Resident set size of the hypervisor process running the guest.

=item usable

Memory the guest could use without swapping, caches included.

=item last_update

Time, in seconds since the epoch, of the last statistics update
inside the guest.

=item disk_caches

Memory the guest uses for disk caches that it can reclaim at once.

=item hugetlb_pgalloc

Number of huge pages allocated successfully inside the guest.

=item hugetlb_pgfail

Number of huge page allocations that failed inside the guest.

=back

C<$flags> is currently unused and defaults to 0.

=item my $info = $dom->get_block_info($dev, $flags=0)

Describes the host storage behind the guest disk C<$dev> (target name
or backing path). Returns a hash reference with C<capacity>, the size
in bytes the guest sees; C<allocation>, the bytes of the image actually
in use on the host; and C<physical>, the size in bytes of the file or
device holding the image. C<$flags> is currently unused and defaults
to 0.

=item my @errs = $dom->get_disk_errors($flags=0)

Lists the disks of the guest on which an I/O error is pending. Each
element is a hash reference with the disk's C<path> and the C<error>,
one of the C<Sys::Virt::Domain::DISK_ERROR_*> constants. The list is
empty when no disk has an error. C<$flags> is currently unused and
defaults to 0.

=item my @messages = $dom->get_messages($flags=0)

Returns the informative messages libvirt keeps about the guest (such as
use of deprecated features). C<$flags> combines the C<MESSAGE_*>
constants to choose which kinds; 0 means all.

=item $dom->start_dirty_rate_calc($seconds, $flags=0)

Starts measuring how fast the guest dirties its memory, over C<$seconds>
seconds; C<$flags> takes a C<DIRTYRATE_MODE_*> constant. The result is
reported by the domain statistics.

=back

=head2 Background jobs

The long-running operation (save, dump, migration, backup...) a domain may
have in progress.

=over 4

=item my $info = $dom->get_job_info()

Reports progress of the background job running on the guest (a save,
dump, migration...). Returns a hash reference with the keys C<type>
(a C<Sys::Virt::Domain::JOB_*> type constant), C<timeElapsed> and
C<timeRemaining> (milliseconds; the remaining time is only meaningful
for a bounded job), and C<dataTotal>, C<dataProcessed>,
C<dataRemaining>, C<memTotal>, C<memProcessed>, C<memRemaining>,
C<fileTotal>, C<fileProcessed>, C<fileRemaining>: the bytes the job
expects to handle, has handled and still has to handle, overall, for
guest memory and for files. C<get_job_stats> gives more detail.

=item my ($type, $stats) = $dom->get_job_stats($flags=0)

Reports detailed progress of the guest's background job. Returns a
list of two values: C<$type>, a C<Sys::Virt::Domain::JOB_*> type
constant, and C<$stats>, a hash reference whose keys are the job
statistics fields listed under B<JOB STATISTICS FIELDS> (only those the
hypervisor supplies are present). In scalar context only the hash
reference is returned. C<$flags> accepts:

=over 4

=item Sys::Virt::Domain::JOB_STATS_COMPLETED

Report on the most recently finished job instead of the running one.

=item Sys::Virt::Domain::JOB_STATS_KEEP_COMPLETED

With C<JOB_STATS_COMPLETED>, leave the finished job's statistics in
place so that they can be read again.

=back

=item $dom->abort_job($flags=0)

Cancels the background job running on the guest. C<$flags> defaults
to 0 and accepts:

=over 4

=item Sys::Virt::Domain::DOMAIN_ABORT_JOB_POSTCOPY

Stop a migration that is in its post-copy phase; it can later be
restarted with the C<MIGRATE_POSTCOPY_RESUME> migration flag.

=back

=back

=head2 Devices

Changing the virtual hardware, and acting on it directly.

=over 4

=item $dom->attach_device($xml, $flags=0)

Adds the device described by the XML document C<$xml> to the guest.
C<$flags> takes the C<Sys::Virt::Domain::DEVICE_MODIFY_*> constants to
choose whether the running guest, its persistent configuration or both
are changed; with the default 0 the running guest is changed.

=item $dom->detach_device($xml, $flags=0)

Removes from the guest the device matching the XML document C<$xml>.
C<$flags> is as for C<attach_device>.

=item $dom->detach_device_alias($alias, $flags=0)

Removes from the guest the device whose alias (the name in its
C<alias> XML element) is C<$alias>. C<$flags> takes the
C<Sys::Virt::Domain::DEVICE_MODIFY_*> constants and defaults to 0.
The removal may complete asynchronously; a device-removed event
reports when it has.

=item $dom->update_device($xml, $flags=0)

Changes the settings of an existing guest device (e.g. the medium of
a CD-ROM drive) to those of the XML document C<$xml>. C<$flags> takes
the C<Sys::Virt::Domain::DEVICE_MODIFY_*> constants and defaults to 0.

=item $dom->send_key($keycodeset, $holdtime, \@keycodes, $flags=0)

Presses a combination of keys on the guest's keyboard: every key code
in the array reference C<\@keycodes> (between 1 and
C<Sys::Virt::Domain::SEND_KEY_MAX_KEYS> of them) is held down for
C<$holdtime> milliseconds, then released. C<$keycodeset> names the
code set the key codes belong to, one of the
C<Sys::Virt::Domain::KEYCODE_SET_*> constants. C<$flags> is currently
unused and defaults to 0. Dies if C<\@keycodes> is not an array
reference.

=item $dom->inject_nmi($flags=0)

Delivers a non-maskable interrupt to the guest's processors.
C<$flags> is currently unused and defaults to 0.

=item my $data = $dom->block_peek($path, $offset, $size, $flags=0)

Reads C<$size> bytes at byte C<$offset> of the guest disk C<$path>
(target name or backing path), as the guest would see them. Returns
the bytes as a binary string, which may contain NUL bytes. C<$flags>
is currently unused and defaults to 0.

=item my $data = $dom->memory_peek($offset, $size, $flags=0)

Reads C<$size> bytes of guest memory starting at C<$offset>. Returns
them as a binary string, which may contain NUL bytes. C<$flags> says
how C<$offset> is interpreted; although it may be omitted, libvirt
wants one of C<Sys::Virt::Domain::MEMORY_VIRTUAL> or
C<Sys::Virt::Domain::MEMORY_PHYSICAL>. Remote connections limit the
size of one read (16 MiB with current servers).

=item $dom->fd_associate($name, \@fds, $flags=0)

Hands the open file descriptors C<@fds> to the hypervisor driver under
the name C<$name>, for use by the guest configuration. C<$flags> takes
the C<FD_ASSOCIATE_*> constants.

=item $dom->announce_interface($device, $params, $flags=0)

Makes the guest announce where its network interface C<$device> (its
name or MAC address) now is, by sending a burst of gratuitous ARP
packets from it, so that switches learn the new path, e.g. after the
network topology changed. C<$device> is read as a string (as in the C
binding, C<undef> is the empty string, not "every interface").
C<$params> is a hash reference tuning the burst, keyed by the
C<ANNOUNCE_INTERFACE_*> constants, each an unsigned int (0 or absent:
libvirt's default); other keys are ignored. C<$flags> is unused and
defaults to 0. Needs libvirt 12.5.0 or newer
(C<virDomainAnnounceInterface>).

=back

=head2 Block jobs and backups

Long-running operations on the disk images of a running domain. At most
one block job runs per disk; C<get_block_job_info> follows it and block
job events report its end.

=over 4

=item $dom->block_pull($path, $bandwidth, $flags=0)

Starts a job that copies into the guest disk C<$path> all the data
it still reads from its backing images, so that the disk no longer
depends on them. C<$bandwidth> caps the copy rate in MiB/s (0 for no
limit). C<$flags> accepts:

=over 4

=item Sys::Virt::Domain::BLOCK_PULL_BANDWIDTH_BYTES

C<$bandwidth> is given in bytes per second.

=back

=item $dom->block_rebase($path, $base, $bandwidth, $flags=0)

Starts a job that copies into the guest disk C<$path> the data of its
backing images above C<$base>, then makes C<$base> its new backing
image. An undefined C<$base> flattens the whole chain. With
C<Sys::Virt::Domain::BLOCK_REBASE_COPY> it instead copies the disk to
the new image C<$base> (see B<DOMAIN BLOCK REBASE CONSTANTS>). C<$bandwidth>
caps the copy rate in MiB/s (0 for no limit), or in bytes per second
with C<Sys::Virt::Domain::BLOCK_REBASE_BANDWIDTH_BYTES>.

=item $dom->block_copy($path, $destxml, \%params, $flags=0)

Starts a job copying the guest disk C<$path> to the destination
described by C<$destxml>, a C<disk> element of the domain XML format.
The job keeps mirroring guest writes until it is ended with
C<abort_block_job>, which can switch the guest to the copy. The hash
reference C<\%params> tunes the copy; keys other than these are
ignored:

=over 4

=item Sys::Virt::Domain::BLOCK_COPY_BANDWIDTH

Maximum copy rate in bytes per second (0 for no limit).

=item Sys::Virt::Domain::BLOCK_COPY_GRANULARITY

Size in bytes of the blocks the copy tracks as dirty; hypervisors may
require a power of two.

=item Sys::Virt::Domain::BLOCK_COPY_BUF_SIZE

Maximum number of bytes in flight between source and destination.

=back

C<$flags> takes the C<Sys::Virt::Domain::BLOCK_COPY_*> flag constants
and defaults to 0. Dies if C<\%params> is not a hash reference.

=item $dom->block_commit($path, $base, $top, $bandwidth, $flags=0)

Starts a job that merges the data of the backing images of guest disk
C<$path> from C<$top> down to C<$base> into C<$base>, then drops the
merged images from the chain. An undefined C<$top> means the active image,
which can only be committed with
C<Sys::Virt::Domain::BLOCK_COMMIT_ACTIVE>: such a job then waits, once
caught up, to be ended with C<abort_block_job>. An undefined C<$base>
means the bottom of the chain (the image just below C<$top> with
C<Sys::Virt::Domain::BLOCK_COMMIT_SHALLOW>). C<$bandwidth> caps the rate
in MiB/s (0 for no limit), or in bytes per second with
C<Sys::Virt::Domain::BLOCK_COMMIT_BANDWIDTH_BYTES>. C<$flags> takes the
C<Sys::Virt::Domain::BLOCK_COMMIT_*> constants.

=item $dom->block_resize($disk, $newsize, $flags=0)

Changes the size of guest disk C<$disk> to C<$newsize> kilobytes. A
disk in an image format is grown by the hypervisor; for a raw file or
block device the storage must already have been resized, and this
call only tells the hypervisor. C<$flags> accepts:

=over 4

=item Sys::Virt::Domain::BLOCK_RESIZE_BYTES

C<$newsize> is given in bytes.

=item Sys::Virt::Domain::BLOCK_RESIZE_CAPACITY

Make the disk fill the whole of its source (a raw image or a block
device); C<$newsize> is then 0 or exactly that size (libvirt 10.0.0 or
newer).

=item Sys::Virt::Domain::BLOCK_RESIZE_EXTEND

Refuse to make the disk smaller (libvirt 12.3.0 or newer).

=back

=item my $info = $dom->get_block_job_info($path, $flags=0)

Reports on the block job running on guest disk C<$path>. Returns a
hash reference with C<type> (a C<Sys::Virt::Domain::BLOCK_JOB_TYPE_*>
constant), C<bandwidth> (the rate limit, in MiB/s), C<cur> and C<end>
(the progress so far and its end value: the job is done when they are
equal; an C<end> of 1 means the progress is unknown). All values are 0
when no job runs on the disk. C<$flags>
accepts:

=over 4

=item Sys::Virt::Domain::BLOCK_JOB_INFO_BANDWIDTH_BYTES

Report C<bandwidth> in bytes per second.

=back

=item $dom->set_block_job_speed($path, $bandwidth, $flags=0)

Changes the rate limit of the block job running on guest disk
C<$path> to C<$bandwidth> MiB/s. C<$flags> accepts:

=over 4

=item Sys::Virt::Domain::BLOCK_JOB_SPEED_BANDWIDTH_BYTES

C<$bandwidth> is given in bytes per second.

=back

=item $dom->abort_block_job($path, $flags=0)

Ends the block job running on guest disk C<$path>. C<$flags> takes the
B<DOMAIN BLOCK JOB ABORT CONSTANTS>, e.g. to switch the guest over to the
finished copy of a copy job, and defaults to 0.

=item $dom->set_block_threshold($dev, $threshold, $flags=0)

Asks for a block threshold event once the write position within the
storage of guest disk C<$dev> (a target name, possibly with a
C<[index]> selecting a backing image) passes C<$threshold> bytes. A
threshold of 0 cancels the request. C<$flags> is currently unused and
defaults to 0.

=item $dom->backup_begin($backupxml, $checkpointxml=undef, $flags=0)

Starts a backup job that saves the state of the guest disks named by
the backup XML document C<$backupxml> as of now, either by pushing it
to files or by serving it to a client. When C<$checkpointxml> is
defined, a checkpoint described by it is created at the same instant.
C<$flags> defaults to 0 and accepts:

=over 4

=item Sys::Virt::Domain::BACKUP_BEGIN_REUSE_EXTERNAL

Use the target and scratch files the caller has already created with
the right format and size, instead of creating them.

=item Sys::Virt::Domain::BACKUP_BEGIN_PRESERVE_SHUTDOWN_DOMAIN

Keep the domain (paused) if its guest operating system shuts down
while the backup runs, so that the backup can finish (libvirt 11.10.0
or newer).

=back

=item my $xml = $dom->backup_get_xml_description($flags=0)

Returns the XML document describing the backup job currently running
on the guest. Raises an error if no backup job is running. C<$flags>
is currently unused and defaults to 0.

=back

=head2 Migration

Moving the domain to another host, and tuning migrations in progress.

=over 4

=item my $ddom = $dom->migrate($destcon, \%params, $flags=0)

Moves the guest to the host behind the C<Sys::Virt> connection
C<$destcon>, and returns the C<Sys::Virt::Domain> object for it on the
destination. C<$flags> is a bitwise OR of the B<MIGRATE OPTIONS>
constants. The hash reference C<\%params> sets the migration
parameters; keys other than these are ignored:

=over 4

=item Sys::Virt::Domain::MIGRATE_PARAM_URI

Hypervisor-specific URI on which the destination receives the
migration data (a string). Needed only to pick a particular network
path; libvirt derives one by default.

=item Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME

New name of the guest on the destination (a string), for hypervisors
that can rename during migration.

=item Sys::Virt::Domain::MIGRATE_PARAM_DEST_XML

Domain XML to use for the guest on the destination (a string). It may
only change host-side settings: the guest ABI, devices and name must
stay the same.

=item Sys::Virt::Domain::MIGRATE_PARAM_PERSIST_XML

Domain XML to store as the persistent configuration on the
destination (a string), when it must differ from the live one.

=item Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH

Bandwidth limit in MiB/s (an unsigned 64-bit integer); 0 lets libvirt
choose.

=item Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH_POSTCOPY

Bandwidth limit in MiB/s for the post-copy phase (an unsigned 64-bit
integer).

=item Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH_AVAIL_SWITCHOVER

The bandwidth in MiB/s available for the last step of a pre-copy
migration, when the vCPUs are stopped and the rest of the memory and
device state moves (an unsigned 64-bit integer). Giving it replaces the
hypervisor's own estimate, which decides when the remaining data fits
in the allowed downtime, and can help a migration that never converges
(libvirt 11.1.0 or newer).

=item Sys::Virt::Domain::MIGRATE_PARAM_GRAPHICS_URI

URI, of the form C<spice://host:port/?tlsPort=N&tlsSubject=...> or
C<vnc://host:port/>, that graphical console clients are told to
reconnect to once the guest has moved (a string); useful when clients
reach the hosts through a proxy.

=item Sys::Virt::Domain::MIGRATE_PARAM_LISTEN_ADDRESS

Address on which the destination listens for the incoming migration
(a string). It defaults to every address of the host, so restricting
it is advisable where others can reach the host.

=item Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS

The disks to copy in a storage migration, by target name. Takes an
array reference of strings (a single string names one disk).

=item Sys::Virt::Domain::MIGRATE_PARAM_DISKS_DETECT_ZEROES

The disks, by target name, whose copy skips blocks of zeroes found by
reading them, for storage that cannot report them; costs processor
time (the destination image becomes sparse only with the disk's
C<discard='unmap'>). Takes an array reference of strings like
C<MIGRATE_PARAM_MIGRATE_DISKS>. QEMU only, not with tunnelled
migration (libvirt 10.9.0 or newer).

=item Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO

The disks, by target name, whose destination image is known to read as
zeroes already, so that the hypervisor need not clear it first. Takes
an array reference of strings like C<MIGRATE_PARAM_MIGRATE_DISKS>. QEMU
only (libvirt 12.2.0 or newer).

=item Sys::Virt::Domain::MIGRATE_PARAM_DISK_PORT

Port on which the destination receives the disk data of a storage
migration (an integer); 0 lets libvirt choose.

=item Sys::Virt::Domain::MIGRATE_PARAM_DISKS_URI

URI on which the destination receives the disk data of a storage
migration (a string), when it differs from the default.

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION

Compression method for the migration data, such as C<xbzrle> or
C<mt>. Takes a string, or an array reference of strings to combine
several methods.

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION_MT_LEVEL

Level of the C<mt> compression, from 0 (none) to 9 (strongest).

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION_MT_THREADS

Number of threads compressing with the C<mt> method.

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION_MT_DTHREADS

Number of threads decompressing with the C<mt> method.

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE

Size in bytes of the page cache used by C<xbzrle> compression (an
unsigned 64-bit integer).

=item Sys::Virt::Domain::MIGRATE_PARAM_ZLIB_LEVEL

Level of the C<zlib> compression (an integer), from 0 (none) through 1
(fastest) to 9 (smallest) (libvirt 9.4.0 or newer).

=item Sys::Virt::Domain::MIGRATE_PARAM_ZSTD_LEVEL

Level of the C<zstd> compression (an integer), from 0 (none) through 1
(fastest) to 20 (smallest) (libvirt 9.4.0 or newer).

=item Sys::Virt::Domain::MIGRATE_PARAM_AUTO_CONVERGE_INITIAL

Percentage by which guest vCPUs are first slowed down when
auto-convergence sets in (an integer).

=item Sys::Virt::Domain::MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT

Percentage added to the vCPU slow-down each time the migration still
fails to converge (an integer).

=item Sys::Virt::Domain::MIGRATE_PARAM_PARALLEL_CONNECTIONS

Number of connections carrying the data of a parallel migration (an
integer).

=item Sys::Virt::Domain::MIGRATE_PARAM_TLS_DESTINATION

Host name to check the destination's TLS certificate against, when
it differs from the name used to reach the destination (a string).

=back

Dies if C<\%params> is not a hash reference.

=item my $ddom = $dom->migrate($destcon, $flags=0, $dname=undef, $uri=undef, $bandwidth=0)

The older form of C<migrate>, with the destination name, migration
URI and bandwidth limit as positional arguments; each defined one is
turned into the corresponding parameter. New code should pass a hash
reference instead.

=item my $ddom = $dom->migrate2($destcon, $dxml, $flags, $dname, $uri, $bandwidth)

Like the positional form of C<migrate>, with in addition C<$dxml>, the
domain XML to use on the destination. New code should pass a hash
reference to C<migrate> instead.

=item $dom->migrate_to_uri($desturi, \%params, $flags=0)

Moves the guest to another host without a C<Sys::Virt> connection to
it. With the C<MIGRATE_PEER2PEER> flag, C<$desturi> is the libvirt URI
of the destination host, to which the source host connects itself.
Without it the hypervisor migrates directly: C<$desturi> should then
be undef (passed to libvirt as NULL) and the target is given by
C<MIGRATE_PARAM_URI>. C<\%params> and C<$flags> are as for
C<migrate>. Returns nothing.

=item $dom->migrate_to_uri($desturi, $flags=0, $dname=undef, $bandwidth=0)

The older form of C<migrate_to_uri>, with the destination name and
bandwidth limit as positional arguments. A migration URI may also be
given, before the bandwidth:
C<< $dom->migrate_to_uri($desturi, $flags, $dname, $uri, $bandwidth) >>
(with exactly three arguments after C<$desturi>, a third one made of
digits only is taken as the bandwidth, anything else as the URI). New
code should pass a hash reference instead.

=item $dom->migrate_to_uri2($dconnuri, $miguri, $dxml, $flags, $dname, $bandwidth)

Like the positional form of C<migrate_to_uri>, with the migration URI
C<$miguri> and the domain XML to use on the destination C<$dxml>;
C<$dconnuri> is the libvirt URI of the destination host for a
peer-to-peer migration. Undefined arguments are left out. New code
should pass a hash reference to C<migrate_to_uri> instead.

=item $dom->migrate_set_max_downtime($downtime, $flags=0)

Sets how long, in milliseconds, the guest may be paused at the end of
a live migration while its last pages are sent. Allowing more makes
it likelier that a busy guest's migration completes. C<$flags> is
currently unused and defaults to 0.

=item my $downtime = $dom->migrate_get_max_downtime($flags=0)

Returns the longest pause, in milliseconds, allowed at the end of a
live migration of the guest. C<$flags> is currently unused and
defaults to 0.

=item $dom->migrate_set_max_speed($bandwidth, $flags=0)

Limits the bandwidth of migrations of the guest to C<$bandwidth> MiB/s.
C<$flags> accepts:

=over 4

=item Sys::Virt::Domain::MIGRATE_MAX_SPEED_POSTCOPY

Set the limit of the post-copy phase rather than of the pre-copy
phase.

=back

=item my $bandwidth = $dom->migrate_get_max_speed($flags=0)

Returns the migration bandwidth limit of the guest in MiB/s. C<$flags>
accepts C<Sys::Virt::Domain::MIGRATE_MAX_SPEED_POSTCOPY> to read the
post-copy limit.

=item $dom->migrate_set_compression_cache($cacheSize, $flags=0)

Sets the size in bytes of the cache used to compress pages during
migration of the guest. C<$flags> is currently unused and defaults to
0.

=item my $cacheSize = $dom->migrate_get_compression_cache($flags=0)

Returns the size in bytes of the migration compression cache of the
guest. C<$flags> is currently unused and defaults to 0.

=item $dom->migrate_start_post_copy($flags=0)

Switches a running migration of the guest to post-copy: the guest
resumes on the destination at once and fetches its remaining memory
from the source on demand. The migration must have been started with
the C<Sys::Virt::Domain::MIGRATE_POSTCOPY> flag. C<$flags> is currently
unused and defaults to 0.

=back

=head2 Guest agent

Requests carried out inside the guest operating system. Most of them need
a guest agent running in the guest and connected to the hypervisor; they
fail when it is not there.

=over 4

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

=item my $info = $dom->get_guest_info($types=0, $flags=0)

Asks the guest agent for information about the guest OS, returned as one
flat hash reference whose keys are described by libvirt's
C<virDomainGetGuestInfo> documentation (such as C<os.id> or
C<user.count>). C<$types> combines the C<GUEST_INFO_*> constants; 0 means
everything.

=item my $info = $dom->get_guest_vcpus($flags=0)

Asks the guest agent which virtual CPUs the guest OS sees, returning a
hash reference with the keys C<vcpus>, C<online> and C<offlinable>, each a
textual CPU list.

=item $dom->set_guest_vcpus($cpulist, $state, $flags=0)

Asks the guest agent to bring the vCPUs in the textual list C<$cpulist>
online (C<$state> true) or offline.

=item my @filesystems = $dom->get_fs_info($flags=0)

Asks the guest agent about mounted file systems; returns one hash
reference per file system with the keys C<mountpoint>, C<name> (device in
the guest), C<fstype> and C<devalias> (array reference of the guest disk
targets backing it).

=item $dom->fs_freeze(\@mount_points, $flags=0)

Asks the guest agent to freeze the file systems mounted at
C<@mount_points>, or every file system if the list is empty.

=item $dom->fs_thaw(\@mount_points, $flags=0)

Asks the guest agent to thaw the file systems mounted at C<@mount_points>,
or every file system if the list is empty.

=item $dom->fs_trim($mount_point, $minimum, $flags=0)

Asks the guest agent to discard unused blocks of the file system mounted
at C<$mount_point>, in runs of at least C<$minimum> bytes. An undefined
C<$mount_point> trims every file system.

=item my @interfaces = $dom->get_interface_addresses($source, $flags=0)

Returns the network interfaces of the guest and their IP addresses, as
learnt from C<$source> (an C<INTERFACE_ADDRESSES_SRC_*> constant). Each
element is a hash reference with the keys C<name>, C<hwaddr> (undef when
unknown) and C<addrs>, an array reference of hash references with the
keys C<type> (C<Sys::Virt::IP_ADDR_TYPE_*>), C<addr> and C<prefix>.

=item $dom->set_user_password($user, $password, $flags=0)

Asks the guest agent to set the password of account C<$user>. With
C<PASSWORD_ENCRYPTED> in C<$flags>, C<$password> is already encrypted.

=item my @keys = $dom->authorized_ssh_keys_get($user, $flags=0)

Asks the guest agent for the SSH public keys authorised for C<$user>.

=item $dom->authorized_ssh_keys_set($user, \@keys, $flags=0)

Asks the guest agent to replace the SSH keys authorised for C<$user> with
C<@keys>, or with C<AUTHORIZED_SSH_KEYS_SET_APPEND> to add them, or with
C<AUTHORIZED_SSH_KEYS_SET_REMOVE> to remove them.

=item $dom->send_process_signal($pid, $signum, $flags=0)

Sends signal C<$signum> (one of the C<PROCESS_SIGNAL_*> constants, not a
host signal number) to process C<$pid> of the guest.

=item $dom->set_agent_response_timeout($seconds, $flags=0)

Sets how long, in seconds, to wait for the guest agent to reply; the
C<AGENT_RESPONSE_TIMEOUT_*> constants give the special values.

=back

=head2 Security

Security labels and confidential computing.

=over 4

=item my $label = $dom->get_security_label()

Returns the first security label of the guest as a hash reference with
the keys C<label> (the label text) and C<enforcing> (true when the
security driver enforces it). There is no C<model> key, whatever older
documentation said: the name of the security model (e.g. C<selinux>)
comes from C<get_node_security_model> in L<Sys::Virt>.

=item my @labels = $dom->get_security_label_list()

Returns every security label of the guest, as hash references with the
keys described for C<get_security_label>.

=item my $info = $dom->get_launch_security_info($flags=0)

Returns a hash reference describing the launch security (e.g. AMD SEV) of
the guest, keyed by the C<LAUNCH_SECURITY_*> constants.

=item $dom->set_launch_security_state(\%params, $flags=0)

Injects a launch secret into a guest started with launch security. The
keys are C<LAUNCH_SECURITY_SEV_SECRET>, C<LAUNCH_SECURITY_SEV_SECRET_HEADER>
(both base64 strings) and C<LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS>; other
keys are ignored.

=back

=head2 Consoles, channels and graphics

Talking to the guest's text consoles, data channels and displays. Consoles
and channels are read and written through a L<Sys::Virt::Stream> created
beforehand with C<< $conn->new_stream >>.

=over 4

=item $dom->open_console($st, $devname, $flags=0)

Connect the L<Sys::Virt::Stream> C<$st> to a text console of the guest
(a serial, parallel or paravirtualized console device), for
reading what the guest prints and sending it input. C<$devname> names
the device (its alias); undef opens the default console. C<$flags>
takes C<Sys::Virt::Domain::OPEN_CONSOLE_FORCE> (take the console over
from another client holding it) and
C<Sys::Virt::Domain::OPEN_CONSOLE_SAFE> (fail unless the driver can
guarantee exclusive access). Returns nothing.

=item $dom->open_channel($st, $name, $flags=0)

Connect the L<Sys::Virt::Stream> C<$st> to the guest data channel
called C<$name> (for example C<org.qemu.guest_agent.0>); undef picks
the first channel. C<$flags> takes
C<Sys::Virt::Domain::OPEN_CHANNEL_FORCE> to take the channel over from
another client. Returns nothing.

=item $dom->open_graphics($index, $fd, $flags=0)

Connects graphics device number C<$index> of the guest to the socket
whose file descriptor is C<$fd> (e.g. one end of a C<socketpair>).
C<$flags> takes C<OPEN_GRAPHICS_SKIPAUTH>.

=item my $fd = $dom->open_graphics_fd($index, $flags=0)

Returns a new file descriptor connected to graphics device number
C<$index> of the guest. C<$flags> takes C<OPEN_GRAPHICS_SKIPAUTH>.

=item $dom->graphics_reload($type, $flags=0)

Makes the hypervisor reload the graphics servers of the running guest
(for instance to pick up renewed TLS certificates) without restarting
it. C<$type> says which: a C<GRAPHICS_RELOAD_TYPE_*> constant (C<ANY>
for all of them). C<$flags> is unused and defaults to 0. Needs libvirt
10.2.0 or newer (C<virDomainGraphicsReload>).

=item my $mimetype = $dom->screenshot($st, $screen, $flags=0)

Take a picture of the guest's display number C<$screen> (0 for the
first; guests with several heads or video cards have more). The image
is delivered through C<$st>, a L<Sys::Virt::Stream> from
C<< $conn->new_stream >>, to be read with C<< $st->recv >> or
C<< $st->recv_all >> and then closed with C<< $st->finish >>. Returns
the MIME type of the image, for instance C<image/png>. C<$flags> is
unused and defaults to 0.

=back

=head2 Snapshots and checkpoints

See L<Sys::Virt::DomainSnapshot> and L<Sys::Virt::DomainCheckpoint> for
what can be done with the objects these methods return.

=over 4

=item my $count = $dom->num_of_snapshots($flags=0)

How many snapshots the domain has. C<$flags> takes the
C<Sys::Virt::DomainSnapshot::LIST_*> filters (for example C<LIST_ROOTS>
to count only the snapshots without a parent).

=item my @names = $dom->list_snapshot_names($maxnames, $flags=0)

The names of at most C<$maxnames> snapshots of the domain, filtered by
C<$flags> as for C<num_of_snapshots>. The usual pattern passes the count
just returned by C<num_of_snapshots>. A name turns into an object with
C<get_snapshot_by_name>.
A C<$maxnames> above 16,384 (libvirt's list limit: the remote driver
refuses more) is lowered to 16,384.

=item my @snapshots = $dom->list_snapshots()

All the snapshots of the domain, as L<Sys::Virt::DomainSnapshot>
objects, found by listing their names and looking each one up (a
snapshot deleted in between is skipped). C<list_all_snapshots> does the
same in a single call and should be preferred.

=item my @snapshots = $dom->list_all_snapshots($flags=0)

The snapshots of the domain, as L<Sys::Virt::DomainSnapshot> objects,
in one call. C<$flags> takes the C<Sys::Virt::DomainSnapshot::LIST_*>
constants to filter (roots, leaves, active or inactive guest, internal
or external storage...) or to order the list (C<LIST_TOPOLOGICAL>).

=item my $snapshot = $dom->get_snapshot_by_name($name)

The snapshot called C<$name>, as a L<Sys::Virt::DomainSnapshot>
object. Dies with C<Sys::Virt::Error::ERR_NO_DOMAIN_SNAPSHOT> when the
domain has no such snapshot.

=item my $bool = $dom->has_current_snapshot($flags=0)

1 if the domain has a current snapshot (the one the guest was last
snapshotted to or reverted to), 0 otherwise. C<$flags> is unused and
defaults to 0.

=item my $snapshot = $dom->current_snapshot($flags=0)

The current snapshot of the domain, as a L<Sys::Virt::DomainSnapshot>
object. Dies with C<Sys::Virt::Error::ERR_NO_DOMAIN_SNAPSHOT> when there
is none. C<$flags> is unused and defaults to 0.

=item my $snapshot = $dom->create_snapshot($xml, $flags=0)

Take a snapshot of the domain as described by the C<< <domainsnapshot> >>
XML document C<$xml> (an empty C<< <domainsnapshot/> >> lets libvirt
choose a name), and return it as a L<Sys::Virt::DomainSnapshot>
object; it normally becomes the current snapshot. C<$flags> takes the
C<Sys::Virt::DomainSnapshot::CREATE_*> constants.

=item my @checkpoints = $dom->list_all_checkpoints($flags=0)

The checkpoints of the domain, as L<Sys::Virt::DomainCheckpoint>
objects. C<$flags> takes the C<Sys::Virt::DomainCheckpoint::LIST_*>
constants to filter or order the list.

=item my $checkpoint = $dom->get_checkpoint_by_name($name)

The checkpoint called C<$name>, as a L<Sys::Virt::DomainCheckpoint>
object. Dies with C<Sys::Virt::Error::ERR_NO_DOMAIN_CHECKPOINT> when the
domain has no such checkpoint.

=item my $checkpoint = $dom->create_checkpoint($xml, $flags=0)

Create a checkpoint of the domain as described by the
C<< <domaincheckpoint> >> XML document C<$xml>, and return it as a
L<Sys::Virt::DomainCheckpoint> object. C<$flags> takes the
C<Sys::Virt::DomainCheckpoint::CREATE_*> constants.

=back

=head2 QEMU monitor and agent, LXC namespaces

These methods call libvirt's C<libvirt-qemu> and C<libvirt-lxc>
libraries (C<libvirt-qemu.so.0>, C<libvirt-lxc.so.0>), which the module
opens the first time one of them is called: where a library is absent,
its methods raise C<Sys::Virt::Error::ERR_NO_SUPPORT> with a message
naming the library, and everything else works as ever. Drivers other
than QEMU's (or LXC's) raise C<ERR_NO_SUPPORT> too. What they do goes
behind libvirt's back: libvirt does not know about the changes a monitor
command makes, and entering a container's namespaces changes the calling
process for good (do it in a child process).

=over 4

=item my $reply = $dom->qemu_monitor_command($cmd, $flags=0)

Sends the command C<$cmd> to the QEMU monitor of the running guest and
returns QEMU's reply as a string. C<$cmd> is a QMP command in JSON
(C<{"execute":"query-status"}>; the reply is the JSON object QEMU sends,
with its C<return> or C<error> member), or, with the flag
C<Sys::Virt::Domain::QEMU_MONITOR_COMMAND_HMP>, a human monitor command
(C<info version>; the reply is its text output). An undefined C<$cmd>
dies.

=item my ($reply, @fds) = $dom->qemu_monitor_command_with_files($cmd, \@fds, $flags=0)

As C<qemu_monitor_command>, also passing the open file descriptors
C<@fds> to QEMU with the command (for C<getfd>, C<add-fd>...: QEMU gets
copies, the caller keeps and closes its own). Returns the reply followed
by the file descriptors QEMU passed back, if any, which are now the
caller's to close. C<\@fds> must be an array reference of integers
(possibly empty). Needs libvirt 8.2.0 or newer
(C<virDomainQemuMonitorCommandWithFiles>).

=item my $reply = $dom->qemu_agent_command($cmd, $timeout=Sys::Virt::Domain::QEMU_AGENT_COMMAND_DEFAULT, $flags=0)

Sends the JSON command C<$cmd> to the QEMU guest agent in the guest and
returns its reply. C<$timeout> is a number of seconds to wait for the
reply, or one of the C<QEMU_AGENT_COMMAND_*> constants (wait forever,
libvirt's default, do not wait). C<$flags> is unused and defaults to 0.
A guest without an agent channel raises
C<Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED>; one whose agent does not
answer raises C<Sys::Virt::Error::ERR_AGENT_UNRESPONSIVE>.

=item my @fds = $dom->lxc_open_namespace($flags=0)

Opens the namespaces of the LXC container and returns their file
descriptors, which are the caller's to close. C<$flags> is unused and
defaults to 0.

=item my @oldfds = $dom->lxc_enter_namespace(\@fds, $flags=0)

Moves the calling process into the namespaces of the file descriptors
C<@fds> (from C<lxc_open_namespace>) and returns file descriptors of the
namespaces it was in, which are the caller's to close and take it back
when entered in turn (libvirt opens them from C</proc/self/ns>: none when
the process's C</proc> is one where it is not visible, such as a
container's). C<$flags> is unused and defaults to 0.

=item $dom->lxc_enter_cgroup($flags=0)

Moves the calling process into the cgroups of the LXC container.
C<$flags> is unused and defaults to 0.

=back

=head1 CONSTANTS

Most methods take a C<$flags> argument for which 0 is the usual value.
The constants below name the values these methods accept or return; each
is a function of no arguments in the C<Sys::Virt::Domain> package. They
come in the order of the method groups above, followed by the constants
that methods of the L<Sys::Virt> connection use for domains: listing,
bulk statistics and events.

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

=item Sys::Virt::Domain::STATE_PAUSED_API_ERROR

Left paused because an operation that pauses the domain while it works
(a migration, a snapshot...) could not resume it at its end (libvirt
9.2.0 or newer).

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

=head2 LIFECYCLE ACTIONS

Arguments of C<set_lifecycle_action>.

=over 4

=item Sys::Virt::Domain::LIFECYCLE_POWEROFF

The guest powers off.

=item Sys::Virt::Domain::LIFECYCLE_REBOOT

The guest reboots.

=item Sys::Virt::Domain::LIFECYCLE_CRASH

The guest crashes.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_DESTROY

Stop the guest.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_RESTART

Restart the guest.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_RESTART_RENAME

Restart the guest under a new name.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_PRESERVE

Keep the guest in its current state.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_COREDUMP_DESTROY

Dump the guest's core, then stop it.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_COREDUMP_RESTART

Dump the guest's core, then restart it.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_PRESERVE_RUNNING

Keep the domain as it is, running (libvirt 12.6.0 or newer; libvirt's
headers describe it no further).

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

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT

The format of the image (a string): one of the C<SAVE_PARAM_IMAGE_FORMAT_*>
values below (named by libvirt 12.0.0). Without it the QEMU driver uses
the C<save_image_format> of its C<qemu.conf>, by default C<raw> (libvirt
11.2.0 or newer).

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_RAW

A plain, uncompressed image.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_SPARSE

An uncompressed image written as a sparse file.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_GZIP

An image compressed with gzip.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_BZIP2

An image compressed with bzip2.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_XZ

An image compressed with xz.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_LZOP

An image compressed with lzop.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_ZSTD

An image compressed with zstd.

=item Sys::Virt::Domain::SAVE_PARAM_PARALLEL_CHANNELS

The number of I/O channels writing the image in parallel (an integer)
(libvirt 11.2.0 or newer).

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

=head2 CHANGE SCOPE FLAGS

Flags of most tunable getters and setters.

=over 4

=item Sys::Virt::Domain::AFFECT_CURRENT

The live state of a running guest, else its saved configuration.

=item Sys::Virt::Domain::AFFECT_LIVE

The running guest only.

=item Sys::Virt::Domain::AFFECT_CONFIG

The saved configuration only.

=back

=head2 MEMORY FLAGS

Flags of C<set_memory> and C<set_memory_stats_period>.

=over 4

=item Sys::Virt::Domain::MEM_CURRENT

Change the live state of a running guest, else its saved configuration.

=item Sys::Virt::Domain::MEM_LIVE

Change the running guest.

=item Sys::Virt::Domain::MEM_CONFIG

Change the saved configuration.

=item Sys::Virt::Domain::MEM_MAXIMUM

Change the maximum memory rather than the current amount.

=back

=head2 VCPU COUNT FLAGS

Flags of C<get_vcpus> and C<set_vcpus>.

=over 4

=item Sys::Virt::Domain::VCPU_CURRENT

Use the live state of a running guest, else its saved configuration.

=item Sys::Virt::Domain::VCPU_LIVE

Use the live state of the running guest.

=item Sys::Virt::Domain::VCPU_CONFIG

Use the saved configuration.

=item Sys::Virt::Domain::VCPU_MAXIMUM

Use the maximum vCPU count rather than the current one.

=item Sys::Virt::Domain::VCPU_GUEST

Ask the guest agent, i.e. what the guest OS uses.

=item Sys::Virt::Domain::VCPU_HOTPLUGGABLE

Add or remove vCPUs in a way that can be undone by hot-(un)plug.

=item Sys::Virt::Domain::VCPU_ASYNC_UNPLUG

When removing vCPUs from the running guest, return once the request is
sent instead of waiting for the guest to give them up (libvirt 12.4.0
or newer).

=back

=head2 SETVCPU FLAGS

Flags of C<set_vcpu> (libvirt 12.4.0 named them; the first three are
the C<AFFECT_*> constants under another name):

=over 4

=item Sys::Virt::Domain::SETVCPU_AFFECT_CURRENT

Change the running guest if it is running, else its saved
configuration.

=item Sys::Virt::Domain::SETVCPU_AFFECT_LIVE

Change the running guest.

=item Sys::Virt::Domain::SETVCPU_AFFECT_CONFIG

Change the saved configuration.

=item Sys::Virt::Domain::SETVCPU_ASYNC_UNPLUG

When turning vCPUs off in the running guest, return once the requests
are accepted instead of waiting for the guest to give them up; each
removal is then reported by an C<EVENT_ID_VCPU_REMOVED> event (libvirt
12.4.0 or newer).

=back

=head2 VCPU STATES

Values of the C<state> key of C<get_vcpu_info>.

=over 4

=item Sys::Virt::Domain::VCPU_OFFLINE

The vCPU is offline.

=item Sys::Virt::Domain::VCPU_RUNNING

The vCPU is running guest code.

=item Sys::Virt::Domain::VCPU_BLOCKED

The vCPU is waiting (blocked) on the host.

=back

=head2 VCPU HOST PLACEMENT

Special values of the C<cpu> key where a hypervisor reports one.

=over 4

=item Sys::Virt::Domain::VCPU_INFO_CPU_OFFLINE

The vCPU is offline, so it has no host CPU.

=item Sys::Virt::Domain::VCPU_INFO_CPU_UNAVAILABLE

The hypervisor does not say which host CPU the vCPU is on.

=back

=head2 IOTHREAD PARAMETERS

Keys of C<set_iothread>.

=over 4

=item Sys::Virt::Domain::IOTHREAD_PARAM_POLL_MAX_NS

Longest time, in nanoseconds, the thread busy-polls before sleeping (0
turns polling off).

=item Sys::Virt::Domain::IOTHREAD_PARAM_POLL_GROW

Factor by which the polling time grows.

=item Sys::Virt::Domain::IOTHREAD_PARAM_POLL_SHRINK

Divisor by which the polling time shrinks.

=item Sys::Virt::Domain::IOTHREAD_PARAM_THREAD_POOL_MIN

Smallest number of worker threads of the IOThread.

=item Sys::Virt::Domain::IOTHREAD_PARAM_THREAD_POOL_MAX

Largest number of worker threads of the IOThread.

=item Sys::Virt::Domain::IOTHREAD_PARAM_POLL_WEIGHT

How strongly the latest interval between events steers the adaptive
polling time: a shift from 0 to 63, larger values adapting more
slowly; 0 lets the hypervisor choose (an unsigned integer) (libvirt
12.7.0 or newer).

=back

=head2 SCHEDULER PARAMETERS

Keys of C<get_scheduler_parameters> / C<set_scheduler_parameters>; each
hypervisor supports a subset.

=over 4

=item Sys::Virt::Domain::SCHEDULER_CAP

Maximum CPU use in percent of one CPU (Xen credit scheduler).

=item Sys::Virt::Domain::SCHEDULER_CPU_SHARES

Relative CPU weight (cgroups shares).

=item Sys::Virt::Domain::SCHEDULER_EMULATOR_PERIOD

Bandwidth period of the emulator threads.

=item Sys::Virt::Domain::SCHEDULER_EMULATOR_QUOTA

Bandwidth quota of the emulator threads.

=item Sys::Virt::Domain::SCHEDULER_GLOBAL_PERIOD

Bandwidth period of the whole guest.

=item Sys::Virt::Domain::SCHEDULER_GLOBAL_QUOTA

Bandwidth quota of the whole guest.

=item Sys::Virt::Domain::SCHEDULER_IOTHREAD_PERIOD

Bandwidth period of the IOThreads.

=item Sys::Virt::Domain::SCHEDULER_IOTHREAD_QUOTA

Bandwidth quota of the IOThreads.

=item Sys::Virt::Domain::SCHEDULER_LIMIT

CPU limit (ESX).

=item Sys::Virt::Domain::SCHEDULER_RESERVATION

Reserved CPU (ESX).

=item Sys::Virt::Domain::SCHEDULER_SHARES

CPU shares (ESX).

=item Sys::Virt::Domain::SCHEDULER_VCPU_PERIOD

Bandwidth period of each vCPU, microseconds.

=item Sys::Virt::Domain::SCHEDULER_VCPU_QUOTA

Bandwidth quota of each vCPU per period, microseconds.

=item Sys::Virt::Domain::SCHEDULER_WEIGHT

Relative weight (Xen credit scheduler and others).

=back

=head2 MEMORY PARAMETERS

Keys of C<get_memory_parameters> / C<set_memory_parameters>, in KiB.

=over 4

=item Sys::Virt::Domain::MEMORY_HARD_LIMIT

The most memory the guest may use.

=item Sys::Virt::Domain::MEMORY_SOFT_LIMIT

The memory the guest is pushed back to when the host is short of memory.

=item Sys::Virt::Domain::MEMORY_SWAP_HARD_LIMIT

The most memory plus swap the guest may use.

=item Sys::Virt::Domain::MEMORY_MIN_GUARANTEE

The memory the guest is guaranteed to keep.

=item Sys::Virt::Domain::MEMORY_PARAM_UNLIMITED

The value meaning "no limit".

=back

=head2 BLOCK I/O PARAMETERS

Keys of C<get_blkio_parameters> / C<set_blkio_parameters>.

=over 4

=item Sys::Virt::Domain::BLKIO_WEIGHT

Relative I/O weight of the guest.

=item Sys::Virt::Domain::BLKIO_DEVICE_WEIGHT

Per-device weights, as C<"/dev/sda,100,/dev/sdb,200">.

=item Sys::Virt::Domain::BLKIO_DEVICE_READ_BPS

Per-device read limits in bytes per second, same format.

=item Sys::Virt::Domain::BLKIO_DEVICE_READ_IOPS

Per-device read limits in operations per second, same format.

=item Sys::Virt::Domain::BLKIO_DEVICE_WRITE_BPS

Per-device write limits in bytes per second, same format.

=item Sys::Virt::Domain::BLKIO_DEVICE_WRITE_IOPS

Per-device write limits in operations per second, same format.

=back

=head2 NUMA PARAMETERS

Keys of C<get_numa_parameters> / C<set_numa_parameters>, and the placement
modes.

=over 4

=item Sys::Virt::Domain::NUMA_MODE

The placement mode, one of the C<NUMATUNE_MEM_*> values.

=item Sys::Virt::Domain::NUMA_NODESET

The host NUMA nodes to use, as a textual list like C<"0-1">.

=item Sys::Virt::Domain::NUMATUNE_MEM_STRICT

Memory must come from the listed nodes.

=item Sys::Virt::Domain::NUMATUNE_MEM_PREFERRED

Memory comes from the listed node when possible.

=item Sys::Virt::Domain::NUMATUNE_MEM_INTERLEAVE

Memory is spread across the listed nodes.

=item Sys::Virt::Domain::NUMATUNE_MEM_RESTRICTIVE

Memory is restricted to the nodes by cgroups only.

=back

=head2 INTERFACE PARAMETERS

Keys of C<get_interface_parameters> / C<set_interface_parameters>.

=over 4

=item Sys::Virt::Domain::BANDWIDTH_IN_AVERAGE

Average inbound rate, KiB/s.

=item Sys::Virt::Domain::BANDWIDTH_IN_PEAK

Peak inbound rate, KiB/s.

=item Sys::Virt::Domain::BANDWIDTH_IN_BURST

Inbound burst size, KiB.

=item Sys::Virt::Domain::BANDWIDTH_IN_FLOOR

Guaranteed minimum inbound rate, KiB/s.

=item Sys::Virt::Domain::BANDWIDTH_OUT_AVERAGE

Average outbound rate, KiB/s.

=item Sys::Virt::Domain::BANDWIDTH_OUT_PEAK

Peak outbound rate, KiB/s.

=item Sys::Virt::Domain::BANDWIDTH_OUT_BURST

Outbound burst size, KiB.

=back

=head2 INTERFACE ANNOUNCE PARAMETERS

Keys of the parameters of C<announce_interface>, which makes the guest's
network interfaces send gratuitous ARP packets so that switches learn
where their MAC addresses now are. Each takes a number; left out or 0,
libvirt's default applies (libvirt 12.5.0 or newer).

=over 4

=item Sys::Virt::Domain::ANNOUNCE_INTERFACE_INITIAL

Delay before the first packet, in milliseconds (default 50).

=item Sys::Virt::Domain::ANNOUNCE_INTERFACE_MAX

Longest delay between two packets, in milliseconds (default 550).

=item Sys::Virt::Domain::ANNOUNCE_INTERFACE_ROUNDS

Number of packets to send (default 5).

=item Sys::Virt::Domain::ANNOUNCE_INTERFACE_STEP

Amount by which the delay grows after each packet, in milliseconds
(default 50).

=back

=head2 BLOCK I/O TUNING PARAMETERS

Keys of C<get_block_iotune> / C<set_block_iotune>.

=over 4

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC

Limit on total throughput, bytes per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX

Burst limit on total throughput, bytes per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX_LENGTH

How many seconds the total bytes burst may last.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_IOPS_SEC

Limit on total throughput, operations per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX

Burst limit on total throughput, operations per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX_LENGTH

How many seconds the total operations burst may last.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_BYTES_SEC

Limit on read throughput, bytes per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_BYTES_SEC_MAX

Burst limit on read throughput, bytes per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_BYTES_SEC_MAX_LENGTH

How many seconds the read bytes burst may last.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_IOPS_SEC

Limit on read throughput, operations per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_IOPS_SEC_MAX

Burst limit on read throughput, operations per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_IOPS_SEC_MAX_LENGTH

How many seconds the read operations burst may last.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_BYTES_SEC

Limit on write throughput, bytes per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX

Burst limit on write throughput, bytes per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX_LENGTH

How many seconds the write bytes burst may last.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_IOPS_SEC

Limit on write throughput, operations per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX

Burst limit on write throughput, operations per second.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX_LENGTH

How many seconds the write operations burst may last.

=item Sys::Virt::Domain::BLOCK_IOTUNE_SIZE_IOPS_SEC

Size in bytes counted as one operation by the operation limits.

=item Sys::Virt::Domain::BLOCK_IOTUNE_GROUP_NAME

Name of the throttling group the disk shares its limits with.

=back

=head2 PERFORMANCE EVENTS

Keys of C<get_perf_events> / C<set_perf_events>; a true value means the
event is counted.

=over 4

=item Sys::Virt::Domain::PERF_PARAM_ALIGNMENT_FAULTS

Counting of the C<alignment_faults> performance event.

=item Sys::Virt::Domain::PERF_PARAM_BRANCH_INSTRUCTIONS

Counting of the C<branch_instructions> performance event.

=item Sys::Virt::Domain::PERF_PARAM_BRANCH_MISSES

Counting of the C<branch_misses> performance event.

=item Sys::Virt::Domain::PERF_PARAM_BUS_CYCLES

Counting of the C<bus_cycles> performance event.

=item Sys::Virt::Domain::PERF_PARAM_CACHE_MISSES

Counting of the C<cache_misses> performance event.

=item Sys::Virt::Domain::PERF_PARAM_CACHE_REFERENCES

Counting of the C<cache_references> performance event.

=item Sys::Virt::Domain::PERF_PARAM_CMT

Counting of the C<cmt> performance event.

=item Sys::Virt::Domain::PERF_PARAM_CONTEXT_SWITCHES

Counting of the C<context_switches> performance event.

=item Sys::Virt::Domain::PERF_PARAM_CPU_CLOCK

Counting of the C<cpu_clock> performance event.

=item Sys::Virt::Domain::PERF_PARAM_CPU_CYCLES

Counting of the C<cpu_cycles> performance event.

=item Sys::Virt::Domain::PERF_PARAM_CPU_MIGRATIONS

Counting of the C<cpu_migrations> performance event.

=item Sys::Virt::Domain::PERF_PARAM_EMULATION_FAULTS

Counting of the C<emulation_faults> performance event.

=item Sys::Virt::Domain::PERF_PARAM_INSTRUCTIONS

Counting of the C<instructions> performance event.

=item Sys::Virt::Domain::PERF_PARAM_MBML

Counting of the C<mbml> performance event.

=item Sys::Virt::Domain::PERF_PARAM_MBMT

Counting of the C<mbmt> performance event.

=item Sys::Virt::Domain::PERF_PARAM_PAGE_FAULTS

Counting of the C<page_faults> performance event.

=item Sys::Virt::Domain::PERF_PARAM_PAGE_FAULTS_MAJ

Counting of the C<page_faults_maj> performance event.

=item Sys::Virt::Domain::PERF_PARAM_PAGE_FAULTS_MIN

Counting of the C<page_faults_min> performance event.

=item Sys::Virt::Domain::PERF_PARAM_REF_CPU_CYCLES

Counting of the C<ref_cpu_cycles> performance event.

=item Sys::Virt::Domain::PERF_PARAM_STALLED_CYCLES_BACKEND

Counting of the C<stalled_cycles_backend> performance event.

=item Sys::Virt::Domain::PERF_PARAM_STALLED_CYCLES_FRONTEND

Counting of the C<stalled_cycles_frontend> performance event.

=item Sys::Virt::Domain::PERF_PARAM_TASK_CLOCK

Counting of the C<task_clock> performance event.

=back

=head2 CPU STATISTICS

Keys of the hashes of C<get_cpu_stats>, in nanoseconds.

=over 4

=item Sys::Virt::Domain::CPU_STATS_CPUTIME

CPU time used by the guest.

=item Sys::Virt::Domain::CPU_STATS_USERTIME

CPU time spent in user mode (totals only).

=item Sys::Virt::Domain::CPU_STATS_SYSTEMTIME

CPU time spent in kernel mode (totals only).

=item Sys::Virt::Domain::CPU_STATS_VCPUTIME

CPU time used by the vCPUs only, without the hypervisor's overhead.

=back

=head2 BLOCK STATS CONSTANTS

The keys of the extended statistics
of C<block_stats> (the three request counters are returned under their
older names: rd_req, wr_req, flush_reqs).

=over 4

=item Sys::Virt::Domain::BLOCK_STATS_READ_BYTES

Bytes read.

=item Sys::Virt::Domain::BLOCK_STATS_READ_REQ

Read requests (returned as C<rd_req>).

=item Sys::Virt::Domain::BLOCK_STATS_READ_TOTAL_TIMES

Total time spent on reads, in nanoseconds.

=item Sys::Virt::Domain::BLOCK_STATS_WRITE_BYTES

Bytes written.

=item Sys::Virt::Domain::BLOCK_STATS_WRITE_REQ

Write requests (returned as C<wr_req>).

=item Sys::Virt::Domain::BLOCK_STATS_WRITE_TOTAL_TIMES

Total time spent on writes, in nanoseconds.

=item Sys::Virt::Domain::BLOCK_STATS_FLUSH_REQ

Flush requests (returned as C<flush_reqs>).

=item Sys::Virt::Domain::BLOCK_STATS_FLUSH_TOTAL_TIMES

Total time spent on flushes, in nanoseconds.

=item Sys::Virt::Domain::BLOCK_STATS_ERRS

Error count.

=back

=cut

=head2 MEMORY STATISTIC CONSTANTS

The tags of the statistics that
C<memory_stats> returns under the names given with that method.

=over 4

=item Sys::Virt::Domain::MEMORY_STAT_SWAP_IN

Memory read back in from swap (C<swap_in>).

=item Sys::Virt::Domain::MEMORY_STAT_SWAP_OUT

Memory written out to swap (C<swap_out>).

=item Sys::Virt::Domain::MEMORY_STAT_MAJOR_FAULT

Page faults that needed disk I/O (C<major_fault>).

=item Sys::Virt::Domain::MEMORY_STAT_MINOR_FAULT

Page faults without disk I/O (C<minor_fault>).

=item Sys::Virt::Domain::MEMORY_STAT_UNUSED

Memory left unused by the guest (C<unused>).

=item Sys::Virt::Domain::MEMORY_STAT_AVAILABLE

Memory the guest sees in total (C<available>).

=item Sys::Virt::Domain::MEMORY_STAT_ACTUAL_BALLOON

Current balloon size (C<actual_balloon>).

=item Sys::Virt::Domain::MEMORY_STAT_RSS

Resident set size of the guest's process (C<rss>).

=item Sys::Virt::Domain::MEMORY_STAT_USABLE

Memory usable without swapping (C<usable>).

=item Sys::Virt::Domain::MEMORY_STAT_LAST_UPDATE

Time of the guest's last statistics update (C<last_update>).

=item Sys::Virt::Domain::MEMORY_STAT_DISK_CACHES

Reclaimable disk cache memory (C<disk_caches>).

=item Sys::Virt::Domain::MEMORY_STAT_HUGETLB_PGALLOC

Successful huge page allocations (C<hugetlb_pgalloc>).

=item Sys::Virt::Domain::MEMORY_STAT_HUGETLB_PGFAIL

Failed huge page allocations (C<hugetlb_pgfail>).

=back

=head2 DISK ERROR CONSTANTS

The error values of C<get_disk_errors>.

=over 4

=item Sys::Virt::Domain::DISK_ERROR_NONE

The disk has no error.

=item Sys::Virt::Domain::DISK_ERROR_UNSPEC

The disk hit an error of an unspecified kind.

=item Sys::Virt::Domain::DISK_ERROR_NO_SPACE

The storage of the disk ran out of space.

=back

=head2 MESSAGES

Flags of C<get_messages>.

=over 4

=item Sys::Virt::Domain::MESSAGE_DEPRECATION

Use of deprecated features.

=item Sys::Virt::Domain::MESSAGE_TAINTING

Actions that taint the guest (make it unsupported).

=item Sys::Virt::Domain::MESSAGE_IOERRORS

The I/O error messages recorded for the disk images (libvirt 11.1.0 or
newer).

=back

=head2 DIRTY RATE CALCULATION

Modes of C<start_dirty_rate_calc> and states reported afterwards.

=over 4

=item Sys::Virt::Domain::DIRTYRATE_MODE_PAGE_SAMPLING

Estimate by sampling pages.

=item Sys::Virt::Domain::DIRTYRATE_MODE_DIRTY_BITMAP

Use the dirty page bitmap.

=item Sys::Virt::Domain::DIRTYRATE_MODE_DIRTY_RING

Use the dirty ring.

=item Sys::Virt::Domain::DIRTYRATE_UNSTARTED

No measurement has been started.

=item Sys::Virt::Domain::DIRTYRATE_MEASURING

A measurement is running.

=item Sys::Virt::Domain::DIRTYRATE_MEASURED

A measurement has completed.

=back

=head2 JOB TYPES

The type returned by C<get_job_info> and
C<get_job_stats>.

=over 4

=item Sys::Virt::Domain::JOB_NONE

No job is running.

=item Sys::Virt::Domain::JOB_BOUNDED

A job whose amount of work is known in advance is running.

=item Sys::Virt::Domain::JOB_UNBOUNDED

A job whose end cannot be predicted is running.

=item Sys::Virt::Domain::JOB_COMPLETED

The job has finished, successfully.

=item Sys::Virt::Domain::JOB_FAILED

The job stopped because of an error.

=item Sys::Virt::Domain::JOB_CANCELLED

The job was cancelled by a user.

=back

=head2 JOB STATISTICS FIELDS

The keys of the hash returned by
C<get_job_stats> (times in milliseconds, amounts in bytes unless stated).

=over 4

=item Sys::Virt::Domain::JOB_OPERATION

What the job does: one of the C<JOB_OPERATION_*> constants below.

=item Sys::Virt::Domain::JOB_TIME_ELAPSED

Time since the job started.

=item Sys::Virt::Domain::JOB_TIME_ELAPSED_NET

Time since a migration started, not counting the time needed to hand
control over from the source host to the destination host.

=item Sys::Virt::Domain::JOB_TIME_REMAINING

Estimated time until the job ends (for bounded jobs).

=item Sys::Virt::Domain::JOB_DOWNTIME

Time the guest was, or is expected to be, paused by a migration.

=item Sys::Virt::Domain::JOB_DOWNTIME_NET

The downtime actually measured, not counting the time needed to hand
control over from the source host to the destination host.

=item Sys::Virt::Domain::JOB_SETUP_TIME

Time spent preparing the migration before data started to flow.

=item Sys::Virt::Domain::JOB_DATA_TOTAL

All the data the job has to handle.

=item Sys::Virt::Domain::JOB_DATA_PROCESSED

Data handled so far.

=item Sys::Virt::Domain::JOB_DATA_REMAINING

Data still to be handled.

=item Sys::Virt::Domain::JOB_MEMORY_TOTAL

Guest memory the job has to handle.

=item Sys::Virt::Domain::JOB_MEMORY_PROCESSED

Guest memory handled so far.

=item Sys::Virt::Domain::JOB_MEMORY_REMAINING

Guest memory still to be handled.

=item Sys::Virt::Domain::JOB_MEMORY_CONSTANT

Number of pages sent whose bytes were all the same value (such as
zero pages).

=item Sys::Virt::Domain::JOB_MEMORY_NORMAL

Number of pages sent uncompressed.

=item Sys::Virt::Domain::JOB_MEMORY_NORMAL_BYTES

Bytes sent in uncompressed pages.

=item Sys::Virt::Domain::JOB_MEMORY_BPS

Current memory transfer rate, in bytes per second.

=item Sys::Virt::Domain::JOB_MEMORY_DIRTY_RATE

Pages the guest dirties per second while it is migrated.

=item Sys::Virt::Domain::JOB_MEMORY_PAGE_SIZE

Size in bytes of a memory page, to convert the page counts into
bytes.

=item Sys::Virt::Domain::JOB_MEMORY_ITERATION

Number of passes over the guest memory the migration has made.

=item Sys::Virt::Domain::JOB_MEMORY_POSTCOPY_REQS

Number of pages the destination asked for during post-copy.

=item Sys::Virt::Domain::JOB_DISK_TOTAL

Disk data the job has to handle.

=item Sys::Virt::Domain::JOB_DISK_PROCESSED

Disk data handled so far.

=item Sys::Virt::Domain::JOB_DISK_REMAINING

Disk data still to be handled.

=item Sys::Virt::Domain::JOB_DISK_BPS

Current disk transfer rate, in bytes per second.

=item Sys::Virt::Domain::JOB_DISK_TEMP_USED

Temporary disk space the job currently uses.

=item Sys::Virt::Domain::JOB_DISK_TEMP_TOTAL

Temporary disk space the job may use at most.

=item Sys::Virt::Domain::JOB_COMPRESSION_CACHE

Size of the compression cache.

=item Sys::Virt::Domain::JOB_COMPRESSION_BYTES

Compressed bytes sent.

=item Sys::Virt::Domain::JOB_COMPRESSION_PAGES

Number of pages sent compressed.

=item Sys::Virt::Domain::JOB_COMPRESSION_CACHE_MISSES

Number of changed pages that were not in the compression cache.

=item Sys::Virt::Domain::JOB_COMPRESSION_OVERFLOW

Number of pages sent uncompressed because compressing them made them
larger.

=item Sys::Virt::Domain::JOB_AUTO_CONVERGE_THROTTLE

Percentage by which auto-convergence currently slows the guest vCPUs.

=item Sys::Virt::Domain::JOB_SUCCESS

For a finished job: true when it succeeded.

=item Sys::Virt::Domain::JOB_ERRMSG

For a failed job: the error message, when known.

=item Sys::Virt::Domain::JOB_VFIO_DATA_TRANSFERRED

Bytes transferred for VFIO (assigned host) devices in the current
iteration of the migration (libvirt 10.6.0 or newer).

=back

=head2 JOB OPERATIONS

The values of the C<JOB_OPERATION> field.

=over 4

=item Sys::Virt::Domain::JOB_OPERATION_UNKNOWN

The operation is not known.

=item Sys::Virt::Domain::JOB_OPERATION_START

The guest is being started.

=item Sys::Virt::Domain::JOB_OPERATION_SAVE

The guest is being saved to a file.

=item Sys::Virt::Domain::JOB_OPERATION_RESTORE

The guest is being restored from a file.

=item Sys::Virt::Domain::JOB_OPERATION_MIGRATION_IN

The guest is arriving by migration.

=item Sys::Virt::Domain::JOB_OPERATION_MIGRATION_OUT

The guest is leaving by migration.

=item Sys::Virt::Domain::JOB_OPERATION_SNAPSHOT

A snapshot of the guest is being taken.

=item Sys::Virt::Domain::JOB_OPERATION_SNAPSHOT_REVERT

The guest is being reverted to a snapshot.

=item Sys::Virt::Domain::JOB_OPERATION_SNAPSHOT_DELETE

A snapshot of the guest is being deleted.

=item Sys::Virt::Domain::JOB_OPERATION_DUMP

The guest's memory is being dumped.

=item Sys::Virt::Domain::JOB_OPERATION_BACKUP

The guest's disks are being backed up.

=back

=head2 DEVICE HOTPLUG OPTIONS

The flags of C<attach_device>,
C<detach_device>, C<detach_device_alias> and C<update_device>.

=over 4

=item Sys::Virt::Domain::DEVICE_MODIFY_CURRENT

Change the running guest if it is running, else its persistent
configuration.

=item Sys::Virt::Domain::DEVICE_MODIFY_LIVE

Change the running guest.

=item Sys::Virt::Domain::DEVICE_MODIFY_CONFIG

Change the persistent configuration of the guest.

=item Sys::Virt::Domain::DEVICE_MODIFY_FORCE

Apply the change even if it may fail inside the guest, e.g. eject a
locked CD-ROM medium.

=back

=head2 KEYCODE SETS

The code sets understood by C<send_key>.

=over 4

=item Sys::Virt::Domain::KEYCODE_SET_LINUX

Key codes of the Linux input layer.

=item Sys::Virt::Domain::KEYCODE_SET_XT

Scan codes of the original IBM XT keyboard.

=item Sys::Virt::Domain::KEYCODE_SET_ATSET1

AT keyboard scan code set 1.

=item Sys::Virt::Domain::KEYCODE_SET_ATSET2

AT keyboard scan code set 2.

=item Sys::Virt::Domain::KEYCODE_SET_ATSET3

AT keyboard scan code set 3.

=item Sys::Virt::Domain::KEYCODE_SET_OSX

Virtual key codes of macOS.

=item Sys::Virt::Domain::KEYCODE_SET_XT_KBD

XT scan codes as the Linux keyboard driver encodes them.

=item Sys::Virt::Domain::KEYCODE_SET_USB

USB HID usage codes.

=item Sys::Virt::Domain::KEYCODE_SET_WIN32

Virtual key codes of Windows.

=item Sys::Virt::Domain::KEYCODE_SET_QNUM

XT scan codes packed into one number, as QEMU uses them.

=item Sys::Virt::Domain::KEYCODE_SET_RFB

Another name for C<KEYCODE_SET_QNUM>, used by the RFB (VNC) protocol.

=back

=head2 SEND KEY CONSTANTS

=over 4

=item Sys::Virt::Domain::SEND_KEY_MAX_KEYS

The largest number of key codes one C<send_key> call accepts.

=back

=head2 MEMORY PEEK

The flags of C<memory_peek>.

=over 4

=item Sys::Virt::Domain::MEMORY_VIRTUAL

The offset is a virtual address in the guest.

=item Sys::Virt::Domain::MEMORY_PHYSICAL

The offset is a physical address in the guest.

=back

=head2 FILE DESCRIPTOR ASSOCIATION

Flags of C<fd_associate>.

=over 4

=item Sys::Virt::Domain::FD_ASSOCIATE_SECLABEL_RESTORE

Restore the security label of the file when the descriptor is released.

=item Sys::Virt::Domain::FD_ASSOCIATE_SECLABEL_WRITABLE

Label the file for read-write access.

=back

=head2 QEMU MONITOR AND AGENT COMMANDS

Flags of C<qemu_monitor_command> and C<qemu_monitor_command_with_files>:

=over 4

=item Sys::Virt::Domain::QEMU_MONITOR_COMMAND_DEFAULT

The command is QMP (JSON).

=item Sys::Virt::Domain::QEMU_MONITOR_COMMAND_HMP

The command is one of the human monitor.

=back

Timeouts of C<qemu_agent_command>, besides a number of seconds:

=over 4

=item Sys::Virt::Domain::QEMU_AGENT_COMMAND_BLOCK

Wait for the reply as long as it takes.

=item Sys::Virt::Domain::QEMU_AGENT_COMMAND_DEFAULT

libvirt's default wait for the guest's agent (see C<set_agent_response_timeout>).

=item Sys::Virt::Domain::QEMU_AGENT_COMMAND_NOWAIT

Do not wait for a reply.

=item Sys::Virt::Domain::QEMU_AGENT_COMMAND_SHUTDOWN

The wait libvirt uses for the agent's shutdown command (60 seconds).

=back

=head2 DOMAIN BLOCK JOB TYPE CONSTANTS

The type key of
C<get_block_job_info> and of block job events.

=over 4

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_UNKNOWN

A block job of a kind libvirt does not know.

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_PULL

A job started by C<block_pull> or C<block_rebase>.

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_COPY

A job started by C<block_copy>, or C<block_rebase> with a copy flag.

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_COMMIT

A job started by C<block_commit> below the active image.

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_ACTIVE_COMMIT

A job started by C<block_commit> from the active image.

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_BACKUP

A job started by C<backup_begin>.

=back

=head2 DOMAIN BLOCK JOB COMPLETION CONSTANTS

The status reported
by block job events.

=over 4

=item Sys::Virt::Domain::BLOCK_JOB_COMPLETED

The block job finished successfully.

=item Sys::Virt::Domain::BLOCK_JOB_FAILED

The block job stopped because of an error.

=item Sys::Virt::Domain::BLOCK_JOB_CANCELED

The block job was cancelled.

=item Sys::Virt::Domain::BLOCK_JOB_READY

A copy or active commit job has caught up and can be ended with
C<abort_block_job>.

=back

=head2 DOMAIN BLOCK JOB ABORT CONSTANTS

The flags of
C<abort_block_job>.

=over 4

=item Sys::Virt::Domain::BLOCK_JOB_ABORT_ASYNC

Return as soon as the job has been asked to stop, without waiting.

=item Sys::Virt::Domain::BLOCK_JOB_ABORT_PIVOT

End a ready copy or active commit job by switching the guest to the
new image.

=back

=head2 DOMAIN BLOCK REBASE CONSTANTS

The flags of C<block_rebase>.

=over 4

=item Sys::Virt::Domain::BLOCK_REBASE_SHALLOW

With C<BLOCK_REBASE_COPY>, copy only the top image and give the copy
the current backing chain.

=item Sys::Virt::Domain::BLOCK_REBASE_REUSE_EXT

With C<BLOCK_REBASE_COPY>, write into the existing file C<$base>
instead of creating it.

=item Sys::Virt::Domain::BLOCK_REBASE_COPY_RAW

With C<BLOCK_REBASE_COPY>, make the copy a raw image.

=item Sys::Virt::Domain::BLOCK_REBASE_COPY

Start a copy job to the new image C<$base> instead of a pull.

=item Sys::Virt::Domain::BLOCK_REBASE_RELATIVE

Record the new backing image with a relative name.

=item Sys::Virt::Domain::BLOCK_REBASE_COPY_DEV

With C<BLOCK_REBASE_COPY>, C<$base> is a block device rather than a
file.

=item Sys::Virt::Domain::BLOCK_REBASE_BANDWIDTH_BYTES

The bandwidth is given in bytes per second.

=back

=head2 DOMAIN BLOCK COPY CONSTANTS

The flags of C<block_copy> (its
parameter names are listed with the method).

=over 4

=item Sys::Virt::Domain::BLOCK_COPY_SHALLOW

Copy only the top image; the copy gets the current backing chain.

=item Sys::Virt::Domain::BLOCK_COPY_REUSE_EXT

Write into the existing destination instead of creating it.

=item Sys::Virt::Domain::BLOCK_COPY_TRANSIENT_JOB

Do not keep the job across a restart of the hypervisor process, so
that it may run on a transient guest.

=item Sys::Virt::Domain::BLOCK_COPY_SYNCHRONOUS_WRITES

Complete guest writes only once they have reached the copy as well,
so that a busy disk's copy converges.

=item Sys::Virt::Domain::BLOCK_COPY_TARGET_ZEROED

The destination is known to read as zeroes, so the hypervisor may skip
clearing it (libvirt 12.2.0 or newer).

=back

=head2 DOMAIN BLOCK COMMIT JOB CONSTANTS

The flags of
C<block_commit>.

=over 4

=item Sys::Virt::Domain::BLOCK_COMMIT_SHALLOW

An undefined base means the image just below the top image, not the
bottom of the chain.

=item Sys::Virt::Domain::BLOCK_COMMIT_DELETE

Delete the merged images once the commit has finished.

=item Sys::Virt::Domain::BLOCK_COMMIT_ACTIVE

Allow committing the active image; the job then waits to be ended
with C<abort_block_job>.

=item Sys::Virt::Domain::BLOCK_COMMIT_RELATIVE

Keep relative names in the backing chain.

=item Sys::Virt::Domain::BLOCK_COMMIT_BANDWIDTH_BYTES

The bandwidth is given in bytes per second.

=back

=head2 MIGRATE OPTIONS

The flags of C<migrate>, C<migrate2>,
C<migrate_to_uri> and C<migrate_to_uri2>.

=over 4

=item Sys::Virt::Domain::MIGRATE_LIVE

Keep the guest running while its memory is copied.

=item Sys::Virt::Domain::MIGRATE_PEER2PEER

Let the source host's libvirt manage the migration by connecting to
the destination itself.

=item Sys::Virt::Domain::MIGRATE_TUNNELLED

Carry the migration data over the libvirt connection instead of a
hypervisor connection; requires C<MIGRATE_PEER2PEER>.

=item Sys::Virt::Domain::MIGRATE_PERSIST_DEST

Define the guest persistently on the destination.

=item Sys::Virt::Domain::MIGRATE_UNDEFINE_SOURCE

Remove the guest's persistent definition from the source once it has
moved.

=item Sys::Virt::Domain::MIGRATE_PAUSED

Leave the guest paused on the destination.

=item Sys::Virt::Domain::MIGRATE_NON_SHARED_DISK

Copy the full content of every non-shared disk as well.

=item Sys::Virt::Domain::MIGRATE_NON_SHARED_INC

Copy the non-shared disks incrementally: only their top image, the
backing images being present on both hosts.

=item Sys::Virt::Domain::MIGRATE_CHANGE_PROTECTION

Refuse changes to the guest configuration while the migration runs.
libvirt does this anyway when both hosts can; the flag makes the
migration fail when one of them cannot.

=item Sys::Virt::Domain::MIGRATE_UNSAFE

Migrate even if libvirt considers the configuration unsafe, e.g.
because of disk cache settings.

=item Sys::Virt::Domain::MIGRATE_OFFLINE

Migrate only the definition of a guest that is not running.

=item Sys::Virt::Domain::MIGRATE_COMPRESSED

Compress the migration data with the configured methods.

=item Sys::Virt::Domain::MIGRATE_ABORT_ON_ERROR

Cancel the migration if an I/O error happens while it runs.

=item Sys::Virt::Domain::MIGRATE_AUTO_CONVERGE

Slow the guest down when its memory changes faster than it can be
sent.

=item Sys::Virt::Domain::MIGRATE_RDMA_PIN_ALL

Pin all guest memory before an RDMA migration starts.

=item Sys::Virt::Domain::MIGRATE_POSTCOPY

Allow switching the migration to post-copy with
C<migrate_start_post_copy>.

=item Sys::Virt::Domain::MIGRATE_TLS

Encrypt the hypervisor's migration data with TLS.

=item Sys::Virt::Domain::MIGRATE_PARALLEL

Send the migration data over several connections at once.

=item Sys::Virt::Domain::MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES

During a storage migration (with C<MIGRATE_NON_SHARED_DISK> or
C<MIGRATE_NON_SHARED_INC>), complete guest writes only once they have
reached the destination too, so that the copy of busy disks
converges.

=item Sys::Virt::Domain::MIGRATE_POSTCOPY_RESUME

Resume a post-copy migration that failed or was interrupted.

=item Sys::Virt::Domain::MIGRATE_ZEROCOPY

Send guest memory pages without copying them into intermediate
buffers; the hypervisor may then lock the pages waiting to be sent in
host memory.

=back

=head2 TIME CONSTANTS

Flags for C<set_time>:

=over 4

=item Sys::Virt::Domain::TIME_SYNC

Make the guest resynchronize its clock from its real time clock instead of
setting it to the given time.

=back

=head2 GUEST INFORMATION TYPES

Bits of the C<$types> argument of C<get_guest_info>.

=over 4

=item Sys::Virt::Domain::GUEST_INFO_USERS

Logged-in users.

=item Sys::Virt::Domain::GUEST_INFO_OS

Operating system.

=item Sys::Virt::Domain::GUEST_INFO_TIMEZONE

Time zone.

=item Sys::Virt::Domain::GUEST_INFO_HOSTNAME

Host name.

=item Sys::Virt::Domain::GUEST_INFO_FILESYSTEM

File systems.

=item Sys::Virt::Domain::GUEST_INFO_DISKS

Disks.

=item Sys::Virt::Domain::GUEST_INFO_INTERFACES

Network interfaces.

=item Sys::Virt::Domain::GUEST_INFO_LOAD

Load averages (libvirt 11.2.0 or newer).

=item Sys::Virt::Domain::GUEST_INFO_DEVICES

Devices and their drivers (libvirt 12.7.0 or newer).

=back

=head2 GUEST INFORMATION FIELDS

The keys of the hash C<get_guest_info> returns. libvirt named them in
11.2.0 (the C<device.> ones in 12.7.0), but most of the keys are older
than their names: as plain strings these constants work with any
libvirt that reports the value. Lists are numbered from 0: a key
of an entry is a C<*_PREFIX>, the entry's number and a C<*_SUFFIX_*>, e.g.
C<GUEST_INFO_FS_PREFIX . 0 . GUEST_INFO_FS_SUFFIX_MOUNTPOINT> is
C<fs.0.mountpoint>, and the matching C<*_COUNT> key gives the number of
entries. Lists inside an entry (the disks of a file system, the
addresses of an interface...) add their own prefix, number and suffix
after the entry's number, e.g. C<if.0.addr.1.addr>.

Logged-in users (C<GUEST_INFO_USERS>):

=over 4

=item Sys::Virt::Domain::GUEST_INFO_USER_COUNT

The number of users logged in.

=item Sys::Virt::Domain::GUEST_INFO_USER_PREFIX

The start of the keys of each user (C<user.>).

=item Sys::Virt::Domain::GUEST_INFO_USER_SUFFIX_NAME

The user's login name.

=item Sys::Virt::Domain::GUEST_INFO_USER_SUFFIX_DOMAIN

The user's domain, on guests that have one (such as Windows).

=item Sys::Virt::Domain::GUEST_INFO_USER_SUFFIX_LOGIN_TIME

When the user logged in, in milliseconds since the epoch.

=back

Operating system (C<GUEST_INFO_OS>), all strings:

=over 4

=item Sys::Virt::Domain::GUEST_INFO_OS_ID

A short identifier of the operating system.

=item Sys::Virt::Domain::GUEST_INFO_OS_NAME

The name of the operating system, for people to read.

=item Sys::Virt::Domain::GUEST_INFO_OS_PRETTY_NAME

A fuller name of the operating system, for people to read.

=item Sys::Virt::Domain::GUEST_INFO_OS_VERSION

The version of the operating system, for people to read.

=item Sys::Virt::Domain::GUEST_INFO_OS_VERSION_ID

The version of the operating system, for scripts to compare.

=item Sys::Virt::Domain::GUEST_INFO_OS_VARIANT

The variant or edition of the operating system, for people to read.

=item Sys::Virt::Domain::GUEST_INFO_OS_VARIANT_ID

An identifier of that variant or edition.

=item Sys::Virt::Domain::GUEST_INFO_OS_KERNEL_RELEASE

The release of the kernel.

=item Sys::Virt::Domain::GUEST_INFO_OS_KERNEL_VERSION

The version of the kernel.

=item Sys::Virt::Domain::GUEST_INFO_OS_MACHINE

The hardware (machine) name, such as C<x86_64>.

=back

Time zone (C<GUEST_INFO_TIMEZONE>) and host name
(C<GUEST_INFO_HOSTNAME>):

=over 4

=item Sys::Virt::Domain::GUEST_INFO_TIMEZONE_NAME

The name of the time zone.

=item Sys::Virt::Domain::GUEST_INFO_TIMEZONE_OFFSET

Its offset from UTC, in seconds.

=item Sys::Virt::Domain::GUEST_INFO_HOSTNAME_HOSTNAME

The host name of the guest.

=back

File systems (C<GUEST_INFO_FILESYSTEM>):

=over 4

=item Sys::Virt::Domain::GUEST_INFO_FS_COUNT

The number of file systems.

=item Sys::Virt::Domain::GUEST_INFO_FS_PREFIX

The start of the keys of each file system (C<fs.>).

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_MOUNTPOINT

Where it is mounted.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_NAME

The name of its device in the guest, such as C<sda1>.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_FSTYPE

Its type, such as C<ext4>.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_TOTAL_BYTES

Its total size, in bytes.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_USED_BYTES

The bytes used on it.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_COUNT

The number of disks it lies on.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_PREFIX

Within a file system's keys, the start of the keys of each of those
disks (C<.disk.>).

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_SUFFIX_ALIAS

The disk's device alias in the domain, such as C<sda>.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_SUFFIX_SERIAL

The disk's serial number.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_SUFFIX_DEVICE

The disk's device node in the guest.

=back

Disks (C<GUEST_INFO_DISKS>):

=over 4

=item Sys::Virt::Domain::GUEST_INFO_DISK_COUNT

The number of disks.

=item Sys::Virt::Domain::GUEST_INFO_DISK_PREFIX

The start of the keys of each disk (C<disk.>).

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_NAME

The disk's device node (Linux) or UNC path (Windows) in the guest.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_PARTITION

True for a partition, false for a whole disk.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_SERIAL

The disk's serial number, when it has one.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_ALIAS

The disk's device alias in the domain, such as C<sda>.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_GUEST_ALIAS

Another name the guest gives the disk, when it has one (on Linux, a
device-mapper name).

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_GUEST_BUS

The bus of the disk as the guest sees it.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_DEPENDENCY_COUNT

The number of devices the disk is built on (on Linux, e.g. the physical
volumes of a logical volume, or the disk holding an encrypted volume).

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_DEPENDENCY_PREFIX

Within a disk's keys, the start of the keys of each of those devices
(C<.dependency.>).

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_DEPENDENCY_SUFFIX_NAME

The name of such a device.

=back

Network interfaces (C<GUEST_INFO_INTERFACES>):

=over 4

=item Sys::Virt::Domain::GUEST_INFO_IF_COUNT

The number of interfaces.

=item Sys::Virt::Domain::GUEST_INFO_IF_PREFIX

The start of the keys of each interface (C<if.>).

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_NAME

The interface's name in the guest, such as C<eth0>.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_HWADDR

Its hardware (MAC) address in the guest.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_COUNT

The number of IP addresses it has.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_PREFIX

Within an interface's keys, the start of the keys of each address
(C<.addr.>).

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_SUFFIX_TYPE

The kind of address, such as C<ipv4>.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_SUFFIX_ADDR

The address.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_SUFFIX_PREFIX

The length of its network prefix.

=back

Load averages (C<GUEST_INFO_LOAD>), floating-point numbers:

=over 4

=item Sys::Virt::Domain::GUEST_INFO_LOAD_1M

The load averaged over the last minute.

=item Sys::Virt::Domain::GUEST_INFO_LOAD_5M

The load averaged over the last 5 minutes.

=item Sys::Virt::Domain::GUEST_INFO_LOAD_15M

The load averaged over the last 15 minutes.

=back

Devices (C<GUEST_INFO_DEVICES>):

=over 4

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_COUNT

The number of devices described.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_PREFIX

The start of the keys of each device (C<device.>).

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_DRIVER_NAME

The name of the device's driver.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_DRIVER_VERSION

The version of the driver.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_DRIVER_DATE

The release date of the driver, in seconds since the epoch.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_ID_TYPE

How the device is identified, such as C<pci>.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_PCI_VENDOR

For a PCI device, its vendor ID.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_PCI_DEVICE

For a PCI device, its device ID.

=back

=head2 INTERFACE ADDRESS SOURCES

Values of the C<$source> argument of C<get_interface_addresses>.

=over 4

=item Sys::Virt::Domain::INTERFACE_ADDRESSES_SRC_LEASE

The DHCP leases of libvirt's own networks.

=item Sys::Virt::Domain::INTERFACE_ADDRESSES_SRC_AGENT

The guest agent.

=item Sys::Virt::Domain::INTERFACE_ADDRESSES_SRC_ARP

The host's ARP table.

=back

=head2 GUEST AGENT FLAGS

Flags and values of the agent calls.

=over 4

=item Sys::Virt::Domain::PASSWORD_ENCRYPTED

C<set_user_password>: the password is already encrypted.

=item Sys::Virt::Domain::AUTHORIZED_SSH_KEYS_SET_APPEND

C<authorized_ssh_keys_set>: add the keys to those already authorised.

=item Sys::Virt::Domain::AUTHORIZED_SSH_KEYS_SET_REMOVE

C<authorized_ssh_keys_set>: remove the keys.

=item Sys::Virt::Domain::AGENT_RESPONSE_TIMEOUT_BLOCK

C<set_agent_response_timeout>: wait for ever.

=item Sys::Virt::Domain::AGENT_RESPONSE_TIMEOUT_DEFAULT

C<set_agent_response_timeout>: the built-in default.

=item Sys::Virt::Domain::AGENT_RESPONSE_TIMEOUT_NOWAIT

C<set_agent_response_timeout>: do not wait.

=back

=head2 PROCESS SIGNALS

Signal numbers of C<send_process_signal>, independent of the host's own
numbering.

=over 4

=item Sys::Virt::Domain::PROCESS_SIGNAL_NOP

No signal: only checks that the process exists.

=item Sys::Virt::Domain::PROCESS_SIGNAL_HUP

The C<SIGHUP> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_INT

The C<SIGINT> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_QUIT

The C<SIGQUIT> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_ILL

The C<SIGILL> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_TRAP

The C<SIGTRAP> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_ABRT

The C<SIGABRT> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_BUS

The C<SIGBUS> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_FPE

The C<SIGFPE> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_KILL

The C<SIGKILL> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_USR1

The C<SIGUSR1> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_SEGV

The C<SIGSEGV> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_USR2

The C<SIGUSR2> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_PIPE

The C<SIGPIPE> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_ALRM

The C<SIGALRM> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_TERM

The C<SIGTERM> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_STKFLT

The C<SIGSTKFLT> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_CHLD

The C<SIGCHLD> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_CONT

The C<SIGCONT> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_STOP

The C<SIGSTOP> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_TSTP

The C<SIGTSTP> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_TTIN

The C<SIGTTIN> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_TTOU

The C<SIGTTOU> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_URG

The C<SIGURG> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_XCPU

The C<SIGXCPU> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_XFSZ

The C<SIGXFSZ> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_VTALRM

The C<SIGVTALRM> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_PROF

The C<SIGPROF> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_WINCH

The C<SIGWINCH> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_POLL

The C<SIGPOLL> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_PWR

The C<SIGPWR> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_SYS

The C<SIGSYS> signal.

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT0

Real-time signal number 0 (C<SIGRTMIN+0>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT1

Real-time signal number 1 (C<SIGRTMIN+1>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT2

Real-time signal number 2 (C<SIGRTMIN+2>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT3

Real-time signal number 3 (C<SIGRTMIN+3>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT4

Real-time signal number 4 (C<SIGRTMIN+4>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT5

Real-time signal number 5 (C<SIGRTMIN+5>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT6

Real-time signal number 6 (C<SIGRTMIN+6>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT7

Real-time signal number 7 (C<SIGRTMIN+7>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT8

Real-time signal number 8 (C<SIGRTMIN+8>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT9

Real-time signal number 9 (C<SIGRTMIN+9>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT10

Real-time signal number 10 (C<SIGRTMIN+10>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT11

Real-time signal number 11 (C<SIGRTMIN+11>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT12

Real-time signal number 12 (C<SIGRTMIN+12>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT13

Real-time signal number 13 (C<SIGRTMIN+13>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT14

Real-time signal number 14 (C<SIGRTMIN+14>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT15

Real-time signal number 15 (C<SIGRTMIN+15>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT16

Real-time signal number 16 (C<SIGRTMIN+16>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT17

Real-time signal number 17 (C<SIGRTMIN+17>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT18

Real-time signal number 18 (C<SIGRTMIN+18>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT19

Real-time signal number 19 (C<SIGRTMIN+19>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT20

Real-time signal number 20 (C<SIGRTMIN+20>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT21

Real-time signal number 21 (C<SIGRTMIN+21>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT22

Real-time signal number 22 (C<SIGRTMIN+22>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT23

Real-time signal number 23 (C<SIGRTMIN+23>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT24

Real-time signal number 24 (C<SIGRTMIN+24>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT25

Real-time signal number 25 (C<SIGRTMIN+25>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT26

Real-time signal number 26 (C<SIGRTMIN+26>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT27

Real-time signal number 27 (C<SIGRTMIN+27>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT28

Real-time signal number 28 (C<SIGRTMIN+28>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT29

Real-time signal number 29 (C<SIGRTMIN+29>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT30

Real-time signal number 30 (C<SIGRTMIN+30>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT31

Real-time signal number 31 (C<SIGRTMIN+31>).

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT32

Real-time signal number 32 (C<SIGRTMIN+32>).

=back

=head2 LAUNCH SECURITY PARAMETERS

Keys of C<get_launch_security_info> and C<set_launch_security_state>.

=over 4

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_MEASUREMENT

Measurement of the guest's initial memory, base64.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_API_MAJOR

Major version of the SEV API.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_API_MINOR

Minor version of the SEV API.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_BUILD_ID

Build id of the SEV firmware.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_POLICY

SEV policy of the guest.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET

The secret to inject, base64.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET_HEADER

The header of the secret, base64.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS

Guest physical address where the secret goes.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SNP_POLICY

The policy of an SEV-SNP guest (an unsigned 64-bit integer) (libvirt
10.5.0 or newer).

=back

=head2 CONSOLES, CHANNELS AND GRAPHICS

Flags of C<open_console>:

=over 4

=item Sys::Virt::Domain::OPEN_CONSOLE_FORCE

Take the console over from another client that holds it.

=item Sys::Virt::Domain::OPEN_CONSOLE_SAFE

Fail unless the driver can guarantee exclusive access to the console.

=back

Flags of C<open_channel>:

=over 4

=item Sys::Virt::Domain::OPEN_CHANNEL_FORCE

Take the channel over from another client that holds it.

=back

Flags of C<open_graphics> and C<open_graphics_fd>:

=over 4

=item Sys::Virt::Domain::OPEN_GRAPHICS_SKIPAUTH

Skip the authentication of the graphics server.

=back

The C<$type> of C<graphics_reload>: which graphics servers to reload,
for instance to pick up new TLS certificates (libvirt 10.2.0 or
newer):

=over 4

=item Sys::Virt::Domain::GRAPHICS_RELOAD_TYPE_ANY

Every kind of graphics server libvirt knows of.

=item Sys::Virt::Domain::GRAPHICS_RELOAD_TYPE_VNC

VNC servers only.

=back

=head2 DOMAIN LISTING FLAGS

Filters for C<list_all_domains> in L<Sys::Virt>. Flags of the same
group (active or inactive, persistent or transient, running, paused,
shut off or other...) are alternatives: a domain is listed if it matches
one of the flags given in each group used. With no flag at all, every
domain is listed.

=over 4

=item Sys::Virt::Domain::LIST_ACTIVE

Domains that are running or paused.

=item Sys::Virt::Domain::LIST_INACTIVE

Domains that are not running.

=item Sys::Virt::Domain::LIST_PERSISTENT

Domains with a stored configuration.

=item Sys::Virt::Domain::LIST_TRANSIENT

Domains that exist only while they run.

=item Sys::Virt::Domain::LIST_RUNNING

Domains whose state is running.

=item Sys::Virt::Domain::LIST_PAUSED

Domains whose state is paused.

=item Sys::Virt::Domain::LIST_SHUTOFF

Domains whose state is shut off.

=item Sys::Virt::Domain::LIST_OTHER

Domains in any other state (blocked, shutting down, crashed, asleep...).

=item Sys::Virt::Domain::LIST_MANAGEDSAVE

Domains that have a managed save image.

=item Sys::Virt::Domain::LIST_NO_MANAGEDSAVE

Domains without a managed save image.

=item Sys::Virt::Domain::LIST_AUTOSTART

Domains started automatically with the host.

=item Sys::Virt::Domain::LIST_NO_AUTOSTART

Domains not started automatically with the host.

=item Sys::Virt::Domain::LIST_HAS_SNAPSHOT

Domains that have at least one snapshot.

=item Sys::Virt::Domain::LIST_NO_SNAPSHOT

Domains without any snapshot.

=item Sys::Virt::Domain::LIST_HAS_CHECKPOINT

Domains that have at least one checkpoint.

=item Sys::Virt::Domain::LIST_NO_CHECKPOINT

Domains without any checkpoint.

=back

=head2 DOMAIN STATISTICS GROUPS

The groups of statistics that C<get_all_domain_stats> in L<Sys::Virt>
can collect, to be combined in its C<$stats> argument (0 asks for every
group the hypervisor supports). The statistics of a group come back
under keys starting with the group's prefix, given in brackets.

=over 4

=item Sys::Virt::Domain::STATS_STATE

The domain's state and the reason for it (C<state.>).

=item Sys::Virt::Domain::STATS_CPU_TOTAL

Processor time used by the whole domain (C<cpu.>).

=item Sys::Virt::Domain::STATS_BALLOON

Current and maximum memory as seen by the balloon driver, and the
guest's memory statistics (C<balloon.>).

=item Sys::Virt::Domain::STATS_VCPU

The state and time of each virtual CPU (C<vcpu.>).

=item Sys::Virt::Domain::STATS_INTERFACE

Traffic counters of each network interface (C<net.>).

=item Sys::Virt::Domain::STATS_BLOCK

Input/output counters and sizes of each disk (C<block.>).

=item Sys::Virt::Domain::STATS_PERF

Values of the enabled performance events (C<perf.>).

=item Sys::Virt::Domain::STATS_IOTHREAD

Polling settings of each IOThread (C<iothread.>).

=item Sys::Virt::Domain::STATS_MEMORY

Memory bandwidth monitoring results (C<memory.>).

=item Sys::Virt::Domain::STATS_DIRTYRATE

The result of the last memory dirty rate measurement (C<dirtyrate.>).

=item Sys::Virt::Domain::STATS_VM

Statistics specific to the hypervisor (C<vm.>).

=back

=head2 DOMAIN STATISTICS FLAGS

The C<$flags> of C<get_all_domain_stats> in L<Sys::Virt>. The first ones
choose the domains, with the same meaning as the DOMAIN LISTING FLAGS of
the same name; the last ones change how the statistics are gathered.

=over 4

=item Sys::Virt::Domain::GET_ALL_STATS_ACTIVE

Only running or paused domains.

=item Sys::Virt::Domain::GET_ALL_STATS_INACTIVE

Only domains that are not running.

=item Sys::Virt::Domain::GET_ALL_STATS_PERSISTENT

Only domains with a stored configuration.

=item Sys::Virt::Domain::GET_ALL_STATS_TRANSIENT

Only domains without a stored configuration.

=item Sys::Virt::Domain::GET_ALL_STATS_RUNNING

Only running domains.

=item Sys::Virt::Domain::GET_ALL_STATS_PAUSED

Only paused domains.

=item Sys::Virt::Domain::GET_ALL_STATS_SHUTOFF

Only shut off domains.

=item Sys::Virt::Domain::GET_ALL_STATS_OTHER

Only domains in another state.

=item Sys::Virt::Domain::GET_ALL_STATS_NOWAIT

Do not wait for a domain busy with another job: report only what can be
read at once.

=item Sys::Virt::Domain::GET_ALL_STATS_BACKING

Also report every image of the backing chain of each disk, not only the
top one.

=item Sys::Virt::Domain::GET_ALL_STATS_ENFORCE_STATS

Fail if one of the requested groups is not supported, instead of
leaving it out.

=back

=head2 DOMAIN STATISTICS FIELDS

The keys of the statistics C<get_all_domain_stats> in L<Sys::Virt>
returns for each domain. libvirt named them in 11.2.0 or later, but most
of the keys are older than their names: as plain strings these constants
work with any libvirt that reports the value. Times are in nanoseconds
and sizes in bytes unless said otherwise. Lists (disks, interfaces,
vCPUs...) are numbered: a key of an entry is a C<*_PREFIX>, the entry's
number and a C<*_SUFFIX_*>, e.g.
C<STATS_BLOCK_PREFIX . 0 . STATS_BLOCK_SUFFIX_RD_BYTES> is
C<block.0.rd.bytes>, and the matching C<*_COUNT> key gives the number of
entries. Lists inside an entry add their own prefix, number and suffix
after the entry's number, e.g. C<cpu.cache.monitor.0.bank.1.bytes>.

State (C<STATS_STATE>):

=over 4

=item Sys::Virt::Domain::STATS_STATE_STATE

The state of the domain, one of the C<STATE_*> constants.

=item Sys::Virt::Domain::STATS_STATE_REASON

Why it is in that state, one of the reasons of that state (the
C<STATE_I<state>_*> constants).

=back

Processor time (C<STATS_CPU_TOTAL>):

=over 4

=item Sys::Virt::Domain::STATS_CPU_TIME

Processor time used by the whole domain.

=item Sys::Virt::Domain::STATS_CPU_USER

Processor time spent in user mode.

=item Sys::Virt::Domain::STATS_CPU_SYSTEM

Processor time spent in kernel mode.

=item Sys::Virt::Domain::STATS_CPU_HALTPOLL_SUCCESS_TIME

Time the vCPUs spent halt-polling that ended with an interrupt arriving.

=item Sys::Virt::Domain::STATS_CPU_HALTPOLL_FAIL_TIME

Time the vCPUs spent halt-polling that ended without one (the polling
limit was reached or the processor had to be given up).

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_COUNT

The number of cache monitors of the domain.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_PREFIX

The start of the keys of each cache monitor (C<cpu.cache.monitor.>).

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_NAME

The name of the monitor.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_VCPUS

The vCPUs it watches, as a list in a string.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_COUNT

The number of cache banks it reports on.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_PREFIX

Within a monitor's keys, the start of the keys of each bank (C<.bank.>).

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_SUFFIX_ID

The host's identifier of the cache bank.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_SUFFIX_BYTES

The bytes of last level cache of that bank the domain uses.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_COUNT

The number of energy monitors of the domain (libvirt 12.4.0 or newer).

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_PREFIX

The start of the keys of each energy monitor (C<cpu.energy.monitor.>).

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_NAME

The name of the monitor group.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_VCPUS

The vCPUs it covers, as a list in a string.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_PKG_COUNT

The number of processor package nodes (C<mon_PERF_PKG>) it reports on.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_PKG_PREFIX

Within a monitor's keys, the start of the keys of each such node
(C<.pkg.>).

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_PKG_SUFFIX_ID

The kernel's identifier of the node.

=back

Memory, as seen by the balloon driver (C<STATS_BALLOON>), in KiB unless
said otherwise:

=over 4

=item Sys::Virt::Domain::STATS_BALLOON_CURRENT

The memory the domain currently has.

=item Sys::Virt::Domain::STATS_BALLOON_MAXIMUM

The most memory the domain may have.

=item Sys::Virt::Domain::STATS_BALLOON_SWAP_IN

The data read back from swap space.

=item Sys::Virt::Domain::STATS_BALLOON_SWAP_OUT

The memory written out to swap space.

=item Sys::Virt::Domain::STATS_BALLOON_MAJOR_FAULT

The number of page faults that needed disk I/O.

=item Sys::Virt::Domain::STATS_BALLOON_MINOR_FAULT

The number of the other page faults.

=item Sys::Virt::Domain::STATS_BALLOON_UNUSED

The memory the guest leaves unused.

=item Sys::Virt::Domain::STATS_BALLOON_AVAILABLE

The memory the guest sees as usable.

=item Sys::Virt::Domain::STATS_BALLOON_USABLE

The memory the balloon could take back without making the host swap.

=item Sys::Virt::Domain::STATS_BALLOON_LAST_UPDATE

When these statistics were last updated, in seconds.

=item Sys::Virt::Domain::STATS_BALLOON_RSS

The resident set size of the domain's process on the host.

=item Sys::Virt::Domain::STATS_BALLOON_DISK_CACHES

The memory the guest could free without further I/O, typically its disk
caches.

=item Sys::Virt::Domain::STATS_BALLOON_HUGETLB_PGALLOC

The number of huge pages the guest allocated through the balloon.

=item Sys::Virt::Domain::STATS_BALLOON_HUGETLB_PGFAIL

The number of huge page allocations through the balloon that failed.

=back

Virtual CPUs (C<STATS_VCPU>):

=over 4

=item Sys::Virt::Domain::STATS_VCPU_CURRENT

The number of vCPUs online.

=item Sys::Virt::Domain::STATS_VCPU_MAXIMUM

The most vCPUs that may be online.

=item Sys::Virt::Domain::STATS_VCPU_PREFIX

The start of the keys of each vCPU (C<vcpu.>). With hot-plugged vCPUs
the numbers may have gaps: there are C<STATS_VCPU_CURRENT> entries,
numbered below C<STATS_VCPU_MAXIMUM>.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_STATE

The state of the vCPU, one of C<VCPU_OFFLINE>, C<VCPU_RUNNING> and
C<VCPU_BLOCKED>.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_TIME

The processor time the vCPU used.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_WAIT

The time the vCPU wanted to run while the host ran something else.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_DELAY

The time the vCPU's thread waited in the host scheduler's queue, which
the guest sees as steal time.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_HALTED

Whether the vCPU is halted (a boolean): idle, or even disabled,
depending on the architecture.

=back

Network interfaces (C<STATS_INTERFACE>):

=over 4

=item Sys::Virt::Domain::STATS_NET_COUNT

The number of network interfaces.

=item Sys::Virt::Domain::STATS_NET_PREFIX

The start of the keys of each interface (C<net.>).

=item Sys::Virt::Domain::STATS_NET_SUFFIX_NAME

The name of the interface.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_RX_BYTES

Bytes received.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_RX_PKTS

Packets received.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_RX_ERRS

Receive errors.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_RX_DROP

Received packets dropped.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_TX_BYTES

Bytes sent.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_TX_PKTS

Packets sent.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_TX_ERRS

Send errors.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_TX_DROP

Packets to send that were dropped.

=back

Disks (C<STATS_BLOCK>):

=over 4

=item Sys::Virt::Domain::STATS_BLOCK_COUNT

The number of disk entries (with C<GET_ALL_STATS_BACKING>, one per
image of each backing chain).

=item Sys::Virt::Domain::STATS_BLOCK_PREFIX

The start of the keys of each entry (C<block.>).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_NAME

The target name of the disk, such as C<vda>; the same for every image
of its backing chain.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_BACKINGINDEX

The index of the image in the backing chain (of its C<backingStore>
element), when backing images are listed.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_PATH

The file or block device under the disk; absent for network storage
and empty drives.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_RD_REQS

Read requests.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_RD_BYTES

Bytes read.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_RD_TIMES

Time spent reading.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_WR_REQS

Write requests.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_WR_BYTES

Bytes written.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_WR_TIMES

Time spent writing.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_FL_REQS

Flush requests.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_FL_TIMES

Time spent flushing.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_ERRORS

Xen only: its C<oo_req> counter.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_ALLOCATION

The offset of the highest sector written.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_CAPACITY

The size of the disk as the guest sees it.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_PHYSICAL

The size of the file or device holding the image.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_THRESHOLD

The threshold set with C<set_block_threshold>, in bytes.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_REQUEST_ALIGNMENT

The alignment, in bytes, the offset and length of I/O requests need.
This and the other C<LIMITS> keys give what the storage under the disk
allows a single operation (libvirt 11.10.0 or newer).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_DISCARD_MAX

The most bytes one discard request may cover.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_DISCARD_ALIGNMENT

The best alignment of discard requests, in bytes.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_WRITE_ZEROES_MAX

The most bytes one request may set to zero.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_WRITE_ZEROES_ALIGNMENT

The best alignment of such requests, in bytes.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_TRANSFER_OPTIMAL

The best length of a transfer, in bytes.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_TRANSFER_MAX

The longest transfer, in bytes.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_TRANSFER_HW_MAX

The longest transfer of a request that bypasses the kernel's I/O
scheduler, in bytes.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_IOV_MAX

The most scatter/gather elements of a request.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_IOV_HW_MAX

The most scatter/gather elements of a request that bypasses the
kernel's I/O scheduler.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_MEMORY_ALIGNMENT_MINIMAL

The memory alignment, in bytes, that avoids a bounce buffer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_MEMORY_ALIGNMENT_OPTIMAL

The memory alignment, in bytes, of bounce buffers.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_COUNT

The number of groups of statistics collected over set time intervals
(libvirt 11.10.0 or newer).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_PREFIX

Within a disk's keys, the start of the keys of each group
(C<.timed_group.>).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_INTERVAL

The length of the interval the group covers, in seconds.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_RD_LATENCY_MIN

The shortest time a read took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_RD_LATENCY_MAX

The longest time a read took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_RD_LATENCY_AVG

The average time a read took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_RD_QUEUE_DEPTH_AVG

The average number of reads waiting in the interval (a floating-point
number).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_WR_LATENCY_MIN

The shortest time a write took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_WR_LATENCY_MAX

The longest time a write took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_WR_LATENCY_AVG

The average time a write took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_WR_QUEUE_DEPTH_AVG

The average number of writes waiting in the interval (a floating-point
number).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_ZONE_APPEND_LATENCY_MIN

The shortest time a zone append took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_ZONE_APPEND_LATENCY_MAX

The longest time a zone append took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_ZONE_APPEND_LATENCY_AVG

The average time a zone append took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_ZONE_APPEND_QUEUE_DEPTH_AVG

The average number of zone appends waiting in the interval (a
floating-point number).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_FLUSH_LATENCY_MIN

The shortest time a flush took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_FLUSH_LATENCY_MAX

The longest time a flush took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_FLUSH_LATENCY_AVG

The average time a flush took in the interval.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_READ_PREFIX

Within a disk's keys, the start of the keys of its histogram of read
times (C<.latency_histogram.read.>), followed by
C<STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_COUNT> or by
C<STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_PREFIX>, a bin number
and a bin suffix (libvirt 12.1.0 or newer).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_WRITE_PREFIX

The same for the histogram of write times.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_ZONE_APPEND_PREFIX

The same for the histogram of zone append times.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_FLUSH_PREFIX

The same for the histogram of flush times.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_COUNT

After a histogram's start: the number of its bins (C<bin.count>).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_PREFIX

After a histogram's start: the start of the keys of each bin
(C<bin.>).

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_SUFFIX_START

The lower end of the bin's range of times.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_SUFFIX_VALUE

The number of operations whose time fell in the bin.

=back

Performance events (C<STATS_PERF>), each the count of the performance
event of the same name (see PERFORMANCE EVENTS), present when the event
is enabled:

=over 4

=item Sys::Virt::Domain::STATS_PERF_CMT

The bytes of L3 cache the domain uses.

=item Sys::Virt::Domain::STATS_PERF_MBMT

The total bandwidth, in bytes per second, between one cache level and
another.

=item Sys::Virt::Domain::STATS_PERF_MBML

The bandwidth, in bytes per second, through the memory controller of
the socket.

=item Sys::Virt::Domain::STATS_PERF_CPU_CYCLES

Processor cycles.

=item Sys::Virt::Domain::STATS_PERF_INSTRUCTIONS

Instructions executed.

=item Sys::Virt::Domain::STATS_PERF_CACHE_REFERENCES

Cache accesses.

=item Sys::Virt::Domain::STATS_PERF_CACHE_MISSES

Cache misses.

=item Sys::Virt::Domain::STATS_PERF_BRANCH_INSTRUCTIONS

Branch instructions executed.

=item Sys::Virt::Domain::STATS_PERF_BRANCH_MISSES

Mispredicted branches.

=item Sys::Virt::Domain::STATS_PERF_BUS_CYCLES

Bus cycles.

=item Sys::Virt::Domain::STATS_PERF_STALLED_CYCLES_FRONTEND

Cycles stalled in the front end of the processor's pipeline.

=item Sys::Virt::Domain::STATS_PERF_STALLED_CYCLES_BACKEND

Cycles stalled in the back end of the processor's pipeline.

=item Sys::Virt::Domain::STATS_PERF_REF_CPU_CYCLES

Processor cycles counted at a rate unaffected by frequency scaling.

=item Sys::Virt::Domain::STATS_PERF_CPU_CLOCK

The processor clock time.

=item Sys::Virt::Domain::STATS_PERF_TASK_CLOCK

The task clock time.

=item Sys::Virt::Domain::STATS_PERF_PAGE_FAULTS

Page faults.

=item Sys::Virt::Domain::STATS_PERF_PAGE_FAULTS_MIN

Minor page faults.

=item Sys::Virt::Domain::STATS_PERF_PAGE_FAULTS_MAJ

Major page faults.

=item Sys::Virt::Domain::STATS_PERF_CONTEXT_SWITCHES

Context switches.

=item Sys::Virt::Domain::STATS_PERF_CPU_MIGRATIONS

Moves from one logical processor to another.

=item Sys::Virt::Domain::STATS_PERF_ALIGNMENT_FAULTS

Alignment faults.

=item Sys::Virt::Domain::STATS_PERF_EMULATION_FAULTS

Emulation faults.

=back

IOThreads (C<STATS_IOTHREAD>):

=over 4

=item Sys::Virt::Domain::STATS_IOTHREAD_COUNT

The highest number of entries: each IOThread's entry is numbered by its
IOThread id, and threads without polling values have none.

=item Sys::Virt::Domain::STATS_IOTHREAD_PREFIX

The start of the keys of each IOThread (C<iothread.>).

=item Sys::Virt::Domain::STATS_IOTHREAD_SUFFIX_POLL_MAX_NS

The longest polling time, in nanoseconds; 0 when polling is off.

=item Sys::Virt::Domain::STATS_IOTHREAD_SUFFIX_POLL_GROW

The factor by which the polling time grows; 0 when the hypervisor
chooses.

=item Sys::Virt::Domain::STATS_IOTHREAD_SUFFIX_POLL_SHRINK

The divisor by which the polling time shrinks; 0 when the hypervisor
chooses.

=item Sys::Virt::Domain::STATS_IOTHREAD_SUFFIX_POLL_WEIGHT

The weight (a shift) of the latest interval in the adaptive polling; 0
when the hypervisor's default applies (libvirt 12.7.0 or newer).

=back

Memory bandwidth (C<STATS_MEMORY>):

=over 4

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_COUNT

The number of memory bandwidth monitors of the domain.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_PREFIX

The start of the keys of each monitor (C<memory.bandwidth.monitor.>).

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NAME

The name of the monitor.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_VCPUS

The vCPUs it watches, as a list in a string.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_COUNT

The number of memory controllers it reports on.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_PREFIX

Within a monitor's keys, the start of the keys of each memory
controller (C<.node.>).

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_SUFFIX_ID

The host's identifier of the memory controller.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_SUFFIX_BYTES_LOCAL

The bytes the vCPUs moved through this controller while running on a
host processor of the same package.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_SUFFIX_BYTES_TOTAL

The bytes the vCPUs moved through this controller from any host
processor, local or remote.

=back

Memory dirty rate (C<STATS_DIRTYRATE>), from the last measurement
started with C<start_dirty_rate_calc>:

=over 4

=item Sys::Virt::Domain::STATS_DIRTYRATE_CALC_STATUS

The state of the measurement, one of the C<DIRTYRATE_UNSTARTED>,
C<DIRTYRATE_MEASURING> and C<DIRTYRATE_MEASURED> constants.

=item Sys::Virt::Domain::STATS_DIRTYRATE_CALC_START_TIME

When it started, in seconds.

=item Sys::Virt::Domain::STATS_DIRTYRATE_CALC_PERIOD

How long it lasted, in seconds.

=item Sys::Virt::Domain::STATS_DIRTYRATE_CALC_MODE

How it measured: C<page-sampling>, C<dirty-bitmap> or C<dirty-ring>.

=item Sys::Virt::Domain::STATS_DIRTYRATE_MEGABYTES_PER_SECOND

The rate at which the guest dirtied memory, in MiB/s; only once
measured.

=item Sys::Virt::Domain::STATS_DIRTYRATE_VCPU_PREFIX

The start of the keys of each vCPU's rate (C<dirtyrate.vcpu.>).

=item Sys::Virt::Domain::STATS_DIRTYRATE_VCPU_SUFFIX_MEGABYTES_PER_SECOND

The rate at which that vCPU dirtied memory, in MiB/s.

=back

Statistics specific to the hypervisor (C<STATS_VM>): a key is a prefix,
such as C<STATS_VM_PREFIX>, a name the hypervisor chooses and one of
the C<STATS_CUSTOM_SUFFIX_TYPE_*> suffixes saying what kind of value it
is:

=over 4

=item Sys::Virt::Domain::STATS_VM_PREFIX

The start of the keys of the hypervisor's statistics of the whole
domain (C<vm.>).

=item Sys::Virt::Domain::STATS_CUSTOM_SUFFIX_TYPE_CUR

The current value.

=item Sys::Virt::Domain::STATS_CUSTOM_SUFFIX_TYPE_SUM

A total accumulated over time.

=item Sys::Virt::Domain::STATS_CUSTOM_SUFFIX_TYPE_MAX

The highest value reached.

=back

=head2 EVENT IDS

The kinds of domain events that C<domain_event_register_any> in
L<Sys::Virt> can watch; each kind calls its callback with its own
arguments, described in L<Sys::Virt>.

=over 4

=item Sys::Virt::Domain::EVENT_ID_LIFECYCLE

The domain was defined, started, stopped, paused, resumed... (see
LIFECYCLE EVENTS below).

=item Sys::Virt::Domain::EVENT_ID_REBOOT

The guest rebooted.

=item Sys::Virt::Domain::EVENT_ID_RTC_CHANGE

The guest changed its real time clock.

=item Sys::Virt::Domain::EVENT_ID_WATCHDOG

The guest's watchdog device fired.

=item Sys::Virt::Domain::EVENT_ID_IO_ERROR

A disk I/O error happened.

=item Sys::Virt::Domain::EVENT_ID_IO_ERROR_REASON

A disk I/O error happened; the event also tells why.

=item Sys::Virt::Domain::EVENT_ID_GRAPHICS

A client connected to, authenticated with or disconnected from the
graphics console.

=item Sys::Virt::Domain::EVENT_ID_CONTROL_ERROR

The connection to the process running the domain failed.

=item Sys::Virt::Domain::EVENT_ID_BLOCK_JOB

A block job finished, failed, was cancelled or became ready; the disk
is named by its path.

=item Sys::Virt::Domain::EVENT_ID_BLOCK_JOB_2

The same as C<EVENT_ID_BLOCK_JOB>, with the disk named by its target
(e.g. C<vda>).

=item Sys::Virt::Domain::EVENT_ID_DISK_CHANGE

The medium of a removable disk changed, or a disk was dropped.

=item Sys::Virt::Domain::EVENT_ID_TRAY_CHANGE

The tray of a removable disk drive was opened or closed.

=item Sys::Virt::Domain::EVENT_ID_PMWAKEUP

The guest woke up from a power management sleep.

=item Sys::Virt::Domain::EVENT_ID_PMSUSPEND

The guest went to sleep in memory.

=item Sys::Virt::Domain::EVENT_ID_PMSUSPEND_DISK

The guest went to sleep on disk.

=item Sys::Virt::Domain::EVENT_ID_BALLOON_CHANGE

The memory balloon's size changed.

=item Sys::Virt::Domain::EVENT_ID_DEVICE_ADDED

A device was added to the guest.

=item Sys::Virt::Domain::EVENT_ID_DEVICE_REMOVED

A device has been removed from the guest.

=item Sys::Virt::Domain::EVENT_ID_DEVICE_REMOVAL_FAILED

The guest refused or failed to release a device being removed.

=item Sys::Virt::Domain::EVENT_ID_TUNABLE

Tunable parameters of the domain changed (see TUNABLE EVENT PARAMETERS).

=item Sys::Virt::Domain::EVENT_ID_AGENT_LIFECYCLE

The guest agent connected or disconnected.

=item Sys::Virt::Domain::EVENT_ID_MIGRATION_ITERATION

A live migration started another pass over the guest memory.

=item Sys::Virt::Domain::EVENT_ID_JOB_COMPLETED

A background job finished; the event carries its final statistics.

=item Sys::Virt::Domain::EVENT_ID_METADATA_CHANGE

The title, description or a metadata element of the domain changed.

=item Sys::Virt::Domain::EVENT_ID_BLOCK_THRESHOLD

The write threshold set with C<set_block_threshold> was passed.

=item Sys::Virt::Domain::EVENT_ID_MEMORY_FAILURE

The hypervisor reported a hardware memory error.

=item Sys::Virt::Domain::EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE

The guest changed the size of a virtio memory device.

=item Sys::Virt::Domain::EVENT_ID_NIC_MAC_CHANGE

The guest changed the MAC address of one of its network interfaces
(for QEMU only reported for virtio interfaces) (libvirt 11.2.0 or
newer).

=item Sys::Virt::Domain::EVENT_ID_VCPU_REMOVED

A virtual CPU was removed from the domain, e.g. once the guest gave up
one unplugged with C<SETVCPU_ASYNC_UNPLUG> (libvirt 12.4.0 or newer).

=item Sys::Virt::Domain::EVENT_ID_CHANNEL_LIFECYCLE

A virtio-serial channel of the guest, any of them including the guest
agent's, was connected or disconnected; see the CHANNEL LIFECYCLE
EVENT STATES AND REASONS (libvirt 12.4.0 or newer).

=back

=head2 LIFECYCLE EVENTS

A lifecycle event carries an event type and a detail, whose meaning
depends on the type. The types:

=over 4

=item Sys::Virt::Domain::EVENT_DEFINED

A configuration was stored for the domain.

=item Sys::Virt::Domain::EVENT_UNDEFINED

The stored configuration of the domain was removed.

=item Sys::Virt::Domain::EVENT_STARTED

The domain started running.

=item Sys::Virt::Domain::EVENT_SUSPENDED

The domain was paused.

=item Sys::Virt::Domain::EVENT_RESUMED

The domain continued running after a pause.

=item Sys::Virt::Domain::EVENT_STOPPED

The domain stopped running.

=item Sys::Virt::Domain::EVENT_SHUTDOWN

The guest finished shutting down (the domain may not have stopped yet).

=item Sys::Virt::Domain::EVENT_PMSUSPENDED

The guest went to a power management sleep.

=item Sys::Virt::Domain::EVENT_CRASHED

The guest crashed.

=back

The details of C<EVENT_DEFINED>:

=over 4

=item Sys::Virt::Domain::EVENT_DEFINED_ADDED

A new configuration was stored.

=item Sys::Virt::Domain::EVENT_DEFINED_UPDATED

The stored configuration was replaced.

=item Sys::Virt::Domain::EVENT_DEFINED_RENAMED

The domain was defined under its new name by a rename.

=item Sys::Virt::Domain::EVENT_DEFINED_FROM_SNAPSHOT

The configuration was restored from a snapshot.

=back

The details of C<EVENT_UNDEFINED>:

=over 4

=item Sys::Virt::Domain::EVENT_UNDEFINED_REMOVED

The configuration was deleted.

=item Sys::Virt::Domain::EVENT_UNDEFINED_RENAMED

The configuration went away under the old name because of a rename.

=back

The details of C<EVENT_STARTED>:

=over 4

=item Sys::Virt::Domain::EVENT_STARTED_BOOTED

A normal boot.

=item Sys::Virt::Domain::EVENT_STARTED_MIGRATED

The domain arrived from another host by migration.

=item Sys::Virt::Domain::EVENT_STARTED_RESTORED

The domain was restored from a saved state file.

=item Sys::Virt::Domain::EVENT_STARTED_FROM_SNAPSHOT

The domain was reverted to a snapshot.

=item Sys::Virt::Domain::EVENT_STARTED_WAKEUP

The domain started because of a wake-up request.

=item Sys::Virt::Domain::EVENT_STARTED_RECREATED

The domain started again as part of the recreation of a secure guest
(libvirt 11.6.0 or newer).

=back

The details of C<EVENT_SUSPENDED>:

=over 4

=item Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED

Paused on request, e.g. by C<suspend>.

=item Sys::Virt::Domain::EVENT_SUSPENDED_MIGRATED

Paused for an offline migration.

=item Sys::Virt::Domain::EVENT_SUSPENDED_IOERROR

Paused because of a disk I/O error.

=item Sys::Virt::Domain::EVENT_SUSPENDED_WATCHDOG

Paused by the action of the watchdog device.

=item Sys::Virt::Domain::EVENT_SUSPENDED_RESTORED

Left paused after being restored from a saved state file.

=item Sys::Virt::Domain::EVENT_SUSPENDED_FROM_SNAPSHOT

Left paused after being reverted to a snapshot.

=item Sys::Virt::Domain::EVENT_SUSPENDED_API_ERROR

Paused because a libvirt call failed half way.

=item Sys::Virt::Domain::EVENT_SUSPENDED_POSTCOPY

Paused while a migration runs in post-copy mode.

=item Sys::Virt::Domain::EVENT_SUSPENDED_POSTCOPY_FAILED

Paused after a post-copy migration failed.

=item Sys::Virt::Domain::EVENT_SUSPENDED_GUEST_SHUTDOWN

Paused after the guest operating system shut down, kept while a long
running job (such as a backup begun with
C<BACKUP_BEGIN_PRESERVE_SHUTDOWN_DOMAIN>) finishes (libvirt 11.10.0 or
newer).

=back

The details of C<EVENT_RESUMED>:

=over 4

=item Sys::Virt::Domain::EVENT_RESUMED_UNPAUSED

Resumed on request, e.g. by C<resume>.

=item Sys::Virt::Domain::EVENT_RESUMED_MIGRATED

Resumed on the destination host at the end of a migration.

=item Sys::Virt::Domain::EVENT_RESUMED_FROM_SNAPSHOT

Resumed after being reverted to a snapshot.

=item Sys::Virt::Domain::EVENT_RESUMED_POSTCOPY

Resumed while a migration continues in post-copy mode.

=item Sys::Virt::Domain::EVENT_RESUMED_POSTCOPY_FAILED

Running, although a post-copy migration of the domain failed.

=back

The details of C<EVENT_STOPPED>:

=over 4

=item Sys::Virt::Domain::EVENT_STOPPED_SHUTDOWN

The guest shut down normally.

=item Sys::Virt::Domain::EVENT_STOPPED_DESTROYED

The domain was stopped by C<destroy>.

=item Sys::Virt::Domain::EVENT_STOPPED_CRASHED

The guest crashed.

=item Sys::Virt::Domain::EVENT_STOPPED_MIGRATED

The domain left for another host by migration.

=item Sys::Virt::Domain::EVENT_STOPPED_SAVED

The domain's state was saved to a file.

=item Sys::Virt::Domain::EVENT_STOPPED_FAILED

The hypervisor failed to keep the domain running.

=item Sys::Virt::Domain::EVENT_STOPPED_FROM_SNAPSHOT

The domain was reverted to a snapshot of a shut off domain.

=item Sys::Virt::Domain::EVENT_STOPPED_RECREATED

The domain stopped as part of the recreation of a secure guest, to be
started again (libvirt 11.6.0 or newer).

=back

The details of C<EVENT_SHUTDOWN>:

=over 4

=item Sys::Virt::Domain::EVENT_SHUTDOWN_FINISHED

The guest finished shutting down, for no reason given.

=item Sys::Virt::Domain::EVENT_SHUTDOWN_GUEST

The guest finished shutting down at its own request.

=item Sys::Virt::Domain::EVENT_SHUTDOWN_HOST

The guest finished shutting down at the host's request (e.g. a signal
sent to the hypervisor process).

=back

The details of C<EVENT_PMSUSPENDED>:

=over 4

=item Sys::Virt::Domain::EVENT_PMSUSPENDED_MEMORY

The guest sleeps in memory.

=item Sys::Virt::Domain::EVENT_PMSUSPENDED_DISK

The guest sleeps on disk.

=back

The details of C<EVENT_CRASHED>:

=over 4

=item Sys::Virt::Domain::EVENT_CRASHED_PANICKED

The guest kernel panicked.

=item Sys::Virt::Domain::EVENT_CRASHED_CRASHLOADED

The guest crashed and loaded a crash kernel to handle it.

=back

=head2 WATCHDOG EVENT ACTIONS

What was done when the watchdog fired (C<EVENT_ID_WATCHDOG>):

=over 4

=item Sys::Virt::Domain::EVENT_WATCHDOG_NONE

Nothing.

=item Sys::Virt::Domain::EVENT_WATCHDOG_PAUSE

The guest was paused.

=item Sys::Virt::Domain::EVENT_WATCHDOG_RESET

The guest was reset.

=item Sys::Virt::Domain::EVENT_WATCHDOG_POWEROFF

The guest was powered off.

=item Sys::Virt::Domain::EVENT_WATCHDOG_SHUTDOWN

The guest was asked to shut down.

=item Sys::Virt::Domain::EVENT_WATCHDOG_DEBUG

Nothing but a log message.

=item Sys::Virt::Domain::EVENT_WATCHDOG_INJECTNMI

A non-maskable interrupt was delivered to the guest.

=back

=head2 I/O ERROR EVENT ACTIONS

What was done about a disk I/O error (C<EVENT_ID_IO_ERROR> and
C<EVENT_ID_IO_ERROR_REASON>):

=over 4

=item Sys::Virt::Domain::EVENT_IO_ERROR_NONE

Nothing: the error was ignored and the guest told the I/O succeeded.

=item Sys::Virt::Domain::EVENT_IO_ERROR_PAUSE

The guest was paused.

=item Sys::Virt::Domain::EVENT_IO_ERROR_REPORT

The error was passed on to the guest.

=back

=head2 GRAPHICS EVENT PHASES AND ADDRESSES

The phase reported by a graphics event (C<EVENT_ID_GRAPHICS>):

=over 4

=item Sys::Virt::Domain::EVENT_GRAPHICS_CONNECT

A client opened a connection.

=item Sys::Virt::Domain::EVENT_GRAPHICS_INITIALIZE

The client was authenticated and the session is set up.

=item Sys::Virt::Domain::EVENT_GRAPHICS_DISCONNECT

The client went away.

=back

The family of the local and remote addresses the event carries:

=over 4

=item Sys::Virt::Domain::EVENT_GRAPHICS_ADDRESS_IPV4

An IPv4 address.

=item Sys::Virt::Domain::EVENT_GRAPHICS_ADDRESS_IPV6

An IPv6 address.

=item Sys::Virt::Domain::EVENT_GRAPHICS_ADDRESS_UNIX

The path of a UNIX domain socket.

=back

=head2 DISK CHANGE EVENT REASONS

Why a disk changed (C<EVENT_ID_DISK_CHANGE>):

=over 4

=item Sys::Virt::Domain::EVENT_DISK_CHANGE_MISSING_ON_START

The medium was ejected because its source could not be found when the
domain started.

=item Sys::Virt::Domain::EVENT_DISK_DROP_MISSING_ON_START

The whole disk was removed because its source could not be found when
the domain started.

=back

=head2 TRAY CHANGE EVENT REASONS

What happened to the tray of a removable disk drive
(C<EVENT_ID_TRAY_CHANGE>):

=over 4

=item Sys::Virt::Domain::EVENT_TRAY_CHANGE_OPEN

The tray was opened.

=item Sys::Virt::Domain::EVENT_TRAY_CHANGE_CLOSE

The tray was closed.

=back

=head2 AGENT LIFECYCLE EVENT STATES AND REASONS

The new state of the guest agent (C<EVENT_ID_AGENT_LIFECYCLE>):

=over 4

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_STATE_CONNECTED

The agent is now connected.

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED

The agent is now disconnected.

=back

And why it changed:

=over 4

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_REASON_UNKNOWN

For no known reason.

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_REASON_DOMAIN_STARTED

Because the domain was started.

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_REASON_CHANNEL

Because the agent's channel was opened or closed.

=back

=head2 CHANNEL LIFECYCLE EVENT STATES AND REASONS

The new state of a guest channel (C<EVENT_ID_CHANNEL_LIFECYCLE>, libvirt
12.4.0 or newer):

=over 4

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_STATE_CONNECTED

The channel is now connected.

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_STATE_DISCONNECTED

The channel is now disconnected.

=back

And why it changed:

=over 4

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_REASON_UNKNOWN

For no known reason.

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_REASON_DOMAIN_STARTED

Because the domain was started.

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_REASON_CHANNEL

Because the channel itself changed state.

=back

=head2 MEMORY FAILURE EVENTS

Who suffered a hardware memory error (C<EVENT_ID_MEMORY_FAILURE>):

=over 4

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_RECIPIENT_HYPERVISOR

The hypervisor's own memory.

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_RECIPIENT_GUEST

Memory of the guest.

=back

What was done about it:

=over 4

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_ACTION_IGNORE

Nothing: the error was ignored.

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_ACTION_INJECT

A machine check was delivered to the guest, which handles it.

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_ACTION_FATAL

The error could not be recovered from: the hypervisor stops.

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_ACTION_RESET

The error could not be recovered from, but only the guest is affected:
it is reset.

=back

Bits of the flags the event carries:

=over 4

=item Sys::Virt::Domain::MEMORY_FAILURE_ACTION_REQUIRED

The error was found when the memory was used, so it had to be dealt
with at once (rather than found by a background scan).

=item Sys::Virt::Domain::MEMORY_FAILURE_RECURSIVE

The error happened while an earlier one was still being handled.

=back

=head2 TUNABLE EVENT PARAMETERS

The keys of the hash of parameters a tunable event (C<EVENT_ID_TUNABLE>)
carries; only those that changed are present.

=over 4

=item Sys::Virt::Domain::TUNABLE_CPU_CPU_SHARES

The relative CPU weight.

=item Sys::Virt::Domain::TUNABLE_CPU_GLOBAL_PERIOD

The bandwidth period of the whole domain.

=item Sys::Virt::Domain::TUNABLE_CPU_GLOBAL_QUOTA

The bandwidth quota of the whole domain.

=item Sys::Virt::Domain::TUNABLE_CPU_VCPU_PERIOD

The bandwidth period of each vCPU.

=item Sys::Virt::Domain::TUNABLE_CPU_VCPU_QUOTA

The bandwidth quota of each vCPU.

=item Sys::Virt::Domain::TUNABLE_CPU_EMULATOR_PERIOD

The bandwidth period of the emulator threads.

=item Sys::Virt::Domain::TUNABLE_CPU_EMULATOR_QUOTA

The bandwidth quota of the emulator threads.

=item Sys::Virt::Domain::TUNABLE_CPU_IOTHREAD_PERIOD

The bandwidth period of the IOThreads.

=item Sys::Virt::Domain::TUNABLE_CPU_IOTHREAD_QUOTA

The bandwidth quota of the IOThreads.

=item Sys::Virt::Domain::TUNABLE_CPU_VCPUPIN

The host CPUs a vCPU may run on, as a textual CPU list. The constant is
a C<sprintf> format (C<cputune.vcpupin%u>): the key holds the vCPU
number.

=item Sys::Virt::Domain::TUNABLE_CPU_EMULATORPIN

The host CPUs the emulator threads may run on, as a textual CPU list.

=item Sys::Virt::Domain::TUNABLE_IOTHREADSPIN

The host CPUs an IOThread may run on, as a textual CPU list. Like
C<TUNABLE_CPU_VCPUPIN>, a format whose C<%u> is the IOThread id.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_DISK

The target name of the disk whose I/O limits changed; the
C<TUNABLE_BLKDEV_*> values below apply to it.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_BYTES_SEC

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_BYTES_SEC

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_BYTES_SEC

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_IOPS_SEC

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_IOPS_SEC

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_IOPS_SEC

The disk's throughput limits, in bytes or operations per second, in
total, for reads and for writes (as the C<BLOCK_IOTUNE_*> parameters of
the same names).

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_BYTES_SEC_MAX

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_BYTES_SEC_MAX

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_BYTES_SEC_MAX

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_IOPS_SEC_MAX

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_IOPS_SEC_MAX

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_IOPS_SEC_MAX

The disk's burst limits.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_BYTES_SEC_MAX_LENGTH

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_BYTES_SEC_MAX_LENGTH

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_BYTES_SEC_MAX_LENGTH

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_IOPS_SEC_MAX_LENGTH

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_IOPS_SEC_MAX_LENGTH

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_IOPS_SEC_MAX_LENGTH

How many seconds each burst may last.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_SIZE_IOPS_SEC

The size counted as one operation by the operation limits.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_GROUP_NAME

The throttling group the disk shares its limits with.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::Error>, L<Sys::Virt::DomainSnapshot>,
L<Sys::Virt::DomainCheckpoint>, C<https://libvirt.org/>

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
