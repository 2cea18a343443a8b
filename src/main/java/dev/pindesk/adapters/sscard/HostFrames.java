package dev.pindesk.adapters.sscard;

import dev.pindesk.domain.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The device host protocol on the child's stdin / stdout: every message is a frame, a 4-byte
 * big-endian length and that many bytes. All fields are binary, never text parsed into a {@code
 * String}: the output of {@code iReloadPIN_HSM_Step2} carries the new PIN, and it must stay in byte
 * arrays the two sides wipe.
 *
 * <ul>
 *   <li>request: {@code u8 function id, i32 iType, i32 input length, input bytes} (the GBK string
 *       argument, without its NUL; length 0 and no argument for functions without one);
 *   <li>reply: {@code u8 kind, i32 return code, i32 output length, output bytes}: kind {@link
 *       #RETURNED} carries the function's return code and {@code pOutInfo} (GBK, without its NUL),
 *       kind {@link #HOST_FAILED} a reason in UTF-8 (library not loadable, unknown function);
 *   <li>the first frame the host sends, before any request, is a reply saying whether the library
 *       loaded ({@link #RETURNED} with code 0) or why not ({@link #HOST_FAILED}).
 * </ul>
 */
final class HostFrames {
  static final int RETURNED = 0;
  static final int HOST_FAILED = 1;

  /** A frame larger than this is a protocol error, not a vendor's output. */
  static final int MAX_FRAME = 1 << 20;

  private HostFrames() {}

  record Request(SscardFunction function, int type, byte[] input) {}

  /** A reply; {@link #wipe} clears its output once read. */
  record Reply(int kind, int code, byte[] output) {
    void wipe() {
      Secrets.wipe(output);
    }
  }

  static void write(OutputStream out, byte[] payload) throws IOException {
    byte[] frame =
        ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    try {
      out.write(frame);
      out.flush();
    } finally {
      Secrets.wipe(frame);
    }
  }

  /** The next frame's payload; {@link EOFException} when the other side is gone. */
  static byte[] read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int length = data.readInt();
    if (length < 0 || length > MAX_FRAME) {
      throw new IOException("device host frame of " + length + " bytes");
    }
    byte[] payload = new byte[length];
    data.readFully(payload);
    return payload;
  }

  static byte[] request(SscardFunction function, int type, byte[] input) {
    ByteBuffer b = ByteBuffer.allocate(1 + 4 + 4 + input.length);
    b.put((byte) function.id()).putInt(type).putInt(input.length).put(input);
    return b.array();
  }

  static Request parseRequest(byte[] payload) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(payload);
    try {
      int id = b.get() & 0xFF;
      SscardFunction f =
          SscardFunction.byId(id).orElseThrow(() -> new IOException("unknown function " + id));
      int type = b.getInt();
      byte[] input = new byte[b.getInt()];
      b.get(input);
      return new Request(f, type, input);
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw new IOException("malformed device host request", e);
    }
  }

  static byte[] reply(int kind, int code, byte[] output) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(9 + output.length);
    b.write(kind);
    b.writeBytes(ByteBuffer.allocate(8).putInt(code).putInt(output.length).array());
    b.writeBytes(output);
    return b.toByteArray();
  }

  static Reply parseReply(byte[] payload) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(payload);
    try {
      int kind = b.get() & 0xFF;
      int code = b.getInt();
      byte[] output = new byte[b.getInt()];
      b.get(output);
      return new Reply(kind, code, output);
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw new IOException("malformed device host reply", e);
    } finally {
      Secrets.wipe(payload);
    }
  }
}
