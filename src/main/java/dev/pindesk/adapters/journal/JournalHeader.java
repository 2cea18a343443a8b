package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.Sm3;
import dev.pindesk.crypto.gm.Sm2;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The file header of a journal (docs/journal-format.md, "File header"): format, suite, journal id,
 * workstation id and key, supervisor key. Its SM3 digest is the chain's genesis {@code h_0}, which
 * binds every entry to this journal and this workstation key.
 */
record JournalHeader(
    int version,
    String suite,
    byte[] journalId,
    long createdMillis,
    boolean training,
    int checkpointEvery,
    String workstationId,
    byte[] workstationKey,
    byte[] supervisorKey) {
  static final byte[] MAGIC = "PDJOURNL".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final String SUITE_GM = "GM-SM2-SM3-SM4GCM-1";
  static final int JOURNAL_ID_LENGTH = 16;

  byte[] encode() {
    byte[] suiteBytes = suite.getBytes(StandardCharsets.US_ASCII);
    byte[] ws = workstationId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b =
        ByteBuffer.allocate(
            MAGIC.length + 2 + 1 + suiteBytes.length + 16 + 8 + 1 + 4 + 1 + ws.length + 65 + 65);
    b.put(MAGIC).putShort((short) version);
    b.put((byte) suiteBytes.length).put(suiteBytes);
    b.put(journalId).putLong(createdMillis).put((byte) (training ? 1 : 0)).putInt(checkpointEvery);
    b.put((byte) ws.length).put(ws);
    b.put(workstationKey).put(supervisorKey);
    return b.array();
  }

  /**
   * @throws IllegalArgumentException naming what is wrong when {@code bytes} is not a header
   */
  static JournalHeader decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException("header magic is not PDJOURNL");
      }
      int version = Short.toUnsignedInt(b.getShort());
      String suite = new String(bytes(b, Byte.toUnsignedInt(b.get())), StandardCharsets.US_ASCII);
      byte[] id = bytes(b, JOURNAL_ID_LENGTH);
      long created = b.getLong();
      int trainingByte = b.get();
      int every = b.getInt();
      String ws = new String(bytes(b, Byte.toUnsignedInt(b.get())), StandardCharsets.UTF_8);
      byte[] wsKey = bytes(b, Sm2.PUBLIC_POINT_LENGTH);
      byte[] supKey = bytes(b, Sm2.PUBLIC_POINT_LENGTH);
      if (b.hasRemaining() || (trainingByte & ~1) != 0 || every < 1) {
        throw new IllegalArgumentException("header fields out of range");
      }
      return new JournalHeader(
          version, suite, id, created, trainingByte == 1, every, ws, wsKey, supKey);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("header too short");
    }
  }

  private static byte[] bytes(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }

  /** {@code h_0 = SM3(header bytes)}. */
  byte[] genesis() {
    return Sm3.digest(encode());
  }

  ECPublicKeyParameters workstationPublicKey() {
    return Sm2.decodePoint(workstationKey);
  }

  /** Key id of the supervisor key: SM3 of its uncompressed point. */
  byte[] supervisorKeyId() {
    return Sm3.digest(supervisorKey);
  }
}
