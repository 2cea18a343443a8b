package dev.pindesk.adapters.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batch wire format of docs/sync-protocol.md: exact round trip, strict decoding. */
class BatchCodecTest {
  private static final Random RANDOM = new Random(7);

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static SealedBatch batch(long from, int count) {
    List<SealedEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(new SealedEntry(from + i, bytes(30), bytes(40 + i), bytes(32)));
    }
    return new SealedBatch(bytes(240), bytes(64), entries);
  }

  private static void assertSame(SealedBatch a, SealedBatch b) {
    assertThat(a.journalHeader()).isEqualTo(b.journalHeader());
    assertThat(a.headerSignature()).isEqualTo(b.headerSignature());
    assertThat(a.entries()).hasSameSizeAs(b.entries());
    for (int i = 0; i < a.entries().size(); i++) {
      SealedEntry x = a.entries().get(i);
      SealedEntry y = b.entries().get(i);
      assertThat(x.seq()).isEqualTo(y.seq());
      assertThat(x.header()).isEqualTo(y.header());
      assertThat(x.body()).isEqualTo(y.body());
      assertThat(x.hash()).isEqualTo(y.hash());
    }
  }

  @Test
  void decodesWhatItEncodes() {
    SealedBatch original = batch(4_000_000_001L, 5);
    SealedBatch decoded = BatchCodec.decode(BatchCodec.encode(original));
    assertSame(decoded, original);
    assertThat(decoded.from()).isEqualTo(4_000_000_001L);
    assertThat(decoded.to()).isEqualTo(4_000_000_005L);
  }

  @Test
  void encodesTheDocumentedLayout() {
    SealedBatch b = batch(9, 1);
    ByteBuffer buf = ByteBuffer.wrap(BatchCodec.encode(b));
    byte[] magic = new byte[4];
    buf.get(magic);
    assertThat(new String(magic, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PDSB");
    assertThat(buf.get()).isEqualTo((byte) 1);
    assertThat(Short.toUnsignedInt(buf.getShort())).isEqualTo(240);
    buf.position(buf.position() + 240);
    assertThat(Byte.toUnsignedInt(buf.get())).isEqualTo(64);
    buf.position(buf.position() + 64);
    assertThat(buf.getInt()).isEqualTo(1);
    assertThat(buf.getLong()).isEqualTo(9);
    assertThat(buf.get()).isEqualTo((byte) 30);
  }

  @Test
  void anEmptyBatchRoundTrips() {
    SealedBatch empty = new SealedBatch(bytes(200), bytes(64), List.of());
    assertSame(BatchCodec.decode(BatchCodec.encode(empty)), empty);
  }

  @Test
  void everyTruncationIsAnIllegalArgument() {
    byte[] full = BatchCodec.encode(batch(1, 3));
    for (int n = 0; n < full.length; n++) {
      byte[] cut = Arrays.copyOf(full, n);
      assertThatThrownBy(() -> BatchCodec.decode(cut))
          .as("cut at %d", n)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void readingFromAStreamGivesWhatDecodingGivesAndHandsOverEachEntryInOrder() throws Exception {
    SealedBatch batch = batch(41, 5);
    List<Long> seen = new ArrayList<>();
    List<byte[]> headers = new ArrayList<>();
    SealedBatch read =
        BatchCodec.read(
            new ByteArrayInputStream(BatchCodec.encode(batch)),
            headers::add,
            e -> seen.add(e.seq()));
    assertSame(read, batch);
    assertThat(headers).containsExactly(batch.journalHeader());
    assertThat(seen).containsExactly(41L, 42L, 43L, 44L, 45L);
  }

  @Test
  void aStreamCutShortOrWithTrailingBytesIsAnIllegalArgument() {
    byte[] full = BatchCodec.encode(batch(1, 3));
    for (int n = 0; n < full.length; n += 7) {
      byte[] cut = Arrays.copyOf(full, n);
      assertThatThrownBy(() -> BatchCodec.read(new ByteArrayInputStream(cut), h -> {}, e -> {}))
          .as("cut at %d", n)
          .isInstanceOf(IllegalArgumentException.class);
    }
    byte[] longer = Arrays.copyOf(full, full.length + 1);
    assertThatThrownBy(() -> BatchCodec.read(new ByteArrayInputStream(longer), h -> {}, e -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the last entry");
  }

  @Test
  void entriesAloneRoundTripAsAStoredBlock() {
    SealedBatch batch = batch(7, 4);
    List<SealedEntry> back = BatchCodec.decodeEntries(BatchCodec.encodeEntries(batch.entries()));
    assertSame(new SealedBatch(batch.journalHeader(), batch.headerSignature(), back), batch);
    assertThatThrownBy(
            () ->
                BatchCodec.decodeEntries(
                    Arrays.copyOf(BatchCodec.encodeEntries(batch.entries()), 20)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] full = BatchCodec.encode(batch(1, 2));
    byte[] longer = Arrays.copyOf(full, full.length + 1);
    assertThatThrownBy(() -> BatchCodec.decode(longer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the last entry");
  }

  @Test
  void aWrongMagicOrVersionIsRefused() {
    byte[] full = BatchCodec.encode(batch(1, 1));
    byte[] magic = full.clone();
    magic[0] = 'X';
    byte[] version = full.clone();
    version[4] = 2;
    assertThatThrownBy(() -> BatchCodec.decode(magic)).hasMessageContaining("magic");
    assertThatThrownBy(() -> BatchCodec.decode(version)).hasMessageContaining("version 2");
  }

  @Test
  void anEntryCountOverTheLimitIsRefusedBeforeReadingEntries() {
    byte[] full = BatchCodec.encode(batch(1, 1));
    int countAt = 4 + 1 + 2 + 240 + 1 + 64;
    ByteBuffer.wrap(full).putInt(countAt, BatchCodec.MAX_ENTRIES + 1);
    assertThatThrownBy(() -> BatchCodec.decode(full))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void nonContiguousEntriesAreRefused() {
    byte[] full = BatchCodec.encode(batch(1, 2));
    SealedEntry first = BatchCodec.decode(full).entries().get(0);
    int secondSeqAt = 4 + 1 + 2 + 240 + 1 + 64 + 4 + 8 + 1 + 30 + 4 + first.body().length + 32;
    ByteBuffer.wrap(full).putLong(secondSeqAt, 5);
    assertThatThrownBy(() -> BatchCodec.decode(full))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contiguous");
  }
}
