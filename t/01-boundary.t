# The dangerous paths of the Perl/Rust boundary: each of these is a crash
# or undefined behaviour when the boundary is wrong.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest ();
use Config;

# the test-only subs (_test_panic, _test_string) exist only with this set
BEGIN { $ENV{SYSVIRT_TEST_HOOKS} = 1 }
use Sys::Virt;

my $conn = Sys::Virt->new(uri => 'test:///default');

# --- a Rust panic becomes an ordinary die, and the process lives on
for my $round (1 .. 3) {
    my $ok = eval { Sys::Virt::_test_panic(); 1 };
    ok(!$ok, "panic $round: the call failed");
    like($@, qr/^Sys::Virt::_test_panic: internal error: Sys::Virt::_test_panic was asked to panic at /,
         "panic $round: message carried into \$@");
}
is($conn->get_uri, 'test:///default', 'still working after the panics');

# ... quietly: the panic hook prints nothing for a panic inside our calls,
# but one outside them (here on a thread of its own) is reported by the
# hook that was installed before ours, as usual. In a child, to see stderr.
{
    require File::Temp;
    my $err = File::Temp->new;
    my $out = `$^X -Mblib -e '
        BEGIN { \$ENV{SYSVIRT_TEST_HOOKS} = 1 }
        use Sys::Virt;
        eval { Sys::Virt::_test_panic() };
        print \$@ =~ /internal error: Sys::Virt::_test_panic was asked to panic/ ? "died\n" : "no die: \$@\n";
        print STDERR "-- thread\n";
        \$ENV{SYSVIRT_TEST_PANIC} = "thread";
        print Sys::Virt::_test_panic() ? "thread panicked\n" : "thread did not panic\n";
    ' 2>@{[ $err->filename ]}`;
    is($?, 0, 'panic child: ran to its end');
    is($out, "died\nthread panicked\n", 'panic child: a die inside the call, a panicking thread outside');
    my $stderr = do { local (@ARGV, $/) = ($err->filename); <> } // '';
    my ($inside, $outside) = split /^-- thread\n/m, $stderr, 2;
    is($inside, '', 'a panic inside our call prints nothing');
    like($outside // '', qr/^thread '[^']*'.* panicked at rust\/test_hooks\.rs:\d+:\d+:\na thread of Sys::Virt::_test_panic panicked$/m,
         'a panic outside our calls is reported by the previous (default) hook');
}

# --- a tied argument whose FETCH dies inside the conversion
tie my $tied, 'SysVirtTest::DiesOnFetch', "FETCH refused\n";
for my $round (1 .. 3) {
    my $ok = eval { Sys::Virt::_test_string($tied); 1 };
    ok(!$ok, "tied $round: the call failed");
    is($@, "FETCH refused\n", "tied $round: the FETCH die reaches the caller intact");
}
# the die can also come from a later argument, after an earlier one was read
is(eval { Sys::Virt::_test_string("abc", $tied); 1 }, undef, 'die in the second conversion');
is($@, "FETCH refused\n", '... with its own message');

# --- a tied value that works is read through its FETCH
{
    package Fetches;
    sub TIESCALAR { bless { n => 0 }, shift }
    sub FETCH { my $s = shift; $s->{n}++; "tied-value" }
}
tie my $fine, 'Fetches';
is(Sys::Virt::_test_string($fine, 7), 'tied-value:7', 'tied value read through FETCH');
is(tied($fine)->{n}, 1, 'FETCH ran exactly once');

# --- overloaded stringification that dies, and that works
{
    package BadString;
    use overload '""' => sub { die "no string for you\n" }, fallback => 1;
    package GoodString;
    use overload '""' => sub { "from-overload" }, '0+' => sub { 42 }, fallback => 1;
}
my $bad = bless {}, 'BadString';
is(eval { Sys::Virt::_test_string($bad); 1 }, undef, 'overload die: call fails');
is($@, "no string for you\n", 'overload die: message intact');
my $good = bless {}, 'GoodString';
is(Sys::Virt::_test_string($good, $good), 'from-overload:42', 'overloads are honoured');

# --- a __WARN__ handler that dies during a conversion warning
{
    local $SIG{__WARN__} = sub { die "warning made fatal: $_[0]" };
    my $ok = eval { Sys::Virt::_test_string("x", "not a number"); 1 };
    ok(!$ok, 'fatal warning: call fails');
    like($@, qr/^warning made fatal: Argument "not a number" isn't numeric/, 'fatal warning: message intact');
}

# --- binary safety; strings are passed as Perl holds them (SvPV, as the
# original): the UTF-8 encoding of a character string, a byte string's bytes
is(Sys::Virt::_test_string("a\0b"), "a\0b:0", 'embedded NUL survives a round trip');
is(Sys::Virt::_test_string("caf\xe9"), "caf\xe9:0", 'a byte string is passed as its bytes');
my $wide = "caf\x{e9}";
utf8::upgrade($wide);
is(Sys::Virt::_test_string($wide), "caf\xc3\xa9:0", 'an upgraded string is passed as its UTF-8 encoding');
ok(!utf8::is_utf8(Sys::Virt::_test_string($wide)), 'strings come back without the UTF-8 flag');
is(Sys::Virt::_test_string("\x{263a}"), "\xe2\x98\xba:0", 'a wide character is passed as its UTF-8 encoding');

# --- wrong argument counts give the original's usage message
is(eval { &Sys::Virt::get_uri(); 1 }, undef, 'no arguments: dies');
like($@, qr/^Usage: Sys::Virt::get_uri\(con\) at /, 'usage message as the original');
is(eval { &Sys::Virt::get_uri($conn, 1); 1 }, undef, 'too many arguments: dies');
like($@, qr/^Usage: Sys::Virt::get_uri\(con\) at /, 'usage message as the original');

# --- a non-object warns and returns undef, as the original's typemap
{
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, $_[0] };
    my @r = Sys::Virt::get_uri("not an object");
    is_deeply(\@r, [undef], 'non-object: undef');
    is(scalar @warnings, 1, 'non-object: one warning');
    like($warnings[0], qr/^Sys::Virt::get_uri\(\) -- con is not a blessed SV reference at /,
         'non-object: the original\'s warning text');
    @warnings = ();
    @r = Sys::Virt::get_uri(undef);
    is_deeply(\@r, [undef], 'undef invocant: undef');
    like($warnings[0] // '', qr/-- con is not a blessed SV reference/, 'undef invocant: warning');
}

# --- a forged or mismatched object is refused, never handed to libvirt
{
    my $forged = bless \(my $n = 12345), 'Sys::Virt';
    is(eval { $forged->get_uri; 1 }, undef, 'forged object: dies');
    my $err = $@;
    SysVirtTest::wrong_class_is($err, 'Sys::Virt', 'Sys::Virt::get_uri', '$conn',
                                'forged object: the connection\'s invalid-object error, naming $conn');
    is($err->level, Sys::Virt::Error::LEVEL_ERROR, 'forged object: an error, not a warning');
    is("$err", "libvirt error code: ${\Sys::Virt::Error::ERR_INVALID_CONN}, message: "
       . "Sys::Virt::get_uri: \$conn is not a Sys::Virt object\n", 'forged object: its string form');
    my $hash = bless {}, 'Sys::Virt';
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, $_[0] };
    is(scalar(Sys::Virt::get_uri($hash)), undef, 'blessed hash: undef, as the original');
    like($warnings[0] // '', qr/con is not a blessed SV reference/, 'blessed hash: the original\'s warning');
}

# --- a handle whose pointer was overwritten, or a copy of its scalar, is
#     refused (the seal no longer matches); restored, it works again
{
    my $c = Sys::Virt->new(uri => 'test:///default');
    my $saved = $$c;
    $$c = $saved + 64;
    is(eval { $c->get_uri; 1 }, undef, 'tampered pointer: dies');
    SysVirtTest::wrong_class_is($@, 'Sys::Virt', 'Sys::Virt::get_uri', '$conn', 'tampered pointer: refused');
    my $copy = bless \(my $n = $saved), 'Sys::Virt';
    is(eval { $copy->get_uri; 1 }, undef, 'a copy of the pointer in a new object: dies');
    SysVirtTest::wrong_class_is($@, 'Sys::Virt', 'Sys::Virt::get_uri', '$conn',
                                'a copy of the pointer in a new object: refused');
    $$c = $saved;
    is($c->get_uri, 'test:///default', 'restored: works again (and is freed once at scope exit)');
    my $dom = $c->get_domain_by_name('test');
    is(eval { Sys::Virt::get_uri($dom); 1 }, undef, 'a domain where a connection is expected: dies');
    SysVirtTest::wrong_class_is($@, 'Sys::Virt', 'Sys::Virt::get_uri', '$conn',
                                '... refused, not handed to libvirt');
    is(eval { Sys::Virt::Domain::get_name($c); 1 }, undef, 'and the other way round');
    SysVirtTest::wrong_class_is($@, 'Sys::Virt::Domain', 'Sys::Virt::Domain::get_name', '$dom', '... refused');
}

# --- long lists (more values than the dispatcher keeps inline), of
#     numbers (the first one is stored in the call's target SV) and strings
{
    my $c = Sys::Virt->new(uri => 'test:///default');
    my @names = map { "list-guest-$_" } 1 .. 7;
    $c->create_domain("<domain type='test'><name>$_</name><memory>1024</memory><os><type>hvm</type></os></domain>")
        for @names;
    my @ids = $c->list_domain_ids(100);
    is(scalar @ids, 8, 'eight ids in a list');
    is_deeply([sort { $a <=> $b } @ids], [sort { $a <=> $b } map { $c->get_domain_by_name($_)->get_id } 'test', @names],
              'each id is a real domain id');
    ok(!grep({ !defined } @ids), 'no undefined entry');
    my $n = $c->num_of_domains;
    is($n, 8, 'a single number in scalar context');
    my @names_back = map { $_->get_name } $c->list_all_domains;
    is_deeply([sort @names_back], [sort 'test', @names], 'eight objects with their names');
    $c->get_domain_by_name($_)->destroy for @names;
}

# --- subclasses work (the handle is recognised whatever the package)
{
    package My::Virt;
    our @ISA = ('Sys::Virt');
}
my $sub = My::Virt->new(uri => 'test:///default');
isa_ok($sub, 'My::Virt');
is($sub->get_uri, 'test:///default', 'methods work on a subclass object');

# --- a handle is freed once: explicit DESTROY, then the real one
{
    my $c = Sys::Virt->new(uri => 'test:///default');
    $c->DESTROY;
    my $ok = eval { $c->get_uri; 1 };
    ok(!$ok, 'a destroyed connection fails cleanly');
    isa_ok($@, 'Sys::Virt::Error');
    is($@->code, Sys::Virt::Error::ERR_INVALID_CONN, 'with ERR_INVALID_CONN');
    $c->DESTROY;    # a second DESTROY is harmless
}
pass('a connection destroyed twice then freed by scope exit: no crash');

# --- ithreads: a cloned interpreter must not free our handles again
SKIP: {
    skip 'perl without ithreads', 4 unless $Config{useithreads};
    require threads;
    my $c = Sys::Virt->new(uri => 'test:///default');
    my $thr = threads->create(sub { 'thread ran' });
    is($thr->join, 'thread ran', 'a thread started and ended while a connection exists');
    is($c->get_uri, 'test:///default', 'the connection still works in the parent');

    # Objects are blessed by a stash cached per interpreter: a thread's
    # interpreter blesses into its own stashes (a subclass of Sys::Virt,
    # whose CLONE is Sys::Virt's, changes nothing).
    @My::Virt::ISA = ('Sys::Virt');
    my $sub = My::Virt->new(uri => 'test:///default');
    my $d = $c->get_domain_by_name('test');
    my $in_thread = threads->create(sub {
        my $tc = Sys::Virt->new(uri => 'test:///default');
        my @l = $tc->list_all_domains;
        my $td = $tc->get_domain_by_name('test');
        return join ' ', ref($td), $td->get_name, scalar(@l), ref($l[0]), $l[0]->get_name;
    })->join;
    is($in_thread, 'Sys::Virt::Domain test 1 Sys::Virt::Domain test',
       'objects made in a thread are of their class there, and work');
    my $again = $sub->get_domain_by_name('test');
    is(ref($again) . ' ' . $again->get_name, 'Sys::Virt::Domain test', '... and in the parent after it');
}

# A package deleted and made again: new objects are blessed into the
# package of that name now, as the original's (by name) are.
{
    my $out = `$^X -Mblib -e '
        use Sys::Virt;
        my \$c = Sys::Virt->new(uri => "test:///default");
        my (\$before) = \$c->list_all_domains;
        print \$before->get_name, "\n";
        delete \$Sys::Virt::{"Domain::"};
        my (\$after) = \$c->list_all_domains;
        print ref(\$after), " ", (\$after->can("get_name") ? "has" : "has no"), " get_name\n";
        print \$before->get_name, "\n";
    ' 2>&1`;
    is($out, "test\nSys::Virt::Domain has no get_name\ntest\n",
       'the Sys::Virt::Domain package deleted: new objects are of the new, empty one; older ones keep theirs');
}

done_testing();
