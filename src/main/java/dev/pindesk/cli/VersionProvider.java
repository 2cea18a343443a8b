package dev.pindesk.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = PinDeskCli.class.getPackage().getImplementationVersion();
    return new String[] {"PinDesk " + (v == null ? "development" : v)};
  }
}
