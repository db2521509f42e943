package SysVirtTest;
# What the test files share: error assertions, the running libvirt's
# version, the "not a blessed SV reference" check, and libvirt's debug log.
#
#   use lib 't/lib';
#   use SysVirtTest qw(error_of virt_error_is too_new_is);
#   virt_error_is(error_of { $dom->suspend }, Sys::Virt::Error::ERR_OPERATION_INVALID,
#                 Sys::Virt::Error::FROM_DOMAIN, undef, 'suspend a shut off domain');
#
# The libvirt debug log must be set up before libvirt initialises:
#   BEGIN { SysVirtTest::log_libvirt_calls() }   # before `use Sys::Virt`
use strict;
use warnings;
use Exporter qw(import);
use Scalar::Util ();
use File::Spec ();
use File::Temp ();

our @EXPORT_OK = qw(error_of virt_error_is wrong_class_is die_is too_new_is unsupported_is domain_invocant_checks
                    client_version version_number
                    not_blessed names rss_kib growth connect_node_host embedded_secrets
                    logged skip_log logged_params in_child lxc_daemon lxc_daemon_stop lxc_shell_xml);

# in_child { CODE }: runs CODE in a child process, for what changes the
# process for good (entering a container's namespaces, cgroups, security
# label); returns the lines CODE returned, sent back on a pipe, or one
# line "died: CODE|DOMAIN|MESSAGE" (a Sys::Virt::Error) or "died: $@".
# The child ends with POSIX::_exit: never back into the test.
sub in_child(&) {
    my ($code) = @_;
    require POSIX;
    pipe(my $r, my $w) or die "pipe: $!";
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        close $r;
        my @out = eval { $code->() };
        @out = ('died: ' . (ref $@ ? join('|', $@->code, $@->domain, $@->message) : $@ =~ s/\n\z//r)) if $@;
        print $w map { "$_\n" } @out;
        close $w;
        POSIX::_exit(0);
    }
    close $w;
    my @lines = <$r>;
    chomp @lines;
    waitpid $pid, 0;
    return @lines;
}

# error_of { CODE }: the exception CODE dies with, or undef when it
# returns.
sub error_of(&) {
    my ($code) = @_;
    return eval { $code->(); 1 } ? undef : $@;
}

# virt_error_is($err, $code, $domain, $message, $name): one test that $err
# (from error_of, or a copy of $@) is a Sys::Virt::Error with that code
# (Sys::Virt::Error::ERR_*), error domain (FROM_*) and message: exactly
# the string $message, matching it when it is a qr// regex, or any message
# when it is undef. On failure the diagnostics show what was raised.
sub virt_error_is {
    my ($err, $code, $domain, $message, $name) = @_;
    require Test::More;
    my $tb = Test::More->builder;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    my $want = join '|', $code, $domain,
        !defined $message ? '(any message)' : ref $message eq 'Regexp' ? "/$message/" : $message;
    if (!(Scalar::Util::blessed($err) && $err->isa('Sys::Virt::Error'))) {
        my $ok = $tb->ok(0, $name);
        $tb->diag("    expected a Sys::Virt::Error ($want)\n    got: " . _describe($err));
        return $ok;
    }
    my ($c, $d, $m) = ($err->code, $err->domain, $err->message // '');
    my $match = !defined $message ? 1 : ref $message eq 'Regexp' ? scalar($m =~ $message) : $m eq $message;
    my $ok = $tb->ok($c == $code && $d == $domain && $match ? 1 : 0, $name);
    $tb->diag("    expected: $want\n         got: " . join('|', $c, $d, $m)) unless $ok;
    return $ok;
}

# _describe($err): what error_of returned, for diagnostics.
sub _describe {
    my ($err) = @_;
    return !defined $err ? 'no error' : ref $err ? join('', Test::More::explain($err)) : "die '$err'";
}

# die_is($err, $message, $name): one test that $err is a plain die (a
# string, not an object) of exactly $message, with Perl's " at FILE line
# N." location appended. (Write $message in single quotes: '\@xml'.)
sub die_is {
    my ($err, $message, $name) = @_;
    require Test::More;
    my $tb = Test::More->builder;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    my $ok = $tb->ok(defined $err && !ref $err && $err =~ /\A\Q$message\E at \S+ line \d+\.\n\z/ ? 1 : 0, $name);
    $tb->diag("    expected: die '$message at ... line N.'\n         got: " . _describe($err)) unless $ok;
    return $ok;
}

# wrong_class_is($err, $class, $sub, $arg, $name): one test that $err is
# the refusal of an object that is not a $class (another class's, or a
# forged or tampered one) as argument $arg (named as the POD names it:
# '$dom') of $sub ('Sys::Virt::Domain::get_name'): a Sys::Virt::Error
# with the code and domain of $class's invalid-object error (as libvirt
# reports a NULL object of that type) and the message
# "$sub: $arg is not a $class object".
my %INVALID = (
    'Sys::Virt'                   => [qw(ERR_INVALID_CONN FROM_DOMAIN)],
    'Sys::Virt::Domain'           => [qw(ERR_INVALID_DOMAIN FROM_DOM)],
    'Sys::Virt::DomainSnapshot'   => [qw(ERR_INVALID_DOMAIN_SNAPSHOT FROM_DOMAIN_SNAPSHOT)],
    'Sys::Virt::DomainCheckpoint' => [qw(ERR_INVALID_DOMAIN_CHECKPOINT FROM_DOMAIN_CHECKPOINT)],
    'Sys::Virt::Network'          => [qw(ERR_INVALID_NETWORK FROM_NETWORK)],
    'Sys::Virt::NetworkPort'      => [qw(ERR_INVALID_NETWORK_PORT FROM_NETWORK)],
    'Sys::Virt::StoragePool'      => [qw(ERR_INVALID_STORAGE_POOL FROM_STORAGE)],
    'Sys::Virt::StorageVol'       => [qw(ERR_INVALID_STORAGE_VOL FROM_STORAGE)],
    'Sys::Virt::NodeDevice'       => [qw(ERR_INVALID_NODE_DEVICE FROM_NODEDEV)],
    'Sys::Virt::Interface'        => [qw(ERR_INVALID_INTERFACE FROM_INTERFACE)],
    'Sys::Virt::Secret'           => [qw(ERR_INVALID_SECRET FROM_SECRET)],
    'Sys::Virt::NWFilter'         => [qw(ERR_INVALID_NWFILTER FROM_NWFILTER)],
    'Sys::Virt::NWFilterBinding'  => [qw(ERR_INVALID_NWFILTER_BINDING FROM_NWFILTER)],
    'Sys::Virt::Stream'           => [qw(ERR_INVALID_STREAM FROM_STREAMS)],
    'Sys::Virt::Admin'            => [qw(ERR_INVALID_CONN FROM_ADMIN)],
    'Sys::Virt::Admin::Server'    => [qw(ERR_INVALID_CONN FROM_ADMIN)],
    'Sys::Virt::Admin::Client'    => [qw(ERR_INVALID_CONN FROM_ADMIN)],
);

# package_of_type(): libvirt type => Perl package, for every class of
# object data/classes.tsv declares (the classes a manifest row's invocant
# column names).
sub package_of_type {
    open my $fh, '<', 'data/classes.tsv' or die "data/classes.tsv: $!";
    my %pkg;
    while (<$fh>) {
        next if /^#/ || !/\S/;
        my ($type, undef, $pkg) = split /\t/;
        $pkg{$type} = $pkg;
    }
    return %pkg;
}
sub wrong_class_is {
    my ($err, $class, $sub, $arg, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    require Sys::Virt::Error;
    my $names = $INVALID{$class} or die "wrong_class_is: no class $class\n";
    my ($code, $domain) = map { (Sys::Virt::Error->can($_) or die "no Sys::Virt::Error::$_\n")->() } @$names;
    return virt_error_is($err, $code, $domain, "$sub: $arg is not a $class object", $name);
}

# client_version(): the libvirt these tests run on (the libvirt.so.0 that
# was loaded: the system's, or another one through LD_LIBRARY_PATH), as a
# number (9000000) in scalar context, and as the number and its string
# ("9.0.0") in list context. (Through _get_library_version(undef): the C
# original's get_version() without a connection dies, and t/compare
# scripts run this under it too.)
sub client_version {
    require Sys::Virt;
    my $v = Sys::Virt::_get_library_version(undef);
    return $v unless wantarray;
    return ($v, join('.', int($v / 1_000_000), int($v / 1000) % 1000, $v % 1000));
}

# version_number("7.7.0"): 7007000, as libvirt numbers its versions.
sub version_number {
    my @v = split /\./, $_[0];
    return $v[0] * 1_000_000 + ($v[1] // 0) * 1000 + ($v[2] // 0);
}

# too_new_is($err, $function, $version, $name): $err is the binding's
# refusal of a libvirt function newer than the running libvirt:
# ERR_NO_SUPPORT, FROM_NONE, naming the function and the version that has it.
sub too_new_is {
    my ($err, $function, $version, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    my (undef, $running) = client_version();
    return virt_error_is($err, Sys::Virt::Error::ERR_NO_SUPPORT(), Sys::Virt::Error::FROM_NONE(),
                         "this function is not supported by the running libvirt $running: "
                         . "$function needs libvirt $version or newer", $name);
}

# domain_invocant_checks(conn => $conn, gone => $domain, calls => [[$method, @args]...],
#                        dom => $domain): for each Sys::Virt::Domain method
# with its arguments: it exists; a non-object invocant (a string, undef, a
# hash or array ref) returns undef and warns as the original; a connection
# as invocant raises the domain's invalid-object error (wrong_class_is); no
# arguments at all is the usage error, and so are two more arguments on
# $dom when dom is given; on $gone, a domain after DESTROY, it raises
# ERR_INVALID_DOMAIN (FROM_DOM).
sub domain_invocant_checks {
    my (%o) = @_;
    require Test::More;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    for my $c (@{ $o{calls} }) {
        my ($m, @args) = @$c;
        my $sub = Sys::Virt::Domain->can($m);
        Test::More::ok($sub, "$m is defined") or next;
        for my $bad ('dops-run', undef, {}, []) {
            my @warn;
            local $SIG{__WARN__} = sub { push @warn, @_ };
            my @r = eval { $sub->($bad, @args) };
            Test::More::is($@, '', "$m on a non-object does not die");
            Test::More::ok(@r == 1 && !defined $r[0], "$m on a non-object returns undef");
            Test::More::like($warn[0] // '', qr/^Sys::Virt::Domain::$m\(\) -- dom is not a blessed SV reference/,
                             "$m on a non-object warns");
        }
        wrong_class_is(error_of { $sub->($o{conn}, @args) }, 'Sys::Virt::Domain', "Sys::Virt::Domain::$m", '$dom',
                       "$m on a connection: the Sys::Virt::Domain invalid-object error");
        Test::More::like(error_of { $sub->() }, qr/^Usage: Sys::Virt::Domain::$m\(dom/, "$m without arguments: usage");
        Test::More::like(error_of { $sub->($o{dom}, @args, 0, 0) }, qr/^Usage: Sys::Virt::Domain::$m\(dom/,
                         "$m with too many arguments: usage") if $o{dom};
        virt_error_is(error_of { $o{gone}->$m(@args) }, Sys::Virt::Error::ERR_INVALID_DOMAIN(),
                      Sys::Virt::Error::FROM_DOM(), undef, "$m on a destroyed handle");
    }
}

# unsupported_is($err, $function, $since, $from, $name): $err refuses a
# call of the libvirt function $function: the binding's too_new_is error
# when the running libvirt is older than $since (undef: any has it), else
# the connection driver's own ERR_NO_SUPPORT (error domain $from).
sub unsupported_is {
    my ($err, $function, $since, $from, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    return too_new_is($err, $function, $since, $name)
        if defined $since && client_version() < version_number($since);
    return virt_error_is($err, Sys::Virt::Error::ERR_NO_SUPPORT(), $from,
                         "this function is not supported by the connection driver: $function", $name);
}

# not_blessed($name, $sub): $sub calls a method with something that is not
# an object: two tests, that it returns (undef) and warns as the original
# ("... -- dom is not a blessed SV reference").
sub not_blessed {
    my ($name, $sub) = @_;
    require Test::More;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    my @warn;
    local $SIG{__WARN__} = sub { push @warn, @_ };
    my @r = $sub->();
    Test::More::is_deeply(\@r, [undef], "$name returns undef");
    Test::More::like($warn[0] // '', qr/ -- \w+ is not a blessed SV reference/, "$name warns");
}

# connect_node_host(): a connection to the custom test host of
# t/data/connect-node.xml (two running guests, one network...), whose
# <auth> section wants credentials: the callback answers alice/s3cret.
# In list context also the host XML's absolute path.
sub connect_node_host {
    require Cwd;
    require Sys::Virt;
    my $xmlpath = Cwd::abs_path(File::Spec->catfile('t', 'data', 'connect-node.xml'));
    my $conn = Sys::Virt->new(
        uri => "test://$xmlpath", auth => 1,
        credlist => [Sys::Virt::CRED_AUTHNAME(), Sys::Virt::CRED_PASSPHRASE()],
        callback => sub {
            $_->{result} = $_->{type} == Sys::Virt::CRED_AUTHNAME() ? 'alice' : 's3cret' for @{ $_[0] };
            0;
        });
    return wantarray ? ($conn, $xmlpath) : $conn;
}

# embedded_secrets(): (a connection to libvirt's real secret driver,
# embedded in this process with a temporary root), or (undef, why not).
# Register an event loop first (Sys::Virt::Event::register_default). The
# driver is a module of the installed libvirt (9.0.0 here): a libvirt.so.0
# of another version (LD_LIBRARY_PATH) cannot load it, as its private
# symbols are versioned. That, and only that, is a reason; any other
# failure dies.
my @secret_roots;    # kept for the life of the process
sub embedded_secrets {
    require Sys::Virt;
    push @secret_roots, File::Temp->newdir('sysvirt-secret-XXXX', TMPDIR => 1);
    my $conn = eval { Sys::Virt->new(uri => 'secret:///embed?root=' . $secret_roots[-1]->dirname) };
    return ($conn) if $conn;
    die "secret:///embed: $@" unless ref $@ && $@->message =~
        m{^internal error: Failed to load module '[^']*/libvirt_driver_secret\.so': .*version `LIBVIRT_PRIVATE_[\d.]+' not found};
    my (undef, $running) = client_version();
    return (undef, "libvirt's embedded secret driver cannot load into libvirt $running: " . $@->message);
}

# growth($n, $code): runs $code $n times to warm up (allocator pools,
# caches), then $n more times three rounds over, and returns the growth
# of resident memory (KiB) over the last two rounds.
sub growth {
    my ($n, $code) = @_;
    $code->() for 1 .. $n;
    my @rss = (rss_kib());
    for (1 .. 2) {
        $code->() for 1 .. $n;
        push @rss, rss_kib();
    }
    return $rss[-1] - $rss[0];
}

# rss_kib(): this process's resident memory in KiB (dies without
# /proc/self/statm: a leak check must not pass by reading nothing).
sub rss_kib {
    open my $fh, '<', '/proc/self/statm' or die "/proc/self/statm: $!\n";
    my (undef, $resident) = split ' ', scalar <$fh>;
    return $resident * 4;
}

# ci_script($name): the path of .ci/$name in this tree (found from this
# file, not from the cwd).
sub ci_script {
    my ($name) = @_;
    require File::Basename;
    require Cwd;
    my $here = File::Basename::dirname(Cwd::abs_path(__FILE__));
    return Cwd::abs_path(File::Spec->catfile($here, '..', '..', '.ci', $name));
}

# lxc_daemon($dir): starts a private libvirtd with the LXC driver in the
# existing folder $dir (.ci/lxc-daemon, which says why its view of the
# cgroups differs from the host's): ($uri, $pid), or () with $@ saying why
# it could not start. lxc_daemon_stop($dir) destroys its containers and
# stops it.
sub lxc_daemon {
    my ($dir) = @_;
    my $script = ci_script('lxc-daemon');
    my $pid = `'$script' start '$dir' 2>'$dir/start.err'`;
    if ($? != 0) {
        open(my $fh, '<', "$dir/start.err");
        $@ = 'no LXC daemon: ' . ($fh ? do { local $/; <$fh> } : '');
        return;
    }
    chomp $pid;
    return ("lxc+unix:///system?socket=$dir/sock/libvirt-sock", $pid);
}

sub lxc_daemon_stop {
    my ($dir) = @_;
    local $SIG{PIPE} = 'IGNORE';
    system(ci_script('lxc-daemon'), 'stop', $dir);
}

# lxc_shell_xml($name): a container whose init is /bin/sh on the console
# pty, which waits for input for ever.
sub lxc_shell_xml {
    my ($name) = @_;
    return <<"XML";
<domain type='lxc'>
  <name>$name</name>
  <memory unit='MiB'>128</memory>
  <os><type>exe</type><init>/bin/sh</init></os>
  <devices><console type='pty'/></devices>
</domain>
XML
}

# port_free($port): nothing listens on 127.0.0.1:$port and it can be bound.
sub port_free {
    require IO::Socket::INET;
    my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $_[0],
                                  Proto => 'tcp', ReuseAddr => 1, Listen => 1);
    return 0 unless $s;
    close $s;
    return 1;
}

# names(@objects): their names, sorted, joined by commas.
sub names { return join(',', sort map { $_->get_name } @_) }

# ------------------------------------------------------------------------
# libvirt's debug log, to see what reached libvirt: log_libvirt_calls()
# (in a BEGIN block, before libvirt initialises) sends libvirt's debug
# messages of its public API (the "libvirt" filter) to a temporary file;
# logged($api) returns the lines $api logged since the last call,
# skip_log() skips what was logged so far.

my ($LOG, $logpos);

sub log_libvirt_calls {
    $LOG = File::Spec->catfile(File::Temp::tempdir(CLEANUP => 1), 'libvirt.log');
    $logpos = 0;
    $ENV{LIBVIRT_LOG_FILTERS} = '1:libvirt';
    $ENV{LIBVIRT_LOG_OUTPUTS} = "1:file:$LOG";
    delete $ENV{LIBVIRT_DEBUG};
    return $LOG;
}

# logged($api): the messages (after "debug : $api:LINE : ") of the lines
# libvirt logged for $api since the last logged() or skip_log().
sub logged {
    my ($api) = @_;
    die "log_libvirt_calls() was not called\n" unless defined $LOG;
    open my $fh, '<', $LOG or return ();
    seek($fh, $logpos, 0);
    my @lines = <$fh>;
    $logpos = tell($fh);
    close $fh;
    return map { /debug : \Q$api\E:\d+ : (.*)$/ ? $1 : () } @lines;
}

sub skip_log { logged('none') }

# logged_params($api): the typed parameters $api logged since the last
# call, as sorted "name=(type)value" strings.
sub logged_params {
    my ($api) = @_;
    return [ sort map { /^params\["(.*)"\]=(\(\w+\).*)$/ ? "$1=$2" : () } logged($api) ];
}

# ------------------------------------------------------------------------
# A tied scalar or hash whose FETCH dies with $message, for the tests that
# a die inside an argument's conversion reaches the caller intact:
#   tie my $x, 'SysVirtTest::DiesOnFetch', "refused\n";
#   tie my %h, 'SysVirtTest::DiesOnFetch', "refused\n", 'weight';  # one key
package SysVirtTest::DiesOnFetch;
sub TIESCALAR { my ($class, $message) = @_; return bless { message => $message }, $class }
sub TIEHASH { my ($class, $message, $key) = @_; return bless { message => $message, key => $key }, $class }
sub FETCH { die $_[0]{message} }
sub STORE { }
sub EXISTS { 1 }
sub FIRSTKEY { $_[0]{key} }
sub NEXTKEY { undef }

1;
