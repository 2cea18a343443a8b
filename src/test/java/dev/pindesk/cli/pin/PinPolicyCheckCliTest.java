package dev.pindesk.cli.pin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.cli.Cli;
import dev.pindesk.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pin-policy check} through the real command line: stdin in, verdicts out, exit codes. */
class PinPolicyCheckCliTest {
  private static final Messages EN = Messages.of(Locale.ENGLISH);
  private static final Messages ZH = Messages.forTag("zh-CN");
  private static final Function<String, Optional<String>> NO_SETTINGS = name -> Optional.empty();
  private static final String SSN = "110101198604120243";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static Cli.Result check(String stdin, String... options) {
    return checkWith(NO_SETTINGS, stdin, options);
  }

  private static Cli.Result checkWith(
      Function<String, Optional<String>> settings, String stdin, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "pin-policy";
    args[1] = "check";
    System.arraycopy(options, 0, args, 2, options.length);
    return Cli.runWithInput(EN, settings, stdin, args);
  }

  private static List<String> lines(String out) {
    return out.lines().toList();
  }

  private static void assertNeverShows(Cli.Result r, String... pins) {
    for (String pin : pins) {
      assertThat(r.out()).as("stdout").doesNotContain(pin);
      assertThat(r.err()).as("stderr").doesNotContain(pin);
    }
  }

  @Test
  void printsOneVerdictPerLineInInputOrder() {
    Cli.Result r = check("385217\n123456\n12345\nabcdef\n\n860412\n1234567\n", "--ssn", SSN);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(lines(r.out()))
        .containsExactly(
            "accepted",
            "refused initial_pin",
            "refused not_six_digits",
            "refused not_six_digits",
            "refused not_six_digits",
            "refused birth_date",
            "refused not_six_digits");
    assertThat(r.err()).isEmpty();
    assertNeverShows(r, "385217", "12345", "860412");
  }

  @Test
  void neverEchoesAnyPinInManyLines() {
    String[] pins = {"385217", "902741", "617305", "473920", "250861"};
    Cli.Result r = check(String.join("\n", pins) + "\n");
    assertThat(lines(r.out())).hasSize(pins.length).containsOnly("accepted");
    assertNeverShows(r, pins);
  }

  @Test
  void readsWindowsLineEndsAByteOrderMarkAndALastLineWithoutNewline() {
    Cli.Result r = check("\uFEFF385217\r\n123456\r\n902741");
    assertThat(lines(r.out())).containsExactly("accepted", "refused initial_pin", "accepted");
  }

  @Test
  void usesThePhoneAccountAndCardNumberGiven() {
    Cli.Result r =
        check(
            "518264\n803916\n274051\n",
            "--phone",
            "+86 139-0751-8264",
            "--account",
            "6222 0212 3456 7803 916",
            "--card-number",
            "K39274051");
    assertThat(lines(r.out()))
        .containsExactly(
            "refused phone_number", "refused bank_account_tail", "refused card_number_tail");
    assertThat(lines(check("518264\n803916\n274051\n").out())).containsOnly("accepted");
  }

  @Test
  void printsOneJsonArrayWithTheReasons() throws Exception {
    Cli.Result r = check("385217\n123456\nx\n", "--json", "--ssn", SSN);
    assertThat(r.exit()).isZero();
    JsonNode array = JSON.readTree(r.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(3);
    assertThat(array.get(0).get("accepted").asBoolean()).isTrue();
    assertThat(array.get(0).get("reason").isNull()).isTrue();
    assertThat(array.get(1).get("accepted").asBoolean()).isFalse();
    assertThat(array.get(1).get("reason").asText()).isEqualTo("initial_pin");
    assertThat(array.get(1).get("reasons").toString()).contains("\"ascending\"");
    assertThat(array.get(2).get("reason").asText()).isEqualTo("not_six_digits");
    assertNeverShows(r, "385217");
    assertThat(JSON.readTree(check("", "--json").out())).isEmpty();
  }

  @Test
  void emptyInputIsNoVerdictAndSuccess() {
    Cli.Result r = check("");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aPolicyFileAddsTheRegionsInitialPins() throws Exception {
    Path policy = dir.resolve("policy.json");
    Files.writeString(
        policy,
        """
        {"format": "pindesk-pin-policy/1", "initialPins": ["123456"], "tryLimit": 3,
         "regions": [{"prefix": "11", "initialPins": ["802417"]}]}
        """);
    assertThat(lines(check("802417\n", "--policy", policy.toString(), "--ssn", SSN).out()))
        .containsExactly("refused initial_pin");
    assertThat(lines(check("802417\n", "--policy", policy.toString(), "--region", "440100").out()))
        .containsExactly("accepted");
    assertThat(
            lines(
                checkWith(
                        name ->
                            name.equals("pin.policy")
                                ? Optional.of(policy.toString())
                                : Optional.empty(),
                        "802417\n",
                        "--ssn",
                        SSN)
                    .out()))
        .as("the setting pindesk.pin.policy names the file when --policy does not")
        .containsExactly("refused initial_pin");
  }

  @Test
  void aPolicyFileThatCannotBeUsedIsOneTranslatedLineAndExitTwo() throws Exception {
    Path policy = dir.resolve("bad.json");
    Files.writeString(
        policy, "{\"format\": \"pindesk-pin-policy/1\", \"initialPins\": [], \"tryLimt\": 3}");
    Cli.Result r = check("385217\n", "--policy", policy.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    assertThat(r.err()).contains(policy.toString()).contains("tryLimt");
    Cli.Result zh =
        Cli.runWithInput(
            ZH,
            NO_SETTINGS,
            "",
            "pin-policy",
            "check",
            "--policy",
            dir.resolve("no.json").toString());
    assertThat(zh.exit()).isEqualTo(2);
    assertThat(zh.err()).contains("密码策略文件不存在").contains("no.json");
  }

  @Test
  void badOptionsAreOneTranslatedLineAndExitTwo() {
    for (String[] bad :
        List.of(
            new String[] {"--ssn", "11010119860412"},
            new String[] {"--phone", "12-34"},
            new String[] {"--account", "abc"},
            new String[] {"--region", "44"},
            new String[] {"--card-number", "K3 9274"})) {
      Cli.Result r = check("385217\n", bad);
      assertThat(r.exit()).as(bad[0]).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip()).as(bad[0]).startsWith("Error").doesNotContain("\n");
    }
    Cli.Result zh = Cli.runWithInput(ZH, NO_SETTINGS, "", "pin-policy", "check", "--ssn", "x");
    assertThat(zh.err()).contains("身份证号码");
    Cli.Result unknown = check("", "--bogus");
    assertThat(unknown.exit()).isEqualTo(2);
  }
}
