package Sys::Virt::Secret;

use strict;
use warnings;

our $VERSION = '12.7.0';

# Objects come from Sys::Virt (get_secret_by_uuid, get_secret_by_usage,
# define_secret...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "connection parameter is required";
    my $self;
    if (exists $params{usageID} || exists $params{usageType}) {
        die "usageID parameter must be provided with usageType" unless exists $params{usageID};
        die "usageType parameter must be provided with usageID" unless exists $params{usageType};
        $self = Sys::Virt::Secret::_lookup_by_usage($con, $params{usageType}, $params{usageID});
    } elsif (exists $params{uuid}) {
        my $len = length($params{uuid});
        if ($len == 16) {
            $self = Sys::Virt::Secret::_lookup_by_uuid($con, $params{uuid});
        } elsif ($len == 32 || $len == 36) {
            $self = Sys::Virt::Secret::_lookup_by_uuid_string($con, $params{uuid});
        } else {
            die "UUID must be either 16 unsigned bytes, or 32/36 hex characters long";
        }
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::Secret::_define_xml($con, $params{xml}, $params{flags} || 0);
    } else {
        die "usageID, xml or uuid parameters are required";
    }

    bless $self, $class;
    return $self;
}

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::Secret - a secret held by libvirt

=head1 SYNOPSIS

  my $sec = $conn->define_secret($xml);
  $sec->set_value($passphrase);
  my $bytes = $sec->get_value();

=head1 DESCRIPTION

An object of this class stands for one secret (a passphrase, a key, a
password) that libvirt keeps for its guests' use, e.g. to open an
encrypted volume or log in to an iSCSI target. It is obtained from the
lookup and define methods of L<Sys::Virt>. Values are bytes: they may
hold any octet, NUL included.

=head1 METHODS

=over 4

=item my $uuid = $sec->get_uuid()

The secret's UUID as 16 raw bytes.

=item my $uuid = $sec->get_uuid_string()

The secret's UUID in printable form.

=item my $type = $sec->get_usage_type()

What the secret is for, one of the C<USAGE_TYPE_*> constants.

=item my $id = $sec->get_usage_id()

The identifier of the object the secret is for, whose form depends
on the usage type (a volume's path, an iSCSI target's name, a Ceph
user...).

=item my $xml = $sec->get_xml_description($flags=0)

The secret's configuration as an XML document (never its value).
C<$flags> is reserved, pass 0.

=item $sec->undefine()

Delete the secret and its value.

=item my $bytes = $sec->get_value($flags=0)

The secret's value, as raw bytes. A secret marked private cannot be
read (libvirt raises an error). C<$flags> is reserved, pass 0.

=item $sec->set_value($bytes, $flags=0)

Store C<$bytes> as the secret's value. C<$flags> is reserved, pass 0.

=back

=head1 CONSTANTS

=head2 Usage types

=over 4

=item Sys::Virt::Secret::USAGE_TYPE_NONE

Not tied to any object.

=item Sys::Virt::Secret::USAGE_TYPE_VOLUME

The key of an encrypted volume; the usage ID is the volume's path.

=item Sys::Virt::Secret::USAGE_TYPE_CEPH

A Ceph authentication key.

=item Sys::Virt::Secret::USAGE_TYPE_ISCSI

An iSCSI CHAP password.

=item Sys::Virt::Secret::USAGE_TYPE_TLS

The passphrase of a TLS private key.

=item Sys::Virt::Secret::USAGE_TYPE_VTPM

The key encrypting a virtual TPM's state.

=back

=head2 Definition flags

=over 4

=item Sys::Virt::Secret::DEFINE_VALIDATE

Check the XML against libvirt's schema.

=back

=head2 Listing filters

Flags of C<list_all_secrets> in L<Sys::Virt>.

=over 4

=item Sys::Virt::Secret::LIST_EPHEMERAL

Secrets kept in memory only.

=item Sys::Virt::Secret::LIST_NO_EPHEMERAL

Secrets saved to disk.

=item Sys::Virt::Secret::LIST_PRIVATE

Secrets whose value cannot be read back.

=item Sys::Virt::Secret::LIST_NO_PRIVATE

Secrets whose value can be read back.

=back

=head2 Events

=over 4

=item Sys::Virt::Secret::EVENT_ID_LIFECYCLE

The event ID of secret lifecycle changes.

=item Sys::Virt::Secret::EVENT_ID_VALUE_CHANGED

The event ID of changes of a secret's value.

=item Sys::Virt::Secret::EVENT_DEFINED

The secret was defined.

=item Sys::Virt::Secret::EVENT_UNDEFINED

The secret was deleted.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::Error>

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
