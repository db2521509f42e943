package Sys::Virt::EventImpl::AnyEvent;

use strict;
use warnings;

use AnyEvent ();
use Scalar::Util qw(weaken);
use Sys::Virt::EventImpl::Adapter;
our @ISA = ('Sys::Virt::EventImpl::Adapter');

our $VERSION = '12.7.0';

sub CLONE_SKIP { 1 }

# No options: AnyEvent has one loop per process.
sub _init { }

sub _watch_io {
    my ($self, $h, $r, $w) = @_;
    weaken(my $me = $self);
    weaken(my $hw = $h);
    my $ready = sub { $me->_io_ready($hw) if $me && $hw };
    $h->{watchers} = [
        ($r ? AnyEvent->io(fh => $h->{fh}, poll => 'r', cb => $ready) : ()),
        ($w ? AnyEvent->io(fh => $h->{fh}, poll => 'w', cb => $ready) : ()),
    ];
}

sub _unwatch_io {
    my ($self, $h) = @_;
    delete $h->{watchers};
}

sub _start_timer {
    my ($self, $t) = @_;
    weaken(my $me = $self);
    weaken(my $tw = $t);
    my $due = sub { $me->_timer_due($tw) if $me && $tw };
    my $seconds = $t->{frequency} / 1000;
    # 0: an idle watcher, run on each turn of the loop that has nothing
    # else to do (a timer of 0 s would starve I/O in AnyEvent's own loop).
    $t->{watcher} = $seconds ? AnyEvent->timer(after => $seconds, interval => $seconds, cb => $due)
                             : AnyEvent->idle(cb => $due);
}

sub _stop_timer {
    my ($self, $t) = @_;
    delete $t->{watcher};
}

sub _later {
    my ($self, $code) = @_;
    &AnyEvent::postpone($code);
}

1;

__END__

=head1 NAME

Sys::Virt::EventImpl::AnyEvent - libvirt events in an AnyEvent program

=head1 SYNOPSIS

  use AnyEvent;
  use Sys::Virt;
  use Sys::Virt::EventImpl::AnyEvent;

  # Once, before opening connections:
  Sys::Virt::EventImpl::AnyEvent->new->register;

  my $conn = Sys::Virt->new(uri => 'qemu:///system');
  $conn->set_keep_alive(5, 3);
  $conn->register_close_callback(sub { my ($conn, $reason) = @_; ... });
  $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
      sub { my ($conn, $dom, $event, $detail) = @_; ... });

  AnyEvent->condvar->recv;    # the program's loop: no run_default

=head1 DESCRIPTION

Makes the L<AnyEvent> loop (whichever backend AnyEvent picked: EV,
AnyEvent's own loop...) libvirt's event loop, so an AnyEvent program
receives domain and other events, stream callbacks and remote keep-alive
messages while its loop runs, without ever calling
C<Sys::Virt::Event::run_default>. It needs only the AnyEvent
distribution; C<use Sys::Virt> does not load it.

=head2 Registration

The convention of the three loop modules (this one,
L<Sys::Virt::EventImpl::IOAsync>, L<Sys::Virt::EventImpl::Mojo>): make
an object with C<new> and call its C<register> method, once, before
opening any connection; C<register> returns the object. It is the same as
C<Sys::Virt::Event::register(Sys::Virt::EventImpl::AnyEvent-E<gt>new)>.

=head2 What it maps

=over 4

=item *

A libvirt handle watch: C<< AnyEvent->io >> watchers on a duplicate of
the descriptor, one for C<HANDLE_READABLE> (C<poll =E<gt> 'r'>), one
for C<HANDLE_WRITABLE> (C<poll =E<gt> 'w'>), none when libvirt disables
the watch (events 0). The conditions passed to libvirt come from poll(2),
with C<HANDLE_HANGUP> and C<HANDLE_ERROR>.

=item *

A libvirt timeout of N milliseconds: C<< AnyEvent->timer >> with that
C<after> and C<interval>; of 0 (as soon as possible, again and again): an
C<< AnyEvent->idle >> watcher, which runs whenever the loop has nothing
else to do; of -1: no watcher.

=item *

The freeing of libvirt's data after a removal: C<AnyEvent::postpone>.

=back

The rest (callbacks never run after their removal, data freed once and
never inside libvirt's call, dies in callbacks) is described in
L<Sys::Virt::EventImpl::Adapter>.

=head1 METHODS

=over 4

=item my $impl = Sys::Virt::EventImpl::AnyEvent->new

A new implementation on AnyEvent's loop. It takes no options.

=item $impl->register

Makes it libvirt's event loop; returns C<$impl>.

=item add_handle, update_handle, remove_handle, add_timeout, update_timeout, remove_timeout

What libvirt calls (see L<Sys::Virt::EventImpl::Adapter>).

=back

=head1 SEE ALSO

L<AnyEvent>, L<Sys::Virt::EventImpl::Adapter>, L<Sys::Virt::EventImpl>,
L<Sys::Virt::Event>, F<examples/anyevent-events.pl>

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
