package dev.pindesk.adapters.virtualcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.pindesk.domain.codec.Hex;
import org.junit.jupiter.api.Test;

class VirtualPsamTest {
  private static final String DIVERSIFICATION = "0102030405060708";

  private static String send(VirtualPsam psam, String hex) throws Exception {
    return Hex.of(psam.process(Hex.parse(hex)));
  }

  @Test
  void answersSelectWithItsFciThroughGetResponse() throws Exception {
    VirtualPsam psam = VirtualPsam.training();
    assertThat(send(psam, "00A40000021001")).isEqualTo("610C");
    assertThat(send(psam, "00C000000C")).startsWith("6F0A84").endsWith("9000");
  }

  @Test
  void refusesTheMacCommandBeforeInitForDescrypt() throws Exception {
    VirtualPsam psam = VirtualPsam.training();
    send(psam, "00A40000021001");
    assertThat(send(psam, "80FA05001011223344556677880102030405060780")).isEqualTo("6985");
  }

  @Test
  void refusesInitForDescryptBeforeTheApplicationIsSelected() throws Exception {
    assertThat(send(VirtualPsam.training(), "801A280108" + DIVERSIFICATION)).isEqualTo("6985");
  }

  @Test
  void answersAnUnknownKeyWith6A88AndAWrongDataLengthWith6700() throws Exception {
    VirtualPsam psam = VirtualPsam.training();
    send(psam, "00A40000021001");
    assertThat(send(psam, "801A770108" + DIVERSIFICATION)).isEqualTo("6A88");
    assertThat(send(psam, "801A280104" + "01020304")).isEqualTo("6700");
  }

  @Test
  void refusesInputTheHostDidNotPad() throws Exception {
    VirtualPsam psam = VirtualPsam.training();
    send(psam, "00A40000021001");
    send(psam, "801A280108" + DIVERSIFICATION);
    assertThat(send(psam, "80FA0500101122334455667788" + "0102030405060708")).isEqualTo("6A80");
  }

  @Test
  void answersTheMacAsFourBytesThroughGetResponse() throws Exception {
    VirtualPsam psam = VirtualPsam.training();
    send(psam, "00A40000021001");
    send(psam, "801A280108" + DIVERSIFICATION);
    assertThat(send(psam, "80FA050010112233445566778801020304058000" + "00" + "00"))
        .isEqualTo("6104");
    assertThat(send(psam, "80C0000004")).hasSize(12).endsWith("9000");
    assertThat(psam.macsComputed()).isEqualTo(1);
  }

  @Test
  void aLockedPsamOrAnotherCardRefusesTheSelection() throws Exception {
    assertThat(send(VirtualPsam.builder().locked(true).build(), "00A40000021001"))
        .isEqualTo("6A81");
    assertThat(send(VirtualPsam.builder().wrongApplication(true).build(), "00A40000021001"))
        .isEqualTo("6A82");
  }

  @Test
  void leavesTheReaderAfterTheConfiguredNumberOfCommands() throws Exception {
    VirtualPsam psam = VirtualPsam.builder().removeAfterApdus(1).build();
    send(psam, "00A40000021001");
    assertThat(psam.hasLeft()).isTrue();
    assertThatExceptionOfType(VirtualCardFault.Removed.class)
        .isThrownBy(() -> psam.process(Hex.parse("00A40000021001")));
    psam.reset();
    assertThat(send(psam, "00A40000021001")).isEqualTo("610C");
  }
}
