package dev.pindesk.adapters.sync;

import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The body of {@code POST /v1/batches} (docs/sync-protocol.md, "Batch"):
 *
 * <pre>
 * "PDSB" ‖ version u8 (1) ‖ headerLen u16 ‖ journal header ‖ sigLen u8 ‖ header signature
 * ‖ count u32 ‖ count × (seq u64 ‖ entryHeaderLen u8 ‖ entry header ‖ bodyLen u32 ‖ body ‖ hash 32)
 * </pre>
 *
 * Binary on purpose: a drain of a week's backlog is tens of megabytes of ciphertext, which JSON
 * would inflate by a third and make the receiver parse.
 */
public final class BatchCodec {
  static final byte[] MAGIC = {'P', 'D', 'S', 'B'};
  static final int VERSION = 1;
  static final int HASH_LENGTH = 32;

  /** Largest body a receiver accepts (a batch is capped well below it by the sender). */
  public static final int MAX_BYTES = 16 << 20;

  /** Largest entry count a receiver accepts in one batch. */
  public static final int MAX_ENTRIES = 20_000;

  private BatchCodec() {}

  public static byte[] encode(SealedBatch batch) {
    int size =
        4
            + 1
            + 2
            + batch.journalHeader().length
            + 1
            + batch.headerSignature().length
            + 4
            + entriesSize(batch.entries());
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(MAGIC);
    out.put((byte) VERSION);
    out.putShort((short) batch.journalHeader().length);
    out.put(batch.journalHeader());
    out.put((byte) batch.headerSignature().length);
    out.put(batch.headerSignature());
    out.putInt(batch.entries().size());
    writeEntries(out, batch.entries());
    return out.array();
  }

  /**
   * Entries alone, in the batch's entry encoding without a count: how the central keeps a batch's
   * new entries as one block.
   */
  public static byte[] encodeEntries(List<SealedEntry> entries) {
    ByteBuffer out = ByteBuffer.allocate(entriesSize(entries));
    writeEntries(out, entries);
    return out.array();
  }

  /**
   * The entries of {@link #encodeEntries}.
   *
   * @throws IllegalArgumentException when {@code bytes} are not whole entries
   */
  public static List<SealedEntry> decodeEntries(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      List<SealedEntry> entries = new ArrayList<>();
      while (b.hasRemaining()) {
        entries.add(readEntry(b));
      }
      return entries;
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("entry block cut short");
    }
  }

  /**
   * Decodes a batch from {@code in} as it arrives, handing its journal header to {@code onHeader}
   * and each entry to {@code onEntry} as soon as they are decoded (the central starts hashing while
   * the rest is still on the wire). Reads {@code in} to its end.
   *
   * @throws IllegalArgumentException naming what is wrong when the bytes are not a batch
   * @throws IOException when reading fails
   */
  public static SealedBatch read(
      InputStream in, Consumer<byte[]> onHeader, Consumer<SealedEntry> onEntry) throws IOException {
    DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
    try {
      byte[] magic = data.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException("not a PinDesk batch (magic)");
      }
      int version = data.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unsupported batch version " + version);
      }
      byte[] header = readExactly(data, data.readUnsignedShort());
      byte[] signature = readExactly(data, data.readUnsignedByte());
      int count = data.readInt();
      if (count < 0 || count > MAX_ENTRIES) {
        throw new IllegalArgumentException("entry count " + count + " out of range");
      }
      onHeader.accept(header);
      List<SealedEntry> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        long seq = data.readLong();
        byte[] entryHeader = readExactly(data, data.readUnsignedByte());
        int bodyLength = data.readInt();
        if (bodyLength < 0 || bodyLength > MAX_BYTES) {
          throw new IllegalArgumentException("entry " + seq + ": body length out of range");
        }
        SealedEntry e =
            new SealedEntry(
                seq, entryHeader, readExactly(data, bodyLength), readExactly(data, HASH_LENGTH));
        entries.add(e);
        onEntry.accept(e);
      }
      if (data.read() >= 0) {
        throw new IllegalArgumentException("bytes after the last entry");
      }
      return new SealedBatch(header, signature, entries);
    } catch (EOFException e) {
      throw new IllegalArgumentException("batch cut short");
    }
  }

  /**
   * {@code n} bytes, read in bounded chunks: a length declared by the sender is allocated only as
   * its bytes arrive, so 100 bytes declaring a 16 MiB entry cost 100 bytes, not 16 MiB (issue 19).
   */
  private static byte[] readExactly(DataInputStream in, int n) throws IOException {
    byte[] out = in.readNBytes(n);
    if (out.length < n) {
      throw new EOFException();
    }
    return out;
  }

  private static int entriesSize(List<SealedEntry> entries) {
    int size = 0;
    for (SealedEntry e : entries) {
      size += 8 + 1 + e.header().length + 4 + e.body().length + HASH_LENGTH;
    }
    return size;
  }

  /** Writes into a buffer sized by {@link #entriesSize} (no intermediate copies). */
  private static void writeEntries(ByteBuffer out, List<SealedEntry> entries) {
    for (SealedEntry e : entries) {
      out.putLong(e.seq());
      out.put((byte) e.header().length);
      out.put(e.header());
      out.putInt(e.body().length);
      out.put(e.body());
      out.put(e.hash());
    }
  }

  private static SealedEntry readEntry(ByteBuffer b) {
    long seq = b.getLong();
    byte[] entryHeader = take(b, Byte.toUnsignedInt(b.get()));
    int bodyLength = b.getInt();
    if (bodyLength < 0 || bodyLength > b.remaining()) {
      throw new IllegalArgumentException("entry " + seq + ": body length out of range");
    }
    byte[] body = take(b, bodyLength);
    byte[] hash = take(b, HASH_LENGTH);
    return new SealedEntry(seq, entryHeader, body, hash);
  }

  /**
   * @throws IllegalArgumentException naming what is wrong when {@code bytes} is not a batch
   */
  public static SealedBatch decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      byte[] magic = take(b, MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException("not a PinDesk batch (magic)");
      }
      int version = Byte.toUnsignedInt(b.get());
      if (version != VERSION) {
        throw new IllegalArgumentException("unsupported batch version " + version);
      }
      byte[] header = take(b, Short.toUnsignedInt(b.getShort()));
      byte[] signature = take(b, Byte.toUnsignedInt(b.get()));
      int count = b.getInt();
      if (count < 0 || count > MAX_ENTRIES) {
        throw new IllegalArgumentException("entry count " + count + " out of range");
      }
      List<SealedEntry> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        entries.add(readEntry(b));
      }
      if (b.hasRemaining()) {
        throw new IllegalArgumentException(b.remaining() + " bytes after the last entry");
      }
      return new SealedBatch(header, signature, entries);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("batch cut short");
    }
  }

  private static byte[] take(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }
}
