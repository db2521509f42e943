# The connection class through libvirt's remote driver: a private libvirtd
# (started by .ci/run, or by this test via .ci/libvirtd when run as root)
# serving the test driver on a unix socket and on TCP loopback.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use SysVirtDaemon;

my ($unix_uri, $tcp_uri) = SysVirtDaemon::uris();
plan skip_all => "no private libvirtd: $@" unless $unix_uri;

like($INC{'Sys/Virt.pm'}, qr{blib/}, 'testing the built copy');

my $unix = Sys::Virt->new(uri => $unix_uri);
my $tcp = Sys::Virt->new(uri => $tcp_uri);
my $local = Sys::Virt->new(uri => 'test:///default');

is($unix->get_uri, $unix_uri, 'unix socket: URI as given');
is($tcp->get_uri, $tcp_uri, 'tcp: URI as given');
is($unix->get_type, 'TEST', 'the daemon serves the test driver');

# Transport properties only the remote driver reports differently.
is($unix->is_secure, 1, 'a unix socket is secure');
is($tcp->is_secure, 0, 'plain TCP is not secure');
is($unix->is_encrypted, 0, 'a unix socket is not encrypted');
is($tcp->is_encrypted, 0, 'plain TCP is not encrypted');
is($_->is_alive, 1, $_->get_uri . ' is alive') for $unix, $tcp;
is($unix->get_hostname, $local->get_hostname, 'the daemon runs on this host');

# Keep-alive needs an event loop in the client; without one the remote
# driver refuses, and the in-process test driver does not support it.
eval { $unix->set_keep_alive(5, 3) };
isa_ok($@, 'Sys::Virt::Error', 'keep-alive without an event loop');
is($@->code, Sys::Virt::Error::ERR_INTERNAL_ERROR, '... ERR_INTERNAL_ERROR');
like($@->message, qr/keepalive/, '... about keepalive');
eval { $local->set_keep_alive(5, 3) };
is($@->code, Sys::Virt::Error::ERR_NO_SUPPORT, 'test driver: keep-alive unsupported');

# Real values and errors travel through the daemon.
my $dom = $unix->get_domain_by_name('test');
isa_ok($dom, 'Sys::Virt::Domain');
is($dom->get_info->{memory}, 2097152, "domain 'test' has 2 GiB through the daemon");
is($dom->get_uuid_string, $local->get_domain_by_name('test')->get_uuid_string, 'same UUID as in-process');
eval { $unix->get_domain_by_name('no-such-domain') };
is($@->code, Sys::Virt::Error::ERR_NO_DOMAIN, 'unknown domain: ERR_NO_DOMAIN across the wire');
is($@->domain, Sys::Virt::Error::FROM_TEST, '... from the test driver');

# Two clients of one daemon share its state.
my $xml = <<'XML';
<domain type='test'>
  <name>remote-guest</name>
  <memory>65536</memory>
  <os><type>hvm</type></os>
</domain>
XML
my $defined = $unix->define_domain($xml);
is($tcp->get_domain_by_name('remote-guest')->get_uuid_string, $defined->get_uuid_string,
   'a domain defined over the unix socket is seen over TCP');
ok(scalar(grep { $_->get_name eq 'remote-guest' } $tcp->list_all_domains), 'and listed');
$defined->undefine;
eval { $tcp->get_domain_by_name('remote-guest') };
is($@->code, Sys::Virt::Error::ERR_NO_DOMAIN, 'undefined on one client, gone for the other');

# A read-only connection is refused writes by the daemon.
my $ro = Sys::Virt->new(uri => $unix_uri, readonly => 1);
eval { $ro->define_domain($xml) };
is($@->code, Sys::Virt::Error::ERR_OPERATIONED_DENIED, "read-only connection: ERR_OPERATIONED_DENIED (the original's spelling)");

# A connection to a daemon that is not there fails cleanly.
eval { Sys::Virt->new(uri => 'test+unix:///default?socket=/nonexistent/libvirt-sock') };
is($@->code, Sys::Virt::Error::ERR_SYSTEM_ERROR, 'missing socket: ERR_SYSTEM_ERROR');
is($@->domain, Sys::Virt::Error::FROM_RPC, '... from the RPC layer');

done_testing();
