package dev.pindesk.adapters.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityModuleChainTest {
  private static final CardKeyAddress KEY =
      new CardKeyAddress(
          KeyPurpose.UNBLOCK_PIN,
          1,
          CipherAlgorithm.TDES,
          "440300D15600000501C2A3B4D5E6F708",
          "K01",
          new byte[2]);
  private static final SecureMessagingRequest REQUEST =
      new SecureMessagingRequest(KEY, new byte[8], new byte[5], Optional.empty());

  private final List<String> asked = new ArrayList<>();

  private SecurityModule module(String name, CardErrorCode failure, byte answer) {
    return new SecurityModule() {
      @Override
      public String description() {
        return name;
      }

      @Override
      public boolean isTraining() {
        return false;
      }

      @Override
      public byte[] externalAuthentication(ExternalAuthRequest request) throws CardException {
        asked.add(name);
        if (failure != null) {
          throw new CardException(failure, name + " failed");
        }
        return new byte[] {answer};
      }

      @Override
      public SecureMessage secureMessaging(SecureMessagingRequest request) throws CardException {
        asked.add(name);
        if (failure != null) {
          throw new CardException(failure, name + " failed");
        }
        return new SecureMessage(new byte[0], new byte[] {answer, answer, answer, answer});
      }
    };
  }

  @Test
  void fallsToTheNextModuleOnlyWhenOneIsUnavailable() throws Exception {
    SecurityModuleChain chain =
        new SecurityModuleChain(
            List.of(
                module("psam", CardErrorCode.SECURITY_MODULE_UNAVAILABLE, (byte) 0),
                module("hsm", null, (byte) 7)));
    assertThat(chain.secureMessaging(REQUEST).mac()).containsExactly(7, 7, 7, 7);
    assertThat(asked).containsExactly("psam", "hsm");
    asked.clear();
    assertThat(chain.externalAuthentication(new ExternalAuthRequest(KEY, new byte[8])))
        .containsExactly(7);
    assertThat(asked).containsExactly("psam", "hsm");
    assertThat(chain.description()).isEqualTo("psam, then hsm");
  }

  @Test
  void aModuleThatAnsweredNoIsTheAnswerAndTheNextIsNotAsked() {
    for (CardErrorCode no :
        List.of(
            CardErrorCode.SECURITY_MODULE_LOCKED,
            CardErrorCode.SECURITY_MODULE_WRONG,
            CardErrorCode.SECURITY_MODULE_KEY_MISSING,
            CardErrorCode.SECURITY_MODULE_UNSUPPORTED,
            CardErrorCode.SECURITY_MODULE_REFUSED)) {
      asked.clear();
      SecurityModuleChain chain =
          new SecurityModuleChain(
              List.of(module("psam", no, (byte) 0), module("hsm", null, (byte) 7)));
      assertThatExceptionOfType(CardException.class)
          .isThrownBy(() -> chain.secureMessaging(REQUEST))
          .satisfies(e -> assertThat(e.code()).isEqualTo(no));
      assertThat(asked).containsExactly("psam");
    }
  }

  @Test
  void onTheHsmPathAKeyOrAlgorithmThePsamLacksGoesToTheNextModule() throws Exception {
    for (CardErrorCode lacking :
        List.of(
            CardErrorCode.SECURITY_MODULE_KEY_MISSING,
            CardErrorCode.SECURITY_MODULE_UNSUPPORTED,
            CardErrorCode.ALGORITHM_UNSUPPORTED)) {
      asked.clear();
      SecurityModuleChain chain =
          new SecurityModuleChain(
              List.of(module("psam", lacking, (byte) 0), module("hsm", null, (byte) 7)),
              SecurityModuleChain.HSM_PATH);
      assertThat(chain.secureMessaging(REQUEST).mac()).containsExactly(7, 7, 7, 7);
      assertThat(asked).containsExactly("psam", "hsm");
    }
    for (CardErrorCode answer :
        List.of(
            CardErrorCode.SECURITY_MODULE_LOCKED,
            CardErrorCode.SECURITY_MODULE_WRONG,
            CardErrorCode.SECURITY_MODULE_REFUSED)) {
      asked.clear();
      SecurityModuleChain chain =
          new SecurityModuleChain(
              List.of(module("psam", answer, (byte) 0), module("hsm", null, (byte) 7)),
              SecurityModuleChain.HSM_PATH);
      assertThatExceptionOfType(CardException.class)
          .isThrownBy(() -> chain.secureMessaging(REQUEST))
          .satisfies(e -> assertThat(e.code()).isEqualTo(answer));
      assertThat(asked).containsExactly("psam");
    }
  }

  @Test
  void whenEveryModuleIsUnavailableTheFirstReasonIsThrownWithTheOthersAttached() {
    SecurityModuleChain chain =
        new SecurityModuleChain(
            List.of(
                module("psam", CardErrorCode.SECURITY_MODULE_UNAVAILABLE, (byte) 0),
                module("hsm", CardErrorCode.SECURITY_MODULE_UNAVAILABLE, (byte) 0)));
    assertThatExceptionOfType(CardException.class)
        .isThrownBy(() -> chain.secureMessaging(REQUEST))
        .withMessageContaining("psam failed")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
  }

  @Test
  void isTrainingOnlyWhenEveryModuleIs() {
    assertThat(new SecurityModuleChain(List.of(new TrainingSecurityModule())).isTraining())
        .isTrue();
    assertThat(
            new SecurityModuleChain(
                    List.of(new TrainingSecurityModule(), module("psam", null, (byte) 0)))
                .isTraining())
        .isFalse();
  }
}
