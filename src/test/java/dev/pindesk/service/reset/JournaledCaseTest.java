package dev.pindesk.service.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.ExportedEntry;
import dev.pindesk.adapters.journal.JournalExporter;
import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.journal.VerifyReport;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.service.audit.CaseAuditRecorder;
import dev.pindesk.testing.TrainingCards;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole case at the counter recorded in a real journal: every step durable and verifiable, the
 * supervisor can read it back, and the file holds no PIN and no identity in clear.
 */
class JournaledCaseTest {
  private static final Sm2KeyPair WORKSTATION = Sm2.generate();
  private static final Sm2KeyPair SUPERVISOR = Sm2.generate();
  @TempDir Path dir;

  @Test
  void anAgentResetIsJournaledVerifiableReadableAndSecret() throws Exception {
    Path file = dir.resolve("journal.db");
    try (SqliteJournalStore store =
        SqliteJournalStore.open(
            file, StoreOptions.of("WS-T1", WORKSTATION, SUPERVISOR.publicKey(), true))) {
      Counter counter = new Counter(AgentPolicy.everywhere(), new CaseAuditRecorder(store));
      counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
      counter.bound(ServiceKind.RESET, HolderKind.AGENT);
      counter.captured("385217");
      counter.service.write();
      counter.service.receiptPrinted();
      counter.service.close();
    }

    VerifyReport report = JournalVerifier.verify(file, Optional.of(WORKSTATION.publicKey()));
    assertThat(report.valid()).isTrue();

    List<ExportedEntry> events = new ArrayList<>();
    JournalExporter.export(file, SUPERVISOR.privateKey(), events::add);
    assertThat(events).allMatch(ExportedEntry::verified);
    assertThat(events)
        .extracting(e -> e.members().get("step"))
        .containsExactly(
            "case_opened",
            "id_checked",
            "card_read",
            "identity_bound",
            "pin_captured",
            "pin_written",
            "receipt_printed",
            "case_closed");
    assertThat(events.get(7).members().toString())
        .contains(Counter.HOLDER.id().value())
        .contains(Counter.HOLDER.name());

    byte[] everything = allJournalBytes(file);
    String latin = new String(everything, StandardCharsets.ISO_8859_1);
    for (String pin : Counter.PINS) {
      assertThat(latin).doesNotContain(pin);
      assertThat(latin).doesNotContain(new String(Hex.parse(pin), StandardCharsets.ISO_8859_1));
    }
    assertThat(latin).doesNotContain(Counter.HOLDER.id().value());
    for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
      assertThat(latin)
          .doesNotContain(
              new String(Counter.HOLDER.name().getBytes(cs), StandardCharsets.ISO_8859_1));
    }
  }

  private static byte[] allJournalBytes(Path file) throws Exception {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(file.getParent())) {
      for (Path p : files.toList()) {
        all.writeBytes(Files.readAllBytes(p));
      }
    }
    return all.toByteArray();
  }
}
