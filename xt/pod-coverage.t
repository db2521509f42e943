# Author test (xt/): every public sub of every module is documented.
# Test::Pod::Coverage is an author module: missing, this test fails.
use strict;
use warnings;
use Test::More;
use Test::Pod::Coverage 1.00;

# Constants (upper case) are documented in CONSTANTS sections by their full
# names; DESTROY and CLONE_SKIP are Perl hooks, and _subs are internal.
my $params = { also_private => [qr/^[A-Z][A-Z0-9_]*$/, qr/^CLONE_SKIP$/] };
my @modules = all_modules();    # blib/ when built
cmp_ok(scalar @modules, '>=', 17, 'the modules are found (' . scalar(@modules) . ')');
pod_coverage_ok($_, $params, "$_ is fully documented") for @modules;
done_testing();
