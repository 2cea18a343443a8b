package dev.pindesk.app;

import dev.pindesk.adapters.journal.ExportedEntry;
import dev.pindesk.adapters.journal.JournalExporter;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.KeyStoreRefusedException;
import dev.pindesk.adapters.journal.Problem;
import dev.pindesk.adapters.journal.VerifyReport;
import dev.pindesk.cli.journal.Passphrases;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.audit.AuditEntry;
import dev.pindesk.domain.audit.ChainStatus;
import dev.pindesk.ports.SupervisorJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * The audit view's journal: {@link JournalExporter} (verify, then decrypt with the supervisor key)
 * behind the {@link SupervisorJournal} port, with the key store's refusals as translated reasons. A
 * training key store opens with an empty passphrase: its passphrase file lies beside it, as for
 * {@code journal export}.
 */
final class SupervisorJournalReader implements SupervisorJournal {

  @Override
  public ChainStatus read(Path journal, Path keyStore, char[] passphrase, Consumer<AuditEntry> sink)
      throws Unavailable {
    if (!Files.isRegularFile(journal)) {
      throw new Unavailable("audit.unavailable.journal", journal.toString());
    }
    ECPrivateKeyParameters key = supervisorKey(keyStore, passphrase);
    VerifyReport report = JournalExporter.export(journal, key, e -> sink.accept(entry(e)));
    Optional<Problem> problem = report.firstBad();
    if (problem.isPresent()
        && problem.get().seq() == 0
        && problem.get().kind() != Problem.Kind.RECEIPT) {
      // Nothing of it could be read: not a journal, damaged header, unknown version. (A bad
      // stored receipt is shown in the chain status; the entries themselves verified.)
      throw new Unavailable("journal.problem." + problem.get().kind().wireName());
    }
    return new ChainStatus(
        report.info().map(i -> i.workstationId()).orElse(""),
        report.info().map(i -> i.training()).orElse(false),
        report.entries(),
        report.checkpoints(),
        report.uncovered(),
        problem.map(p -> p.kind().wireName()),
        problem.map(Problem::seq).orElse(0L),
        report.anchor().map(VerifyReport.Anchor::ackSeq),
        report.anchor().map(VerifyReport.Anchor::at));
  }

  private static ECPrivateKeyParameters supervisorKey(Path keyStore, char[] typed)
      throws Unavailable {
    char[] passphrase = typed;
    boolean fromFile = false;
    try {
      Path trainingFile = keyStore.resolveSibling(KeyFiles.TRAINING_PASSPHRASE_FILE);
      if (typed.length == 0
          && Files.exists(trainingFile)
          && KeyFiles.isTraining(keyStore.toAbsolutePath().getParent())) {
        passphrase = Passphrases.fromFile(trainingFile);
        fromFile = true;
      }
      return KeyFiles.supervisor(keyStore, passphrase);
    } catch (KeyStoreRefusedException e) {
      String reason =
          switch (e.reason()) {
            case WRONG_PASSPHRASE -> "audit.unavailable.passphrase";
            case NOT_PKCS12, NOT_SUPERVISOR -> "audit.unavailable.not_supervisor";
          };
      throw new Unavailable(reason, keyStore.toString());
    } catch (NoSuchFileException e) {
      throw new Unavailable("audit.unavailable.key", keyStore.toString());
    } catch (IOException e) {
      throw new Unavailable("audit.unavailable.key", keyStore.toString());
    } finally {
      if (fromFile) {
        Secrets.wipe(passphrase);
      }
    }
  }

  private static AuditEntry entry(ExportedEntry e) {
    Map<String, String> members = new HashMap<>();
    e.members().forEach((k, v) -> members.put(k, v == null ? "" : v.toString()));
    // the exporter marks a decrypted event with an empty error
    return new AuditEntry(e.seq(), members, e.verified(), e.error() == null || e.error().isEmpty());
  }
}
