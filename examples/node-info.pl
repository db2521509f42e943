#!/usr/bin/perl
# What kind of host is behind a libvirt URI: versions, CPUs, memory per
# NUMA cell, and what guests it can run (from its capabilities XML).
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'test:///default';
my $xml;
GetOptions('uri|c=s' => \$uri, 'xml' => \$xml,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) if @ARGV;

eval {
    my $conn = Sys::Virt->new(uri => $uri, readonly => 1);
    my $caps = $conn->get_capabilities;
    if ($xml) {
        print $caps;
        return 1;
    }

    my $node = $conn->get_node_info;
    printf "URI:        %s\n", $conn->get_uri;
    printf "Host name:  %s\n", $conn->get_hostname;
    printf "Driver:     %s %s (libvirt %s)\n", $conn->get_type,
        version($conn->get_version), version($conn->get_library_version);
    printf "CPUs:       %d x %s at %d MHz (%d NUMA nodes x %d sockets x %d cores x %d threads)\n",
        @{$node}{qw(cpus model mhz nodes sockets cores threads)};
    printf "Memory:     %d MiB, %d MiB free\n",
        $node->{memory} / 1024, $conn->get_node_free_memory / 1024 / 1024;
    # Free memory per NUMA cell, in bytes.
    my @free = $conn->get_node_cells_free_memory(0, $node->{nodes});
    printf "  cell %d:   %d MiB free\n", $_, $free[$_] / 1024 / 1024 for 0 .. $#free;

    # The capabilities XML: the host's architecture and CPU model, then
    # one <guest> element per OS type and architecture. (A real script
    # would use an XML parser such as XML::LibXML.)
    my ($cpu) = $caps =~ m{<host>.*?<cpu>(.*?)</cpu>}s;
    my ($arch) = $cpu =~ m{<arch>([^<]+)</arch>};
    my ($model) = $cpu =~ m{<model>([^<]+)</model>};
    printf "Host arch:  %s%s\n", $arch, $model ? ", CPU model $model" : '';
    print "Guests:\n";
    my %max_vcpus;
    for my $guest ($caps =~ m{<guest>(.*?)</guest>}sg) {
        my ($os_type) = $guest =~ m{<os_type>([^<]+)</os_type>};
        my ($garch) = $guest =~ m{<arch name='([^']+)'};
        my @types = $guest =~ m{<domain type='([^']+)'}g;
        printf "  %-6s %-8s domain types: %s\n", $os_type, $garch, join(', ', @types);
        $max_vcpus{$_} //= $conn->get_max_vcpus($_) for @types;
    }
    printf "Max vCPUs:  %s\n", join(', ', map { "$max_vcpus{$_} ($_)" } sort keys %max_vcpus);
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

# libvirt numbers versions as major * 1,000,000 + minor * 1,000 + micro.
sub version {
    my ($v) = @_;
    return join '.', int($v / 1_000_000), int($v / 1000) % 1000, $v % 1000;
}

__END__

=head1 NAME

node-info.pl - describe a libvirt host

=head1 SYNOPSIS

  node-info.pl [--uri URI] [--xml]

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>).

=item B<--xml>

Print the host's capabilities XML instead of the summary.

=back

=cut
