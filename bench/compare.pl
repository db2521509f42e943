#!/usr/bin/perl
# Per-call cost of this build against the C original, measured side by
# side in one run. Each case runs in fresh perls, alternating the two
# builds round after round; we report the median ns/call of each and their
# ratio (ours / original: below 1.00 means faster). Only ratios mean
# anything on a noisy machine.
#
#   perl bench/compare.pl [--instructions] [ORIGINAL_INC_DIR]
#       (default dir: where bench/fetch-original.sh unpacked it, found by
#       t/lib/SysVirtOriginal.pm)
#
# --instructions counts instructions with valgrind's callgrind instead of
# timing: each case runs N and 2N times, and (count(2N) - count(N)) / N is
# the cost of one call, start-up excluded. Repeatable whatever else the
# machine is doing.
use strict;
use warnings;
use File::Basename qw(dirname);
use Cwd qw(abs_path);
use File::Temp ();

my $root = abs_path(dirname(__FILE__) . '/..');
my $instructions = @ARGV && $ARGV[0] eq '--instructions' ? shift : 0;
my $orig = shift // do {
    require lib;
    lib->import("$root/t/lib");
    require SysVirtOriginal;
    SysVirtOriginal::find() // die "$@\n";
};
die "no original build in $orig (run bench/fetch-original.sh)\n" unless -f "$orig/Sys/Virt.pm";
my $rounds = $ENV{ROUNDS} || 7;

my $setup = q{
    my $c = Sys::Virt->new(uri => 'test:///default');
    my $d = $c->get_domain_by_name('test');
};
my @cases = (
    [ 'constant',            'Sys::Virt::Domain::STATE_RUNNING()' ],
    [ 'conn->get_uri',       '$c->get_uri' ],
    [ 'dom->get_name',       '$d->get_name' ],
    [ 'dom->get_info',       '$d->get_info' ],
    [ 'dom->get_uuid_string','$d->get_uuid_string' ],
    [ 'dom->is_active',      '$d->is_active' ],
    [ 'get_domain_by_name',  '$c->get_domain_by_name("test")' ],
    [ 'list_all_domains',    'my @l = $c->list_all_domains' ],
    [ 'failed lookup',       'eval { $c->get_domain_by_name("nope") }' ],
    [ 'non-object warning',  'do { local $SIG{__WARN__} = sub {}; Sys::Virt::Domain::get_name("x") }' ],
    [ 'get_memory_parameters', '$d->get_memory_parameters' ],
    [ 'get_blkio_parameters',  '$d->get_blkio_parameters' ],
    [ 'get_numa_parameters',   '$d->get_numa_parameters' ],
    [ 'get_cpu_stats(0, 2)',   'my @s = $d->get_cpu_stats(0, 2)' ],
    [ 'get_perf_events',       '$d->get_perf_events' ],
    [ 'get_all_domain_stats',  'my @s = $c->get_all_domain_stats(0)' ],
);
# CASES=regex: only the cases whose name matches.
@cases = grep { $_->[0] =~ /$ENV{CASES}/ } @cases if $ENV{CASES};

# Instructions executed by a perl running $code $n times (callgrind).
sub instructions {
    my ($inc, $code, $n) = @_;
    my $prog = qq{
        use strict; use warnings; use Sys::Virt;
        $setup
        for (1 .. $n) { $code }
    };
    my $tmp = File::Temp->new(SUFFIX => '.pl');
    print $tmp $prog;
    close $tmp;
    # a fixed hash seed: hash randomisation would vary the counts
    local $ENV{PERL_HASH_SEED} = 0;
    local $ENV{PERL_PERTURB_KEYS} = 0;
    my $out = `valgrind --tool=callgrind --callgrind-out-file=/dev/null $^X @$inc $tmp 2>&1`;
    $out =~ /Collected\s*:\s*(\d+)/ or $out =~ /refs:\s*([\d,]+)/ or die "no callgrind count:\n$out";
    (my $count = $1) =~ s/,//g;
    return $count;
}

# Instructions `use Sys::Virt` adds to an empty perl.
sub load_instructions {
    my ($inc) = @_;
    my $count = sub {
        my ($code) = @_;
        local $ENV{PERL_HASH_SEED} = 0;
        local $ENV{PERL_PERTURB_KEYS} = 0;
        my $out = `valgrind --tool=callgrind --callgrind-out-file=/dev/null $^X @$inc -e '$code' 2>&1`;
        $out =~ /refs:\s*([\d,]+)/ or die "no callgrind count:\n$out";
        (my $n = $1) =~ s/,//g;
        return $n;
    };
    return $count->('use Sys::Virt') - $count->('1');
}

sub per_call_instructions {
    my ($inc, $code) = @_;
    my $n = 2000;
    return (instructions($inc, $code, 2 * $n) - instructions($inc, $code, $n)) / $n;
}

sub run_one {
    my ($inc, $code, $n) = @_;
    my $prog = qq{
        use strict; use warnings; use Sys::Virt; use Time::HiRes qw(time);
        $setup
        for (1 .. 1000) { $code }
        my \$t0 = time; for (1 .. $n) { $code } my \$t1 = time;
        print((\$t1 - \$t0) / $n * 1e9);
    };
    open(my $fh, '-|', $^X, @$inc, '-e', $prog) or die "$^X: $!";
    my $out = do { local $/; <$fh> };
    close $fh or die "benchmark child failed for [$code]\n";
    return $out;
}

sub load_time {
    my ($inc) = @_;
    my $prog = q{ use Time::HiRes qw(time); my $t0 = time; require Sys::Virt; print((time - $t0) * 1e6) };
    open(my $fh, '-|', $^X, @$inc, '-e', $prog) or die;
    my $out = do { local $/; <$fh> };
    close $fh;
    return $out;
}

sub median { my @s = sort { $a <=> $b } @_; $s[ @s / 2 ] }

my @ours = ("-I$root/blib/arch", "-I$root/blib/lib");
my @theirs = ("-I$orig");
if ($instructions) {
    printf "%-22s %12s %12s %7s\n", 'case', 'ours instr', 'orig instr', 'ratio';
    for my $case (@cases) {
        my ($name, $code) = @$case;
        my $a = per_call_instructions(\@ours, $code);
        my $b = per_call_instructions(\@theirs, $code);
        printf "%-22s %12.0f %12.0f %7.2f\n", $name, $a, $b, $a / $b;
    }
    my ($la, $lb) = map { load_instructions($_) } \@ours, \@theirs;
    printf "%-22s %12.0f %12.0f %7.2f\n", 'module load', $la, $lb, $la / $lb;
    exit 0;
}
printf "%-22s %12s %12s %7s\n", 'case', 'ours ns', 'orig ns', 'ratio';
for my $case (@cases) {
    my ($name, $code) = @$case;
    my $n = $name eq 'list_all_domains' || $name =~ /lookup|by_name/ ? 20000 : 200000;
    my (@a, @b);
    for (1 .. $rounds) {
        push @a, run_one(\@ours, $code, $n);
        push @b, run_one(\@theirs, $code, $n);
    }
    my ($ma, $mb) = (median(@a), median(@b));
    printf "%-22s %12.1f %12.1f %7.2f\n", $name, $ma, $mb, $ma / $mb;
}
my (@la, @lb);
for (1 .. $rounds) { push @la, load_time(\@ours); push @lb, load_time(\@theirs) }
printf "%-22s %12.0f %12.0f %7.2f   (microseconds)\n", 'module load', median(@la), median(@lb), median(@la) / median(@lb);
