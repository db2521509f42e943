# A loop of calls holds steady memory: every libvirt object, string,
# typed-parameter array and Perl value made per call is freed.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(growth);

use File::Spec;
BEGIN { $ENV{SYSVIRT_TEST_HOOKS} = 1 }    # _test_panic, _test_string
use Sys::Virt;

plan skip_all => 'needs /proc/self/statm' unless -r '/proc/self/statm';

# growth($n, $code) (SysVirtTest): the resident memory a loop of calls
# adds, after a warm-up.

my $conn = Sys::Virt->new(uri => 'test:///default');
my @cases = (
    [ 'open and close a connection', 2000, sub { my $c = Sys::Virt->new(uri => 'test:///default') } ],
    [ 'string return', 50000, sub { my $u = $conn->get_uri } ],
    [ 'libvirt error raised', 20000, sub { eval { $conn->get_domain_by_name('no-such-domain') } } ],
    [ 'failed open', 2000, sub { eval { Sys::Virt->new(uri => 'nosuchdriver:///') } } ],
    [ 'non-object warning', 20000, sub { local $SIG{__WARN__} = sub { }; Sys::Virt::get_uri('x') } ],
    [ 'usage error', 20000, sub { eval { &Sys::Virt::get_uri() } } ],
    [ 'panic caught', 20000, sub { eval { Sys::Virt::_test_panic() } } ],
    [ 'tied argument dies', 20000, sub { tie my $t, 'SysVirtTest::DiesOnFetch', "no\n"; eval { Sys::Virt::_test_string($t) } } ],
);
my $dom = $conn->get_domain_by_name('test');
# A test-driver host that asks for credentials (alice / s3cret).
my $auth_uri = 'test://' . File::Spec->rel2abs('t/data/connect-node.xml');
sub answer {
    for my $cred (@{ $_[0] }) {
        $cred->{result} = $cred->{type} == Sys::Virt::CRED_AUTHNAME ? 'alice' : 's3cret';
    }
    return 0;
}
push @cases, (
    [ 'node info hash', 20000, sub { my $i = $conn->get_node_info } ],
    [ 'list of objects', 10000, sub { my @d = $conn->list_all_domains } ],
    [ 'capabilities XML', 5000, sub { my $x = $conn->get_capabilities } ],
    [ 'failed lookup', 20000, sub { eval { $conn->get_domain_by_name('nope') } } ],
    [ 'domain info hash', 20000, sub { my $i = $dom->get_info } ],
    [ 'typed parameters out', 20000, sub { my $p = $dom->get_scheduler_parameters } ],
    [ 'typed parameters in', 10000, sub { $dom->set_scheduler_parameters({ weight => 50 }) } ],
    # the current NUMA parameters, whose nodeset (a string) is left out;
    # libvirt then refuses the mode on a running domain
    [ 'typed parameters in, a string left out', 10000, sub {
        eval { $dom->set_numa_parameters({ numa_mode => 1 }) };
        die "expected ERR_CONFIG_UNSUPPORTED, got: $@"
            unless ref $@ && $@->code == Sys::Virt::Error::ERR_CONFIG_UNSUPPORTED;
    } ],
    [ 'list of hashes', 20000, sub { my @v = $dom->get_vcpu_info } ],
    # The test driver has domain statistics since libvirt 7.8.0
    # (hvsupport): before, the same call is libvirt's ERR_NO_SUPPORT, and
    # the error path is what is measured.
    (Sys::Virt::get_version() >= 7_008_000
     ? [ 'all domain stats', 5000, sub { my @s = $conn->get_all_domain_stats(0) } ]
     : [ 'all domain stats unsupported (libvirt < 7.8.0)', 5000, sub {
           eval { my @s = $conn->get_all_domain_stats(0) };
           die "expected ERR_NO_SUPPORT, got: $@" unless ref $@ && $@->code == Sys::Virt::Error::ERR_NO_SUPPORT;
       } ]),
    [ 'snapshot create+delete', 2000, sub { $dom->create_snapshot('<domainsnapshot/>')->delete } ],
    [ 'screenshot stream', 2000, sub {
        my $st = $conn->new_stream;
        $dom->screenshot($st, 0);
        my $data = '';
        $st->recv_all(sub { $data .= $_[1]; length $_[1] });
        $st->finish;
    } ],
    [ 'auth callback', 2000, sub {
        my $c = Sys::Virt->new(uri => $auth_uri, auth => 1,
                               credlist => [Sys::Virt::CRED_AUTHNAME, Sys::Virt::CRED_PASSPHRASE],
                               callback => \&answer);
    } ],
    [ 'auth callback dies', 2000, sub {
        eval { Sys::Virt->new(uri => $auth_uri, auth => 1,
                              credlist => [Sys::Virt::CRED_AUTHNAME, Sys::Virt::CRED_PASSPHRASE],
                              callback => sub { die "refused\n" }) };
    } ],
    # libvirt-qemu and -lxc (real guests: t/58-qemu-monitor.t)
    [ 'qemu monitor command refused', 20000, sub { eval { $dom->qemu_monitor_command('{}') } } ],
    [ 'descriptor list argument', 20000, sub { eval { $dom->qemu_monitor_command_with_files('{}', [0, 1, 2]) } } ],
    [ 'qemu monitor event registration refused', 10000, sub {
        eval { $conn->domain_qemu_monitor_event_register(undef, 'STOP', sub { }) } } ],
    [ 'security label hashes', 20000, sub {
        my $old = Sys::Virt::lxc_enter_security_label({ model => 'none', doi => '0' }, { label => '' }) } ],
);

# Events: the object an event callback gets is lent (t/42): not kept, it
# takes no reference; kept, it takes one, released with the object.
{
    require Sys::Virt::Event;
    Sys::Virt::Event::register_default();
    my $econn = Sys::Virt->new(uri => 'test:///default');
    my $edom = $econn->get_domain_by_name('test');
    my ($keep, $calls, $want, @kept) = (0, 0, 0);
    $econn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE, sub {
        $calls++;
        @kept = ($_[1]) if $keep;
    });
    my $events = sub {
        $edom->suspend;
        $edom->resume;
        $want += 2;
        for (1 .. 10) { last if $calls >= $want; Sys::Virt::Event::run_default() }
        die "lifecycle events: $calls, expected $want\n" if $calls != $want;
    };
    # a timer's callback gets its arguments handed over, with no object
    my $fired = 0;
    my $timer = Sys::Virt::Event::add_timeout(-1, sub { $fired++ });
    my $tick = sub {
        Sys::Virt::Event::update_timeout($timer, 0);
        my $want = $fired + 1;
        Sys::Virt::Event::run_default() while $fired < $want;
        Sys::Virt::Event::update_timeout($timer, -1);
    };
    push @cases, (
        [ 'timer callback', 20000, $tick ],
        [ 'lifecycle events, object not kept', 5000, sub { $keep = 0; $events->() } ],
        [ 'lifecycle events, object kept until the next', 5000, sub { $keep = 1; $events->() } ],
    );
}

for my $case (@cases) {
    my ($name, $n, $code) = @$case;
    my $grew = growth($n, $code);
    cmp_ok($grew, '<', 512, "$name x$n: memory steady (grew $grew KiB)");
}

done_testing();
