package dev.pindesk.adapters.sscard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.NationalCardData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SscardProtocolTest {

  @Test
  void aRequestCrossesTheFramesUnchanged() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    byte[] input =
        "110100D1560000050349B1A7C2E5F018|K31000001|".getBytes(StandardCharsets.US_ASCII);
    HostFrames.write(wire, HostFrames.request(SscardFunction.RELOAD_PIN_HSM_STEP1, 1, input));
    HostFrames.Request r =
        HostFrames.parseRequest(HostFrames.read(new ByteArrayInputStream(wire.toByteArray())));
    assertThat(r.function()).isEqualTo(SscardFunction.RELOAD_PIN_HSM_STEP1);
    assertThat(r.type()).isEqualTo(1);
    assertThat(r.input()).isEqualTo(input);
  }

  @Test
  void aReplyCarriesCodeAndOutputBytesAndIsWipedAfterParsing() throws Exception {
    byte[] output = "03|01|0011223344556677|8424000114|385217|".getBytes(StandardCharsets.US_ASCII);
    byte[] payload = HostFrames.reply(HostFrames.RETURNED, 0, output);
    HostFrames.Reply r = HostFrames.parseReply(payload);
    assertThat(r.code()).isZero();
    assertThat(r.output()).isEqualTo(output);
    assertThat(payload).containsOnly(0); // the frame that held the PIN is wiped
    r.wipe();
    assertThat(r.output()).containsOnly(0);
  }

  @Test
  void aClosedChannelIsAnEndOfFile() {
    assertThatThrownBy(() -> HostFrames.read(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void anOversizedFrameIsAProtocolError() {
    byte[] huge = {0x7F, 0, 0, 0};
    assertThatThrownBy(() -> HostFrames.read(new ByteArrayInputStream(huge)))
        .hasMessageContaining("frame of");
  }

  @Test
  void thePublicHsmCodesSwitchToTheHsmPath() {
    ReturnCodes codes = ReturnCodes.builtIn();
    for (int code : new int[] {-2201, -2202, -2203, -27272, -24}) {
      assertThat(codes.useHsm(code)).as("%d", code).isTrue();
    }
    assertThat(codes.meaning(-7).error()).hasValue(CardErrorCode.DEVICE_ERROR);
  }

  @Test
  void aVendorTableAddsAndOverridesCodes(@TempDir Path dir) throws Exception {
    Path table = Files.writeString(dir.resolve("v.properties"), "-11=pin_wrong\n-24=no_card\n");
    ReturnCodes codes = ReturnCodes.withVendorTable(table);
    assertThat(codes.meaning(-11).error()).hasValue(CardErrorCode.PIN_WRONG);
    assertThat(codes.useHsm(-24)).isFalse();
    assertThat(codes.useHsm(-2201)).isTrue();
  }

  @Test
  void aVendorTableWithAnUnknownErrorIsRefusedNamingTheEntry(@TempDir Path dir) throws Exception {
    Path table = Files.writeString(dir.resolve("v.properties"), "-11=pin_wrongly\n");
    assertThatThrownBy(() -> ReturnCodes.withVendorTable(table))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pin_wrongly");
  }

  @Test
  void parsesTheBasicDataInThePublicFieldOrder() throws Exception {
    NationalCardData d =
        SscardReader.parseBasic(
            "411600|||411600D156000005C38275EEFC9B9648||008C544CB386844116018593CA|3.00|20211203|20311202|");
    assertThat(d.region()).isEqualTo("411600");
    assertThat(d.ssn()).isEmpty();
    assertThat(d.cardIdCode()).isEqualTo("411600D156000005C38275EEFC9B9648");
    assertThat(d.specVersion()).isEqualTo("3.00");
    assertThat(d.issueDate()).isEqualTo(LocalDate.of(2021, 12, 3));
    assertThat(d.expiryDate()).isEqualTo(LocalDate.of(2031, 12, 2));
    assertThat(d.terminal()).isEmpty();
  }

  @Test
  void aBasicDataLineWithoutACardIdentificationCodeIsMalformed() {
    assertThatThrownBy(
            () -> SscardReader.parseBasic("411600|x|y|nothex|n|00|3.00|20211203|20311202|"))
        .isInstanceOfSatisfying(
            CardException.class,
            e -> assertThat(e.code()).isEqualTo(CardErrorCode.MALFORMED_RESPONSE));
  }

  @Test
  void splitsAsciiOutputsAtBarsAndReadsAlgorithmAndKeyAddress() throws Exception {
    List<byte[]> f = SscardReader.fields("03|01|AB|".getBytes(StandardCharsets.US_ASCII));
    assertThat(f).hasSize(3);
    assertThat(SscardReader.algorithm(f.get(0))).isEqualTo(CipherAlgorithm.SM4);
    assertThat(SscardReader.keyIndex(f.get(1))).isEqualTo(1);
    assertThat(SscardReader.asciiHex(new byte[] {(byte) 0xAB, 0x01}))
        .isEqualTo("AB01".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void decoratedStdcallNamesCountFourBytesPerArgument() {
    assertThat(SscardFunction.READ_CARD_BAS.shape().stdcallArgumentBytes()).isEqualTo(8);
    assertThat(SscardFunction.RELOAD_PIN_HSM_STEP1.shape().stdcallArgumentBytes()).isEqualTo(12);
    assertThat(SscardFunction.RELOAD_PIN_HSM_STEP2.shape().stdcallArgumentBytes()).isEqualTo(8);
  }

  @Test
  void everyFunctionHasItsOwnWireId() {
    for (SscardFunction f : SscardFunction.values()) {
      assertThat(SscardFunction.byId(f.id())).hasValue(f);
    }
  }

  @Test
  void theHostRunsOnTheJavaItIsGivenWithThisClassPath() {
    HostLaunch l =
        HostLaunch.withJava(
            Path.of("/opt/jre17-x86/bin/java"), "x.Main", Path.of("/opt/v/libSSCard.so"), Map.of());
    assertThat(l.command().get(0)).isEqualTo("/opt/jre17-x86/bin/java");
    assertThat(l.command())
        .contains("x.Main", HostLaunch.absolute(System.getProperty("java.class.path")));
    assertThat(l.library()).isEqualTo(Path.of("/opt/v/libSSCard.so"));
  }

  @Test
  void aRuntimeWithoutAJavaLauncherIsRefusedNamingTheSetting(@TempDir Path dir) throws Exception {
    Path library = Files.writeString(dir.resolve("libSSCard.so"), "x");
    HostLaunch launch =
        HostLaunch.withJava(dir.resolve("jre/bin/java"), "x.Main", library, Map.of());
    try (DeviceHostProcess host = new DeviceHostProcess(launch)) {
      assertThatThrownBy(
              () ->
                  host.call(
                      SscardFunction.READ_CARD_BAS,
                      1,
                      new byte[0],
                      java.time.Duration.ofSeconds(1)))
          .isInstanceOfSatisfying(
              CardException.class,
              e -> {
                assertThat(e.code()).isEqualTo(CardErrorCode.DEVICE_UNAVAILABLE);
                assertThat(e.getMessage()).contains("pindesk.sscard.java");
              });
    }
  }
}
