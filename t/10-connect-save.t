# Save images: restore_domain, define_save_image_xml and
# get_save_image_xml_description. The test driver's image format is
# "TestGuestMagic\0", the XML length as a native int, then the XML; we
# write such an image ourselves.
use strict;
use warnings;

use Test::More;
use lib 't/lib';
use SysVirtTest qw(connect_node_host error_of virt_error_is die_is unsupported_is);
use File::Temp ();
use File::Spec;

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, "testing the built copy");

my $dir = File::Temp::tempdir(CLEANUP => 1);

sub write_image {
    my ($path, $xml) = @_;
    open my $fh, ">", $path or die "$path: $!";
    binmode $fh;
    print $fh "TestGuestMagic\0", pack("i", length $xml), $xml;
    close $fh or die "$path: $!";
}

my $xml = "<domain type='test'><name>saved</name>"
    . "<uuid>12345678-1234-1234-1234-123456789abc</uuid>"
    . "<memory>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>";
my $image = File::Spec->catfile($dir, "saved.img");
write_image($image, $xml);

my $conn = Sys::Virt->new(uri => "test:///default");

# ---- reading and rewriting the XML of an image ----------------------------------

{
    my $desc = $conn->get_save_image_xml_description($image);
    like($desc, qr{^<domain type='test'>}, "image XML");
    like($desc, qr{<name>saved</name>}, "guest name");
    like($desc, qr{<memory unit='KiB'>1024</memory>}, "guest memory");
    is($conn->get_save_image_xml_description($image, Sys::Virt::Domain::XML_SECURE()), $desc,
       "with XML_SECURE");

    (my $bigger = $xml) =~ s{<memory>1024</memory>}{<memory>2048</memory>};
    my @r = $conn->define_save_image_xml($image, $bigger);
    is(scalar @r, 0, "define_save_image_xml returns nothing");
    like($conn->get_save_image_xml_description($image, 0), qr{<memory unit='KiB'>2048</memory>},
         "the image now holds the new XML");

    eval { $conn->define_save_image_xml($image, "<domain") };
    isa_ok($@, "Sys::Virt::Error", "broken replacement XML");
    like($conn->get_save_image_xml_description($image), qr{<memory unit='KiB'>2048</memory>},
         "the image is unchanged");

    my $missing = File::Spec->catfile($dir, "missing.img");
    eval { $conn->get_save_image_xml_description($missing) };
    virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_TEST, undef, "missing image");
    like(ref $@ ? $@->message : "", qr{missing\.img}, "message names the file");
    eval { $conn->define_save_image_xml($missing, $xml) };
    virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_TEST, undef,
                  "define on a missing image");

    my $junk = File::Spec->catfile($dir, "junk.img");
    open my $fh, ">", $junk or die; print $fh "not an image at all"; close $fh;
    eval { $conn->get_save_image_xml_description($junk) };
    isa_ok($@, "Sys::Virt::Error", "an image with a bad header");
}

# ---- restoring ----------------------------------------------------------------------

{
    my $missing = File::Spec->catfile($dir, "missing.img");
    eval { $conn->restore_domain($missing) };
    virt_error_is($@, Sys::Virt::Error::ERR_SYSTEM_ERROR, Sys::Virt::Error::FROM_TEST, undef,
                  "restore of a missing file (virDomainRestore)");

    # Which libvirt call is used shows in the errors of the test driver.
    eval { $conn->restore_domain($image, $xml) };
    virt_error_is($@, Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED, Sys::Virt::Error::FROM_TEST, undef,
                  "a replacement XML goes to virDomainRestoreFlags");
    eval { $conn->restore_domain($image, undef, undef, Sys::Virt::Domain::SAVE_BYPASS_CACHE()) };
    virt_error_is($@, Sys::Virt::Error::ERR_INVALID_ARG, Sys::Virt::Error::FROM_TEST, undef,
                  "flags go to virDomainRestoreFlags");
    like(ref $@ ? $@->message : "", qr/testDomainRestoreFlags/, "... the flags variant");
    # virDomainRestoreParams is libvirt 8.4.0's (libvirt-api.xml): from
    # there on the test driver lacks it (libvirt's ERR_NO_SUPPORT, domain
    # DOMAIN); an older libvirt lacks the function itself (the binding's
    # ERR_NO_SUPPORT, domain NONE, naming the version that has it).
    unsupported_is(error_of { $conn->restore_domain($image, undef, { Sys::Virt::Domain::SAVE_PARAM_FILE() => $image }) },
                   'virDomainRestoreParams', '8.4.0', Sys::Virt::Error::FROM_DOMAIN,
                   "a parameter hash goes to virDomainRestoreParams");
    unsupported_is(error_of { $conn->restore_domain(undef, undef, {}) },
                   'virDomainRestoreParams', '8.4.0', Sys::Virt::Error::FROM_DOMAIN,
                   "an empty parameter hash without file: virDomainRestoreParams");
    die_is(error_of { $conn->restore_domain($image, undef, "file=$image") },
           'Sys::Virt::restore_domain: \%params is not a HASH reference',
           "parameters not in a hash (the original crashed)");
    # neither $from nor $params: the original's die, before libvirt
    for my $args ([], [undef], [undef, undef, undef], [undef, '<domain/>', undef, 1]) {
        eval { $conn->restore_domain(@$args) };
        like($@, qr/^Either \$from or \$params parameter must be supplied at /,
             "restore without a file or parameters (" . scalar(@$args) . " arguments)");
    }

    my $ro = Sys::Virt->new(uri => "test:///default", readonly => 1);
    eval { $ro->restore_domain($image) };
    virt_error_is($@, Sys::Virt::Error::ERR_OPERATIONED_DENIED, Sys::Virt::Error::FROM_DOMAIN, undef,
                  "restore on a read-only connection");
    eval { $ro->define_save_image_xml($image, $xml) };
    virt_error_is($@, Sys::Virt::Error::ERR_OPERATIONED_DENIED, Sys::Virt::Error::FROM_DOMAIN, undef,
                  "define_save_image_xml on a read-only connection");
    is($ro->num_of_domains, 1, "nothing was restored");

    is($conn->num_of_domains, 1, "one running guest before");
    my @r = $conn->restore_domain($image);
    is(scalar @r, 0, "restore_domain returns nothing");
    is($conn->num_of_domains, 2, "the saved guest runs again");
    is_deeply([ sort { $a <=> $b } $conn->list_domain_ids(10) ], [1, 2], "with a new id");

    eval { $conn->restore_domain($image) };
    virt_error_is($@, Sys::Virt::Error::ERR_OPERATION_INVALID, Sys::Virt::Error::FROM_DOMAIN, undef,
                  "restoring a running guest again");

    # Every test:///default connection of a process shares one state, so
    # the next restore goes to a host of its own (the custom host XML).
    my $other = connect_node_host();
    is($other->num_of_domains, 2, "custom host: two guests");
    @r = $other->restore_domain($image, undef, undef, 0);
    is(scalar @r, 0, "restore with explicit zero flags");
    is($other->num_of_domains, 3, "custom host: the saved guest runs there too");
}

done_testing();
