#!/usr/bin/perl
# The guests of a host, one a line: ID, name, state (and why), vCPUs,
# current and maximum memory, and whether they are persistent and
# started at boot.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'test:///default';
my ($active, $inactive);
GetOptions('uri|c=s' => \$uri, 'active' => \$active, 'inactive' => \$inactive,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) if @ARGV;

# State and reason names, from the names of the constants: STATE_PAUSED
# is "paused", STATE_PAUSED_USER its reason "user".
my (%state, %reason);
for my $const (grep { /^STATE_/ } keys %Sys::Virt::Domain::) {
    my $value = Sys::Virt::Domain->can($const)->();
    if ($const =~ /^STATE_([A-Z]+)$/) { $state{$value} = lc $1 }
    elsif ($const =~ /^STATE_([A-Z]+)_(\w+)$/) { $reason{ lc $1 }{$value} = lc $2 }
}

eval {
    my $conn = Sys::Virt->new(uri => $uri, readonly => 1);
    my $flags = 0;
    $flags |= Sys::Virt::Domain::LIST_ACTIVE if $active;
    $flags |= Sys::Virt::Domain::LIST_INACTIVE if $inactive;

    printf "%4s  %-20s %-20s %5s %12s %12s  %-10s %s\n",
        'Id', 'Name', 'State', 'vCPUs', 'Memory MiB', 'Max MiB', 'Persistent', 'Autostart';
    for my $dom (sort { $a->get_name cmp $b->get_name } $conn->list_all_domains($flags)) {
        my $info = $dom->get_info;
        my ($st, $reason) = $dom->get_state;
        my $name = $state{$st} // "state $st";
        # (reason 0 is always "unknown")
        $name .= ' (' . ($reason{$name}{$reason} // $reason) . ')' if $reason;
        printf "%4s  %-20s %-20s %5d %12d %12d  %-10s %s\n",
            $dom->is_active ? $dom->get_id : '-', $dom->get_name, $name,
            $info->{nrVirtCpu}, $info->{memory} / 1024, $info->{maxMem} / 1024,
            $dom->is_persistent ? 'yes' : 'no', $dom->get_autostart ? 'yes' : 'no';
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

__END__

=head1 NAME

list-domains.pl - list the guests of a libvirt host

=head1 SYNOPSIS

  list-domains.pl [--uri URI] [--active | --inactive]

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>).

=item B<--active>, B<--inactive>

Only the running (or only the shut off) guests; all of them by default.

=back

=cut
