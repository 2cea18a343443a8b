package dev.pindesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Status words after authentication commands count the card key's tries, never the PIN's: {@code 63
 * Cx} is {@code card_key_refused} with x, {@code 69 83} after EXTERNAL AUTHENTICATE a blocked key;
 * after a secure-messaging write {@code 69 83} stays "PIN blocked" (a reset refused on a blocked
 * PIN) and {@code 69 88} a refused MAC.
 */
class AuthenticationStatusTest {

  private static CardException externalAuthentication(String sw) {
    SscApplication app =
        new SscApplication(new ApduChannel(new ScriptedConnection().answer(sw), ApduTracer.NONE));
    return catchThrowableOfType(
        () -> app.externalAuthenticate(Hex.parse("008200"), 1, new byte[16]), CardException.class);
  }

  private static CardException securedWrite(String sw) {
    SscApplication app =
        new SscApplication(new ApduChannel(new ScriptedConnection().answer(sw), ApduTracer.NONE));
    return catchThrowableOfType(
        () -> app.sendSecured(Hex.parse("84240001"), new byte[20], "reset"), CardException.class);
  }

  @ParameterizedTest
  @CsvSource({"63C2, 2", "63C1, 1", "63C0, 0"})
  void sixtyThreeCxAfterExternalAuthenticationIsTheKeysTries(String sw, int tries) {
    CardException e = externalAuthentication(sw);
    assertThat(e.code()).isEqualTo(CardErrorCode.CARD_KEY_REFUSED);
    assertThat(e.triesLeft()).hasValue(tries);
  }

  @Test
  void sixtyNineEightyThreeAfterExternalAuthenticationIsABlockedKeyNotABlockedPin() {
    assertThat(externalAuthentication("6983").code()).isEqualTo(CardErrorCode.CARD_KEY_BLOCKED);
  }

  @Test
  void sixtyThreeCxAfterASecuredWriteIsTheKeysTriesToo() {
    CardException e = securedWrite("63C1");
    assertThat(e.code()).isEqualTo(CardErrorCode.CARD_KEY_REFUSED);
    assertThat(e.triesLeft()).hasValue(1);
  }

  @ParameterizedTest
  @CsvSource({
    "6983, PIN_BLOCKED",
    "6988, AUTHENTICATION_FAILED",
    "6982, SECURITY_NOT_SATISFIED",
    "9303, APP_LOCKED"
  })
  void otherStatusWordsAfterASecuredWriteKeepTheirMeaning(String sw, CardErrorCode code) {
    assertThat(securedWrite(sw).code()).isEqualTo(code);
  }

  @Test
  void theSecuredWritesDataIsWipedAndMaskedInTraces() throws Exception {
    java.util.List<String> trace = new java.util.ArrayList<>();
    SscApplication app =
        new SscApplication(
            new ApduChannel(
                new ScriptedConnection().answer("9000"), (cmd, r, n) -> trace.add(cmd.toString())));
    byte[] data = Hex.parse("11223344556677889900AABBCCDDEEFF01020304");
    app.sendSecured(Hex.parse("84240001"), data, "reset");
    assertThat(data).containsOnly(0);
    assertThat(trace).containsExactly("84 24 00 01 14 " + "*".repeat(40));
  }
}
