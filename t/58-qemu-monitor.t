# The QEMU API of libvirt-qemu.so.0 on real QEMU guests: monitor commands
# (QMP replies parsed with JSON::PP, a core module; HMP "info version"
# against QMP's query-version), monitor commands passing file descriptors
# (add-fd: refused by QEMU without one, given one with it, listed by
# query-fdsets), the guest agent on a guest without an agent channel and
# on one whose agent is not running (the two errors libvirt 9.0 raises),
# and QEMU monitor events: a regex filter, case-insensitive or not, a
# literal event name on every domain, a filter on another domain, the
# callback's arguments (connection, domain, name, time, details JSON),
# deregistration, callbacks freed once, a die in a callback raised by the
# event loop.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use Sys::Virt::Event;
use SysVirtQemu qw(pump_until virt_error_is error_of client_version too_new_is);
use JSON::PP ();
use Scalar::Util qw(refaddr);
use Time::HiRes ();

my $s = SysVirtQemu::skip_unless_stack();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

# The event loop must exist before the connection is opened; a 20 ms
# timer keeps each run_default() short, so deadlines are honoured.
Sys::Virt::Event::register_default();
my $tick = Sys::Virt::Event::add_timeout(20, sub { });

my $conn = Sys::Virt->new(uri => $s->{uri});
my $P = "sv58-$$";
my $images = "$s->{dir}/images";
my (@doms, @files);

sub guest {
    my ($name, %opt) = @_;
    my $img = "$images/$name.qcow2";
    my $log = "$images/$name.log";
    push @files, $img, $log;
    SysVirtQemu::make_disk($img);
    my $dom = $conn->create_domain(SysVirtQemu::guest_xml(
        name => $name, disk => $img, serial_log => $log, net => 'none', vnc => 0, %opt));
    push @doms, $dom;
    ok(SysVirtQemu::wait_banners($log, 1, 60), "guest $name runs") or diag SysVirtQemu::slurp($log);
    return $dom;
}

my $AGENT_CHANNEL = "    <channel type='unix'>\n"
    . "      <target type='virtio' name='org.qemu.guest_agent.0'/>\n"
    . "    </channel>\n";
my $dom = guest("$P-a", devices => $AGENT_CHANNEL);
my $other = guest("$P-b");

my $json = JSON::PP->new;
my $HMP = Sys::Virt::Domain::QEMU_MONITOR_COMMAND_HMP();

# ---- QMP -------------------------------------------------------------------
my $reply = $dom->qemu_monitor_command('{"execute":"query-status"}');
my $r = eval { $json->decode($reply) };
ok($r, 'query-status: the reply is JSON') or diag "reply: $reply";
is($r->{return}{status}, 'running', 'query-status: status running');
ok(JSON::PP::is_bool($r->{return}{running}) && $r->{return}{running}, '... running true');
like($r->{id}, qr/^libvirt-\d+$/, "... answering libvirt's command id");
$dom->suspend;
$r = $json->decode($dom->qemu_monitor_command('{"execute":"query-status"}',
                                              Sys::Virt::Domain::QEMU_MONITOR_COMMAND_DEFAULT()));
is($r->{return}{status}, 'paused', 'query-status after suspend (flags QEMU_MONITOR_COMMAND_DEFAULT): paused');
ok(JSON::PP::is_bool($r->{return}{running}) && !$r->{return}{running}, '... running false');
$dom->resume;
$r = $json->decode($dom->qemu_monitor_command('{"execute":"no-such-command"}'));
is_deeply($r->{error}, { class => 'CommandNotFound', desc => 'The command no-such-command has not been found' },
          "QEMU's error reply is returned, not raised");
virt_error_is(error_of { $dom->qemu_monitor_command('info version') }, Sys::Virt::Error::ERR_INTERNAL_ERROR(),
              Sys::Virt::Error::FROM_NONE(), qr/^internal error: cannot parse json info version: /,
              'an HMP command without QEMU_MONITOR_COMMAND_HMP: libvirt cannot parse it as JSON');

# ---- HMP -------------------------------------------------------------------
my $v = $json->decode($dom->qemu_monitor_command('{"execute":"query-version"}'))->{return};
my $hmp = $dom->qemu_monitor_command('info version', $HMP);
is($hmp, "$v->{qemu}{major}.$v->{qemu}{minor}.$v->{qemu}{micro}$v->{package}\r\n",
   "HMP info version: the version QMP's query-version gives ($v->{qemu}{major}.$v->{qemu}{minor}.$v->{qemu}{micro})");
my ($emu) = `qemu-system-x86_64 --version` =~ /version (\d+\.\d+\.\d+)/;
like($hmp, qr/^\Q$emu\E/, "... the installed QEMU's ($emu)");
is($dom->qemu_monitor_command('no-such-hmp', $HMP), "unknown command: 'no-such-hmp'\r\n",
   "an unknown HMP command: QEMU's message as the reply");

# ---- with files ------------------------------------------------------------
my $ADD_FD = '{"execute":"add-fd","arguments":{"fdset-id":7}}';
if (client_version() < 8_002_000) {
    too_new_is(error_of { $dom->qemu_monitor_command_with_files($ADD_FD, []) },
               'virDomainQemuMonitorCommandWithFiles', '8.2.0', 'qemu_monitor_command_with_files: needs 8.2.0');
} else {
    my @r = $dom->qemu_monitor_command_with_files('{"execute":"query-status"}', []);
    is(scalar @r, 1, 'with_files, no descriptors: the reply and no descriptor back');
    is($json->decode($r[0])->{return}{status}, 'running', '... query-status parsed');
    @r = $dom->qemu_monitor_command_with_files($ADD_FD, []);
    is_deeply($json->decode($r[0])->{error},
              { class => 'GenericError', desc => 'No file descriptor supplied via SCM_RIGHTS' },
              'add-fd without a descriptor: QEMU got none');
    open(my $fh, '<', '/dev/null') or die "/dev/null: $!";
    @r = $dom->qemu_monitor_command_with_files($ADD_FD, [fileno $fh], 0);
    is(scalar @r, 1, 'add-fd with /dev/null: no descriptor back');
    my $added = $json->decode($r[0])->{return};
    is($added->{'fdset-id'}, 7, '... QEMU added it to fd set 7');
    like($added->{fd}, qr/^\d+$/, "... as its descriptor $added->{fd}");
    ok(defined fileno($fh) && -r $fh, 'the caller still has its own descriptor');
    my $sets = $json->decode($dom->qemu_monitor_command('{"execute":"query-fdsets"}'))->{return};
    is_deeply([map { [map { $_->{fd} } @{ $_->{fds} }] } grep { $_->{'fdset-id'} == 7 } @$sets],
              [[$added->{fd}]], 'query-fdsets lists it in set 7');
    @r = $dom->qemu_monitor_command_with_files(
        qq({"execute":"remove-fd","arguments":{"fdset-id":7,"fd":$added->{fd}}}), []);
    is_deeply($json->decode($r[0])->{return}, {}, 'remove-fd: done');
    @r = $dom->qemu_monitor_command_with_files('info version', [], $HMP);
    is($r[0], $hmp, 'with_files and QEMU_MONITOR_COMMAND_HMP: info version');
    close $fh;
}

# ---- guest agent -------------------------------------------------------------
virt_error_is(error_of { $other->qemu_agent_command('{"execute":"guest-ping"}') },
              Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED(), Sys::Virt::Error::FROM_QEMU(),
              'argument unsupported: QEMU guest agent is not configured',
              'qemu_agent_command, no agent channel: ERR_ARGUMENT_UNSUPPORTED');
for my $t ([], [Sys::Virt::Domain::QEMU_AGENT_COMMAND_DEFAULT()], [Sys::Virt::Domain::QEMU_AGENT_COMMAND_BLOCK()],
           [Sys::Virt::Domain::QEMU_AGENT_COMMAND_NOWAIT()], [Sys::Virt::Domain::QEMU_AGENT_COMMAND_SHUTDOWN()],
           [1, 0]) {
    virt_error_is(error_of { $dom->qemu_agent_command('{"execute":"guest-ping"}', @$t) },
                  Sys::Virt::Error::ERR_AGENT_UNRESPONSIVE(), Sys::Virt::Error::FROM_QEMU(),
                  'Guest agent is not responding: QEMU guest agent is not connected',
                  "qemu_agent_command(@$t), a channel but no agent: ERR_AGENT_UNRESPONSIVE");
}

# ---- monitor events ----------------------------------------------------------
my (@nocase, @case, @reset, @other, @all);
my $REGEX = Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_REGEX();
my $NOCASE = Sys::Virt::QEMU_MONITOR_EVENT_REGISTER_NOCASE();
my $id_nocase = $conn->domain_qemu_monitor_event_register($dom, 'stop|resume', sub { push @nocase, [@_] },
                                                          $REGEX | $NOCASE);
my $id_case = $conn->domain_qemu_monitor_event_register($dom, 'stop|resume', sub { push @case, [@_] }, $REGEX);
my $id_reset = $conn->domain_qemu_monitor_event_register(undef, 'RESET', sub { push @reset, [@_] });
my $id_other = $conn->domain_qemu_monitor_event_register($other, undef, sub { push @other, [@_] });
my @ids = ($id_nocase, $id_case, $id_reset, $id_other);
ok(!grep({ !/^\d+$/ } @ids), "registrations return callback IDs (@ids)");
my %u = map { $_ => 1 } @ids;
is(scalar keys %u, 4, '... all different');

my $t0 = time;
$dom->suspend;
ok(pump_until(30, sub { @nocase >= 1 }), 'STOP received (regex stop|resume, NOCASE)');
$dom->resume;
ok(pump_until(30, sub { @nocase >= 2 }), 'RESUME received');
my $t1 = time;
is_deeply([map { $_->[2] } @nocase], ['STOP', 'RESUME'], 'the event names');
for my $e (@nocase) {
    my ($c, $d, $name, $sec, $usec, $details) = @$e;
    is(scalar @$e, 6, "$name: six callback arguments");
    is(refaddr($c), refaddr($conn), "$name: the connection");
    isa_ok($d, 'Sys::Virt::Domain', "$name: the domain");
    is($d->get_uuid_string, $dom->get_uuid_string, "$name: ... of the guest");
    ok($sec >= $t0 - 1 && $sec <= $t1 + 1, "$name: seconds $sec within the test's time [$t0, $t1]");
    ok($usec =~ /^\d+$/ && $usec < 1_000_000, "$name: microseconds $usec");
    is($details, undef, "$name: no details (QEMU sends no data)");
}
ok(($nocase[0][3] + $nocase[0][4] / 1e6) <= ($nocase[1][3] + $nocase[1][4] / 1e6), 'STOP came before RESUME');

$dom->reset;
ok(pump_until(30, sub { @reset >= 1 }), 'RESET received (literal name, every domain)');
my $rd = $json->decode($reset[0][5] // 'null');
is($reset[0][1]->get_name, $dom->get_name, 'RESET: of the guest');
is($rd->{reason}, 'host-qmp-system-reset', 'RESET details: the reason');
ok(JSON::PP::is_bool($rd->{guest}) && !$rd->{guest}, 'RESET details: not the guest');
is(scalar @case, 0, 'the case-sensitive regex stop|resume matched neither STOP nor RESUME');
is(scalar @other, 0, 'the callback of the other guest got none of these');
is(scalar @nocase, 2, 'RESET did not match stop|resume');

# deregistration: a catch-all callback proves the events came (a regex:
# libvirt refuses one without an event name for a domain that has
# registrations, see below)
my $id_all = $conn->domain_qemu_monitor_event_register($dom, '.', sub { push @all, $_[2] }, $REGEX);
$conn->domain_qemu_monitor_event_deregister($id_nocase);
$dom->suspend;
$dom->resume;
ok(pump_until(30, sub { grep { $_ eq 'RESUME' } @all }), 'catch-all: the events came');
is(scalar @nocase, 2, 'the deregistered callback got no more');
$conn->domain_qemu_monitor_event_deregister($_) for $id_case, $id_reset, $id_other, $id_all;
is(error_of { $conn->domain_qemu_monitor_event_deregister($id_all) }, undef, 'a second deregistration is ignored');

# libvirt keeps one registration without an event name per domain (and
# one for every domain) on a connection
my $id_any = $conn->domain_qemu_monitor_event_register(undef, undef, sub { });
my $id_dom = $conn->domain_qemu_monitor_event_register($dom, undef, sub { });
like("$id_any $id_dom", qr/^\d+ \d+$/, 'one registration without an event name: all domains, and one domain');
for my $d (undef, $dom) {
    virt_error_is(error_of { $conn->domain_qemu_monitor_event_register($d, undef, sub { }) },
                  Sys::Virt::Error::ERR_INVALID_ARG(), Sys::Virt::Error::FROM_NONE(),
                  'invalid argument: event callback already tracked',
                  'a second one for ' . ($d ? 'the domain' : 'all domains') . ': refused by libvirt');
}
$conn->domain_qemu_monitor_event_deregister($_) for $id_any, $id_dom;

# each callback is freed exactly once: when deregistered, and when the
# registration is refused
{
    package FreeCount;
    sub new { my ($c, $n) = @_; bless { n => $n }, $c }
    sub DESTROY { ${ $_[0]{n} }++ }
}
my $freed = 0;
{
    my $guard = FreeCount->new(\$freed);
    my $id = $conn->domain_qemu_monitor_event_register($dom, 'SHUTDOWN', sub { $guard });
    $conn->domain_qemu_monitor_event_deregister($id);
}
ok(pump_until(10, sub { $freed }), 'the callback is freed once deregistered');
my $refused_freed = 0;
{
    my $guard = FreeCount->new(\$refused_freed);
    my $err = error_of { $conn->domain_qemu_monitor_event_register($dom, '(', sub { $guard }, $REGEX) };
    virt_error_is($err, Sys::Virt::Error::ERR_INVALID_ARG(), Sys::Virt::Error::FROM_NONE(),
                  qr/^invalid argument: failed to compile regex '\(': /, 'an invalid regex: refused by libvirt');
}
is($refused_freed, 1, 'the refused callback is freed at once');
pump_until(1, sub { 0 });
is($freed, 1, '... and each only once');

# a die in a callback: raised by the event loop that ran it
my $id_die = $conn->domain_qemu_monitor_event_register($dom, 'STOP', sub { die "monitor callback died\n" });
$dom->suspend;
is(error_of { pump_until(30, sub { 0 }) }, "monitor callback died\n", "a callback's die is raised by run_default");
$conn->domain_qemu_monitor_event_deregister($id_die);
$dom->resume;

# ---- memory: replies, descriptor lists and registrations are freed
# (a loop three rounds over, the growth of the last two: t/90-leaks.t)
sub growth {
    my ($n, $code) = @_;
    $code->() for 1 .. $n;
    my @rss = (SysVirtTest::rss_kib());
    for (1 .. 2) {
        $code->() for 1 .. $n;
        push @rss, SysVirtTest::rss_kib();
    }
    return $rss[-1] - $rss[0];
}
for my $case (
    ['QMP replies', 500, sub { my $r = $dom->qemu_monitor_command('{"execute":"query-status"}') }],
    ['HMP replies', 500, sub { my $r = $dom->qemu_monitor_command('info version', $HMP) }],
    ['agent errors', 500, sub { eval { $dom->qemu_agent_command('{"execute":"guest-ping"}') } }],
    ['event registrations', 300, sub {
        $conn->domain_qemu_monitor_event_deregister(
            $conn->domain_qemu_monitor_event_register($dom, 'SHUTDOWN', sub { }));
        Sys::Virt::Event::run_default();
    }],
    (client_version() >= 8_002_000
     ? ['replies with the descriptor list', 500, sub { my @r = $dom->qemu_monitor_command_with_files('{"execute":"query-status"}', []) }]
     : ()),
) {
    my ($what, $n, $code) = @$case;
    my $grew = growth($n, $code);
    cmp_ok($grew, '<', 512, "$what x$n: memory steady (grew $grew KiB)");
}

# ---- lxc methods on a QEMU guest: the QEMU driver has none
virt_error_is(error_of { $dom->lxc_open_namespace }, Sys::Virt::Error::ERR_NO_SUPPORT(), Sys::Virt::Error::FROM_NONE(),
              'this function is not supported by the connection driver: virDomainLxcOpenNamespace',
              'lxc_open_namespace on a QEMU guest');

for my $d (@doms) { $d->destroy }
@doms = ();
ok(!grep({ $_->get_name =~ /^\Q$P\E/ } $conn->list_domains), 'guests destroyed');

END {
    for my $d (@doms) { eval { $d->destroy } }
    unlink grep { defined } @files;
}

done_testing();
