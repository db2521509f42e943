#!/usr/bin/perl
# Cost of this build against the C original, measured side by side in one
# run. Each measurement runs in fresh perls, alternating the two builds
# round after round; tables give the original, ours and their ratio (ours
# / original: below 1.00 means ours is cheaper). Only ratios mean anything
# on a noisy machine.
#
#   perl bench/compare.pl [--instructions] [--markdown] [ORIGINAL_INC_DIR]
#       (default dir: where bench/fetch-original.sh unpacked it, found by
#       t/lib/SysVirtOriginal.pm)
#
#   CASES=regex     only the cases whose name matches (the host section's
#                   cases are named "host N: ...", module load "module load")
#   ROUNDS=N        timing rounds per per-call case (default 7)
#   HOST_ROUNDS=N   runs per host case and build (default 3)
#   LAYOUTS=N       heap layouts per --instructions count (default 3, at
#                   most 5; see per_call_instructions)
#
# Per call: the median ns/call of each build. --instructions counts
# instructions with valgrind's callgrind instead of timing: each case runs
# N and 2N times, and (count(2N) - count(N)) / N is the cost of one call,
# start-up excluded. Repeatable whatever else the machine is doing.
#
# Host scale: whole processes on generated test-driver hosts of 1,000 and
# 10,000 running domains. The original leaks the data hash of every
# get_all_domain_stats record, so its per-call time looks cheaper than it
# is; whole-process CPU and peak RSS show what a long-running caller pays.
# --instructions also counts whole-process instructions of the
# 1,000-domain host (the 10,000 one would take many minutes).
#
# --markdown prints the same tables as Markdown, for the README.
#
# Run times measured on 2 shared cores: timing mode 2.5 minutes (its host
# section 50 s), --instructions 7.5 minutes (host section 4 minutes).
use strict;
use warnings;
use File::Basename qw(dirname);
use Cwd qw(abs_path);
use File::Temp ();
use Getopt::Long qw(GetOptions);
use POSIX qw(strftime);
use List::Util qw(max);

my $root = abs_path(dirname(__FILE__) . '/..');
# how this run was started, for the Markdown output (before GetOptions eats @ARGV)
my $command = join ' ', map { m{^[\w./=-]+$} ? $_ : "'$_'" }
    (map { "$_=$ENV{$_}" } grep { defined $ENV{$_} } qw(CASES ROUNDS HOST_ROUNDS LAYOUTS)), 'perl', 'bench/compare.pl', @ARGV;
GetOptions('instructions' => \my $instructions, 'markdown' => \my $markdown)
    or die "usage: perl bench/compare.pl [--instructions] [--markdown] [ORIGINAL_INC_DIR]\n";
my $orig = shift // do {
    require lib;
    lib->import("$root/t/lib");
    require SysVirtOriginal;
    SysVirtOriginal::find() // die "$@\n";
};
die "no original build in $orig (run bench/fetch-original.sh)\n" unless -f "$orig/Sys/Virt.pm";
my $rounds = $ENV{ROUNDS} || 7;
my $host_rounds = $ENV{HOST_ROUNDS} || 3;
$| = 1;    # rows appear as they are measured

# $c: the test driver's default host; $d: its running domain "test", with
# disk target vda (/guest/diskimage1) and interface testnet0.
my $setup = q{
    my $c = Sys::Virt->new(uri => 'test:///default');
    my $d = $c->get_domain_by_name('test');
};

# Event delivery: the default event loop must be registered before the
# connection opens. The test driver queues each lifecycle event and arms a
# zero timer only while a callback is registered; the next run_default
# fires it and delivers the whole queue, then returns. So each iteration
# runs run_default until the callback has seen both events, and dies if it
# saw another count. run_default with nothing queued would wait forever:
# the alarm (default action: kill; the slowest run, under callgrind, takes
# about 5 s) turns a lost event into a failed child.
my $event_setup = q{
    alarm 120;
    Sys::Virt::Event::register_default();
    my $c = Sys::Virt->new(uri => 'test:///default');
    my $d = $c->get_domain_by_name('test');
    my ($seen, $want) = (0, 0);
    $c->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub { $seen++ });
};
my $event_code = q{
    $d->suspend; $d->resume; $want += 2;
    for (1 .. 10) { last if $seen >= $want; Sys::Virt::Event::run_default() }
    die "lifecycle events: the callback saw $seen, expected $want\n" if $seen != $want;
};

# [ name, code, { setup => code run once before the loop (default $setup),
#                 n => timed iterations (default 200000) } ]
# Not here, as the test driver cannot run them (same error on both builds):
#   get_job_stats, get_job_info: "this function is not supported by the
#   connection driver: virDomainGetJobStats" / "...: virDomainGetJobInfo"
#   (ERR_NO_SUPPORT): the test driver has no domain jobs.
# The POD has no get_block_stats or get_memory_stats: those calls are
# block_stats and memory_stats.
my @cases = (
    [ 'constant',            'Sys::Virt::Domain::STATE_RUNNING()' ],
    [ 'conn->get_uri',       '$c->get_uri' ],
    [ 'dom->get_name',       '$d->get_name' ],
    [ 'dom->get_id',         '$d->get_id' ],
    [ 'dom->get_info',       '$d->get_info' ],
    [ 'dom->get_uuid_string','$d->get_uuid_string' ],
    [ 'dom->is_active',      '$d->is_active' ],
    [ 'get_domain_by_name',  '$c->get_domain_by_name("test")', { n => 20000 } ],
    [ 'list_all_domains',    'my @l = $c->list_all_domains', { n => 20000 } ],
    [ 'failed lookup',       'eval { $c->get_domain_by_name("nope") }', { n => 20000 } ],
    [ 'non-object warning',  'do { local $SIG{__WARN__} = sub {}; Sys::Virt::Domain::get_name("x") }' ],
    [ 'get_memory_parameters', '$d->get_memory_parameters' ],
    [ 'get_blkio_parameters',  '$d->get_blkio_parameters' ],
    [ 'get_numa_parameters',   '$d->get_numa_parameters' ],
    [ 'get_cpu_stats(0, 2)',   'my @s = $d->get_cpu_stats(0, 2)' ],
    [ 'get_perf_events',       '$d->get_perf_events' ],
    [ 'get_all_domain_stats',  'my @s = $c->get_all_domain_stats(0)' ],
    [ 'get_block_iotune(vda)', '$d->get_block_iotune("vda")' ],
    [ 'block_stats(vda)',      '$d->block_stats("vda")' ],
    [ 'interface_stats',       '$d->interface_stats("testnet0")' ],
    [ 'memory_stats',          '$d->memory_stats' ],
    # what the event case pays besides delivery: no callback, so no event is queued
    [ 'suspend+resume',        '$d->suspend; $d->resume', { n => 20000 } ],
    [ 'event dispatch',        $event_code, { setup => $event_setup, n => 20000 } ],
);

# Host scale: [ running domains, get_all_domain_stats calls ]; fewer calls
# on the larger host keep its runs to seconds.
my @host_sizes = ([ 1000, 300 ], [ 10000, 30 ]);
# callgrind runs on these sizes only: 300 calls on 1,000 domains already
# take over a minute a build under callgrind.
my $callgrind_max_domains = 1000;

sub selected { !$ENV{CASES} || $_[0] =~ /$ENV{CASES}/ }

# A temporary file holding a perl program; it is removed with the object.
sub program_file {
    my ($text) = @_;
    my $tmp = File::Temp->new(SUFFIX => '.pl');
    print $tmp $text;
    close $tmp;
    return $tmp;
}

# The program a child perl runs for a case: its setup, then $body.
sub case_program {
    my ($case_setup, $body) = @_;
    return "use strict; use warnings; use Sys::Virt;\n$case_setup\n$body\n";
}

# Dies unless the child just reaped ($?) exited 0: a child that died
# half-way has no cost worth printing (valgrind even counts it).
sub check_child {
    my ($text) = @_;
    return if $? == 0;
    my $how = $? & 127 ? 'killed by signal ' . ($? & 127) : 'exit status ' . ($? >> 8);
    $how .= ' (SIGALRM: its alarm, an event that never came)' if ($? & 127) == 14;
    die "child perl failed, $how:\n$text\n";
}

# Standard output of a perl running $text; dies if it fails.
sub capture {
    my ($inc, $text) = @_;
    my $file = program_file($text);
    open(my $fh, '-|', $^X, @$inc, "$file") or die "$^X: $!";
    my $out = do { local $/; <$fh> };
    close $fh;    # reaps the child: $? is its status
    check_child($text);
    return $out;
}

# Instructions executed by a whole perl running $text (callgrind).
sub callgrind {
    my ($inc, $text) = @_;
    my $file = program_file($text);
    # a fixed hash seed: hash randomisation would vary the counts
    local $ENV{PERL_HASH_SEED} = 0;
    local $ENV{PERL_PERTURB_KEYS} = 0;
    my $out = `valgrind --tool=callgrind --callgrind-out-file=/dev/null $^X @$inc $file 2>&1`;
    check_child($text);
    $out =~ /Collected\s*:\s*(\d+)/ or $out =~ /refs:\s*([\d,]+)/ or die "no callgrind count:\n$out";
    (my $count = $1) =~ s/,//g;
    return $count;
}

# Instructions one run of $code costs, start-up and setup excluded.
# The per-call count depends on the state of the heap (how long malloc
# searches its free lists): the same build measured after a different
# first allocation can differ by a few percent on a call that builds a
# hash. So each count is the median over LAYOUTS (default 3) runs that
# start with a differently sized block allocated and kept.
my @heap_shifts = (0, 4133, 70001, 12007, 333)[0 .. (($ENV{LAYOUTS} || 3) > 5 ? 5 : ($ENV{LAYOUTS} || 3)) - 1];

sub per_call_instructions {
    my ($inc, $code, $case_setup) = @_;
    my $n = 2000;
    my @per_call;
    for my $shift (@heap_shifts) {
        my $count = sub {
            callgrind($inc, case_program($case_setup,
                "my \$heap_shift = 'x' x $shift; for (1 .. $_[0]) { $code }"))
        };
        push @per_call, ($count->(2 * $n) - $count->($n)) / $n;
    }
    return median(@per_call);
}

# Instructions `use Sys::Virt` adds to an empty perl.
sub load_instructions {
    my ($inc) = @_;
    return callgrind($inc, 'use Sys::Virt;') - callgrind($inc, '1;');
}

# ns per run of $code over $n runs, after a warm-up.
sub run_one {
    my ($inc, $code, $case_setup, $n) = @_;
    return capture($inc, case_program($case_setup, qq{
        use Time::HiRes qw(time);
        for (1 .. 1000) { $code }
        my \$t0 = time; for (1 .. $n) { $code } my \$t1 = time;
        print((\$t1 - \$t0) / $n * 1e9);
    }));
}

# Microseconds `require Sys::Virt` takes.
sub load_time {
    my ($inc) = @_;
    return capture($inc, q{ use Time::HiRes qw(time); my $t0 = time; require Sys::Virt; print((time - $t0) * 1e6) });
}

# CPU seconds (user + sys) and peak RSS (KB) of a whole perl running $text:
# GNU time's rusage when installed; otherwise the children's times the
# parent gets once the child is reaped, and the VmHWM the child reads itself.
my $gnu_time = -x '/usr/bin/time' ? '/usr/bin/time' : undef;
sub process_cost {
    my ($inc, $text) = @_;
    if ($gnu_time) {
        my $file = program_file($text);
        my $report = File::Temp->new;
        system($gnu_time, '-o', "$report", '-f', '%U %S %M', $^X, @$inc, "$file");
        check_child($text);
        open(my $fh, '<', "$report") or die "$report: $!";
        my ($user, $sys, $rss) = split ' ', scalar <$fh>;
        return ($user + $sys, $rss);
    }
    my (undef, undef, $cuser0, $csys0) = times;
    my $rss = capture($inc, $text . q{
        END { open my $s, '<', '/proc/self/status' or die; /^VmHWM:\s*(\d+)/ and print $1 while <$s> }
    });
    my (undef, undef, $cuser1, $csys1) = times;
    return ($cuser1 - $cuser0 + $csys1 - $csys0, $rss);
}

sub median { my @s = sort { $a <=> $b } @_; $s[ @s / 2 ] }

sub ratio { my ($ours, $orig) = @_; $orig > 0 ? sprintf('%.2f', $ours / $orig) : 'n/a' }

# Ratio of what each build adds to its host's bare open; n/a when the
# original's share is under $min (below the measure's resolution). Ours
# adding less than nothing is noise: 0.
sub net_ratio {
    my ($ours, $orig, $ours_base, $orig_base, $min) = @_;
    return 'n/a' if $orig - $orig_base < $min;
    return ratio(max(0, $ours - $ours_base), $orig - $orig_base);
}

# Starts a table and returns the sub that prints one row, aligned or as
# Markdown; rows print as they are measured.
sub table {
    my ($title, $names, @head) = @_;
    if ($markdown) {
        print "\n**$title**\n\n";
        my $row = sub { print '| ', join(' | ', @_), " |\n" };
        $row->(@head);
        $row->('---', ('---:') x (@head - 1));
        return $row;
    }
    my $width = max(22, map { length } @$names);
    my $row = sub { my ($name, @cells) = @_; printf "%-*s" . (' %12s' x @cells) . "\n", $width, $name, @cells };
    print "\n$title\n";
    $row->(@head);
    return $row;
}

# The line saying what produced the tables: command, date, versions.
sub describe_run {
    my ($inc) = @_;
    my $v = capture($inc, case_program($setup, 'print $c->get_library_version'));
    my $libvirt = join '.', int($v / 1_000_000), int($v / 1000) % 1000, $v % 1000;
    my $machine = (POSIX::uname())[4];
    return sprintf "`%s` on %s: libvirt %s, perl %s, %s.",
        $command, strftime('%Y-%m-%d', gmtime), $libvirt, $^V, $machine;
}

my @ours = ("-I$root/blib/arch", "-I$root/blib/lib");
my @theirs = ("-I$orig");

# Runs $measure (a build's -I list -> numbers) on both builds, alternating
# them $n times, and returns the median of each number for the original
# and for ours: (orig 1st, ours 1st, orig 2nd, ours 2nd...).
sub paired {
    my ($n, $measure) = @_;
    my (@o, @u);
    for (1 .. $n) {
        push @o, [ $measure->(\@theirs) ];
        push @u, [ $measure->(\@ours) ];
    }
    return map { my $i = $_; map { median(map { $_->[$i] } @$_) } \@o, \@u } 0 .. $#{ $o[0] };
}

# One table of per-call costs: time (median of $rounds rounds) or
# instructions (one count: they repeat).
sub per_call_section {
    my @run = grep { selected($_->[0]) } @cases;
    my $load = selected('module load');
    return unless @run || $load;
    my $row = table($instructions
            ? 'Per call: instructions (callgrind, start-up excluded)'
            : "Per call: ns, median of $rounds rounds",
        [ map { $_->[0] } @run ], 'case', 'original', 'ours', 'ratio');
    my ($n, $fmt) = $instructions ? (1, '%.0f') : ($rounds, '%.1f');
    my $print = sub {
        my ($name, $measure) = @_;
        my ($o, $u) = paired($n, $measure);
        $row->($name, sprintf($fmt, $o), sprintf($fmt, $u), ratio($u, $o));
    };
    for my $case (@run) {
        my ($name, $code, $opt) = @$case;
        my $case_setup = $opt->{setup} // $setup;
        my $iterations = $opt->{n} // 200000;
        $print->($name, $instructions
            ? sub { per_call_instructions($_[0], $code, $case_setup) }
            : sub { run_one($_[0], $code, $case_setup, $iterations) });
    }
    $print->($instructions ? ('module load', \&load_instructions) : ('module load (us)', \&load_time))
        if $load;
}

# A test-driver host file (a <node> document, as test:///default's) with
# $n running domains: unique names and uuids, 64 MiB, one vcpu each.
sub write_host_xml {
    my ($dir, $n) = @_;
    my $file = "$dir/host-$n.xml";
    open(my $fh, '>', $file) or die "$file: $!";
    print $fh "<node>\n";
    printf $fh '  <domain type="test"><name>bench-%05d</name>'
        . '<uuid>%08x-0000-4000-8000-%012x</uuid><memory unit="KiB">65536</memory>'
        . '<vcpu>1</vcpu><os><type arch="x86_64">hvm</type></os></domain>' . "\n", $_, $_, $_
        for 1 .. $n;
    print $fh "</node>\n";
    close $fh or die "$file: $!";
    return $file;
}

# The host cases of one size: [ name, program ], or none when CASES
# selects none. The first, the bare open (the test driver parses the whole
# file then), is the others' baseline, so it runs whenever one of them
# does. Each checks its result, so it measures what it says.
sub host_cases {
    my ($file, $n, $calls) = @_;
    my $open = qq{my \$c = Sys::Virt->new(uri => 'test://$file');};
    my @work = grep { selected($_->[0]) } (
        [ "host $n: list_all_domains + get_info", qq{
            my \@doms = \$c->list_all_domains;
            my \$running = grep { \$_->get_info->{state} == Sys::Virt::Domain::STATE_RUNNING } \@doms;
            die "\$running running of ", scalar(\@doms), ", expected $n\\n" unless \@doms == $n && \$running == $n;
        } ],
        [ "host $n: get_all_domain_stats(0) x$calls", qq{
            for (1 .. $calls) {
                my \@s = \$c->get_all_domain_stats(0);
                die scalar(\@s), " records, expected $n\\n" unless \@s == $n;
            }
        } ],
    );
    return () unless @work;
    return map { [ $_->[0], case_program($open, $_->[1]) ] } [ "host $n: open", '' ], @work;
}

# Runs $measure (build's -I list, program -> list of numbers) on each case
# of each host and prints a row: the case's name, then what $cells makes of
# the numbers of the original, ours, and of the host's bare open.
sub host_rows {
    my ($hosts, $row, $measure, $cells) = @_;
    for my $host (@$hosts) {
        my ($base, @work) = map { [ $_->[0], [ $measure->($_->[1]) ] ] } @$host;
        $row->($base->[0], $cells->($base->[1], undef));
        $row->($_->[0], $cells->($_->[1], $base->[1])) for @work;
    }
}

# Whole-process CPU and peak RSS of each host case (medians of
# $host_rounds runs per build, alternating), then with --instructions the
# whole-process instructions of the hosts small enough for callgrind.
# Net ratios compare what each build adds to its host's bare open.
sub host_section {
    my $dir = File::Temp->newdir;
    my %hosts;    # domains => its cases
    for (@host_sizes) {
        my @cases = host_cases(write_host_xml($dir, $_->[0]), @$_);
        $hosts{ $_->[0] } = \@cases if @cases;
    }
    my @sizes = sort { $a <=> $b } keys %hosts;
    return unless @sizes;
    my @names = map { $_->[0] } map { @{ $hosts{$_} } } @sizes;
    my $row = table("Host scale: whole process, median of $host_rounds runs"
            . " (net ratio: minus the host's bare open; n/a under 0.1 s / 1024 KB)",
        \@names, 'case', 'orig CPU s', 'ours CPU s', 'ratio', 'net ratio',
        'orig peak KB', 'ours peak KB', 'ratio', 'net ratio');
    # -> median CPU and RSS of each build: (orig CPU, ours CPU, orig RSS, ours RSS)
    my $cost = sub { my ($text) = @_; paired($host_rounds, sub { process_cost($_[0], $text) }) };
    host_rows([ @hosts{@sizes} ], $row, $cost, sub {
        my ($m, $base) = @_;
        return (sprintf('%.2f', $m->[0]), sprintf('%.2f', $m->[1]), ratio($m->[1], $m->[0]),
            $base ? net_ratio($m->[1], $m->[0], $base->[1], $base->[0], 0.1) : '',
            $m->[2], $m->[3], ratio($m->[3], $m->[2]),
            $base ? net_ratio($m->[3], $m->[2], $base->[3], $base->[2], 1024) : '');
    });
    return unless $instructions;
    my @small = grep { $_ <= $callgrind_max_domains } @sizes;
    return unless @small;
    # whole-process counts vary by about 0.2% from run to run (the open
    # alone by some millions), so a net ratio over a small share is rough
    $row = table("Host scale: whole-process instructions (callgrind; only hosts of at most $callgrind_max_domains domains;"
            . ' counts repeat to about 0.2%)',
        \@names, 'case', 'original', 'ours', 'ratio', 'net ratio');
    host_rows([ @hosts{@small} ], $row, sub { my ($text) = @_; paired(1, sub { callgrind($_[0], $text) }) }, sub {
        my ($m, $base) = @_;
        return ($m->[0], $m->[1], ratio($m->[1], $m->[0]),
            $base ? net_ratio($m->[1], $m->[0], $base->[1], $base->[0], 1) : '');
    });
}

my $started = time;
print describe_run(\@ours), "\n";
per_call_section();
host_section();
printf "\n%s took %d s.\n", $instructions ? '--instructions' : 'timing', time - $started;
