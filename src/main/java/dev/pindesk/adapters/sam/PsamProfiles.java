package dev.pindesk.adapters.sam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads PSAM vendor profiles: the built-in ones listed in {@code dev/pindesk/sam/profiles/
 * index.json}, or an administrator's JSON file. Every profile is validated when loaded ({@link
 * PsamProfileCheck}); a bad one is refused with a message naming the source and the field.
 */
public final class PsamProfiles {
  /** The profile used when the setting names none. */
  public static final String DEFAULT_ID = "pboc-psam-generic";

  private static final String BASE = "/dev/pindesk/sam/profiles/";
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private PsamProfiles() {}

  /** The profiles shipped with PinDesk. */
  public static List<PsamProfile> builtIn() {
    try (InputStream index = PsamProfiles.class.getResourceAsStream(BASE + "index.json")) {
      if (index == null) {
        throw new IllegalStateException("PSAM profile index missing from the build");
      }
      List<PsamProfile> list = new ArrayList<>();
      for (String name : JSON.readValue(index, String[].class)) {
        try (InputStream in = PsamProfiles.class.getResourceAsStream(BASE + name)) {
          if (in == null) {
            throw new IllegalStateException("PSAM profile " + name + " missing from the build");
          }
          list.add(parse(in.readAllBytes(), "built-in " + name));
        }
      }
      return List.copyOf(list);
    } catch (IOException e) {
      throw new UncheckedIOException("built-in PSAM profiles are unreadable", e);
    }
  }

  /** The built-in profile with this id. */
  public static Optional<PsamProfile> builtIn(String id) {
    return builtIn().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * The profile a setting names: a path to a JSON file when one exists there, else a built-in id.
   *
   * @throws IllegalArgumentException when it is neither, or the profile is invalid (the message
   *     says which and why)
   * @throws IOException when the file cannot be read
   */
  public static PsamProfile resolve(String idOrPath) throws IOException {
    Path file = Path.of(idOrPath);
    if (idOrPath.endsWith(".json") || Files.isRegularFile(file)) {
      return load(file);
    }
    return builtIn(idOrPath)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown PSAM profile '"
                        + idOrPath
                        + "': not a file, and the built-in profiles are "
                        + builtIn().stream().map(PsamProfile::id).toList()));
  }

  /** A profile from a JSON file, validated. */
  public static PsamProfile load(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  /**
   * A profile from JSON bytes, validated.
   *
   * @param source where the bytes come from, for the error message
   * @throws IllegalArgumentException when the JSON does not describe a valid profile
   */
  public static PsamProfile parse(byte[] json, String source) {
    PsamProfile profile;
    try {
      profile = JSON.readValue(json, PsamProfile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "PSAM profile " + source + " is not valid JSON for a profile: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PsamProfileCheck.validate(profile, source);
    return profile;
  }
}
