#!/usr/bin/perl
# Talk to the QEMU monitor of a running guest, as `virsh
# qemu-monitor-command` does: send one QMP command (JSON) or, with --hmp,
# one human monitor command, and print QEMU's answer; or, with --watch,
# print the guest's QEMU monitor events whose names match a regular
# expression (any case) until --count events came or --timeout seconds
# passed. Needs the QEMU driver (and libvirt-qemu.so.0).
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use JSON::PP ();
use Sys::Virt;
use Sys::Virt::Event;

my $uri = 'qemu:///system';
my ($hmp, $watch, $count, $timeout) = (0, undef, 0, 0);
GetOptions('uri|c=s' => \$uri, 'hmp' => \$hmp, 'watch=s' => \$watch, 'count=i' => \$count,
           'timeout=i' => \$timeout, 'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
my ($name, $command) = @ARGV;
pod2usage(2) if !defined $name || @ARGV > 2 || (defined $watch && defined $command);
$| = 1;

eval {
    # The event loop must exist before the connection is opened.
    Sys::Virt::Event::register_default() if defined $watch;
    my $conn = Sys::Virt->new(uri => $uri);
    my $dom = $conn->get_domain_by_name($name);
    if (defined $watch) {
        watch($conn, $dom);
    } elsif ($hmp) {
        my $out = $dom->qemu_monitor_command($command // 'info status', Sys::Virt::Domain::QEMU_MONITOR_COMMAND_HMP);
        $out =~ s/\r\n/\n/g;
        print $out;
    } else {
        my $reply = $dom->qemu_monitor_command($command // '{"execute":"query-status"}');
        # QEMU answers {"return": ...} or {"error": {"class", "desc"}}
        my $r = JSON::PP->new->decode($reply);
        die "QEMU: $r->{error}{desc} ($r->{error}{class})\n" if $r->{error};
        print JSON::PP->new->canonical->pretty->allow_nonref->encode($r->{return});
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

# watch($conn, $dom): prints "NAME at SECONDS.MICROSECONDS" and the
# event's details (JSON) for each matching event.
sub watch {
    my ($conn, $dom) = @_;
    my $seen = 0;
    my $id = $conn->domain_qemu_monitor_event_register(
        $dom, $watch,
        sub {
            my (undef, undef, $event, $secs, $usecs, $details) = @_;
            printf "%s at %d.%06d%s\n", $event, $secs, $usecs, defined $details ? " $details" : '';
            $seen++;
        },
        Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_REGEX | Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_NOCASE);
    my $timer = Sys::Virt::Event::add_timeout(100, sub { });    # run_default returns often
    print "watching: $watch\n";
    my $end = $timeout ? time + $timeout : undef;
    while (!$count || $seen < $count) {
        last if $end && time >= $end;
        Sys::Virt::Event::run_default();
    }
    Sys::Virt::Event::remove_timeout($timer);
    $conn->domain_qemu_monitor_event_deregister($id);
    print "done, $seen events\n";
}

__END__

=head1 NAME

qemu-monitor.pl - send a command to a guest's QEMU monitor, or watch its events

=head1 SYNOPSIS

  qemu-monitor.pl [--uri URI] [--hmp] DOMAIN [COMMAND]
  qemu-monitor.pl [--uri URI] --watch REGEX [--count N] [--timeout SECONDS] DOMAIN

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<qemu:///system>).

=item B<--hmp>

COMMAND is a human monitor command (default C<info status>), whose
output is printed as it is. Without it, COMMAND is a QMP command in JSON
(default C<{"execute":"query-status"}>), and the C<return> member of the
reply is printed as JSON; QEMU's error is the program's error.

=item B<--watch> REGEX

Print the guest's QEMU monitor events whose names match REGEX (in any
case) instead of sending a command, one line each: the name, the time
QEMU gave it and its details (JSON) if it has any.

=item B<--count> N

With B<--watch>: stop after N events (default: never).

=item B<--timeout> SECONDS

With B<--watch>: stop after SECONDS (default: never).

=back

=cut
