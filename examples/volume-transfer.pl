#!/usr/bin/perl
# Copy a local file into a storage volume, or a volume into a local
# file, through a stream: this works over a remote connection too, the
# data travelling on the libvirt connection itself.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'qemu:///system';
my $pool_name = 'default';
GetOptions('uri|c=s' => \$uri, 'pool=s' => \$pool_name,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
my ($action, $volume, $file) = @ARGV;
pod2usage(2) unless @ARGV == 3 && $action =~ /^(upload|download)$/;

eval {
    my $conn = Sys::Virt->new(uri => $uri);
    my $pool = $conn->get_storage_pool_by_name($pool_name);
    my $st = $conn->new_stream;
    my $bytes = 0;

    if ($action eq 'upload') {
        open my $fh, '<:raw', $file or die "$file: $!\n";
        my $size = -s $fh;
        # A new volume (raw, the size of the file) unless it exists.
        my $vol = eval { $pool->get_volume_by_name($volume) }
            // $pool->create_volume("<volume><name>$volume</name><capacity unit='B'>$size</capacity>"
                                    . "<target><format type='raw'/></target></volume>");
        $vol->upload($st, 0, $size);
        # send_all asks for data until the handler returns 0; it fills
        # $_[1] itself (the buffer is the argument, not a copy of it).
        $st->send_all(sub {
            my (undef, undef, $max) = @_;
            my $n = sysread($fh, $_[1], $max) // die "$file: $!\n";
            $bytes += $n;
            return $n;
        });
        $st->finish;
        print "uploaded $bytes bytes from $file to $pool_name/$volume\n";
    } else {
        my $vol = $pool->get_volume_by_name($volume);
        open my $fh, '>:raw', $file or die "$file: $!\n";
        $vol->download($st, 0, 0);     # offset 0, length 0: all of it
        $st->recv_all(sub {
            my (undef, $data, $n) = @_;
            print $fh $data or die "$file: $!\n";
            $bytes += $n;
            return $n;
        });
        $st->finish;
        close $fh or die "$file: $!\n";
        print "downloaded $bytes bytes from $pool_name/$volume to $file\n";
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

__END__

=head1 NAME

volume-transfer.pl - upload a file to a storage volume, or download one

=head1 SYNOPSIS

  volume-transfer.pl [--uri URI] [--pool POOL] upload VOLUME FILE
  volume-transfer.pl [--uri URI] [--pool POOL] download VOLUME FILE

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<qemu:///system>).

=item B<--pool> POOL

The storage pool holding the volume (default C<default>).

=back

C<upload> creates the volume (raw, as large as the file) when the pool
has none of that name.

=cut
