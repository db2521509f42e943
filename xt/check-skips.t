# Author test (xt/: it checks a CI script, not the module).
# .ci/check-skips, which makes CI fail on a skip it does not expect, on
# synthetic `prove -v` output: every kind of skip is found and attributed
# to its test file, and only the allow-list's (file, reason) pairs pass.
use strict;
use warnings;
use Test::More;
use File::Temp ();

my $tmp = File::Temp->newdir;
my $allow = "$tmp/allowed";
open my $af, '>', $allow or die "$allow: $!";
print $af <<'EOF';
# comment, then a blank line

t/a.t   the C original cannot load on this libvirt: .*LIBVIRT_7\.7\.0.*
t/b.t   no \w+ here
t/c.t   no other thing here
EOF
close $af;

# check(@lines): (exit status, output) of .ci/check-skips reading @lines.
sub check {
    my $in = "$tmp/in";
    open my $fh, '>', $in or die "$in: $!";
    print $fh map { "$_\n" } @_;
    close $fh;
    my $out = `'$^X' .ci/check-skips --allow '$allow' < '$in' 2>&1`;
    return ($? >> 8, $out);
}

my @allowed_run = (
    't/a.t .. ',
    'ok 1 - first',
    "ok 2 # skip the C original cannot load on this libvirt: libvirt.so.0: version `LIBVIRT_7.7.0' not found",
    '1..2',
    'ok',
    't/b.t .. skipped: no thing here',
    't/c.t .. ',
    '    ok 1 - in a subtest',
    '    1..1',
    'ok 1 - a subtest',
    'not ok 2 - a failure # TODO not yet',
    '    1..0 # SKIP no other thing here',
    'ok 3 # skip no other thing here',
    '1..3',
    'ok',
    'All tests successful.',
);
my ($rc, $out) = check(@allowed_run);
is($rc, 0, 'allowed skips only: exit 0') or diag $out;
like($out, qr{^t/a\.t: skip: the C original cannot load .*: allowed \(\Q$allow\E:3\)$}m, 'a skipped test, allowed');
like($out, qr{^t/b\.t: skip: no thing here: allowed \(\Q$allow\E:4\)$}m, "a skipped file (prove's skipped:), allowed");
like($out, qr{^t/c\.t: skip: no other thing here: allowed \(\Q$allow\E:5\)$}m, 'a subtest that skipped all, allowed');
like($out, qr/^=== skips: 3$/m, 'three skips counted (a subtest once, by its parent line)');
unlike($out, qr/^\s*ok 1 - (first|in a subtest)$/m, 'passing tests are not echoed');
like($out, qr/^not ok 2 - a failure # TODO not yet$/m, 'other lines are');
like($out, qr/^All tests successful\.$/m, "... prove's summary too");

($rc, $out) = check(@allowed_run[0 .. 4],
                    't/c.t .. ', '    ok 1 # skip no Sys::Virt::Secret object: the secret driver is missing', '    1..1',
                    'ok 1 - a subtest', '1..1', 'ok');
is($rc, 1, 'an unexpected skip (in a subtest): exit 1');
like($out, qr{^t/c\.t: skip: no Sys::Virt::Secret object: the secret driver is missing: UNEXPECTED$}m,
     '... listed as UNEXPECTED with its file');
like($out, qr/^=== 1 unexpected skip\(s\)/m, '... and counted');

($rc, $out) = check('t/a.t .. skipped: no thing here', 't/b.t .. ', 'ok 1 # SKIP', '1..1',
                    't/c.t ....... skipped: (no reason given)');
is($rc, 1, "a reason allowed for another file, and skips without a reason: exit 1");
like($out, qr{^t/a\.t: skip: no thing here: UNEXPECTED$}m, "t/b.t's reason does not pass in t/a.t");
like($out, qr{^t/b\.t: skip: \(no reason\): UNEXPECTED \(no reason given\)$}m, 'a skipped test needs a reason');
like($out, qr{^t/c\.t: skip: \(no reason\): UNEXPECTED \(no reason given\)$}m, 'a skipped file needs one');
like($out, qr/^=== 3 unexpected skip\(s\)/m, '... three unexpected');

($rc, $out) = check("t/a.t .. ", "ok 1 # skip the C original cannot load on this libvirt: version `LIBVIRT_9.0.0' not found");
is($rc, 1, 'the reason must match the whole pattern (another missing version)');

# the real allow-list parses
($rc, $out) = do {
    my $out = `'$^X' .ci/check-skips < /dev/null 2>&1`;
    ($? >> 8, $out);
};
is($rc, 0, '.ci/skips-allowed parses') or diag $out;
like($out, qr/^=== skips: 0\n=== no unexpected skips$/m, '... and no input has no skips');
done_testing();
