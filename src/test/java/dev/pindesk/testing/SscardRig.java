package dev.pindesk.testing;

import dev.pindesk.adapters.sscard.HostLaunch;
import dev.pindesk.adapters.sscard.ReturnCodes;
import dev.pindesk.adapters.sscard.SscardReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The C stand-in of the national interface as a test drives it, in {@code dir}: the "keypad" file
 * the stand-in reads the citizen's digits from (one entry per line, {@code CANCEL} for the cancel
 * key), the control file that makes a function fail, hang or crash, and readers over the stand-in
 * with its vendor return-code table.
 */
public final class SscardRig {
  private final Path dir;

  public SscardRig(Path dir) {
    this.dir = dir;
  }

  /**
   * A reader over {@code library} in a device host on this JVM's runtime; {@code extra} adds
   * environment variables of the stand-in (e.g. {@code SSCARD_STANDIN_PSAM_READER}).
   */
  public SscardReader reader(
      Path library, SscardReader.Timeouts timeouts, Map<String, String> extra) throws IOException {
    Path codes = dir.resolve("codes.properties");
    if (!Files.exists(codes)) {
      try (InputStream in =
          SscardRig.class.getResourceAsStream(
              "/dev/pindesk/sscard/standin-return-codes.properties")) {
        Files.copy(in, codes);
      }
    }
    Map<String, String> env = new HashMap<>(extra);
    env.put("SSCARD_STANDIN_KEYPAD", dir.resolve("keypad").toString());
    env.put("SSCARD_STANDIN_CONTROL", dir.resolve("control").toString());
    env.put("SSCARD_STANDIN_KEYPAD_MS", "1500");
    return new SscardReader(
        HostLaunch.sameJvm("dev.pindesk.app.SscardHostMain", library, env),
        ReturnCodes.withVendorTable(codes),
        timeouts,
        SscardReader.CONTACT);
  }

  /**
   * What the citizen will type on the keypad, one entry per string, in order; none: nobody types
   * (the keypad times out).
   */
  public void keypad(String... entries) throws IOException {
    String typed = entries.length == 0 ? "" : String.join("\n", entries) + "\n";
    Files.writeString(dir.resolve("keypad"), typed, StandardCharsets.US_ASCII);
  }

  /** The stand-in's forced behaviours ({@code "iReloadPIN fail -12"}, {@code "… hang"}). */
  public void control(String... lines) throws IOException {
    Files.writeString(dir.resolve("control"), String.join("\n", lines) + "\n");
  }
}
