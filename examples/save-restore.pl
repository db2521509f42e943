#!/usr/bin/perl
# Save a running guest's memory to a file (the guest stops), and restore
# it from that file later, on the same or another host.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'test:///default';
my $paused;
GetOptions('uri|c=s' => \$uri, 'paused' => \$paused,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
my $action = shift // '';
pod2usage(2) unless ($action eq 'save' && @ARGV == 2) || ($action eq 'restore' && @ARGV == 1);

eval {
    my $conn = Sys::Virt->new(uri => $uri);
    if ($action eq 'save') {
        my ($name, $file) = @ARGV;
        my $dom = $conn->get_domain_by_name($name);
        $dom->save($file);
        printf "saved %s to %s (%d bytes); the guest is now %s\n",
            $name, $file, -s $file // 0, $dom->is_active ? 'running' : 'shut off';
    } else {
        my ($file) = @ARGV;
        # The image holds the guest's XML: its name, before restoring.
        my ($name) = $conn->get_save_image_xml_description($file) =~ m{<name>([^<]+)</name>};
        # Without flags the guest comes back as it was saved.
        $conn->restore_domain($file, undef, undef, $paused ? Sys::Virt::Domain::SAVE_PAUSED : 0);
        my $info = $conn->get_domain_by_name($name)->get_info;
        printf "restored %s from %s: %s, %d MiB\n", $name, $file,
            $info->{state} == Sys::Virt::Domain::STATE_PAUSED ? 'paused' : 'running', $info->{memory} / 1024;
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

__END__

=head1 NAME

save-restore.pl - save a guest to a file and restore it

=head1 SYNOPSIS

  save-restore.pl [--uri URI] save DOMAIN FILE
  save-restore.pl [--uri URI] [--paused] restore FILE

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>).

=item B<--paused>

Leave the restored guest paused.

=back

The file is written by the hypervisor (on the host of the URI, as the
daemon's user), not by this script.

=cut
