# Non-ASCII strings through every kind of string argument and result, in
# each form a Perl script holds them: a character string (`use utf8`
# source, or text decoded from JSON or a database), the same text as UTF-8
# bytes, an upgraded Latin-1 string ("caf\x{e9}" with the UTF-8 flag on)
# and a plain Latin-1 byte string. Prints one line per result: a label,
# then the result's bytes in hex and ":U" if it carries the UTF-8 flag.
# t/60-strings.t runs it under this build (and under the C original when
# it is unpacked) and checks every line.
use utf8;
use strict;
use warnings;
use Encode ();
use lib 't/lib';
use SysVirtTest ();
use Sys::Virt;
use Sys::Virt::Event;

$| = 1;
sub show {
    my ($label, $v) = @_;
    my $text = !defined $v ? 'undef'
        : ref $v ? ref $v
        : unpack('H*', $v) . (utf8::is_utf8($v) ? ':U' : '');
    print "$label $text\n";
}
sub try {
    my ($label, $code) = @_;
    my @r = eval { $code->() };
    if (ref $@) { print "$label error ", $@->code, "\n"; return }
    if ($@) { (my $e = $@) =~ s/ at .*//s; print "$label die $e\n"; return }
    show($label, $_) for @r;
}

my $conn = Sys::Virt->new(uri => 'test:///default');
sub domain_xml {
    my ($name, $desc) = @_;
    return "<domain type='test'><name>$name</name><description>$desc</description>"
        . "<memory>65536</memory><os><type>hvm</type></os></domain>";
}

# The forms of one text.
my %form = (
    chars => 'vm-☺',                                   # use utf8 literal
    bytes => "vm-\xe2\x98\xba",                         # its UTF-8 bytes
    decoded => Encode::decode('UTF-8', "vm-\xe2\x98\xba"),  # from JSON/DB
);

# XML and names: define with a character string, read back, look up by
# each form of the name.
my $dom = $conn->define_domain(domain_xml('vm-☺', 'Café ☺'));
try('define.name', sub { $dom->get_name });
try('define.description', sub { ($dom->get_xml_description =~ m{<description>(.*?)</description>})[0] });
for my $f (sort keys %form) {
    try("lookup.$f", sub { $conn->get_domain_by_name($form{$f})->get_uuid_string eq $dom->get_uuid_string });
}
# Latin-1: upgraded strings travel as their UTF-8 encoding, plain bytes as
# themselves (so "caf\xe9" is another name, and invalid in XML).
my $upgraded = "caf\x{e9}";
utf8::upgrade($upgraded);
my $latin = "caf\x{e9}";
utf8::downgrade($latin);
my $dom2 = $conn->define_domain(domain_xml($upgraded, $upgraded));
try('latin.upgraded.name', sub { $dom2->get_name });
try('latin.lookup.chars', sub { $conn->get_domain_by_name('café')->get_name });
try('latin.lookup.bytes', sub { $conn->get_domain_by_name("caf\xc3\xa9")->get_name });
try('latin.lookup.latin1', sub { $conn->get_domain_by_name($latin)->get_name });
try('latin.define.latin1', sub { $conn->define_domain(domain_xml($latin, 'x'))->get_name });

# Metadata: text and elements with non-ASCII content.
try('metadata.description', sub {
    $dom->set_metadata(Sys::Virt::Domain::METADATA_DESCRIPTION, 'Hello ☺', undef, undef);
    $dom->get_metadata(Sys::Virt::Domain::METADATA_DESCRIPTION);
});
try('metadata.title', sub {
    $dom->set_metadata(Sys::Virt::Domain::METADATA_TITLE, $upgraded, undef, undef);
    $dom->get_metadata(Sys::Virt::Domain::METADATA_TITLE);
});
try('metadata.element', sub {
    $dom->set_metadata(Sys::Virt::Domain::METADATA_ELEMENT, '<note>Café ☺</note>',
                       'n', 'http://example.org/ns/☺');
    $dom->get_metadata(Sys::Virt::Domain::METADATA_ELEMENT, 'http://example.org/ns/☺');
});

# Typed-parameter strings.
try('iotune.group_name', sub {
    my $run = $conn->get_domain_by_name('test');
    $run->set_block_iotune('vda', { Sys::Virt::Domain::BLOCK_IOTUNE_GROUP_NAME() => 'grp-☺' });
    $run->get_block_iotune('vda')->{Sys::Virt::Domain::BLOCK_IOTUNE_GROUP_NAME()};
});

# Snapshot names and their XML.
try('snapshot.name', sub {
    $dom->create_snapshot('<domainsnapshot><name>snap-☺</name><description>Café</description>'
                          . '</domainsnapshot>')->get_name;
});
try('snapshot.lookup', sub { $dom->get_snapshot_by_name($form{decoded} =~ s/vm/snap/r)->get_name });

# Networks, pools and volumes: names and paths.
try('network.name', sub {
    $conn->define_network("<network><name>net-☺</name><bridge name='virbr9'/></network>")->get_name;
});
try('network.lookup', sub { $conn->get_network_by_name("net-\xe2\x98\xba")->get_name });
my $pool = $conn->get_storage_pool_by_name('default-pool');
try('volume.name', sub {
    $pool->create_volume('<volume><name>vol-☺.img</name><capacity>1024</capacity></volume>')->get_name;
});
try('volume.lookup', sub { $pool->get_volume_by_name('vol-☺.img')->get_name });
try('volume.path', sub { $pool->get_volume_by_name('vol-☺.img')->get_path });
try('volume.by_path', sub { $conn->get_storage_volume_by_path('/default-pool/vol-☺.img')->get_name });

# Secret values: bytes in, the same bytes out; a character string as its
# UTF-8 encoding (libvirt's real secret driver, embedded).
Sys::Virt::Event::register_default();
# On a libvirt.so.0 other than the installed one's the driver cannot load:
# that, and only that, ends the script here, saying why.
my ($secrets, $no_secrets) = SysVirtTest::embedded_secrets();
unless ($secrets) {
    print "secret.skip $no_secrets\n";
    exit 0;
}
my $sec = $secrets->define_secret("<secret ephemeral='no' private='no'>"
    . "<description>clé ☺</description><usage type='volume'><volume>/img/☺.img</volume></usage></secret>");
try('secret.usage_id', sub { $sec->get_usage_id });
try('secret.by_usage', sub {
    $secrets->get_secret_by_usage(Sys::Virt::Secret::USAGE_TYPE_VOLUME, '/img/☺.img')->get_usage_id;
});
for my $v (['chars', 'pässwörd ☺'], ['upgraded', $upgraded], ['latin1', $latin],
           ['binary', "\0\xff\xe9"]) {
    try("secret.value.$v->[0]", sub { $sec->set_value($v->[1]); $sec->get_value });
}
# (no undefine: libvirt 9.0's embedded secret driver crashes in it, under
# the original too; the scratch directory goes away with the secret)
