#!/usr/bin/perl
# Wait, in an IO::Async program, until a domain reaches a state: libvirt
# uses the program's IO::Async::Loop (Sys::Virt::EventImpl::IOAsync), and
# a Future completes with the lifecycle event that brings the domain
# there. The loop never calls Sys::Virt::Event::run_default.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use IO::Async::Loop;
use Sys::Virt;
use Sys::Virt::EventImpl::IOAsync;

my $uri = 'test:///default';
my $timeout = 60;
GetOptions('uri|c=s' => \$uri, 'timeout=i' => \$timeout,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) unless @ARGV == 2;
my ($name, $want) = @ARGV;

# The lifecycle events that leave a domain in each state.
my %reaches = (
    running => [Sys::Virt::Domain::EVENT_STARTED, Sys::Virt::Domain::EVENT_RESUMED],
    paused  => [Sys::Virt::Domain::EVENT_SUSPENDED],
    shutoff => [Sys::Virt::Domain::EVENT_STOPPED],
);
my %state = (Sys::Virt::Domain::STATE_RUNNING() => 'running', Sys::Virt::Domain::STATE_PAUSED() => 'paused',
             Sys::Virt::Domain::STATE_SHUTOFF() => 'shutoff');
unless ($reaches{$want}) {
    print STDERR "$0: unknown state '$want' (running, paused or shutoff)\n";
    pod2usage(2);
}
$| = 1;

my $loop = IO::Async::Loop->new;
Sys::Virt::EventImpl::IOAsync->new(loop => $loop)->register;

my $result = eval {
    my $conn = Sys::Virt->new(uri => $uri, readonly => 1);
    my $dom = $conn->get_domain_by_name($name);
    my $reached = $loop->new_future;
    my %wanted = map { $_ => 1 } @{$reaches{$want}};
    # Registered before the state is read: no event can slip in between.
    my $id = $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub {
        my (undef, undef, $event, $detail) = @_;
        print "$name: event $event, detail $detail\n";
        $reached->done("$name is $want") if $wanted{$event} && !$reached->is_ready;
    });
    my ($now) = $dom->get_state;
    if (($state{$now} // '') eq $want) {
        $reached->done("$name is $want already");
    } else {
        print "$name is ", $state{$now} // "in state $now", ": waiting until it is $want\n";
    }
    my $result = $loop->await(Future->wait_any($reached, $loop->timeout_future(after => $timeout)))->get;
    $conn->domain_event_deregister_any($id);
    $result;
};
if (!defined $result) {
    my $err = $@;
    print STDERR "$0: ", (ref $err ? $err->message : $err =~ /^Timeout/ ? "$name is not $want after $timeout s" : $err =~ s/\n\z//r), "\n";
    exit 1;
}
print "$result\n";
exit 0;

__END__

=head1 NAME

ioasync-events.pl - wait from an IO::Async loop until a domain reaches a state

=head1 SYNOPSIS

  ioasync-events.pl [--uri URI] [--timeout SECONDS] DOMAIN running|paused|shutoff

=head1 DESCRIPTION

Says the domain's state, prints each lifecycle event of the domain
(C<DOMAIN: event N, detail M>, the C<Sys::Virt::Domain::EVENT_*>
numbers) until one leaves it in the state wanted, then C<DOMAIN is
STATE> and exits 0; exits 1 when the timeout passes first.

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>, where nothing else
can change the domain: use a daemon's URI).

=item B<--timeout> SECONDS

Give up after SECONDS seconds (default 60).

=back

=cut
