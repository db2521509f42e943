# No crash, ever: every XS sub of every class is called with its object
# argument right and each other argument replaced by a value of the wrong
# kind (undef, a string, a negative or huge number, references of every
# kind, an object of another class, a tied scalar that dies), and with a
# wrong object in place of its invocant. Each call may die or warn; the
# process must survive. Runs in a child per package so a crash is caught
# and reported with the package's name (and calls that change the test
# driver's state affect only that child).
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest ();
use File::Spec;
use File::Temp ();
use POSIX ();
use Sys::Virt;
use Sys::Virt::Event;
use Sys::Virt::Admin;
use SysVirtDaemon ();

# The admin classes' objects come from the admin socket of a private
# libvirtd (which the sweep may reconfigure at will); libvirt's default
# admin URI is pointed at it, so that no call reaches another daemon.
my ($daemon_uri) = SysVirtDaemon::start_private(22600 + $$ % 500);
my $admin_uri = SysVirtDaemon::admin_uri($daemon_uri);
$ENV{LIBVIRT_ADMIN_DEFAULT_URI} = $admin_uri;
# Argument 0 of a method is an object of the class its manifest row
# declares (data/classes.tsv), whatever its usage name.
my %package_of = SysVirtTest::package_of_type();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $sigs = 'data/methods.tsv';
open my $fh, '<', $sigs or die "$sigs: $!";
my %subs;
while (<$fh>) {
    next if /^#/ || !/\S/;
    chomp;
    my ($pkg, $name, $proto, $usage, $invocant) = split /\t/, $_, -1;
    next if $name =~ /^(DESTROY|_test_\w+)$/;
    # global or blocking effects, exercised by their own tests
    next if $pkg eq 'Sys::Virt::Event' && $name =~ /^(run_default|register_default|_register_impl)$/;
    push @{ $subs{$pkg} }, [$name, $proto, $usage, $package_of{$invocant}];
}
close $fh;

use Cwd ();
my $cwd = Cwd::getcwd();
for my $pkg (sort keys %subs) {
    my $list = $subs{$pkg};
    my $out = File::Temp->new;
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        # calls that write files (save, core_dump...) get garbage paths:
        # let them write in a scratch directory
        my $scratch = File::Temp->newdir;
        chdir $scratch or die "chdir: $!";
        open STDOUT, '>', $out->filename or die;
        open STDERR, ">", File::Spec->devnull unless $ENV{SWEEP_DEBUG};
        my $ok = run_package($pkg, $list);
        # back where the test runs: END blocks (t/lib's) find their files
        chdir $cwd or die "chdir $cwd: $!";
        exit($ok ? 0 : 3);
    }
    # a call stuck inside C cannot be interrupted by a Perl alarm: give
    # each package two minutes, then kill it and report the hang
    my $deadline = time + 120;
    while (waitpid($pid, POSIX::WNOHANG()) == 0) {
        if (time > $deadline) { kill 'KILL', $pid; waitpid $pid, 0; last }
        select undef, undef, undef, 0.05;
    }
    my $status = $?;
    my $done = do { local @ARGV = ($out->filename); local $/; <> } // '';
    is($status & 127, 0, "$pkg: no signal (crash or hang) in " . scalar(@$list) . " subs")
        or diag "last call started: " . ((split /\n/, $done)[-1] // 'none');
    my $calls = () = $done =~ /\n/g;
    is($status >> 8, 0, "$pkg: all $calls calls returned or died cleanly");
}
done_testing();

sub run_package {
    my ($pkg, $list) = @_;
    $| = 1;
    local $SIG{__WARN__} = sub { };
    local $SIG{ALRM} = sub { die "timeout\n" };
    # the in-process test driver: each child has its own copy of its state
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my %obj = (
        con => $conn, conn => $conn, conref => $conn,
        dom => ($conn->list_all_domains)[0],
        net => ($conn->list_all_networks)[0],
        pool => ($conn->list_all_storage_pools)[0],
        iface => ($conn->list_all_interfaces)[0],
        st => $conn->new_stream,
    );
    $obj{$_} = $obj{dom} for qw(dom_rv domref);
    $obj{vol} = eval {
        $obj{pool}->create_volume("<volume><name>sweep.img</name><capacity>1048576</capacity></volume>")
    };
    $obj{dev} = $obj{nodedev} = ($conn->list_all_node_devices)[0];
    $obj{domss} = eval { $obj{dom}->create_snapshot('<domainsnapshot><name>sweep</name></domainsnapshot>') };
    $obj{stref} = $obj{st};
    # objects by class, for argument 0
    my %of_class = (
        'Sys::Virt' => $conn, 'Sys::Virt::Domain' => $obj{dom}, 'Sys::Virt::Network' => $obj{net},
        'Sys::Virt::StoragePool' => $obj{pool}, 'Sys::Virt::StorageVol' => $obj{vol},
        'Sys::Virt::Interface' => $obj{iface}, 'Sys::Virt::NodeDevice' => $obj{dev},
        'Sys::Virt::DomainSnapshot' => $obj{domss}, 'Sys::Virt::Stream' => $obj{st},
    );
    if ($pkg =~ /^Sys::Virt::Admin/) {
        my $adm = Sys::Virt::Admin->new(uri => $admin_uri);
        my $srv = $adm->get_server_by_name('admin');
        @of_class{qw(Sys::Virt::Admin Sys::Virt::Admin::Server Sys::Virt::Admin::Client)} =
            ($adm, $srv, ($srv->list_clients)[0]);
    }
    tie my $dies, 'SysVirtTest::DiesOnFetch', "tied value refused\n";
    my @weird = (undef, '', 'garbage', -1, 2**63, 1.5, [], [undef, 'x'], {}, { x => [] },
                 sub { die "called\n" }, \'scalar', $obj{st}, $conn, 'TIED');
    for my $s (@$list) {
        my ($name, $proto, $usage, $class) = @$s;
        my @names = map { (split /=/)[0] } split /, /, $usage;
        my $min = defined $proto && $proto ne '-' ? length((split /;/, $proto)[0] // '') : 0;
        my $max = defined $proto ? length($proto =~ s/;//r) : 4;
        $max = $min + 2 if $proto =~ /[\@%]/;
        no strict 'refs';
        my $cv = \&{"${pkg}::$name"};
        my @base = map { $obj{ $names[$_] // '' } // 1 } 0 .. $max - 1;
        $base[0] = $of_class{$class} if $class && $of_class{$class} && $max > 0;
        for my $n (grep { $_ >= $min } $min .. $max) {
            for my $pos (0 .. $n - 1) {
                for my $w (@weird) {
                    my @args = @base[0 .. $n - 1];
                    print "$pkg\::$name arg $pos of $n\n";
                    alarm 5;
                    if (defined $w && $w eq 'TIED') {
                        # passed as the tied variable itself (arguments alias)
                        eval { $cv->(@args[0 .. $pos - 1], $dies, @args[$pos + 1 .. $n - 1]) };
                    } else {
                        $args[$pos] = $w;
                        eval { $cv->(@args) };
                    }
                    alarm 0;
                }
            }
        }
    }
    return 1;
}
