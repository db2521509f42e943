# Author test (xt/): MANIFEST lists the distribution exactly (make dist
# ships what it lists). A file a user adds to an unpacked tree fails this,
# so it is not part of the plain `make test`.
use strict;
use warnings;
use Test::More;
use ExtUtils::Manifest ();

ok(-f 'MANIFEST', 'MANIFEST is there');
local $ExtUtils::Manifest::Quiet = 1;
my ($missing, $extra) = ExtUtils::Manifest::fullcheck();
is_deeply($missing, [], 'every file MANIFEST lists exists');
is_deeply($extra, [], 'every file of the tree is in MANIFEST (or MANIFEST.SKIP)') or diag "not listed: @$extra";
done_testing();
