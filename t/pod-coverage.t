use strict;
use warnings;
use Test::More;

eval "use Test::Pod::Coverage 1.00; 1" or plan skip_all => 'Test::Pod::Coverage 1.00 required';

# Constants (upper case) are documented in CONSTANTS sections by their full
# names; DESTROY and CLONE_SKIP are Perl hooks, and _subs are internal.
my $params = { also_private => [qr/^[A-Z][A-Z0-9_]*$/, qr/^CLONE_SKIP$/] };
my @modules = all_modules();    # blib/ when built
plan tests => scalar @modules;
pod_coverage_ok($_, $params, "$_ is fully documented") for @modules;
