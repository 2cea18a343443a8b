package dev.pindesk.app;

import picocli.CommandLine.Command;

@Command(name = "virtual-card")
final class VirtualCardCommand implements Runnable {
  @Override
  public void run() {}
}
