package dev.pindesk.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision records in {@code docs/adr} keep their shape: context, the options considered, the
 * decision, its consequences, a status and a date; a record that supersedes another is named by it
 * in return; and none cites a document outside the repository.
 */
class ArchitectureDecisionRecordsTest {
  private static final Path DIR = Path.of("docs", "adr");
  private static final Pattern FILE = Pattern.compile("(\\d{4})-[a-z0-9-]+\\.md");
  private static final Pattern STATUS =
      Pattern.compile("^- Status: (.*(?:\\n  .*)*)", Pattern.MULTILINE);
  private static final Pattern DATE =
      Pattern.compile("^- Date: \\d{4}-\\d{2}-\\d{2}$", Pattern.MULTILINE);
  private static final Pattern SUPERSEDES =
      Pattern.compile("(?<!superseded by )\\bsupersedes\\b[^.;]*?ADR (\\d{4})");
  private static final Pattern SUPERSEDED_BY = Pattern.compile("superseded by ADR (\\d{4})");

  private static final Map<String, String> records = new TreeMap<>();

  @BeforeAll
  static void readRecords() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path file : files.toList()) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches()) {
          records.put(m.group(1), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(records).hasSizeGreaterThan(20);
  }

  @Test
  void everyRecordHasContextOptionsDecisionConsequencesStatusAndDate() {
    List<String> missing = new ArrayList<>();
    records.forEach(
        (number, text) -> {
          for (String section :
              List.of("## Context", "## Options considered", "## Decision", "## Consequences")) {
            if (!text.contains("\n" + section + "\n")) {
              missing.add(number + ": " + section);
            }
          }
          if (!text.startsWith("# " + number + ". ")) {
            missing.add(number + ": title '# " + number + ". ...'");
          }
          if (!STATUS.matcher(text).find()) {
            missing.add(number + ": '- Status:'");
          }
          if (!DATE.matcher(text).find()) {
            missing.add(number + ": '- Date: YYYY-MM-DD'");
          }
        });
    assertThat(missing).isEmpty();
  }

  @Test
  void aSupersededRecordNamesItsSuccessor() {
    List<String> oneWay = new ArrayList<>();
    records.forEach(
        (number, text) -> {
          Matcher status = STATUS.matcher(text);
          if (!status.find()) {
            return;
          }
          Matcher supersedes = SUPERSEDES.matcher(status.group(1));
          while (supersedes.find()) {
            String older = supersedes.group(1);
            String olderStatus = statusOf(older);
            if (!olderStatus.contains("superseded by ADR " + number)) {
              oneWay.add(number + " supersedes " + older + ", whose status does not say so");
            }
          }
          Matcher supersededBy = SUPERSEDED_BY.matcher(status.group(1));
          while (supersededBy.find()) {
            String newer = supersededBy.group(1);
            if (!statusOf(newer).contains("supersedes")
                || !statusOf(newer).contains("ADR " + number)) {
              oneWay.add(number + " is superseded by " + newer + ", whose status does not say so");
            }
          }
        });
    assertThat(oneWay).isEmpty();
  }

  private static String statusOf(String number) {
    String text = records.get(number);
    if (text == null) {
      return "";
    }
    Matcher status = STATUS.matcher(text);
    return status.find() ? status.group(1) : "";
  }
}
