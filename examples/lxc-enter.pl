#!/usr/bin/perl
# Run a command inside a running LXC container, as `virsh
# lxc-enter-namespace` does: a child process joins the container's
# cgroups (lxc_enter_cgroup), enters its namespaces (lxc_open_namespace,
# lxc_enter_namespace) and, with --label, takes its security label
# (lxc_enter_security_label); then a process it forks, which is inside the
# container's PID namespace too, runs COMMAND (default: hostname). The
# program exits with the command's status. Needs the LXC driver (and
# libvirt-lxc.so.0), as root.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use POSIX ();
use Sys::Virt;

# Options end at DOMAIN: the command's own (sh -c ...) are its.
Getopt::Long::Configure('require_order');
my $uri = 'lxc:///system';
my $label = 0;
GetOptions('uri|c=s' => \$uri, 'label' => \$label,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
my ($name, @command) = @ARGV;
pod2usage(2) unless defined $name;
@command = ('hostname') unless @command;

sub fail { print STDERR "$0: ", ref $_[0] ? $_[0]->message . "\n" : $_[0]; }

my ($dom, @fds, $model, $seclabel);
eval {
    my $conn = Sys::Virt->new(uri => $uri);
    $dom = $conn->get_domain_by_name($name);
    @fds = $dom->lxc_open_namespace;
    ($model, $seclabel) = ($conn->get_node_security_model, $dom->get_security_label) if $label;
    1;
} or do { fail($@); exit 1 };

my $pid = fork // do { fail("fork: $!\n"); exit 1 };
if (!$pid) {
    # Only in this child: entering a container changes the process for good.
    eval {
        $dom->lxc_enter_cgroup;     # first: the cgroup files are the host's
        $dom->lxc_enter_namespace(\@fds);
        Sys::Virt::lxc_enter_security_label($model, $seclabel) if $label;
        1;
    } or do { fail($@); POSIX::_exit(1) };
    # A new PID namespace applies to the children of who entered it.
    my $kid = fork // do { fail("fork: $!\n"); POSIX::_exit(1) };
    if (!$kid) {
        { exec { $command[0] } @command }
        fail("$command[0]: $!\n");
        POSIX::_exit(127);
    }
    waitpid($kid, 0);
    POSIX::_exit($? & 127 ? 128 + ($? & 127) : $? >> 8);
}
POSIX::close($_) for @fds;
waitpid($pid, 0);
exit($? & 127 ? 128 + ($? & 127) : $? >> 8);

__END__

=head1 NAME

lxc-enter.pl - run a command inside a running LXC container

=head1 SYNOPSIS

  lxc-enter.pl [--uri URI] [--label] DOMAIN [COMMAND [ARG...]]

=head1 DESCRIPTION

Runs COMMAND (default C<hostname>) in the namespaces and cgroups of the
running LXC container DOMAIN, as C<virsh lxc-enter-namespace> does, and
exits with its status (1 for a libvirt error, 127 for a command that
cannot be run). Uses C<lxc_open_namespace>, C<lxc_enter_cgroup>,
C<lxc_enter_namespace> and C<lxc_enter_security_label> of
L<Sys::Virt::Domain> and L<Sys::Virt>.

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<lxc:///system>).

=item B<--label>

Also take the container's security label (its model as the host reports
it).

=back

=cut
