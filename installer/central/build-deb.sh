#!/usr/bin/env bash
# Builds the central receiver's Debian/Ubuntu package:
# target/installer/pindesk-central_<version>-<rev>_amd64.deb
#
# The same pindesk.jar as the counter's package with the libraries the central uses (its
# PostgreSQL driver, Flyway, HikariCP, the Prometheus client), run by the distribution's Java 17+
# runtime: a server takes the runtime's security updates with apt (ADR 0033). No JavaFX, no
# jpackage, no card-reader or receipt libraries. Contents: /usr/share/pindesk-central (the jars),
# /usr/bin/pindesk-central (= "pindesk central"), the systemd unit, /etc/pindesk-central/serve.env
# (a conffile), the deployment guide; postinst makes the pindesk-central system account and does
# not start the service. Needs: dpkg-deb, zip, unzip.
# SKIP_BUILD=1 packages the jar already in target/ (CI builds it once for both packages).
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in dpkg-deb zip unzip gzip; do
  command -v "$tool" >/dev/null || { echo "build-deb (central): $tool not found (apt-get install dpkg-dev zip unzip)" >&2; exit 2; }
done

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q package -DskipTests
fi
[ -f target/pindesk.jar ] || { echo "build-deb (central): target/pindesk.jar missing: run ./mvnw package first" >&2; exit 2; }

version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)"
version="${version%-SNAPSHOT}"
revision="${DEB_REVISION:-1}"

# What only the counter loads: JavaFX and its theme (windows), JNA (the reader vendor's library,
# ADR 0028), PDFBox and what it brings (receipts). pindesk.jar's Class-Path still names them; the
# class loader skips a missing entry, and "pindesk central" never loads them.
counter_only='^(javafx-|atlantafx-|jna-|pdfbox-|pdfbox-io-|fontbox-|commons-logging-)'

work=target/central-deb
root="$work/root"
share="$root/usr/share/pindesk-central"
doc="$root/usr/share/doc/pindesk-central"
rm -rf "$work"
rm -f target/installer/pindesk-central_*.deb
mkdir -p "$share/lib" "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/pindesk-central" \
  "$doc" "$root/DEBIAN" target/installer
install -m 0644 target/pindesk.jar "$share/pindesk.jar"
for jar in target/lib/*.jar; do
  name="$(basename "$jar")"
  if [[ "$name" =~ $counter_only ]]; then continue; fi
  install -m 0644 "$jar" "$share/lib/$name"
done
# sqlite-jdbc carries its native library for 30 platforms; an amd64 package needs one (as in the
# counter's package).
for jar in "$share"/lib/sqlite-jdbc-*.jar; do
  unzip -Z1 "$jar" 'org/sqlite/native/*' | grep -v '^org/sqlite/native/Linux/x86_64/' | grep -v '/$' \
    | xargs -r zip -q -d "$jar" >/dev/null
done
install -m 0755 installer/central/pindesk-central "$root/usr/bin/pindesk-central"
install -m 0644 installer/central/pindesk-central.service "$root/lib/systemd/system/pindesk-central.service"
install -m 0640 installer/central/serve.env "$root/etc/pindesk-central/serve.env"
install -m 0644 installer/central/copyright "$doc/copyright"
install -m 0644 docs/central-deployment.md "$doc/central-deployment.md"
(cd "$share/lib" && ls -1 *.jar) >"$doc/bundled-jars.txt"
chmod 0644 "$doc/bundled-jars.txt"
when="$(git log -1 --format=%cD 2>/dev/null || date -R)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
printf 'pindesk-central (%s-%s) stable; urgency=medium\n\n  * PinDesk central receiver %s (commit %s); changes: the git log and docs/adr.\n\n -- PinDesk <support@pindesk.invalid>  %s\n' \
  "$version" "$revision" "$version" "$commit" "$when" | gzip -9n >"$doc/changelog.Debian.gz"
chmod 0644 "$doc/changelog.Debian.gz"
install -m 0755 installer/central/debian/postinst installer/central/debian/prerm \
  installer/central/debian/postrm "$root/DEBIAN/"
echo /etc/pindesk-central/serve.env >"$root/DEBIAN/conffiles"

installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
# A Java 17 or later runtime by a name each of Debian 12, Ubuntu 22.04 and 24.04 has (Ubuntu
# 22.04's default-jre-headless is Java 11, hence the version); adduser for the account.
depends="default-jre-headless (>= 2:1.17) | openjdk-17-jre-headless | openjdk-21-jre-headless, adduser, libc6 (>= 2.34)"

cat >"$root/DEBIAN/control" <<CONTROL
Package: pindesk-central
Version: ${version}-${revision}
Architecture: amd64
Maintainer: PinDesk <support@pindesk.invalid>
Installed-Size: ${installed_kb}
Depends: ${depends}
Recommends: sqlite3
Suggests: postgresql
Section: net
Priority: optional
Description: PinDesk central receiver for counters' journal sync
 The reference receiver of the PinDesk counters' journals: workstations send
 their signed, hash-chained journal entries over HTTPS, the receiver checks
 and stores each entry once (SQLite or PostgreSQL) and answers with a signed
 receipt. Runs as the pindesk-central system service; not started until
 configured (/etc/pindesk-central/serve.env). Prometheus metrics on a
 loopback port. Commands: pindesk-central serve|enroll|revoke|stats.
CONTROL

dpkg-deb --root-owner-group -Zxz --build "$root" "target/installer/pindesk-central_${version}-${revision}_amd64.deb" >/dev/null
ls target/installer/pindesk-central_*.deb
