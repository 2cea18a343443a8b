package dev.pindesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.virtualcard.CardFiles;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.card.SscElement;
import dev.pindesk.domain.card.SscFile;
import dev.pindesk.domain.codec.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The conformance corpus in {@code src/test/resources/cards/}: card images laid out as cards in the
 * field are, each with what {@code card read --json} must print for it (or the error it must end
 * with). An image is a virtual card spec (transport quirks, PIN state, FCI algorithm) plus raw
 * element bytes that replace what the spec's data would encode: {@code "elements": {"0C": null}}
 * removes birthplace (the card answers {@code 6A 83}), {@code "09": "<hex>"} stores those bytes.
 */
public record CardImages(
    String name, String description, VirtualCardSpec spec, CardFiles files, JsonNode expected) {
  private static final JsonMapper JSON = new JsonMapper();

  /** Every image of the corpus, by file name. */
  public static final List<String> ALL =
      List.of(
          "gen3-sm4-full.json",
          "gen3-no-birthplace-korean.json",
          "gen2-t0-getresponse-binary-issuer.json",
          "gen2-t0-wrong-le-short-name.json",
          "rare-name-space-padded.json",
          "long-name-extension.json",
          "expired-card.json",
          "blocked-pin.json",
          "ssf33-algorithm.json",
          "missing-card-number.json",
          "malformed-ethnicity.json");

  public static CardImages load(String name) {
    try (InputStream in = CardImages.class.getResourceAsStream("/cards/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no card image " + name);
      }
      JsonNode image = JSON.readTree(in);
      VirtualCardSpec spec = VirtualCardSpecs.parse(JSON.writeValueAsString(image.get("spec")));
      return new CardImages(
          name,
          image.get("description").asText(),
          spec,
          files(spec, image.path("elements")),
          image.get("expected"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A virtual card holding this image. */
  public VirtualSscCard card() {
    return VirtualSscCard.builder(spec).files(files).build();
  }

  /** The error code the read must end with, when the image is of an unreadable card. */
  public java.util.Optional<String> expectedError() {
    return expected.has("error")
        ? java.util.Optional.of(expected.get("error").asText())
        : java.util.Optional.empty();
  }

  private static CardFiles files(VirtualCardSpec spec, JsonNode overrides) {
    Map<Integer, byte[]> ef05 = new HashMap<>(spec.card().toCardInfo().encode());
    Map<Integer, byte[]> ef06 = new HashMap<>(spec.holder().toCardHolder().encode());
    Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      int tag = Integer.parseInt(f.getKey(), 16);
      Map<Integer, byte[]> target = SscElement.byTag(SscFile.EF05, tag).isPresent() ? ef05 : ef06;
      if (f.getValue().isNull()) {
        target.remove(tag);
      } else {
        target.put(tag, Hex.parse(f.getValue().asText()));
      }
    }
    return new CardFiles(ef05, ef06);
  }

  /** The expected JSON as an object, for comparison with the CLI's. */
  public ObjectNode expectedObject() {
    return (ObjectNode) expected;
  }
}
