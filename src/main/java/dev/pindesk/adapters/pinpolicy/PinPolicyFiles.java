package dev.pindesk.adapters.pinpolicy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.ports.PinPolicyFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the PIN policy's regional data ({@link PinPolicyProfile}) from the built-in resource or an
 * administrator's JSON file, format {@value #FORMAT} (see {@code docs/pin-policy.md}). Unknown
 * fields are refused, not ignored: a misspelt {@code initalPins} would otherwise silently let the
 * region's initial PIN through.
 */
public final class PinPolicyFiles {
  /** The value of the file's {@code format} field. */
  public static final String FORMAT = "pindesk-pin-policy/1";

  private static final String BUILT_IN = "/dev/pindesk/pin/pin-policy.json";
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
  private static final Pattern PREFIX = Pattern.compile("[0-9]{1,6}");
  private static final Set<String> TOP_FIELDS =
      Set.of("format", "name", "initialPins", "tryLimit", "knownWeak", "regions", "comment");
  private static final Set<String> REGION_FIELDS =
      Set.of("prefix", "name", "initialPins", "tryLimit", "comment");

  private PinPolicyFiles() {}

  /** The policy shipped with PinDesk: initial PIN 123456, 3 tries, no regional differences. */
  public static PinPolicyProfile builtIn() {
    try (InputStream in = PinPolicyFiles.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("built-in PIN policy missing from the build");
      }
      return parse(MAPPER.readTree(in), Path.of(BUILT_IN));
    } catch (IOException e) {
      throw new UncheckedIOException("built-in PIN policy is unreadable", e);
    } catch (PinPolicyFileException e) {
      throw new IllegalStateException("built-in PIN policy is invalid: " + e.problemKey(), e);
    }
  }

  /** The administrator's file when one is named, else the built-in policy. */
  public static PinPolicyProfile fileOrBuiltIn(Optional<Path> file) throws PinPolicyFileException {
    return file.isPresent() ? read(file.get()) : builtIn();
  }

  /** Reads an administrator's policy file. */
  public static PinPolicyProfile read(Path file) throws PinPolicyFileException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = MAPPER.readTree(in);
    } catch (NoSuchFileException e) {
      throw new PinPolicyFileException(PinPolicyFileException.MISSING, file, "");
    } catch (AccessDeniedException e) {
      throw new PinPolicyFileException(
          PinPolicyFileException.UNREADABLE, file, "pin.policy.problem.permission");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw invalid(
          file,
          "pin.policy.problem.not_json",
          String.valueOf(at == null ? 0 : at.getLineNr()),
          String.valueOf(at == null ? 0 : at.getColumnNr()));
    } catch (IOException e) {
      // a directory, a device that fails: the file cannot be read
      throw new PinPolicyFileException(
          PinPolicyFileException.UNREADABLE, file, "pin.policy.problem.io");
    }
    if (root == null || root.isMissingNode()) {
      throw invalid(file, "pin.policy.problem.not_object");
    }
    return parse(root, file);
  }

  private static PinPolicyProfile parse(JsonNode root, Path file) throws PinPolicyFileException {
    if (!root.isObject()) {
      throw invalid(file, "pin.policy.problem.not_object");
    }
    unknownFields(root, TOP_FIELDS, "", file);
    JsonNode format = root.get("format");
    if (format == null || !format.isTextual() || !format.asText().equals(FORMAT)) {
      throw invalid(file, "pin.policy.problem.format", FORMAT);
    }
    String name = text(root, "name", "name", file).orElse(file.getFileName().toString());
    List<String> initialPins =
        initialPins(required(root, "initialPins", "", file), "initialPins", file);
    int tryLimit = tryLimit(required(root, "tryLimit", "", file), "tryLimit", file);
    List<String> knownWeak = new ArrayList<>();
    JsonNode weak = root.get("knownWeak");
    if (weak != null) {
      for (int i = 0; i < list(weak, "knownWeak", file).size(); i++) {
        JsonNode pin = weak.get(i);
        String path = "knownWeak[" + i + "]";
        if (!pin.isTextual() || !SIX_DIGITS.matcher(pin.asText()).matches()) {
          throw invalid(file, "pin.policy.problem.not_pin", path);
        }
        knownWeak.add(pin.asText());
      }
    }
    List<PinPolicyProfile.Region> regions = new ArrayList<>();
    JsonNode regionNodes = root.get("regions");
    if (regionNodes != null) {
      Set<String> prefixes = new HashSet<>();
      List<JsonNode> nodes = list(regionNodes, "regions", file);
      for (int i = 0; i < nodes.size(); i++) {
        PinPolicyProfile.Region region = region(nodes.get(i), "regions[" + i + "]", file);
        if (!prefixes.add(region.prefix())) {
          throw invalid(file, "pin.policy.problem.duplicate_prefix", region.prefix());
        }
        regions.add(region);
      }
    }
    return new PinPolicyProfile(name, initialPins, tryLimit, knownWeak, regions);
  }

  private static PinPolicyProfile.Region region(JsonNode node, String path, Path file)
      throws PinPolicyFileException {
    if (!node.isObject()) {
      throw invalid(file, "pin.policy.problem.not_object_at", path);
    }
    unknownFields(node, REGION_FIELDS, path + ".", file);
    text(node, "name", path + ".name", file);
    JsonNode prefix = required(node, "prefix", path + ".", file);
    if (!prefix.isTextual() || !PREFIX.matcher(prefix.asText()).matches()) {
      throw invalid(file, "pin.policy.problem.prefix", path + ".prefix");
    }
    JsonNode pins = node.get("initialPins");
    List<String> initialPins =
        pins == null ? List.of() : initialPins(pins, path + ".initialPins", file);
    JsonNode limit = node.get("tryLimit");
    OptionalInt tryLimit =
        limit == null
            ? OptionalInt.empty()
            : OptionalInt.of(tryLimit(limit, path + ".tryLimit", file));
    return new PinPolicyProfile.Region(prefix.asText(), initialPins, tryLimit);
  }

  private static List<String> initialPins(JsonNode node, String path, Path file)
      throws PinPolicyFileException {
    List<String> pins = new ArrayList<>();
    List<JsonNode> items = list(node, path, file);
    for (int i = 0; i < items.size(); i++) {
      JsonNode pin = items.get(i);
      boolean ok =
          pin.isTextual()
              && (SIX_DIGITS.matcher(pin.asText()).matches()
                  || PinPolicyProfile.TOKENS.contains(pin.asText()));
      if (!ok) {
        throw invalid(file, "pin.policy.problem.not_initial_pin", path + "[" + i + "]");
      }
      pins.add(pin.asText());
    }
    return pins;
  }

  private static int tryLimit(JsonNode node, String path, Path file) throws PinPolicyFileException {
    if (!node.isInt() || node.asInt() < 1 || node.asInt() > PinPolicyProfile.MAX_TRY_LIMIT) {
      throw invalid(
          file,
          "pin.policy.problem.try_limit",
          path,
          String.valueOf(PinPolicyProfile.MAX_TRY_LIMIT));
    }
    return node.asInt();
  }

  private static List<JsonNode> list(JsonNode node, String path, Path file)
      throws PinPolicyFileException {
    if (!node.isArray()) {
      throw invalid(file, "pin.policy.problem.not_list", path);
    }
    List<JsonNode> items = new ArrayList<>();
    node.elements().forEachRemaining(items::add);
    return items;
  }

  private static Optional<String> text(JsonNode node, String field, String path, Path file)
      throws PinPolicyFileException {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid(file, "pin.policy.problem.not_text", path);
    }
    return Optional.of(value.asText());
  }

  private static JsonNode required(JsonNode node, String field, String parent, Path file)
      throws PinPolicyFileException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw invalid(file, "pin.policy.problem.missing_field", parent + field);
    }
    return value;
  }

  private static void unknownFields(JsonNode node, Set<String> known, String parent, Path file)
      throws PinPolicyFileException {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalid(file, "pin.policy.problem.unknown_field", parent + name);
      }
    }
  }

  private static PinPolicyFileException invalid(Path file, String problem, Object... args) {
    return new PinPolicyFileException(PinPolicyFileException.INVALID, file, problem, args);
  }
}
