package Sys::Virt::Error;

use strict;
use warnings;

use overload ('""' => 'stringify');

our $VERSION = '12.7.0';

sub CLONE_SKIP { 1 }

sub stringify {
    my $self = shift;
    my $msg = $self->{message};
    return "libvirt error code: " . $self->{code} . ", message: " . $msg
        . ($msg =~ /\n\z/ ? "" : "\n");
}

sub level { $_[0]->{level} }
sub code { $_[0]->{code} }
sub domain { $_[0]->{domain} }
sub message { $_[0]->{message} }

1;

__END__

=head1 NAME

Sys::Virt::Error - the exception raised when a libvirt call fails

=head1 SYNOPSIS

  use Sys::Virt;

  my $dom = eval { $conn->get_domain_by_name("no-such-guest") };
  if (my $err = $@) {
      die $err unless ref $err && $err->isa("Sys::Virt::Error");
      if ($err->code == Sys::Virt::Error::ERR_NO_DOMAIN) {
          print "not defined: ", $err->message, "\n";
      }
  }

=head1 DESCRIPTION

Every method of L<Sys::Virt> and its classes reports a libvirt failure by
dying with a C<Sys::Virt::Error> object in C<$@>. The object is a hash
holding the details libvirt recorded for the failed call: C<level>,
C<code>, C<domain> (the libvirt subsystem) and C<message>. When libvirt
recorded nothing, C<message> is C<"Unknown problem">.

Used as a string, the object reads
C<"libvirt error code: CODE, message: MESSAGE\n">, so an uncaught error
still prints something useful.

=head1 METHODS

=over 4

=item my $level = $err->level

The severity: one of the C<LEVEL_*> constants (C<LEVEL_ERROR> for a
failed call, C<LEVEL_WARNING> for a warning).

=item my $code = $err->code

What went wrong: one of the C<ERR_*> constants, e.g. C<ERR_NO_DOMAIN>.

=item my $domain = $err->domain

Which part of libvirt reported the failure: one of the C<FROM_*>
constants, e.g. C<FROM_DOM> or C<FROM_TEST>.

=item my $message = $err->message

libvirt's own description of the failure, in words.

=item my $text = $err->stringify

The text the object stands for when used as a string, ending with a
newline.

=back

=head1 CONSTANTS

The C<LEVEL_*>, C<FROM_*> and C<ERR_*> constants mirror libvirt's
C<virErrorLevel>, C<virErrorDomain> and C<virErrorNumber> enumerations,
with the C<VIR_> prefix dropped: C<Sys::Virt::Error::ERR_NO_DOMAIN> is
C<VIR_ERR_NO_DOMAIN>. The C<WAR_NO_*> codes of C<virErrorNumber>, the
warnings that a driver of some kind could not be started (e.g.
C<WAR_NO_NETWORK> for the network driver), are there too. Their values
are those of libvirt's headers. The error codes added after libvirt
9.0.0 are:

=over 4

=item Sys::Virt::Error::ERR_NO_NETWORK_METADATA

The network has no metadata of the requested kind (libvirt 9.7.0 or
newer).

=item Sys::Virt::Error::ERR_AGENT_COMMAND_TIMEOUT

The guest agent did not answer a command (other than its
synchronisation handshake) within the timeout (libvirt 11.2.0 or newer).

=item Sys::Virt::Error::ERR_AGENT_COMMAND_FAILED

The guest agent answered a command with a failure (libvirt 11.2.0 or
newer).

=item Sys::Virt::Error::ERR_INVALID_ENCR_KEY_SECRET

The encryption key (a secret) is not valid (libvirt 12.1.0 or newer).

=back

=head1 SEE ALSO

L<Sys::Virt>, libvirt's C<virterror.h>.

=cut

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
