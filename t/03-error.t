use strict;
use warnings;
use Test::More;

use Sys::Virt;

# A failing libvirt call raises a Sys::Virt::Error filled from libvirt's
# thread-local error.
my $ok = eval { Sys::Virt->new(uri => 'test:///no/such/dir/node.xml'); 1 };
ok(!$ok, 'opening a test driver on a missing file fails');
my $err = $@;
isa_ok($err, 'Sys::Virt::Error');
is($err->level, Sys::Virt::Error::LEVEL_ERROR, 'level is LEVEL_ERROR');
is($err->{level}, $err->level, 'level() reads the level key');
is($err->domain, Sys::Virt::Error::FROM_TEST, 'domain is FROM_TEST');
is($err->{domain}, $err->domain, 'domain() reads the domain key');
ok($err->code > 0, 'a positive error code');
is($err->{code}, $err->code, 'code() reads the code key');
like($err->message, qr{/no/such/dir/node\.xml}, 'message names the file');
is_deeply([sort keys %$err], [qw(code domain level message)], 'exactly the four keys');

# Stringification, as the original.
is("$err", "libvirt error code: " . $err->code . ", message: " . $err->message . "\n",
   'stringifies as "libvirt error code: N, message: TEXT\n"');
is($err->stringify, "$err", 'stringify() is the overloaded ""');
my $manual = bless { level => 2, code => 7, domain => 0, message => "ends\n" }, 'Sys::Virt::Error';
is("$manual", "libvirt error code: 7, message: ends\n", 'no doubled newline');

# die with the object propagates through nested evals unchanged
eval { eval { die $err }; die $@ };
my $caught = $@;
is(ref $caught, 'Sys::Virt::Error', 'still an error object after nested evals');
is($caught->code, $err->code, 'the same error propagates');

# The error of a later call replaces the earlier one (no stale errors)
my $conn = Sys::Virt->new(uri => 'test:///default');
is($conn->get_uri, 'test:///default', 'a successful call after a failure');

done_testing();
