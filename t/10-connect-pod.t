# The POD of Sys::Virt: well-formed, and documenting every public sub
# (methods and constants) the package defines.
use strict;
use warnings;

use Test::More;

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, "testing the built copy");

SKIP: {
    skip "Test::Pod is not installed", 1 unless eval { require Test::Pod; 1 };
    Test::Pod::pod_file_ok($INC{'Sys/Virt.pm'}, "Sys/Virt.pm POD is well-formed");
}

SKIP: {
    skip "Pod::Coverage is not installed", 2 unless eval { require Pod::Coverage; 1 };
    my $pc = Pod::Coverage->new(package => "Sys::Virt", also_private => [qr/^CLONE_SKIP$/]);
    my $rating = $pc->coverage;
    is($pc->why_unrated, undef, "coverage could be computed");
    is_deeply([ sort $pc->uncovered ], [], "every public sub of Sys::Virt is documented")
        or diag "rating: $rating";
}

# Each method documented with a usage line shows its arguments.
{
    open my $fh, "<", $INC{'Sys/Virt.pm'} or die $!;
    my @items = grep { /^=item .*\$conn->(\w+)/ } <$fh>;
    ok(@items > 100, scalar(@items) . " documented methods");
    my %seen;
    $seen{$_}++ for map { /\$conn->(\w+)/ } @items;
    is_deeply([ grep { $seen{$_} > 1 } sort keys %seen ], [], "no method documented twice");
}

done_testing();
