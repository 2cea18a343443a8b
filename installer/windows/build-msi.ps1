# Builds the counter's Windows installer with jpackage (JDK 17 + WiX Toolset 3.x on the PATH):
#   target\installer\PinDesk-<version>.msi
# Target: Windows 10 or later, x64 (JavaFX 21 has no 32-bit Windows build).
# It installs C:\Program Files\PinDesk with a trimmed Java runtime of its own and three launchers:
#   PinDesk.exe        the counter window (Start menu and desktop shortcut)
#   PinDesk-Audit.exe  the supervisor's audit window (Start menu)
#   pindesk-cli.exe    the command line, attached to the console (prints in the console's code page)
# The upgrade code is fixed, so a newer MSI replaces an older one in place.
# See docs/windows.md. Usage (PowerShell):  installer\windows\build-msi.ps1 [-SkipBuild]
param([switch]$SkipBuild)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

foreach ($tool in 'jpackage', 'jdeps', 'candle', 'light') {
  if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) {
    throw "build-msi: $tool not found (needs JDK 17 on the PATH and WiX Toolset 3.x: choco install wixtoolset)"
  }
}

if (-not $SkipBuild) {
  & .\mvnw.cmd -B -q package -DskipTests
  if ($LASTEXITCODE -ne 0) { throw 'build-msi: the Maven build failed' }
}
if (-not (Test-Path target\pindesk.jar)) { throw 'build-msi: target\pindesk.jar missing: run mvnw.cmd package first' }

# The project version without -SNAPSHOT (MSI versions are numeric).
$version = ([xml](Get-Content pom.xml)).project.version -replace '-SNAPSHOT$', ''

$staging = 'target\jpackage\input'
Remove-Item -Recurse -Force target\jpackage, target\installer -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$staging\lib", target\installer | Out-Null
Copy-Item target\pindesk.jar $staging
# Counters never run the reference central: its database drivers stay out (as in build-deb.sh).
Get-ChildItem target\lib\*.jar |
  Where-Object { $_.Name -notmatch '^(postgresql|flyway-core|flyway-database-postgresql|checker-qual|HikariCP|prometheus-metrics-[a-z-]+|jetty-server|jetty-http|jetty-io|jetty-util)-[0-9]' } |
  Copy-Item -Destination "$staging\lib"
Copy-Item installer\linux\pindesk.properties.example "$staging\pindesk.properties.example"

# Modules: what jdeps finds, plus what is only looked up at run time (see build-deb.sh).
$modules = (& jdeps --print-module-deps --ignore-missing-deps --multi-release 17 `
  --class-path "$staging\lib\*" "$staging\pindesk.jar").Trim()
$modules += ',jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.jsobject,jdk.xml.dom,java.scripting,jdk.zipfs'
# The runtime keeps its bin\java.exe (no --strip-native-commands): a reader vendor's national-interface
# library runs in a device host process started with it (ADR 0028); a 32-bit DLL needs a 32-bit JRE
# named in pindesk.sscard.java instead (docs/sscard-reader.md).

& jpackage `
  --type msi `
  --dest target\installer `
  --name PinDesk `
  --app-version $version `
  --vendor 'PinDesk' `
  --copyright 'PinDesk contributors, Apache License 2.0' `
  --description 'PinDesk: social security card PIN reset at the service-center counter' `
  --license-file LICENSE `
  --icon assets\pindesk.ico `
  --input $staging `
  --main-jar pindesk.jar `
  --main-class dev.pindesk.app.Launcher `
  --java-options '--add-opens=java.smartcardio/sun.security.smartcardio=ALL-UNNAMED' `
  --java-options '-Dfile.encoding=UTF-8' `
  --add-modules $modules `
  --jlink-options '--strip-debug --no-header-files --no-man-pages --include-locales=en,zh' `
  --add-launcher 'pindesk-cli=installer\windows\cli-launcher.properties' `
  --add-launcher 'PinDesk-Audit=installer\windows\audit-launcher.properties' `
  --win-upgrade-uuid '976e1f02-0fd8-470e-a886-058763c86c2b' `
  --win-menu `
  --win-menu-group 'PinDesk' `
  --win-shortcut `
  --win-dir-chooser
if ($LASTEXITCODE -ne 0) { throw 'build-msi: jpackage failed' }

Get-ChildItem target\installer\*.msi
