package Sys::Virt::Admin::Server;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt::Admin (list_servers, get_server_by_name).

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::Admin::Server - one server of a libvirt daemon

=head1 SYNOPSIS

  my $srv = $adm->get_server_by_name("libvirtd");
  my $pool = $srv->get_threadpool_parameters();
  $srv->set_threadpool_parameters({
      Sys::Virt::Admin::Server::THREADPOOL_WORKERS_MAX => 40 });
  my $limits = $srv->get_client_limits();
  for my $client ($srv->list_clients()) { ... }

=head1 DESCRIPTION

A libvirt daemon serves its clients through one or more servers, each
with its sockets, its pool of worker threads and its limits on clients:
C<libvirtd> has the server C<libvirtd> for the libvirt API and the
server C<admin> for the admin API. Objects of this class come from
L<Sys::Virt::Admin>'s C<list_servers> and C<get_server_by_name>.

=head1 METHODS

=over 4

=item my $name = $srv->get_name()

The server's name (C<"libvirtd">, C<"admin">...).

=item my $params = $srv->get_threadpool_parameters($flags=0)

The server's worker thread pool, as a hash reference keyed by the
C<THREADPOOL_*> constants below. C<$flags> is reserved, pass 0.

=item $srv->set_threadpool_parameters(\%params, $flags=0)

Change the worker thread pool: C<\%params> holds the values to change,
keyed by C<THREADPOOL_WORKERS_MIN>, C<THREADPOOL_WORKERS_MAX> or
C<THREADPOOL_WORKERS_PRIORITY> (the others are read-only; a key the
getter does not report is ignored). The daemon refuses a minimum above
the maximum. C<$flags> is reserved, pass 0.

=item my $params = $srv->get_client_limits($flags=0)

The server's limits on clients and its current counts, as a hash
reference keyed by the C<CLIENTS_*> constants below. C<$flags> is
reserved, pass 0.

=item $srv->set_client_limits(\%params, $flags=0)

Change the limits on clients: C<\%params> holds the values to change,
keyed by C<CLIENTS_MAX> or C<CLIENTS_UNAUTH_MAX> (the counts are
read-only). The daemon refuses a limit of unauthenticated clients above
the limit of clients. C<$flags> is reserved, pass 0.

=item my @clients = $srv->list_clients($flags=0)

The clients connected to the server, as L<Sys::Virt::Admin::Client>
objects. C<$flags> is reserved, pass 0.

=item my $client = $srv->get_client_by_id($id, $flags=0)

The connected client whose ID is C<$id> (see
L<Sys::Virt::Admin::Client>'s C<get_id>); a L<Sys::Virt::Error> with code
C<Sys::Virt::Error::ERR_NO_CLIENT> when none has it. C<$flags> is
reserved, pass 0.

=item $srv->update_tls_files($flags=0)

Make the server read its TLS certificates, keys and revocation lists
again from their files, for the connections made from now on. A server
without a TLS socket raises a L<Sys::Virt::Error>
(C<Sys::Virt::Error::ERR_INTERNAL_ERROR>: no TLS service). C<$flags> is
reserved, pass 0.

=back

=head1 CONSTANTS

=head2 Thread pool parameters

The keys of C<get_threadpool_parameters> and
C<set_threadpool_parameters>; every value is an unsigned integer.

=over 4

=item Sys::Virt::Admin::Server::THREADPOOL_WORKERS_MIN

The number of workers the pool never goes below (settable).

=item Sys::Virt::Admin::Server::THREADPOOL_WORKERS_MAX

The number of workers the pool never goes above (settable).

=item Sys::Virt::Admin::Server::THREADPOOL_WORKERS_PRIORITY

The number of priority workers, which run only calls that never block
(settable).

=item Sys::Virt::Admin::Server::THREADPOOL_WORKERS_FREE

The number of workers waiting for a job (read-only).

=item Sys::Virt::Admin::Server::THREADPOOL_WORKERS_CURRENT

The number of workers the pool has now (read-only).

=item Sys::Virt::Admin::Server::THREADPOOL_JOB_QUEUE_DEPTH

The number of jobs waiting for a worker (read-only).

=back

=head2 Client limits

The keys of C<get_client_limits> and C<set_client_limits>; every value
is an unsigned integer.

=over 4

=item Sys::Virt::Admin::Server::CLIENTS_MAX

The most clients the server accepts at once (settable).

=item Sys::Virt::Admin::Server::CLIENTS_CURRENT

The number of clients connected now (read-only).

=item Sys::Virt::Admin::Server::CLIENTS_UNAUTH_MAX

The most clients still authenticating the server accepts at once
(settable).

=item Sys::Virt::Admin::Server::CLIENTS_UNAUTH_CURRENT

The number of clients connected now that have not finished
authenticating (read-only).

=back

=head1 SEE ALSO

L<Sys::Virt::Admin>, L<Sys::Virt::Admin::Client>.

=head1 AUTHORS

The Sys::Virt in Rust project, reached through its issue tracker (see
L</BUGS>). This is an independent reimplementation of the interface of
Sys::Virt, libvirt's Perl binding, whose C original was written by
Daniel P. Berrange and Red Hat.

=head1 BUGS

Report a bug to the Sys::Virt in Rust project's issue tracker, with the
versions of Sys::Virt (C<$Sys::Virt::VERSION>) and libvirt
(C<< Sys::Virt->get_version >>) and a script that shows it. Behaviour that
differs from the C original is a bug, unless the distribution's README.md
lists it under "Compatibility notes".

=head1 COPYRIGHT AND LICENSE

Copyright (C) 2026 the Sys::Virt in Rust project.

This library is free software; you can redistribute it and/or modify it
under the terms of either the GNU General Public License as published by
the Free Software Foundation, version 2 or (at your option) any later
version, or the Artistic License 1.0 that comes with Perl. The file
LICENSE in the distribution holds the text of both licences.

=cut
