# The real libvirt + QEMU stack (.ci/qemu-stack, t/lib/SysVirtQemu.pm):
# a TCG guest really boots the test boot sector (its banner is read from
# the serial log), and the primary daemon's SASL and TLS listeners
# authenticate as they should.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use SysVirtQemu;

my $s = SysVirtQemu::skip_unless_stack();

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $conn = Sys::Virt->new(uri => $s->{uri});
ok($conn, 'primary daemon (unix socket)');
is($conn->get_type, 'QEMU', 'it is the QEMU driver');

my $name = "sysvirt-smoke-$$";
my $img = "$s->{dir}/images/$name.qcow2";
my $log = "$s->{dir}/images/$name.serial.log";
my $dom;
END {
    if ($dom) { eval { $dom->destroy } }
    unlink grep { defined } $img, $log;
}

SysVirtQemu::make_disk($img);
ok(-s $img, 'disk image made');

$dom = $conn->create_domain(SysVirtQemu::guest_xml(
    name => $name, disk => $img, serial_log => $log,
    description => 'Sys::Virt smoke test guest'));
ok($dom, 'transient guest created');
is($dom->get_info->{state}, Sys::Virt::Domain::STATE_RUNNING, 'guest is running');

# The boot sector prints the banner about once a second.
ok(SysVirtQemu::wait_banners($log, 1, 30), 'the guest booted the boot sector (banner on COM1)')
    or diag 'serial log: ' . SysVirtQemu::slurp($log);

# The tap of the 'ethernet' interface has counters.
my ($ifname) = $dom->get_xml_description =~ /<interface type='ethernet'>.*?<target dev='([^']+)'/s;
ok($ifname, "guest has a tap ($ifname)");
my $st = eval { $dom->interface_stats($ifname) };
ok($st && exists $st->{rx_bytes} && exists $st->{tx_packets}, 'interface_stats works')
    or diag $@;

$dom->destroy;
undef $dom;
ok(!grep({ $_->get_name eq $name } $conn->list_domains), 'guest destroyed');

# SASL (DIGEST-MD5) on TCP: the right password is accepted, a wrong
# one refused.
my $sasl = sub { SysVirtQemu::sasl_connect($s->{sasl_uri}, $s->{sasl_user}, $_[0]) };
my $c = eval { $sasl->($s->{sasl_password}) };
ok($c, 'SASL with the right password connects') or diag $@;
is(eval { $c->get_type }, 'QEMU', 'SASL connection answers');
is(eval { $c->is_encrypted }, 1, 'SASL DIGEST-MD5 connection is encrypted');
undef $c;
eval { $sasl->('wrong-password') };
isa_ok($@, 'Sys::Virt::Error', 'SASL with a wrong password: error');

# TLS: the good client PKI connects, encrypted; an unrelated CA is refused.
$c = eval { Sys::Virt->new(uri => $s->{tls_uri}) };
ok($c, 'TLS connects') or diag $@;
is(eval { $c->is_encrypted }, 1, 'TLS connection is encrypted');
undef $c;
eval { Sys::Virt->new(uri => $s->{tls_bad_uri}) };
isa_ok($@, 'Sys::Virt::Error', 'TLS with an unrelated CA: error');

$c = eval { Sys::Virt->new(uri => $s->{test_tls_uri}) };
ok($c, 'test driver over TLS connects') or diag $@;
ok(eval { grep { $_->get_name eq 'test' } $c->list_domains }, 'its default domain is there');

done_testing();
