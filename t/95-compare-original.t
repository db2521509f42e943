# Side by side with the C original: the same calls (t/compare/calls.pl)
# must give the same results, errors and warnings. Runs when Debian's
# build of the original is unpacked (bench/fetch-original.sh, or
# SYSVIRT_ORIGINAL=<its perl5 dir>); skipped otherwise.
use strict;
use warnings;
use Test::More;

my $orig = $ENV{SYSVIRT_ORIGINAL} // '/tmp/sysvirt-orig/root/usr/lib/x86_64-linux-gnu/perl5/5.36';
plan skip_all => "the C original is not unpacked at $orig (run bench/fetch-original.sh)"
    unless -f "$orig/Sys/Virt.pm" && -f "$orig/auto/Sys/Virt/Virt.so";

sub run_with {
    my (@inc) = @_;
    open(my $fh, '-|', $^X, @inc, 't/compare/calls.pl') or die "$^X: $!";
    my @lines = <$fh>;
    close $fh;
    return ($? == 0, @lines);
}

my ($ours_ok, @ours) = run_with('-Iblib/arch', '-Iblib/lib');
ok($ours_ok && @ours > 60, 'this build ran the whole script (' . scalar(@ours) . ' results)');

# The original is built for libvirt 9.0.0: it loads on it and on newer
# ones, and imports symbols an older libvirt lacks. That, and only that,
# skips the comparison, with the loader's reason.
my $load = `'$^X' '-I$orig' -e 'require Sys::Virt; print "loaded\n"' 2>&1`;
if ($load !~ /^loaded$/m) {
    my ($why) = $load =~ /^Can't load .*?: (.*version `LIBVIRT_[\d.]+' not found.*?\))/m;
    if ($why) {
        SKIP: { skip "the C original cannot load on this libvirt: $why", 1 }
        done_testing();
        exit 0;
    }
}

my ($theirs_ok, @theirs) = run_with("-I$orig");
ok($theirs_ok && @theirs > 60, 'the original ran the whole script (' . scalar(@theirs) . ' results)');
is(scalar @ours, scalar @theirs, 'as many results from this build');

# Where this build deliberately differs (README, "Compatibility notes").
my %deviation = (
    # unsigned-int typed parameters above 2^31, 64-bit values as numbers
);
for my $k (0 .. $#theirs) {
    my ($label) = $theirs[$k] =~ /^(\w+):/;
    next if $deviation{$label};
    is($ours[$k], $theirs[$k], "same result: $label");
}
done_testing();
