package dev.pindesk.adapters.cardservice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pindesk.domain.CipherAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one card-management service wants its calls (ADR 0029): where to post, the names of the
 * request's fields, the codes of its services and algorithms, where success, the answer ({@code
 * inst}) and the error come back, and the headers the client's credentials go in. Data, not code:
 * the built-in {@value #DEFAULT_ID} uses the public names of the national interface's HSM path; a
 * deployment whose service differs gives the administrator's JSON file instead. Every choice
 * without a public source is listed in {@link #assumptions()}.
 *
 * @param id the profile's name
 * @param description one line for the administrator
 * @param path the endpoint below the service URL
 * @param fields request field names by PinDesk's name; a missing or empty one is not sent
 * @param businessTypes {@code reset} and {@code unblock}: the business type of each flow
 * @param serviceFlags {@code externalAuthentication} (244), {@code secureMessaging} (245), {@code
 *     internalAuthentication} (246)
 * @param algorithms the service's code of each {@link CipherAlgorithm} by its name
 * @param answer where the answer's parts are and what its codes mean
 * @param credentials the headers the client id and secret go in
 * @param macLength bytes of MAC at the end of a 245 answer
 * @param assumptions every choice the profile makes without a public source
 */
public record WireProfile(
    String id,
    String description,
    String path,
    Map<String, String> fields,
    Map<String, String> businessTypes,
    Map<String, String> serviceFlags,
    Map<String, String> algorithms,
    Answer answer,
    Credentials credentials,
    int macLength,
    List<String> assumptions) {

  /** The built-in profile: the public field names. */
  public static final String DEFAULT_ID = "public-fields";

  /** PinDesk's names of the request fields, all a profile may name. */
  public static final Set<String> FIELD_NAMES =
      Set.of(
          "businessType",
          "serviceFlag",
          "region",
          "ssn",
          "cardNumber",
          "cardIdCode",
          "name",
          "cardAtr",
          "terminalCode",
          "algorithm",
          "keyAddress",
          "random1",
          "random2",
          "command");

  /** The fields every call needs: without them no service can answer. */
  private static final Set<String> REQUIRED_FIELDS =
      Set.of("serviceFlag", "cardIdCode", "algorithm", "keyAddress", "random1", "random2");

  private static final String RESOURCE = "/dev/pindesk/cardservice/" + DEFAULT_ID + ".json";
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /**
   * Where the parts of the answer are (dotted paths into the JSON object) and what its codes mean;
   * a code in none of the lists is a refusal.
   */
  public record Answer(
      String code,
      String inst,
      String message,
      List<String> successCodes,
      List<String> keyMissingCodes,
      List<String> unsupportedCodes,
      List<String> unavailableCodes) {}

  /** The request headers of the client id and its secret. */
  public record Credentials(String idHeader, String secretHeader) {}

  /** The built-in profile. */
  public static WireProfile builtIn() {
    try (InputStream in = WireProfile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("card-management wire profile missing from the build");
      }
      return parse(in.readAllBytes(), "built-in " + DEFAULT_ID);
    } catch (IOException e) {
      throw new UncheckedIOException("built-in card-management wire profile unreadable", e);
    }
  }

  /**
   * The profile a setting names: the built-in id, else a JSON file.
   *
   * @throws IllegalArgumentException when the profile is invalid (the message says why)
   * @throws IOException when the file cannot be read
   */
  public static WireProfile resolve(String idOrPath) throws IOException {
    if (idOrPath == null || idOrPath.isBlank() || idOrPath.strip().equals(DEFAULT_ID)) {
      return builtIn();
    }
    Path file = Path.of(idOrPath.strip());
    return parse(Files.readAllBytes(file), file.toString());
  }

  /** A profile from JSON, validated; {@code source} names it in messages. */
  public static WireProfile parse(byte[] json, String source) {
    WireProfile p;
    try {
      p = JSON.readValue(json, WireProfile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not a card-management wire profile", e);
    }
    p.check(source);
    return p;
  }

  private void check(String source) {
    require(id != null && !id.isBlank(), source, "id is missing");
    require(path != null && path.startsWith("/"), source, "path must start with /");
    require(fields != null, source, "fields are missing");
    for (String f : fields.keySet()) {
      require(FIELD_NAMES.contains(f), source, "unknown field " + f);
    }
    for (String f : REQUIRED_FIELDS) {
      require(field(f).isPresent(), source, "field " + f + " needs a name");
    }
    for (String t : List.of("reset", "unblock")) {
      require(nonBlank(businessTypes, t), source, "businessTypes." + t + " is missing");
    }
    for (String s :
        List.of("externalAuthentication", "secureMessaging", "internalAuthentication")) {
      require(nonBlank(serviceFlags, s), source, "serviceFlags." + s + " is missing");
    }
    for (CipherAlgorithm a : CipherAlgorithm.values()) {
      require(nonBlank(algorithms, a.name()), source, "algorithms." + a.name() + " is missing");
    }
    require(answer != null, source, "answer is missing");
    for (String part : new String[] {answer.code(), answer.inst(), answer.message()}) {
      require(part != null && !part.isBlank(), source, "answer needs code, inst and message");
    }
    require(
        answer.successCodes() != null && !answer.successCodes().isEmpty(),
        source,
        "answer.successCodes is empty");
    require(credentials != null, source, "credentials are missing");
    require(
        token(credentials.idHeader()) && token(credentials.secretHeader()),
        source,
        "credentials headers must be header names");
    require(macLength >= 4 && macLength <= 16, source, "macLength must be 4 to 16");
  }

  private static boolean token(String header) {
    return header != null && header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  }

  private static boolean nonBlank(Map<String, String> map, String key) {
    return map != null && map.get(key) != null && !map.get(key).isBlank();
  }

  private static void require(boolean ok, String source, String why) {
    if (!ok) {
      throw new IllegalArgumentException(source + ": " + why);
    }
  }

  /** The wire name of PinDesk's field {@code name}; empty when the service does not take it. */
  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name)).filter(n -> !n.isBlank());
  }

  /** The service's code of {@code a}. */
  public String algorithmCode(CipherAlgorithm a) {
    return algorithms.get(a.name());
  }

  /** The algorithm whose code is {@code code}, if any. */
  public Optional<CipherAlgorithm> algorithm(String code) {
    for (CipherAlgorithm a : CipherAlgorithm.values()) {
      if (algorithms.get(a.name()).equals(code)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> assumptions() {
    return assumptions == null ? List.of() : List.copyOf(assumptions);
  }
}
