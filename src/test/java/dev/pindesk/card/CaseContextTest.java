package dev.pindesk.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.CaseContext;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reset hands the security module the holder's region, SSN and name with each key (what a
 * card-management service receives as aab301, aac002, aac003), and never puts them in logs.
 */
class CaseContextTest {
  private static final String READER = "Context Reader";

  @Test
  void aResetSendsTheHoldersRegionSsnAndNameWithEveryKey() throws Exception {
    InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
    terminals.insert(
        READER,
        VirtualSscCard.builder(VirtualCardSpecs.loadResource("training-gen3-sm4.json")).build());
    List<CardKeyAddress> keys = new ArrayList<>();
    SecurityModule recording = new Recording(new TrainingSecurityModule(), keys);
    CardSnapshot snapshot;
    try (CardConnection c = terminals.connect(READER)) {
      snapshot = new SscCardReader(CardProfiles.builtIn()).read(c, ApduTracer.NONE);
      SscApplication app = new SscApplication(new ApduChannel(c, ApduTracer.NONE));
      c.beginExclusive();
      try (Pin newPin = Pin.of("385217".toCharArray())) {
        app.select();
        ResetStrategies.reset(app, snapshot, newPin, recording);
      } finally {
        c.endExclusive();
      }
    }

    assertThat(keys).hasSize(2);
    for (CardKeyAddress key : keys) {
      CaseContext context = key.context();
      assertThat(context.region()).contains(snapshot.info().cardIdCode().substring(0, 6));
      assertThat(context.ssn()).contains(snapshot.holder().ssn());
      assertThat(context.name()).contains(snapshot.holder().name());
      assertThat(context.terminalCode()).isEmpty();
      assertThat(context.toString())
          .doesNotContain(snapshot.holder().ssn())
          .doesNotContain(snapshot.holder().name());
    }
  }

  private record Recording(SecurityModule inner, List<CardKeyAddress> keys)
      implements SecurityModule {
    @Override
    public String description() {
      return inner.description();
    }

    @Override
    public boolean isTraining() {
      return true;
    }

    @Override
    public byte[] externalAuthentication(ExternalAuthRequest request) throws CardException {
      keys.add(request.key());
      return inner.externalAuthentication(request);
    }

    @Override
    public SecureMessage secureMessaging(SecureMessagingRequest request) throws CardException {
      keys.add(request.key());
      return inner.secureMessaging(request);
    }
  }

  @Test
  void anAddressWithoutContextKeepsItsOldEquality() {
    byte[] atr = {0x3B, 0x00};
    CardKeyAddress a =
        new CardKeyAddress(
            dev.pindesk.ports.KeyPurpose.RESET_PIN,
            1,
            dev.pindesk.domain.CipherAlgorithm.SM4,
            "440300D15600000501C2A3B4D5E6F708",
            "A1",
            atr);

    assertThat(a.context()).isEqualTo(CaseContext.NONE);
    assertThat(a.withContext(CaseContext.NONE)).isEqualTo(a);
    assertThat(a.withContext(CaseContext.holder("440300", null, null))).isNotEqualTo(a);
    assertThat(a.toString()).doesNotContain("440300D156");
  }
}
