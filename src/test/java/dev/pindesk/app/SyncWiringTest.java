package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.cli.Cli;
import dev.pindesk.domain.sync.SyncStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter's sync wiring from the settings: off, misconfigured, and shipping. */
class SyncWiringTest {
  @TempDir Path dir;

  /** The settings the wiring reads, by name without the {@code pindesk.} prefix. */
  private final Map<String, String> settings = new HashMap<>();

  private SyncWiring start(Path journal, Path keys) {
    CounterConfig config =
        CounterConfig.from(
            CounterOptions.none(),
            SettingLookup.of(settings, SettingSource.byDefault()),
            dir.resolve("user-home"));
    return SyncWiring.start(journal, keys, config.central());
  }

  private Path journal() {
    Path journal = dir.resolve("journal.db");
    Cli.Result r =
        Cli.run(
            "training",
            "generate-journal",
            "--cases",
            "2",
            "--out",
            journal.toString(),
            "--keys",
            dir.resolve("keys").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return journal;
  }

  @Test
  void isNotConfiguredWithoutACentralUrl() {
    try (SyncWiring sync = start(dir.resolve("journal.db"), dir.resolve("keys"))) {
      assertThat(sync.feed().configured()).isFalse();
      sync.wake(); // harmless
    }
  }

  @Test
  void anUnusableConfigurationIsShownNotThrown() {
    Path journal = journal();
    settings.put("central.url", "https://localhost:8443");
    settings.put("central.cert", dir.resolve("absent.crt").toString());
    try (SyncWiring sync = start(journal, dir.resolve("keys"))) {
      assertThat(stoppedWith(sync)).isEqualTo("config_cert");
    }
  }

  /** Each way of getting the settings wrong has its own problem, so the status bar says which. */
  @Test
  void theStatusBarSaysWhichSettingIsWrong() throws Exception {
    Path journal = journal();
    Path cert;
    try (LoopbackCentral central = new LoopbackCentral()) {
      cert = central.keys.writeCertificate(dir.resolve("central.crt"));
    }
    Path notACert = Files.writeString(dir.resolve("notes.txt"), "hello");
    record Case(String url, Path cert, Path keys, String problem) {}
    for (Case c :
        List.of(
            new Case("ftp://central.example:21", cert, dir.resolve("keys"), "config_url"),
            new Case("http://10.1.2.3:8080", cert, dir.resolve("keys"), "config_url"),
            new Case("https://central.example:8443", null, dir.resolve("keys"), "config_no_cert"),
            new Case("https://central.example:8443", notACert, dir.resolve("keys"), "config_cert"),
            new Case("https://central.example:8443", cert, dir.resolve("no-keys"), "config_key"))) {
      settings.clear();
      settings.put("central.url", c.url());
      if (c.cert() != null) {
        settings.put("central.cert", c.cert().toString());
      }
      try (SyncWiring sync = start(journal, c.keys())) {
        assertThat(stoppedWith(sync)).as(c.toString()).isEqualTo(c.problem());
      }
    }
    settings.put("central.url", "https://central.example:8443");
    settings.put("central.cert", cert.toString());
    try (SyncWiring sync = start(notACert, dir.resolve("keys"))) {
      assertThat(stoppedWith(sync)).as("a file that is no journal").isEqualTo("config_journal");
    }
  }

  private static String stoppedWith(SyncWiring sync) {
    List<SyncStatus> seen = new CopyOnWriteArrayList<>();
    sync.feed().subscribe(seen::add);
    assertThat(seen)
        .singleElement()
        .extracting(SyncStatus::link)
        .isEqualTo(SyncStatus.Link.STOPPED);
    return seen.get(0).problem().orElseThrow();
  }

  @Test
  void shipsTheJournalInTheBackgroundWithTheConfiguredBacklogLimit() throws Exception {
    Path journal = journal();
    try (LoopbackCentral central = new LoopbackCentral()) {
      settings.put("central.url", central.uri().toString());
      settings.put(
          "central.cert", central.keys.writeCertificate(dir.resolve("central.crt")).toString());
      settings.put("central.backlog.hours", "2");
      long last;
      try (JournalOutbox outbox = JournalOutbox.open(journal)) {
        last = outbox.lastSeq();
      }
      try (SyncWiring sync = start(journal, dir.resolve("keys"))) {
        List<SyncStatus> seen = new CopyOnWriteArrayList<>();
        sync.feed().subscribe(seen::add);
        long deadline = System.currentTimeMillis() + 10_000;
        while (central.headSeq() < last && System.currentTimeMillis() < deadline) {
          Thread.sleep(20);
        }
        assertThat(central.headSeq()).isEqualTo(last);
        assertThat(seen.get(0).backlogLimit()).isEqualTo(Duration.ofHours(2));
      }
    }
  }
}
