#!/usr/bin/perl
# Manage libvirt secrets (passphrases of encrypted disks, Ceph or iSCSI
# keys...): define one, set and read its value, list and undefine them.
use strict;
use warnings;
use Getopt::Long;
use Pod::Usage;
use Sys::Virt;

my $uri = 'qemu:///system';
my ($usage_type, $usage_id, $description, $private) = ('volume');
GetOptions('uri|c=s' => \$uri, 'usage-type=s' => \$usage_type, 'usage=s' => \$usage_id,
           'description=s' => \$description, 'private' => \$private,
           'help|h' => sub { pod2usage(-exitval => 0, -verbose => 1) })
    or pod2usage(2);
my $action = shift // '';
my %nargs = (list => 0, define => 0, set => [1, 2], get => 1, undefine => 1);
pod2usage(2) unless exists $nargs{$action};
my ($min, $max) = ref $nargs{$action} ? @{ $nargs{$action} } : ($nargs{$action}) x 2;
pod2usage(2) unless @ARGV >= $min && @ARGV <= $max;
pod2usage("$0: define needs --usage") if $action eq 'define' && !defined $usage_id;

# The element that names what a secret is for, by usage type.
my %usage_elem = (volume => 'volume', ceph => 'name', iscsi => 'target', tls => 'name', vtpm => 'name');

eval {
    # libvirt's embedded drivers (secret:///embed?root=DIR) need an event
    # loop; with a daemon's URI it is not used.
    Sys::Virt::Event::register_default();
    my $conn = Sys::Virt->new(uri => $uri);

    if ($action eq 'list') {
        for my $secret (sort { $a->get_uuid_string cmp $b->get_uuid_string } $conn->list_all_secrets) {
            my ($type) = $secret->get_xml_description =~ m{<usage type='([^']+)'};
            printf "%s  %-7s %s\n", $secret->get_uuid_string, $type // '-', $secret->get_usage_id // '-';
        }
    } elsif ($action eq 'define') {
        my $elem = $usage_elem{$usage_type} or die "unknown usage type '$usage_type'\n";
        # Not ephemeral: the daemon keeps it on disk. Private: nobody can
        # read its value back through the API.
        my $xml = sprintf "<secret ephemeral='no' private='%s'>%s<usage type='%s'><%s>%s</%s></usage></secret>",
            $private ? 'yes' : 'no',
            defined $description ? '<description>' . escape($description) . '</description>' : '',
            $usage_type, $elem, escape($usage_id), $elem;
        my $secret = $conn->define_secret($xml);
        print $secret->get_uuid_string, "\n";
    } else {
        my $secret = $conn->get_secret_by_uuid(shift @ARGV);
        if ($action eq 'set') {
            # From a file or standard input: a value on the command line
            # would be visible to every user (ps).
            my $in = \*STDIN;
            if (@ARGV) { open $in, '<', $ARGV[0] or die "$ARGV[0]: $!\n" }
            binmode $in;
            my $value = do { local $/; <$in> };
            $secret->set_value($value);
            printf "set the value of %s (%d bytes)\n", $secret->get_uuid_string, length $value;
        } elsif ($action eq 'get') {
            binmode STDOUT;
            print $secret->get_value;
        } else {
            $secret->undefine;
            print "undefined ", $secret->get_uuid_string, "\n";
        }
    }
    1;
} or do { print STDERR "$0: ", ref $@ ? $@->message . "\n" : $@; exit 1 };

# Text as XML character data: &, < and > as character references.
sub escape { (my $s = shift) =~ s/([&<>])/sprintf '&#%d;', ord $1/ge; return $s }

__END__

=head1 NAME

secrets.pl - define, set, read, list and undefine libvirt secrets

=head1 SYNOPSIS

  secrets.pl [--uri URI] list
  secrets.pl [--uri URI] define --usage ID [--usage-type TYPE]
                                [--description TEXT] [--private]
  secrets.pl [--uri URI] set UUID [FILE]
  secrets.pl [--uri URI] get UUID
  secrets.pl [--uri URI] undefine UUID

=head1 OPTIONS

=over 4

=item B<--uri> URI, B<-c> URI

The libvirt connection (default C<qemu:///system>).

=item B<--usage> ID, B<--usage-type> TYPE

What the new secret is for: TYPE is C<volume> (the default; ID is the
volume's path), C<ceph>, C<iscsi>, C<tls> or C<vtpm> (ID is a name).
C<define> prints the new secret's UUID.

=item B<--description> TEXT

A description of the new secret.

=item B<--private>

The new secret's value cannot be read back.

=back

C<set> reads the value from FILE, or from standard input; C<get> writes
it to standard output as it is (it may be binary).

=cut
