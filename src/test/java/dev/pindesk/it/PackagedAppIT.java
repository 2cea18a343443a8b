package dev.pindesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter's Debian package as a service center installs it: {@code
 * installer/linux/build-deb.sh} builds it from the packaged jar, {@code dpkg-deb -x} unpacks it
 * (what {@code dpkg -i} would put in place), and its own launcher and trimmed runtime then run the
 * CLI, real PC/SC, and the counter window under Xvfb through a whole start and stop. A module
 * missing from the runtime (TLS EC, GB18030, Chinese locale data, SQLite's native library) fails
 * here, not at a counter. What a deployer reads in the package (control data, conffile, copyright,
 * {@code /usr/bin} entries, no central inside) is checked too (ADR 0019); {@code
 * .ci/check-installed-deb} then installs it with apt. Skipped with the reason when jpackage,
 * dpkg-deb or xvfb-run is missing; {@code PINDESK_REQUIRE_PACKAGING=1} (CI) makes that a failure.
 */
class PackagedAppIT {
  @TempDir static Path dir;
  static Path launcher;
  static Path deb;
  static Path packageRoot;

  @BeforeAll
  static void buildAndUnpack() throws Exception {
    requireTools("jpackage", "jdeps", "dpkg-deb", "zip", "unzip"); // what build-deb.sh needs
    Path jar = Path.of(System.getProperty("pindesk.jar", "target/pindesk.jar"));
    Path project = jar.toAbsolutePath().getParent().getParent();
    Result build =
        run(
            project,
            Map.of("SKIP_BUILD", "1"),
            Duration.ofMinutes(5),
            "bash",
            "installer/linux/build-deb.sh");
    assertThat(build.exit()).as(build.out()).isZero();
    try (var debs = Files.list(project.resolve("target/installer"))) {
      deb = debs.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
    }
    Path root = Files.createDirectories(dir.resolve("root"));
    Result unpack =
        run(
            dir,
            Map.of(),
            Duration.ofMinutes(2),
            "dpkg-deb",
            "-x",
            deb.toString(),
            root.toString());
    assertThat(unpack.exit()).as(unpack.out()).isZero();
    packageRoot = root;
    launcher = root.resolve("opt/pindesk/bin/pindesk");
  }

  @Test
  void declaresItsOwnDependenciesForDebianAndUbuntu() throws Exception {
    String control = field("Depends");
    assertThat(control)
        .contains("pcscd")
        .contains("libgtk-3-0 | libgtk-3-0t64")
        .contains("libxtst6")
        // the Chinese font ships inside PinDesk (ADR 0017), for the window too
        .doesNotContain("fonts-");
    // one each, by the names we chose, not the build host's computed list
    assertThat(control.split("libpcsclite1", -1)).hasSize(2);
    assertThat(control).doesNotContain("postgresql").doesNotContain("java");
    assertThat(field("Package")).isEqualTo("pindesk");
    assertThat(field("Architecture")).isEqualTo("amd64");
    String version = field("Version");
    assertThat(version).matches("[0-9]+\\.[0-9]+\\.[0-9]+-[0-9]+");
  }

  @Test
  void installsTheSettingsFileAsAConffileThatChangesNothing() throws Exception {
    Result listed =
        run(dir, Map.of(), Duration.ofMinutes(1), "dpkg-deb", "-I", deb.toString(), "conffiles");
    assertThat(listed.out().strip()).isEqualTo("/etc/pindesk/pindesk.properties");
    List<String> settings =
        Files.readAllLines(packageRoot.resolve("etc/pindesk/pindesk.properties"));
    assertThat(settings).anyMatch(line -> line.startsWith("#pindesk.log.dir="));
    // every setting is commented out: an installed counter runs as before until IT edits it
    assertThat(settings).allMatch(line -> line.isBlank() || line.startsWith("#"));
  }

  @Test
  void carriesADebianChangelogForItsVersion() throws Exception {
    Path changelog = packageRoot.resolve("usr/share/doc/pindesk/changelog.Debian.gz");
    String text;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(changelog))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text).startsWith("pindesk (" + field("Version") + ") ").contains("\n -- PinDesk <");
  }

  @Test
  void saysApacheInAMachineReadableCopyrightFile() throws Exception {
    String copyright = Files.readString(packageRoot.resolve("usr/share/doc/pindesk/copyright"));
    assertThat(copyright)
        .startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
        .contains("License: Apache-2.0")
        .contains("License: GPL-2.0-with-classpath-exception")
        .contains("Files: *\nCopyright: PinDesk contributors\nLicense: Apache-2.0\n");
    // every bundled library is named in it by a Files: pattern of its own
    List<String> patterns = new ArrayList<>();
    boolean inFiles = false;
    for (String line : copyright.split("\n")) {
      if (line.startsWith("Files:")) {
        inFiles = true;
        line = line.substring("Files:".length());
      } else if (!(inFiles && line.startsWith(" "))) {
        inFiles = false;
        continue;
      }
      for (String glob : line.trim().split("\\s+")) {
        if (glob.startsWith("opt/pindesk/lib/app/lib/")) {
          patterns.add(glob.replace(".", "\\.").replace("*", ".*"));
        }
      }
    }
    List<String> jars =
        Files.readAllLines(packageRoot.resolve("usr/share/doc/pindesk/bundled-jars.txt"));
    assertThat(jars).isNotEmpty();
    for (String jar : jars) {
      String path = "opt/pindesk/lib/app/lib/" + jar;
      assertThat(patterns).as(jar).anyMatch(path::matches);
    }
  }

  @Test
  void putsPindeskOnThePathAndInTheMenu() throws Exception {
    assertThat(Files.readSymbolicLink(packageRoot.resolve("usr/bin/pindesk")))
        .isEqualTo(Path.of("/opt/pindesk/bin/pindesk"));
    assertThat(Files.readSymbolicLink(packageRoot.resolve("usr/bin/pindesk-audit")))
        .isEqualTo(Path.of("/opt/pindesk/bin/pindesk-audit"));
    Path app = launcher.getParent().getParent();
    assertThat(Files.readString(packageRoot.resolve("usr/share/applications/pindesk.desktop")))
        .contains("Name[zh_CN]=PinDesk 社保卡密码服务")
        .contains("Exec=/opt/pindesk/bin/pindesk");
    assertThat(app.resolve("lib/pindesk.png")).exists();
    // the supervisor's audit window has a launcher and a menu entry of its own
    assertThat(app.resolve("bin/pindesk-audit")).isExecutable();
    assertThat(Files.readString(app.resolve("lib/app/pindesk-audit.cfg"))).contains("audit");
    assertThat(
            Files.readString(packageRoot.resolve("usr/share/applications/pindesk-audit.desktop")))
        .contains("Name[zh_CN]=PinDesk 主管审计");
    assertThat(Files.readString(app.resolve("lib/app/pindesk.cfg")))
        .contains("java.smartcardio/sun.security.smartcardio");
  }

  @Test
  void leavesTheCentralOutAndSaysSoInOneLine() throws Exception {
    try (var jars = Files.list(launcher.getParent().getParent().resolve("lib/app/lib"))) {
      assertThat(jars.map(p -> p.getFileName().toString()))
          .isNotEmpty()
          .noneMatch(
              n ->
                  n.startsWith("postgresql-")
                      || n.startsWith("flyway-")
                      || n.startsWith("HikariCP-")
                      || n.startsWith("prometheus-metrics-")
                      || n.startsWith("jetty-"));
    }
    Result central = pindesk(env("central"), "central", "serve", "--port", "18443");
    assertThat(central.exit()).as(central.out()).isEqualTo(1);
    assertThat(central.out().strip())
        .startsWith("The central receiver (pindesk central) is not part of this installation")
        .doesNotContain("Exception")
        .doesNotContain("\n");
  }

  /** One field of the package's control data, as {@code dpkg-deb -f} prints it. */
  private static String field(String name) throws Exception {
    Result r = run(dir, Map.of(), Duration.ofMinutes(1), "dpkg-deb", "-f", deb.toString(), name);
    assertThat(r.exit()).as(r.out()).isZero();
    return r.out().strip();
  }

  @Test
  void itsOwnRuntimeRunsTheCliWritesAndVerifiesAJournal() throws Exception {
    Map<String, String> env = env("cli");
    Result version = pindesk(env, "--version");
    assertThat(version.exit()).as(version.out()).isZero();
    assertThat(version.out()).contains("PinDesk");

    Path journal = dir.resolve("cli/generated.db");
    Result generate =
        pindesk(env, "training", "generate-journal", "--cases", "5", "--out", journal.toString());
    assertThat(generate.exit()).as(generate.out()).isZero();
    Result verify = pindesk(env, "journal", "verify", journal.toString(), "--json");
    assertThat(verify.exit()).as(verify.out()).isZero();
    assertThat(verify.out()).contains("\"valid\":true");
  }

  @Test
  void itsOwnRuntimeReachesPcscd() throws Exception {
    RealPcsc.assumeAvailable(new PcscTerminals());
    Result readers = pindesk(env("readers"), "readers", "--json");
    assertThat(readers.exit()).as(readers.out()).isZero();
    assertThat(readers.out()).contains(RealPcsc.READER);
  }

  @Test
  void theCounterWindowStartsAndStopsCleanly() throws Exception {
    requireTools("xvfb-run");
    Map<String, String> env = env("gui");
    Path log = Path.of(env.get("PINDESK_LOG_DIR"), "pindesk.log");
    List<String> command =
        List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", launcher.toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("gui/out.txt").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      // The counter (journal, keys, operators, security module) opens behind the first frame.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!logContains(log, "security module:") && System.nanoTime() < deadline) {
        assertThat(p.isAlive()).as("the counter exited: %s", output("gui")).isTrue();
        Thread.sleep(200);
      }
      assertThat(logContains(log, "security module:")).as(output("gui")).isTrue();
    } finally {
      // SIGTERM to the counter itself (xvfb-run's child): its shutdown hooks close the journal.
      p.descendants()
          .filter(h -> h.info().command().map(c -> c.endsWith("/pindesk")).orElse(false))
          .forEach(ProcessHandle::destroy);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    assertThat(Files.readString(log)).doesNotContain(" ERROR ");
    Result verify =
        pindesk(
            env,
            "journal",
            "verify",
            dir.resolve("gui/home/training/journal.db").toString(),
            "--json");
    assertThat(verify.exit()).as(verify.out()).isZero();
  }

  /** A home, key and log directory of its own per test, through the counter's settings. */
  private static Map<String, String> env(String name) throws IOException {
    Path base = Files.createDirectories(dir.resolve(name));
    Map<String, String> env = new HashMap<>();
    env.put("PINDESK_HOME", base.resolve("home").toString());
    env.put("PINDESK_TRAINING_KEYS", base.resolve("training-keys").toString());
    env.put("PINDESK_LOG_DIR", base.resolve("logs").toString());
    env.put("PINDESK_LANG", "en");
    return env;
  }

  private static Result pindesk(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    return run(dir, env, Duration.ofMinutes(2), command.toArray(String[]::new));
  }

  private static boolean logContains(Path log, String text) throws IOException {
    return Files.exists(log) && Files.readString(log).contains(text);
  }

  private static String output(String name) throws IOException {
    Path out = dir.resolve(name).resolve("out.txt");
    return Files.exists(out) ? Files.readString(out) : "";
  }

  record Result(int exit, String out) {}

  private static Result run(Path cwd, Map<String, String> env, Duration timeout, String... command)
      throws Exception {
    Path out = Files.createTempFile(dir, "run", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not end in " + timeout + ": " + Files.readString(out));
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  private static void requireTools(String... tools) {
    for (String tool : tools) {
      boolean found =
          Optional.ofNullable(System.getenv("PATH")).stream()
              .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
              .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
      if (!found) {
        String why = tool + " is not installed (needed to build and run the counter's package)";
        String required =
            Optional.ofNullable(System.getenv("PINDESK_REQUIRE_PACKAGING")).orElse("");
        if (required.equals("1") || required.equals("true")) {
          fail("PINDESK_REQUIRE_PACKAGING=1 but " + why);
        }
        Assumptions.abort(why);
      }
    }
  }
}
