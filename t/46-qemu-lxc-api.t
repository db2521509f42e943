# The QEMU and LXC API (libvirt-qemu.so.0, libvirt-lxc.so.0) without a
# hypervisor: on the test driver, which has none of these functions, each
# call raises the driver's ERR_NO_SUPPORT (or, on a libvirt older than the
# function, the binding's); bad arguments (not objects, wrong classes,
# destroyed handles, not array or hash references, undef elements, undef
# commands) are refused before libvirt is called; the constants have
# libvirt's values; Sys::Virt::lxc_enter_security_label (which needs no
# domain) works for the "none" model and refuses the others as libvirt
# does, in a child process. Real QEMU guests: t/58-qemu-monitor.t; real
# LXC containers: t/59-lxc.t. The libraries missing: t/47-late-libraries.t.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use SysVirtTest qw(domain_invocant_checks error_of virt_error_is die_is wrong_class_is unsupported_is in_child);

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
my $net = $conn->get_network_by_name('default');

# ---- constants: libvirt's values (t/02-constants.t checks them against
# the headers too)
is_deeply({ map { $_ => Sys::Virt::Domain->can($_)->() } qw(QEMU_MONITOR_COMMAND_DEFAULT QEMU_MONITOR_COMMAND_HMP
              QEMU_AGENT_COMMAND_BLOCK QEMU_AGENT_COMMAND_DEFAULT QEMU_AGENT_COMMAND_NOWAIT QEMU_AGENT_COMMAND_SHUTDOWN) },
          { QEMU_MONITOR_COMMAND_DEFAULT => 0, QEMU_MONITOR_COMMAND_HMP => 1, QEMU_AGENT_COMMAND_BLOCK => -2,
            QEMU_AGENT_COMMAND_DEFAULT => -1, QEMU_AGENT_COMMAND_NOWAIT => 0, QEMU_AGENT_COMMAND_SHUTDOWN => 60 },
          'Sys::Virt::Domain QEMU_* constants');
is_deeply([Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_REGEX(), Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_NOCASE()], [1, 2],
          'Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_REGEX, _NOCASE');

# ---- the test driver has none of them
my $ERR_NS = Sys::Virt::Error::ERR_NO_SUPPORT();
my $NONE = Sys::Virt::Error::FROM_NONE();
unsupported_is(error_of { $dom->qemu_monitor_command('{"execute":"query-status"}') },
               'virDomainQemuMonitorCommand', undef, $NONE, 'qemu_monitor_command: the test driver has none');
unsupported_is(error_of { $dom->qemu_monitor_command('info version', Sys::Virt::Domain::QEMU_MONITOR_COMMAND_HMP()) },
               'virDomainQemuMonitorCommand', undef, $NONE, 'qemu_monitor_command (HMP): the test driver has none');
unsupported_is(error_of { $dom->qemu_monitor_command_with_files('{"execute":"query-status"}', []) },
               'virDomainQemuMonitorCommandWithFiles', '8.2.0', $NONE,
               'qemu_monitor_command_with_files: the test driver has none (libvirt >= 8.2.0)');
unsupported_is(error_of { $dom->qemu_agent_command('{"execute":"guest-ping"}') },
               'virDomainQemuAgentCommand', undef, $NONE, 'qemu_agent_command: the test driver has none');
unsupported_is(error_of { $dom->qemu_agent_command('{"execute":"guest-ping"}', 10, 0) },
               'virDomainQemuAgentCommand', undef, $NONE, 'qemu_agent_command with a timeout: the same');
unsupported_is(error_of { $conn->domain_qemu_monitor_event_register(undef, undef, sub { }) },
               'virConnectDomainQemuMonitorEventRegister', undef, $NONE,
               'domain_qemu_monitor_event_register: the test driver has none');
unsupported_is(error_of { $conn->domain_qemu_monitor_event_register($dom, 'STOP', sub { },
                                                                    Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_REGEX()) },
               'virConnectDomainQemuMonitorEventRegister', undef, $NONE, '... for one domain and event too');
is(error_of { $conn->domain_qemu_monitor_event_deregister(42) }, undef,
   'domain_qemu_monitor_event_deregister: an unknown ID is ignored (as *_event_deregister_any)');
unsupported_is(error_of { $dom->lxc_open_namespace }, 'virDomainLxcOpenNamespace', undef, $NONE,
               'lxc_open_namespace: the test driver has none');
# libvirt checks the list itself before anything else (no driver call:
# the namespaces are entered by the calling process)
virt_error_is(error_of { $dom->lxc_enter_namespace([]) }, Sys::Virt::Error::ERR_INVALID_ARG(), $NONE,
              'Expected at least one file descriptor', 'lxc_enter_namespace([]): libvirt wants a descriptor');

# ---- lxc_enter_security_label: needs no domain; it changes the process,
# so it runs in a child (which reports on a pipe)
my $model_none = { model => 'none', doi => '0' };
is_deeply([in_child {
       my $old = Sys::Virt::lxc_enter_security_label($model_none, { label => '', enforcing => 0 });
       map { "$_=$old->{$_}" } sort keys %$old;
   }], ['enforcing=0', 'label='], 'lxc_enter_security_label: the "none" model; the old label is {label, enforcing}');
is_deeply([in_child {
       my $old = Sys::Virt::lxc_enter_security_label({ model => 'none' }, {}, 0);
       map { "$_=$old->{$_}" } sort keys %$old;
   }], ['enforcing=0', 'label='], '... absent keys are empty');
is_deeply([in_child { Sys::Virt::lxc_enter_security_label({ model => 'nosuchmodel', doi => '0' }, { label => 'x' }) }],
   ['died: ' . join('|', Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED(), $NONE,
                    'argument unsupported: Security model nosuchmodel cannot be entered')],
   'lxc_enter_security_label: an unknown model is refused by libvirt');
die_is(error_of { Sys::Virt::lxc_enter_security_label([], { label => 'x' }) },
       'Sys::Virt::lxc_enter_security_label: \%model is not a HASH reference', 'model not a hash ref: dies');
die_is(error_of { Sys::Virt::lxc_enter_security_label($model_none, 'x') },
       'Sys::Virt::lxc_enter_security_label: \%label is not a HASH reference', 'label not a hash ref: dies');
die_is(error_of { Sys::Virt::lxc_enter_security_label({ model => 'm' x 257 }, {}) },
       "Sys::Virt::lxc_enter_security_label: \\%model: 'model' must be a string of at most 256 bytes without NUL",
       'a model name too long for virSecurityModel: dies');
die_is(error_of { Sys::Virt::lxc_enter_security_label($model_none, { label => 'l' x 4097 }) },
       "Sys::Virt::lxc_enter_security_label: \\%label: 'label' must be a string of at most 4096 bytes without NUL",
       'a label too long for virSecurityLabel: dies');
die_is(error_of { Sys::Virt::lxc_enter_security_label($model_none, { label => "a\0b" }) },
       "Sys::Virt::lxc_enter_security_label: \\%label: 'label' must be a string of at most 4096 bytes without NUL",
       'a label holding a NUL: dies');
like(error_of { &Sys::Virt::lxc_enter_security_label($model_none) },
     qr/^Usage: Sys::Virt::lxc_enter_security_label\(model, label, flags=0\)/, 'one argument: usage');

# ---- bad arguments: refused before libvirt is called
my $Q = 'Sys::Virt::Domain::qemu_monitor_command';
die_is(error_of { $dom->qemu_monitor_command(undef) }, "$Q: \$cmd must be a string, not undef", 'undef $cmd: dies');
die_is(error_of { $dom->qemu_agent_command(undef) },
       'Sys::Virt::Domain::qemu_agent_command: $cmd must be a string, not undef', 'qemu_agent_command: undef $cmd');
die_is(error_of { $dom->qemu_monitor_command_with_files(undef, []) },
       'Sys::Virt::Domain::qemu_monitor_command_with_files: $cmd must be a string, not undef',
       'qemu_monitor_command_with_files: undef $cmd');
for my $bad ('3', undef, {}, \1) {
    die_is(error_of { $dom->qemu_monitor_command_with_files('{}', $bad) },
           'Sys::Virt::Domain::qemu_monitor_command_with_files: \@fds must be an array reference',
           'qemu_monitor_command_with_files: \@fds ' . (defined $bad ? ref $bad || "'$bad'" : 'undef') . ' refused');
    die_is(error_of { $dom->lxc_enter_namespace($bad) },
           'Sys::Virt::Domain::lxc_enter_namespace: \@fds must be an array reference',
           'lxc_enter_namespace: \@fds ' . (defined $bad ? ref $bad || "'$bad'" : 'undef') . ' refused');
}
die_is(error_of { $dom->qemu_monitor_command_with_files('{}', [0, undef]) },
       'Sys::Virt::Domain::qemu_monitor_command_with_files: \@fds must not contain undefined elements',
       'qemu_monitor_command_with_files: an undef descriptor refused');
die_is(error_of { $dom->lxc_enter_namespace([undef]) },
       'Sys::Virt::Domain::lxc_enter_namespace: \@fds must not contain undefined elements',
       'lxc_enter_namespace: an undef descriptor refused');
# the event registration's $dom: undef or a plain value is every domain
# (as domain_event_register_any), another class's object is refused
wrong_class_is(error_of { $conn->domain_qemu_monitor_event_register($net, undef, sub { }) },
               'Sys::Virt::Domain', 'Sys::Virt::domain_qemu_monitor_event_register', '$dom',
               'domain_qemu_monitor_event_register: a network as $dom refused');
wrong_class_is(error_of { Sys::Virt::domain_qemu_monitor_event_register($dom, undef, undef, sub { }) },
               'Sys::Virt', 'Sys::Virt::domain_qemu_monitor_event_register', '$conn',
               'domain_qemu_monitor_event_register: a domain as $conn refused');
wrong_class_is(error_of { Sys::Virt::domain_qemu_monitor_event_deregister($dom, 1) },
               'Sys::Virt', 'Sys::Virt::domain_qemu_monitor_event_deregister', '$conn',
               'domain_qemu_monitor_event_deregister: a domain as $conn refused');
like(error_of { $conn->domain_qemu_monitor_event_register(undef, undef) },
     qr/^Usage: Sys::Virt::domain_qemu_monitor_event_register\(con, domref, event, cb, flags=0\)/,
     'domain_qemu_monitor_event_register without a callback: usage');

my $gone = $conn->get_domain_by_name('test');
$gone->DESTROY;
domain_invocant_checks(conn => $conn, gone => $gone, dom => $dom, calls => [
    [qemu_monitor_command => '{}'],
    [qemu_monitor_command_with_files => '{}', []],
    [qemu_agent_command => '{}', -1],
    ['lxc_open_namespace'],
    [lxc_enter_namespace => [0]],
    ['lxc_enter_cgroup'],
]);

done_testing();
