package dev.pindesk.app;

/** Entry point; deliberately not a JavaFX Application so the jar runs from a plain classpath. */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
