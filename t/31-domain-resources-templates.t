# Hashes of typed parameters are made as copies of a template of their
# keys once the same names came back before (rust/perl/key_templates.rs,
# glue.c "Key templates"). Whatever the names, their order, their number
# or how many sets of names take turns, every hash must hold exactly the
# keys and values of its own call, be independent of every other, and
# the getters must return what they returned the first time.
use strict;
use warnings;
use Config;
use Test::More;

BEGIN { $ENV{SYSVIRT_TEST_HOOKS} = 1 }
use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

# What params_to_hash must give: name k => $first + k, the last of a
# repeated name winning.
sub expected {
    my ($names, $first) = @_;
    my %h;
    $h{ $names->[$_] } = $first + $_ for 0 .. $#$names;
    return \%h;
}

sub check {
    my ($names, $first, $what) = @_;
    my $got = Sys::Virt::_test_params_hash($names, $first);
    is_deeply($got, expected($names, $first), $what);
    return $got;
}

my @perf = map { "event_$_" } qw(cmt mbmt mbml cpu_cycles instructions cache_references
                                 cache_misses branch_instructions branch_misses);
# The first call makes the template, the next ones copy it.
check(\@perf, 0, 'first hash of 9 names');
my $second = check(\@perf, 100, 'second hash: the same keys, its own values');
my $third = check(\@perf, 200, 'third hash');

# Copies are independent of each other and of the template.
$second->{event_cmt} = 'changed';
delete $second->{event_mbmt};
$second->{added} = 1;
is_deeply($third, expected(\@perf, 200), 'changing one hash changes no other');
check(\@perf, 300, 'a hash made after another was changed has the template\'s keys only');

# The same names in another order: every value under its own name.
check([reverse @perf], 7, 'the same names reversed');
check([@perf[3 .. 8], @perf[0 .. 2]], 9, 'the same names rotated');
check(\@perf, 11, 'the first order again');

# Names that differ only after their first 8 bytes, or in length.
my @long = map { "block.0.rd.$_" } qw(reqs bytes times fl.reqs);
check(\@long, 1, 'names alike in their first 8 bytes');
check([@long[0 .. 2], 'block.0.rd.fl.req'], 2, 'one name a byte shorter');
check([@long[0 .. 2], 'block.0.rd.fl.reqs2'], 3, 'one name a byte longer');
check(\@long, 4, 'the first set again');

# A name twice: the last value wins, as in the original.
check([qw(a.one a.two a.three a.two a.four)], 5, 'a repeated name keeps its last value');
check([qw(a.one a.two a.three a.two a.four)], 6, '... again');
is(scalar keys %{ Sys::Virt::_test_params_hash([qw(a.one a.two a.three a.two a.four)], 0) }, 4,
   '... and is one key');

# Byte names (non-ASCII) stay byte keys, as hv_store makes them.
my @bytes = ("caf\xc3\xa9", "na\xc3\xafve", "\xe2\x82\xac", "plain", "\xff\xfe");
for my $first (0, 10) {
    my $h = check(\@bytes, $first, "byte names (call " . ($first ? 2 : 1) . ")");
    ok(!grep({ utf8::is_utf8($_) } keys %$h), '... keys are byte strings');
}

# Sizes around the limits: below the template's minimum, at and past its
# maximum.
for my $n (1, 3, 4, 63, 64, 65, 200) {
    my @names = map { "key.$_" } 1 .. $n;
    check(\@names, $_, "$n names, call $_") for 1 .. 3;
}

# Many sets of names taking turns (more than there are template slots):
# each hash is still exactly its own.
my @sets = map { my $s = $_; [map { "s$s.k$_" } 1 .. 4 + $s % 20] } 1 .. 150;
my $bad = 0;
for my $round (1 .. 3) {
    for my $i (0 .. $#sets) {
        my $got = Sys::Virt::_test_params_hash($sets[$i], $round * 1000 + $i);
        my $want = expected($sets[$i], $round * 1000 + $i);
        $bad++ unless join(',', map { "$_=$got->{$_}" } sort keys %$got)
                   eq join(',', map { "$_=$want->{$_}" } sort keys %$want);
    }
}
is($bad, 0, '150 sets of names, 3 rounds: every hash exactly its own');

# The getters of the test driver return what they returned first.
my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
my %getters = (
    get_perf_events => sub { $dom->get_perf_events },
    get_memory_parameters => sub { $dom->get_memory_parameters },
    get_blkio_parameters => sub { $dom->get_blkio_parameters },
    get_numa_parameters => sub { $dom->get_numa_parameters },
    get_scheduler_parameters => sub { $dom->get_scheduler_parameters },
    get_block_iotune => sub { $dom->get_block_iotune('vda') },
    # the test driver's CPU time and interface counters move: their keys
    get_info => sub { my $i = $dom->get_info; delete $i->{cpuTime}; [sort keys %{ $dom->get_info }], $i },
    interface_stats => sub { [sort keys %{ $dom->interface_stats('testnet0') }] },
    get_all_domain_stats => sub { [map { [$_->{dom}->get_name, $_->{data}] } $conn->get_all_domain_stats(0)] },
);
# libvirt 7.0.0's test driver has neither blkio parameters nor domain
# statistics: there, those two are ERR_NO_SUPPORT.
my %unsupported_before_9 = map { $_ => 1 } qw(get_blkio_parameters get_all_domain_stats);
for my $name (sort keys %getters) {
    my $first = eval { [$getters{$name}->()] };
    if (!$first && $unsupported_before_9{$name} && $conn->get_library_version < 9_000_000) {
        is(ref $@ && $@->code, Sys::Virt::Error::ERR_NO_SUPPORT,
           "$name: ERR_NO_SUPPORT from the test driver of libvirt " . $conn->get_library_version);
        next;
    }
    die $@ unless $first;
    ok(ref $first->[0] && (ref $first->[0] ne 'HASH' || keys %{ $first->[0] }), "$name returns values");
    is_deeply([$getters{$name}->()], $first, "$name: second call as the first") for 1 .. 3;
}
# Keys written in the source (get_info, interface_stats) have templates
# too: each hash exactly its keys, independent of the others.
my $info = $dom->get_info;
is_deeply([sort keys %$info], [qw(cpuTime maxMem memory nrVirtCpu state)], 'get_info: its five keys');
is($info->{maxMem}, 8388608, '... the test domain\'s maximum memory');
$info->{state} = 'changed';
delete $info->{memory};
is_deeply([sort keys %{ $dom->get_info }], [qw(cpuTime maxMem memory nrVirtCpu state)],
          'changing one get_info hash changes no later one');
is($dom->get_info->{state}, Sys::Virt::Domain::STATE_RUNNING, '... state as libvirt says');
is_deeply([sort keys %{ $dom->interface_stats('testnet0') }],
          [sort map { ("rx_$_", "tx_$_") } qw(bytes packets errs drop)], 'interface_stats: its eight keys');
is_deeply([sort keys %{ $dom->get_perf_events }],
          [sort map { lc } grep { s/^PERF_PARAM_// } keys %Sys::Virt::Domain::],
          'get_perf_events: one key per PERF_PARAM_ constant, on the templated path too');

# A thread's interpreter gets copies of the templates, and its own.
SKIP: {
    skip 'this perl has no ithreads', 3 unless $Config{useithreads};
    require threads;
    my $t = threads->create(sub {
        my $ok = 1;
        for my $first (50, 60) {
            my $got = Sys::Virt::_test_params_hash(\@perf, $first);
            $ok &&= join(',', map { "$_=$got->{$_}" } sort keys %$got)
                 eq join(',', map { "$_=" . expected(\@perf, $first)->{$_} } sort @perf);
        }
        my $c = Sys::Virt->new(uri => 'test:///default');
        my $d = $c->get_domain_by_name('test');
        my @keys = sort keys %{ $d->get_perf_events } for 1 .. 2;
        return $ok ? scalar(keys %{ $d->get_perf_events }) : -1;
    });
    my $n = $t->join;
    is($n, scalar keys %{ $dom->get_perf_events }, 'in a thread: the same hashes');
    check(\@perf, 70, 'back in the main thread, after the thread ended');
    is_deeply($dom->get_perf_events, ($getters{get_perf_events}->())[0], '... and the getter too');
}

done_testing();
