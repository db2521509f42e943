# A daemon that goes away while a program holds a connection to it, with
# no event loop to notice: the next call raises a Sys::Virt::Error and the
# program goes on. libvirt writes to its socket with write(2), so with
# Perl's default SIGPIPE disposition the C original was killed by the
# signal, silently, on that call (or at exit, when the connection closed).
# The program's own writes to a closed pipe still end it as before.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use File::Temp ();
use POSIX ();

use Sys::Virt;
use SysVirtDaemon;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

plan skip_all => 'libvirtd needs root' unless $> == 0;
my ($uri, $stop) = eval { SysVirtDaemon::start_private(17000 + ($$ + 500) % 1000) };
plan skip_all => "cannot start a private libvirtd: $@" unless $uri;

# Runs $code in a child; returns its exit status and what it printed.
sub in_child {
    my ($code) = @_;
    my $out = File::Temp->new;
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        open STDOUT, '>', $out->filename or die;
        $| = 1;
        $code->();
        POSIX::_exit(0);
    }
    waitpid $pid, 0;
    my $status = $?;
    return ($status, do { local (@ARGV, $/) = ($out->filename); <> } // '');
}

my ($status, $out) = in_child(sub {
    my $conn = Sys::Virt->new(uri => $uri);
    print 'before: ', $conn->get_hostname eq `hostname` =~ s/\s+\z//r ? 'ok' : 'wrong', "\n";
    $stop->();
    for (1 .. 2) {
        my @r = eval { $conn->get_hostname };
        print 'after: ', (ref $@ ? join('|', $@->code, $@->domain, $@->message) : "no error (@r)"), "\n";
    }
    print 'alive: ', $conn->is_alive, "\n";
    my @r = eval { $conn->unregister_close_callback };
    print 'unregister: ', ($@ eq '' ? scalar(@r) : "died: $@"), "\n";
    # the connection is closed here, and again at exit: neither kills us
    undef $conn;
    print "end\n";
    exit 0;
});
is($status & 127, 0, 'no signal killed the program when its daemon went away');
is($status >> 8, 0, '... it ran to its end');
is($out, join('', "before: ok\n",
    "after: " . join('|', Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_RPC,
                     'Cannot write data: Broken pipe') . "\n",
    "after: " . join('|', Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_RPC,
                     'internal error: client socket is closed') . "\n",
    "alive: 0\n", "unregister: 0\n", "end\n"),
   'the first call after the drop fails to write, the next finds the socket closed');

# The program's own writes: a closed pipe still ends it with SIGPIPE.
($status) = in_child(sub {
    pipe(my $r, my $w) or die;
    close $r;
    syswrite $w, "x";
    print "survived\n";
});
is($status & 127, POSIX::SIGPIPE(), "the program's own write to a closed pipe still raises SIGPIPE");

# ... unless it says otherwise.
($status, $out) = in_child(sub {
    local $SIG{PIPE} = sub { print "handler\n" };
    pipe(my $r, my $w) or die;
    close $r;
    syswrite $w, "x";
    print "survived\n";
});
is($status, 0, "a program's own SIGPIPE handler still runs");
is($out, "handler\nsurvived\n", '... for its own writes');

done_testing();
