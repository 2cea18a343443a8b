package dev.pindesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories of the command-line benches, deleted when the JVM exits: a drain bench writes
 * about 80 MB per round, and leftovers from earlier runs (gigabytes) made later runs' disk writes
 * slower and their numbers noisier.
 */
final class BenchDirs {
  private BenchDirs() {}

  /** A new directory under the system's temporary directory, removed with its files at exit. */
  static Path temporary(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "bench-cleanup"));
    return dir;
  }

  /** Deletes {@code path} and everything under it; missing is fine. */
  static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      all.sorted(Comparator.reverseOrder()).forEach(BenchDirs::deleteOne);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteOne(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
