# Constants are made as constant.pm makes them: a reference to the
# read-only value in the stash, which Perl inlines where code is compiled
# and turns into a constant sub wherever one is needed. Every way a script
# reaches a constant must still work, with the value and nothing else.
use strict;
use warnings;
use Test::More;
use B ();
use Sys::Virt;

no strict 'refs';
# (A name this file mentions nowhere else: compiling a mention makes the glob.)
is(ref $Sys::Virt::Domain::{'BLOCK_JOB_TYPE_PULL'}, 'SCALAR',
   'before first use: a reference in the stash, no glob and sub made at load');
is(${ $Sys::Virt::Domain::{'BLOCK_JOB_TYPE_PULL'} }, 1, 'to the value');

# Compiled after load: inlined, no call at run time.
my $inlined = eval 'sub { Sys::Virt::Domain::STATE_SHUTOFF() + 0 }' or die $@;
is($inlined->(), 5, 'a call compiled after load gives the value');
my $ops = 0;
for (my $op = B::svref_2object($inlined)->START; $$op; $op = $op->next) {
    $ops++ if $op->name eq 'entersub';
}
is($ops, 0, 'and is folded: no sub call at run time');

is(Sys::Virt::Domain::STATE_RUNNING(), 1, 'call with parens');
is(Sys::Virt::Domain::STATE_BLOCKED, 2, 'bareword');
is(&{"Sys::Virt::Domain::STATE_CRASHED"}(), 6, 'symbolic call');
is(Sys::Virt::Domain->can('STATE_PMSUSPENDED')->(), 7, 'can');
ok(defined &Sys::Virt::Domain::STATE_SHUTDOWN, 'defined &name');
is(prototype('Sys::Virt::Domain::STATE_NOSTATE'), '', 'empty prototype');
is(Sys::Virt::Domain->STATE_PAUSED, 3, 'class method call');
is(ref \&Sys::Virt::Domain::STATE_PAUSED, 'CODE', '\\&name is a sub');
is(*{"Sys::Virt::Domain::STATE_PAUSED"}{CODE}->(), 3, 'the glob has the sub');
is(Sys::Virt::Network::XML_INACTIVE(), 1, 'another package');
is(Sys::Virt::Domain::MEMORY_HARD_LIMIT(), 'hard_limit', 'a string constant');
ok(!eval 'Sys::Virt::Domain::STATE_RUNNING() = 2; 1', 'a constant cannot be assigned to');
like($@, qr/Can't modify constant/, '(a compile-time error)');
my $ref = \Sys::Virt::Domain::STATE_RUNNING();
ok(!eval { $$ref = 2; 1 }, 'nor its value changed through a reference');
like($@, qr/read-only/, '(read-only)');
is(Sys::Virt::Domain::STATE_RUNNING(), 1, 'still 1');

# A name that a Perl module defines first is not overwritten by a proxy.
is(Sys::Virt::Domain->can('get_name') ? 'method' : 'none', 'method', 'methods are untouched');

done_testing;
