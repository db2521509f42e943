#!/usr/bin/perl
# Move a guest to another host. By default this script connects to both
# hosts and drives the migration; with --p2p the source host's daemon
# connects to the destination itself (the destination URI is then as
# the source host sees it).
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'qemu:///system';
my ($dest, $p2p, $offline, $persist, $undefine, $unsafe, $migrate_uri, $bandwidth, $rename);
GetOptions('uri|c=s' => \$uri, 'dest=s' => \$dest, 'p2p' => \$p2p, 'offline' => \$offline,
           'persistent' => \$persist, 'undefine-source' => \$undefine, 'unsafe' => \$unsafe,
           'migrate-uri=s' => \$migrate_uri, 'bandwidth=i' => \$bandwidth, 'rename=s' => \$rename,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) unless defined $dest && @ARGV == 1;
my ($name) = @ARGV;

eval {
    my $conn = Sys::Virt->new(uri => $uri);
    my $dom = $conn->get_domain_by_name($name);

    # A running guest migrates live (it keeps running meanwhile); a shut
    # off one can only have its definition copied (--offline).
    my $flags = $offline ? Sys::Virt::Domain::MIGRATE_OFFLINE : Sys::Virt::Domain::MIGRATE_LIVE;
    $flags |= Sys::Virt::Domain::MIGRATE_PERSIST_DEST if $persist || $offline;
    $flags |= Sys::Virt::Domain::MIGRATE_UNDEFINE_SOURCE if $undefine;
    # Disks on shared storage without a cluster file system (NFS without
    # cache=none...): libvirt refuses such a migration unless told.
    $flags |= Sys::Virt::Domain::MIGRATE_UNSAFE if $unsafe;

    my %params;
    $params{Sys::Virt::Domain::MIGRATE_PARAM_URI()} = $migrate_uri if defined $migrate_uri;
    $params{Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH()} = $bandwidth if $bandwidth;   # MiB/s
    $params{Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME()} = $rename if defined $rename;

    if ($p2p) {
        $dom->migrate_to_uri($dest, \%params, $flags | Sys::Virt::Domain::MIGRATE_PEER2PEER);
        print "migrated $name to $dest\n";
    } else {
        my $dconn = Sys::Virt->new(uri => $dest);
        my $ddom = $dom->migrate($dconn, \%params, $flags);
        printf "migrated %s to %s as %s: %s\n", $name, $dconn->get_uri, $ddom->get_name,
            $ddom->is_active ? 'running' : 'shut off';
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

__END__

=head1 NAME

migrate.pl - migrate a guest to another host

=head1 SYNOPSIS

  migrate.pl [--uri URI] --dest URI [--p2p] [--offline] [--persistent]
             [--undefine-source] [--unsafe] [--migrate-uri URI]
             [--bandwidth MIBPS] [--rename NAME] DOMAIN

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The source host (default C<qemu:///system>).

=item B<--dest> URI

The destination host, e.g. C<qemu+ssh://host2/system>.

=item B<--p2p>

Let the source host's daemon connect to the destination (peer to peer).

=item B<--offline>

Copy the definition of a shut off guest (implies B<--persistent>).

=item B<--persistent>

Define the guest on the destination too (else it is transient there).

=item B<--undefine-source>

Remove the guest's definition from the source afterwards.

=item B<--unsafe>

Migrate even if libvirt thinks the disks' cache settings are not safe
for it.

=item B<--migrate-uri> URI

Where the hypervisor sends the data, e.g. C<tcp://10.0.0.2> (default:
chosen by the destination host).

=item B<--bandwidth> MIBPS

Limit the migration to MIBPS MiB/s.

=item B<--rename> NAME

The guest's name on the destination.

=back

=cut
