package Sys::Virt::Event;

use strict;
use warnings;

# The constants of this package are defined when Sys::Virt's XS part
# loads; the event loop API itself arrives with the event callbacks.
use Sys::Virt;

our $VERSION = '9.0.0';

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::Event - libvirt event loop integration

=head1 DESCRIPTION

Scripts load this module themselves (C<use Sys::Virt::Event>); C<use
Sys::Virt> does not. This build provides the event constants; the event
loop functions are not implemented yet.

=head1 CONSTANTS

=over 4

=item Sys::Virt::Event::HANDLE_READABLE

=item Sys::Virt::Event::HANDLE_WRITABLE

=item Sys::Virt::Event::HANDLE_ERROR

=item Sys::Virt::Event::HANDLE_HANGUP

The conditions a file handle watch can report: data to read, room to
write, an error, or the peer hanging up. They can be combined with C<|>.

=back

=cut
