package dev.pindesk.app;

import dev.pindesk.adapters.sscard.DeviceHost;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The device host process (ADR 0028): {@code java -cp <PinDesk's class path>
 * dev.pindesk.app.SscardHostMain LIBRARY}. Started by PinDesk, never by a person: it loads the
 * reader vendor's national-interface library and relays calls on stdin / stdout. Its stdout is the
 * protocol channel, so everything else that would print there goes to stderr.
 */
public final class SscardHostMain {
  private SscardHostMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SscardHostMain LIBRARY");
      System.exit(64);
    }
    OutputStream channel = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err); // nothing else may write a byte into the frames
    InputStream in = System.in;
    System.exit(DeviceHost.serve(Path.of(args[0]), in, channel));
  }
}
