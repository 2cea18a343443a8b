package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.domain.sync.SyncStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter's sync wiring from the settings: off, misconfigured, and shipping. */
class SyncWiringTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty("pindesk.central.url");
    System.clearProperty("pindesk.central.cert");
    System.clearProperty("pindesk.central.backlog.hours");
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
    try (SyncWiring sync = SyncWiring.start(dir.resolve("journal.db"), dir.resolve("keys"))) {
      assertThat(sync.feed().configured()).isFalse();
      sync.wake(); // harmless
    }
  }

  @Test
  void anUnusableConfigurationIsShownNotThrown() {
    Path journal = journal();
    System.setProperty("pindesk.central.url", "https://localhost:8443");
    System.setProperty("pindesk.central.cert", dir.resolve("absent.crt").toString());
    try (SyncWiring sync = SyncWiring.start(journal, dir.resolve("keys"))) {
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
    Path notACert = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "hello");
    record Case(String url, Path cert, Path keys, String problem) {}
    for (Case c :
        List.of(
            new Case("ftp://central.example:21", cert, dir.resolve("keys"), "config_url"),
            new Case("http://10.1.2.3:8080", cert, dir.resolve("keys"), "config_url"),
            new Case("https://central.example:8443", null, dir.resolve("keys"), "config_no_cert"),
            new Case("https://central.example:8443", notACert, dir.resolve("keys"), "config_cert"),
            new Case("https://central.example:8443", cert, dir.resolve("no-keys"), "config_key"))) {
      java.util.Map<String, String> settings = new java.util.HashMap<>();
      settings.put("central.url", c.url());
      if (c.cert() != null) {
        settings.put("central.cert", c.cert().toString());
      }
      try (SyncWiring sync =
          SyncWiring.start(
              journal, c.keys(), n -> java.util.Optional.ofNullable(settings.get(n)))) {
        assertThat(stoppedWith(sync)).as(c.toString()).isEqualTo(c.problem());
      }
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
      System.setProperty("pindesk.central.url", central.uri().toString());
      System.setProperty(
          "pindesk.central.cert",
          central.keys.writeCertificate(dir.resolve("central.crt")).toString());
      System.setProperty("pindesk.central.backlog.hours", "2");
      long last;
      try (JournalOutbox outbox = JournalOutbox.open(journal)) {
        last = outbox.lastSeq();
      }
      try (SyncWiring sync = SyncWiring.start(journal, dir.resolve("keys"))) {
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
