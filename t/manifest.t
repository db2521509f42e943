# MANIFEST lists the distribution exactly (make dist ships what it lists).
use strict;
use warnings;
use Test::More;
use ExtUtils::Manifest ();

plan skip_all => 'no MANIFEST here' unless -f 'MANIFEST';
local $ExtUtils::Manifest::Quiet = 1;
my ($missing, $extra) = ExtUtils::Manifest::fullcheck();
is_deeply($missing, [], 'every file MANIFEST lists exists');
is_deeply($extra, [], 'every file of the tree is in MANIFEST (or MANIFEST.SKIP)') or diag "not listed: @$extra";
done_testing();
