package SysVirtDaemon;
# A private libvirtd for the tests that need a remote connection (the
# remote driver: keep-alive, encryption/security flags, a second client,
# a daemon that goes away). uris() uses the daemon .ci/run started
# (SYSVIRT_TEST_DAEMON_DIR) or starts one; start_private() always starts
# one of the test's own, which it may stop (or freeze) itself. Every
# daemon started here and still running when the test ends is stopped by
# its PID.
use strict;
use warnings;
use File::Temp ();
use SysVirtTest ();

my %daemons;            # dir => { pid, owner (the PID of the process that started it) }
my @tmp;                # the File::Temp directories, removed at exit

# .ci/libvirtd of this tree (found from this file, not from the cwd).
sub _script { SysVirtTest::ci_script('libvirtd') }

# _free_port($from): the first port from $from up (at most 100 tried) that
# nothing listens on (another test's daemon may own some of them).
sub _free_port {
    my ($port) = @_;
    for my $p ($port .. $port + 99) {
        return $p if SysVirtTest::port_free($p);
    }
    die "no free port in $port.." . ($port + 99) . "\n";
}

# start_private($port): starts a libvirtd of the test's own (.ci/libvirtd:
# test driver, as root) in a new temporary directory, listening on TCP at
# the first free port from $port up. Returns ($uri, $stop, $pid, $tcp_uri):
# the test+unix URI of its socket, a sub that stops it (.ci/libvirtd stop:
# SIGTERM, then SIGKILL after 5 s), its PID and its test+tcp URI. Dies
# (with the reason) when it cannot start. At END, a daemon still running
# is woken (SIGCONT, in case the test froze it) and stopped.
sub start_private {
    my ($port) = @_;
    my $script = _script();
    die "no .ci/libvirtd\n" unless $script && -x $script;
    my ($dir, $pid);
    # A port found free may be taken before libvirtd binds it (another
    # process picking ports the same way): then the next one is tried.
    for my $try (1 .. 5) {
        $port = _free_port($port);
        my $tmp = File::Temp->newdir('sysvirt-libvirtd-XXXXXX', TMPDIR => 1);
        push @tmp, $tmp;
        $dir = $tmp->dirname;
        $pid = `'$script' start '$dir' $port 2>&1`;
        chomp $pid;
        last if $? == 0 && $pid =~ /^\d+$/;
        die "cannot start libvirtd: $pid\n" unless $pid =~ /Address already in use/ && $try < 5;
        $port++;
    }
    $daemons{$dir} = { pid => $pid, owner => $$ };
    return ("test+unix:///default?socket=$dir/libvirt-sock",
            sub { system($script, 'stop', $dir) },
            $pid,
            "test+tcp://127.0.0.1:$port/default");
}

# admin_uri($uri): the admin URI of the private libvirtd whose test+unix
# URI (from start_private or uris) is $uri: its admin socket, which
# libvirtd creates beside its other sockets in its unix_sock_dir.
sub admin_uri {
    my ($uri) = @_;
    my ($dir) = $uri =~ m{\?socket=(.*)/libvirt-sock$} or die "admin_uri: no socket in $uri\n";
    return "libvirtd:///system?socket=$dir/libvirt-admin-sock";
}

# uris(): (unix socket URI, tcp URI) of the test driver behind libvirtd,
# or the empty list (with a reason in $@) when no daemon can be had: the
# daemon .ci/run started, or else one of start_private()'s (ports from
# 17000 up).
sub uris {
    my $dir = $ENV{SYSVIRT_TEST_DAEMON_DIR};
    if ($dir) {
        my $port = $ENV{SYSVIRT_TEST_DAEMON_PORT} || 16509;
        return ("test+unix:///default?socket=$dir/libvirt-sock",
                "test+tcp://127.0.0.1:$port/default");
    }
    my ($unix, undef, undef, $tcp) = eval { start_private(17000 + $$ % 1000) };
    unless ($unix) { chomp($@); return }
    return ($unix, $tcp);
}

END {
    my $rc = $?;
    my $script = _script();
    for my $dir (sort keys %daemons) {
        my $d = $daemons{$dir};
        next unless $d->{owner} == $$ && kill 0, $d->{pid};
        kill 'CONT', $d->{pid};
        system($script, 'stop', $dir);
        kill 'KILL', $d->{pid} if kill 0, $d->{pid};
    }
    $? = $rc;
}

1;
