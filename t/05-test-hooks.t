# The test-only subs (_test_panic, _test_string, _test_typed_params) exist
# only when SYSVIRT_TEST_HOOKS=1 is in the environment as Sys::Virt loads:
# an installed module does not have them. Each case runs in a child perl.
use strict;
use warnings;
use Test::More;

like(`$^X -Mblib -MSys::Virt -e 'print \$INC{"Sys/Virt.pm"}'`, qr{blib/}, 'testing the built copy');

my $probe = q{
    BEGIN { defined $ARGV[0] ? ($ENV{SYSVIRT_TEST_HOOKS} = $ARGV[0]) : delete $ENV{SYSVIRT_TEST_HOOKS} }
    use Sys::Virt;
    print join(',', map { (Sys::Virt->can($_) ? 'can' : 'cannot') . '/'
                          . (defined &{"Sys::Virt::$_"} ? 'defined' : 'undefined') }
                    qw(_test_panic _test_string _test_typed_params)), "\n";
    print Sys::Virt->new(uri => 'test:///default')->get_uri, "\n";
};

sub probe {
    my @switch = @_;
    open(my $fh, '-|', $^X, '-Mblib', '-e', $probe, @switch) or die "cannot run $^X: $!";
    my $out = do { local $/; <$fh> };
    close $fh;
    is($?, 0, 'the child ran to its end (' . (@switch ? "SYSVIRT_TEST_HOOKS=$switch[0]" : 'no switch') . ')');
    return $out;
}

my $none = join(',', ('cannot/undefined') x 3) . "\ntest:///default\n";
is(probe(), $none, 'without the switch: no test sub, the module works');
is(probe('0'), $none, 'SYSVIRT_TEST_HOOKS=0: none either');
is(probe('yes'), $none, 'only "1" turns them on');
is(probe('1'), join(',', ('can/defined') x 3) . "\ntest:///default\n",
   'SYSVIRT_TEST_HOOKS=1: all three, and the module works');

# Setting it after the module loaded changes nothing.
open(my $fh, '-|', $^X, '-Mblib', '-e', q{
    BEGIN { delete $ENV{SYSVIRT_TEST_HOOKS} }
    use Sys::Virt;
    $ENV{SYSVIRT_TEST_HOOKS} = 1;
    print defined &Sys::Virt::_test_panic ? "defined\n" : "undefined\n";
}) or die "cannot run $^X: $!";
is(do { local $/; <$fh> }, "undefined\n", 'read when Sys::Virt loads, not later');
close $fh;

done_testing();
