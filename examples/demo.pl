#!/usr/bin/perl
# A first look at a libvirt host: node info and the domains with their
# state and memory. Defaults to libvirt's built-in test driver.
#
#   perl -Mblib examples/demo.pl [URI]
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'test:///default';
GetOptions('uri|c=s' => \$uri, 'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
$uri = shift if @ARGV;      # the URI may also come as the only argument
pod2usage(2) if @ARGV;

my %state_name = (
    Sys::Virt::Domain::STATE_NOSTATE()     => 'no state',
    Sys::Virt::Domain::STATE_RUNNING()     => 'running',
    Sys::Virt::Domain::STATE_BLOCKED()     => 'blocked',
    Sys::Virt::Domain::STATE_PAUSED()      => 'paused',
    Sys::Virt::Domain::STATE_SHUTDOWN()    => 'shutting down',
    Sys::Virt::Domain::STATE_SHUTOFF()     => 'shut off',
    Sys::Virt::Domain::STATE_CRASHED()     => 'crashed',
    Sys::Virt::Domain::STATE_PMSUSPENDED() => 'suspended (PM)',
);

eval {
    my $conn = Sys::Virt->new(uri => $uri, readonly => 1);
    my $node = $conn->get_node_info;
    printf "%s (%s), libvirt %s\n", $conn->get_uri, $conn->get_type, join('.', $conn->get_library_version =~ /^(\d+?)(\d{3})(\d{3})$/ ? ($1, $2 + 0, $3 + 0) : $conn->get_library_version);
    printf "node: %s, %d CPUs at %d MHz, %d KiB memory, %d NUMA node(s)\n",
        @{$node}{qw(model cpus mhz memory nodes)};

    my @domains = $conn->list_all_domains;
    printf "%d domain(s):\n", scalar @domains;
    for my $dom (sort { $a->get_name cmp $b->get_name } @domains) {
        my $info = $dom->get_info;
        printf "  %-12s %-14s %2d vCPU  %8d / %8d KiB  %s\n", $dom->get_name,
            $state_name{ $info->{state} } // "state $info->{state}",
            $info->{nrVirtCpu}, $info->{memory}, $info->{maxMem}, $dom->get_uuid_string;
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

__END__

=head1 NAME

demo.pl - a first look at a libvirt host

=head1 SYNOPSIS

  demo.pl [--uri URI | URI]

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI, or URI alone

The libvirt connection (default C<test:///default>).

=back

=cut
