package dev.pindesk.service.sync;

import dev.pindesk.domain.sync.SyncStatus;
import java.util.function.Consumer;

/** Where the status bar gets sync status from; {@link #NOT_CONFIGURED} when no central is set. */
public interface SyncStatusFeed {
  /**
   * Calls {@code listener} with the current status now and with every change, on the sync thread (a
   * UI marshals to its own thread).
   */
  void subscribe(Consumer<SyncStatus> listener);

  /** False only for {@link #NOT_CONFIGURED}. */
  default boolean configured() {
    return true;
  }

  /** No central configured: nothing is ever published. */
  SyncStatusFeed NOT_CONFIGURED =
      new SyncStatusFeed() {
        @Override
        public void subscribe(Consumer<SyncStatus> listener) {}

        @Override
        public boolean configured() {
          return false;
        }
      };
}
