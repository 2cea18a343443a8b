package dev.pindesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.VirtualCardFault;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.card.SscElement;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.SecurityModule;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * At least 100,000 random response APDUs through the card layer: whatever a broken or hostile card
 * answers, the card layer throws only typed {@link CardException}s (or succeeds).
 */
class CardLayerFuzzTest {
  private static final int MIN_RESPONSES = 100_000;
  private static final int[] INTERESTING_SW = {
    0x9000, 0x9000, 0x9000, 0x6100, 0x6101, 0x61FF, 0x6C00, 0x6C01, 0x6CFF, 0x63C0, 0x63C3,
    0x6983, 0x9303, 0x6982, 0x6985, 0x6A82, 0x6A83, 0x6700, 0x6D00, 0x6E00, 0x6988, 0x6300
  };

  /**
   * A real virtual training card whose answers are replaced by random ones now and then, so the
   * fuzzer reaches every step of a read and a reset, not just the first APDU.
   */
  private static final class RandomCard implements CardConnection {
    private final Random random;
    private final VirtualSscCard card;
    int responses;

    RandomCard(Random random) {
      this.random = random;
      this.card =
          VirtualSscCard.builder(VirtualCardSpecs.loadResource("training-gen2-tdes.json"))
              .random(random)
              .build();
    }

    @Override
    public byte[] transmit(byte[] command) throws CardException {
      responses++;
      if (random.nextInt(24) != 0) {
        try {
          return card.process(command);
        } catch (VirtualCardFault fault) {
          throw new CardException(CardErrorCode.CARD_REMOVED, "fault");
        }
      }
      return randomAnswer(command);
    }

    private byte[] randomAnswer(byte[] command) {
      int kind = random.nextInt(10);
      byte[] body;
      if (kind < 4 && command.length >= 3 && (command[1] & 0xFF) == 0xB2) {
        body = plausibleTlv(command[2] & 0xFF);
      } else if (kind < 6) {
        body = new byte[random.nextInt(3) == 0 ? random.nextInt(300) : random.nextInt(20)];
        random.nextBytes(body);
      } else {
        body = new byte[0];
      }
      if (random.nextInt(20) == 0) {
        byte[] junk = new byte[random.nextInt(3)];
        random.nextBytes(junk);
        return junk; // no status word at all
      }
      int sw =
          random.nextInt(4) == 0
              ? random.nextInt(0x10000)
              : INTERESTING_SW[random.nextInt(INTERESTING_SW.length)];
      byte[] out = new byte[body.length + 2];
      System.arraycopy(body, 0, out, 0, body.length);
      out[body.length] = (byte) (sw >> 8);
      out[body.length + 1] = (byte) sw;
      return out;
    }

    private byte[] plausibleTlv(int tag) {
      int length =
          random.nextInt(4) == 0
              ? random.nextInt(40)
              : SscElement.byTag(
                      tag < 8 || tag == 0
                          ? dev.pindesk.domain.card.SscFile.EF05
                          : dev.pindesk.domain.card.SscFile.EF06,
                      tag)
                  .map(SscElement::length)
                  .orElse(4);
      byte[] value = new byte[length];
      for (int i = 0; i < length; i++) {
        value[i] =
            (byte)
                switch (random.nextInt(4)) {
                  case 0 -> '0' + random.nextInt(10);
                  case 1 -> 0x20 + random.nextInt(0x5F);
                  case 2 -> random.nextInt(10) << 4 | random.nextInt(10);
                  default -> random.nextInt(256);
                };
      }
      byte[] tlv = new byte[length + 2];
      tlv[0] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : tag);
      tlv[1] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : length);
      System.arraycopy(value, 0, tlv, 2, length);
      return tlv;
    }

    @Override
    public String readerName() {
      return "fuzz";
    }

    @Override
    public byte[] atr() {
      return random.nextInt(4) != 0 ? card.atr() : new byte[] {0x3B, 0x00};
    }

    @Override
    public void beginExclusive() {}

    @Override
    public void endExclusive() {}

    @Override
    public void close() {}
  }

  @Test
  void randomResponsesOnlyEverYieldTypedCardErrors() {
    Random random = new Random(20261123L);
    RandomCard card = new RandomCard(random);
    SscCardReader reader = new SscCardReader(CardProfiles.builtIn());
    SecurityModule module = new TrainingSecurityModule();
    int successes = 0;
    int failures = 0;
    while (card.responses < MIN_RESPONSES) {
      try {
        CardSnapshot snapshot = reader.read(card, ApduTracer.NONE);
        successes++;
        SscApplication app = new SscApplication(new ApduChannel(card, ApduTracer.NONE));
        try (Pin pin = Pin.of("135790".toCharArray())) {
          ResetStrategies.unblock(app, snapshot, module);
          ResetStrategies.reset(app, snapshot, pin, module);
          app.verifyPin(pin);
        }
      } catch (CardException expected) {
        failures++;
      } catch (RuntimeException | Error e) {
        fail("untyped failure after " + card.responses + " responses", e);
      }
    }
    assertThat(card.responses).isGreaterThanOrEqualTo(MIN_RESPONSES);
    assertThat(failures).isPositive();
    assertThat(successes).as("fuzzer reaches complete reads too").isPositive();
  }
}
