package Sys::Virt::Stream;

use strict;
use warnings;

our $VERSION = '9.0.0';

sub CLONE_SKIP { 1 }

1;

__END__

=head1 NAME

Sys::Virt::Stream - TODO

=cut
