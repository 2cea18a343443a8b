package dev.pindesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.sam.PsamProfiles;
import dev.pindesk.adapters.sam.PsamSecurityModule;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.id.CitizenId;
import dev.pindesk.domain.id.IdDocument;
import dev.pindesk.domain.pin.PinEntryResult;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.service.reset.ResetCaseConfig;
import dev.pindesk.service.reset.ResetCaseDevices;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.testing.TrainingCards;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PSAM security module over the real pcscd: the virtual training card in "Virtual PCD 00 00",
 * the virtual PSAM in "Virtual PCD 00 01", a whole PIN reset case through {@link ResetCaseService}.
 */
class PsamPcscIT {
  static final String PSAM_READER = VpcdPsam.READER;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T02:03:04Z"), ZoneOffset.UTC);
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
  private static final IdDocument HOLDER =
      new IdDocument(CitizenId.parse("110101198604120243", TODAY), LocalDate.MAX, "李秀英");
  private static final PcscTerminals TERMINALS = new PcscTerminals();

  private final List<CaseTransition> journal = new ArrayList<>();
  private VpcdCard card;
  private VpcdPsam psam;
  private ResetCaseService service;

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(TERMINALS);
    try {
      if (TERMINALS.readers().stream().noneMatch(r -> r.name().equals(PSAM_READER))) {
        unavailable("pcscd shows no reader '" + PSAM_READER + "'");
      }
    } catch (CardException e) {
      unavailable("pcscd not reachable: " + e.getMessage());
    }
  }

  private static void unavailable(String why) {
    if (RealPcsc.required()) {
      fail("PINDESK_REQUIRE_PCSC=1 but " + why);
    }
    Assumptions.abort("real PC/SC stack unavailable: " + why);
  }

  @BeforeEach
  void counter() throws Exception {
    card = VpcdCard.insert(TERMINALS, TrainingCards.spec(TrainingCards.GEN3_SM4));
    PsamSecurityModule module =
        new PsamSecurityModule(
            TERMINALS, PSAM_READER, PsamProfiles.builtIn(PsamProfiles.DEFAULT_ID).orElseThrow());
    service =
        new ResetCaseService(
            new ResetCaseDevices(TERMINALS, module, journal::add),
            CardProfiles.builtIn(),
            new ResetCaseConfig(AgentPolicy.everywhere(), true),
            new CaseIds("IT", CLOCK, new Random(5)),
            CLOCK);
  }

  @AfterEach
  void takeOut() throws Exception {
    removePsam();
    if (card != null) {
      card.close();
    }
  }

  @Test
  void resetsThePinAfterExternalAuthenticationWithCryptogramPinBlockAndMacFromThePsam()
      throws Exception {
    insertPsam(VirtualPsam.training());
    captured("385217");
    CaseTransition t = service.write();
    assertThat(t.to()).isEqualTo(CaseState.WRITTEN);
    // The card takes the reset only after a valid external authentication (else 69 82), and its
    // key was never refused: the PSAM's cryptogram was right the first time.
    assertThat(card.card().keyTriesLeft()).isEqualTo(3);
    assertThat(card.card().isCurrentPin("385217".toCharArray())).isTrue();
    RealPcsc.verifyPin(TERMINALS, "385217"); // throws PIN_WRONG if not written
  }

  @Test
  void withoutThePsamTheWriteIsRefusedAsUnavailableAndTheCardIsUntouched() throws Exception {
    captured("385217");
    CaseTransition t = service.write();
    assertThat(t.to()).isEqualTo(CaseState.IDENTITY_BOUND);
    assertThat(t.errorCode()).isEqualTo("security_module_unavailable");
    assertCardUntouched();
  }

  @Test
  void aPsamRemovedBetweenTwoCasesIsUnavailable() throws Exception {
    insertPsam(VirtualPsam.training());
    captured("385217");
    assertThat(service.write().to()).isEqualTo(CaseState.WRITTEN);
    service.close();
    removePsam();
    captured("729164");
    CaseTransition t = service.write();
    assertThat(t.errorCode()).isEqualTo("security_module_unavailable");
    assertThat(card.card().isCurrentPin("385217".toCharArray())).isTrue();
  }

  @Test
  void aLockedPsamIsReportedLockedAndTheCardIsUntouched() throws Exception {
    insertPsam(VirtualPsam.builder().locked(true).build());
    captured("385217");
    CaseTransition t = service.write();
    assertThat(t.to()).isEqualTo(CaseState.IDENTITY_BOUND);
    assertThat(t.errorCode()).isEqualTo("security_module_locked");
    assertCardUntouched();
  }

  private void assertCardUntouched() {
    assertThat(card.card().isCurrentPin("123456".toCharArray())).isTrue();
    assertThat(card.card().pinTriesLeft()).isEqualTo(3);
  }

  /** Opens a reset case in person, binds the card in reader 00 00 and captures {@code digits}. */
  private void captured(String digits) throws Exception {
    service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");
    service.checkId(CaseParties.inPerson(HOLDER));
    service.readCard(RealPcsc.READER);
    assertThat(service.bind(false).canBind(false)).isTrue();
    Pin first = Pin.of(digits.toCharArray());
    assertThat(service.checkFirstPin(first)).isInstanceOf(PinEntryResult.Accepted.class);
    assertThat(service.capturePin(first, Pin.of(digits.toCharArray())))
        .isInstanceOf(PinEntryResult.Accepted.class);
  }

  private void insertPsam(VirtualPsam virtualPsam) throws Exception {
    psam = VpcdPsam.insert(TERMINALS, virtualPsam);
  }

  private void removePsam() throws Exception {
    if (psam != null) {
      psam.close();
      psam = null;
    }
  }
}
