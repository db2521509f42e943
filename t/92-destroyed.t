# No NULL handle ever reaches libvirt: after DESTROY, every XS method of
# every class raises that class's ERR_INVALID_* Sys::Virt::Error (libvirt
# itself does not check for NULL everywhere: get_launch_security_info
# crashed inside libvirt), and so does an object of another class or a
# forged one as invocant. Objects of every class the test driver can make;
# nwfilters, their bindings and network ports need the real drivers of a
# libvirtd: t/5x-qemu-* check those.
use strict;
use warnings;
use Test::More;
use Sys::Virt;
use Sys::Virt::Error;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

# Each class: its invalid-object error (code, domain, message prefix), as
# libvirt's own check reports it, and how to make a fresh object of it.
my $conn = Sys::Virt->new(uri => 'test:///default');
my $pool = $conn->get_storage_pool_by_name('default-pool');
# libvirt's real secret driver, embedded in this process
use lib 't/lib';
use SysVirtTest ();
use Sys::Virt::Event;
Sys::Virt::Event::register_default();
# (on a libvirt.so.0 other than the installed one's it cannot load: then
# $no_secrets says why, and secrets are left out)
my ($secrets, $no_secrets) = SysVirtTest::embedded_secrets();
my $n = 0;
my %class = (
    'Sys::Virt' => [Sys::Virt::Error::ERR_INVALID_CONN, Sys::Virt::Error::FROM_DOMAIN,
        'invalid connection pointer in ', sub { Sys::Virt->new(uri => 'test:///default') }],
    'Sys::Virt::Domain' => [Sys::Virt::Error::ERR_INVALID_DOMAIN, Sys::Virt::Error::FROM_DOM,
        'invalid domain pointer in ', sub { $conn->get_domain_by_name('test') }],
    'Sys::Virt::DomainSnapshot' => [Sys::Virt::Error::ERR_INVALID_DOMAIN_SNAPSHOT,
        Sys::Virt::Error::FROM_DOMAIN_SNAPSHOT, 'Invalid domain snapshot: ', sub {
            $conn->get_domain_by_name('test')->create_snapshot(
                '<domainsnapshot><name>gone' . $n++ . '</name></domainsnapshot>')
        }],
    'Sys::Virt::DomainCheckpoint' => [Sys::Virt::Error::ERR_INVALID_DOMAIN_CHECKPOINT,
        Sys::Virt::Error::FROM_DOMAIN_CHECKPOINT, 'Invalid domain checkpoint: ', sub {
            # deleted at once: a checkpoint would forbid the snapshots above
            my $dom = $conn->get_domain_by_name('test');
            my $cp = $dom->create_checkpoint('<domaincheckpoint><name>gone' . $n++
                . '</name></domaincheckpoint>');
            $dom->get_checkpoint_by_name($cp->get_name)->delete;
            $cp
        }],
    'Sys::Virt::Network' => [Sys::Virt::Error::ERR_INVALID_NETWORK, Sys::Virt::Error::FROM_NETWORK,
        'invalid network pointer in ', sub { $conn->get_network_by_name('default') }],
    'Sys::Virt::StoragePool' => [Sys::Virt::Error::ERR_INVALID_STORAGE_POOL, Sys::Virt::Error::FROM_STORAGE,
        'invalid storage pool pointer in ', sub { $conn->get_storage_pool_by_name('default-pool') }],
    'Sys::Virt::StorageVol' => [Sys::Virt::Error::ERR_INVALID_STORAGE_VOL, Sys::Virt::Error::FROM_STORAGE,
        'invalid storage volume pointer in ', sub {
            $pool->create_volume('<volume><name>gone' . $n++
                . '.img</name><capacity>1024</capacity></volume>')
        }],
    'Sys::Virt::NodeDevice' => [Sys::Virt::Error::ERR_INVALID_NODE_DEVICE, Sys::Virt::Error::FROM_NODEDEV,
        'invalid node device pointer in ', sub { ($conn->list_all_node_devices)[0] }],
    'Sys::Virt::Interface' => [Sys::Virt::Error::ERR_INVALID_INTERFACE, Sys::Virt::Error::FROM_INTERFACE,
        'invalid interface pointer in ', sub { ($conn->list_all_interfaces)[0] }],
    'Sys::Virt::Secret' => [Sys::Virt::Error::ERR_INVALID_SECRET, Sys::Virt::Error::FROM_SECRET,
        'Invalid secret: ', sub {
            $secrets->define_secret("<secret ephemeral='no' private='no'><usage type='volume'>"
                . '<volume>/gone' . $n++ . '</volume></usage></secret>')
        }],
    'Sys::Virt::Stream' => [Sys::Virt::Error::ERR_INVALID_STREAM, Sys::Virt::Error::FROM_STREAMS,
        'invalid stream pointer in ', sub { $conn->new_stream }],
);

# The admin classes, on the admin socket of a private libvirtd. (libvirt
# reports the same invalid-connection error for its three types.)
use SysVirtDaemon ();
use Sys::Virt::Admin;
my ($daemon_uri) = SysVirtDaemon::start_private(21400 + $$ % 500);
my $admin_uri = SysVirtDaemon::admin_uri($daemon_uri);
my $adm = Sys::Virt::Admin->new(uri => $admin_uri);
my $admin_server = $adm->get_server_by_name('admin');
my @admin_invalid = (Sys::Virt::Error::ERR_INVALID_CONN, Sys::Virt::Error::FROM_ADMIN,
    'invalid connection pointer in ');
$class{'Sys::Virt::Admin'} = [@admin_invalid, sub { Sys::Virt::Admin->new(uri => $admin_uri) }];
$class{'Sys::Virt::Admin::Server'} = [@admin_invalid, sub { $adm->get_server_by_name('libvirtd') }];
# (a client of the admin server: this test's own admin connection)
$class{'Sys::Virt::Admin::Client'} = [@admin_invalid, sub { ($admin_server->list_clients)[0] }];
my %package_of = SysVirtTest::package_of_type();

if ($no_secrets) {
    delete $class{'Sys::Virt::Secret'};
    SKIP: { skip "no Sys::Virt::Secret object: $no_secrets", 1 }
}

# Every XS sub whose invocant is an object, from the method manifest
# (its invocant column names the libvirt type of argument 0, whose class
# data/classes.tsv declares).
my %subs;
open my $fh, '<', 'data/methods.tsv' or die "data/methods.tsv: $!";
while (<$fh>) {
    next if /^#/ || !/\S/;
    chomp;
    my ($pkg, $name, $proto, $usage, $invocant, undef, undef, $pod_args) = split /\t/, $_, -1;
    next if $name eq 'DESTROY' || $name =~ /^_test_/ || !$class{$pkg};
    # only subs whose first argument is an object of the package itself
    # (internals like _lookup_by_volume take a parent or a sibling)
    next unless ($package_of{$invocant} // '') eq $pkg;
    my @rest = split /, /, $usage;
    shift @rest;
    # (the invocant as the POD names it, for the wrong-class message)
    push @{ $subs{$pkg} }, [$name, scalar @rest, (split /, /, $pod_args)[0]];
}
close $fh;

is_deeply([sort keys %subs], [sort keys %class], 'every class with objects has methods to call');
my $calls = 0;
for my $pkg (sort keys %subs) {
    my ($code, $domain, $prefix, $make) = @{ $class{$pkg} };
    my $obj = $make->() or die "cannot make a $pkg";
    $obj->DESTROY;
    for my $s (@{ $subs{$pkg} }) {
        my ($name, $nargs) = @$s;
        no strict 'refs';
        my @r = eval { &{"${pkg}::$name"}($obj, (0) x $nargs) };
        my $e = $@;
        my $what = "${pkg}::$name after DESTROY";
        if (!ref $e || !$e->isa('Sys::Virt::Error')) {
            fail("$what raises a Sys::Virt::Error");
            diag("got: " . (defined $e ? $e : 'undef'));
            next;
        }
        $calls++;
        # (on every libvirt: a late-bound function is looked up only once
        # the object was checked)
        is(join(' ', $e->code, $e->domain, $e->message), "$code $domain $prefix${pkg}::$name",
           "$what: the class's invalid-object error");
        is(scalar @r, 0, "$what: nothing returned");
    }
    $obj->DESTROY;
}
cmp_ok($calls, '>', 320, "every method of every class was called on a destroyed object");

# An object of another class, or a forged one (a pointer this process
# never got from libvirt), raises the same invalid-object error as the
# class's destroyed object, with a message naming the invocant as the POD
# does; neither pointer reaches libvirt (the original crashed on a forged one).
my $wrong_calls = 0;
for my $pkg (sort keys %subs) {
    my $other = $pkg eq 'Sys::Virt' ? $conn->get_domain_by_name('test')
        : $pkg eq 'Sys::Virt::Admin::Server' ? $adm : $conn;
    my $forged = bless \(my $p = 0x1000), $pkg;
    for my $s (@{ $subs{$pkg} }) {
        my ($name, $nargs, $self) = @$s;
        no strict 'refs';
        for my $bad (['an object of another class', $other], ['a forged object', $forged]) {
            my @r;
            my $e = SysVirtTest::error_of { @r = &{"${pkg}::$name"}($bad->[1], (0) x $nargs) };
            SysVirtTest::wrong_class_is($e, $pkg, "${pkg}::$name", $self, "${pkg}::$name on $bad->[0]");
            is(scalar @r, 0, "${pkg}::$name on $bad->[0]: nothing returned");
            $wrong_calls++;
        }
    }
}
cmp_ok($wrong_calls, '>', 600, "every method of every class was called with a wrong-class and a forged invocant");

# The call that crashed inside libvirt.
my $dom = $conn->get_domain_by_name('test');
$dom->DESTROY;
eval { $dom->get_launch_security_info };
is(ref $@ && $@->code, Sys::Virt::Error::ERR_INVALID_DOMAIN, 'get_launch_security_info after DESTROY');

done_testing();
