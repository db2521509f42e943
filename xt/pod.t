# Author test (xt/): the POD of every module is well-formed. Test::Pod is
# an author module: missing, this test fails rather than skips.
use strict;
use warnings;
use Test::More;
use Test::Pod 1.00;

my @files = all_pod_files('lib');
cmp_ok(scalar @files, '>=', 17, 'the modules of lib/ are found (' . scalar(@files) . ')');
pod_file_ok($_) for @files;
done_testing();
