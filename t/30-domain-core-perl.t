# Sys::Virt::Domain part 1: the Perl-level methods of Domain.pm that only
# rearrange their arguments for XSUBs of other parts (migration, snapshots,
# checkpoints). Those XSUBs are replaced by recorders here, so what is
# checked is exactly the mapping each Perl method performs.
use strict;
use warnings;

use Test::More;
use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'Sys::Virt comes from blib');

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = Sys::Virt::Domain->_new(connection => $conn, name => 'test');

my $P_NAME = Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME;
my $P_URI = Sys::Virt::Domain::MIGRATE_PARAM_URI;
my $P_BW = Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH;
my $P_XML = Sys::Virt::Domain::MIGRATE_PARAM_DEST_XML;
is_deeply([$P_NAME, $P_URI, $P_BW, $P_XML], [qw(destination_name migrate_uri bandwidth destination_xml)],
          'migration parameter names');

my @calls;
no warnings qw(redefine once);

# ---- migrate / migrate2 -------------------------------------------------------
{
    local *Sys::Virt::Domain::_migrate = sub { push @calls, [@_]; return 'new-domain' };
    my $dest = bless {}, 'Sys::Virt';    # never dereferenced by the Perl code

    @calls = ();
    my $params = { $P_NAME => 'copy', $P_BW => 50 };
    is($dom->migrate($dest, $params, 3), 'new-domain', 'migrate returns what _migrate returns');
    is(scalar(@calls), 1, 'migrate calls _migrate once');
    is($calls[0][0], $dom, '... on the domain');
    is($calls[0][1], $dest, '... with the destination connection');
    is($calls[0][2], $params, '... passing the caller\'s hash itself');
    is($calls[0][3], 3, '... and the flags');

    @calls = ();
    $dom->migrate($dest, {});
    is_deeply([@{ $calls[0] }[2, 3]], [{}, 0], 'migrate with a hash and no flags: flags 0');

    @calls = ();
    $dom->migrate($dest, 8, 'newname', 'tcp://host', 100);
    is_deeply($calls[0][2], { $P_NAME => 'newname', $P_URI => 'tcp://host', $P_BW => 100 },
              'positional migrate: every parameter');
    is($calls[0][3], 8, 'positional migrate: flags');

    @calls = ();
    $dom->migrate($dest, 0, undef, 'tcp://host');
    is_deeply($calls[0][2], { $P_URI => 'tcp://host' }, 'positional migrate: undef values left out');

    @calls = ();
    $dom->migrate($dest);
    is_deeply([@{ $calls[0] }[2, 3]], [{}, 0], 'migrate with no optional arguments: flags 0');

    @calls = ();
    $dom->migrate2($dest, '<domain/>', 1, 'n', 'u', 7);
    is_deeply($calls[0][2], { $P_XML => '<domain/>', $P_NAME => 'n', $P_URI => 'u', $P_BW => 7 },
              'migrate2: every parameter');
    is($calls[0][3], 1, 'migrate2: flags');
    @calls = ();
    $dom->migrate2($dest, undef, 0);
    is_deeply($calls[0][2], {}, 'migrate2: undef values left out');
}

# ---- migrate_to_uri / migrate_to_uri2 --------------------------------------------
{
    local *Sys::Virt::Domain::_migrate_to_uri = sub { push @calls, [@_]; return };
    local *Sys::Virt::Domain::_migrate = sub { fail('_migrate must not be called') };

    @calls = ();
    my $params = { $P_BW => 1 };
    my @r = $dom->migrate_to_uri('qemu+ssh://h/system', $params, 2);
    is_deeply(\@r, [], 'migrate_to_uri returns what _migrate_to_uri returns');
    is_deeply($calls[0], [$dom, 'qemu+ssh://h/system', $params, 2], 'migrate_to_uri with a hash');

    @calls = ();
    $dom->migrate_to_uri('qemu+ssh://h/system', 4, 'other', 'tcp://x', 9);
    is_deeply($calls[0], [$dom, 'qemu+ssh://h/system', { $P_NAME => 'other', $P_URI => 'tcp://x', $P_BW => 9 }, 4],
              'positional migrate_to_uri');

    @calls = ();
    # Documented order: ($dconnuri, $miguri, $dxml, $flags, $dname, $bandwidth).
    $dom->migrate_to_uri2('qemu+ssh://h/system', 'tcp://y', '<d/>', 16, undef, undef);
    is_deeply($calls[0], [$dom, 'qemu+ssh://h/system', { $P_XML => '<d/>', $P_URI => 'tcp://y' }, 16],
              'migrate_to_uri2 goes through _migrate_to_uri');

    @calls = ();
    $dom->migrate_to_uri('qemu+ssh://h/system', 4, 'other', 9);
    is_deeply($calls[0], [$dom, 'qemu+ssh://h/system', { $P_NAME => 'other', $P_BW => 9 }, 4],
              'documented positional migrate_to_uri($desturi, $flags, $dname, $bandwidth)');
}

# ---- snapshots ------------------------------------------------------------------
{
    local *Sys::Virt::DomainSnapshot::_new = sub {
        my ($class, %p) = @_;
        push @calls, [$class, {%p}];
        die "vanished\n" if defined $p{name} && $p{name} eq 'gone';
        return bless { %p }, 'Sys::Virt::DomainSnapshot';
    };
    local *Sys::Virt::Domain::num_of_snapshots = sub { is($_[0], $dom, 'num_of_snapshots on the domain'); 3 };
    local *Sys::Virt::Domain::list_snapshot_names = sub {
        is($_[1], 3, 'list_snapshot_names gets the count');
        return qw(s1 gone s2);
    };

    @calls = ();
    my @snaps = $dom->list_snapshots;
    is(scalar(@snaps), 2, 'list_snapshots skips a snapshot that vanished');
    is_deeply([map { $_->{name} } @snaps], [qw(s1 s2)], 'list_snapshots names, in order');
    is($snaps[0]{domain}, $dom, 'snapshots belong to the domain');
    is(scalar(@calls), 3, 'one lookup per name');
    is($@, '', 'the vanished snapshot does not leave an error behind');

    @calls = ();
    my $s = $dom->get_snapshot_by_name('s1');
    is_deeply(\@calls, [['Sys::Virt::DomainSnapshot', {domain => $dom, name => 's1'}]],
              'get_snapshot_by_name');
    is($s->{name}, 's1', 'get_snapshot_by_name returns the snapshot');

    @calls = ();
    $s = $dom->create_snapshot('<domainsnapshot/>', 5);
    is_deeply(\@calls, [['Sys::Virt::DomainSnapshot', {domain => $dom, xml => '<domainsnapshot/>', flags => 5}]],
              'create_snapshot');
    is($s->{xml}, '<domainsnapshot/>', 'create_snapshot returns the snapshot');
    @calls = ();
    $dom->create_snapshot('<domainsnapshot/>');
    is_deeply(\@calls, [['Sys::Virt::DomainSnapshot', {domain => $dom, xml => '<domainsnapshot/>', flags => undef}]],
              'create_snapshot without flags');

    eval { $dom->get_snapshot_by_name('gone') };
    is($@, "vanished\n", 'get_snapshot_by_name lets lookup errors through');
}

# ---- checkpoints -------------------------------------------------------------------
{
    local *Sys::Virt::DomainCheckpoint::_new = sub {
        my ($class, %p) = @_;
        push @calls, [$class, {%p}];
        return bless { %p }, 'Sys::Virt::DomainCheckpoint';
    };
    @calls = ();
    my $c = $dom->get_checkpoint_by_name('cp1');
    is_deeply(\@calls, [['Sys::Virt::DomainCheckpoint', {domain => $dom, name => 'cp1'}]],
              'get_checkpoint_by_name');
    isa_ok($c, 'Sys::Virt::DomainCheckpoint');
    @calls = ();
    $dom->create_checkpoint('<domaincheckpoint/>', 1);
    is_deeply(\@calls, [['Sys::Virt::DomainCheckpoint', {domain => $dom, xml => '<domaincheckpoint/>', flags => 1}]],
              'create_checkpoint');
}

done_testing();
