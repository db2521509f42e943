package Sys::Virt::Admin;

use strict;
use warnings;

# The XS half of every Sys::Virt::Admin* method is in Sys::Virt's module.
use Sys::Virt;
use Sys::Virt::Admin::Server;
use Sys::Virt::Admin::Client;

our $VERSION = '12.7.0';

sub new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $flags = exists $params{flags} ? $params{flags} : 0;
    my $self = Sys::Virt::Admin::_open($params{uri}, $flags);
    return bless $self, $class;
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::Admin - manage a libvirt daemon through its admin interface

=head1 SYNOPSIS

  use Sys::Virt::Admin;

  my $adm = Sys::Virt::Admin->new(uri => "libvirtd:///system");
  for my $srv ($adm->list_servers) {
      my $pool = $srv->get_threadpool_parameters;
      printf "%s: %d workers\n", $srv->get_name,
          $pool->{Sys::Virt::Admin::Server::THREADPOOL_WORKERS_CURRENT};
      for my $client ($srv->list_clients) {
          print "  client ", $client->get_id, "\n";
      }
  }
  $adm->set_logging_filters("1:qemu 3:util");

=head1 DESCRIPTION

A C<Sys::Virt::Admin> object is a connection to the admin server of a
libvirt daemon (C<libvirtd>, C<virtqemud>, C<virtproxyd>...), through
libvirt's admin library, C<libvirt-admin.so.0>. It reports and changes
the daemon's own settings rather than the virtual machines it manages:
its servers (L<Sys::Virt::Admin::Server>), their worker thread pools
and client limits, the clients connected to them
(L<Sys::Virt::Admin::Client>), and the daemon's logging.

The admin library is opened the first time it is needed, never linked:
where it is not installed, C<new> and every method raise a
L<Sys::Virt::Error> with the code C<Sys::Virt::Error::ERR_NO_SUPPORT>,
and the rest of L<Sys::Virt> works as ever. Failures of libvirt raise a
L<Sys::Virt::Error> as everywhere in L<Sys::Virt>.

The admin socket is usually writable by root only.

=head1 METHODS

=over 4

=item my $adm = Sys::Virt::Admin->new(uri => $uri, flags => $flags)

Connect to the admin server of the daemon C<$uri> names. An admin URI
names the daemon and its mode: C<libvirtd:///system> (the monolithic
daemon run as root), C<virtqemud:///session>, C<virtproxyd:///system>...
A C<socket> parameter names the admin socket to use, for a daemon with a
socket of its own:
C<libvirtd:///system?socket=/run/private/libvirt-admin-sock>. With no
C<uri> (or undef), libvirt picks its default (the C<LIBVIRT_ADMIN_DEFAULT_URI>
environment variable, the C<uri_default> of C<libvirt-admin.conf>, else
the system's daemon). C<flags> defaults to 0; libvirt accepts
C<Sys::Virt::CONNECT_NO_ALIASES> (no URI aliases of the configuration).

=item my $uri = $adm->get_uri()

The canonical URI of the connection (the default one filled in when
C<new> had none).

=item my $version = $adm->get_library_version()

The version of the libvirt library the daemon runs, as
C<major * 1000000 + minor * 1000 + micro>.

=item my $alive = $adm->is_alive()

1 while the connection to the daemon is open, 0 once it was lost.

=item $adm->register_close_callback($coderef)

Call C<< $coderef->($adm, $reason) >> when the connection to the
daemon closes for another reason than the program closing it: the
daemon stopped or the connection broke. C<$reason> is one of the
C<Sys::Virt::CLOSE_REASON_*> constants of L<Sys::Virt>. An event loop
must run for libvirt to notice (see L<Sys::Virt::Event>). One callback
at a time; registering keeps C<$adm> alive until
C<unregister_close_callback>.

=item $adm->unregister_close_callback()

Remove the callback of C<register_close_callback>.

=item my @servers = $adm->list_servers($flags=0)

The daemon's servers, as L<Sys::Virt::Admin::Server> objects
(C<libvirtd> has two, C<libvirtd> and C<admin>). C<$flags> is
reserved, pass 0.

=item my $srv = $adm->get_server_by_name($name, $flags=0)

The server called C<$name>, as a L<Sys::Virt::Admin::Server> object;
a L<Sys::Virt::Error> with code C<Sys::Virt::Error::ERR_NO_SERVER> when
the daemon has none of that name. C<$flags> is reserved, pass 0.

=item my $outputs = $adm->get_logging_outputs($flags=0)

The daemon's log outputs, separated by spaces, in the syntax of
C<log_outputs> in C<libvirtd.conf> (C<"3:file:/var/log/libvirt.log
1:journald">). C<$flags> is reserved, pass 0.

=item my $filters = $adm->get_logging_filters($flags=0)

The daemon's log filters, separated by spaces, in the syntax of
C<log_filters>, as the daemon stores them (C<"1:*qemu* 3:*util*">); undef
when it has none. C<$flags> is reserved, pass 0.

=item $adm->set_logging_outputs($outputs, $flags=0)

Replace the daemon's log outputs with C<$outputs> (the syntax of
C<get_logging_outputs>); undef or an empty string restores the
daemon's default outputs. An output the daemon cannot parse is refused
(C<Sys::Virt::Error::ERR_INVALID_ARG>) and changes nothing. C<$flags>
is reserved, pass 0.

=item $adm->set_logging_filters($filters, $flags=0)

Replace the daemon's log filters with C<$filters> (the syntax of
C<get_logging_filters>); undef or an empty string removes them all.
C<$flags> is reserved, pass 0.

=item $adm->set_daemon_timeout($seconds, $flags=0)

Make the daemon exit after C<$seconds> seconds without clients nor
running guests (0: never), as its C<--timeout> option does. Needs
libvirt 8.6.0 or newer on both sides: with an older client library it
raises C<Sys::Virt::Error::ERR_NO_SUPPORT>. C<$flags> is reserved,
pass 0.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::Admin::Server>, L<Sys::Virt::Admin::Client>,
L<virt-admin(1)>.

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
