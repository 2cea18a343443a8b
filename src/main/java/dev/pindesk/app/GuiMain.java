package dev.pindesk.app;

final class GuiMain {
  private GuiMain() {}

  static void launch(String[] args) {}
}
