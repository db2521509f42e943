# A loop of calls holds steady memory: every libvirt object, string,
# typed-parameter array and Perl value made per call is freed.
use strict;
use warnings;
use Test::More;

use Sys::Virt;

plan skip_all => 'needs /proc/self/statm' unless -r '/proc/self/statm';

sub rss_kib {
    open my $fh, '<', '/proc/self/statm' or die $!;
    my (undef, $resident) = split ' ', scalar <$fh>;
    return $resident * 4;
}

# Run $code $n times to warm up (allocator pools, caches), then $n more
# times three rounds over, and report the growth over the last two rounds.
sub growth {
    my ($n, $code) = @_;
    $code->() for 1 .. $n;
    my @rss = (rss_kib());
    for (1 .. 2) {
        $code->() for 1 .. $n;
        push @rss, rss_kib();
    }
    return $rss[-1] - $rss[0];
}

my $conn = Sys::Virt->new(uri => 'test:///default');
my @cases = (
    [ 'open and close a connection', 2000, sub { my $c = Sys::Virt->new(uri => 'test:///default') } ],
    [ 'string return', 50000, sub { my $u = $conn->get_uri } ],
    [ 'libvirt error raised', 20000, sub { eval { Sys::Virt->new(uri => 'test:///nonexistent/x.xml') } } ],
    [ 'non-object warning', 20000, sub { local $SIG{__WARN__} = sub { }; Sys::Virt::get_uri('x') } ],
    [ 'usage error', 20000, sub { eval { &Sys::Virt::get_uri() } } ],
    [ 'panic caught', 20000, sub { eval { Sys::Virt::_test_panic() } } ],
    [ 'tied argument dies', 20000, sub { tie my $t, 'DieFetch'; eval { Sys::Virt::_test_string($t) } } ],
);
push @cases, grep { defined } map { $conn->can($_->[3]) ? $_ : undef } (
    [ 'node info hash', 20000, sub { my $i = $conn->get_node_info }, 'get_node_info' ],
    [ 'list of objects', 10000, sub { my @d = $conn->list_all_domains }, 'list_all_domains' ],
    [ 'capabilities XML', 5000, sub { my $x = $conn->get_capabilities }, 'get_capabilities' ],
    [ 'failed lookup', 20000, sub { eval { $conn->get_domain_by_name('nope') } }, 'get_domain_by_name' ],
    [ 'typed parameters', 20000, sub { my $p = $conn->get_node_memory_parameters }, 'get_node_memory_parameters' ],
);

for my $case (@cases) {
    my ($name, $n, $code) = @$case;
    my $grew = growth($n, $code);
    cmp_ok($grew, '<', 512, "$name x$n: memory steady (grew $grew KiB)");
}

done_testing();

package DieFetch;
sub TIESCALAR { bless {}, shift }
sub FETCH { die "no\n" }
