package Sys::Virt;

use strict;
use warnings;

use Sys::Virt::Error;
use Sys::Virt::Domain;
use Sys::Virt::Network;
use Sys::Virt::NetworkPort;
use Sys::Virt::StoragePool;
use Sys::Virt::StorageVol;
use Sys::Virt::NodeDevice;
use Sys::Virt::Interface;
use Sys::Virt::Secret;
use Sys::Virt::NWFilter;
use Sys::Virt::NWFilterBinding;
use Sys::Virt::DomainSnapshot;
use Sys::Virt::DomainCheckpoint;
use Sys::Virt::Stream;

our $VERSION = '9.0.0';
require XSLoader;
XSLoader::load('Sys::Virt', $VERSION);

sub CLONE_SKIP { 1 }

sub new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;
    my $uri = exists $params{address} ? $params{address} : $params{uri};
    my $flags = $params{flags} || 0;
    $flags |= Sys::Virt::CONNECT_RO() if $params{readonly};
    my $self = Sys::Virt::_open($uri, $flags);
    return bless $self, $class;
}

1;
