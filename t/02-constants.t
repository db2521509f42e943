# Every constant of every package: present, with the empty prototype, the
# right type, and the value libvirt's own headers give its C name (an
# independent source: data/constants.tsv is what the module is built from).
use strict;
use warnings;
use Test::More;
use B ();

use Sys::Virt;
use Sys::Virt::Event;

my $table = 'data/constants.tsv';
open my $fh, '<', $table or die "$table: $!";
my @rows = map { chomp; [split /\t/] } grep { !/^#/ } <$fh>;
close $fh;
is(scalar @rows, 1167, 'the table lists all 1,167 constants');

# C enum values and string #defines from /usr/include/libvirt
my %c;
my $incdir = `pkg-config --variable=includedir libvirt 2>/dev/null` || '/usr/include';
chomp $incdir;
for my $h (glob "$incdir/libvirt/*.h") {
    open my $in, '<', $h or die "$h: $!";
    my $text = do { local $/; <$in> };
    $text =~ s{/\*.*?\*/}{}gs;
    while ($text =~ /^\s*(VIR_\w+)\s*=\s*([^,\n]+?)\s*,?\s*$/mg) { $c{$1} //= $2 }
    while ($text =~ /^\s*#\s*define\s+(VIR_\w+)\s+("[^"]*")/mg) { $c{$1} //= $2 }
    while ($text =~ /^\s*#\s*define\s+(VIR_\w+)\s+\(?(-?\d+)\)?\s*$/mg) { $c{$1} //= $2 }
}
# Enumerators without "= value" follow their predecessor.
for my $h (glob "$incdir/libvirt/*.h") {
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
my %seen;
sub c_value {
    my ($name) = @_;
    return undef unless exists $c{$name};
    return undef if $seen{$name}++ > 20;    # guard against cycles
    my $expr = $c{$name};
    return eval $expr if $expr =~ /^"/;
    $expr =~ s/\b(VIR_\w+)\b/my $v = c_value($1); defined $v ? "($v)" : 'undef'/ge;
    $expr =~ s/\b(\d+)U?L*L?\b/$1/gi;
    return undef if $expr =~ /undef/ || $expr !~ /^[\d\s()<>|&+\-~^*]+$/;
    my $v = eval $expr;
    return $v;
}

my ($from_header, $checked) = (0, 0);
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
    my $hv = $cname ? c_value($cname) : undef;
    if (defined $hv) {
        $from_header++;
        my $want = $hv;
        if ($type eq 'uint') {
            # a C int (1U << 31 wraps to INT_MIN) registered as unsigned
            $want -= 2**32 if $want >= 2**31;
            $want = ~0 + $want + 1 if $want < 0;
        }
        is($got, $want, "$full matches $cname in libvirt's headers") unless "$got" eq "$want";
    }
}
is($checked, 1167, 'every constant checked');
cmp_ok($from_header, '>', 1100, "values cross-checked against libvirt's headers ($from_header)");
diag "$from_header of $checked constants cross-checked against libvirt's headers" if $ENV{TEST_VERBOSE};

done_testing();
