# Sys::Virt::EventImpl::Mojo: libvirt's events, timers and keep-alive on
# Mojo::IOLoop's reactor, run in this process with a deadline on every wait:
# timeouts (N ms, 0, -1, updated, removed inside their callbacks), handles
# on pipes (readable, writable, hang-up, disabled), and against a private
# libvirtd over TCP lifecycle events from another connection, a stream
# read from its callback, keep-alive detecting a frozen daemon and the
# close callback of a stopped one; every free callback runs once. The
# tests themselves are in t/lib/SysVirtEventLoop.pm, shared by the three
# loops.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use SysVirtEventLoop ();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');
alarm 300;

SysVirtEventLoop::run_tests('Mojo');

done_testing();
