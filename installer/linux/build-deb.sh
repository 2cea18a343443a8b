#!/usr/bin/env bash
# Builds the counter's Debian/Ubuntu package with jpackage (JDK 17+):
#   target/installer/pindesk_<version>_amd64.deb
# It installs /opt/pindesk (launcher bin/pindesk: no argument = the counter window, else the CLI),
# a trimmed Java runtime of its own, and a menu entry. Needs: a JDK with jpackage, fakeroot,
# dpkg-deb. SKIP_BUILD=1 packages the jar already in target/ (the packaging test does that).
# See docs/adr/0012-counter-installer.md and README "Install on a counter".
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in jpackage fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool not found (apt-get install openjdk-17-jdk fakeroot)" >&2; exit 2; }
done

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q package -DskipTests
fi
[ -f target/pindesk.jar ] || { echo "build-deb: target/pindesk.jar missing: run ./mvnw package first" >&2; exit 2; }

# The project version without -SNAPSHOT (Debian versions are numeric here).
version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)"
version="${version%-SNAPSHOT}"

input=target/jpackage/input
rm -rf target/jpackage target/installer
mkdir -p "$input/lib" target/installer
cp target/pindesk.jar "$input/"
cp target/lib/*.jar "$input/lib/"
cp installer/linux/pindesk.properties.example "$input/"

# Modules: what jdeps finds in the jar and its libraries, plus what is only looked up at run time:
# EC for TLS (jdk.crypto.ec), GB18030 names on cards (jdk.charsets), Chinese dates and numbers
# (jdk.localedata), JavaFX's optional modules (jdk.jsobject, jdk.xml.dom, java.scripting), and
# zip file systems (jdk.zipfs).
modules="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "$input/lib/*" "$input/pindesk.jar")"
modules="$modules,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.jsobject,jdk.xml.dom,java.scripting,jdk.zipfs"

jpackage \
  --type deb \
  --dest target/installer \
  --name pindesk \
  --app-version "$version" \
  --vendor "PinDesk" \
  --copyright "PinDesk contributors, MIT licence" \
  --description "PinDesk: social security card PIN reset at the service-center counter" \
  --license-file LICENSE \
  --icon assets/pindesk.png \
  --input "$input" \
  --main-jar pindesk.jar \
  --main-class dev.pindesk.app.Launcher \
  --java-options '--add-opens=java.smartcardio/sun.security.smartcardio=ALL-UNNAMED' \
  --add-modules "$modules" \
  --jlink-options '--strip-debug --no-header-files --no-man-pages --strip-native-commands --include-locales=en,zh' \
  --linux-package-name pindesk \
  --linux-deb-maintainer "support@pindesk.invalid" \
  --linux-menu-group "Office" \
  --linux-app-category misc \
  --linux-shortcut \
  --add-launcher pindesk-audit=installer/linux/audit-launcher.properties \
  --resource-dir installer/linux/resources \
  --linux-package-deps 'libgtk-3-0, libpcsclite1, pcscd, fonts-wqy-microhei | fonts-arphic-uming'

ls target/installer/*.deb
