# -*- perl -*-
# Sys::Virt::Domain guest-agent calls and miscellany: file systems,
# guest vCPUs/info, interface addresses, users and keys, signals,
# security labels, messages, lifecycle actions, graphics, fd association.
use strict;
use warnings;
use File::Spec;
use Socket;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is die_is too_new_is);

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $xml = File::Spec->rel2abs('t/data/dres-host.xml');
my $conn = Sys::Virt->new(uri => "test://$xml");
my $run = $conn->get_domain_by_name('dres-run');
my $off = $conn->get_domain_by_name('dres-off');
my $def = Sys::Virt->new(uri => 'test:///default');
my $test = $def->get_domain_by_name('test');

# The test driver runs inside the client library, so what it implements is
# the running libvirt's (versions from src/test/test_driver.c's driver table).
my $LIB = $conn->get_library_version;

use constant {
    INVALID_ARG => Sys::Virt::Error::ERR_INVALID_ARG,
    OP_INVALID => Sys::Virt::Error::ERR_OPERATION_INVALID,
    NO_SUPPORT => Sys::Virt::Error::ERR_NO_SUPPORT,
    FROM_TEST => Sys::Virt::Error::FROM_TEST,
    FROM_DOMAIN => Sys::Virt::Error::FROM_DOMAIN,
};

# ------------------------------------------------------------ file systems
my @fs = $run->get_fs_info;
is_deeply(\@fs, [
    { name => 'vdb1', mountpoint => '/', fstype => 'ext4', devalias => ['vdb'] },
    { name => 'vdb2', mountpoint => '/boot', fstype => 'ext4', devalias => ['vdb'] },
], 'get_fs_info');
is_deeply([$test->get_fs_info], [
    { name => 'vda1', mountpoint => '/', fstype => 'ext4', devalias => ['vda'] },
    { name => 'vda2', mountpoint => '/boot', fstype => 'ext4', devalias => ['vda'] },
], 'get_fs_info (test:///default)');
virt_error_is(error_of { $off->get_fs_info }, OP_INVALID, FROM_DOMAIN, undef, 'get_fs_info on a shut-off domain');

is_deeply([$run->fs_freeze([])], [], 'fs_freeze: every file system');
is_deeply([$run->fs_thaw([])], [], 'fs_thaw: every file system');
is_deeply([$run->fs_freeze(['/', '/boot'])], [], 'fs_freeze: listed mount points');
is_deeply([$run->fs_thaw(['/boot'])], [], 'fs_thaw: listed mount points');
virt_error_is(error_of { $run->fs_freeze(['/', '/nope']) }, OP_INVALID, FROM_TEST, undef,
              'fs_freeze: unknown mount point');
virt_error_is(error_of { $run->fs_thaw(['/nope']) }, OP_INVALID, FROM_TEST, undef, 'fs_thaw: unknown mount point');
virt_error_is(error_of { $off->fs_freeze([]) }, OP_INVALID, FROM_DOMAIN, undef, 'fs_freeze on a shut-off domain');
for my $bad ('/', { '/' => 1 }, undef, \'/') {
    my $what = defined $bad ? (ref $bad || 'string') : 'undef';
    die_is(error_of { $run->fs_freeze($bad) },
           'Sys::Virt::Domain::fs_freeze: \@mount_points must be an array reference', "fs_freeze: $what");
    die_is(error_of { $run->fs_thaw($bad) },
           'Sys::Virt::Domain::fs_thaw: \@mount_points must be an array reference', "fs_thaw: $what");
}
{
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, @_ };
    my @holes;
    $holes[1] = '/';
    virt_error_is(error_of { $run->fs_freeze(\@holes) }, OP_INVALID, FROM_TEST, undef,
                  'fs_freeze: a hole reads as undef, so ""');
    like($warnings[0] // '', qr/^Use of uninitialized value in subroutine entry/, "... with Perl's warning");
}

is_deeply([$run->fs_trim('/', 1024)], [], 'fs_trim of a mount point');
# The original passed "" for undef, so it could not trim every file system.
is_deeply([$run->fs_trim(undef, 0)], [], 'fs_trim: undef trims every file system');
virt_error_is(error_of { $run->fs_trim('/nope', 0) }, OP_INVALID, FROM_TEST, undef, 'fs_trim: unknown mount point');

# ------------------------------------------------------ guest information
virt_error_is(error_of { $run->get_guest_vcpus }, NO_SUPPORT, FROM_DOMAIN, undef, 'get_guest_vcpus unsupported');
virt_error_is(error_of { $run->set_guest_vcpus('0-1', 1) }, NO_SUPPORT, FROM_DOMAIN, undef,
              'set_guest_vcpus unsupported');
virt_error_is(error_of { $run->get_guest_info }, NO_SUPPORT, FROM_DOMAIN, undef, 'get_guest_info unsupported');
virt_error_is(error_of { $run->get_guest_info(Sys::Virt::Domain::GUEST_INFO_USERS, 0) }, NO_SUPPORT, FROM_DOMAIN, undef,
              'get_guest_info with types');

my @ifaces = $test->get_interface_addresses(Sys::Virt::Domain::INTERFACE_ADDRESSES_SRC_LEASE);
is_deeply(\@ifaces, [{
    name => 'testnet0',
    hwaddr => 'aa:bb:cc:dd:ee:ff',
    addrs => [{ type => Sys::Virt::IP_ADDR_TYPE_IPV4, addr => '192.168.122.3', prefix => 24 }],
}], 'get_interface_addresses');
is_deeply([$test->get_interface_addresses(Sys::Virt::Domain::INTERFACE_ADDRESSES_SRC_AGENT)], \@ifaces,
          'get_interface_addresses from the agent');
virt_error_is(error_of { $test->get_interface_addresses(9) }, Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, FROM_TEST, undef,
              'get_interface_addresses: unknown source');
virt_error_is(error_of { $off->get_interface_addresses(0) }, OP_INVALID, FROM_DOMAIN, undef,
              'get_interface_addresses on a shut-off domain');

# ------------------------------------------------------ users and signals
is_deeply([$run->set_user_password('root', 'secret')], [], 'set_user_password');
virt_error_is(error_of { $off->set_user_password('root', 'secret', 0) }, OP_INVALID, FROM_DOMAIN, undef,
              'set_user_password on a shut-off domain');
virt_error_is(error_of { $run->authorized_ssh_keys_get('root') }, NO_SUPPORT, FROM_DOMAIN, undef,
              'authorized_ssh_keys_get unsupported');
virt_error_is(error_of { $run->authorized_ssh_keys_set('root', ['ssh-ed25519 AAAA x'], 0) }, NO_SUPPORT, FROM_DOMAIN, undef,
              'authorized_ssh_keys_set unsupported');
virt_error_is(error_of { $run->authorized_ssh_keys_set('root', [], Sys::Virt::Domain::AUTHORIZED_SSH_KEYS_SET_REMOVE) },
              INVALID_ARG, FROM_DOMAIN, undef, 'authorized_ssh_keys_set with no keys: libvirt wants some');
die_is(error_of { $run->authorized_ssh_keys_set('root', 'ssh-rsa AAAA') },
       'Sys::Virt::Domain::authorized_ssh_keys_set: \@keys must be an array reference',
       'authorized_ssh_keys_set: not an array');

is_deeply([$run->send_process_signal(1, Sys::Virt::Domain::PROCESS_SIGNAL_TERM)], [], 'send_process_signal');
virt_error_is(error_of { $run->send_process_signal(-1, 9) }, INVALID_ARG, FROM_TEST, undef,
              'send_process_signal: negative pid');
virt_error_is(error_of { $run->send_process_signal(1, 999) }, INVALID_ARG, FROM_TEST, undef,
              'send_process_signal: bad signal');
virt_error_is(error_of { $run->set_agent_response_timeout(Sys::Virt::Domain::AGENT_RESPONSE_TIMEOUT_BLOCK) },
              NO_SUPPORT, FROM_DOMAIN, undef, 'set_agent_response_timeout unsupported');

# --------------------------------------------------------- security labels
if ($LIB >= 7_005_000) {    # testDomainGetSecurityLabel: libvirt 7.5.0
    is_deeply([$run->get_security_label], [{ label => 'libvirt-test', enforcing => 1 }], 'get_security_label');
    is_deeply($off->get_security_label, { label => '', enforcing => 0 }, 'get_security_label: shut off');
} else {
    virt_error_is(error_of { $run->get_security_label }, NO_SUPPORT, FROM_DOMAIN, undef,
                  'get_security_label: not in the test driver before 7.5.0');
}
virt_error_is(error_of { $run->get_security_label_list }, NO_SUPPORT, FROM_DOMAIN, undef,
              'get_security_label_list unsupported');

# ------------------------------------------------------------------ misc
if ($LIB >= 7_006_000) {    # testDomainGetMessages: libvirt 7.6.0
    is_deeply([$run->get_messages], [], 'get_messages: none');
    is_deeply([$run->get_messages(Sys::Virt::Domain::MESSAGE_DEPRECATION)], [], 'get_messages with flags');
} elsif ($LIB >= 7_001_000) {    # virDomainGetMessages: libvirt 7.1.0
    virt_error_is(error_of { $run->get_messages }, NO_SUPPORT, FROM_DOMAIN, undef,
                  'get_messages: not in the test driver before 7.6.0');
} else {
    too_new_is(error_of { $run->get_messages }, 'virDomainGetMessages', '7.1.0', 'get_messages');
    too_new_is(error_of { $run->get_messages(Sys::Virt::Domain::MESSAGE_DEPRECATION) }, 'virDomainGetMessages', '7.1.0',
               'get_messages with flags');
}
if ($LIB >= 7_002_000) {    # virDomainStartDirtyRateCalc: libvirt 7.2.0; no test driver has it
    virt_error_is(error_of { $run->start_dirty_rate_calc(1) }, NO_SUPPORT, FROM_DOMAIN, undef,
                  'start_dirty_rate_calc unsupported');
} else {
    too_new_is(error_of { $run->start_dirty_rate_calc(1) }, 'virDomainStartDirtyRateCalc', '7.2.0',
               'start_dirty_rate_calc');
}

is_deeply([$off->set_lifecycle_action(Sys::Virt::Domain::LIFECYCLE_POWEROFF,
                                      Sys::Virt::Domain::LIFECYCLE_ACTION_RESTART,
                                      Sys::Virt::Domain::AFFECT_CONFIG)], [], 'set_lifecycle_action');
is_deeply([$run->set_lifecycle_action(Sys::Virt::Domain::LIFECYCLE_REBOOT,
                                      Sys::Virt::Domain::LIFECYCLE_ACTION_DESTROY)], [],
          'set_lifecycle_action, running');
virt_error_is(error_of { $run->set_lifecycle_action(99, 0) }, INVALID_ARG, FROM_DOMAIN, undef,
              'set_lifecycle_action: bad type');

if ($LIB >= 9_000_000) {    # virDomainFDAssociate: libvirt 9.0.0; no test driver has it
    virt_error_is(error_of { $run->fd_associate('fdset', [0, 1]) }, NO_SUPPORT, FROM_DOMAIN, undef,
                  'fd_associate unsupported');
    virt_error_is(error_of { $run->fd_associate('fdset', []) }, INVALID_ARG, FROM_DOMAIN, undef,
                  'fd_associate with no fds');
} else {
    too_new_is(error_of { $run->fd_associate('fdset', [0, 1]) }, 'virDomainFDAssociate', '9.0.0', 'fd_associate');
    too_new_is(error_of { $run->fd_associate('fdset', []) }, 'virDomainFDAssociate', '9.0.0',
               'fd_associate with no fds');
}
die_is(error_of { $run->fd_associate('fdset', 3) }, 'Sys::Virt::Domain::fd_associate: \@fds must be an array reference',
       'fd_associate: not an array');
{
    my @holes;
    $holes[1] = 1;
    die_is(error_of { $run->fd_associate('fdset', \@holes) },
           'Sys::Virt::Domain::fd_associate: \@fds must not contain undefined elements',
           'fd_associate: a hole in the fd list');
}

virt_error_is(error_of { $run->open_graphics(0, -1) }, INVALID_ARG, FROM_DOMAIN, undef, 'open_graphics: negative fd');
socketpair(my $s1, my $s2, AF_UNIX, SOCK_STREAM, PF_UNSPEC) or die "socketpair: $!";
# virDomainOpenGraphics(FD) ask the driver for VIR_DRV_FEATURE_FD_PASSING
# before calling it. The test driver said no in libvirt 7.0.0 (so libvirt
# refuses with ERR_ARGUMENT_UNSUPPORTED); 9.0.0 has virDriverFeatureIsGlobal,
# which gives every driver that feature, and the test driver has no
# OpenGraphics. Neither NEWS nor the API files say which release in between
# brought it: a libvirt in between may give either exact answer.
for my $c (['open_graphics', sub { $run->open_graphics(0, fileno($s1), Sys::Virt::Domain::OPEN_GRAPHICS_SKIPAUTH) },
            'virDomainOpenGraphics'],
           ['open_graphics_fd', sub { $run->open_graphics_fd(0) }, 'virDomainOpenGraphicsFD']) {
    my ($m, $code, $func) = @$c;
    my $no_fd = $LIB <= 7_000_000 ? 1 : $LIB >= 9_000_000 ? 0
              : do { eval { $code->() }; ref $@ && $@->code == Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED };
    if ($no_fd) {
        virt_error_is(error_of { $code->() }, Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, FROM_DOMAIN, undef,
                      "$m: no fd passing in the test driver");
        eval { $code->() };
        is(ref $@ ? $@->message : $@, 'argument unsupported: fd passing is not supported by this connection',
           "$m: message");
    } else {
        virt_error_is(error_of { $code->() }, NO_SUPPORT, FROM_DOMAIN, undef, "$m unsupported");
        eval { $code->() };
        is(ref $@ ? $@->message : $@, "this function is not supported by the connection driver: $func",
           "$m: $func is not in the test driver");
    }
}

done_testing();
