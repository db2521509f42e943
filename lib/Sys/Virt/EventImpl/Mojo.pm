package Sys::Virt::EventImpl::Mojo;

use strict;
use warnings;

use Mojo::IOLoop ();
use Scalar::Util qw(blessed weaken);
use Sys::Virt::EventImpl::Adapter;
our @ISA = ('Sys::Virt::EventImpl::Adapter');

our $VERSION = '12.7.0';

sub CLONE_SKIP { 1 }

sub _init {
    my ($self, $options) = @_;
    my $loop = exists $options->{loop} ? delete $options->{loop} : Mojo::IOLoop->singleton;
    unless (blessed($loop) && $loop->isa('Mojo::IOLoop')) {
        die "${\ ref $self}::new: loop must be a Mojo::IOLoop\n";
    }
    $self->{loop} = $loop;
    $self->{reactor} = $loop->reactor;
}

sub loop { $_[0]{loop} }

sub _watch_io {
    my ($self, $h, $r, $w) = @_;
    weaken(my $me = $self);
    weaken(my $hw = $h);
    my $reactor = $self->{reactor};
    $reactor->io($h->{fh} => sub { $me->_io_ready($hw) if $me && $hw });
    $reactor->watch($h->{fh}, $r, $w);
}

sub _unwatch_io {
    my ($self, $h) = @_;
    $self->{reactor}->remove($h->{fh});
}

sub _start_timer {
    my ($self, $t) = @_;
    weaken(my $me = $self);
    weaken(my $tw = $t);
    # 0: a recurring timer of 0 s is due on every tick of the reactor
    $t->{watcher} = $self->{reactor}->recurring($t->{frequency} / 1000 => sub {
        $me->_timer_due($tw) if $me && $tw;
    });
}

sub _stop_timer {
    my ($self, $t) = @_;
    my $id = delete $t->{watcher};
    $self->{reactor}->remove($id) if defined $id;
}

sub _later {
    my ($self, $code) = @_;
    $self->{reactor}->next_tick($code);
}

1;

__END__

=head1 NAME

Sys::Virt::EventImpl::Mojo - libvirt events in a Mojolicious program

=head1 SYNOPSIS

  use Mojo::IOLoop;
  use Sys::Virt;
  use Sys::Virt::EventImpl::Mojo;

  # Once, before opening connections:
  Sys::Virt::EventImpl::Mojo->new->register;

  my $conn = Sys::Virt->new(uri => 'qemu:///system');
  $conn->set_keep_alive(5, 3);
  $conn->register_close_callback(sub { my ($conn, $reason) = @_; ... });
  $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
      sub { my ($conn, $dom, $event, $detail) = @_; ... });

  Mojo::IOLoop->start;        # the program's loop: no run_default

=head1 DESCRIPTION

Makes a L<Mojo::IOLoop> (its reactor: L<Mojo::Reactor::Poll>, or
L<Mojo::Reactor::EV> where EV is installed) libvirt's event loop, so a
Mojolicious application or any Mojo::IOLoop program receives domain and
other events, stream callbacks and remote keep-alive messages while its
loop runs, without ever calling C<Sys::Virt::Event::run_default>. It
needs only the Mojolicious distribution; C<use Sys::Virt> does not load
it.

=head2 Registration

The convention of the three loop modules (this one,
L<Sys::Virt::EventImpl::AnyEvent>, L<Sys::Virt::EventImpl::IOAsync>):
make an object with C<new> and call its C<register> method, once, before
opening any connection; C<register> returns the object. It is the same as
C<Sys::Virt::Event::register(Sys::Virt::EventImpl::Mojo-E<gt>new(...))>.

=head2 What it maps

=over 4

=item *

A libvirt handle watch: the reactor's C<io> on a duplicate of the
descriptor, then C<watch> with reading for C<HANDLE_READABLE> and
writing for C<HANDLE_WRITABLE> (C<remove> when libvirt disables the
watch: events 0). The conditions passed to libvirt come from poll(2),
with C<HANDLE_HANGUP> and C<HANDLE_ERROR>.

=item *

A libvirt timeout of N milliseconds: the reactor's C<recurring> of N /
1000 seconds; of 0 (as soon as possible, again and again): C<recurring>
of 0, due on every tick; of -1: no timer.

=item *

The freeing of libvirt's data after a removal: the reactor's
C<next_tick>.

=back

The rest (callbacks never run after their removal, data freed once and
never inside libvirt's call, dies in callbacks: the reactor emits them as
its C<error> event) is described in L<Sys::Virt::EventImpl::Adapter>.

=head1 METHODS

=over 4

=item my $impl = Sys::Virt::EventImpl::Mojo->new(loop => $loop)

A new implementation on C<$loop>, a C<Mojo::IOLoop> (default:
C<< Mojo::IOLoop->singleton >>, the loop of C<Mojo::IOLoop-E<gt>start>
and of Mojolicious applications). Dies if C<loop> is not such an object.

=item my $loop = $impl->loop

Its loop.

=item $impl->register

Makes it libvirt's event loop; returns C<$impl>.

=item add_handle, update_handle, remove_handle, add_timeout, update_timeout, remove_timeout

What libvirt calls (see L<Sys::Virt::EventImpl::Adapter>).

=back

=head1 SEE ALSO

L<Mojo::IOLoop>, L<Sys::Virt::EventImpl::Adapter>,
L<Sys::Virt::EventImpl>, L<Sys::Virt::Event>,
F<examples/mojo-events.pl>

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
