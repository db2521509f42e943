# Array-ref arguments holding strings: the CPU documents of baseline_cpu
# and baseline_hypervisor_cpu, the mount points of fs_freeze/fs_thaw, the
# keys of authorized_ssh_keys_set. An undef element goes to libvirt as ""
# with Perl's "uninitialized" warning: the expected results below are the
# C original's (Sys::Virt 9.0.0 on libvirt 9.0.0, test:///default), and
# t/compare/calls.pl makes the same calls under both builds. A hole (an
# element never assigned) crashed the original; here it reads as undef
# does. Anything but an array ref dies naming the argument.
use strict;
use warnings;
use Test::More;

use Sys::Virt;
use lib 't/lib';
use SysVirtTest qw(error_of die_is);

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
my $cpu = '<cpu><arch>x86_64</arch><model>qemu64</model></cpu>';

my $UNINIT = qr/^Use of uninitialized value in subroutine entry at \Q${\__FILE__}\E line \d+\.$/;

# Runs $code with warnings caught: it must raise the Sys::Virt::Error
# @expect (code, domain, message: a string, or a pattern where libvirt's
# wording varies by version), return nothing, and warn once.
sub fails_with_warning {
    my ($name, $code, $ecode, $edomain, $emessage) = @_;
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, $_[0] };
    my @r = eval { $code->() };
    my $e = $@;
    my @got = eval { $e->isa('Sys::Virt::Error') } ? ($e->code, $e->domain) : ("not an error: $e");
    is_deeply([@got, scalar @r], [$ecode, $edomain, 0], "$name: libvirt's error, nothing returned");
    my $message = ref $e ? $e->message : '';
    if (ref $emessage) {
        like($message, $emessage, "$name: libvirt's message");
    } else {
        is($message, $emessage, "$name: libvirt's message");
    }
    is(scalar @warnings, 1, "$name: one warning");
    like($warnings[0] // '', $UNINIT, "$name: Perl's uninitialized warning");
}

my $NO_SUPPORT = Sys::Virt::Error::ERR_NO_SUPPORT;
my $FROM_DOMAIN = Sys::Virt::Error::FROM_DOMAIN;
my %calls = (
    baseline_cpu => [
        sub { $conn->baseline_cpu($_[0]) },
        Sys::Virt::Error::ERR_XML_DETAIL, Sys::Virt::Error::FROM_CPU,
        # the empty document "": libvirt 9.0 says "(CPU_definition):1:
        # Document is empty", 11.3 "at line 1: Document is empty"
        qr/^(?:\(CPU_definition\):|at line )1: Document is empty\n\(null\)\n\^\z/,
    ],
    baseline_hypervisor_cpu => [
        sub { $conn->baseline_hypervisor_cpu(undef, 'x86_64', undef, undef, $_[0]) },
        $NO_SUPPORT, $FROM_DOMAIN,
        'this function is not supported by the connection driver: virConnectBaselineHypervisorCPU',
    ],
    # "" is a mount point the domain does not have (the message ends in it)
    fs_freeze => [
        sub { $dom->fs_freeze($_[0]) },
        Sys::Virt::Error::ERR_OPERATION_INVALID, Sys::Virt::Error::FROM_TEST,
        'Requested operation is not valid: mount point not found: ',
    ],
    fs_thaw => [
        sub { $dom->fs_thaw($_[0]) },
        Sys::Virt::Error::ERR_OPERATION_INVALID, Sys::Virt::Error::FROM_TEST,
        'Requested operation is not valid: mount point not found: ',
    ],
    authorized_ssh_keys_set => [
        sub { $dom->authorized_ssh_keys_set('root', $_[0]) },
        $NO_SUPPORT, $FROM_DOMAIN,
        'this function is not supported by the connection driver: virDomainAuthorizedSSHKeysSet',
    ],
);
# The strings that come before the undef element: libvirt reads the list
# in order, so the first one must be the one it fails on ("" or the
# broken document) for the message to show what the element became.
my %valid = (baseline_cpu => $cpu, fs_freeze => '/', fs_thaw => '/', authorized_ssh_keys_set => 'ssh-ed25519 AAAA x',
             baseline_hypervisor_cpu => $cpu);

for my $method (sort keys %calls) {
    my ($code, @expect) = @{ $calls{$method} };
    my $first_bad = $method =~ /^fs_/;    # the test driver stops at the first unknown mount point
    my @undef_list = $first_bad ? (undef, $valid{$method}) : ($valid{$method}, undef);
    fails_with_warning("$method: an undef element", sub { $code->([@undef_list]) }, @expect);

    my @holes;
    $holes[$first_bad ? 1 : 2] = $valid{$method};
    $holes[0] = $valid{$method} unless $first_bad;
    ok(!exists $holes[$first_bad ? 0 : 1], "$method: the list has a hole");
    fails_with_warning("$method: a hole reads as undef", sub { $code->(\@holes) }, @expect);
}

# Not an array reference: a die naming the argument as the POD does (the
# original crashed).
my %arg = (baseline_cpu => 'Sys::Virt::baseline_cpu: \@xml',
           baseline_hypervisor_cpu => 'Sys::Virt::baseline_hypervisor_cpu: \@xml',
           fs_freeze => 'Sys::Virt::Domain::fs_freeze: \@mount_points',
           fs_thaw => 'Sys::Virt::Domain::fs_thaw: \@mount_points',
           authorized_ssh_keys_set => 'Sys::Virt::Domain::authorized_ssh_keys_set: \@keys');
for my $method (sort keys %calls) {
    my $code = $calls{$method}[0];
    for my $bad ('x', { x => 1 }, undef, \'x') {
        my $what = defined $bad ? (ref $bad || 'string') : 'undef';
        die_is(error_of { $code->($bad) }, "$arg{$method} must be an array reference", "$method: $what is refused");
    }
}

done_testing();
