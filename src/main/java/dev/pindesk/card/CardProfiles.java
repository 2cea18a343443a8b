package dev.pindesk.card;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pindesk.domain.CipherAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The card profiles PinDesk knows, most specific first: the built-in ones listed in {@code
 * dev/pindesk/card/profiles/index.json} (class-path resources: the card layer opens no files).
 */
public final class CardProfiles {
  private static final String BASE = "/dev/pindesk/card/profiles/";
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final List<CardProfile> profiles;

  public CardProfiles(List<CardProfile> profiles) {
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("no card profiles");
    }
    this.profiles = List.copyOf(profiles);
  }

  /** The profiles shipped with PinDesk. */
  public static CardProfiles builtIn() {
    try (InputStream index = CardProfiles.class.getResourceAsStream(BASE + "index.json")) {
      if (index == null) {
        throw new IllegalStateException("card profile index missing from the build");
      }
      List<CardProfile> list = new ArrayList<>();
      for (String name : JSON.readValue(index, String[].class)) {
        try (InputStream in = CardProfiles.class.getResourceAsStream(BASE + name)) {
          if (in == null) {
            throw new IllegalStateException("card profile " + name + " missing from the build");
          }
          list.add(JSON.readValue(in, CardProfile.class));
        }
      }
      return new CardProfiles(list);
    } catch (IOException e) {
      throw new UncheckedIOException("built-in card profiles are unreadable", e);
    }
  }

  public List<CardProfile> all() {
    return profiles;
  }

  public Optional<CardProfile> byId(String id) {
    return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * The first profile matching what is known of a card so far; unknown facts ({@code null} spec
   * version, algorithm or region) do not restrict the choice.
   */
  public Optional<CardProfile> select(
      boolean trainingCard, String specVersion, CipherAlgorithm algorithm, String regionCode) {
    return profiles.stream()
        .filter(p -> matches(p.match(), trainingCard, specVersion, algorithm, regionCode))
        .findFirst();
  }

  private static boolean matches(
      CardProfile.Match m,
      boolean trainingCard,
      String specVersion,
      CipherAlgorithm algorithm,
      String regionCode) {
    if (m.trainingCard() != null && m.trainingCard() != trainingCard) {
      return false;
    }
    if (specVersion != null
        && !m.specVersions().isEmpty()
        && !m.specVersions().contains(specVersion)) {
      return false;
    }
    if (algorithm != null && !m.algorithms().isEmpty() && !m.algorithms().contains(algorithm)) {
      return false;
    }
    return regionCode == null
        || m.regionPrefixes().isEmpty()
        || m.regionPrefixes().stream().anyMatch(regionCode::startsWith);
  }
}
