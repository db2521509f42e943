package SysVirtDaemon;
# A private libvirtd for the tests that need a remote connection (the
# remote driver: keep-alive, encryption/security flags, a second client).
# Uses the daemon .ci/run started (SYSVIRT_TEST_DAEMON_DIR), or starts one
# with .ci/libvirtd and stops it by its PID when the test ends.
use strict;
use warnings;
use File::Temp ();
use File::Spec ();
use Cwd ();

my ($own_dir, $tmp);

# Returns (unix socket URI, tcp URI) of the test driver behind libvirtd,
# or the empty list (with a reason in $@) when no daemon can be had.
sub uris {
    my $dir = $ENV{SYSVIRT_TEST_DAEMON_DIR};
    my $port = $ENV{SYSVIRT_TEST_DAEMON_PORT} || 16509;
    if (!$dir) {
        my $script = Cwd::abs_path('.ci/libvirtd');
        unless ($script && -x $script) { $@ = 'no .ci/libvirtd'; return }
        $tmp = File::Temp->newdir('sysvirt-libvirtd-XXXX', TMPDIR => 1);
        $dir = $tmp->dirname;
        $port = 17000 + $$ % 1000;
        my $pid = `$script start $dir $port 2>&1`;
        if ($? != 0) { $@ = "cannot start libvirtd: $pid"; return }
        $own_dir = $dir;
    }
    return ("test+unix:///default?socket=$dir/libvirt-sock",
            "test+tcp://127.0.0.1:$port/default");
}

END {
    if ($own_dir) {
        my $script = Cwd::abs_path('.ci/libvirtd');
        system($script, 'stop', $own_dir);
    }
}

1;
