#!/usr/bin/perl
# Copy what a guest prints on its text console (its serial port) to
# standard output, for --timeout seconds or until the console closes.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'qemu:///system';
my ($timeout, $device, $force) = (10);
GetOptions('uri|c=s' => \$uri, 'timeout=i' => \$timeout, 'device=s' => \$device,
           'force' => \$force, 'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) unless @ARGV == 1;
my ($name) = @ARGV;
binmode STDOUT;
$| = 1;

eval {
    # Non-blocking streams deliver their data through the event loop,
    # which must exist before the connection is opened.
    Sys::Virt::Event::register_default();
    my $conn = Sys::Virt->new(uri => $uri);
    my $dom = $conn->get_domain_by_name($name);

    my $st = $conn->new_stream(Sys::Virt::Stream::NONBLOCK);
    $dom->open_console($st, $device, $force ? Sys::Virt::Domain::OPEN_CONSOLE_FORCE : 0);

    my $done;
    $st->add_callback(Sys::Virt::Stream::EVENT_READABLE | Sys::Virt::Stream::EVENT_HANGUP
                      | Sys::Virt::Stream::EVENT_ERROR, sub {
        my ($st, $events) = @_;
        while (1) {
            my $n = $st->recv(my $data, 4096);
            if ($n == -2) { last }                              # nothing more for now
            if ($n == 0) { $done = 'console closed'; last }     # the guest went away
            print $data;
        }
    });
    Sys::Virt::Event::add_timeout($timeout * 1000, sub { $done = 'timeout' });
    Sys::Virt::Event::run_default() until $done;

    $st->remove_callback;
    # finish() after the end of the stream, abort() to leave it early.
    $done eq 'timeout' ? $st->abort : $st->finish;
    print STDERR "$0: $done\n";
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

__END__

=head1 NAME

console.pl - print a guest's console output

=head1 SYNOPSIS

  console.pl [--uri URI] [--timeout SECONDS] [--device ALIAS] [--force] DOMAIN

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<qemu:///system>).

=item B<--timeout> SECONDS

How long to copy the console (default 10).

=item B<--device> ALIAS

Which console or serial device (e.g. C<serial0>); the first console by
default.

=item B<--force>

Take the console over from another client that has it open.

=back

=cut
