# Author test (xt/): what the distribution states about itself agrees
# everywhere: one version string (every module's $VERSION, the crate's
# version, the newest Changes entry), one licence (Cargo.toml, README.md,
# LICENSE, the POD of every module), and the same AUTHORS, BUGS and
# COPYRIGHT AND LICENSE sections at the end of every module's POD.
# (META's version and licence: xt/makefile-pl.t; the tarball's name:
# .ci/dist-offline.)
use strict;
use warnings;
use Test::More;

sub slurp {
    my ($file) = @_;
    open my $fh, '<', $file or die "$file: $!";
    local $/;
    return scalar <$fh>;
}

my @modules = ('lib/Sys/Virt.pm', sort(glob('lib/Sys/Virt/*.pm')), sort(glob('lib/Sys/Virt/*/*.pm')));
is(scalar @modules, 24, 'the 24 modules (17 of the original, 3 of the admin API, 4 of the event loops)');

# ---- the version
my ($version) = slurp('lib/Sys/Virt.pm') =~ /^our \$VERSION = '([^']+)';/m;
like($version, qr/^\d+\.\d+\.\d+$/, "\$Sys::Virt::VERSION is a plain dotted version ($version)");
for my $m (@modules) {
    my @v = slurp($m) =~ /^\s*our \$VERSION = '([^']+)';/mg;
    is_deeply(\@v, [$version], "$m: \$VERSION $version") if @v;
}
my $cargo = slurp('Cargo.toml');
my ($crate) = $cargo =~ /^\[package\]\n(?:.*\n)*?version = "([^"]+)"/m;
is($crate, $version, 'Cargo.toml: the crate has the same version (the XS handshake compares them)');
my $changes = slurp('Changes');
my @releases = $changes =~ /^(\S+)\s+\d{4}-\d\d-\d\d$/mg;
is($releases[0], $version, 'Changes: the newest entry is this version');
is_deeply(\@releases, ['12.7.0', '9.0.0'], 'Changes: one entry per release, newest first');

# ---- the licence: GPL 2 or later, or the Artistic License 1.0 (the C
# original's "GPL-2+ or Artistic")
like($cargo, qr/^license = "GPL-2\.0-or-later OR Artistic-1\.0-Perl"$/m, 'Cargo.toml: SPDX licence');
my $readme = slurp('README.md');
like($readme, qr/^## Licence\n/m, 'README.md has a licence section');
like($readme, qr/\(`GPL-2\.0-or-later OR Artistic-1\.0-Perl`\)/, '... with the same SPDX expression');
my $license = slurp('LICENSE');
like($license, qr/^\s+GNU GENERAL PUBLIC LICENSE\n\s+Version 2, June 1991$/m, 'LICENSE: the GPL 2 text');
like($license, qr/^\s+The "Artistic License"$/m, 'LICENSE: the Artistic License text');
like($license, qr/GPL-2\.0-or-later OR Artistic-1\.0-Perl/, 'LICENSE: the same SPDX expression');
cmp_ok(length $license, '>', 20_000, 'LICENSE: the whole texts');

# ---- the POD tail of every module
my $tail;
for my $m (@modules) {
    my $pod = slurp($m);
    my @heads = $pod =~ /^=head1 (.*)$/mg;
    is_deeply([@heads[-3 .. -1]], ['AUTHORS', 'BUGS', 'COPYRIGHT AND LICENSE'], "$m: the POD ends with AUTHORS, BUGS, COPYRIGHT AND LICENSE");
    ok(!grep({ $_ eq 'LICENSE' } @heads), "$m: no other licence section");
    my ($this) = $pod =~ /^(=head1 AUTHORS\n.*?)^=cut\n\z/ms;
    $tail //= $this;
    is($this, $tail, "$m: the same wording as lib/Sys/Virt.pm");
}
like($tail, qr/^The Sys::Virt in Rust project, reached through its issue tracker/m, 'AUTHORS names the project and its contact');
like($tail, qr/version 2 or \(at your option\) any later\nversion, or the Artistic License 1\.0 that comes with Perl/,
     'the POD states the same licence');
done_testing();
