#!/usr/bin/perl
# Disk and network counters of running guests: block_stats for each disk
# and interface_stats for each interface found in the guest's XML.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'test:///default';
GetOptions('uri|c=s' => \$uri, 'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);

eval {
    my $conn = Sys::Virt->new(uri => $uri, readonly => 1);
    my @doms = @ARGV ? map { $conn->get_domain_by_name($_) } @ARGV
                     : $conn->list_all_domains(Sys::Virt::Domain::LIST_ACTIVE);
    for my $dom (sort { $a->get_name cmp $b->get_name } @doms) {
        print $dom->get_name, ":\n";
        if (!$dom->is_active) {
            print "  not running\n";
            next;
        }
        my $xml = $dom->get_xml_description;
        # Disks are named by their target (vda), interfaces by their host
        # device (vnet0, a tap). A real script would use an XML parser.
        for my $disk ($xml =~ m{<disk\b(.*?)</disk>}sg) {
            my ($dev) = $disk =~ m{<target dev='([^']+)'} or next;
            print_stats("disk $dev", $dom->block_stats($dev));
        }
        for my $nic ($xml =~ m{<interface\b(.*?)</interface>}sg) {
            my ($dev) = $nic =~ m{<target dev='([^']+)'} or next;
            print_stats("interface $dev", $dom->interface_stats($dev));
        }
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

# A counter the driver does not keep is -1: left out.
sub print_stats {
    my ($what, $stats) = @_;
    print "  $what: ", join(' ', map { "$_=$stats->{$_}" } grep { $stats->{$_} >= 0 } sort keys %$stats), "\n";
}

__END__

=head1 NAME

io-stats.pl - disk and network counters of guests

=head1 SYNOPSIS

  io-stats.pl [--uri URI] [DOMAIN...]

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>).

=item DOMAIN...

The guests to report on (default: every running guest).

=back

=cut
