use strict;
use warnings;
use Test::More;

BEGIN { use_ok('Sys::Virt') }

like($INC{'Sys/Virt.pm'}, qr{\bblib/lib/Sys/Virt\.pm\z}, 'Sys::Virt comes from blib/');
is($Sys::Virt::VERSION, '12.7.0', 'version matches the API level (Sys::Virt 12.7.0)');

# `use Sys::Virt` loads every class but Sys::Virt::Event and
# Sys::Virt::EventImpl, as the original.
for my $class (qw(Error Domain DomainSnapshot DomainCheckpoint Network NetworkPort
                  StoragePool StorageVol NodeDevice Interface Secret NWFilter
                  NWFilterBinding Stream)) {
    (my $file = "Sys/Virt/$class.pm") =~ s{::}{/}g;
    like($INC{$file} // '', qr{\bblib/lib/\Q$file\E\z}, "$file loaded from blib/");
    ok("Sys::Virt::$class"->can('CLONE_SKIP'), "Sys::Virt::$class has CLONE_SKIP");
}

ok(!$INC{'Sys/Virt/Event.pm'} && !$INC{'Sys/Virt/EventImpl.pm'}, 'the event modules are left to the script');
# The adapters to event loops are loaded only by a script that uses one
# (each needs its loop's distribution).
is_deeply([grep { m{^Sys/Virt/EventImpl/} } keys %INC], [], 'no event loop adapter is loaded');
ok(!$INC{'AnyEvent.pm'} && !$INC{'IO/Async/Loop.pm'} && !$INC{'Mojo/IOLoop.pm'}, '... nor any event loop');

my $so = (grep { m{auto/Sys/Virt/Virt\.so\z} } @DynaLoader::dl_shared_objects)[0];
like($so // '', qr{\bblib/arch/auto/Sys/Virt/Virt\.so\z}, 'the Rust cdylib is the one loaded');

# The XS version handshake refuses a .so built for another $VERSION (a
# stale build): run in a child so the failure cannot affect this process.
my $script = q{
    package Sys::Virt;
    our $VERSION = "8.0.0";
    require XSLoader;
    eval { XSLoader::load("Sys::Virt", "8.0.0") };
    print $@;
};
open(my $child, '-|', $^X, '-Mblib', '-e', $script) or die "cannot run $^X: $!";
my $out = do { local $/; <$child> };
close $child;
like($out, qr/Sys::Virt object version 12\.7\.0 does not match bootstrap parameter 8\.0\.0/,
     'a version mismatch between .pm and .so is refused at load');

done_testing();
