package Sys::Virt::EventImpl;

use strict;
use warnings;

# The XS helpers of this package (_run_handle_callback_helper...) are
# defined when Sys::Virt's XS part loads.
use Sys::Virt;

our $VERSION = '12.7.0';

# The six methods libvirt needs from an event loop. A subclass overrides
# them all; one it forgot dies, naming the class and the method.
sub add_handle {
    my $self = shift;
    die ref($self) . " must provide an impl of 'add_handle'";
}

sub update_handle {
    my $self = shift;
    die ref($self) . " must provide an impl of 'update_handle'";
}

sub remove_handle {
    my $self = shift;
    die ref($self) . " must provide an impl of 'remove_handle'";
}

sub add_timeout {
    my $self = shift;
    die ref($self) . " must provide an impl of 'add_timeout'";
}

sub update_timeout {
    my $self = shift;
    die ref($self) . " must provide an impl of 'update_timeout'";
}

sub remove_timeout {
    my $self = shift;
    die ref($self) . " must provide an impl of 'remove_timeout'";
}

# What the loop calls back: libvirt's callbacks and free functions, run
# by the XS helpers once they have checked the pointers.
sub _run_handle_callback {
    my ($self, $watch, $fd, $events, $cb, $opaque) = @_;
    _run_handle_callback_helper($watch, $fd, $events, $cb, $opaque);
}

sub _run_timeout_callback {
    my ($self, $timer, $cb, $opaque) = @_;
    _run_timeout_callback_helper($timer, $cb, $opaque);
}

sub _free_callback_opaque {
    my ($self, $ff, $opaque) = @_;
    _free_callback_opaque_helper($ff, $opaque);
}

1;

__END__

=head1 NAME

Sys::Virt::EventImpl - base class of event loops written in Perl

=head1 SYNOPSIS

  package My::Loop;
  use parent 'Sys::Virt::EventImpl';

  sub new { bless { next => 1, handles => {}, timers => {} }, shift }
  sub add_handle {
      my ($self, $fd, $events, $cb, $opaque, $ff) = @_;
      my $watch = $self->{next}++;
      $self->{handles}{$watch} = [$fd, $events, $cb, $opaque, $ff];
      return $watch;
  }
  # ... update_handle, remove_handle, add_timeout, update_timeout,
  # remove_timeout likewise

  package main;
  use Sys::Virt;
  use Sys::Virt::Event;
  Sys::Virt::Event::register(My::Loop->new);

=head1 DESCRIPTION

libvirt delivers events (and keeps remote connections alive) only
through an event loop. Besides its built-in one
(C<Sys::Virt::Event::register_default>), libvirt can use a loop the
program already runs: a class derived from C<Sys::Virt::EventImpl>
that implements the six methods below, an object of which is given to
C<Sys::Virt::Event::register>. libvirt then calls those methods (from
inside its own functions) whenever it wants a file descriptor watched
or a timer run, and the loop calls back into libvirt through the three
helper methods when something happens.

Before Sys::Virt 9.7.0 such loops derived from C<Sys::Virt::Event>
itself. That still works: C<Sys::Virt::Event> derives from this class,
and C<register> accepts a C<Sys::Virt::Event> subclass too (with a
deprecation warning).

This module is loaded by C<Sys::Virt::Event>; C<use Sys::Virt> alone
does not load it.

=head1 EVENT LOOP IMPLEMENTATION

Each of these methods must be provided by the subclass: the versions in
this class only die with a message naming the subclass and the missing
method. libvirt runs them from inside its own calls, so they should
return promptly and never block, nor run libvirt's callbacks
themselves. A die in one of them is caught, and raised again by the
Sys::Virt call that made libvirt call it (opening a connection, any call
on a remote one, which updates its socket's watch, closing it...), once
libvirt has returned, before anything else that call would raise or
return.

=over 4

=item my $watch_id = $self->add_handle( $fd, $events, $callback, $opaque, $ff )

Begin watching the file descriptor C<$fd> for the conditions in
C<$events> (the C<Sys::Virt::Event::HANDLE_*> constants, combined with
C<|>). Return a new positive number identifying the watch. Whenever
some of those conditions hold, the loop calls C<_run_handle_callback>
with this number, the descriptor, the conditions found, C<$callback>
and C<$opaque>. Keep C<$ff> and C<$opaque> for C<_free_callback_opaque>.

=item $self->update_handle($watch_id, $events)

Watch the conditions C<$events> from now on instead of the previous
ones; 0 means watch nothing for the moment (the watch stays).

=item my $ret = $self->remove_handle($watch_id)

Stop the watch and forget it. Then, later, from the loop (outside any
callback of that watch that may be running, and never inside
C<remove_handle> itself, which libvirt calls while it holds locks its
data's release may need), call C<_free_callback_opaque> with the C<$ff>
and C<$opaque> that C<add_handle> received, so libvirt can release its
data. Return -1 for a watch the loop does not know (libvirt's own loop
does the same), anything else otherwise.

=item my $timer_id = $self->add_timeout($frequency, $callback, $opaque, $ff)

Start a timer that expires every C<$frequency> milliseconds (0: on
every turn of the loop; -1: not for now). Return a new positive number
identifying it. On every expiry the loop calls C<_run_timeout_callback>
with this number, C<$callback> and C<$opaque>.

=item $self->update_timeout($timer_id, $frequency)

Give the timer a new interval, with the same special values as
C<add_timeout>.

=item my $ret = $self->remove_timeout($timer_id)

Stop the timer and forget it, then call C<_free_callback_opaque> with
its C<$ff> and C<$opaque>, as for a removed watch (later, from the
loop). Return -1 for a timer the loop does not know.

=back

=head2 Callback helpers

C<$callback>, C<$opaque> and C<$ff> are references standing for
libvirt's own pointers. Keep them and hand them back unchanged: the
helpers compare them with what libvirt really registered and die
instead of calling anything stale, already freed or made up.

=over 4

=item $self->_run_handle_callback($watch_id, $fd, $events, $cb, $opaque)

Run libvirt's callback for the watch C<$watch_id>, telling it that the
conditions C<$events> hold on C<$fd>.

=item $self->_run_timeout_callback($timer_id, $cb, $opaque)

Run libvirt's callback for the expired timer C<$timer_id>.

=item $self->_free_callback_opaque($ff, $opaque)

Let libvirt release the data of a removed watch or timer. Call it once
per removal; a second call for the same data dies, and so does a call for
the data of a watch or timer still registered, or whose callback is
running (it would be used after its release).

=back

=head1 SEE ALSO

L<Sys::Virt::Event>, L<Sys::Virt>; subclasses for other event loops:
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
