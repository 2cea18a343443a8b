package dev.pindesk.ports;

import dev.pindesk.domain.audit.AuditEntry;
import dev.pindesk.domain.audit.ChainStatus;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A journal opened with the supervisor's key, for the audit view. */
public interface SupervisorJournal {

  /**
   * Verifies {@code journal}, then decrypts its events with the supervisor key in {@code keyStore}
   * and hands them to {@code sink} in order. The caller wipes {@code passphrase}.
   *
   * @throws Unavailable when the key store or the journal cannot be opened, with the reason
   */
  ChainStatus read(Path journal, Path keyStore, char[] passphrase, Consumer<AuditEntry> sink)
      throws Unavailable;

  /** The journal or the key cannot be opened: a translated reason (key and arguments). */
  final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String messageKey;
    private final transient Object[] args;

    public Unavailable(String messageKey, Object... args) {
      super(messageKey);
      this.messageKey = messageKey;
      this.args = args.clone();
    }

    public String messageKey() {
      return messageKey;
    }

    public Object[] args() {
      return args.clone();
    }
  }
}
