# The admin API (Sys::Virt::Admin, ::Server, ::Client, in libvirt-admin.so.0)
# against the admin socket of a private libvirtd (.ci/libvirtd: its
# unix_sock_dir holds libvirt-admin-sock, root-only, which libvirtd's
# default admin_* settings let root use without authentication).
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is wrong_class_is client_version not_blessed growth);
use SysVirtDaemon ();
use SysVirtQemu ();
use Sys::Virt;
use Sys::Virt::Event;
use Sys::Virt::Admin;
use Sys::Virt::Error;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

# An event loop, before any connection: the close callbacks need one.
Sys::Virt::Event::register_default();
my $tick = Sys::Virt::Event::add_timeout(100, sub { });

my ($uri, $stop, $pid, $tcp_uri) = SysVirtDaemon::start_private(22000 + $$ % 500);
my $admin_uri = SysVirtDaemon::admin_uri($uri);
my ($dir) = $admin_uri =~ m{socket=(.*)/libvirt-admin-sock$};
ok(-S "$dir/libvirt-admin-sock", 'the private libvirtd made its admin socket');
my ($client_version, $client_version_string) = client_version();

# ---- connecting
my $adm = Sys::Virt::Admin->new(uri => $admin_uri);
isa_ok($adm, 'Sys::Virt::Admin');
is($adm->get_uri, $admin_uri, 'get_uri: the URI given');
my $conn = Sys::Virt->new(uri => $uri);
is($adm->get_library_version, $conn->get_library_version,
   "get_library_version: the daemon's libvirt, as a libvirt connection to it reports it");
is($adm->is_alive, 1, 'is_alive: 1 while connected');
{
    local $ENV{LIBVIRT_ADMIN_DEFAULT_URI} = $admin_uri;
    is(Sys::Virt::Admin->new->get_uri, $admin_uri, 'no uri: libvirt\'s default (LIBVIRT_ADMIN_DEFAULT_URI)');
    is(Sys::Virt::Admin->new(uri => undef)->get_uri, $admin_uri, 'uri undef: the same default');
}
is(Sys::Virt::Admin->new(uri => $admin_uri, flags => Sys::Virt::CONNECT_NO_ALIASES)->get_uri, $admin_uri,
   'flags: CONNECT_NO_ALIASES is accepted');
virt_error_is(error_of { Sys::Virt::Admin->new(uri => $admin_uri, flags => Sys::Virt::CONNECT_RO) },
    Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_ADMIN,
    'unsupported flags (0x1) in function adminDispatchConnectOpen', 'flags: CONNECT_RO is refused by the daemon');
virt_error_is(error_of { Sys::Virt::Admin->new(uri => "libvirtd:///system?socket=$dir/none") },
    Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_RPC,
    "Failed to connect socket to '$dir/none': No such file or directory", 'a socket that does not exist');

# ---- servers
my @servers = $adm->list_servers;
is_deeply([sort map { ref } @servers], [('Sys::Virt::Admin::Server') x 2], 'list_servers: server objects');
is_deeply([sort map { $_->get_name } @servers], [qw(admin libvirtd)], 'list_servers: libvirtd\'s two servers');
my $srv = $adm->get_server_by_name('libvirtd');
isa_ok($srv, 'Sys::Virt::Admin::Server');
is($srv->get_name, 'libvirtd', 'get_server_by_name: that server');
virt_error_is(error_of { $adm->get_server_by_name('nope') }, Sys::Virt::Error::ERR_NO_SERVER,
    Sys::Virt::Error::FROM_RPC, "Server not found: No server named 'nope'", 'get_server_by_name: no such server');

# ---- thread pool
my @tp_keys = map { Sys::Virt::Admin::Server->can($_)->() } qw(THREADPOOL_WORKERS_MIN THREADPOOL_WORKERS_MAX
    THREADPOOL_WORKERS_PRIORITY THREADPOOL_WORKERS_FREE THREADPOOL_WORKERS_CURRENT THREADPOOL_JOB_QUEUE_DEPTH);
my $tp = $srv->get_threadpool_parameters;
is_deeply([sort keys %$tp], [sort @tp_keys], 'get_threadpool_parameters: its six keys');
is_deeply([@$tp{qw(minWorkers maxWorkers prioWorkers)}], [5, 20, 5], "libvirtd's defaults: 5 to 20 workers, 5 priority");
is(scalar(() = $srv->set_threadpool_parameters({ Sys::Virt::Admin::Server::THREADPOOL_WORKERS_MAX => 24,
                                                 Sys::Virt::Admin::Server::THREADPOOL_WORKERS_MIN => 3 })),
   0, 'set_threadpool_parameters returns nothing');
$tp = $srv->get_threadpool_parameters(0);
is_deeply([@$tp{qw(minWorkers maxWorkers prioWorkers)}], [3, 24, 5], 'set_threadpool_parameters: read back');
virt_error_is(error_of { $srv->set_threadpool_parameters({ minWorkers => 30 }) }, Sys::Virt::Error::ERR_INVALID_ARG,
    Sys::Virt::Error::FROM_NONE, 'invalid argument: minWorkers cannot be larger than maxWorkers',
    'set_threadpool_parameters: the daemon refuses min > max');
is($srv->get_threadpool_parameters->{minWorkers}, 3, '... and changes nothing');
$srv->set_threadpool_parameters({ unknown => 1 });
is_deeply([@{ $srv->get_threadpool_parameters }{qw(minWorkers maxWorkers)}], [3, 24],
          'set_threadpool_parameters: a key the getter does not report is ignored');

# ---- client limits
my $lim = $srv->get_client_limits;
is_deeply([sort keys %$lim], [sort map { Sys::Virt::Admin::Server->can($_)->() }
    qw(CLIENTS_MAX CLIENTS_CURRENT CLIENTS_UNAUTH_MAX CLIENTS_UNAUTH_CURRENT)], 'get_client_limits: its four keys');
is_deeply([@$lim{qw(nclients_max nclients_unauth_max)}], [5000, 20], "libvirtd's defaults: 5000 clients, 20 unauthenticated");
$srv->set_client_limits({ Sys::Virt::Admin::Server::CLIENTS_MAX => 100,
                          Sys::Virt::Admin::Server::CLIENTS_UNAUTH_MAX => 10 });
is_deeply([@{ $srv->get_client_limits }{qw(nclients_max nclients_unauth_max)}], [100, 10], 'set_client_limits: read back');
my $e = error_of { $srv->set_client_limits({ nclients_unauth_max => 200 }) };
virt_error_is($e, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_RPC,
    'invalid argument: The overall maximum number of clients waiting for authentication must not be less than the overall maximum number of clients',
    'set_client_limits: the daemon refuses more unauthenticated than clients');

# ---- clients: a unix and a TCP connection of this process
my $tcp = Sys::Virt->new(uri => $tcp_uri);
my @clients = sort { $a->get_transport <=> $b->get_transport } $srv->list_clients;
is_deeply([map { ref } @clients], [('Sys::Virt::Admin::Client') x 2], 'list_clients: client objects');
is_deeply([map { $_->get_transport } @clients],
          [Sys::Virt::Admin::Client::TRANSPORT_UNIX, Sys::Virt::Admin::Client::TRANSPORT_TCP],
          'list_clients: the unix and the TCP connection, with their transports');
is($srv->get_client_limits->{nclients}, 2, 'get_client_limits: 2 clients now');
my ($unix_client, $tcp_client) = @clients;
my $info = $unix_client->get_info;
is_deeply([sort keys %$info], [qw(readonly unix_group_id unix_group_name unix_process_id unix_user_id unix_user_name)],
          'get_info of a unix client: its keys');
is_deeply([@$info{qw(readonly unix_process_id unix_user_id unix_group_id)}], [0, $$, $<, (split ' ', $()[0]],
          'get_info of a unix client: this process, its user and group, read-write');
is($info->{unix_user_name}, scalar getpwuid($<), 'get_info: the user name');
$info = $tcp_client->get_info(0);
is_deeply([sort keys %$info], [qw(readonly sock_addr)], 'get_info of a TCP client: its keys');
like($info->{sock_addr}, qr/^127\.0\.0\.1:\d+$/, 'get_info of a TCP client: its address');
for my $c (@clients) {
    my $t = $c->get_timestamp;
    cmp_ok(abs($t - time), '<', 120, 'get_timestamp: when it connected, in seconds since the Epoch');
    my $again = $srv->get_client_by_id($c->get_id);
    isa_ok($again, 'Sys::Virt::Admin::Client');
    is($again->get_id, $c->get_id, 'get_client_by_id: that client');
    is($again->get_transport, $c->get_transport, '... with its transport');
}
isnt($unix_client->get_id, $tcp_client->get_id, 'each client has its own ID');
virt_error_is(error_of { $srv->get_client_by_id(999999) }, Sys::Virt::Error::ERR_NO_CLIENT, Sys::Virt::Error::FROM_RPC,
    "Client not found: No client with matching ID '999999'", 'get_client_by_id: no such client');

# close: the client program's connection sees it
my @tcp_closed;
$tcp->register_close_callback(sub { push @tcp_closed, [@_] });
is(scalar(() = $tcp_client->close), 0, 'close returns nothing');
SysVirtQemu::pump_until(15, sub { @tcp_closed });
is(scalar @tcp_closed, 1, 'close: the closed connection\'s close callback ran once');
is($tcp_closed[0][0], $tcp, '... with its connection');
is($tcp_closed[0][1], Sys::Virt::CLOSE_REASON_ERROR, '... and CLOSE_REASON_ERROR (the remote driver\'s reason for a connection the daemon closed)');
is($tcp->is_alive, 0, '... and it is no longer alive');
$tcp->unregister_close_callback;
is_deeply([map { $_->get_transport } $srv->list_clients], [Sys::Virt::Admin::Client::TRANSPORT_UNIX],
          'list_clients: the closed client is gone');
virt_error_is(error_of { $tcp_client->close }, Sys::Virt::Error::ERR_NO_CLIENT, Sys::Virt::Error::FROM_RPC,
    "Client not found: No client with matching ID '" . $tcp_client->get_id . "'", 'close of a client gone');
is($adm->get_server_by_name('admin')->get_client_limits->{nclients}, 1,
   'the admin server: one client, this test\'s admin connection');

# ---- logging
is($adm->get_logging_outputs, "3:file:$dir/libvirtd.log", 'get_logging_outputs: libvirtd.conf\'s log_outputs');
is($adm->get_logging_filters, undef, 'get_logging_filters: undef with no filters');
$adm->set_logging_outputs("2:file:$dir/other.log");
is($adm->get_logging_outputs(0), "2:file:$dir/other.log", 'set_logging_outputs: read back');
$adm->set_logging_filters('1:qemu 3:util');
is($adm->get_logging_filters(0), '1:*qemu* 3:*util* ', 'set_logging_filters: read back (as libvirt stores them)');
$adm->set_logging_filters(undef);
is($adm->get_logging_filters, undef, 'set_logging_filters(undef): none left');
$adm->set_logging_filters('1:rpc');
$adm->set_logging_filters('');
is($adm->get_logging_filters, undef, "set_logging_filters(''): none left");
virt_error_is(error_of { $adm->set_logging_outputs('9:nowhere') }, Sys::Virt::Error::ERR_INVALID_ARG,
    Sys::Virt::Error::FROM_NONE, "invalid argument: Invalid log priority '9' for log output '9:nowhere'",
    'set_logging_outputs: a bad output is refused');
is($adm->get_logging_outputs, "2:file:$dir/other.log", '... and changes nothing');
$adm->set_logging_outputs("3:file:$dir/libvirtd.log");
is($adm->get_logging_outputs, "3:file:$dir/libvirtd.log", 'set_logging_outputs: back to the first');

# ---- daemon timeout: libvirt 8.6.0
if ($client_version >= 8_006_000) {
    is(scalar(() = $adm->set_daemon_timeout(3600)), 0, 'set_daemon_timeout returns nothing');
    $adm->set_daemon_timeout(0, 0);
    is($adm->is_alive, 1, 'set_daemon_timeout(0): the daemon stays');
} else {
    virt_error_is(error_of { $adm->set_daemon_timeout(0) }, Sys::Virt::Error::ERR_NO_SUPPORT, Sys::Virt::Error::FROM_NONE,
        "this function is not supported by the running libvirt $client_version_string: "
        . 'virAdmConnectSetDaemonTimeout needs libvirt 8.6.0 or newer',
        "set_daemon_timeout on libvirt $client_version_string: ERR_NO_SUPPORT");
}

# ---- TLS: this daemon has no TLS socket
virt_error_is(error_of { $srv->update_tls_files }, Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_RPC,
    'internal error: no tls service found, unable to update tls files', 'update_tls_files without TLS');

# ---- bad arguments, destroyed and wrong-class objects
like(error_of { $srv->set_threadpool_parameters('x') },
     qr/^Sys::Virt::Admin::Server::set_threadpool_parameters: \\%params is not a HASH reference at /,
     'set_threadpool_parameters: not a hash ref');
not_blessed('Sys::Virt::Admin::get_uri on a string', sub { Sys::Virt::Admin::get_uri('x') });
like(error_of { $adm->get_uri(1) }, qr/^Usage: Sys::Virt::Admin::get_uri\(adm\) at /, 'too many arguments: usage');
wrong_class_is(error_of { Sys::Virt::Admin::get_uri($srv) }, 'Sys::Virt::Admin', 'Sys::Virt::Admin::get_uri', '$adm',
               'a server as an admin connection');
wrong_class_is(error_of { Sys::Virt::Admin::Client::get_info($conn) }, 'Sys::Virt::Admin::Client',
               'Sys::Virt::Admin::Client::get_info', '$client', 'a libvirt connection as a client');
wrong_class_is(error_of { Sys::Virt::get_uri($adm) }, 'Sys::Virt', 'Sys::Virt::get_uri', '$conn',
               'an admin connection as a libvirt connection');
{
    my $gone = Sys::Virt::Admin->new(uri => $admin_uri);
    my $gone_srv = $gone->get_server_by_name('admin');
    $gone->DESTROY;
    virt_error_is(error_of { $gone->list_servers }, Sys::Virt::Error::ERR_INVALID_CONN, Sys::Virt::Error::FROM_ADMIN,
        'invalid connection pointer in Sys::Virt::Admin::list_servers', 'a destroyed admin connection');
    is($gone_srv->get_name, 'admin', 'a server outlives the Perl object of its connection (libvirt\'s reference)');
    is(scalar(keys %{ $gone_srv->get_threadpool_parameters }), 6, '... and still calls the daemon');
    $gone_srv->DESTROY;
    $gone_srv->DESTROY;
    pass('DESTROY twice frees once');
}

# ---- no leaks
for my $case (
    [ 'open and close an admin connection', 200, sub { my $a = Sys::Virt::Admin->new(uri => $admin_uri) } ],
    [ 'list servers and clients', 500, sub { my @c = map { $_->list_clients } $adm->list_servers } ],
    [ 'typed parameters out and in', 500, sub {
        my $p = $srv->get_threadpool_parameters;
        $srv->set_threadpool_parameters({ maxWorkers => $p->{maxWorkers} });
        my $i = ($srv->list_clients)[0]->get_info } ],
    [ 'logging strings', 500, sub { my $o = $adm->get_logging_outputs; $adm->set_logging_filters('1:rpc') } ],
    [ 'admin errors', 500, sub { eval { $adm->get_server_by_name('nope') } } ],
    [ 'close callback registered and removed', 500, sub {
        $adm->register_close_callback(sub { }); $adm->unregister_close_callback } ],
) {
    my ($name, $n, $code) = @$case;
    cmp_ok(growth($n, $code), '<', 1024, "no leak: $name ($n calls, three times)");
}

# ---- where libvirt-admin.so.0 cannot be loaded: a child in a mount
# namespace of its own, where the library (beside the libvirt.so.0 in
# use, where the module looks first, and the one the loader finds) is
# /dev/null. The module loads; the admin API is ERR_NO_SUPPORT.
{
    my ($libdir) = map { m{\s(/\S+)/libvirt\.so\.0[\d.]*$} ? $1 : () }
        do { open my $maps, '<', '/proc/self/maps' or die "/proc/self/maps: $!"; <$maps> };
    require Cwd;
    my $lib = Cwd::abs_path("$libdir/libvirt-admin.so.0");
    ok($lib && -f $lib, "the admin library in use: $lib");
    my $probe = q{
        use Sys::Virt::Admin;
        my $e = eval { Sys::Virt::Admin->new(uri => $ARGV[0]); 1 } ? 'no error' : $@;
        print join('|', $e->code, $e->domain, $e->message), "\n";
        print Sys::Virt->new(uri => 'test:///default')->get_uri, "\n";
    };
    open my $child, '-|', 'unshare', '--mount', 'sh', '-c', 'mount --bind /dev/null "$0" && exec "$@"',
        $lib, $^X, '-Mblib', '-e', $probe, $admin_uri or die "unshare: $!";
    my $out = do { local $/; <$child> } // '';
    close $child;
    is($?, 0, 'the child ran (unshare, mount, perl)') or diag $out;
    my ($err, $uri_line) = split /\n/, $out;
    my ($code, $domain, $msg) = split /\|/, $err // '', 3;
    is("$code|$domain", Sys::Virt::Error::ERR_NO_SUPPORT . '|' . Sys::Virt::Error::FROM_NONE,
       'without the library: new raises ERR_NO_SUPPORT');
    like($msg, qr/^this function is not supported here: virAdmConnectOpen is in libvirt-admin\.so\.0, which could not be loaded \(.*file too short.*\)$/,
         '... saying why');
    is($uri_line, 'test:///default', '... and the rest of Sys::Virt works');
}

# ---- the close callback, when the daemon stops
my @closed;
is(scalar(() = $adm->register_close_callback(sub { push @closed, [@_] })), 0, 'register_close_callback returns nothing');
virt_error_is(error_of { $adm->register_close_callback(sub { }) }, Sys::Virt::Error::ERR_OPERATION_INVALID,
    Sys::Virt::Error::FROM_ADMIN, 'Requested operation is not valid: A close callback is already registered',
    'a second close callback is refused');
$stop->();
SysVirtQemu::pump_until(15, sub { @closed });
is(scalar @closed, 1, 'the daemon stopped: the close callback ran once');
is($closed[0][0], $adm, '... with the admin connection');
is($closed[0][1], Sys::Virt::CLOSE_REASON_EOF, '... and CLOSE_REASON_EOF');
is($adm->is_alive, 0, 'is_alive: 0 once the daemon is gone');
is($adm->get_uri, $admin_uri, 'get_uri still answers (no call to the daemon)');
virt_error_is(error_of { $adm->list_servers }, Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_RPC,
    'internal error: client socket is closed', 'a call to the stopped daemon');
is(scalar(() = $adm->unregister_close_callback), 0, 'unregister_close_callback on the dead connection');
Sys::Virt::Event::remove_timeout($tick);
done_testing();
