package dev.pindesk.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project explains itself: {@code docs/architecture.md} is linked from the README and names
 * every layer and adapter, and nothing cites notes that live outside the repository.
 */
class ArchitectureDocsTest {
  private static final Path ROOT_PACKAGE = Path.of("src", "main", "java", "dev", "pindesk");
  private static final Path ARCHITECTURE = Path.of("docs", "architecture.md");

  /** Built from parts so that this file does not cite them itself. */
  private static final List<String> OUTSIDE_NOTES =
      List.of("DESIGN" + ".md", "SSC-CARD" + ".md", "STYLE" + ".md", "TOOLCHAIN" + "-NOTES");

  @Test
  void theReadmeLinksTheArchitecturePage() throws IOException {
    assertThat(Files.readString(Path.of("README.md"))).contains("(docs/architecture.md)");
  }

  @Test
  void theArchitecturePageNamesEveryLayerAndAdapter() throws IOException {
    String page = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
    List<String> unnamed = new ArrayList<>();
    for (Path layer : subdirectories(ROOT_PACKAGE)) {
      String name = layer.getFileName().toString();
      if (!page.contains("`" + name + "`")) {
        unnamed.add(name);
      }
    }
    for (Path adapter : subdirectories(ROOT_PACKAGE.resolve("adapters"))) {
      String name = adapter.getFileName().toString();
      if (!page.contains("adapters." + name) && !page.contains("`" + name + "`")) {
        unnamed.add("adapters." + name);
      }
    }
    assertThat(unnamed).as("packages docs/architecture.md does not mention").isEmpty();
  }

  @Test
  void nothingCitesNotesOutsideTheRepository() throws IOException {
    List<String> citing = new ArrayList<>();
    for (Path base : List.of(Path.of("src"), Path.of("docs"), Path.of("README.md"))) {
      try (Stream<Path> files = Files.walk(base)) {
        for (Path file : files.filter(ArchitectureDocsTest::isText).toList()) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          for (String note : OUTSIDE_NOTES) {
            if (text.contains(note)) {
              citing.add(file + " cites " + note);
            }
          }
        }
      }
    }
    assertThat(citing).isEmpty();
  }

  private static List<Path> subdirectories(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static boolean isText(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && (name.endsWith(".java")
            || name.endsWith(".md")
            || name.endsWith(".properties")
            || name.endsWith(".json"));
  }
}
