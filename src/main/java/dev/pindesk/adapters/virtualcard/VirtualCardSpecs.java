package dev.pindesk.adapters.virtualcard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads virtual card profiles from JSON files or from the sample profiles shipped as resources
 * under {@code /dev/pindesk/virtualcard/}.
 */
public final class VirtualCardSpecs {
  /** Resource folder of the shipped sample profiles. */
  public static final String RESOURCE_DIR = "/dev/pindesk/virtualcard/";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private VirtualCardSpecs() {}

  /**
   * Loads a profile file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is not a valid profile (the message says why)
   */
  public static VirtualCardSpec load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Loads a shipped sample profile by file name, e.g. {@code "training-gen3-sm4.json"}.
   *
   * @throws IllegalArgumentException when there is no such profile or it is invalid
   */
  public static VirtualCardSpec loadResource(String name) {
    try (InputStream in = VirtualCardSpecs.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample card profile named " + name);
      }
      return read(in, name);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read sample card profile " + name, e);
    }
  }

  /** Parses a profile from JSON text; invalid profiles throw {@link IllegalArgumentException}. */
  public static VirtualCardSpec parse(String json) {
    try {
      return MAPPER.readValue(json, VirtualCardSpec.class);
    } catch (JsonProcessingException e) {
      throw invalid("JSON text", e);
    }
  }

  private static VirtualCardSpec read(InputStream in, String source) throws IOException {
    try {
      return MAPPER.readValue(in, VirtualCardSpec.class);
    } catch (JsonProcessingException e) {
      throw invalid(source, e);
    }
  }

  private static IllegalArgumentException invalid(String source, JsonProcessingException e) {
    // Validation failures of the records arrive wrapped; surface their message.
    Throwable reason =
        e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : e;
    String message =
        reason instanceof JsonProcessingException jpe
            ? jpe.getOriginalMessage()
            : reason.getMessage();
    return new IllegalArgumentException("invalid card profile " + source + ": " + message, e);
  }
}
