package dev.pindesk.adapters.journal;

/** What a journal's header says about it, in clear: no secrets, nothing about cases. */
public record JournalInfo(
    String journalId, String workstationId, boolean training, String suite, long createdMillis) {
  static JournalInfo of(JournalHeader h) {
    return new JournalInfo(
        dev.pindesk.domain.codec.Hex.of(h.journalId()),
        h.workstationId(),
        h.training(),
        h.suite(),
        h.createdMillis());
  }
}
