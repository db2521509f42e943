package Sys::Virt::Event;

use strict;
use warnings;

# The constants and XS functions of this package are defined when
# Sys::Virt's XS part loads.
use Sys::Virt;

# Event loops written in Perl derive from Sys::Virt::EventImpl; before
# Sys::Virt 9.7.0 they derived from this class, which therefore still
# inherits the loop methods and the callback helpers from it.
use parent 'Sys::Virt::EventImpl';

our $VERSION = '12.7.0';

sub CLONE_SKIP { 1 }

# The event loop implementation given to register(), if any.
our $eventimpl = undef;

sub register {
    my $impl = shift;

    unless (ref($impl) && $impl->isa("Sys::Virt::EventImpl")) {
        die "event implementation must be a subclass of Sys::Virt::EventImpl";
    }
    # The old way still works, with the warning Sys::Virt 12.7.0 gives
    # (its text kept as that release prints it).
    if ($impl->isa("Sys::Virt::Event")) {
        warn "DECPRECATION WARNING: event implementation is a subclass of Sys::Virt::Event";
    }
    $eventimpl = $impl;
    Sys::Virt::Event::_register_impl();
}

# Called by the XS hooks when libvirt adds, changes or removes a handle or
# timeout: forwarded to the registered implementation.
sub _add_handle     { $eventimpl->add_handle(@_) }
sub _update_handle  { $eventimpl->update_handle(@_) }
sub _remove_handle  { $eventimpl->remove_handle(@_) }
sub _add_timeout    { $eventimpl->add_timeout(@_) }
sub _update_timeout { $eventimpl->update_timeout(@_) }
sub _remove_timeout { $eventimpl->remove_timeout(@_) }

1;

__END__

=head1 NAME

Sys::Virt::Event - libvirt event loop integration

=head1 SYNOPSIS

  use Sys::Virt;
  use Sys::Virt::Event;

  Sys::Virt::Event::register_default();
  my $conn = Sys::Virt->new(uri => "test:///default");
  $conn->domain_event_register_any(undef,
      Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
      sub { my ($conn, $dom, $event, $detail) = @_; ... });
  Sys::Virt::Event::run_default() while 1;

=head1 DESCRIPTION

Event callbacks (domain, network, storage pool, node device and secret
events, stream callbacks, connection close callbacks, keepalive) only
work once libvirt has an event loop. Either use libvirt's own loop
(C<register_default> once, then call C<run_default> repeatedly), or
write one in Perl: a subclass of L<Sys::Virt::EventImpl> implementing
the methods listed there, given to C<register> (see L</EVENT LOOP
IMPLEMENTATIONS>).

Scripts load this module themselves (C<use Sys::Virt::Event>); C<use
Sys::Virt> does not.

When a Perl callback run from inside libvirt dies, the die is caught
so that it never unwinds through libvirt's C code; it is raised again,
unchanged, by the function that entered libvirt, usually
C<run_default>, once libvirt has returned. When several callbacks die
during one iteration, the first die is the one raised.

=head1 FUNCTIONS

=over 4

=item Sys::Virt::Event::register_default()

Install libvirt's built-in event loop (based on poll). Call it once,
before opening the connections that should deliver events.

=item Sys::Virt::Event::run_default()

Run one iteration of the built-in event loop: wait until a file handle
is ready or a timeout is due, then run the callbacks concerned. Returns
nothing; raises the die of a callback, or a C<Sys::Virt::Error> if the
loop itself failed.

=item Sys::Virt::Event::register($impl)

Install C<$impl>, an object of a subclass of C<Sys::Virt::EventImpl>,
as libvirt's event loop. Dies unless C<$impl> is such an object. An
object of a subclass of C<Sys::Virt::Event> (the way to write a loop
before Sys::Virt 9.7.0) is still accepted, since this class derives
from C<Sys::Virt::EventImpl>, but draws a deprecation warning.

=item my $watch = Sys::Virt::Event::add_handle($fd, $events, $coderef)

Watch the file descriptor C<$fd> for the conditions in C<$events> (the
C<HANDLE_*> constants combined with C<|>) in the current event loop.
C<$coderef> is called as C<< $coderef->($watch, $fd, $events) >> with
the conditions that occurred. Returns the watch number, used by the two
functions below.

=item Sys::Virt::Event::update_handle($watch, $events)

Change the conditions watched by C<$watch> to C<$events> (0 pauses the
watch).

=item Sys::Virt::Event::remove_handle($watch)

Stop and forget the watch C<$watch>. Raises an error for an unknown
watch.

=item my $timer = Sys::Virt::Event::add_timeout($frequency, $coderef)

Call C<< $coderef->($timer) >> every C<$frequency> milliseconds in the
current event loop (0: on every iteration, -1: disabled for now).
Returns the timer number.

=item Sys::Virt::Event::update_timeout($timer, $frequency)

Change the interval of C<$timer> to C<$frequency> milliseconds (with
the same special values as C<add_timeout>).

=item Sys::Virt::Event::remove_timeout($timer)

Stop and forget the timer C<$timer>. Raises an error for an unknown
timer.

=back

=head1 EVENT LOOP IMPLEMENTATIONS

An event loop written in Perl is a subclass of L<Sys::Virt::EventImpl>:
that page lists the six methods libvirt calls on it (C<add_handle>,
C<update_handle>, C<remove_handle>, C<add_timeout>, C<update_timeout>,
C<remove_timeout>) and the helpers (C<_run_handle_callback>,
C<_run_timeout_callback>, C<_free_callback_opaque>) through which the
loop runs libvirt's callbacks.

C<Sys::Virt::Event> derives from C<Sys::Virt::EventImpl>, so a loop
written as a subclass of C<Sys::Virt::Event> keeps working; its own
methods take precedence over the functions of this package of the same
names, which are meant to be called as functions, not as methods.

Three such loops come with this distribution, for programs built on
another event loop: L<Sys::Virt::EventImpl::AnyEvent>,
L<Sys::Virt::EventImpl::IOAsync> and L<Sys::Virt::EventImpl::Mojo>
(C<< Sys::Virt::EventImpl::Mojo->new->register >>, once, then run the
program's loop as usual: no C<run_default>).

=head1 CONSTANTS

=over 4

=item Sys::Virt::Event::HANDLE_READABLE

=item Sys::Virt::Event::HANDLE_WRITABLE

=item Sys::Virt::Event::HANDLE_ERROR

=item Sys::Virt::Event::HANDLE_HANGUP

The conditions a file handle watch can report: data to read, room to
write, an error, or the peer hanging up. They can be combined with C<|>.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::EventImpl>, L<Sys::Virt::Domain>, L<Sys::Virt::Stream>,
L<Sys::Virt::EventImpl::AnyEvent>, L<Sys::Virt::EventImpl::IOAsync>,
L<Sys::Virt::EventImpl::Mojo>

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
