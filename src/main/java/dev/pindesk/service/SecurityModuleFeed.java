package dev.pindesk.service;

import java.util.function.Consumer;

/**
 * Where the status bar learns the security module's state: fixed for the training module, probed in
 * the background for a PSAM (ready, missing, locked, wrong).
 */
public interface SecurityModuleFeed {

  /**
   * Calls {@code listener} with the current status and every change, on a background thread (a UI
   * marshals to its own).
   */
  void subscribe(Consumer<SecurityModuleStatus> listener);

  /** A status that never changes. */
  static SecurityModuleFeed fixed(SecurityModuleStatus status) {
    return listener -> listener.accept(status);
  }
}
