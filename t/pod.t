use strict;
use warnings;
use Test::More;

eval "use Test::Pod 1.00; 1" or plan skip_all => 'Test::Pod 1.00 required';
all_pod_files_ok(all_pod_files('blib/lib'));
