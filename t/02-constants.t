# Every constant of every package: present, with the empty prototype, the
# right type, and the value libvirt's own headers give its C name (an
# independent source: data/constants.tsv is what the module is built from).
#
# The headers are those of SYSVIRT_LIBVIRT_HEADERS (a directory such as
# /usr/include/libvirt; .ci/run points it at libvirt 12.8.0's, which
# .ci/libvirt-versions unpacks into DIR/12.8/usr/include/libvirt), else
# the system's (pkg-config's includedir, /usr/include). Constants newer than
# the headers in use (the system's libvirt 9.0.0 lacks the 290 added by
# Sys::Virt 9.2.0 to 12.7.0) cannot be cross-checked: each is a skipped test
# naming its C name, and the count is reported. Headers of libvirt 12.7.0 or
# newer must define every one of them.
use strict;
use warnings;
use Test::More;
use B ();

use Sys::Virt;
use Sys::Virt::Event;
use Sys::Virt::Admin;

my $table = 'data/constants.tsv';
open my $fh, '<', $table or die "$table: $!";
my @rows = map { chomp; [split /\t/] } grep { !/^#/ } <$fh>;
close $fh;
is(scalar @rows, 1488, q{the table lists all 1,488 constants (Sys::Virt 12.7.0's 1,457, 8 of libvirt-qemu, 23 of the admin API)});

# C enum values and #defines (strings, numbers, aliases) of libvirt's headers
my $hdir = $ENV{SYSVIRT_LIBVIRT_HEADERS};
if (!defined $hdir || $hdir eq '') {
    my $incdir = `pkg-config --variable=includedir libvirt 2>/dev/null` || '/usr/include';
    chomp $incdir;
    $hdir = "$incdir/libvirt";
}
my @headers = glob "$hdir/*.h";
BAIL_OUT("no libvirt headers in $hdir (SYSVIRT_LIBVIRT_HEADERS)")
    unless grep { m{/libvirt-common\.h$} } @headers;
my $hversion = do {
    open my $in, '<', "$hdir/libvirt-common.h" or die "$hdir/libvirt-common.h: $!";
    my ($n) = map { /^\s*#\s*define\s+LIBVIR_VERSION_NUMBER\s+(\d+)/ ? $1 : () } <$in>;
    BAIL_OUT("no LIBVIR_VERSION_NUMBER in $hdir/libvirt-common.h") unless $n;
    $n;
};
my $hname = sprintf 'libvirt %d.%d.%d headers in %s',
    int($hversion / 1000000), int($hversion / 1000) % 1000, $hversion % 1000, $hdir;

my %c;
for my $h (@headers) {
    open my $in, '<', $h or die "$h: $!";
    my $text = do { local $/; <$in> };
    $text =~ s{/\*.*?\*/}{}gs;
    while ($text =~ /^\s*(VIR_\w+)\s*=\s*([^,\n]+?)\s*,?\s*$/mg) { $c{$1} //= $2 }
    while ($text =~ /^\s*#\s*define\s+(VIR_\w+)\s+("[^"]*")/mg) { $c{$1} //= $2 }
    # numbers (9007199254740991LL), expressions and aliases
    # (#define VIR_KEYCODE_SET_RFB VIR_KEYCODE_SET_QNUM); c_value() only
    # evaluates arithmetic, and function-like macros have no space before "("
    while ($text =~ /^\s*#\s*define\s+(VIR_\w+)[ \t]+([^\n"]*?[^\s\\])[ \t]*$/mg) { $c{$1} //= $2 }
}
# Enumerators without "= value" follow their predecessor.
for my $h (@headers) {
    open my $in, '<', $h or die "$h: $!";
    my $text = do { local $/; <$in> };
    $text =~ s{/\*.*?\*/}{}gs;
    while ($text =~ /\benum\b[^{]*\{(.*?)\}/sg) {
        my $prev;
        for my $item (split /,/, $1) {
            $item =~ s/#.*$//mg;
            next unless $item =~ /^\s*(VIR_\w+)\s*(?:=\s*(.+?))?\s*$/s;
            my ($name, $expr) = ($1, $2);
            $c{$name} //= defined $expr ? $expr : defined $prev ? "($prev) + 1" : '0';
            $prev = $name;
        }
    }
}
# The value of a C name: undef if the headers do not define it, dies if
# they do but the expression is not one this test can evaluate.
my (%memo, %busy);
sub c_value {
    my ($name) = @_;
    return undef unless exists $c{$name};
    return $memo{$name} if exists $memo{$name};
    die "$name: its definition is circular\n" if $busy{$name};
    local $busy{$name} = 1;
    my $expr = $c{$name};
    return $memo{$name} = eval $expr if $expr =~ /^"[^"]*"$/;
    $expr =~ s/\b(VIR_\w+)\b/my $v = c_value($1); defined $v ? "($v)" : die "$name: $1 is not defined\n"/ge;
    $expr =~ s/\b(\d+)U?L*L?\b/$1/gi;
    die "$name: cannot evaluate '$c{$name}'\n" if $expr !~ /^[\d\s()<>|&+\-~^*]+$/;
    my $v = eval $expr;
    die "$name: cannot evaluate '$c{$name}': $@" unless defined $v;
    return $memo{$name} = $v;
}

my ($from_header, $checked, @unchecked) = (0, 0);
for my $r (@rows) {
    my ($pkg, $name, $type, $value, $cname) = @$r;
    no strict 'refs';
    my $full = "${pkg}::$name";
    my $cv = *{$full}{CODE};
    ok($cv, "$full exists") or next;
    $checked++;
    my $proto = prototype($cv);
    is($proto, '', "$full has the empty prototype") unless defined $proto && $proto eq '';
    my $got = $cv->();
    my $sv = B::svref_2object(\$got);
    my $is_num = $sv->FLAGS & (B::SVf_IOK | B::SVf_NOK);
    if ($type eq 'str') {
        ok(!$is_num && $got eq $value, "$full is the string '$value'") or diag "got $got";
    } else {
        ok($is_num && $got eq $value, "$full is the number $value") or diag "got $got";
        is(!!($sv->FLAGS & B::SVf_IVisUV), $type eq 'uint', "$full is " . ($type eq 'uint' ? 'unsigned' : 'signed'))
            if $type eq 'uint' || $value < 0;
    }
    my $hv = eval { $cname ? c_value($cname) : undef };
    if (!defined $hv) {
        # defined but not evaluable is a gap of this test, not a pass
        if ($@) { chomp(my $e = $@); fail("$full: $e"); next }
        push @unchecked, $full;
        SKIP: {
            skip($cname ? "$full: $cname is not defined by the $hname" : "$full has no C name", 1);
        }
        next;
    }
    $from_header++;
    my $want = $hv;
    if ($type eq 'uint') {
        # a C int (1U << 31 wraps to INT_MIN) registered as unsigned
        $want -= 2**32 if $want >= 2**31;
        $want = ~0 + $want + 1 if $want < 0;
    }
    is($got, $want, "$full matches $cname in libvirt's headers") unless "$got" eq "$want";
}
is($checked, 1488, 'every constant checked');
is($from_header + @unchecked, $checked, 'each constant either cross-checked against the headers or reported');
# The oldest supported headers, libvirt 7.0.0's, define 1,105 of them.
cmp_ok($from_header, '>=', 1105, "values cross-checked against the $hname ($from_header)");
if ($hversion >= 12_007_000) {
    # Sys::Virt 12.7.0's constants are all in libvirt 12.7.0 or older
    is(scalar @unchecked, 0, "the $hname define every constant's C name")
        or diag "not defined: @unchecked";
}
diag sprintf '%d of %d constants not cross-checked: their C names are not defined by the %s '
    . '(set SYSVIRT_LIBVIRT_HEADERS to newer headers, e.g. those .ci/libvirt-versions unpacks)',
    scalar @unchecked, $checked, $hname
    if @unchecked;
diag "$from_header of $checked constants cross-checked against the $hname" if $ENV{TEST_VERBOSE};

# Each constant is documented in its package's POD, in every package with
# no exception: an "=item Package::NAME" of its own, followed by a
# paragraph saying what it means (several items may share the paragraph
# after them). (xt/pod-coverage.t leaves upper-case names out.)
my (%pod, @undocumented);
for my $r (@rows) {
    my ($pkg, $name) = @$r;
    (my $file = "$pkg.pm") =~ s{::}{/}g;
    $pod{$pkg} //= do {
        open my $in, '<', $INC{$file} or die "$file: $!";
        local $/;
        <$in>;
    };
    push @undocumented, "${pkg}::$name"
        unless $pod{$pkg} =~ /^=item \Q${pkg}::$name\E[ \t]*\n\n(?:=item [^\n]+\n\n)*(?!=)\S/m;
}
is(scalar @undocumented, 0, 'every constant is documented in its package\'s POD')
    or diag "undocumented: @undocumented";

# ... once, and no item names a constant that does not exist (a typo or a
# constant gone from the table would otherwise go unnoticed).
my %value = map { ("$_->[0]::$_->[1]" => $_->[3]) } @rows;
my (%items, @stray);
for my $pkg (sort keys %pod) {
    for my $full ($pod{$pkg} =~ /^=item (Sys::Virt(?:::\w+)*::[A-Z][A-Z0-9_]*)[ \t]*$/mg) {
        $items{$full}++;
        push @stray, $full unless exists $value{$full};
    }
}
my @twice = grep { $items{$_} > 1 } sort keys %items;
is(scalar @twice, 0, 'no constant is documented twice') or diag "twice: @twice";
is(scalar @stray, 0, 'every documented constant exists') or diag "not constants: @stray";

# Sys::Virt::Error groups its constants by family under a =head2 each
# (levels, sources, codes with the WAR_* warnings among them), in libvirt's
# numeric order.
my %family_of = (LEVEL => 'LEVEL', FROM => 'FROM', ERR => 'ERR', WAR => 'ERR');
my (@groups, $group);
for my $line (split /\n/, $pod{'Sys::Virt::Error'}) {
    if ($line =~ /^=head[12] (.*)/) {
        push @groups, $group = {head => $1, items => []};
    } elsif ($line =~ /^=item Sys::Virt::Error::(([A-Z]+)_\w+)/) {
        push @{$group->{items}}, [$1, $family_of{$2} // $2];
    }
}
@groups = grep { @{$_->{items}} } @groups;
my @heads = (['ERROR LEVELS', 'LEVEL'], ['WHERE ERRORS COME FROM', 'FROM'], ['ERROR CODES', 'ERR']);
is_deeply([map { $_->{head} } @groups], [map { $_->[0] } @heads],
    'Sys::Virt::Error has its constants under three headings');
my %family_under = map { @$_ } @heads;
my $in_error = 0;
for my $g (@groups) {
    my @items = @{$g->{items}};
    $in_error += @items;
    my %fams = map { ($_->[1] => 1) } @items;
    my $want = $family_under{$g->{head}} // 'none';
    is(join(',', sort keys %fams), $want, "'$g->{head}' holds the $want constants");
    # (an item naming no constant, reported above, counts as -1)
    my @v = map { $value{"Sys::Virt::Error::$_->[0]"} // -1 } @items;
    my @bad = map { "$items[$_ - 1][0] ($v[$_ - 1]) before $items[$_][0] ($v[$_])" }
        grep { $v[$_] <= $v[$_ - 1] } 1 .. $#items;
    is(scalar @bad, 0, "'$g->{head}' is in numeric order") or diag join "\n", @bad;
}
is($in_error, scalar(grep { $_->[0] eq 'Sys::Virt::Error' } @rows),
    'every Sys::Virt::Error constant is under one of them');

done_testing();
