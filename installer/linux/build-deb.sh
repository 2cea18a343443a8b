#!/usr/bin/env bash
# Builds the counter's Debian/Ubuntu package: target/installer/pindesk_<version>-<rev>_amd64.deb
#
# jpackage makes only the application image (launchers + a trimmed Java runtime of its own); the
# package around it is ours, so what a deployer reads in it is what we declared, not what the build
# host happened to compute: Depends that exist in Debian 12, Ubuntu 22.04 and 24.04, a DEP-5
# copyright file, /usr/bin/pindesk, /etc/pindesk/pindesk.properties as a conffile, and no central
# receiver (PostgreSQL driver, Flyway) inside. Needs: a JDK 17+ with jpackage and jdeps, dpkg-deb.
# SKIP_BUILD=1 packages the jar already in target/ (the packaging test does that).
# See docs/adr/0019-counter-debian-package.md and docs/admin-guide.md "Install on a counter".
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in jpackage jdeps dpkg-deb zip unzip; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool not found (apt-get install openjdk-17-jdk-headless dpkg-dev zip unzip)" >&2; exit 2; }
done

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q package -DskipTests
fi
[ -f target/pindesk.jar ] || { echo "build-deb: target/pindesk.jar missing: run ./mvnw package first" >&2; exit 2; }

# The project version without -SNAPSHOT (Debian versions are numeric here). Revision 1 was the
# package jpackage built by itself (ADR 0012); this one must sort above it for apt to upgrade.
version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)"
version="${version%-SNAPSHOT}"
revision="${DEB_REVISION:-2}"

# The central receiver's own libraries: only "pindesk central serve|enroll|stats|revoke" load them
# and the central is installed apart (docs/central-deployment.md). checker-qual comes with the
# PostgreSQL driver only; the Prometheus client is the central's /metrics (ADR 0033), Jetty its
# HTTP server (ADR 0031).
central_only='^(postgresql|flyway-core|flyway-database-postgresql|checker-qual|HikariCP|prometheus-metrics-[a-z-]+|jetty-server|jetty-http|jetty-io|jetty-util)-[0-9]'

work=target/jpackage
input="$work/input"
rm -rf "$work" target/installer
mkdir -p "$input/lib" target/installer
cp target/pindesk.jar "$input/"
for jar in target/lib/*.jar; do
  name="$(basename "$jar")"
  if [[ "$name" =~ $central_only ]]; then continue; fi
  cp "$jar" "$input/lib/"
done
# sqlite-jdbc carries its native library for 30 platforms (14 MB); an amd64 package needs one.
# (The jar is not signed; unpacked, sqlite-jdbc looks up org/sqlite/native/Linux/x86_64 here.)
for jar in "$input"/lib/sqlite-jdbc-*.jar; do
  unzip -Z1 "$jar" 'org/sqlite/native/*' | grep -v '^org/sqlite/native/Linux/x86_64/' | grep -v '/$' \
    | xargs -r zip -q -d "$jar" >/dev/null
done
# The jar's manifest Class-Path still names the central's jars; a missing entry there is skipped
# by the class loader, and the CLI says the central is not part of this package.

# Modules: what jdeps finds in the jar and its libraries, plus what is only looked up at run time:
# EC for TLS (jdk.crypto.ec), GB18030 names on cards (jdk.charsets), Chinese dates and numbers
# (jdk.localedata), JavaFX's optional modules (jdk.jsobject, jdk.xml.dom, java.scripting), and
# zip file systems (jdk.zipfs).
modules="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "$input/lib/*" "$input/pindesk.jar")"
modules="$modules,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.jsobject,jdk.xml.dom,java.scripting,jdk.zipfs"
# The runtime keeps its bin/java (no --strip-native-commands): a reader vendor's national-interface
# library runs in a device host process started with it (ADR 0028).

jpackage \
  --type app-image \
  --dest "$work/image" \
  --name pindesk \
  --app-version "$version" \
  --vendor "PinDesk" \
  --copyright "PinDesk contributors, Apache License 2.0" \
  --description "PinDesk: social security card PIN reset at the service-center counter" \
  --icon assets/pindesk.png \
  --input "$input" \
  --main-jar pindesk.jar \
  --main-class dev.pindesk.app.Launcher \
  --java-options '--add-opens=java.smartcardio/sun.security.smartcardio=ALL-UNNAMED' \
  --add-modules "$modules" \
  --jlink-options '--strip-debug --no-header-files --no-man-pages --include-locales=en,zh --compress=2' \
  --add-launcher pindesk-audit=installer/linux/audit-launcher.properties

# The package tree: /opt/pindesk (the image), /usr/bin links, menu entries, the settings conffile,
# the documentation files Debian policy asks for.
root="$work/root"
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/etc/pindesk" \
  "$root/usr/share/doc/pindesk" "$root/DEBIAN"
cp -a "$work/image/pindesk" "$root/opt/pindesk"
ln -s /opt/pindesk/bin/pindesk "$root/usr/bin/pindesk"
ln -s /opt/pindesk/bin/pindesk-audit "$root/usr/bin/pindesk-audit"
install -m 0644 installer/linux/resources/pindesk.desktop "$root/usr/share/applications/pindesk.desktop"
install -m 0644 installer/linux/resources/pindesk-audit.desktop "$root/usr/share/applications/pindesk-audit.desktop"
install -m 0644 installer/linux/pindesk.properties.example "$root/etc/pindesk/pindesk.properties"
install -m 0644 installer/linux/copyright "$root/usr/share/doc/pindesk/copyright"
# The bundled libraries, by jar name, so the copyright file's list can be checked against them.
(cd "$input/lib" && ls -1 *.jar) >"$root/usr/share/doc/pindesk/bundled-jars.txt"
chmod 0644 "$root/usr/share/doc/pindesk/bundled-jars.txt"
chmod -R u+rwX,go+rX,go-w "$root/opt/pindesk"
# the launchers load it with dlopen; a shared library is not executable (lintian)
chmod 0644 "$root/opt/pindesk/lib/libapplauncher.so"
# Debian policy wants a changelog in every package: one entry for this build, dated by the commit
# it was built from (the same date for the same commit), or now outside a git checkout.
when="$(git log -1 --format=%cD 2>/dev/null || date -R)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
printf 'pindesk (%s-%s) stable; urgency=medium\n\n  * PinDesk %s (commit %s); changes: the git log and docs/adr.\n\n -- PinDesk <support@pindesk.invalid>  %s\n' \
  "$version" "$revision" "$version" "$commit" "$when" | gzip -9n >"$root/usr/share/doc/pindesk/changelog.Debian.gz"
chmod 0644 "$root/usr/share/doc/pindesk/changelog.Debian.gz"

installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
# Depends: declared here, not computed. Each is what readelf -d shows the image's native code
# (the runtime's lib/*.so and JavaFX's natives inside its jars) needs, by a package name that
# exists in Debian 12, Ubuntu 22.04 and 24.04 (libc6: the newest GLIBC_ symbol version objdump -T
# finds in them); the t64 alternatives are Ubuntu 24.04's names
# (64-bit time_t transition). GTK 3 brings pango, cairo, atk, gdk-pixbuf and glib with it.
# Libraries only the runtime's unused parts load (sound: libasound2; splash screen: libgif7,
# libpng16-16) are left out; ImageIO's JPEG reader (libjpeg.so.62) is only recommended.
# ADR 0019 has the table.
depends="pcscd, libpcsclite1, libgtk-3-0 | libgtk-3-0t64, libglib2.0-0 | libglib2.0-0t64"
depends="$depends, libx11-6, libxext6, libxi6, libxrender1, libxtst6, libxxf86vm1, libgl1"
depends="$depends, libfreetype6, libfontconfig1, libharfbuzz0b, liblcms2-2, zlib1g, libc6 (>= 2.34)"
# No font package: receipts and the window use the Chinese font inside PinDesk where the machine
# has none (ADR 0017; BundledUiFont), and fontconfig's own dependency brings a Latin font.
recommends="libjpeg62-turbo | libjpeg62"

cat >"$root/DEBIAN/control" <<EOF
Package: pindesk
Version: ${version}-${revision}
Architecture: amd64
Maintainer: PinDesk <support@pindesk.invalid>
Installed-Size: ${installed_kb}
Depends: ${depends}
Recommends: ${recommends}
Section: misc
Priority: optional
Description: Social security card PIN reset at the service-center counter
 PinDesk is the counter application a clerk uses to reset, unlock or change
 a citizen's social security card PIN in person. It brings its own Java
 runtime. "pindesk" with no argument opens the counter window, anything else
 is the command line; "pindesk-audit" opens the supervisor's audit window.
 Machine settings: /etc/pindesk/pindesk.properties.
EOF
echo /etc/pindesk/pindesk.properties >"$root/DEBIAN/conffiles"

dpkg-deb --root-owner-group -Zxz --build "$root" "target/installer/pindesk_${version}-${revision}_amd64.deb" >/dev/null
ls target/installer/*.deb
