package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_EF05;
import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_EF06;
import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.card;
import static dev.pindesk.adapters.virtualcard.TestCards.data;
import static dev.pindesk.adapters.virtualcard.TestCards.gen3;
import static dev.pindesk.adapters.virtualcard.TestCards.send;
import static dev.pindesk.adapters.virtualcard.TestCards.sw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.codec.Tlv;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VirtualSscCardFilesTest {
  private static final String AID = "7378312E73682EC9E7BBE1B1A3D5CF";

  @Test
  void selectByNameAnswersFciWithAlgorithm() {
    VirtualSscCard card = card(gen3());

    byte[] r = send(card, SELECT_SSSE + "00");

    assertThat(sw(r)).isEqualTo("9000");
    assertThat(Hex.of(data(r))).isEqualTo("6F19840F" + AID + "A5069F0C03860103");
  }

  @Test
  void fciStatesTdesAsAlgorithmByteOne() {
    VirtualSscCard card = card(gen3().withAlgorithm(CipherAlgorithm.TDES, true));

    assertThat(Hex.of(data(send(card, SELECT_SSSE)))).endsWith("A5069F0C03860101");
  }

  @Test
  void fciOmitsAlgorithmWhenProfileSaysSo() {
    VirtualSscCard card = card(gen3().withAlgorithm(CipherAlgorithm.SM4, false));

    assertThat(Hex.of(data(send(card, SELECT_SSSE)))).isEqualTo("6F11840F" + AID);
  }

  @Test
  void selectByNameAcceptsMissingLe() {
    assertThat(sw(send(card(gen3()), SELECT_SSSE))).isEqualTo("9000");
  }

  @Test
  void selectOfOtherApplicationIsFileNotFound() {
    assertThat(sw(send(card(gen3()), "00A4040007A0000000031010"))).isEqualTo("6A82");
  }

  @Test
  void filesAreUnreachableBeforeApplicationIsSelected() {
    assertThat(sw(send(card(gen3()), SELECT_EF05))).isEqualTo("6A82");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00A4020002EF05", "00A4000002EF05", "00A4020002EF06", "00A4000002EF06"})
  void selectsEfByIdentifierWithP1TwoOrZero(String apdu) {
    VirtualSscCard card = card(gen3());
    send(card, SELECT_SSSE);

    byte[] r = send(card, apdu);

    assertThat(Hex.of(r)).isEqualTo("9000");
  }

  @Test
  void selectOfUnknownEfIsFileNotFound() {
    VirtualSscCard card = card(gen3());
    send(card, SELECT_SSSE);

    assertThat(sw(send(card, "00A4020002EF07"))).isEqualTo("6A82");
  }

  @Test
  void selectWithWrongParametersIsRejected() {
    assertThat(sw(send(card(gen3()), "00A4080002EF05"))).isEqualTo("6A86");
  }

  @Test
  void selectEfWithWrongLengthIsRejected() {
    VirtualSscCard card = card(gen3());
    send(card, SELECT_SSSE);

    assertThat(sw(send(card, "00A4020003EF0500"))).isEqualTo("6700");
  }

  @Test
  void readRecordAnswersTlvOfCardIdentificationCode() {
    VirtualSscCard card = selected(SELECT_EF05);

    byte[] r = send(card, "00B2010000");

    assertThat(sw(r)).isEqualTo("9000");
    assertThat(Tlv.parse(data(r)))
        .isEqualTo(new Tlv(0x01, Hex.parse("110100D1560000050349B1A7C2E5F018")));
  }

  @Test
  void readRecordAcceptsP2Four() {
    assertThat(sw(send(selected(SELECT_EF05), "00B2030400"))).isEqualTo("9000");
  }

  @Test
  void readRecordWithExactLeAnswersTlv() {
    byte[] r = send(selected(SELECT_EF05), "00B2030006");

    assertThat(Hex.of(r)).isEqualTo("0304" + Hex.of(TestCards.ascii("3.00")) + "9000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00B2030005", "00B2030007", "00B20300FF", "00B20300"})
  void readRecordWithOtherLeAnswersExactLength(String apdu) {
    assertThat(Hex.of(send(selected(SELECT_EF05), apdu))).isEqualTo("6C06");
  }

  @Test
  void readRecordOfHolderNameAnswersPaddedGb18030() {
    byte[] r = send(selected(SELECT_EF06), "00B2090000");

    Tlv tlv = Tlv.parse(data(r));
    assertThat(tlv.value()).hasSize(30);
    assertThat(new String(tlv.value(), TestCards.GB18030).replace("\0", "")).isEqualTo("李秀英");
  }

  @Test
  void readRecordOfTagOutsideSelectedFileIsRecordNotFound() {
    assertThat(sw(send(selected(SELECT_EF05), "00B2080000"))).isEqualTo("6A83");
  }

  @Test
  void nameExtensionIsAbsentForShortNames() {
    assertThat(sw(send(selected(SELECT_EF06), "00B24E0000"))).isEqualTo("6A83");
  }

  @Test
  void longNameContinuesInNameExtension() {
    VirtualSscCard card = card(VirtualCardSpecs.loadResource("training-long-name.json"));
    send(card, SELECT_SSSE);
    send(card, SELECT_EF06);

    byte[] name = Tlv.parse(data(send(card, "00B2090000"))).value();
    byte[] extension = Tlv.parse(data(send(card, "00B24E0000"))).value();

    assertThat(extension).hasSize(20);
    String full = new String(TestCards.concat(name, extension), TestCards.GB18030);
    assertThat(full.replace("\0", "")).isEqualTo("阿卜杜热合曼·买买提艾力·吐尔逊𠀾");
  }

  @Test
  void readRecordWithoutSelectedEfIsNoCurrentEf() {
    VirtualSscCard card = card(gen3());
    send(card, SELECT_SSSE);

    assertThat(sw(send(card, "00B2010000"))).isEqualTo("6986");
  }

  @Test
  void readRecordWithWrongP2IsRejected() {
    assertThat(sw(send(selected(SELECT_EF05), "00B2010C00"))).isEqualTo("6A86");
  }

  @Test
  void readRecordWithDataIsWrongLength() {
    assertThat(sw(send(selected(SELECT_EF05), "00B201000101"))).isEqualTo("6700");
  }

  @Test
  void ef06NeedingAuthenticationAnswersSecurityNotSatisfied() {
    VirtualSscCard card = card(gen3().withEf06NeedsAuthentication(true));
    send(card, SELECT_SSSE);
    send(card, SELECT_EF06);

    assertThat(sw(send(card, "00B2080000"))).isEqualTo("6982");
    send(card, SELECT_EF05);
    assertThat(sw(send(card, "00B2010000"))).isEqualTo("9000");
  }

  @Test
  void elementLengthsTruncateOrPadValues() {
    VirtualSscCard card = card(gen3().withElementLengths(Map.of(0x09, 20, 0x07, 12)));
    send(card, SELECT_SSSE);
    send(card, SELECT_EF06);
    byte[] name = Tlv.parse(data(send(card, "00B2090000"))).value();
    send(card, SELECT_EF05);
    byte[] number = Tlv.parse(data(send(card, "00B2070000"))).value();

    assertThat(name).hasSize(20);
    assertThat(number).hasSize(12).endsWith(0, 0, 0);
  }

  @Test
  void reselectingApplicationForgetsCurrentEf() {
    VirtualSscCard card = selected(SELECT_EF05);
    send(card, SELECT_SSSE);

    assertThat(sw(send(card, "00B2010000"))).isEqualTo("6986");
  }

  @Test
  void resetForgetsSelection() {
    VirtualSscCard card = selected(SELECT_EF05);
    card.reset();

    assertThat(sw(send(card, SELECT_EF05))).isEqualTo("6A82");
  }

  private static VirtualSscCard selected(String ef) {
    VirtualSscCard card = card(gen3());
    send(card, SELECT_SSSE);
    assertThat(Hex.of(send(card, ef))).isEqualTo("9000");
    return card;
  }
}
