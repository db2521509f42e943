# -*- perl -*-
# Sys::Virt::Domain migration: the migrate* methods, the parameter hash
# (every MIGRATE_PARAM_* key with its libvirt type) and the migration
# tunables. The test driver cannot migrate; libvirt's debug log (enabled
# below, before libvirt initialises) shows the typed parameters each call
# handed to libvirt before it was refused.

use strict;
use warnings;

use File::Spec;
use FindBin;
use Test::More;

use lib 't/lib';
use SysVirtTest qw(domain_invocant_checks error_of virt_error_is die_is wrong_class_is logged logged_params skip_log);
my $LOG;
BEGIN { $LOG = SysVirtTest::log_libvirt_calls() }

use Sys::Virt;

like($INC{'Sys/Virt.pm'}, qr{blib/}, "Sys::Virt is loaded from blib");

my $xml = File::Spec->rel2abs("$FindBin::Bin/data/dops-node.xml");
my $conn = Sys::Virt->new(uri => "test://$xml");
my $dest = Sys::Virt->new(uri => "test:///default");
my $dom = $conn->get_domain_by_name("dops-run");

my $NO_SUPPORT = &Sys::Virt::Error::ERR_NO_SUPPORT;
my $ARG_UNSUPPORTED = &Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED;
my $FROM_DOMAIN = &Sys::Virt::Error::FROM_DOMAIN;

ok(-f $LOG, "libvirt writes its debug log") or BAIL_OUT("no libvirt debug log at $LOG");
skip_log();

# ---- _migrate: virDomainMigrate3 ----------------------------------------
{
    my @r = eval { $dom->_migrate($dest, {}, 0) };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "_migrate without parameters");
    like($@->message, qr/virDomainMigrate3$/, "_migrate calls virDomainMigrate3");
    is(scalar(@r), 0, "_migrate returns nothing when it fails");
    like((logged("virDomainMigrate3"))[0] // "", qr/dconn=0x[0-9a-f]+, params=0x[0-9a-f]+, nparms=0 flags=0x0$/,
         "_migrate: no parameters, flags 0");
}

# Every MIGRATE_PARAM_* constant, with the type libvirt documents.
my %type_of = (
    MIGRATE_PARAM_URI => "string", MIGRATE_PARAM_DEST_NAME => "string",
    MIGRATE_PARAM_DEST_XML => "string", MIGRATE_PARAM_PERSIST_XML => "string",
    MIGRATE_PARAM_BANDWIDTH => "ullong", MIGRATE_PARAM_BANDWIDTH_POSTCOPY => "ullong",
    MIGRATE_PARAM_GRAPHICS_URI => "string", MIGRATE_PARAM_LISTEN_ADDRESS => "string",
    MIGRATE_PARAM_MIGRATE_DISKS => "string", MIGRATE_PARAM_DISK_PORT => "int",
    MIGRATE_PARAM_DISKS_URI => "string", MIGRATE_PARAM_COMPRESSION => "string",
    MIGRATE_PARAM_COMPRESSION_MT_LEVEL => "int", MIGRATE_PARAM_COMPRESSION_MT_THREADS => "int",
    MIGRATE_PARAM_COMPRESSION_MT_DTHREADS => "int", MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE => "ullong",
    MIGRATE_PARAM_AUTO_CONVERGE_INITIAL => "int", MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT => "int",
    MIGRATE_PARAM_PARALLEL_CONNECTIONS => "int", MIGRATE_PARAM_TLS_DESTINATION => "string",
    # Sys::Virt 12.7.0's (libvirt 9.4.0, 9.4.0, 10.9.0, 11.1.0, 12.2.0);
    # the two disk lists are multiple-value fields like migrate_disks
    MIGRATE_PARAM_ZLIB_LEVEL => "int", MIGRATE_PARAM_ZSTD_LEVEL => "int",
    MIGRATE_PARAM_DISKS_DETECT_ZEROES => "string", MIGRATE_PARAM_BANDWIDTH_AVAIL_SWITCHOVER => "ullong",
    MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO => "string",
);
{
    no strict 'refs';
    my @defined = sort grep { /^MIGRATE_PARAM_/ && defined &{"Sys::Virt::Domain::$_"} } keys %Sys::Virt::Domain::;
    is_deeply(\@defined, [ sort keys %type_of ], "the test covers every MIGRATE_PARAM_* constant");
    my (%params, @expect);
    my $n = 0;
    for my $const (sort keys %type_of) {
        my $key = &{"Sys::Virt::Domain::$const"}();
        $n++;
        my $value = $type_of{$const} eq "string" ? "v$n" : $type_of{$const} eq "int" ? -$n : 2**40 + $n;
        $params{$key} = $value;
        push @expect, "$key=($type_of{$const})$value";
    }
    $params{&Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH} = "18446744073709551615";
    s/^bandwidth=\(ullong\)\d+$/bandwidth=(ullong)18446744073709551615/ for @expect;
    $params{"no_such_param"} = "ignored";
    eval { $dom->_migrate($dest, \%params, Sys::Virt::Domain::MIGRATE_LIVE | Sys::Virt::Domain::MIGRATE_PERSIST_DEST) };
    virt_error_is($@, $ARG_UNSUPPORTED, $FROM_DOMAIN, undef, "_migrate with every parameter");
    like($@->message, qr/extensible parameters are not supported/, "the test driver refuses extended parameters");
    my $got = logged_params("virDomainMigrate3");
    is_deeply($got, [ sort @expect ], "_migrate: each MIGRATE_PARAM_* reaches libvirt with its type and value")
        or diag(explain($got));
}

# String lists: migrate_disks, compression, migrate_disks_detect_zeroes
# and migrate_disks_target_zero take an array ref.
{
    my $DISKS = Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS;
    my $COMP = Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION;
    my $ZEROES = Sys::Virt::Domain::MIGRATE_PARAM_DISKS_DETECT_ZEROES;
    my $TARGET = Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO;
    my @holes = ("vda");
    $holes[2] = "vdc";
    for my $case (
        [ { $DISKS => [qw(vda vdb sdc)] }, [ map { "migrate_disks=(string)$_" } qw(sdc vda vdb) ], "three disks" ],
        [ { $DISKS => "vdb" }, [ "migrate_disks=(string)vdb" ], "a single string" ],
        [ { $DISKS => \@holes }, [ "migrate_disks=(string)vda", "migrate_disks=(string)vdc" ], "holes are skipped" ],
        [ { $COMP => [qw(xbzrle mt)] }, [ "compression=(string)mt", "compression=(string)xbzrle" ], "two compression methods" ],
        [ { $ZEROES => [qw(vda vdb)], $TARGET => [qw(vdc)] },
          [ "migrate_disks_detect_zeroes=(string)vda", "migrate_disks_detect_zeroes=(string)vdb",
            "migrate_disks_target_zero=(string)vdc" ], "disks to detect zeroes on, disks already zeroed" ],
    ) {
        my ($params, $expect, $name) = @$case;
        eval { $dom->_migrate($dest, $params) };
        virt_error_is($@, $ARG_UNSUPPORTED, $FROM_DOMAIN, undef, "_migrate with a string list ($name)");
        is_deeply(logged_params("virDomainMigrate3"), $expect, "string list parameter: $name");
    }
    eval { $dom->_migrate($dest, { $DISKS => [] }) };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "_migrate with an empty disk list sends no parameter");
    is_deeply(logged_params("virDomainMigrate3"), [], "an empty list adds nothing");
}

# Only unknown keys: nothing is passed; the compat parameters alone let
# libvirt fall back to the old API (not supported by the test driver).
{
    eval { $dom->_migrate($dest, { bogus => 1, "migrate-uri" => "x" }) };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "_migrate with unknown keys only");
    like((logged("virDomainMigrate3"))[0] // "", qr/nparms=0 /, "unknown keys are ignored");
    eval {
        $dom->_migrate($dest, {
            Sys::Virt::Domain::MIGRATE_PARAM_URI => "tcp://127.0.0.1:49152",
            Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME => "dops-new",
            Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH => 100,
        }, Sys::Virt::Domain::MIGRATE_LIVE);
    };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "_migrate with compatible parameters");
    is_deeply(logged_params("virDomainMigrate3"),
              [ "bandwidth=(ullong)100", "destination_name=(string)dops-new", "migrate_uri=(string)tcp://127.0.0.1:49152" ],
              "compatible parameters reach libvirt");
}

# The public wrappers (Perl code in Domain.pm).
{
    eval { $dom->migrate($dest, { Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME => "n1" }, 1) };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "migrate(\$dconn, \\%params, \$flags)");
    my @l = logged("virDomainMigrate3");
    like($l[0] // "", qr/nparms=1 flags=0x1$/, "migrate with a hash: flags");
    is($l[1] // "", 'params["destination_name"]=(string)n1', "migrate with a hash: parameter");

    eval { $dom->migrate($dest, 1, "n2", "tcp://h", 7) };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "migrate(\$dconn, \$flags, \$dname, \$uri, \$bandwidth)");
    is_deeply(logged_params("virDomainMigrate3"),
              [ "bandwidth=(ullong)7", "destination_name=(string)n2", "migrate_uri=(string)tcp://h" ],
              "legacy migrate builds the parameters");

    eval { $dom->migrate2($dest, "<domain/>", 0, "n3", undef, undef) };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "migrate2");
    is_deeply(logged_params("virDomainMigrate3"),
              [ "destination_name=(string)n3", "destination_xml=(string)<domain/>" ], "migrate2 builds the parameters");

    eval { $dom->migrate_to_uri("test:///default", { Sys::Virt::Domain::MIGRATE_PARAM_LISTEN_ADDRESS => "::1" }, 0) };
    virt_error_is($@, $ARG_UNSUPPORTED, $FROM_DOMAIN, undef, "migrate_to_uri with a hash");
    is_deeply(logged_params("virDomainMigrateToURI3"), [ "listen_address=(string)::1" ], "migrate_to_uri parameters");

    eval { $dom->migrate_to_uri("test:///default", 0, "n4", undef, 3) };
    virt_error_is($@, $ARG_UNSUPPORTED, $FROM_DOMAIN, undef, "migrate_to_uri legacy form");
    is_deeply(logged_params("virDomainMigrateToURI3"),
              [ "bandwidth=(ullong)3", "destination_name=(string)n4" ], "legacy migrate_to_uri builds the parameters");
    ok(Sys::Virt::Domain->can("migrate_to_uri2"), "migrate_to_uri2 is defined");
}

# ---- _migrate_to_uri: virDomainMigrateToURI3 ----------------------------
{
    my @r = eval { $dom->_migrate_to_uri("test:///default", {}, 0) };
    virt_error_is($@, $ARG_UNSUPPORTED, $FROM_DOMAIN, undef, "direct _migrate_to_uri");
    like($@->message, qr/direct migration is not supported by the source host/, "direct migration message");
    is(scalar(@r), 0, "_migrate_to_uri returns nothing");
    like((logged("virDomainMigrateToURI3"))[0] // "", qr/dconnuri=test:\/\/\/default, params=0x[0-9a-f]+, nparms=0 flags=0x0$/,
         "_migrate_to_uri passes the URI");
    eval { $dom->_migrate_to_uri("test:///default", { Sys::Virt::Domain::MIGRATE_PARAM_TLS_DESTINATION => "dest.example" },
                                 Sys::Virt::Domain::MIGRATE_PEER2PEER) };
    virt_error_is($@, $ARG_UNSUPPORTED, $FROM_DOMAIN, undef, "peer-to-peer _migrate_to_uri");
    like($@->message, qr/p2p migration is not supported by the source host/, "p2p migration message");
    is_deeply(logged_params("virDomainMigrateToURI3"), [ "tls.destination=(string)dest.example" ],
              "_migrate_to_uri parameters");
    eval { $dom->_migrate_to_uri(undef, {}) };
    virt_error_is($@, $ARG_UNSUPPORTED, $FROM_DOMAIN, undef, "_migrate_to_uri without a connection URI");
    like((logged("virDomainMigrateToURI3"))[0] // "", qr/dconnuri=<null>,/, "undef URI is NULL");
}

# ---- migration tunables ---------------------------------------------------
for my $case (
    [ migrate_get_max_downtime => [], "virDomainMigrateGetMaxDowntime", qr/downtime = 0x[0-9a-f]+, flags=0x0$/ ],
    [ migrate_set_max_downtime => [ 2**35 ], "virDomainMigrateSetMaxDowntime", qr/downtime=34359738368, flags=0x0$/ ],
    [ migrate_get_max_speed => [ Sys::Virt::Domain::MIGRATE_MAX_SPEED_POSTCOPY ], "virDomainMigrateGetMaxSpeed",
      qr/bandwidth = 0x[0-9a-f]+, flags=0x1$/ ],
    [ migrate_set_max_speed => [ 2**33, Sys::Virt::Domain::MIGRATE_MAX_SPEED_POSTCOPY ], "virDomainMigrateSetMaxSpeed",
      qr/bandwidth=8589934592, flags=0x1$/ ],
    [ migrate_get_compression_cache => [], "virDomainMigrateGetCompressionCache", qr/cacheSize=0x[0-9a-f]+, flags=0x0$/ ],
    [ migrate_set_compression_cache => [ "18446744073709551615" ], "virDomainMigrateSetCompressionCache",
      qr/cacheSize=18446744073709551615, flags=0x0$/ ],
    [ migrate_start_post_copy => [], "virDomainMigrateStartPostCopy", qr/\(VM: name=dops-run, uuid=[-0-9a-f]+\)$/ ],
) {
    my ($m, $args, $api, $logre) = @$case;
    my @r = eval { $dom->$m(@$args) };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, $m);
    like(ref $@ ? $@->message : "", qr/: \Q$api\E$/, "$m calls $api");
    is(scalar(@r), 0, "$m returns nothing on error");
    like((logged($api))[0] // "", $logre, "$m passed its arguments");
}

# ---- bad arguments and dead objects --------------------------------------
for my $bad ("x", undef, [ 1 ], \"x") {
    # (the internal subs name the hash as migrate()'s POD does)
    die_is(error_of { $dom->_migrate($dest, $bad, 0) }, 'Sys::Virt::Domain::_migrate: \%params is not a HASH reference',
           "_migrate refuses non-hash parameters");
    die_is(error_of { $dom->_migrate_to_uri("test:///default", $bad, 0) },
           'Sys::Virt::Domain::_migrate_to_uri: \%params is not a HASH reference',
           "_migrate_to_uri refuses non-hash parameters");
}
{
    my @warn;
    local $SIG{__WARN__} = sub { push @warn, @_ };
    my @r = eval { $dom->_migrate("test:///default", {}, 0) };
    is($@, "", "_migrate with a URI as destination connection does not die");
    ok(@r == 1 && !defined $r[0], "... returns undef");
    like($warn[0] // "", qr/^Sys::Virt::Domain::_migrate\(\) -- destcon is not a blessed SV reference/, "... and warns");
    wrong_class_is(error_of { $dom->_migrate($dom, {}, 0) }, 'Sys::Virt', 'Sys::Virt::Domain::_migrate', '$destconn',
                   "_migrate with a domain as destination: the connection's invalid-object error");
}
my @calls = (
    [ _migrate => $dest, {} ], [ _migrate_to_uri => "test:///default", {} ],
    [ migrate_get_compression_cache => ], [ migrate_set_compression_cache => 1 ],
    [ migrate_get_max_downtime => ], [ migrate_set_max_downtime => 1 ],
    [ migrate_get_max_speed => ], [ migrate_set_max_speed => 1 ],
    [ migrate_start_post_copy => ],
);
{
    my $gone = $conn->get_domain_by_name("dops-run");
    $gone->DESTROY;
    domain_invocant_checks(conn => $conn, gone => $gone, calls => \@calls);
}
{
    tie my %h, "SysVirtTest::DiesOnFetch", "fetch died\n", "migrate_uri";
    eval { $dom->_migrate($dest, \%h, 0) };
    is($@, "fetch died\n", "_migrate: a tied hash whose FETCH dies propagates the die");
    eval { $dom->_migrate($dest, { Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS => [ bless({}, "DopsOverloadDies") ] }) };
    is($@, "stringify died\n", "_migrate: a disk name whose stringification dies propagates the die");
    eval { $dom->migrate_get_max_speed() };
    virt_error_is($@, $NO_SUPPORT, $FROM_DOMAIN, undef, "the domain still works afterwards");
}
{
    package DopsOverloadDies;
    use overload '""' => sub { die "stringify died\n" }, fallback => 1;
}

done_testing();
