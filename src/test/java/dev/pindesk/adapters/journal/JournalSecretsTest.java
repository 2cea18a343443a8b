package dev.pindesk.adapters.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.audit.Person;
import dev.pindesk.service.audit.SteppingClock;
import dev.pindesk.service.audit.SyntheticJournalGenerator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing secret in clear: after a generated journal (and the PINs the simulated clerk handled)
 * went through append, verify and export, neither PIN digits (ASCII, BCD, PIN block) nor full names
 * or ID numbers appear in the journal file, its WAL, or the logs.
 */
class JournalSecretsTest {
  private static final List<String> PINS = List.of("739164", "482615", "905217");

  @TempDir Path dir;

  @Test
  void noPinNameOrIdNumberInClearAnywhere() throws Exception {
    Path logs = Path.of("target/test-logs");
    Map<Path, Long> logStarts = logSizes(logs);
    Path file = dir.resolve("secrets.db");
    SteppingClock clock = new SteppingClock(Instant.parse("2025-01-06T01:00:00Z"));
    try (SqliteJournalStore store =
        SqliteJournalStore.open(
            file, TestJournals.options(50).withClock(clock).withoutDurability())) {
      new SyntheticJournalGenerator(99, clock, store).generate(300);
      store.append(TestJournals.event(3).withAgent(new Person("110101194912310036", "欧阳娜")));
    }
    assertThat(JournalVerifier.verify(file, Optional.empty()).valid()).isTrue();
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    List<ExportedEntry> exported = new ArrayList<>();
    JournalExporter.export(file, TestJournals.SUPERVISOR.privateKey(), exported::add);
    for (ExportedEntry e : exported) {
      for (String k : List.of("holderId", "agentId")) {
        if (e.members().get(k) != null) {
          ids.add((String) e.members().get(k));
        }
      }
      for (String k : List.of("holderName", "agentName")) {
        if (e.members().get(k) != null) {
          names.add((String) e.members().get(k));
        }
      }
      assertThat(e.members().keySet()).noneMatch(k -> k.toLowerCase().contains("pin"));
    }
    assertThat(ids).hasSizeGreaterThan(100);
    assertThat(names).hasSizeGreaterThan(50);

    List<byte[]> haystacks = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        haystacks.add(Files.readAllBytes(p));
      }
    }
    // Only what this test logged: other tests' lines (random seeds, temporary directories' long
    // numbers) could hold a birth date or a PIN's digits by chance.
    for (Map.Entry<Path, Long> log : logSizes(logs).entrySet()) {
      byte[] all = Files.readAllBytes(log.getKey());
      long start = logStarts.getOrDefault(log.getKey(), 0L);
      int from = start <= all.length ? (int) start : 0;
      haystacks.add(java.util.Arrays.copyOfRange(all, from, all.length));
    }
    for (byte[] hay : haystacks) {
      for (String pin : PINS) {
        assertThat(contains(hay, pin.getBytes(StandardCharsets.US_ASCII))).isFalse();
        byte[] bcd = bcd(pin);
        assertThat(contains(hay, new byte[] {0x26, bcd[0], bcd[1], bcd[2], (byte) 0xFF})).isFalse();
        assertThat(contains(hay, new byte[] {0x06, bcd[0], bcd[1], bcd[2], (byte) 0xFF})).isFalse();
      }
      for (String id : ids) {
        assertThat(contains(hay, id.getBytes(StandardCharsets.US_ASCII)))
            .as("ID number in clear")
            .isFalse();
        assertThat(contains(hay, id.substring(6, 14).getBytes(StandardCharsets.US_ASCII)))
            .as("birth date in clear")
            .isFalse();
      }
      for (String name : names) {
        if (name.length() >= 2) {
          assertThat(contains(hay, name.getBytes(StandardCharsets.UTF_8)))
              .as("name in clear")
              .isFalse();
          if (name.length()
              >= 3) { // 2-character names are 4 GB18030 bytes: chance hits in ciphertext
            assertThat(contains(hay, name.getBytes(Charset.forName("GB18030"))))
                .as("name in clear")
                .isFalse();
          }
        }
      }
    }
  }

  private static byte[] bcd(String digits) {
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (((digits.charAt(2 * i) - '0') << 4) | (digits.charAt(2 * i + 1) - '0'));
    }
    return out;
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    // ISO-8859-1 maps bytes 1:1 to chars, so String.indexOf is a fast byte search
    return new String(hay, StandardCharsets.ISO_8859_1)
        .contains(new String(needle, StandardCharsets.ISO_8859_1));
  }

  private static Map<Path, Long> logSizes(Path logs) throws IOException {
    Map<Path, Long> sizes = new HashMap<>();
    if (Files.isDirectory(logs)) {
      try (Stream<Path> files = Files.list(logs)) {
        for (Path p : files.toList()) {
          sizes.put(p, Files.size(p));
        }
      }
    }
    return sizes;
  }
}
