# -*- perl -*-
# Sys::Virt::Domain device hotplug, send_key, inject_nmi, block jobs and
# backups against the test driver. Most of these calls are not supported
# by the test driver: libvirt's debug log (enabled below, before libvirt
# initialises) shows what each method passed to libvirt before the driver
# refused it.

use strict;
use warnings;

use File::Spec;
use FindBin;
use Test::More;

use lib 't/lib';
use SysVirtTest qw(domain_invocant_checks error_of virt_error_is die_is logged skip_log);
my $LOG;
BEGIN { $LOG = SysVirtTest::log_libvirt_calls() }

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, "Sys::Virt is loaded from blib");

my $xml = File::Spec->rel2abs("$FindBin::Bin/data/dops-node.xml");
my $conn = Sys::Virt->new(uri => "test://$xml");
my $dom = $conn->get_domain_by_name("dops-run");
my $off = $conn->get_domain_by_name("dops-off");

# $err is the test driver's refusal of $api.
sub unsupported {
    my ($err, $api, $name) = @_;
    virt_error_is($err, &Sys::Virt::Error::ERR_NO_SUPPORT, &Sys::Virt::Error::FROM_DOMAIN, qr/: \Q$api\E$/,
                  "$name: $api is not supported by the test driver");
}

ok(-f $LOG, "libvirt writes its debug log") or BAIL_OUT("no libvirt debug log at $LOG");
skip_log();

# ---- device hotplug ---------------------------------------------------
# The test driver runs inside the client library, so what it implements is
# the running libvirt's (src/test/test_driver.c's driver table): attach
# (virDomainAttachDevice, virDomainAttachDeviceFlags) and
# virDomainDetachDeviceAlias from 10.0.0, virDomainUpdateDeviceFlags from
# 10.6.0; no version has virDomainDetachDevice(Flags). Where the driver has
# the call, its own answer shows the arguments got there.
my $LIB = $conn->get_library_version;
my $attach_ok = $LIB >= 10_000_000;
my $update_ok = $LIB >= 10_006_000;
my $disk = "<disk type='file' device='disk'><source file='/dops/images/new.img'/><target dev='vdc'/></disk>";
my $DUP = [ &Sys::Virt::Error::ERR_XML_ERROR, &Sys::Virt::Error::FROM_DOMAIN, qr/target 'vdc' duplicated/ ];
sub bad_flags {
    my ($flags, $fn) = @_;
    return [ &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_TEST,
             qr/^unsupported flags \(0x$flags\) in function \Q$fn\E$/ ];
}
my $NO_ALIAS = [ &Sys::Virt::Error::ERR_INTERNAL_ERROR, &Sys::Virt::Error::FROM_DOMAIN,
                 qr/^internal error: no device found with alias ua-disk1$/ ];
for my $case (
    # method, arguments, libvirt API, its debug line, what the driver answers
    # (undef: success, "unsupported", or [code, domain, message])
    [ attach_device => [ $disk ], "virDomainAttachDevice", qr/xml=\Q$disk\E$/,
      $attach_ok ? undef : "unsupported" ],
    [ attach_device => [ $disk, 0 ], "virDomainAttachDevice", qr/xml=\Q$disk\E$/,
      $attach_ok ? $DUP : "unsupported" ],
    [ attach_device => [ $disk, Sys::Virt::Domain::DEVICE_MODIFY_CONFIG ], "virDomainAttachDeviceFlags", qr/flags=0x2$/,
      $attach_ok ? bad_flags(2, "testDomainAttachDeviceLiveAndConfig") : "unsupported" ],
    [ detach_device => [ $disk ], "virDomainDetachDevice", qr/xml=\Q$disk\E$/, "unsupported" ],
    [ detach_device => [ $disk, Sys::Virt::Domain::DEVICE_MODIFY_LIVE | Sys::Virt::Domain::DEVICE_MODIFY_CONFIG ],
      "virDomainDetachDeviceFlags", qr/flags=0x3$/, "unsupported" ],
    [ update_device => [ $disk ], "virDomainUpdateDeviceFlags", qr/xml=\Q$disk\E, flags=0x0$/,
      $update_ok ? undef : "unsupported" ],
    [ update_device => [ $disk, Sys::Virt::Domain::DEVICE_MODIFY_FORCE ], "virDomainUpdateDeviceFlags", qr/flags=0x4$/,
      $update_ok ? bad_flags(4, "testDomainUpdateDeviceFlags") : "unsupported" ],
    [ detach_device_alias => [ "ua-disk1" ], "virDomainDetachDeviceAlias", qr/alias=ua-disk1, flags=0x0$/,
      $attach_ok ? $NO_ALIAS : "unsupported" ],
    [ detach_device_alias => [ "ua-disk1", 1 ], "virDomainDetachDeviceAlias", qr/flags=0x1$/,
      $attach_ok ? $NO_ALIAS : "unsupported" ],
) {
    my ($m, $args, $api, $logre, $want) = @$case;
    my $name = "$m(" . scalar(@$args) . " args)";
    my @r = eval { $dom->$m(@$args) };
    my $err = $@;
    if (!defined $want) {
        is($err, "", "$name succeeds");
    } elsif (!ref $want) {
        unsupported($err, $api, $name);
    } else {
        virt_error_is($err, $want->[0], $want->[1], undef, $name);
        like(ref $err ? $err->message : "", $want->[2], "$name: the test driver's own answer");
    }
    is(scalar(@r), 0, "$m returns nothing");
    my @l = logged($api);
    like($l[0] // "", $logre, "$m passed its arguments to $api");
}
if ($attach_ok) {
    like($dom->get_xml_description, qr{<source file='/dops/images/new\.img'/>\s*<target dev='vdc' bus='virtio'/>},
         "attach_device: the disk is in the live XML");
    my $vdd = "<disk type='file' device='disk'><source file='/dops/images/vdd.img'/><target dev='vdd'/></disk>";
    is_deeply([$dom->attach_device($vdd, Sys::Virt::Domain::DEVICE_MODIFY_LIVE)], [],
              "attach_device(DEVICE_MODIFY_LIVE) returns nothing");
    my ($alias) = $dom->get_xml_description =~ m{<target dev='vdd'[^>]*/>\s*<alias name='([^']+)'/>};
    ok(defined $alias, "the attached disk has an alias") or diag($dom->get_xml_description);
    is_deeply([$dom->detach_device_alias($alias // "")], [], "detach_device_alias of that alias returns nothing");
    unlike($dom->get_xml_description, qr/vdd/, "detach_device_alias: the disk is gone");
    skip_log();
}
if ($update_ok) {
    (my $other = $disk) =~ s/new\.img/other.img/;
    is_deeply([$dom->update_device($other, Sys::Virt::Domain::DEVICE_MODIFY_LIVE)], [],
              "update_device(DEVICE_MODIFY_LIVE) returns nothing");
    like($dom->get_xml_description, qr{<source file='/dops/images/other\.img'/>\s*<target dev='vdc'},
         "update_device: the new source is in the live XML");
    skip_log();
}

# ---- send_key / inject_nmi ---------------------------------------------
{
    my @r = $dom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX, 100, [29, 56, 111]);
    is(scalar(@r), 0, "send_key succeeds and returns nothing");
    like((logged("virDomainSendKey"))[0] // "", qr/codeset=0, holdtime=100, nkeycodes=3, flags=0x0$/,
         "send_key passes codeset, holdtime and the number of keys");
    $dom->send_key(Sys::Virt::Domain::KEYCODE_SET_USB, 5, [ (4) x Sys::Virt::Domain::SEND_KEY_MAX_KEYS ], 0);
    like((logged("virDomainSendKey"))[0] // "", qr/codeset=7, holdtime=5, nkeycodes=16,/, "send_key with 16 keys");
}
eval { $dom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX, 10, [30, 99999]) };
virt_error_is($@, &Sys::Virt::Error::ERR_INTERNAL_ERROR, &Sys::Virt::Error::FROM_TEST, undef,
              "send_key of an invalid keycode");
like($@->message, qr/invalid keycode 99999 of linux codeset/, "send_key passes every keycode through");
eval { $dom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX, 10, [-1]) };
like($@->message, qr/invalid keycode 4294967295 /, "send_key: keycodes are unsigned ints");
eval { $dom->send_key(0, 10, [ (1) x 17 ]) };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_DOMAIN, undef, "send_key of 17 keys");
like($@->message, qr/nkeycodes must be <= 16/, "send_key: libvirt checks the key count");
eval { $dom->send_key(0, 10, []) };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_DOMAIN, undef, "send_key of no key");
eval { $dom->send_key(99, 10, [1]) };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "send_key with an unknown codeset");
eval { $dom->send_key(0, 10, [1], 1) };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_TEST, undef, "send_key with flags");
eval { $off->send_key(0, 10, [1]) };
virt_error_is($@, &Sys::Virt::Error::ERR_OPERATION_INVALID, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "send_key to a shut-off domain");
{
    # The original returned its arguments for a non-reference and crashed
    # on a hash ref or an array with holes.
    for my $bad ("30", undef, { a => 1 }, \"x") {
        die_is(error_of { $dom->send_key(0, 10, $bad) },
               'Sys::Virt::Domain::send_key: \@keycodes must be an array reference',
               "send_key refuses a keycode list that is not an array ref");
    }
    my @holes; $holes[2] = 30;
    my @warn;
    local $SIG{__WARN__} = sub { push @warn, @_ };
    skip_log();
    $dom->send_key(0, 10, \@holes);
    like((logged("virDomainSendKey"))[0] // "", qr/nkeycodes=3,/, "send_key: holes are key 0");
    $dom->send_key(0, 10, [undef, 30]);
    like($warn[0] // "", qr/uninitialized/, "send_key: undef keycode warns like Perl");
}

is(scalar(my @r = $dom->inject_nmi()), 0, "inject_nmi succeeds and returns nothing");
eval { $dom->inject_nmi(1) };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_TEST, undef, "inject_nmi with flags");
eval { $off->inject_nmi() };
virt_error_is($@, &Sys::Virt::Error::ERR_OPERATION_INVALID, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "inject_nmi of a shut-off domain");

# ---- block jobs -------------------------------------------------------
for my $case (
    [ block_pull => [ "vda", 9 ], "virDomainBlockPull", qr/disk=vda, bandwidth=9, flags=0x0$/ ],
    [ block_pull => [ "vda", 2**40, Sys::Virt::Domain::BLOCK_PULL_BANDWIDTH_BYTES ], "virDomainBlockPull",
      qr/bandwidth=1099511627776, flags=0x40$/ ],
    [ block_rebase => [ "vda", undef, 0 ], "virDomainBlockRebase", qr/disk=vda, base=<null>, bandwidth=0, flags=0x0$/ ],
    [ block_rebase => [ "vdb", "/dops/base.img", 5, Sys::Virt::Domain::BLOCK_REBASE_COPY | Sys::Virt::Domain::BLOCK_REBASE_SHALLOW ],
      "virDomainBlockRebase", qr/disk=vdb, base=\/dops\/base.img, bandwidth=5, flags=0x9$/ ],
    [ block_commit => [ "vda", undef, undef, 0 ], "virDomainBlockCommit",
      qr/disk=vda, base=<null>, top=<null>, bandwidth=0, flags=0x0$/ ],
    [ block_commit => [ "vda", "base.img", "top.img", 7, Sys::Virt::Domain::BLOCK_COMMIT_ACTIVE ],
      "virDomainBlockCommit", qr/base=base.img, top=top.img, bandwidth=7, flags=0x4$/ ],
    [ block_resize => [ "vda", 1048576 ], "virDomainBlockResize", qr/disk=vda, size=1048576, flags=0x0$/ ],
    [ block_resize => [ "vdb", "18446744073709551615", Sys::Virt::Domain::BLOCK_RESIZE_BYTES ],
      "virDomainBlockResize", qr/size=18446744073709551615, flags=0x1$/ ],
    [ set_block_job_speed => [ "vda", 11, Sys::Virt::Domain::BLOCK_JOB_SPEED_BANDWIDTH_BYTES ],
      "virDomainBlockJobSetSpeed", qr/disk=vda, bandwidth=11, flags=0x1$/ ],
    [ abort_block_job => [ "vda" ], "virDomainBlockJobAbort", qr/disk=vda, flags=0x0$/ ],
    [ abort_block_job => [ "vda", Sys::Virt::Domain::BLOCK_JOB_ABORT_PIVOT ], "virDomainBlockJobAbort", qr/flags=0x2$/ ],
    [ get_block_job_info => [ "vda" ], "virDomainGetBlockJobInfo", qr/disk=vda, info=0x[0-9a-f]+, flags=0x0$/ ],
    [ get_block_job_info => [ "vda", Sys::Virt::Domain::BLOCK_JOB_INFO_BANDWIDTH_BYTES ],
      "virDomainGetBlockJobInfo", qr/flags=0x1$/ ],
    [ set_block_threshold => [ "vdb", 2**50 ], "virDomainSetBlockThreshold", qr/dev='vdb' threshold=1125899906842624 flags=0x0$/ ],
    [ backup_begin => [ "<domainbackup/>", undef ], "virDomainBackupBegin",
      qr/backupXML=<domainbackup\/>, checkpointXML=<null>, flags=0x0$/ ],
    [ backup_begin => [ "<domainbackup/>", "<domaincheckpoint/>", Sys::Virt::Domain::BACKUP_BEGIN_REUSE_EXTERNAL ],
      "virDomainBackupBegin", qr/checkpointXML=<domaincheckpoint\/>, flags=0x1$/ ],
    [ backup_get_xml_description => [], "virDomainBackupGetXMLDesc", qr/flags=0x0$/ ],
) {
    my ($m, $args, $api, $logre) = @$case;
    my @r = eval { $dom->$m(@$args) };
    unsupported($@, $api, "$m(" . join(", ", map { defined $_ ? $_ : "undef" } @$args) . ")");
    is(scalar(@r), 0, "$m returns nothing on error");
    my @l = logged($api);
    like($l[0] // "", $logre, "$m passed its arguments to $api");
}
eval { $dom->backup_begin(undef, undef) };
virt_error_is($@, &Sys::Virt::Error::ERR_INVALID_ARG, &Sys::Virt::Error::FROM_DOMAIN, undef,
              "backup_begin without XML");
like($@->message, qr/backupXML in virDomainBackupBegin must not be NULL/, "backup_begin(undef) passes NULL");

# block_copy: typed parameters from the hash (unknown keys ignored).
{
    skip_log();
    eval {
        $dom->block_copy("vda", "<disk type='file'/>", {
            Sys::Virt::Domain::BLOCK_COPY_BANDWIDTH => "18446744073709551615",
            Sys::Virt::Domain::BLOCK_COPY_GRANULARITY => 65536,
            Sys::Virt::Domain::BLOCK_COPY_BUF_SIZE => 2**33,
            "no-such-param" => 1,
        }, Sys::Virt::Domain::BLOCK_COPY_SHALLOW);
    };
    unsupported($@, "virDomainBlockCopy", "block_copy");
    my @l = logged("virDomainBlockCopy");
    like($l[0] // "", qr/disk=vda, destxml=<disk type='file'\/>, params=0x[0-9a-f]+, nparams=3, flags=0x1$/,
         "block_copy passes path, XML, 3 parameters and flags");
    is_deeply([ sort @l[1 .. $#l] ], [
        'params["bandwidth"]=(ullong)18446744073709551615',
        'params["buf-size"]=(ullong)8589934592',
        'params["granularity"]=(uint)65536',
    ], "block_copy parameters have libvirt's documented types");
    eval { $dom->block_copy("vda", "<disk/>", {}) };
    unsupported($@, "virDomainBlockCopy", "block_copy without parameters");
    like((logged("virDomainBlockCopy"))[0] // "", qr/nparams=0, flags=0x0$/, "block_copy with an empty hash");
    for my $bad ("x", undef, [1], \1) {
        die_is(error_of { $dom->block_copy("vda", "<disk/>", $bad) },
               'Sys::Virt::Domain::block_copy: \%params is not a HASH reference',
               "block_copy refuses parameters that are not a hash ref");
    }
}

# ---- bad arguments and dead objects ------------------------------------
my @calls = (
    [ attach_device => $disk ], [ detach_device => $disk ], [ detach_device_alias => "ua" ],
    [ update_device => $disk ], [ send_key => 0, 10, [1] ], [ inject_nmi => ],
    [ block_pull => "vda", 0 ], [ block_rebase => "vda", undef, 0 ],
    [ block_copy => "vda", "<disk/>", {} ], [ block_commit => "vda", undef, undef, 0 ],
    [ block_resize => "vda", 1 ], [ get_block_job_info => "vda" ],
    [ set_block_job_speed => "vda", 1 ], [ abort_block_job => "vda" ],
    [ set_block_threshold => "vda", 1 ], [ backup_begin => "<domainbackup/>", undef ],
    [ backup_get_xml_description => ],
);
{
    my $gone = $conn->get_domain_by_name("dops-run");
    $gone->DESTROY;
    domain_invocant_checks(conn => $conn, gone => $gone, calls => \@calls);
}
{
    package DopsTiedArray;
    sub TIEARRAY { bless {}, shift }
    sub FETCHSIZE { 2 }
    sub FETCH { die "element died\n" }
}
{
    tie my %h, "SysVirtTest::DiesOnFetch", "fetch died\n", "bandwidth";
    eval { $dom->block_copy("vda", "<disk/>", \%h) };
    is($@, "fetch died\n", "block_copy: a tied hash whose FETCH dies propagates the die");
    tie my @a, "DopsTiedArray";
    eval { $dom->send_key(0, 10, \@a) };
    is($@, "element died\n", "send_key: a tied array whose FETCH dies propagates the die");
    is(scalar(my @r = $dom->inject_nmi()), 0, "the domain still works afterwards");
}

done_testing();
