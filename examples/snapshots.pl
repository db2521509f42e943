#!/usr/bin/perl
# Snapshots of a guest: create, list, revert to and delete them. Several
# actions may follow each other on one command line; they run in order
# on one connection (handy with the test driver, which forgets
# everything when the program ends).
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use POSIX qw(strftime);
use Sys::Virt;

my $uri = 'test:///default';
GetOptions('uri|c=s' => \$uri, 'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
my $name = shift;
pod2usage(2) unless defined $name && @ARGV;

eval {
    my $conn = Sys::Virt->new(uri => $uri);
    my $dom = $conn->get_domain_by_name($name);
    while (@ARGV) {
        my $action = shift @ARGV;
        if ($action eq 'list') {
            list($dom);
            next;
        }
        my $snap = shift @ARGV;
        pod2usage("$0: '$action' needs a snapshot name") unless defined $snap;
        if ($action eq 'create') {
            $dom->create_snapshot("<domainsnapshot><name>$snap</name></domainsnapshot>");
            print "created $snap\n";
        } elsif ($action eq 'revert') {
            $dom->get_snapshot_by_name($snap)->revert_to;
            print "reverted $name to $snap: ", $dom->is_active ? 'running' : 'shut off', "\n";
        } elsif ($action eq 'delete') {
            $dom->get_snapshot_by_name($snap)->delete;
            print "deleted $snap\n";
        } else {
            pod2usage("$0: unknown action '$action'");
        }
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

# One line a snapshot, oldest first: name, the guest's state then, when,
# its parent, and which one is current.
sub list {
    my ($dom) = @_;
    my @snaps = map {
        my $xml = $_->get_xml_description;
        my ($state) = $xml =~ m{<state>([^<]+)</state>};
        my ($time) = $xml =~ m{<creationTime>(\d+)</creationTime>};
        my ($parent) = $xml =~ m{<parent>\s*<name>([^<]+)</name>};
        { name => $_->get_name, state => $state, time => $time, parent => $parent // '-',
          current => $_->is_current };
    } $dom->list_all_snapshots;
    printf "%d snapshot(s)\n", scalar @snaps;
    for my $s (sort { $a->{time} <=> $b->{time} || $a->{name} cmp $b->{name} } @snaps) {
        printf "  %-12s %-9s %s  parent %s%s\n", $s->{name}, $s->{state},
            strftime('%Y-%m-%d %H:%M:%S', localtime $s->{time}), $s->{parent},
            $s->{current} ? ' (current)' : '';
    }
}

__END__

=head1 NAME

snapshots.pl - create, list, revert to and delete snapshots of a guest

=head1 SYNOPSIS

  snapshots.pl [--uri URI] DOMAIN ACTION...

  ACTION: list | create NAME | revert NAME | delete NAME

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>).

=back

The actions run in the order given, e.g.
C<snapshots.pl test create before list revert before delete before>.

=cut
