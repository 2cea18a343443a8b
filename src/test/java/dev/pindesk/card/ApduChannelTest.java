package dev.pindesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApduChannelTest {

  @Test
  void fetchesDataAnnouncedBy61xxWithGetResponse() throws Exception {
    ScriptedConnection card = new ScriptedConnection().answer("6104", "0102 6102", "0304 9000");
    ResponseApdu r =
        new ApduChannel(card, ApduTracer.NONE)
            .transmit(CommandApdu.withData(0x00, 0xA4, 0x04, 0x00, new byte[] {1}, 256));
    assertThat(Hex.of(r.data())).isEqualTo("01020304");
    assertThat(r.sw()).isEqualTo(0x9000);
    assertThat(card.sent).containsExactly("00A40400010100", "00C0000004", "00C0000002");
  }

  @Test
  void getResponseIsSentInTheInterIndustryClassAfterAProprietaryCommand() throws Exception {
    ScriptedConnection card = new ScriptedConnection().answer("6104", "01020304 9000");
    ResponseApdu r =
        new ApduChannel(card, ApduTracer.NONE)
            .transmit(CommandApdu.withLe(0x80, 0xFA, 0x05, 0x00, 0));
    assertThat(r.sw()).isEqualTo(0x9000);
    assertThat(card.sent.get(1)).isEqualTo("00C0000004");
  }

  @Test
  void resendsWithTheLengthAnnouncedBy6Cxx() throws Exception {
    ScriptedConnection card = new ScriptedConnection().answer("6C05", "0801AABBCC 9000");
    ResponseApdu r =
        new ApduChannel(card, ApduTracer.NONE).transmit(CommandApdu.withLe(0, 0xB2, 8, 0, 20));
    assertThat(card.sent).containsExactly("00B2080014", "00B2080005");
    assertThat(Hex.of(r.data())).isEqualTo("0801AABBCC");
  }

  @Test
  void resendsOnlyOnceWhenTheCardKeepsAnswering6Cxx() throws Exception {
    ScriptedConnection card = new ScriptedConnection().answer("6C05", "6C06");
    ResponseApdu r =
        new ApduChannel(card, ApduTracer.NONE).transmit(CommandApdu.withLe(0, 0xB2, 8, 0, 20));
    assertThat(r.sw()).isEqualTo(0x6C06);
    assertThat(card.sent).hasSize(2);
  }

  @Test
  void stopsACardThatAnnouncesMoreDataForever() {
    String[] endless = new String[40];
    java.util.Arrays.fill(endless, "6101");
    ScriptedConnection card = new ScriptedConnection().answer(endless);
    assertThatThrownBy(
            () ->
                new ApduChannel(card, ApduTracer.NONE)
                    .transmit(CommandApdu.withLe(0, 0x84, 0, 0, 8)))
        .isInstanceOfSatisfying(
            CardException.class,
            e -> assertThat(e.code()).isEqualTo(CardErrorCode.MALFORMED_RESPONSE));
  }

  @Test
  void answerWithoutStatusWordIsAMuteCard() {
    ScriptedConnection card = new ScriptedConnection().answer("90");
    assertThatThrownBy(
            () -> new ApduChannel(card, ApduTracer.NONE).transmit(CommandApdu.of(0, 0x20, 0, 0)))
        .isInstanceOfSatisfying(
            CardException.class, e -> assertThat(e.code()).isEqualTo(CardErrorCode.CARD_MUTE));
  }

  @Test
  void tracesEveryRoundAndMasksPinData() throws Exception {
    ScriptedConnection card = new ScriptedConnection().answer("63C2");
    List<String> trace = new ArrayList<>();
    ApduChannel channel = new ApduChannel(card, (c, r, n) -> trace.add(c + " -> " + r));
    channel.transmit(CommandApdu.secret(0, 0x20, 0, 0, Hex.parse("123456")));
    assertThat(trace).containsExactly("00 20 00 00 03 ****** -> 63C2");
    assertThat(String.join("", trace)).doesNotContain("123456");
    assertThat(channel.exchanges()).isEqualTo(1);
  }
}
