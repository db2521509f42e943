# CPU models, capabilities documents, native config conversion and
# storage pool source discovery.
use strict;
use warnings;

use Test::More;
use lib 't/lib';
use SysVirtTest qw(error_of virt_error_is die_is);

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, "testing the built copy");

my $conn = Sys::Virt->new(uri => "test:///default");

my $NO_SUPPORT = Sys::Virt::Error::ERR_NO_SUPPORT;
my $FROM_DOMAIN = Sys::Virt::Error::FROM_DOMAIN;
my $cpu = "<cpu><arch>x86_64</arch><model>qemu64</model></cpu>";

# ---- baseline ----------------------------------------------------------------

is($conn->baseline_cpu([$cpu]),
   "<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>qemu64</model>\n</cpu>\n",
   "baseline of one CPU");
is($conn->baseline_cpu([$cpu, $cpu], 0),
   "<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>qemu64</model>\n</cpu>\n",
   "baseline of two identical CPUs");
{
    my @r = $conn->baseline_cpu([$cpu]);
    is(scalar @r, 1, "one value returned");
}
eval { $conn->baseline_cpu(["<cpu>"]) };
virt_error_is($@, Sys::Virt::Error::ERR_XML_DETAIL, Sys::Virt::Error::FROM_CPU, undef, "baseline of broken XML");
eval { $conn->baseline_cpu([]) };
isa_ok($@, "Sys::Virt::Error", "baseline of no CPU");
die_is(error_of { $conn->baseline_cpu($cpu) }, 'Sys::Virt::baseline_cpu: \@xml must be an array reference',
       "baseline of a plain string");
{
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, @_ };
    eval { $conn->baseline_cpu([$cpu, undef]) };
    isa_ok($@, "Sys::Virt::Error", "an undef document is passed as empty");
    like($warnings[0] // '', qr/^Use of uninitialized value in subroutine entry/, "... with Perl's warning");
}
{
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, @_ };
    my @list = ($cpu); $list[2] = $cpu;
    eval { $conn->baseline_cpu(\@list) };
    isa_ok($@, "Sys::Virt::Error", "a hole in the list reads as undef (see t/61-string-lists.t)");
    like($warnings[0] // '', qr/^Use of uninitialized value in subroutine entry/, "... with Perl's warning");
}

eval { $conn->baseline_hypervisor_cpu(undef, "x86_64", undef, undef, [$cpu]) };
virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "baseline_hypervisor_cpu unsupported");
eval { $conn->baseline_hypervisor_cpu("/usr/bin/qemu", undef, "pc", "kvm", [$cpu], 0) };
virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "baseline_hypervisor_cpu with every string");
die_is(error_of { $conn->baseline_hypervisor_cpu(undef, "x86_64", undef, undef, { xml => $cpu }) },
       'Sys::Virt::baseline_hypervisor_cpu: \@xml must be an array reference',
       "baseline_hypervisor_cpu: documents not in an array");

# ---- compare ---------------------------------------------------------------------

eval { $conn->compare_cpu($cpu) };
virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "compare_cpu unsupported");
eval { $conn->compare_cpu($cpu, Sys::Virt::COMPARE_CPU_FAIL_INCOMPATIBLE) };
virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "compare_cpu with flags");
eval { $conn->compare_hypervisor_cpu(undef, "x86_64", undef, undef, $cpu) };
virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "compare_hypervisor_cpu unsupported");

# ---- CPU models ------------------------------------------------------------------

{
    my @names = $conn->get_cpu_model_names("x86_64");
    ok(@names > 10, scalar(@names) . " x86_64 models");
    ok((grep { $_ eq "qemu64" } @names), "qemu64 is one");
    ok((grep { $_ eq "Haswell" } @names), "Haswell is one");
    is($names[0], "486", "in libvirt's order");
    is(scalar(grep { !defined || !length } @names), 0, "no empty name");
    is_deeply([ $conn->get_cpu_model_names("x86_64", 0) ], \@names, "flags 0");
    eval { $conn->get_cpu_model_names("no-such-arch") };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef, "unknown architecture");
}

# ---- capabilities ---------------------------------------------------------------------

# The test driver has domain capabilities since libvirt 9.8.0 (hvsupport:
# virConnectGetDomainCapabilities test=9.8.0): the document echoes the
# arguments it was given (none for undef); before, libvirt's ERR_NO_SUPPORT.
if (Sys::Virt::get_version() >= 9_008_000) {
    my $caps = $conn->get_domain_capabilities(undef, "x86_64", undef, undef);
    like($caps, qr{^<domainCapabilities>\n  <domain>test</domain>\n  <arch>x86_64</arch>\n},
         "domain capabilities: the driver's type, the arch given");
    unlike($caps, qr{<path>|<machine>}, "... no emulator nor machine for undef");
    $caps = $conn->get_domain_capabilities("/usr/bin/qemu-system-x86_64", "x86_64", "pc", "kvm", 0);
    like($caps, qr{^<domainCapabilities>\n  <path>/usr/bin/qemu-system-x86_64</path>\n  <domain>kvm</domain>\n  <machine>pc</machine>\n  <arch>x86_64</arch>\n},
         "domain capabilities with every argument: each one reached libvirt");
    eval { $conn->get_domain_capabilities(undef, "x86_64", undef, undef, 1) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef,
                  "domain capabilities: the flags reached libvirt");
} else {
    eval { $conn->get_domain_capabilities(undef, "x86_64", undef, undef) };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "domain capabilities unsupported");
    eval { $conn->get_domain_capabilities("/usr/bin/qemu-system-x86_64", "x86_64", "pc", "kvm", 0) };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "domain capabilities with every argument");
}
eval { $conn->get_storage_pool_capabilities };
virt_error_is($@, $NO_SUPPORT, Sys::Virt::Error::FROM_STORAGE, undef, "storage pool capabilities unsupported");

# ---- native configuration ------------------------------------------------------------

eval { $conn->domain_xml_from_native("qemu-argv", "qemu-system-x86_64 -m 512") };
virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "domain_xml_from_native unsupported");
eval { $conn->domain_xml_to_native("qemu-argv", "<domain/>", 0) };
virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "domain_xml_to_native unsupported");

# ---- storage pool sources -------------------------------------------------------------

is($conn->find_storage_pool_sources("logical", undef),
   "<sources>\n  <source>\n    <device path='/dev/sda20'/>\n    <name>testvg1</name>\n"
   . "    <format type='lvm2'/>\n  </source>\n  <source>\n    <device path='/dev/sda21'/>\n"
   . "    <name>testvg2</name>\n    <format type='lvm2'/>\n  </source>\n</sources>\n",
   "LVM sources, undef spec passed as NULL");
is($conn->find_storage_pool_sources("netfs", "<source><host name='nfs.example.com'/></source>", 0),
   "<sources>\n  <source>\n    <host name='nfs.example.com'/>\n    <dir path='/testshare'/>\n"
   . "    <format type='nfs'/>\n  </source>\n</sources>\n",
   "NFS sources of a host");
eval { $conn->find_storage_pool_sources("netfs", undef) };
virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef, "NFS without a host");
eval { $conn->find_storage_pool_sources("netfs", "<source>") };
virt_error_is($@, Sys::Virt::Error::ERR_XML_DETAIL, Sys::Virt::Error::FROM_STORAGE, undef, "broken source spec");
eval { $conn->find_storage_pool_sources("dir", undef) };
virt_error_is($@, Sys::Virt::Error::ERR_INTERNAL_ERROR, Sys::Virt::Error::FROM_TEST, undef,
              "pool type without discovery");
eval { $conn->find_storage_pool_sources("no-such-type", undef) };
isa_ok($@, "Sys::Virt::Error", "unknown pool type");

done_testing();
