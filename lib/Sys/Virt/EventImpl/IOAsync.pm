package Sys::Virt::EventImpl::IOAsync;

use strict;
use warnings;

use IO::Async::Loop ();
use Scalar::Util qw(blessed weaken);
use Sys::Virt::EventImpl::Adapter;
our @ISA = ('Sys::Virt::EventImpl::Adapter');

our $VERSION = '12.7.0';

sub CLONE_SKIP { 1 }

sub _init {
    my ($self, $options) = @_;
    my $loop = exists $options->{loop} ? delete $options->{loop} : IO::Async::Loop->new;
    unless (blessed($loop) && $loop->isa('IO::Async::Loop')) {
        die "${\ ref $self}::new: loop must be an IO::Async::Loop\n";
    }
    $self->{loop} = $loop;
}

sub loop { $_[0]{loop} }

sub _watch_io {
    my ($self, $h, $r, $w) = @_;
    weaken(my $me = $self);
    weaken(my $hw = $h);
    my $ready = sub { $me->_io_ready($hw) if $me && $hw };
    $self->{loop}->watch_io(handle => $h->{fh},
                            ($r ? (on_read_ready => $ready) : ()),
                            ($w ? (on_write_ready => $ready) : ()));
}

sub _unwatch_io {
    my ($self, $h) = @_;
    $self->{loop}->unwatch_io(handle => $h->{fh}, on_read_ready => 1, on_write_ready => 1);
}

# IO::Async's timers fire once: each expiry arms the next one first (so
# that the callback may update or remove the timer).
sub _start_timer {
    my ($self, $t) = @_;
    weaken(my $me = $self);
    weaken(my $tw = $t);
    my $due = sub {
        return unless $me && $tw && !$tw->{removed} && $tw->{frequency} >= 0;
        $me->_start_timer($tw);
        $me->_timer_due($tw);
    };
    my $loop = $self->{loop};
    # 0: on the loop's next turn (watch_idle), every turn
    $t->{watcher} = $t->{frequency}
        ? ['time', $loop->watch_time(after => $t->{frequency} / 1000, code => $due)]
        : ['idle', $loop->watch_idle(when => 'later', code => $due)];
}

sub _stop_timer {
    my ($self, $t) = @_;
    my $watcher = delete $t->{watcher} or return;
    my ($kind, $id) = @$watcher;
    $kind eq 'time' ? $self->{loop}->unwatch_time($id) : $self->{loop}->unwatch_idle($id);
}

sub _later {
    my ($self, $code) = @_;
    $self->{loop}->later($code);
}

1;

__END__

=head1 NAME

Sys::Virt::EventImpl::IOAsync - libvirt events in an IO::Async program

=head1 SYNOPSIS

  use IO::Async::Loop;
  use Sys::Virt;
  use Sys::Virt::EventImpl::IOAsync;

  my $loop = IO::Async::Loop->new;
  # Once, before opening connections:
  Sys::Virt::EventImpl::IOAsync->new(loop => $loop)->register;

  my $conn = Sys::Virt->new(uri => 'qemu:///system');
  $conn->set_keep_alive(5, 3);
  $conn->register_close_callback(sub { my ($conn, $reason) = @_; ... });
  $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
      sub { my ($conn, $dom, $event, $detail) = @_; ... });

  $loop->run;                 # the program's loop: no run_default

=head1 DESCRIPTION

Makes an L<IO::Async::Loop> libvirt's event loop, so an IO::Async
program receives domain and other events, stream callbacks and remote
keep-alive messages while its loop runs, without ever calling
C<Sys::Virt::Event::run_default>. It needs only the IO::Async
distribution (0.78 or later, for C<watch_time>); C<use Sys::Virt> does
not load it.

=head2 Registration

The convention of the three loop modules (this one,
L<Sys::Virt::EventImpl::AnyEvent>, L<Sys::Virt::EventImpl::Mojo>): make
an object with C<new> and call its C<register> method, once, before
opening any connection; C<register> returns the object. It is the same as
C<Sys::Virt::Event::register(Sys::Virt::EventImpl::IOAsync-E<gt>new(...))>.

=head2 What it maps

=over 4

=item *

A libvirt handle watch: C<< $loop->watch_io >> on a duplicate of the
descriptor, with C<on_read_ready> for C<HANDLE_READABLE> and
C<on_write_ready> for C<HANDLE_WRITABLE> (C<unwatch_io> when libvirt
disables the watch: events 0). The conditions passed to libvirt come from
poll(2), with C<HANDLE_HANGUP> and C<HANDLE_ERROR>.

=item *

A libvirt timeout of N milliseconds: C<< $loop->watch_time(after =E<gt>
N / 1000) >>, armed again at each expiry; of 0 (as soon as possible,
again and again): C<< $loop->watch_idle(when =E<gt> 'later') >>, armed
again at each turn of the loop; of -1: nothing armed.

=item *

The freeing of libvirt's data after a removal: C<< $loop->later >>.

=back

The rest (callbacks never run after their removal, data freed once and
never inside libvirt's call, dies in callbacks) is described in
L<Sys::Virt::EventImpl::Adapter>.

=head1 METHODS

=over 4

=item my $impl = Sys::Virt::EventImpl::IOAsync->new(loop => $loop)

A new implementation on C<$loop>, an C<IO::Async::Loop> (default:
C<< IO::Async::Loop->new >>, the process's shared loop). Dies if C<loop>
is not such an object.

=item my $loop = $impl->loop

Its loop.

=item $impl->register

Makes it libvirt's event loop; returns C<$impl>.

=item add_handle, update_handle, remove_handle, add_timeout, update_timeout, remove_timeout

What libvirt calls (see L<Sys::Virt::EventImpl::Adapter>).

=back

=head1 SEE ALSO

L<IO::Async::Loop>, L<Sys::Virt::EventImpl::Adapter>,
L<Sys::Virt::EventImpl>, L<Sys::Virt::Event>,
F<examples/ioasync-events.pl>

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
