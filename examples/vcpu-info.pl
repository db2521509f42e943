#!/usr/bin/perl
# Where a running guest's virtual CPUs, emulator threads and IOThreads
# run: their state, host CPU, time used and CPU affinity.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'test:///default';
GetOptions('uri|c=s' => \$uri, 'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) unless @ARGV == 1;
my ($name) = @ARGV;

my %vcpu_state = (
    Sys::Virt::Domain::VCPU_OFFLINE() => 'offline',
    Sys::Virt::Domain::VCPU_RUNNING() => 'running',
    Sys::Virt::Domain::VCPU_BLOCKED() => 'blocked',
);

eval {
    my $conn = Sys::Virt->new(uri => $uri, readonly => 1);
    my $dom = $conn->get_domain_by_name($name);
    printf "%s: %d vCPUs (maximum %d)\n", $name,
        $dom->get_vcpus, $dom->get_vcpus(Sys::Virt::Domain::VCPU_MAXIMUM);

    printf "%5s  %-8s %8s %14s  %s\n", 'vCPU', 'State', 'Host CPU', 'CPU time (s)', 'Affinity';
    for my $vcpu ($dom->get_vcpu_info) {
        printf "%5d  %-8s %8s %14.3f  %s\n", $vcpu->{number},
            $vcpu_state{ $vcpu->{state} } // $vcpu->{state},
            $vcpu->{cpu} >= 0 ? $vcpu->{cpu} : '-', $vcpu->{cpuTime} / 1e9,
            cpu_list($vcpu->{affinity});
    }
    printf "Emulator threads: %s\n", cpu_list($dom->get_emulator_pin_info);

    # IOThreads are a QEMU feature: other drivers may have no such call.
    my @iothreads = eval { $dom->get_iothread_info };
    if (my $err = $@) {
        die $err unless ref $err && $err->code == Sys::Virt::Error::ERR_NO_SUPPORT;
        print "IOThreads: not supported by this driver\n";
    } else {
        printf "IOThreads: %d\n", scalar @iothreads;
        printf "%5d  %s\n", $_->{number}, cpu_list($_->{affinity}) for @iothreads;
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

# cpu_list($bitmap): "0-3,6" for a CPU map (one bit per host CPU, CPU 0
# in the lowest bit of the first byte), "-" when empty.
sub cpu_list {
    my @cpus = grep { vec($_[0], $_, 1) } 0 .. 8 * length($_[0]) - 1;
    my @ranges;
    for my $cpu (@cpus) {
        if (@ranges && $ranges[-1][1] == $cpu - 1) { $ranges[-1][1] = $cpu }
        else { push @ranges, [$cpu, $cpu] }
    }
    return join(',', map { $_->[0] == $_->[1] ? $_->[0] : "$_->[0]-$_->[1]" } @ranges) || '-';
}

__END__

=head1 NAME

vcpu-info.pl - show a guest's virtual CPUs and IOThreads

=head1 SYNOPSIS

  vcpu-info.pl [--uri URI] DOMAIN

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>).

=back

=cut
