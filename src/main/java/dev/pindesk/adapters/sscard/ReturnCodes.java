package dev.pindesk.adapters.sscard;

import dev.pindesk.domain.error.CardErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a return code of the national interface means: a {@link CardErrorCode}, or "use the HSM
 * path". The public codes ship as a resource; a vendor's codes come from a table file in the same
 * format ({@code <code>=<action>}, see the resource {@code
 * dev/pindesk/sscard/return-codes.properties}) and override them. Codes in neither table are {@code
 * DEVICE_ERROR}.
 */
public final class ReturnCodes {
  static final String RESOURCE = "/dev/pindesk/sscard/return-codes.properties";
  static final String USE_HSM = "use_hsm";

  /** One code's meaning: exactly one of {@code error} and {@code useHsm}. */
  record Meaning(Optional<CardErrorCode> error, boolean useHsm) {}

  private final Map<Integer, Meaning> table;

  private ReturnCodes(Map<Integer, Meaning> table) {
    this.table = Map.copyOf(table);
  }

  /** The public codes only. */
  public static ReturnCodes builtIn() {
    try (InputStream in = ReturnCodes.class.getResourceAsStream(RESOURCE)) {
      Properties p = new Properties();
      p.load(in);
      return new ReturnCodes(parse(p, RESOURCE));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * The public codes overridden by a vendor's table.
   *
   * @throws IllegalArgumentException when the file is unreadable or an entry is not a code or
   *     action (the message names the entry)
   */
  public static ReturnCodes withVendorTable(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read return-code table " + file + ": " + e, e);
    }
    Map<Integer, Meaning> merged = new HashMap<>(builtIn().table);
    merged.putAll(parse(p, file.toString()));
    return new ReturnCodes(merged);
  }

  private static Map<Integer, Meaning> parse(Properties p, String source) {
    Map<Integer, Meaning> m = new HashMap<>();
    for (String key : p.stringPropertyNames()) {
      String value = p.getProperty(key).trim();
      int code;
      try {
        code = Integer.parseInt(key.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ": '" + key + "' is not a return code");
      }
      if (value.equals(USE_HSM)) {
        m.put(code, new Meaning(Optional.empty(), true));
      } else {
        CardErrorCode error =
            CardErrorCode.fromWireName(value)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            source + ": '" + value + "' (code " + key + ") is not a card error"));
        m.put(code, new Meaning(Optional.of(error), false));
      }
    }
    return m;
  }

  /** The meaning of a non-zero {@code code}: {@code DEVICE_ERROR} when no table knows it. */
  Meaning meaning(int code) {
    return table.getOrDefault(code, new Meaning(Optional.of(CardErrorCode.DEVICE_ERROR), false));
  }

  boolean useHsm(int code) {
    return meaning(code).useHsm();
  }
}
