package dev.pindesk.adapters.journal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.adapters.journal.JournalFile.ProblemException;
import dev.pindesk.crypto.Sm3;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.domain.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * {@code journal export}: verifies the journal, then decrypts its events with the supervisor's key
 * and hands them out in sequence order, each marked verified or not (entries at or after the first
 * problem are not). Data keys are wiped when their segment ends.
 */
public final class JournalExporter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private JournalExporter() {}

  /** Returns the verification report; {@code sink} receives every event entry. */
  public static VerifyReport export(
      Path file, ECPrivateKeyParameters supervisorKey, Consumer<ExportedEntry> sink) {
    try (JournalFile journal = JournalFile.open(file)) {
      VerifyReport report = JournalVerifier.verify(journal, Optional.empty());
      // A damaged or foreign stored receipt (reported at entry 0) says nothing against the
      // entries, which all verified: they are still handed out, marked verified.
      long firstBad =
          report
              .firstBad()
              .filter(p -> p.kind() != Problem.Kind.RECEIPT)
              .map(Problem::seq)
              .orElse(Long.MAX_VALUE);
      if (firstBad == 0) {
        return report;
      }
      ECPublicKeyParameters supervisorPublic = supervisorPublic(supervisorKey);
      byte[] expectedKeyId = Sm3.digest(Sm2.encodePoint(supervisorPublic));
      byte[][] dataKey = {null};
      try {
        journal.forEach(
            row -> {
              EntryHeader header;
              try {
                header = EntryHeader.decode(row.header());
              } catch (IllegalArgumentException e) {
                return true;
              }
              boolean verified = row.seq() < firstBad;
              if (header.kind() == EntryKind.SEGMENT) {
                Secrets.wipe(dataKey[0]);
                dataKey[0] = unwrap(row.body(), expectedKeyId, supervisorKey);
              } else if (header.kind() == EntryKind.EVENT) {
                sink.accept(decrypt(row, header, dataKey[0], verified));
              }
              return true;
            });
      } finally {
        Secrets.wipe(dataKey[0]);
      }
      return report;
    } catch (ProblemException e) {
      return VerifyReport.failed(e.problem);
    }
  }

  /** The public key of {@code key}, to check it is the one the segments were wrapped for. */
  static ECPublicKeyParameters supervisorPublic(ECPrivateKeyParameters key) {
    return new ECPublicKeyParameters(
        Sm2.DOMAIN.getG().multiply(key.getD()).normalize(), Sm2.DOMAIN);
  }

  private static byte[] unwrap(byte[] body, byte[] expectedKeyId, ECPrivateKeyParameters key) {
    try {
      SegmentBody segment = SegmentBody.decode(body);
      if (!Arrays.equals(segment.supervisorKeyId(), expectedKeyId)) {
        return null;
      }
      return Sm2.decrypt(key, segment.wrappedKey());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ExportedEntry decrypt(
      JournalFile.Row row, EntryHeader header, byte[] dataKey, boolean verified) {
    if (dataKey == null) {
      return new ExportedEntry(
          row.seq(), Map.of(), verified, "no data key for this supervisor key");
    }
    byte[] json = null;
    try {
      json = EventSeal.open(dataKey, row.seq(), row.header(), header.segment(), row.body());
      Map<String, Object> members = MAPPER.readValue(json, MAP);
      Object seq = members.get("seq");
      if (!(seq instanceof Number number) || number.longValue() != row.seq()) {
        return new ExportedEntry(row.seq(), Map.of(), false, "event seq differs from entry seq");
      }
      return new ExportedEntry(row.seq(), members, verified, "");
    } catch (AEADBadTagException e) {
      return new ExportedEntry(row.seq(), Map.of(), false, "ciphertext fails authentication");
    } catch (IOException e) {
      return new ExportedEntry(row.seq(), Map.of(), false, "event is not JSON");
    } finally {
      Secrets.wipe(json);
    }
  }
}
