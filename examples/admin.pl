#!/usr/bin/perl
# A libvirt daemon seen through its admin interface: its version, its
# servers with their worker threads and client limits, the clients
# connected to each, and its logging; optionally change the log filters
# or disconnect a client.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt::Admin;

my ($uri, $filters, @disconnect);
GetOptions('uri|c=s' => \$uri, 'set-filters=s' => \$filters,
           'disconnect=s' => \@disconnect,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) if @ARGV || grep { !/^[^:]+:\d+$/ } @disconnect;

my %transport = (Sys::Virt::Admin::Client::TRANSPORT_UNIX() => 'unix',
                 Sys::Virt::Admin::Client::TRANSPORT_TCP() => 'tcp',
                 Sys::Virt::Admin::Client::TRANSPORT_TLS() => 'tls');

eval {
    # no --uri: libvirt's default admin URI (the system's libvirtd...)
    my $adm = Sys::Virt::Admin->new(uri => $uri);
    $adm->set_logging_filters($filters) if defined $filters;
    printf "URI:      %s\n", $adm->get_uri;
    printf "libvirt:  %s\n", version($adm->get_library_version);
    printf "Logging:  outputs %s; filters %s\n", $adm->get_logging_outputs // '(none)',
        $adm->get_logging_filters // '(none)';

    for my $srv (sort { $a->get_name cmp $b->get_name } $adm->list_servers) {
        my $pool = $srv->get_threadpool_parameters;
        my $limits = $srv->get_client_limits;
        printf "Server %s: %d-%d workers (%d now, %d free, %d priority), %d jobs queued\n",
            $srv->get_name,
            @{$pool}{map { Sys::Virt::Admin::Server->can($_)->() }
                qw(THREADPOOL_WORKERS_MIN THREADPOOL_WORKERS_MAX THREADPOOL_WORKERS_CURRENT
                   THREADPOOL_WORKERS_FREE THREADPOOL_WORKERS_PRIORITY THREADPOOL_JOB_QUEUE_DEPTH)};
        printf "  clients: %d of %d (%d of %d unauthenticated)\n",
            @{$limits}{map { Sys::Virt::Admin::Server->can($_)->() }
                qw(CLIENTS_CURRENT CLIENTS_MAX CLIENTS_UNAUTH_CURRENT CLIENTS_UNAUTH_MAX)};
        for my $client (sort { $a->get_id <=> $b->get_id } $srv->list_clients) {
            my $info = $client->get_info;
            # who is at the other end: a local process, or an address
            my $peer = defined $info->{Sys::Virt::Admin::Client::INFO_UNIX_PROCESS_ID}
                ? sprintf('pid %d, user %s', $info->{Sys::Virt::Admin::Client::INFO_UNIX_PROCESS_ID},
                          $info->{Sys::Virt::Admin::Client::INFO_UNIX_USER_NAME})
                : $info->{Sys::Virt::Admin::Client::INFO_SOCKET_ADDR} // '?';
            printf "  client %d: %s, %s%s\n", $client->get_id,
                $transport{$client->get_transport} // 'other', $peer,
                $info->{Sys::Virt::Admin::Client::INFO_READONLY} ? ', read-only' : '';
            if (grep { $_ eq $srv->get_name . ':' . $client->get_id } @disconnect) {
                $client->close;
                printf "  client %d disconnected\n", $client->get_id;
            }
        }
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

# libvirt numbers versions as major * 1,000,000 + minor * 1,000 + micro.
sub version {
    my ($v) = @_;
    return sprintf '%d.%d.%d', $v / 1_000_000, $v / 1000 % 1000, $v % 1000;
}

__END__

=head1 NAME

admin.pl - a libvirt daemon's servers, clients and logging

=head1 SYNOPSIS

  admin.pl [--uri URI] [--set-filters FILTERS] [--disconnect SERVER:ID]...

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The daemon's admin URI, such as C<libvirtd:///system> or
C<virtqemud:///system?socket=/path/to/admin-sock> (default: libvirt's
default admin URI). The admin socket is usually for root only.

=item B<--set-filters> FILTERS

Replace the daemon's log filters first (C<"1:qemu 3:util">; an empty
string removes them).

=item B<--disconnect> SERVER:ID

Disconnect the client with that ID of that server (as listed: IDs are
per server); may be repeated.

=back

=cut
