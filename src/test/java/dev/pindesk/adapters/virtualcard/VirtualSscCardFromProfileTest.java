package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_EF05;
import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_EF06;
import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.data;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static dev.pindesk.adapters.virtualcard.TestCards.sw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.card.SscElement;
import dev.pindesk.domain.card.SscFile;
import dev.pindesk.domain.codec.Tlv;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sample profiles through the domain encoders: what the card answers decodes back to the profile.
 * Skipped (with a visible reason) until the domain work package replaces the encoder stubs.
 */
class VirtualSscCardFromProfileTest {

  @BeforeEach
  void requireDomainEncoders() {
    assumeTrue(
        TestCards.domainEncodersAvailable(),
        "CardInfo / CardHolder encode() are still stubs: runs once the domain work is merged");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"training-gen3-sm4.json", "training-gen2-tdes.json", "training-long-name.json"})
  void recordsReadFromTheCardDecodeToTheProfile(String profile) {
    VirtualCardSpec spec =
        VirtualCardSpecs.loadResource(profile).withProtocol(CardProtocol.T1, GetResponseMode.NEVER);
    VirtualSscCard card = VirtualSscCard.fromSpec(spec);
    send(card, SELECT_SSSE);

    send(card, SELECT_EF05);
    CardInfo info = CardInfo.decode(readAll(card, SscFile.EF05));
    send(card, SELECT_EF06);
    CardHolder holder = CardHolder.decode(readAll(card, SscFile.EF06));

    assertThat(info).isEqualTo(spec.card().toCardInfo());
    assertThat(holder).isEqualTo(spec.holder().toCardHolder());
  }

  private static Map<Integer, byte[]> readAll(VirtualSscCard card, SscFile file) {
    Map<Integer, byte[]> values = new HashMap<>();
    for (SscElement e : SscElement.of(file)) {
      byte[] r = send(card, String.format("00B2%02X0000", e.tag()));
      if (sw(r).equals("9000")) {
        values.put(e.tag(), Tlv.parse(data(r)).value());
      }
    }
    return values;
  }
}
