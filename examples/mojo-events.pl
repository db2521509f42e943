#!/usr/bin/perl
# A Mojo::IOLoop service (the loop of Mojolicious applications) that sends
# libvirt's domain lifecycle events to its TCP clients, one JSON object a
# line: libvirt uses the service's loop (Sys::Virt::EventImpl::Mojo), so
# events and client connections are served by the same loop, which never
# calls Sys::Virt::Event::run_default.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Mojo::IOLoop;
use Mojo::JSON qw(encode_json);
use Sys::Virt;
use Sys::Virt::EventImpl::Mojo;

my $uri = 'test:///default';
my ($listen, $count, $timeout) = ('127.0.0.1:0', 0, 0);
GetOptions('uri|c=s' => \$uri, 'listen=s' => \$listen, 'count=i' => \$count, 'timeout=i' => \$timeout,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) if @ARGV;
my ($address, $port) = $listen =~ /^(.+):(\d+)$/ or do {
    print STDERR "$0: --listen takes ADDRESS:PORT\n";
    pod2usage(2);
};
$| = 1;

my $loop = Mojo::IOLoop->singleton;
Sys::Virt::EventImpl::Mojo->new(loop => $loop)->register;

my (%clients, $sent, $why);
eval {
    my $conn = Sys::Virt->new(uri => $uri, readonly => 1);
    $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub {
        my (undef, $dom, $event, $detail) = @_;
        my $line = encode_json({ domain => $dom->get_name, uuid => $dom->get_uuid_string,
                                 event => $event, detail => $detail }) . "\n";
        $_->write($line) for values %clients;
        if ($count && ++$sent == $count) {
            $why = "done, $sent events";
            # (once the lines are written)
            $loop->next_tick(sub { $loop->stop });
        }
    });
    my $server = $loop->server({ address => $address, port => $port }, sub {
        my (undef, $stream, $id) = @_;
        $clients{$id} = $stream;
        printf "client connected from %s:%d\n", $stream->handle->peerhost, $stream->handle->peerport;
        $stream->on(close => sub { delete $clients{$id} });
        $stream->on(read => sub { });     # what clients send is ignored
    });
    print "listening on $address:", $loop->acceptor($server)->port, "\n";
    $loop->timer($timeout => sub { $why = "timeout after $timeout s"; $loop->stop }) if $timeout;
    $loop->start;
    1;
} or do { print STDERR "$0: ", (ref $@ ? $@->message : $@ =~ s/\n\z//r), "\n"; exit 1 };
print "$why\n";
exit 0;

__END__

=head1 NAME

mojo-events.pl - serve domain lifecycle events as JSON lines from a Mojo::IOLoop

=head1 SYNOPSIS

  mojo-events.pl [--uri URI] [--listen ADDRESS:PORT] [--count N] [--timeout SECONDS]

=head1 DESCRIPTION

Prints C<listening on ADDRESS:PORT>, then sends every client connected
to that TCP port (C<client connected from ADDRESS:PORT>, it prints for
each) one line per domain lifecycle event, a JSON object with
the keys C<domain>, C<uuid>, C<event> and C<detail> (the
C<Sys::Virt::Domain::EVENT_*> numbers). Stops after N events (C<done, N
events>) or the timeout.

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>, where nothing else
can cause events: use a daemon's URI).

=item B<--listen> ADDRESS:PORT

Where to listen (default C<127.0.0.1:0>: a free port, printed).

=item B<--count> N

Stop once N events have been sent (0, the default: no limit).

=item B<--timeout> SECONDS

Serve for SECONDS seconds at most (0, the default: no limit).

=back

=cut
