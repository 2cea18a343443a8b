package dev.pindesk.testing;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The shipped training card profiles, and variants of them made by editing their JSON. */
public final class TrainingCards {
  public static final String GEN3_SM4 = "training-gen3-sm4.json";
  public static final String GEN2_TDES_T0 = "training-gen2-tdes.json";
  public static final String LONG_NAME = "training-long-name.json";
  private static final JsonMapper JSON = new JsonMapper();

  private TrainingCards() {}

  public static VirtualCardSpec spec(String resource) {
    return VirtualCardSpecs.loadResource(resource);
  }

  /** {@code resource} with {@code edit} applied to its JSON tree. */
  public static VirtualCardSpec variant(String resource, Consumer<ObjectNode> edit) {
    try (InputStream in =
        TrainingCards.class.getResourceAsStream(VirtualCardSpecs.RESOURCE_DIR + resource)) {
      ObjectNode tree = (ObjectNode) JSON.readTree(in);
      edit.accept(tree);
      return VirtualCardSpecs.parse(JSON.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
