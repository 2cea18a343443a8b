package dev.pindesk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cold start of PinDesk (training mode, to the painted, typable sign-in screen) against a minimal
 * JavaFX window, in the same run, on the same display, N times each, alternating. Target: median
 * PinDesk ≤ 1.5 × median hello-world. Also reported: RSS after start-up, and when the services
 * behind the sign-in screen (journal, operators, keys) are ready, so the button stops saying
 * "preparing".
 *
 * <p>Run under a display (e.g. xvfb-run), see docs/benchmarks.md: {@code java -cp
 * target/test-classes:target/classes:$(cat cp.txt) dev.pindesk.bench.StartupComparison [runs]
 * [--jar target/pindesk.jar] [--jvm OPTION]... [--app ARG]...}. {@code --jar} starts PinDesk the
 * way a counter does ({@code java -jar}); {@code --jvm} adds a JVM option to PinDesk only (e.g.
 * {@code -XX:SharedArchiveFile=target/pindesk.jsa}); {@code --app} adds a PinDesk argument (e.g.
 * {@code gui --diagnostics}).
 */
public final class StartupComparison {
  private StartupComparison() {}

  public static void main(String[] args) throws Exception {
    int runs = 5;
    List<String> pinDesk = new ArrayList<>(List.of("-cp", classPath(), "dev.pindesk.app.Launcher"));
    List<String> jvm = new ArrayList<>();
    List<String> app = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jar" -> pinDesk = new ArrayList<>(List.of("-jar", args[++i]));
        case "--jvm" -> jvm.add(args[++i]);
        case "--app" -> app.add(args[++i]);
        default -> runs = Integer.parseInt(args[i]);
      }
    }
    List<String> pinDeskCommand = new ArrayList<>(jvm);
    pinDeskCommand.addAll(pinDesk);
    pinDeskCommand.addAll(app);
    Path home = BenchDirs.temporary("pindesk-bench");
    List<long[]> pin = new ArrayList<>();
    List<long[]> hello = new ArrayList<>();
    for (int i = 0; i < runs + 1; i++) {
      long[] h = run(List.of("-cp", classPath(), HelloFx.Main.class.getName()), home);
      long[] p = run(pinDeskCommand, home);
      System.out.printf(
          "%s hello %d ms | PinDesk %d ms, ready %d ms, RSS %d MB%n",
          i == 0 ? "warm-up" : "run " + i, h[0], p[0], p[2], p[1] / 1024);
      if (i > 0) { // the first round warms the OS file cache (and makes the training keys)
        hello.add(h);
        pin.add(p);
      }
    }
    long helloMs = median(hello, 0);
    long pinMs = median(pin, 0);
    System.out.printf(
        "hello-world median %d ms; PinDesk median %d ms; ratio %.2f (target <= 1.50)%n",
        helloMs, pinMs, (double) pinMs / helloMs);
    System.out.printf(
        "PinDesk RSS after start-up: median %d MB; sign-in ready: median %d ms%n",
        median(pin, 1) / 1024, median(pin, 2));
  }

  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  /** STARTUP_MS, RSS_KB and READY_MS of one start. */
  private static long[] run(List<String> command, Path home) throws Exception {
    List<String> line =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpindesk.bench.startup=true",
                "-Dpindesk.home=" + home,
                "-Dpindesk.training.keys=" + home.resolve("keys"),
                "-Dpindesk.log.dir=" + home.resolve("logs"),
                "--add-opens",
                "java.smartcardio/sun.security.smartcardio=ALL-UNNAMED"));
    line.addAll(command);
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    long[] result = {-1, -1, -1};
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String text = out.readLine(); text != null; text = out.readLine()) {
        String[] parts = text.split("[= ]");
        if (text.startsWith("STARTUP_MS=")) {
          result[0] = Long.parseLong(parts[1]);
          result[1] = Long.parseLong(parts[3]);
        } else if (text.startsWith("READY_MS=")) {
          result[2] = Long.parseLong(parts[1]);
        }
      }
    }
    p.waitFor();
    if (result[0] < 0) {
      throw new IllegalStateException(command + " did not report its start-up");
    }
    return result;
  }

  private static long median(List<long[]> values, int index) {
    List<Long> v = new ArrayList<>();
    for (long[] x : values) {
      v.add(x[index]);
    }
    Collections.sort(v);
    return v.get(v.size() / 2);
  }
}
