package SysVirtOriginal;
# Where Debian's build of the C original is, for the side-by-side checks
# (t/60-strings.t, t/95-compare-original.t, bench/compare.pl).
# bench/fetch-original.sh unpacks the .deb under a root (default
# /tmp/sysvirt-orig); the perl directory inside depends on the arch and
# the perl version (usr/lib/<triplet>/perl5/<x.y>), so it is searched for,
# never spelled out.
#
#   use lib 't/lib';
#   use SysVirtOriginal;
#   my ($inc, $missing) = SysVirtOriginal::for_test();  # bails out in CI if none
#   plan skip_all => $missing unless $inc;
#   my $why = SysVirtOriginal::cannot_load($inc);        # undef: it loads here
#   my ($ok, @lines) = SysVirtOriginal::run_script('t/compare/calls.pl', "-I$inc");
#
# SYSVIRT_ORIGINAL overrides the default root: either the perl directory
# itself (the one holding Sys/Virt.pm) or another unpack root.
# SYSVIRT_TEST_REQUIRE_ORIGINAL=1 (set by .ci/run) makes a missing
# original a BAIL_OUT instead of a skip.
use strict;
use warnings;
use File::Find ();

our $DEFAULT_ROOT = '/tmp/sysvirt-orig';

# find(): the directory to put on @INC for the original (it holds
# Sys/Virt.pm and auto/Sys/Virt/Virt.so), or undef with the reason in $@.
sub find {
    my $root = $ENV{SYSVIRT_ORIGINAL} // $DEFAULT_ROOT;
    if (!-d $root) {
        $@ = "the C original is not unpacked: no $root (run bench/fetch-original.sh)";
        return;
    }
    my @found;
    File::Find::find({ no_chdir => 1, wanted => sub {
        return unless $_ =~ m{/auto/Sys/Virt/Virt\.so\z} && -f $_;
        (my $dir = $_) =~ s{/auto/Sys/Virt/Virt\.so\z}{};
        push @found, $dir if -f "$dir/Sys/Virt.pm";
    } }, $root);
    if (@found != 1) {
        $@ = @found ? "more than one build of the C original under $root: @found"
                    : "the C original is not unpacked under $root: no auto/Sys/Virt/Virt.so "
                      . "beside Sys/Virt.pm (run bench/fetch-original.sh)";
        return;
    }
    return $found[0];
}

# for_test(): find() for a test file: (the directory), or (undef, the
# reason to skip). Under SYSVIRT_TEST_REQUIRE_ORIGINAL=1 a missing
# original is no reason to skip: the run bails out.
sub for_test {
    my $dir = find();
    return ($dir) if defined $dir;
    my $why = $@;
    if ($ENV{SYSVIRT_TEST_REQUIRE_ORIGINAL}) {
        require Test::More;
        Test::More::BAIL_OUT("SYSVIRT_TEST_REQUIRE_ORIGINAL=1 but $why");
    }
    return (undef, $why);
}

# cannot_load($inc): undef when the original loads on the running libvirt;
# the loader's reason when it cannot because that libvirt lacks a symbol
# version the original needs (it was built against 9.0.0; libvirt 7.0
# lacks LIBVIRT_7.7.0...). That is the only reason to skip a comparison:
# any other failure to load is returned as undef too, so that running the
# original's script fails loudly (its output is shown as a diagnostic).
sub cannot_load {
    my ($inc) = @_;
    my $load = `'$^X' '-I$inc' -e 'require Sys::Virt; print "loaded\n"' 2>&1`;
    return undef if $load =~ /^loaded$/m;
    my ($why) = $load =~ /^Can't load .*?: (.*version `LIBVIRT_[\d.]+' not found.*?\))/m;
    return "the C original cannot load on this libvirt: $why" if $why;
    require Test::More;
    Test::More::diag("the C original does not load:\n$load");
    return undef;
}

# run_script($script, @perl_args): runs $script in a fresh perl with
# @perl_args (-I dirs) and returns (whether it exited 0, its output lines
# without their newlines).
sub run_script {
    my ($script, @args) = @_;
    open(my $fh, '-|', $^X, @args, $script) or die "$^X: $!";
    my @lines = <$fh>;
    close $fh;
    chomp @lines;
    return ($? == 0, @lines);
}

1;
