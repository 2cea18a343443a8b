package dev.pindesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pindesk.adapters.cardservice.CardServiceClient;
import dev.pindesk.adapters.cardservice.CardServiceServer;
import dev.pindesk.adapters.cardservice.ClientCredentials;
import dev.pindesk.adapters.cardservice.ServiceIdentity;
import dev.pindesk.adapters.cardservice.WireProfile;
import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
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
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HSM path end to end without hardware: the virtual training card over the real pcscd/vpcd, and
 * the reference card-management service over HTTPS on loopback as the security module of a whole
 * PIN reset case (external authentication 244, then the PIN block and MAC 245).
 */
class CardServicePcscIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T02:03:04Z"), ZoneOffset.UTC);
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
  private static final IdDocument HOLDER =
      new IdDocument(CitizenId.parse("110101198604120243", TODAY), LocalDate.MAX, "李秀英");
  private static final PcscTerminals TERMINALS = new PcscTerminals();

  @TempDir Path dir;
  private final List<CaseTransition> journal = new ArrayList<>();
  private VpcdCard card;
  private CardServiceServer server;
  private ResetCaseService service;

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(TERMINALS);
    try {
      TERMINALS.readers();
    } catch (CardException e) {
      if (RealPcsc.required()) {
        fail("PINDESK_REQUIRE_PCSC=1 but pcscd is not reachable: " + e.getMessage());
      }
      Assumptions.abort("real PC/SC stack unavailable: " + e.getMessage());
    }
  }

  @BeforeEach
  void counterAndService() throws Exception {
    card = VpcdCard.insert(TERMINALS, TrainingCards.spec(TrainingCards.GEN3_SM4));
    ServiceIdentity identity = ServiceIdentity.loadOrCreate(dir.resolve(ServiceIdentity.CERT_FILE));
    ClientCredentials credentials = ClientCredentials.generate("counter-it");
    server =
        CardServiceServer.start(
            new TrainingSecurityModule(),
            identity,
            credentials,
            WireProfile.builtIn(),
            InetAddress.getLoopbackAddress(),
            0);
    CardServiceClient client =
        new CardServiceClient(
            new CardServiceClient.Config(
                server.uri(),
                identity.pin(),
                credentials,
                WireProfile.builtIn(),
                Optional.of("IT-01"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                true));
    service =
        new ResetCaseService(
            new ResetCaseDevices(TERMINALS, client, journal::add),
            CardProfiles.builtIn(),
            new ResetCaseConfig(AgentPolicy.everywhere(), true),
            new CaseIds("IT", CLOCK, new Random(5)),
            CLOCK);
  }

  @AfterEach
  void takeOut() throws Exception {
    if (server != null) {
      server.close();
    }
    if (card != null) {
      card.close();
    }
  }

  @Test
  void resetsThePinWithTheCryptogramPinBlockAndMacFromTheCardManagementService() throws Exception {
    captured("385217");

    CaseTransition t = service.write();

    assertThat(t.to()).isEqualTo(CaseState.WRITTEN);
    // The card takes the reset only after a valid external authentication (else 69 82), and its
    // key was never refused: the service's cryptogram was right the first time.
    assertThat(card.card().keyTriesLeft()).isEqualTo(3);
    assertThat(card.card().isCurrentPin("385217".toCharArray())).isTrue();
    RealPcsc.verifyPin(TERMINALS, "385217"); // throws PIN_WRONG if not written
  }

  @Test
  void withTheServiceDownTheWriteIsRefusedAsUnavailableAndTheCardIsUntouched() throws Exception {
    server.close();
    server = null;
    captured("385217");

    CaseTransition t = service.write();

    assertThat(t.to()).isEqualTo(CaseState.IDENTITY_BOUND);
    assertThat(t.errorCode()).isEqualTo("security_module_unavailable");
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
}
