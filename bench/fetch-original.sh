#!/bin/sh
# Unpacks Debian's build of the C original (libsys-virt-perl 9.0.0) into a
# private folder for side-by-side comparison. Never install it: on perl's
# default @INC it would silently stand in for this module.
set -e
dest=${1:-/tmp/sysvirt-orig}
mkdir -p "$dest"
cd "$dest"
[ -f libsys-virt-perl_9.0.0-1_*.deb ] || apt-get download libsys-virt-perl=9.0.0-1
dpkg -x libsys-virt-perl_9.0.0-1_*.deb root
# the perl directory (usr/lib/<arch triplet>/perl5/<perl version>), for -I
so=$(find "$dest/root" -path '*/auto/Sys/Virt/Virt.so')
[ -n "$so" ] || { echo "no auto/Sys/Virt/Virt.so in the package" >&2; exit 1; }
echo "${so%/auto/Sys/Virt/Virt.so}"
