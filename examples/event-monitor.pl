#!/usr/bin/perl
# Print libvirt's events as they happen: every domain event ID, and the
# lifecycle events of networks, storage pools, node devices and secrets.
# Runs libvirt's default event loop until --timeout seconds have passed
# or --count events have arrived.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'test:///default';
my ($timeout, $count) = (0, 0);
GetOptions('uri|c=s' => \$uri, 'timeout=i' => \$timeout, 'count=i' => \$count,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) if @ARGV;
$| = 1;     # one line per event, at once, even into a pipe

# The names and arguments of each domain event (see domain_event_register_any
# in Sys::Virt); events missing here are printed with their bare values.
my %ARGS = (
    lifecycle => [qw(event detail)], rtc_change => ['utcoffset'], watchdog => ['action'],
    io_error => [qw(srcpath devalias action)], io_error_reason => [qw(srcpath devalias action reason)],
    graphics => [qw(phase local remote authscheme subject)], block_job => [qw(path type status)],
    block_job_2 => [qw(disk type status)], disk_change => [qw(oldsrc newsrc devalias reason)],
    tray_change => [qw(devalias reason)], pmwakeup => ['reason'], pmsuspend => ['reason'],
    pmsuspend_disk => ['reason'], balloon_change => ['actual'], device_removed => ['devalias'],
    device_added => ['devalias'], device_removal_failed => ['devalias'], tunable => ['params'],
    job_completed => ['params'], agent_lifecycle => [qw(state reason)],
    migration_iteration => ['iteration'], metadata_change => [qw(type nsuri)],
    block_threshold => [qw(dev path threshold excess)], memory_failure => [qw(recipient action flags)],
    memory_device_size_change => [qw(alias size)], nic_mac_change => [qw(devalias oldmac newmac)],
    vcpu_removed => ['vcpuid'], channel_lifecycle => [qw(channel state reason)],
);

my $events = 0;
my $done;

eval {
    # The event loop must exist before the connection is opened.
    Sys::Virt::Event::register_default();
    my $conn = Sys::Virt->new(uri => $uri, readonly => 1);

    # Every EVENT_ID_* constant this Sys::Virt knows; the libvirt in use
    # may be older and refuse the newest.
    my %domain_id = constant_names('Sys::Virt::Domain', qr/^EVENT_ID_(\w+)$/);
    my $watched = 0;
    for my $id (sort { $a <=> $b } keys %domain_id) {
        my $event = $domain_id{$id};
        my $ok = eval {
            $conn->domain_event_register_any(undef, $id, sub {
                my (undef, $dom, @args) = @_;
                if ($event eq 'lifecycle') {
                    @args = lifecycle('Sys::Virt::Domain', @args);
                } else {
                    my @names = @{ $ARGS{$event} // [] };
                    @args = map { (@names ? shift(@names) . '=' : '') . value($_) } @args;
                }
                report('domain ' . $dom->get_name, $event =~ tr/_/-/r, @args);
            });
            1;
        };
        if ($ok) { $watched++ } else { warn "$0: not watching EVENT_ID_\U$event\E: ", message($@), "\n" }
    }
    my @watching = ("$watched domain event IDs");

    # Lifecycle events of the other kinds of objects.
    for my $kind (['network', 'Sys::Virt::Network', 'network_event_register_any', 'get_name',
                   Sys::Virt::Network::EVENT_ID_LIFECYCLE],
                  ['storage pool', 'Sys::Virt::StoragePool', 'storage_pool_event_register_any', 'get_name',
                   Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE],
                  ['node device', 'Sys::Virt::NodeDevice', 'node_device_event_register_any', 'get_name',
                   Sys::Virt::NodeDevice::EVENT_ID_LIFECYCLE],
                  ['secret', 'Sys::Virt::Secret', 'secret_event_register_any', 'get_uuid_string',
                   Sys::Virt::Secret::EVENT_ID_LIFECYCLE]) {
        my ($what, $class, $register, $id_of, $id) = @$kind;
        my $ok = eval {
            $conn->$register(undef, $id, sub {
                my (undef, $obj, @args) = @_;
                report("$what " . $obj->$id_of, 'lifecycle', lifecycle($class, @args));
            });
            1;
        };
        if ($ok) { push @watching, $what } else { warn "$0: not watching $what events: ", message($@), "\n" }
    }
    print "watching: ", join(', ', @watching), "\n";
    # Stop if a daemon goes away (drivers without a daemon never call it).
    $conn->register_close_callback(sub { $done = 'connection closed' });

    Sys::Virt::Event::add_timeout($timeout * 1000, sub { $done = "timeout after $timeout s" }) if $timeout;
    Sys::Virt::Event::run_default() until $done;
    print "$done, $events events\n";
    1;
} or do { print STDERR "$0: ", message($@), "\n"; exit 1 };

sub report {
    my ($object, $event, @details) = @_;
    print join(' ', "$object: $event", @details), "\n";
    $done = 'done' if $count && ++$events >= $count;
}

# lifecycle($class, $event, $detail): names for them, from $class's
# EVENT_<EVENT> and EVENT_<EVENT>_<DETAIL> constants, e.g. "stopped destroyed".
sub lifecycle {
    my ($class, $event, $detail) = @_;
    my %event = constant_names($class, qr/^EVENT_(?!ID_)([A-Z]+)$/);
    my $name = $event{$event} // $event;
    my %detail = constant_names($class, qr/^EVENT_\U$name\E_(\w+)$/);
    return ($name, %detail ? $detail{$detail} // $detail : ());
}

# value($v): an event argument as text: hashes as {key=value, ...},
# arrays as [...], a missing string as "-".
sub value {
    my ($v) = @_;
    return '-' unless defined $v;
    return '{' . join(', ', map { "$_=" . value($v->{$_}) } sort keys %$v) . '}' if ref $v eq 'HASH';
    return '[' . join(', ', map { value($_) } @$v) . ']' if ref $v eq 'ARRAY';
    return $v;
}

# constant_names($package, $regex): value => name for the constants of
# $package whose names match $regex, the name being $1 in lower case.
sub constant_names {
    my ($package, $re) = @_;
    no strict 'refs';       # the package's symbol table, by name
    return map { $_ =~ $re ? ($package->can($_)->() => lc $1) : () } keys %{"${package}::"};
}

sub message {
    my ($err) = @_;
    my $msg = ref $err ? $err->message : $err;
    chomp $msg;
    return $msg;
}

__END__

=head1 NAME

event-monitor.pl - print libvirt events as they happen

=head1 SYNOPSIS

  event-monitor.pl [--uri URI] [--timeout SECONDS] [--count N]

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>, where only changes
made through the same connection would cause events: use a daemon's URI,
such as C<qemu:///system>).

=item B<--timeout> SECONDS

Stop after SECONDS seconds (default: never).

=item B<--count> N

Stop after N events (default: never).

=back

=cut
