#!/usr/bin/perl
# Domain lifecycle events in an AnyEvent program: libvirt uses AnyEvent's
# loop (Sys::Virt::EventImpl::AnyEvent), so events, keep-alive messages and
# the close callback arrive while the program waits on a condvar; it never
# calls Sys::Virt::Event::run_default.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use AnyEvent;
use Sys::Virt;
use Sys::Virt::EventImpl::AnyEvent;

my $uri = 'test:///default';
my ($timeout, $count, $keepalive) = (0, 0, 0);
GetOptions('uri|c=s' => \$uri, 'timeout=i' => \$timeout, 'count=i' => \$count,
           'keepalive=i' => \$keepalive, 'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) if @ARGV;
$| = 1;

# Once, before any connection.
Sys::Virt::EventImpl::AnyEvent->new->register;

my $done = AnyEvent->condvar;
my $seen = 0;
my ($conn, $timer);
eval {
    $conn = Sys::Virt->new(uri => $uri, readonly => 1);
    # Without answers to its keep-alive messages, libvirt closes the
    # connection: the close callback says why.
    $conn->set_keep_alive($keepalive, 3) if $keepalive;
    my %reason = (Sys::Virt::CLOSE_REASON_ERROR() => 'error', Sys::Virt::CLOSE_REASON_EOF() => 'end of file',
                  Sys::Virt::CLOSE_REASON_KEEPALIVE() => 'no keep-alive answer',
                  Sys::Virt::CLOSE_REASON_CLIENT() => 'closed by the client');
    $conn->register_close_callback(sub { $done->send('connection closed: ' . ($reason{$_[1]} // $_[1])) });
    $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub {
        my (undef, $dom, $event, $detail) = @_;
        print $dom->get_name, ': ', describe($event, $detail), "\n";
        $done->send("done, $seen events") if ++$seen == $count;
    });
    1;
} or do { print STDERR "$0: ", message($@), "\n"; exit 1 };
$timer = AnyEvent->timer(after => $timeout, cb => sub { $done->send("timeout after $timeout s, $seen events") })
    if $timeout;
print "watching $uri\n";
print $done->recv, "\n";
exit 0;

# describe($event, $detail): "suspended paused", from the names of the
# Sys::Virt::Domain::EVENT_* constants.
sub describe {
    my ($event, $detail) = @_;
    no strict 'refs';       # the constants, looked up by name
    my @names = grep { /^EVENT_[A-Z]+$/ && !/^EVENT_ID/ } keys %Sys::Virt::Domain::;
    my ($name) = grep { &{"Sys::Virt::Domain::$_"}() == $event } @names;
    return "event $event detail $detail" unless $name;
    my ($sub) = grep { /^\Q${name}_\E[A-Z_]+$/ && &{"Sys::Virt::Domain::$_"}() == $detail } keys %Sys::Virt::Domain::;
    return lc(($name =~ s/^EVENT_//r) . ' ' . ($sub ? $sub =~ s/^\Q${name}_\E//r : $detail));
}

sub message {
    my ($err) = @_;
    return ref $err ? $err->message : $err =~ s/\n\z//r;
}

__END__

=head1 NAME

anyevent-events.pl - print domain lifecycle events from an AnyEvent loop

=head1 SYNOPSIS

  anyevent-events.pl [--uri URI] [--timeout SECONDS] [--count N] [--keepalive SECONDS]

=head1 DESCRIPTION

Prints C<watching URI>, then one line per domain lifecycle event
(C<NAME: EVENT DETAIL>, e.g. C<web: suspended paused>), and stops with a
last line after N events (C<done, N events>), after the timeout, or when
the connection closes (C<connection closed: REASON>).

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>, where nothing else
can cause events: use a daemon's URI).

=item B<--timeout> SECONDS

Stop after SECONDS seconds (default: never).

=item B<--count> N

Stop after N events (default: never).

=item B<--keepalive> SECONDS

Send a keep-alive message every SECONDS seconds; after three without an
answer, libvirt closes the connection (remote connections only).

=back

=cut
