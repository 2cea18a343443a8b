package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.gm.Sm4Gcm;
import java.nio.ByteBuffer;
import javax.crypto.AEADBadTagException;

/**
 * Sealing of EVENT bodies: SM4-GCM under the segment data key, nonce {@code segment (u32) ‖ seq
 * (u64)} (unique per key: a key belongs to one segment, a seq to one entry), additional data {@code
 * seq (u64) ‖ entry header}, so a body cannot be moved to another place or header.
 */
final class EventSeal {
  private EventSeal() {}

  static byte[] seal(byte[] dataKey, long seq, byte[] header, long segment, byte[] plaintext) {
    return Sm4Gcm.seal(dataKey, nonce(segment, seq), aad(seq, header), plaintext);
  }

  static byte[] open(byte[] dataKey, long seq, byte[] header, long segment, byte[] body)
      throws AEADBadTagException {
    return Sm4Gcm.open(dataKey, nonce(segment, seq), aad(seq, header), body);
  }

  static byte[] nonce(long segment, long seq) {
    return ByteBuffer.allocate(12).putInt((int) segment).putLong(seq).array();
  }

  private static byte[] aad(long seq, byte[] header) {
    return ByteBuffer.allocate(8 + header.length).putLong(seq).put(header).array();
  }
}
