package dev.pindesk.adapters.sync;

import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(VERSION);
      out.writeShort(batch.journalHeader().length);
      out.write(batch.journalHeader());
      out.writeByte(batch.headerSignature().length);
      out.write(batch.headerSignature());
      out.writeInt(batch.entries().size());
      writeEntries(out, batch.entries());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Entries alone, in the batch's entry encoding without a count: how the central keeps a batch's
   * new entries as one block.
   */
  public static byte[] encodeEntries(List<SealedEntry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(entriesSize(entries));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeEntries(out, entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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

  private static int entriesSize(List<SealedEntry> entries) {
    int size = 0;
    for (SealedEntry e : entries) {
      size += 8 + 1 + e.header().length + 4 + e.body().length + HASH_LENGTH;
    }
    return size;
  }

  private static void writeEntries(DataOutputStream out, List<SealedEntry> entries)
      throws IOException {
    for (SealedEntry e : entries) {
      out.writeLong(e.seq());
      out.writeByte(e.header().length);
      out.write(e.header());
      out.writeInt(e.body().length);
      out.write(e.body());
      out.write(e.hash());
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
