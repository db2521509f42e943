package Sys::Virt::EventImpl::Adapter;

use strict;
use warnings;

use IO::Poll qw(POLLIN POLLOUT POLLERR POLLHUP POLLNVAL);

use Sys::Virt;
use Sys::Virt::Event;       # register(), and loads Sys::Virt::EventImpl
our @ISA = ('Sys::Virt::EventImpl');

our $VERSION = '12.7.0';

# An object of it holds libvirt's pointers: never copied into a thread.
sub CLONE_SKIP { 1 }

use constant {
    READABLE => Sys::Virt::Event::HANDLE_READABLE,
    WRITABLE => Sys::Virt::Event::HANDLE_WRITABLE,
    ERROR    => Sys::Virt::Event::HANDLE_ERROR,
    HANGUP   => Sys::Virt::Event::HANDLE_HANGUP,
};

# ---- what every adapter shares -----------------------------------------
#
# $self->{handles}{$id}: { id, fd, fh (our dup of fd), events, cb, opaque,
#                          ff, poll (IO::Poll on fh), watching, removed }
# $self->{timeouts}{$id}: { id, frequency, cb, opaque, ff, armed, removed }
# An adapter (AnyEvent.pm, IOAsync.pm, Mojo.pm) provides:
#   _init(\%options)         take its options out of the hash
#   _watch_io($h, $r, $w)    watch $h->{fh} (readable if $r, writable if
#                            $w), calling $self->_io_ready($h) when it is
#   _unwatch_io($h)
#   _start_timer($t)         call $self->_timer_due($t) every
#                            $t->{frequency} ms (0: on every turn of the
#                            loop) until _stop_timer
#   _stop_timer($t)
#   _later($code)            run $code once, soon, from the loop itself

sub new {
    my ($class, %options) = @_;
    my $self = bless { next_id => 1, handles => {}, timeouts => {} }, ref($class) || $class;
    $self->_init(\%options);
    if (my @unknown = sort keys %options) {
        die "${\ ref $self}::new: unknown option '$unknown[0]'\n";
    }
    return $self;
}

sub register {
    my $self = shift;
    Sys::Virt::Event::register($self);
    return $self;
}

sub add_handle {
    my ($self, $fd, $events, $cb, $opaque, $ff) = @_;
    # Our own descriptor for the same file: the loop may key its watchers
    # by descriptor, and closing ours never closes libvirt's.
    open(my $fh, '<&', $fd)
        or die "${\ ref $self}::add_handle: cannot watch file descriptor $fd: $!\n";
    my $id = $self->{next_id}++;
    my $h = $self->{handles}{$id} = {
        id => $id, fd => $fd, fh => $fh, events => 0, cb => $cb, opaque => $opaque, ff => $ff,
        poll => IO::Poll->new, watching => 0, removed => 0,
    };
    $self->_set_events($h, $events);
    return $id;
}

sub update_handle {
    my ($self, $id, $events) = @_;
    my $h = $self->{handles}{$id} or return;
    # (libvirt sets the same events again around every call on a remote
    # connection)
    $self->_set_events($h, $events) if $events != $h->{events};
    return;
}

sub remove_handle {
    my ($self, $id) = @_;
    my $h = delete $self->{handles}{$id} or return -1;
    $h->{removed} = 1;
    $self->_quietly(sub { $self->_unwatch_io($h) }) if $h->{watching};
    close $h->{fh};
    $self->_free_later($h);
    return 0;
}

sub add_timeout {
    my ($self, $frequency, $cb, $opaque, $ff) = @_;
    my $id = $self->{next_id}++;
    my $t = $self->{timeouts}{$id} = {
        id => $id, frequency => $frequency, cb => $cb, opaque => $opaque, ff => $ff,
        armed => 0, removed => 0,
    };
    $self->_arm($t);
    return $id;
}

sub update_timeout {
    my ($self, $id, $frequency) = @_;
    my $t = $self->{timeouts}{$id} or return;
    # As libvirt's own loop: the countdown starts again, even for the same
    # frequency.
    $self->_stop_timer($t) if $t->{armed};
    $t->{armed} = 0;
    $t->{frequency} = $frequency;
    $self->_arm($t);
    return;
}

sub remove_timeout {
    my ($self, $id) = @_;
    my $t = delete $self->{timeouts}{$id} or return -1;
    $t->{removed} = 1;
    $self->_quietly(sub { $self->_stop_timer($t) }) if $t->{armed};
    $self->_free_later($t);
    return 0;
}

# The loop's watchers for the READABLE/WRITABLE bits of $events.
sub _set_events {
    my ($self, $h, $events) = @_;
    $self->_unwatch_io($h) if $h->{watching};
    $h->{watching} = 0;
    $h->{events} = $events;
    my ($r, $w) = (($events & READABLE) != 0, ($events & WRITABLE) != 0);
    return unless $r || $w;
    $h->{poll}->mask($h->{fh} => ($r ? POLLIN : 0) | ($w ? POLLOUT : 0));
    $self->_watch_io($h, $r, $w);
    $h->{watching} = 1;
}

# The loop says $h is readable or writable: what poll(2) reports for it
# now (with HANGUP and ERROR), to libvirt's callback, unless removed,
# disabled or no longer ready since.
sub _io_ready {
    my ($self, $h) = @_;
    return if $h->{removed} || !$h->{watching};
    my $poll = $h->{poll};
    $poll->poll(0);
    my $revents = $poll->events($h->{fh});
    my $events = (($revents & POLLIN) ? READABLE : 0) | (($revents & POLLOUT) ? WRITABLE : 0)
        | (($revents & (POLLERR | POLLNVAL)) ? ERROR : 0) | (($revents & POLLHUP) ? HANGUP : 0);
    $events &= $h->{events} | ERROR | HANGUP;
    return unless $events;
    $self->_run_handle_callback($h->{id}, $h->{fd}, $events, $h->{cb}, $h->{opaque});
}

sub _arm {
    my ($self, $t) = @_;
    return if $t->{frequency} < 0;
    $self->_start_timer($t);
    $t->{armed} = 1;
}

# A timer expired: libvirt's callback, unless removed or disabled since.
sub _timer_due {
    my ($self, $t) = @_;
    return if $t->{removed} || $t->{frequency} < 0;
    $self->_run_timeout_callback($t->{id}, $t->{cb}, $t->{opaque});
}

# libvirt's data of a removed handle or timeout is freed from the loop,
# once the call that removed it (maybe its own callback, inside libvirt)
# has returned. At global destruction the loop may be gone: nothing is
# freed then.
sub _free_later {
    my ($self, $w) = @_;
    return if ${^GLOBAL_PHASE} eq 'DESTRUCT';
    my ($ff, $opaque) = @$w{qw(ff opaque)};
    $self->_later(sub { $self->_free_callback_opaque($ff, $opaque) });
}

# Removing watchers at global destruction, when the loop's objects may be
# destroyed already: errors then are ignored.
sub _quietly {
    my ($self, $code) = @_;
    if (${^GLOBAL_PHASE} eq 'DESTRUCT') { local $@; eval { $code->() }; return }
    $code->();
}

1;

__END__

=head1 NAME

Sys::Virt::EventImpl::Adapter - what the adapters to Perl event loops share

=head1 SYNOPSIS

  use Sys::Virt;
  use Sys::Virt::EventImpl::AnyEvent;     # or ::IOAsync, or ::Mojo
  Sys::Virt::EventImpl::AnyEvent->new->register;

=head1 DESCRIPTION

The base class of L<Sys::Virt::EventImpl::AnyEvent>,
L<Sys::Virt::EventImpl::IOAsync> and L<Sys::Virt::EventImpl::Mojo>,
which let libvirt use the event loop a program already runs (see
L<Sys::Virt::EventImpl> for what libvirt asks of a loop). It keeps
libvirt's handles and timeouts and their pointers, and decides when
libvirt's callbacks run and its data is freed; each subclass only starts
and stops its loop's watchers. Programs use a subclass; this page
describes what they all do.

=head1 METHODS

=over 4

=item my $impl = CLASS->new(%options)

A new implementation on the loop of CLASS (a subclass: each documents its
options). An unknown option dies, naming it.

=item $impl->register

Makes C<$impl> libvirt's event loop (C<Sys::Virt::Event::register($impl)>)
and returns it. Call it once, before opening the connections that should
receive events or keep-alive messages; libvirt keeps using the same loop
for the life of the process.

=item my $watch = $impl->add_handle($fd, $events, $cb, $opaque, $ff)

=item $impl->update_handle($watch, $events)

=item $impl->remove_handle($watch)

Watch the file descriptor C<$fd> for the C<Sys::Virt::Event::HANDLE_*>
conditions in C<$events>, change them (0: watch nothing for now), stop
watching it. libvirt calls these. The loop watches a duplicate of C<$fd>
(closed on removal) for reading when C<$events> has C<HANDLE_READABLE>,
for writing when it has C<HANDLE_WRITABLE>; when it reports one ready, a
poll(2) of the descriptor tells the conditions to pass to libvirt: those
watched that hold, plus C<HANDLE_ERROR> and C<HANDLE_HANGUP>, which
poll(2) always reports (so a connection whose daemon went away is seen at
once, as by libvirt's own loop). C<remove_handle> returns -1 for a watch
it does not know, 0 otherwise.

=item my $timer = $impl->add_timeout($frequency, $cb, $opaque, $ff)

=item $impl->update_timeout($timer, $frequency)

=item $impl->remove_timeout($timer)

Start a timer that expires every C<$frequency> milliseconds, 0 meaning
on every turn of the loop and -1 never (until updated); change its
frequency (the countdown starts again, as in libvirt's own loop); stop
it. C<remove_timeout> returns -1 for a timer it does not know, 0
otherwise.

=back

After C<remove_handle> or C<remove_timeout>, even called from inside that
handle's or timer's own callback, the callback never runs again, and
libvirt's data is freed (C<$ff>) exactly once, from the loop, after the
call that removed it has returned: never inside libvirt's call, as
libvirt requires. A program that stops running its loop leaves the data
of what was removed meanwhile unfreed.

A die in a libvirt callback, or in a Perl callback libvirt ran from it (a
domain event callback, a stream callback...), comes out of the loop's
watcher, where the loop deals with it as with any die in a watcher
(AnyEvent and IO::Async let it leave the loop's run method; Mojo emits the
reactor's C<error> event, which C<Mojo::IOLoop> warns by default).

=head1 SEE ALSO

L<Sys::Virt::EventImpl>, L<Sys::Virt::Event>,
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
