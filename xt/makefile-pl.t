# Author test (xt/): Makefile.PL checks what the build needs, one line
# each (cargo and rustc at least Cargo.toml's rust-version, a working C
# compiler, perl's headers, libvirt >= 7.0.0 through pkg-config). When one
# is missing or too old it says what to install and exits 0 without
# writing a Makefile (a CPAN NA). Each case runs `perl Makefile.PL` in a
# fresh copy of what it reads (Makefile.PL, Cargo.toml, lib/), with the
# environment or command line of that case; the working one's MYMETA.json
# is the metadata a CPAN client sees.
use strict;
use warnings;
use Test::More;
use Config;
use Cwd ();
use File::Copy ();
use File::Find ();
use File::Path ();
use File::Temp ();
use JSON::PP ();

my $root = Cwd::getcwd();
my ($rust_floor) = map { /^rust-version\s*=\s*"([\d.]+)"/ ? $1 : () } slurp("$root/Cargo.toml");
ok($rust_floor, "Cargo.toml has a rust-version ($rust_floor)");
my $perl = $^X =~ m{^/} ? $^X : $Config{perlpath};

sub slurp {
    my ($file) = @_;
    open my $fh, '<', $file or die "$file: $!";
    return wantarray ? <$fh> : do { local $/; <$fh> };
}

sub write_file {
    my ($file, $text, $mode) = @_;
    open my $fh, '>', $file or die "$file: $!";
    print $fh $text;
    close $fh;
    chmod $mode, $file if $mode;
}

# configure(env => {VAR => value or undef}, args => [...]): runs perl
# Makefile.PL in a fresh copy; returns its exit status, its output
# (stdout and stderr), whether it wrote a Makefile, and the directory.
sub configure {
    my (%o) = @_;
    my $dir = File::Temp->newdir;
    File::Copy::copy("$root/$_", "$dir/$_") or die "$_: $!" for qw(Makefile.PL Cargo.toml);
    File::Find::find({ no_chdir => 1, wanted => sub {
        (my $rel = $File::Find::name) =~ s{^\Q$root\E/}{};
        if (-d) { File::Path::make_path("$dir/$rel") } else { File::Copy::copy($_, "$dir/$rel") or die "$rel: $!" }
    } }, "$root/lib");
    local %ENV = %ENV;
    delete @ENV{qw(CARGO RUSTC PKG_CONFIG_PATH)};
    while (my ($k, $v) = each %{ $o{env} || {} }) {
        if (defined $v) { $ENV{$k} = $v } else { delete $ENV{$k} }
    }
    my $args = join ' ', map { "'$_'" } @{ $o{args} || [] };
    my $out = `cd '$dir' && '$perl' Makefile.PL $args 2>&1`;
    return ($? >> 8, $out, -f "$dir/Makefile", $dir);
}

# declined($name, \%case, qr/line/, qr/reason/): Makefile.PL exits 0, writes
# no Makefile, prints the check's line with "no" and the reason.
sub declined {
    my ($name, $case, $line, $why) = @_;
    my ($rc, $out, $makefile) = configure(%$case);
    is($rc, 0, "$name: exit 0");
    ok(!$makefile, "$name: no Makefile written");
    like($out, qr/^Checking for $line\.\.\. no$/m, "$name: its check says no");
    like($out, qr/^Sys::Virt cannot be built here \(no Makefile written\):\n(?:  - .*\n)*  - $why/m,
         "$name: says what to install") or diag $out;
}

my $tmp = File::Temp->newdir;

# ---- everything present: five lines, a Makefile
my ($rc, $out, $makefile, $good) = configure();
is($rc, 0, 'all present: exit 0');
ok($makefile, 'all present: Makefile written') or diag $out;
my @checks = $out =~ /^Checking for (.*?)\.\.\. (.*)$/mg;
is_deeply([ @checks[grep { !($_ % 2) } 0 .. $#checks] ],
          ["cargo >= $rust_floor", "rustc >= $rust_floor", 'a C compiler', "perl's headers", 'libvirt >= 7.0.0'],
          'one line per prerequisite, in order');
ok(!grep({ $_ eq 'no' } @checks[grep { $_ % 2 } 0 .. $#checks]), 'each found') or diag $out;

# farm($name, qr/excluded/): a directory of links to every program on the
# PATH but the excluded ones (the first of each name, as the PATH finds it).
sub farm {
    my ($name, $exclude) = @_;
    my $bin = "$tmp/$name";
    mkdir $bin or die "$bin: $!";
    for my $d (grep { length && -d } split /:/, $ENV{PATH}) {
        opendir my $dh, $d or next;
        for my $e (readdir $dh) {
            next if $e =~ /^\.\.?$/ || $e =~ $exclude || -e "$bin/$e" || -l "$bin/$e" || -d "$d/$e" || !-x "$d/$e";
            symlink("$d/$e", "$bin/$e") or die "$bin/$e: $!";
        }
    }
    return $bin;
}

# ---- cargo and rustc not on the PATH
my $nocargo = farm('nocargo-bin', qr/^(?:cargo|rustc)$/);
ok(-e "$nocargo/pkg-config" && !-e "$nocargo/cargo", 'a PATH with pkg-config and without cargo');
declined('no cargo or rustc', { env => { PATH => $nocargo } }, "cargo >= \Q$rust_floor\E",
         qr/cargo not found \(cargo\); install Rust \Q$rust_floor\E or newer/);
declined('no cargo or rustc', { env => { PATH => $nocargo } }, "rustc >= \Q$rust_floor\E",
         qr/rustc not found \(rustc\); install Rust \Q$rust_floor\E or newer/);

# ---- pkg-config missing
my $nopc = farm('nopkgconfig-bin', qr/^(?:pkg-?conf(?:ig)?|.*-pkg-config)$/);
ok(-e "$nopc/cargo" && !-e "$nopc/pkg-config", 'a PATH with cargo and without pkg-config');
declined('no pkg-config', { env => { PATH => $nopc } }, 'libvirt >= 7\.0\.0',
         qr/pkg-config not found; install it/);

# ---- a cargo or rustc older than Cargo.toml's rust-version, and one at it
my $fake = "$tmp/fake-bin";
mkdir $fake or die $!;
sub fake_tool {
    my ($name, $version) = @_;
    write_file("$fake/$name", "#!/bin/sh\necho '$name $version (fake 2022-09-19)'\n", 0755);
}
fake_tool('cargo', '1.65.0');
declined('cargo 1.65.0', { env => { PATH => "$fake:$ENV{PATH}" } }, "cargo >= \Q$rust_floor\E",
         qr/cargo 1\.65\.0 is too old: Sys::Virt needs \Q$rust_floor\E or newer; install Rust/);
unlink "$fake/cargo";
fake_tool('rustc', '1.65.0');
declined('rustc 1.65.0', { env => { PATH => "$fake:$ENV{PATH}" } }, "rustc >= \Q$rust_floor\E",
         qr/rustc 1\.65\.0 is too old: Sys::Virt needs \Q$rust_floor\E or newer; install Rust/);
fake_tool('cargo', "$rust_floor.0");
fake_tool('rustc', "$rust_floor.0");
($rc, $out, $makefile) = configure(env => { PATH => "$fake:$ENV{PATH}" });
ok($rc == 0 && $makefile, "cargo and rustc $rust_floor.0 (the floor itself): a Makefile") or diag $out;
like($out, qr/^Checking for cargo >= \Q$rust_floor\E\.\.\. \Q$rust_floor\E\.0$/m, '... and the version is the fake one');
# CARGO and RUSTC name the tools the build runs, so they are what is checked
($rc, $out, $makefile) = configure(env => { CARGO => "$tmp/none/cargo", RUSTC => "$fake/rustc" });
like($out, qr/^\s+- cargo not found \(\Q$tmp\E\/none\/cargo\)/m, 'CARGO names the cargo checked');
like($out, qr/^Checking for rustc >= \Q$rust_floor\E\.\.\. \Q$rust_floor\E\.0$/m, 'RUSTC names the rustc checked');
ok(!$makefile, '... and a missing one declines');

# ---- no working C compiler (MakeMaker's CC=... on the command line)
declined('CC=/nonexistent/cc', { args => ['CC=/nonexistent/cc'] }, 'a C compiler',
         qr{no working C compiler \(/nonexistent/cc\); install one});

# ---- libvirt: not found, too old, exactly the floor
declined('no libvirt .pc', { env => { PKG_CONFIG_LIBDIR => '/nonexistent' } }, 'libvirt >= 7\.0\.0',
         qr/libvirt's development files not found by pkg-config; install libvirt 7\.0\.0 or newer/);
sub fake_libvirt {
    my ($version) = @_;
    my $dir = "$tmp/pc-$version";
    mkdir $dir or die $!;
    write_file("$dir/libvirt.pc", "prefix=/usr\nlibdir=/usr/lib\nincludedir=/usr/include\n\n"
               . "Name: libvirt\nDescription: a fake libvirt $version\nVersion: $version\n"
               . "Libs: -L\${libdir} -lvirt\nCflags: -I\${includedir}\n");
    return $dir;
}
declined('libvirt 6.10.0', { env => { PKG_CONFIG_LIBDIR => fake_libvirt('6.10.0') } }, 'libvirt >= 7\.0\.0',
         qr/libvirt 6\.10\.0 is too old: Sys::Virt needs libvirt 7\.0\.0 or newer/);
($rc, $out, $makefile) = configure(env => { PKG_CONFIG_LIBDIR => fake_libvirt('7.0.0') });
ok($rc == 0 && $makefile, 'libvirt 7.0.0 (the floor itself): a Makefile') or diag $out;

# ---- several missing at once: each is listed
($rc, $out, $makefile) = configure(env => { PKG_CONFIG_LIBDIR => '/nonexistent' }, args => ['CC=/nonexistent/cc']);
ok($rc == 0 && !$makefile, 'two missing: exit 0, no Makefile');
is(scalar(() = $out =~ /^  - /mg), 2, '... both listed') or diag $out;

# ---- the metadata of the working configuration
my $meta = JSON::PP::decode_json(scalar slurp("$good/MYMETA.json"));
my ($version) = map { /^our \$VERSION = '([^']+)';/ ? $1 : () } slurp("$root/lib/Sys/Virt.pm");
is($meta->{version}, $version, "META version is \$Sys::Virt::VERSION, as written ($version, no v)");
is($meta->{name}, 'Sys-Virt', 'META name');
is_deeply($meta->{license}, ['gpl_2', 'artistic_1'], 'META license: GPL 2 (or later) or Artistic 1.0');
is_deeply($meta->{resources}{license},
          ['https://www.gnu.org/licenses/old-licenses/gpl-2.0.html', 'https://dev.perl.org/licenses/artistic.html'],
          'META resources: the licence texts');
is($meta->{prereqs}{configure}{requires}{'ExtUtils::MakeMaker'}, '6.64', 'configure_requires: MakeMaker 6.64 (TEST_REQUIRES)');
is($meta->{prereqs}{build}{requires}{'ExtUtils::MakeMaker'}, '6.64', 'build_requires: MakeMaker');
is($meta->{prereqs}{runtime}{requires}{perl}, '5.016', 'runtime: perl 5.16');
is($meta->{prereqs}{test}{requires}{'Test::More'}, '0.88', 'test_requires: Test::More 0.88 (done_testing)');
is_deeply([sort keys %{ $meta->{prereqs}{develop}{requires} }], [qw(ExtUtils::Manifest Test::Pod Test::Pod::Coverage)],
          'develop requires: what xt/ loads');

# test_requires names every module t/ loads (or the runtime requires do),
# and test_recommends those it can do without; but pragmas (lower case: threads is part of an ithreads
# perl, the only one where t/ loads it), perl's own Config and this
# distribution's modules
my %used;
for my $file (glob("$root/t/*.t"), glob("$root/t/lib/*.pm"), glob("$root/t/compare/*.pl")) {
    for (slurp($file)) {
        $used{$1}++ while /(?:^|;|\{)\s*(?:use|require)\s+([A-Z][\w:]*)/g;
    }
}
delete @used{grep { /^(?:Sys::Virt|SysVirt)/ } keys %used};
delete @used{qw(Config)};
my %listed = map { %{ $meta->{prereqs}{$_->[0]}{$_->[1]} || {} } }
             [test => 'requires'], [test => 'recommends'], [runtime => 'requires'];
my @unlisted = grep { !exists $listed{$_} } sort keys %used;
is_deeply(\@unlisted, [], 'test_requires and test_recommends list every module t/ loads (' . scalar(keys %used) . ')');
is_deeply($meta->{prereqs}{test}{recommends}, { 'Test::Pod' => '1.00', 'Pod::Coverage' => '0', 'AnyEvent' => '0',
                                                 'IO::Async::Loop' => '0.78', 'Mojo::IOLoop' => '0' },
          'test_recommends: the POD modules t/10-connect-pod.t can skip without, and the event loops of t/41 and t/58');
done_testing();
