package dev.pindesk.cli.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The {@code pindesk-central} package's files (installer/central) agree with each other and with
 * {@code central serve}: the unit's syntax and directives (where no systemd can verify it), the
 * options it and its settings file pass, the paths the build script installs. {@code
 * .ci/check-installed-central-deb} installs the package itself.
 */
class CentralServicePackageTest {
  private static final Path DIR = Path.of("installer/central");

  /** The unit's directives by section, each with every value it is given (in order). */
  private static Map<String, Map<String, List<String>>> unit() throws Exception {
    Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    Map<String, List<String>> current = null;
    String pending = "";
    for (String raw : Files.readAllLines(DIR.resolve("pindesk-central.service"))) {
      String line = pending + raw.strip();
      pending = "";
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending = line.substring(0, line.length() - 1) + " ";
        continue;
      }
      if (line.startsWith("[")) {
        assertThat(line).as("a section header").matches("\\[(Unit|Service|Install)\\]");
        current = sections.computeIfAbsent(line, k -> new LinkedHashMap<>());
        continue;
      }
      assertThat(current).as("a directive before any section: %s", line).isNotNull();
      Matcher m = Pattern.compile("([A-Za-z]+)=(.*)").matcher(line);
      assertThat(m.matches()).as("Key=value: %s", line).isTrue();
      current.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
    }
    assertThat(pending).as("a continued last line").isEmpty();
    return sections;
  }

  private static String one(Map<String, List<String>> section, String key) {
    assertThat(section).containsKey(key);
    assertThat(section.get(key)).as(key).hasSize(1);
    return section.get(key).get(0);
  }

  @Test
  void theUnitRunsTheReceiverAsItsOwnAccountConfinedToItsDataDirectory() throws Exception {
    Map<String, Map<String, List<String>>> unit = unit();
    assertThat(unit).containsOnlyKeys("[Unit]", "[Service]", "[Install]");
    Map<String, List<String>> service = unit.get("[Service]");
    assertThat(one(service, "User")).isEqualTo("pindesk-central");
    assertThat(one(service, "Group")).isEqualTo("pindesk-central");
    assertThat(service).doesNotContainKey("DynamicUser");
    assertThat(one(service, "StateDirectory")).isEqualTo("pindesk-central");
    assertThat(one(service, "WorkingDirectory")).isEqualTo("/var/lib/pindesk-central");
    assertThat(one(service, "ReadWritePaths")).isEqualTo("/var/lib/pindesk-central");
    assertThat(one(service, "EnvironmentFile")).isEqualTo("/etc/pindesk-central/serve.env");
    assertThat(one(service, "ExecStart"))
        .isEqualTo("/usr/bin/pindesk-central serve $PINDESK_CENTRAL_OPTS");
    assertThat(one(service, "Restart")).isEqualTo("on-failure");
    assertThat(one(service, "SuccessExitStatus")).isEqualTo("143");
    for (String hardening :
        List.of("NoNewPrivileges", "ProtectHome", "PrivateTmp", "PrivateDevices")) {
      assertThat(one(service, hardening)).as(hardening).isEqualTo("yes");
    }
    assertThat(one(service, "ProtectSystem")).isEqualTo("strict");
    assertThat(one(service, "CapabilityBoundingSet")).isEmpty();
    assertThat(one(service, "UMask")).isEqualTo("0077");
    assertThat(one(unit.get("[Install]"), "WantedBy")).isEqualTo("multi-user.target");
  }

  /** Every {@code --option} in the unit's default and the settings file's examples. */
  private static List<String> optionsUsed() throws Exception {
    List<String> lines = new ArrayList<>(unit().get("[Service]").get("Environment"));
    for (String line : Files.readAllLines(DIR.resolve("serve.env"))) {
      if (line.startsWith("#PINDESK_CENTRAL_OPTS=") || line.startsWith("PINDESK_CENTRAL_OPTS=")) {
        lines.add(line);
      }
    }
    List<String> options = new ArrayList<>();
    for (String line : lines) {
      if (!line.replace("\"", "").startsWith("PINDESK_CENTRAL_OPTS=")
          && !line.startsWith("#PINDESK_CENTRAL_OPTS=")) {
        continue;
      }
      Matcher m = Pattern.compile("(--[a-z-]+)").matcher(line);
      while (m.find()) {
        options.add(m.group(1));
      }
    }
    return options;
  }

  @Test
  void theOptionsTheUnitAndItsSettingsFilePassAreOptionsOfServe() throws Exception {
    CommandLine serve = new CommandLine(new CentralServeCommand(Messages.of(Locale.ENGLISH), null));
    List<String> used = optionsUsed();
    assertThat(used).contains("--port", "--db", "--metrics-bind", "--cert-name", "--jdbc");
    for (String option : used) {
      assertThat(serve.getCommandSpec().findOption(option)).as(option).isNotNull();
    }
  }

  @Test
  void thePackageInstallsWhatTheUnitTheWrapperAndTheMaintainerScriptsName() throws Exception {
    String build = Files.readString(DIR.resolve("build-deb.sh"));
    assertThat(build)
        .contains("share=\"$root/usr/share/pindesk-central\"")
        .contains("\"$share/pindesk.jar\"")
        .contains("installer/central/pindesk-central \"$root/usr/bin/pindesk-central\"")
        .contains("\"$root/lib/systemd/system/pindesk-central.service\"")
        .contains("\"$root/etc/pindesk-central/serve.env\"")
        .contains("echo /etc/pindesk-central/serve.env >\"$root/DEBIAN/conffiles\"");
    assertThat(Files.readString(DIR.resolve("pindesk-central")))
        .contains("-jar /usr/share/pindesk-central/pindesk.jar central \"$@\"");
    String postinst = Files.readString(DIR.resolve("debian/postinst"));
    assertThat(postinst)
        .contains("adduser --system --group")
        .contains("--home /var/lib/pindesk-central")
        .contains("--shell /usr/sbin/nologin");
    // it tells the administrator how to start it, and never does so itself
    String commands =
        postinst
            .lines()
            .map(String::strip)
            .filter(l -> !l.startsWith("#") && !l.startsWith("echo "))
            .reduce("", (a, b) -> a + b + "\n");
    assertThat(commands).doesNotContain("systemctl enable").doesNotContain("systemctl start");
    // purge never deletes the receiver's database and key
    assertThat(Files.readString(DIR.resolve("debian/postrm")))
        .doesNotContain("rm -rf /var/lib/pindesk-central");
  }
}
