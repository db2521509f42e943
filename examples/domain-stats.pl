#!/usr/bin/perl
# Statistics of every guest (or of those named) in one call, as
# monitoring agents collect them: get_all_domain_stats.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

# The groups --stats can name, and their constants.
my %GROUP = (
    state     => Sys::Virt::Domain::STATS_STATE,
    cpu       => Sys::Virt::Domain::STATS_CPU_TOTAL,
    balloon   => Sys::Virt::Domain::STATS_BALLOON,
    vcpu      => Sys::Virt::Domain::STATS_VCPU,
    interface => Sys::Virt::Domain::STATS_INTERFACE,
    block     => Sys::Virt::Domain::STATS_BLOCK,
    perf      => Sys::Virt::Domain::STATS_PERF,
    iothread  => Sys::Virt::Domain::STATS_IOTHREAD,
    memory    => Sys::Virt::Domain::STATS_MEMORY,
    dirtyrate => Sys::Virt::Domain::STATS_DIRTYRATE,
);

my $uri = 'test:///default';
my @groups;
my $running;
GetOptions('uri|c=s' => \$uri, 'stats=s' => \@groups, 'running' => \$running,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);

my $stats = 0;      # 0: every group the driver has
for my $g (map { split /,/ } @groups) {
    pod2usage("$0: unknown statistics group '$g'") unless exists $GROUP{$g};
    $stats |= $GROUP{$g};
}

eval {
    my $conn = Sys::Virt->new(uri => $uri, readonly => 1);
    my @doms = map { $conn->get_domain_by_name($_) } @ARGV;
    my $flags = $running ? Sys::Virt::Domain::GET_ALL_STATS_ACTIVE : 0;
    for my $rec (sort { $a->{dom}->get_name cmp $b->{dom}->get_name }
                 $conn->get_all_domain_stats($stats, \@doms, $flags)) {
        print $rec->{dom}->get_name, ":\n";
        # Keys such as "block.0.rd.bytes": sort the numbers as numbers.
        for my $key (sort { by_key($a, $b) } keys %{ $rec->{data} }) {
            print "  $key = $rec->{data}{$key}\n";
        }
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

sub by_key {
    my @a = split /\./, $_[0];
    my @b = split /\./, $_[1];
    while (@a && @b) {
        my ($x, $y) = (shift @a, shift @b);
        my $c = $x =~ /^\d+$/ && $y =~ /^\d+$/ ? $x <=> $y : $x cmp $y;
        return $c if $c;
    }
    return @a <=> @b;
}

__END__

=head1 NAME

domain-stats.pl - print the statistics of guests

=head1 SYNOPSIS

  domain-stats.pl [--uri URI] [--stats GROUP,...] [--running] [DOMAIN...]

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>).

=item B<--stats> GROUP,...

The groups of statistics: state, cpu, balloon, vcpu, interface, block,
perf, iothread, memory, dirtyrate. All that the driver has by default.

=item B<--running>

Only the running guests (when no DOMAIN is named).

=back

=cut
