package dev.pindesk.ui;

import javafx.animation.AnimationTimer;

/**
 * Runs an action once the scene shown last has been painted: the first pulse lays out and renders,
 * the second proves the frame reached the screen. Work that is not needed to paint the first screen
 * waits for this, so it does not compete with start-up for the CPU.
 */
public final class FirstFrame {
  private FirstFrame() {}

  /** Calls {@code action} on the FX thread after the next painted frame. */
  public static void then(Runnable action) {
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses < 2) {
          return;
        }
        stop();
        action.run();
      }
    }.start();
  }
}
