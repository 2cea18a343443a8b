package dev.pindesk.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM on the test classpath, for tests that run PinDesk in a process of
 * its own (often to kill it). sqlite-jdbc unpacks its native library into the temporary directory
 * at every start and removes it only at a clean exit: a killed child used to leave a megabyte in
 * {@code /tmp} each time, about a gigabyte over a day of builds. Here the library goes to {@code
 * scratch}, which the test deletes with its own files.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * {@code java -Dorg.sqlite.tmpdir=<scratch> -cp <test classpath> <rest>}: JVM options, the main
   * class and its arguments go in {@code rest}, in that order.
   */
  public static List<String> onTestClasspath(Path scratch, String... rest) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dorg.sqlite.tmpdir=" + scratch.toAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(List.of(rest));
    return command;
  }
}
