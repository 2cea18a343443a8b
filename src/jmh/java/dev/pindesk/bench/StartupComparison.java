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
 * Cold start of PinDesk (training mode, to the interactive sign-in screen) against a minimal
 * JavaFX window, in the same run, on the same display, N times each, alternating. Target: median
 * PinDesk ≤ 1.5 × median hello-world; RSS after start-up reported too.
 *
 * <p>Run (needs a display, e.g. under xvfb-run): {@code ./mvnw -Pbench test-compile exec:exec
 * -Dexec.mainClass=... } is awkward with JMH's Main, so: {@code java -cp
 * target/test-classes:target/classes:$(cat cp.txt) dev.pindesk.bench.StartupComparison 5}.
 */
public final class StartupComparison {
  private StartupComparison() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path home = Files.createTempDirectory("pindesk-bench");
    List<long[]> pin = new ArrayList<>();
    List<long[]> hello = new ArrayList<>();
    for (int i = 0; i < runs + 1; i++) {
      long[] h = run(HelloFx.Main.class.getName(), home);
      long[] p = run("dev.pindesk.app.Launcher", home);
      if (i > 0) { // the first round warms the OS file cache
        hello.add(h);
        pin.add(p);
      }
    }
    long helloMs = median(hello, 0);
    long pinMs = median(pin, 0);
    System.out.printf(
        "hello-world median %d ms; PinDesk median %d ms; ratio %.2f (target <= 1.50)%n",
        helloMs, pinMs, (double) pinMs / helloMs);
    System.out.printf("PinDesk RSS after start-up: median %d MB%n", median(pin, 1) / 1024);
  }

  private static long[] run(String mainClass, Path home) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpindesk.bench.startup=true",
                "-Dpindesk.home=" + home,
                "-Dpindesk.training.keys=" + home.resolve("keys"),
                "-Dpindesk.log.dir=" + home.resolve("logs"),
                "--add-opens",
                "java.smartcardio/sun.security.smartcardio=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass)
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("STARTUP_MS=")) {
          String[] parts = line.split("[= ]");
          p.waitFor();
          return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[3])};
        }
      }
    }
    throw new IllegalStateException(mainClass + " did not report its start-up");
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
