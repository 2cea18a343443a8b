package dev.pindesk.adapters.sscard;

import dev.pindesk.domain.Secrets;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The device host's loop, run in a process of its own ({@code dev.pindesk.app.SscardHostMain}):
 * loads the vendor library, says whether that worked, then answers one request at a time until its
 * stdin closes. It logs nothing about the calls: their outputs can hold a PIN.
 */
public final class DeviceHost {
  private DeviceHost() {}

  /**
   * Serves requests from {@code in} on {@code out}; returns when {@code in} ends.
   *
   * @return the process exit code: 0 after a clean end, 2 when the library could not be loaded
   */
  public static int serve(Path library, InputStream in, OutputStream out) throws IOException {
    NativeInterface lib;
    try {
      if (!Files.isRegularFile(library)) {
        throw new UnsatisfiedLinkError("no such file: " + library);
      }
      lib = NativeInterface.load(library);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      HostFrames.write(out, failure("cannot load " + library + ": " + e.getMessage()));
      return 2;
    }
    HostFrames.write(out, HostFrames.reply(HostFrames.RETURNED, 0, new byte[0]));
    while (true) {
      byte[] payload;
      try {
        payload = HostFrames.read(in);
      } catch (EOFException e) {
        return 0;
      }
      byte[] reply;
      try {
        HostFrames.Request request = HostFrames.parseRequest(payload);
        NativeInterface.Result r = lib.call(request.function(), request.type(), request.input());
        reply = HostFrames.reply(HostFrames.RETURNED, r.code(), r.output());
        Secrets.wipe(r.output());
      } catch (IOException | UnsatisfiedLinkError e) {
        reply = failure(e.getMessage());
      } finally {
        Secrets.wipe(payload);
      }
      try {
        HostFrames.write(out, reply);
      } finally {
        Secrets.wipe(reply);
      }
    }
  }

  private static byte[] failure(String reason) {
    return HostFrames.reply(
        HostFrames.HOST_FAILED, -1, String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
  }
}
