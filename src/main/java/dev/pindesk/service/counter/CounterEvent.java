package dev.pindesk.service.counter;

import dev.pindesk.domain.reset.CaseSnapshot;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.ports.PinPad;
import dev.pindesk.service.SecurityModuleStatus;
import java.util.Objects;
import java.util.Optional;

/** What a {@link CounterSession} tells its window between replies. Immutable values only. */
public sealed interface CounterEvent {

  /** The case after a request: its state and allowed steps, or none when no case is open. */
  record CaseChanged(Optional<CaseSnapshot> caseNow) implements CounterEvent {
    public CaseChanged {
      Objects.requireNonNull(caseNow, "caseNow");
    }
  }

  /**
   * The citizen's PIN entry: which entry runs (1 or 2; 1 also for the current PIN of a change; 0
   * when none runs), what the pad asks for, how many digits are typed (never the digits), and, when
   * the entry started again, why (a message key such as {@code pin.weak.birth_date} or {@code
   * pin.entry.mismatch}).
   */
  record PinEntryProgress(
      int entry, PinPad.Prompt prompt, int digits, Optional<String> restartReason)
      implements CounterEvent {
    public PinEntryProgress {
      Objects.requireNonNull(prompt, "prompt");
      Objects.requireNonNull(restartReason, "restartReason");
    }
  }

  /**
   * The certified reader's keypad while a card operation waits on the citizen: what it asks for
   * (the current PIN first for a change of the initial PIN, else the new PIN, which the reader asks
   * twice), empty once the operation returned. The device reports no digits and no second prompt:
   * only that it waits.
   */
  record KeypadWaiting(Optional<PinPad.Prompt> prompt) implements CounterEvent {
    public KeypadWaiting {
      Objects.requireNonNull(prompt, "prompt");
    }
  }

  /** The journal's sync with the central system changed. */
  record SyncChanged(SyncStatus status) implements CounterEvent {
    public SyncChanged {
      Objects.requireNonNull(status, "status");
    }
  }

  /** The security module's state changed (a PSAM is probed in the background). */
  record SecurityModuleChanged(SecurityModuleStatus status) implements CounterEvent {
    public SecurityModuleChanged {
      Objects.requireNonNull(status, "status");
    }
  }
}
