package dev.pindesk.app;

import dev.pindesk.adapters.virtualcard.AnswerLosingTerminals;
import dev.pindesk.adapters.virtualcard.CardInfoSpec;
import dev.pindesk.adapters.virtualcard.FaultSpec;
import dev.pindesk.adapters.virtualcard.HolderSpec;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.PinSpec;
import dev.pindesk.adapters.virtualcard.PinState;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.audit.Person;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.service.audit.TrainingCardDesk;
import java.time.Duration;

/**
 * The training desk of {@code training generate-journal}: in-process virtual training cards (the
 * shipped generation-3 SM4 profile) made for each citizen, in one in-process reader.
 */
final class VirtualTrainingDesk implements TrainingCardDesk {
  private static final String READER = "PinDesk Training Desk";

  private final VirtualCardSpec base = VirtualCardSpecs.loadResource(GuiMain.TRAINING_CARD);
  private final InProcessCardTerminals cards = new InProcessCardTerminals(READER);
  private final AnswerLosingTerminals terminals = new AnswerLosingTerminals(cards);

  VirtualTrainingDesk() {
    cards.setMuteTimeout(Duration.ZERO); // a mute card is reported at once, not after 2 s
  }

  @Override
  public CardTerminals terminals() {
    return terminals;
  }

  @Override
  public String reader() {
    return READER;
  }

  @Override
  public void insert(Person holder, Card card) {
    cards.remove(READER);
    cards.insert(READER, VirtualSscCard.fromSpec(spec(holder, card)));
  }

  @Override
  public void loseNextWriteAnswer() {
    terminals.loseNextWrite(AnswerLosingTerminals.Loss.AFTER_CARD);
  }

  private VirtualCardSpec spec(Person holder, Card card) {
    String id = holder.idNumber();
    CardInfoSpec info = base.card();
    HolderSpec h = base.holder();
    PinSpec pin = base.pin();
    return new VirtualCardSpec(
        base.label(),
        base.protocol(),
        base.algorithm(),
        base.fciStatesAlgorithm(),
        new CardInfoSpec(
            id.substring(0, 6) + info.cardIdCode().substring(6), // issued in the holder's region
            info.cardType(),
            info.specVersion(),
            info.issuerOrg(),
            info.issueDate(),
            card == Card.EXPIRED ? "2024-06-30" : "2034-06-30",
            info.cardNumber()),
        new HolderSpec(
            id,
            holder.name(),
            (id.charAt(16) - '0') % 2 == 1 ? "1" : "2",
            h.ethnicity(),
            id.substring(0, 6),
            id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)),
        card == Card.PIN_BLOCKED
            ? new PinSpec(pin.initial(), pin.maxTries(), 0, PinState.PIN_BLOCKED)
            : pin,
        base.keyIndex(),
        base.ef06NeedsAuthentication(),
        base.retryCheckCountsAsTry(),
        base.keyTries(),
        base.resetRestoresTries(),
        base.getResponse(),
        base.elementLengths(),
        card == Card.MUTE ? FaultSpec.muteAfter(1) : FaultSpec.NONE);
  }
}
