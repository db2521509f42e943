# One build runs on every libvirt from 7.0.0 up: the built module imports
# no libvirt symbol newer than 7.0.0 (libvirt.so.0 versions its symbols,
# and one newer import makes the whole module fail to load on an older
# libvirt), and what it needs from newer libvirts is looked up at run time
# (rust/late.rs): on a libvirt without it, an ERR_NO_SUPPORT error.
use strict;
use warnings;
use Test::More;
use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');
my $so = 'blib/arch/auto/Sys/Virt/Virt.so';
ok(-f $so, 'the built module is there');

# The LIBVIRT_x.y.z versions the module's imports need (objdump -T: the
# dynamic symbol table, with each symbol's version).
open(my $fh, '-|', 'objdump', '-T', $so) or die "objdump: $!";
my (%need, %imports);
while (<$fh>) {
    next unless /\*UND\*.*\s\(?(LIBVIRT_[\d.]+)\)?\s+(\w+)\s*$/;
    $need{$1}++;
    $imports{$2} = $1;
}
close $fh;
cmp_ok(scalar keys %imports, '>', 300, 'the module imports its libvirt functions (' . scalar(keys %imports) . ')');
my $v = sub { my ($x) = $_[0] =~ /([\d.]+)/; sprintf '%03d%03d%03d', split /\./, $x };
my @newer = grep { $v->($_) gt $v->('LIBVIRT_7.0.0') } keys %need;
is_deeply([sort @newer], [], 'no import needs a libvirt newer than 7.0.0');

# The functions looked up at run time are not imports.
open(my $src, '<', 'rust/late.rs') or die "rust/late.rs: $!";
# Each table starts "in Library;": libvirt.so.0's rows are functions newer
# than the floor; the other libraries' are never linked at all.
my ($in, %late, %other) = ('');
while (<$src>) {
    $in = $1 if /^\s*in (\w+);/;
    next unless /^\s*"([\d.]+)" fn (\w+)\(/;
    if ($in eq 'Libvirt') { $late{$2} = $1 } else { $other{$2} = $in }
}
close $src;
cmp_ok(scalar keys %late, '>=', 17, 'the late-bound table has its rows');
is_deeply([grep { $imports{$_} } sort keys %late], [], 'no late-bound function is imported');
ok(!grep({ $v->($late{$_}) le $v->('7.0.0') } keys %late), 'every late-bound function is newer than 7.0.0');
is_deeply([grep { $imports{$_} } sort keys %other], [], 'no function of libvirt-qemu, -lxc or -admin is imported');
open(my $dyn, '-|', 'objdump', '-p', $so) or die "objdump: $!";
my @needed = map { /^\s*NEEDED\s+(\S+)/ ? $1 : () } <$dyn>;
close $dyn;
ok(grep({ $_ eq 'libvirt.so.0' } @needed), 'the module links libvirt.so.0');
is_deeply([grep { /^libvirt-(?:qemu|lxc|admin)\./ } @needed], [],
          'libvirt-qemu, -lxc and -admin are not link-time dependencies');

# On the running libvirt, each late-bound function a method uses either
# works or is ERR_NO_SUPPORT naming it and the version that has it.
my $conn = Sys::Virt->new(uri => 'test:///default');
my $lib = $conn->get_library_version;
my $dom = $conn->get_domain_by_name('test');
my @r = eval { $dom->get_messages };
if ($lib >= 7_001_000) {
    is(ref $@, '', 'get_messages works on libvirt >= 7.1.0');
} else {
    is_deeply(ref $@ ? [$@->code, $@->domain] : $@,
              [Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_NONE], 'get_messages: ERR_NO_SUPPORT before 7.1.0');
    like($@->message, qr/virDomainGetMessages needs libvirt 7\.1\.0 or newer/, '... naming the function and the version');
}
done_testing();
