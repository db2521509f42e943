package Sys::Virt::Stream;

use strict;
use warnings;

our $VERSION = '12.7.0';

sub CLONE_SKIP { 1 }

sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection} : die "connection parameter is required";
    my $self = Sys::Virt::Stream::_new_obj($con, $params{flags});

    bless $self, $class;

    return $self;
}

1;

__END__

=head1 NAME

Sys::Virt::Stream - a data channel between the program and a libvirt object

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => "test:///default");
  my $dom = $conn->get_domain_by_name("test");

  # Read a screenshot of the guest's display
  my $st = $conn->new_stream();
  my $mimetype = $dom->screenshot($st, 0);
  my $image = "";
  $st->recv_all(sub {
      my ($st, $data, $nbytes) = @_;
      $image .= $data;
      return $nbytes;
  });
  $st->finish();

=head1 DESCRIPTION

A C<Sys::Virt::Stream> object carries bytes in one or both directions
between the program and something libvirt manages: a storage volume
being uploaded or downloaded, a guest's text console or data channel, a
screenshot... A stream is created from a connection with
C<< $conn->new_stream($flags) >>, then attached to its data source by an
API that takes a stream (C<< $dom->screenshot >>,
C<< $dom->open_console >>, C<< $vol->download >>...). Data then moves
with C<recv>/C<send> or the C<*_all> helpers. Once the transfer is over,
every activated stream must be closed with either C<finish> (success) or
C<abort> (give up).

Failures are reported by dying with a L<Sys::Virt::Error> object.

=head1 METHODS

=over 4

=item my $st = $conn->new_stream($flags=0)

Streams are not constructed directly: C<new_stream> on a L<Sys::Virt>
connection returns a new, not yet activated, stream. C<$flags> may be
C<Sys::Virt::Stream::NONBLOCK> to make reads and writes return -2
instead of waiting.

=item my $count = $st->recv($data, $nbytes, $flags=0)

Read at most C<$nbytes> bytes from the stream and store them in the
scalar C<$data> (replacing its content; the bytes are kept as they came,
binary-safe). Returns the number of bytes stored. A return of 0 means
the end of the stream was reached; C<$data> is then left untouched. With
a non-blocking stream, -2 means that no data is available yet. If
C<$flags> holds C<Sys::Virt::Stream::RECV_STOP_AT_HOLE>, -3 means that
reading stopped at a hole of a sparse stream (see C<recv_hole>). Any
other failure, such as reading a stream already finished or aborted,
dies with a L<Sys::Virt::Error>.

=item my $count = $st->send($data, $nbytes)

Write up to C<$nbytes> bytes taken from the start of C<$data> (never
more than C<$data> holds) and return how many were accepted, which may be
fewer. A non-blocking stream returns -2 when it cannot take data now.

=item my $length = $st->recv_hole($flags=0)

On a sparse stream, just after C<recv> returned -3, return the length in
bytes of the hole now at the read position. C<$flags> is unused and
defaults to 0.

=item $st->send_hole($length, $flags=0)

On a sparse stream, tell the receiving side that the next C<$length>
bytes are a hole (empty space), instead of sending that many zero bytes.
C<$flags> is unused and defaults to 0.

=item $st->recv_all($handler)

Read the whole stream, passing each piece of data to the code reference
C<$handler> as C<< $handler->($st, $data, $nbytes) >>, where C<$data>
holds C<$nbytes> bytes. The handler returns how many of those bytes it
consumed (normally C<$nbytes>: any fewer, and it is called again with
the remainder), or -1 to stop with an error. If the handler dies, the
stream is aborted and C<recv_all> dies with the same error C<$@>.
Returns nothing once the end of the stream is reached.

=item $st->send_all($handler)

Send data produced by C<$handler> until it reports the end. The handler
is called as C<< $handler->($st, $data, $nbytes) >>: it stores up to
C<$nbytes> bytes in C<$_[1]> (the C<$data> argument itself, so assign to
C<$_[1]>) and returns how many it stored, 0 when there is nothing more
to send, or -1 to stop with an error. If the handler dies, the stream is
aborted and C<send_all> dies with the same error.

=item $st->sparse_recv_all($handler, $hole_handler)

As C<recv_all>, for a sparse stream: C<$handler> receives the data as in
C<recv_all>, and each hole is reported to
C<< $hole_handler->($st, $length) >>, which returns 0 (or any
non-negative number) on success and a negative number to stop with an
error.

=item $st->sparse_send_all($handler, $hole_handler, $skip_handler)

As C<send_all>, for a sparse source. C<$handler> fills data as in
C<send_all>. C<< $hole_handler->($st) >> describes the current position
of the source: it returns a list of two values, C<($in_data, $length)>,
a true C<$in_data> meaning the position is in a data section, false
meaning it is in a hole, and C<$length> the bytes left in that section.
C<< $skip_handler->($st, $length) >> moves the source position forward
by C<$length> bytes (past a hole), returning 0 (or any non-negative
number) on success and a negative number on error. A die in any handler
aborts the stream and is raised again by C<sparse_send_all>.

=item $st->finish()

Declare the transfer complete: flushes what remains and checks that the
other side succeeded. Either C<finish> or C<abort> must close every
stream that was activated.

=item $st->abort()

Stop the transfer and release what the stream holds, discarding
anything not yet transferred.

=item $st->add_callback($events, $coderef)

With an event loop registered (see L<Sys::Virt::Event>), calls
C<< $coderef->($st, $events) >> whenever the stream becomes ready for
one of the conditions in C<$events> (the C<EVENT_*> constants below,
combined with C<|>). Meant for streams created with C<NONBLOCK>. One
callback per stream; it keeps the stream object alive until removed.

=item $st->update_callback($events)

Changes the conditions the callback waits for.

=item $st->remove_callback()

Removes the callback.

=back

=head1 CONSTANTS

=over 4

=item Sys::Virt::Stream::NONBLOCK

Flag for C<new_stream>: reads and writes never wait; they return -2
when they would have to.

=item Sys::Virt::Stream::RECV_STOP_AT_HOLE

Flag for C<recv>: stop at the start of a hole of a sparse stream and
return -3, so that C<recv_hole> can report its size.

=item Sys::Virt::Stream::EVENT_READABLE

Event bit: data can be read without waiting.

=item Sys::Virt::Stream::EVENT_WRITABLE

Event bit: data can be written without waiting.

=item Sys::Virt::Stream::EVENT_ERROR

Event bit: the stream failed.

=item Sys::Virt::Stream::EVENT_HANGUP

Event bit: the other end closed the stream.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::Domain>, L<Sys::Virt::StorageVol>,
L<Sys::Virt::Error>, L<https://libvirt.org/>

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
