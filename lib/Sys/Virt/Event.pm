package Sys::Virt::Event;

use strict;
use warnings;

# The constants and XS functions of this package are defined when
# Sys::Virt's XS part loads.
use Sys::Virt;

our $VERSION = '9.0.0';

sub CLONE_SKIP { 1 }

# The event loop implementation given to register(), if any.
our $eventimpl = undef;

sub register {
    my $impl = shift;

    unless (ref($impl) && $impl->isa("Sys::Virt::Event")) {
        die "event implementation must be a subclass of Sys::Virt::Event";
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

sub _run_handle_callback {
    my ($self, $watch, $fd, $events, $cb, $opaque) = @_;
    Sys::Virt::Event::_run_handle_callback_helper($watch, $fd, $events, $cb, $opaque);
}

sub _run_timeout_callback {
    my ($self, $timer, $cb, $opaque) = @_;
    Sys::Virt::Event::_run_timeout_callback_helper($timer, $cb, $opaque);
}

sub _free_callback_opaque {
    my ($self, $ff, $opaque) = @_;
    Sys::Virt::Event::_free_callback_opaque_helper($ff, $opaque);
}

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
write one in Perl: a subclass of C<Sys::Virt::Event> implementing the
methods listed under L</EVENT LOOP IMPLEMENTATIONS>, given to
C<register>.

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

Install C<$impl>, an object of a subclass of C<Sys::Virt::Event>, as
libvirt's event loop. Dies unless C<$impl> is such an object.

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

A Perl event loop is a subclass of C<Sys::Virt::Event> with these
methods, which libvirt calls (through this module) to manage what it
needs watched:

=over 4

=item my $watch = $impl->add_handle($fd, $events, $cb, $opaque, $ff)

Start watching C<$fd> for C<$events>; return a new positive watch
number. When the handle is ready, call
C<< $impl->_run_handle_callback($watch, $fd, $events, $cb, $opaque) >>.

=item $impl->update_handle($watch, $events)

Watch other conditions (0: none for now).

=item $impl->remove_handle($watch)

Stop the watch, then (later, outside the callback that may be running)
call C<< $impl->_free_callback_opaque($ff, $opaque) >> with the values
given to C<add_handle>.

=item my $timer = $impl->add_timeout($frequency, $cb, $opaque, $ff)

Start a timer; return a new positive timer number. When it expires,
call C<< $impl->_run_timeout_callback($timer, $cb, $opaque) >>.

=item $impl->update_timeout($timer, $frequency)

Change the interval (-1 disables, 0 fires on every iteration).

=item $impl->remove_timeout($timer)

Stop the timer, then call C<< $impl->_free_callback_opaque($ff,
$opaque) >> as for handles.

=back

C<$cb>, C<$opaque> and C<$ff> are references wrapping libvirt's
pointers: pass them back unchanged. The helpers check them against what
libvirt registered, so a stale, already freed or made-up value is
refused with a die instead of being called.

=over 4

=item $impl->_run_handle_callback($watch, $fd, $events, $cb, $opaque)

Run libvirt's callback of a ready handle.

=item $impl->_run_timeout_callback($timer, $cb, $opaque)

Run libvirt's callback of an expired timer.

=item $impl->_free_callback_opaque($ff, $opaque)

Release libvirt's data of a removed handle or timer (once).

=back

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

L<Sys::Virt>, L<Sys::Virt::Domain>, L<Sys::Virt::Stream>

=cut
