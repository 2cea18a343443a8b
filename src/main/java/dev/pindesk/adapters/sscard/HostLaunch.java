package dev.pindesk.adapters.sscard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the device host: the command line and extra environment of the child process.
 *
 * @param command the command line (java, its options, the host's main class, the library)
 * @param environment added to the inherited environment (tests steer the stand-in library with it)
 * @param startTimeout how long the host may take to start and load the library
 */
public record HostLaunch(
    List<String> command, Map<String, String> environment, Duration startTimeout) {

  public HostLaunch {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(startTimeout, "startTimeout");
  }

  /**
   * The host in a JVM like this one: the same {@code java} and class path, {@code mainClass} (which
   * hands its arguments to {@link DeviceHost#serve}) with the library as its argument. A small heap
   * and the client compiler: the host only relays calls, and it starts again after a hang or a
   * crash, so start-up time matters more than throughput.
   */
  public static HostLaunch sameJvm(
      String mainClass, Path library, Map<String, String> environment) {
    return withJava(
        Path.of(System.getProperty("java.home"), "bin", "java"), mainClass, library, environment);
  }

  /**
   * The host on another Java runtime with this JVM's class path: a 32-bit JRE 17 for a 32-bit
   * vendor DLL on Windows (a 64-bit JVM cannot load it).
   */
  public static HostLaunch withJava(
      Path java, String mainClass, Path library, Map<String, String> environment) {
    List<String> c = new ArrayList<>();
    c.add(java.toString());
    c.add("-Xmx64m");
    c.add("-XX:+UseSerialGC");
    c.add("-XX:TieredStopAtLevel=1");
    c.add("-Dfile.encoding=UTF-8");
    // A crash in the vendor library is expected now and then: its JVM report goes to one file in
    // the temporary directory (overwritten, so crashes do not pile up, nor land in the working
    // directory), and no core dump.
    c.add(
        "-XX:ErrorFile="
            + Path.of(System.getProperty("java.io.tmpdir"), "pindesk-sscard-host-crash.log"));
    c.add("-XX:-CreateCoredumpOnCrash");
    c.add("-cp");
    // Absolute: the host runs in the library's directory (its own dependencies are found there),
    // where a class path given relative to PinDesk's working directory would name nothing.
    c.add(absolute(System.getProperty("java.class.path")));
    c.add(mainClass);
    c.add(library.toAbsolutePath().toString());
    return new HostLaunch(c, environment, Duration.ofSeconds(20));
  }

  static String absolute(String classPath) {
    return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(e -> !e.isEmpty())
        .map(e -> Path.of(e).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /** The library the host loads: the last argument. */
  Path library() {
    return Path.of(command.get(command.size() - 1));
  }
}
