#!/usr/bin/perl
# Print a guest's XML, or change its memory and description by editing
# the XML of its persistent configuration and defining it again: the
# way to change anything libvirt has no dedicated call for.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'test:///default';
my ($inactive, $memory, $description);
GetOptions('uri|c=s' => \$uri, 'inactive' => \$inactive,
           'memory=i' => \$memory, 'description=s' => \$description,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
pod2usage(2) unless @ARGV == 1;
my ($name) = @ARGV;

eval {
    my $conn = Sys::Virt->new(uri => $uri);
    my $dom = $conn->get_domain_by_name($name);
    if (!defined $memory && !defined $description) {
        # A running guest's live XML, or (--inactive) what it boots with next.
        print $dom->get_xml_description($inactive ? Sys::Virt::Domain::XML_INACTIVE : 0);
        return 1;
    }
    die "$name is not persistent: there is no definition to edit\n" unless $dom->is_persistent;

    # Edit the persistent definition. XML_SECURE keeps passwords (VNC...)
    # in it: without it they would be lost on redefinition. A real script
    # would edit with an XML parser such as XML::LibXML.
    my $xml = $dom->get_xml_description(Sys::Virt::Domain::XML_INACTIVE | Sys::Virt::Domain::XML_SECURE);
    my %before = summary($xml);
    if (defined $memory) {
        my $kib = $memory * 1024;
        $xml =~ s{<memory\b[^>]*>\d+</memory>}{<memory unit='KiB'>$kib</memory>} or die "no <memory> in the XML\n";
        $xml =~ s{<currentMemory\b[^>]*>\d+</currentMemory>}{<currentMemory unit='KiB'>$kib</currentMemory>};
    }
    if (defined $description) {
        my $elem = '<description>' . escape($description) . '</description>';
        $xml =~ s{<description>.*?</description>}{$elem}s
            or $xml =~ s{(</name>)}{$1\n  $elem} or die "no <name> in the XML\n";
    }
    $conn->define_domain($xml);

    # Read the definition back: what libvirt stored, not what was sent.
    my %after = summary($dom->get_xml_description(Sys::Virt::Domain::XML_INACTIVE));
    for my $key (sort keys %after) {
        printf "%s: %s %s -> %s\n", $name, $key, $before{$key}, $after{$key}
            unless $before{$key} eq $after{$key};
    }
    print "$name: the change applies from the next boot\n" if $dom->is_active;
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

# summary($xml): (memory => "N MiB", description => "'text'") of a domain XML.
sub summary {
    my ($xml) = @_;
    my ($kib) = $xml =~ m{<memory unit='KiB'>(\d+)</memory>};
    my ($text) = $xml =~ m{<description>(.*?)</description>}s;
    return (memory => ($kib / 1024) . ' MiB', description => "'" . unescape($text // '') . "'");
}

# Text as XML character data: &, < and > as character references.
sub escape { (my $s = shift) =~ s/([&<>])/sprintf '&#%d;', ord $1/ge; return $s }

sub unescape {
    my ($s) = @_;
    my %ent = (lt => '<', gt => '>', quot => '"', apos => "'", amp => '&');
    $s =~ s/&(lt|gt|quot|apos|amp);/$ent{$1}/g;
    return $s;
}

__END__

=head1 NAME

domain-xml.pl - print or edit a guest's XML

=head1 SYNOPSIS

  domain-xml.pl [--uri URI] [--inactive] DOMAIN
  domain-xml.pl [--uri URI] [--memory MIB] [--description TEXT] DOMAIN

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<test:///default>).

=item B<--inactive>

Print the persistent definition (what the next boot uses) rather than
the running guest's XML.

=item B<--memory> MIB

Set the guest's memory (maximum and current) to MIB mebibytes.

=item B<--description> TEXT

Set the guest's description.

=back

With B<--memory> or B<--description>, the persistent definition is
edited and defined again, and the changed values are printed as libvirt
stored them.

=cut
