# The LXC API of libvirt-lxc.so.0 on a real container of libvirt's LXC
# driver, in a private libvirtd of the test's own (.ci/lxc-daemon, which
# says why the daemon's view of the cgroups differs from the host's):
# lxc_open_namespace returns descriptors of the container's namespaces;
# in child processes (never in the test process), lxc_enter_namespace
# moves the child into them (the container's host name, its /proc, whose
# PID 1 is the container's init) and returns descriptors of the child's
# old namespaces, which take it back; lxc_enter_cgroup moves a child into
# the container's cgroups; lxc_enter_security_label takes the container's
# model and label. Errors: a container that is not running, the QEMU
# monitor methods on an LXC domain. In CI (SYSVIRT_TEST_REQUIRE_QEMU) a
# daemon that cannot start is a BAIL_OUT, never a skip.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use File::Temp ();
use POSIX ();

use Sys::Virt;
use SysVirtTest qw(error_of virt_error_is in_child lxc_daemon lxc_daemon_stop lxc_shell_xml);
use SysVirtQemu qw(poll_until);

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $dir = File::Temp::tempdir('sysvirt-lxc-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $started;
END {
    if ($started) {
        my $rc = $?;
        lxc_daemon_stop($dir);
        $? = $rc;
    }
}
my ($uri, $pid) = lxc_daemon($dir);
if (!$uri) {
    BAIL_OUT($@) if $ENV{SYSVIRT_TEST_REQUIRE_QEMU};
    plan(skip_all => $@);
}
$started = 1;
like($pid, qr/^\d+$/, "private libvirtd with the LXC driver (PID $pid)");

my $conn = Sys::Virt->new(uri => $uri);
is($conn->get_type, 'LXC', 'the LXC driver');

my $name = "sv59-$$";
my $xml = lxc_shell_xml($name);

# ---- a container that is not running
my $def = $conn->define_domain($xml);
virt_error_is(error_of { $def->lxc_open_namespace }, Sys::Virt::Error::ERR_OPERATION_INVALID(),
              Sys::Virt::Error::FROM_DOMAIN(), 'Requested operation is not valid: domain is not running',
              'lxc_open_namespace on a defined container that is not running');
$def->undefine;

my $dom = $conn->create_domain($xml);
# libvirt knows the container's init a moment after create returns
# ("Init pid is not yet available")
my @fds;
ok(poll_until(30, sub { @fds = eval { $dom->lxc_open_namespace }; scalar @fds }), 'lxc_open_namespace: descriptors')
    or diag explain $@;
my %ns = map { (readlink("/proc/self/fd/$_") // '') =~ /^(\w+):\[\d+\]$/ ? ($1 => $_) : ('?' => $_) } @fds;
is_deeply([sort keys %ns], [sort qw(ipc mnt net pid uts user)], 'one descriptor per namespace kind: ' . join(' ', sort keys %ns));
for my $kind (qw(ipc mnt pid uts)) {
    isnt(readlink("/proc/self/fd/$ns{$kind}"), readlink("/proc/self/ns/$kind"),
         "$kind: the container's own namespace, not the test's");
}

# The container's init: the process whose environment names the container.
my $init;
for my $p (glob '/proc/[0-9]*') {
    open(my $fh, '<', "$p/environ") or next;
    local $/;
    my $env = <$fh> // '';
    ($init) = $p =~ m{(\d+)$} if $env =~ /(?:^|\0)LIBVIRT_LXC_NAME=\Q$name\E(?:\0|$)/;
}
ok($init, "the container's init is PID $init");
is(readlink("/proc/self/fd/$ns{$_}"), readlink("/proc/$init/ns/$_"), "$_: the namespace of the container's init")
    for qw(ipc mnt pid uts);

my $host = (POSIX::uname())[1];
my $mnt = readlink('/proc/self/ns/mnt');
my @out = in_child {
    my @old = $dom->lxc_enter_namespace(\@fds);
    my @r = ('old ' . scalar(@old), 'uname ' . (POSIX::uname())[1]);
    open(my $fh, '<', '/proc/1/environ') or return (@r, "no /proc/1/environ: $!");
    local $/;
    my $env = <$fh>;
    push @r, 'init ' . ($env =~ /(?:^|\0)LIBVIRT_LXC_NAME=([^\0]*)/ ? $1 : '?');
    # back through the old namespaces' descriptors; libvirt finds none of
    # the namespaces the child is in now (it reads /proc/<pid>/ns, and the
    # container's /proc does not show the child, which is outside its PID
    # namespace)
    my @again = $dom->lxc_enter_namespace(\@old, 0);
    push @r, 'again ' . scalar(@again), 'uname ' . (POSIX::uname())[1], 'mnt ' . readlink('/proc/self/ns/mnt');
    POSIX::close($_) for @old, @again;
    return @r;
};
is_deeply(\@out, ['old ' . scalar(@fds), "uname $name", "init $name", 'again 0', "uname $host", "mnt $mnt"],
          'a child entered the namespaces (host name, /proc of the container) and went back through the old descriptors');
is((POSIX::uname())[1], $host, 'the test process itself is where it was');

@out = in_child {
    $dom->lxc_enter_namespace([$fds[0], 999_999]);
};
is_deeply(\@out, ['died: ' . join('|', Sys::Virt::Error::ERR_SYSTEM_ERROR(), Sys::Virt::Error::FROM_NONE(),
                                   'Unable to join domain namespace: Bad file descriptor')],
          'lxc_enter_namespace with a descriptor that is not open: ERR_SYSTEM_ERROR');

# cgroups: the child goes into the container's
my %init_cg = map { /^\d+:([^:]*):(.*)$/ ? ($1 => $2) : () } split /\n/, SysVirtQemu::slurp("/proc/$init/cgroup");
like($init_cg{memory} // '', qr/\Q$name\E/, "the container's memory cgroup: $init_cg{memory}");
@out = in_child {
    $dom->lxc_enter_cgroup;
    open(my $fh, '<', '/proc/self/cgroup') or die "/proc/self/cgroup: $!";
    return map { /^\d+:([^:]*):(.*)$/ ? "$1 $2" : () } <$fh>;
};
my %child_cg = map { split / /, $_, 2 } @out;
is($child_cg{$_}, $init_cg{$_}, "lxc_enter_cgroup: the child is in the container's $_ cgroup") for qw(memory freezer cpu);
my %self_cg = map { /^\d+:([^:]*):(.*)$/ ? ($1 => $2) : () } split /\n/, SysVirtQemu::slurp('/proc/self/cgroup');
isnt($self_cg{memory}, $init_cg{memory}, 'the test process is not');

# security label: the driver's model and the container's label
my $model = $conn->get_node_security_model;
my $label = $dom->get_security_label;
is_deeply($model, { model => 'none', doi => '0' }, 'the daemon runs without a security driver');
@out = in_child {
    $dom->lxc_enter_namespace(\@fds);
    my $old = Sys::Virt::lxc_enter_security_label($model, $label);
    return map { "$_=$old->{$_}" } sort keys %$old;
};
is_deeply(\@out, ['enforcing=0', 'label='], "lxc_enter_security_label with the container's model and label");

# ---- the QEMU methods on an LXC container: the LXC driver has none
virt_error_is(error_of { $dom->qemu_monitor_command('{"execute":"query-status"}') },
              Sys::Virt::Error::ERR_NO_SUPPORT(), Sys::Virt::Error::FROM_NONE(),
              'this function is not supported by the connection driver: virDomainQemuMonitorCommand',
              'qemu_monitor_command on an LXC container');
virt_error_is(error_of { $dom->qemu_agent_command('{}') },
              Sys::Virt::Error::ERR_NO_SUPPORT(), Sys::Virt::Error::FROM_NONE(),
              'this function is not supported by the connection driver: virDomainQemuAgentCommand',
              'qemu_agent_command on an LXC container');

POSIX::close($_) for @fds;
$dom->destroy;
ok(!grep({ $_->get_name eq $name } $conn->list_domains), 'container destroyed');

done_testing();
