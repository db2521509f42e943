package Sys::Virt::Admin::Client;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt::Admin::Server (list_clients,
# get_client_by_id).

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::Admin::Client - a client connected to a libvirt daemon

=head1 SYNOPSIS

  for my $client ($srv->list_clients) {
      my $info = $client->get_info;
      printf "%d %s since %d\n", $client->get_id,
          $info->{Sys::Virt::Admin::Client::INFO_SOCKET_ADDR} // 'unix',
          $client->get_timestamp;
      $client->close if $info->{Sys::Virt::Admin::Client::INFO_READONLY};
  }

=head1 DESCRIPTION

An object of this class stands for one connection a client program
made to a server of a libvirt daemon (a L<Sys::Virt> connection, a
C<virsh>...). Objects come from L<Sys::Virt::Admin::Server>'s
C<list_clients> and C<get_client_by_id>; they describe the connection
as it was when listed or looked up.

=head1 METHODS

=over 4

=item my $id = $client->get_id()

The client's ID, unique on its server for the life of the daemon.

=item my $time = $client->get_timestamp()

When the client connected, in seconds since the Epoch.

=item my $transport = $client->get_transport()

How the client is connected: one of the C<TRANSPORT_*> constants
below.

=item my $info = $client->get_info($flags=0)

What the daemon knows of the client, as a hash reference keyed by the
C<INFO_*> constants below; a key is present only where it applies (the
peer's user and process for a UNIX socket, its address for TCP, its
SASL user name or X.509 name once authenticated...). C<$flags> is
reserved, pass 0.

=item $client->close($flags=0)

Make the daemon close the client's connection. The client program sees
its connection closed (a L<Sys::Virt> client's close callback, if any,
is called; libvirt's remote driver gives C<Sys::Virt::CLOSE_REASON_ERROR>
as the reason). A client already gone raises a L<Sys::Virt::Error> with
code C<Sys::Virt::Error::ERR_NO_CLIENT>. C<$flags> is reserved, pass 0.

=back

=head1 CONSTANTS

=head2 Transports

The values of C<get_transport>.

=over 4

=item Sys::Virt::Admin::Client::TRANSPORT_UNIX

A UNIX domain socket.

=item Sys::Virt::Admin::Client::TRANSPORT_TCP

A TCP connection without TLS.

=item Sys::Virt::Admin::Client::TRANSPORT_TLS

A TCP connection encrypted with TLS.

=back

=head2 Client information

The keys of C<get_info>.

=over 4

=item Sys::Virt::Admin::Client::INFO_READONLY

A boolean: the client connected read-only.

=item Sys::Virt::Admin::Client::INFO_SOCKET_ADDR

A string: the peer's address and port, for a TCP connection.

=item Sys::Virt::Admin::Client::INFO_SASL_USER_NAME

A string: the user name the client authenticated as with SASL.

=item Sys::Virt::Admin::Client::INFO_X509_DISTINGUISHED_NAME

A string: the distinguished name of the client's X.509 certificate, for
a TLS connection.

=item Sys::Virt::Admin::Client::INFO_UNIX_USER_ID

An integer: the user ID of the peer process of a UNIX socket.

=item Sys::Virt::Admin::Client::INFO_UNIX_USER_NAME

A string: the name of that user.

=item Sys::Virt::Admin::Client::INFO_UNIX_GROUP_ID

An integer: the group ID of the peer process of a UNIX socket.

=item Sys::Virt::Admin::Client::INFO_UNIX_GROUP_NAME

A string: the name of that group.

=item Sys::Virt::Admin::Client::INFO_UNIX_PROCESS_ID

An integer: the process ID of the peer of a UNIX socket.

=item Sys::Virt::Admin::Client::INFO_SELINUX_CONTEXT

A string: the SELinux context of the peer, where SELinux is enabled.

=back

=head1 SEE ALSO

L<Sys::Virt::Admin>, L<Sys::Virt::Admin::Server>.

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
