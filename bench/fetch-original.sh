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
echo "$dest/root/usr/lib/x86_64-linux-gnu/perl5/5.36"
