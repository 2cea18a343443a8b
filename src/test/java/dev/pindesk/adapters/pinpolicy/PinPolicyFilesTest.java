package dev.pindesk.adapters.pinpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.PinPolicyFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinPolicyFilesTest {
  @TempDir Path dir;

  private Path file(String json) throws Exception {
    Path f = dir.resolve("policy.json");
    Files.writeString(f, json);
    return f;
  }

  private PinPolicyFileException refusal(String json) throws Exception {
    Path f = file(json);
    return catchThrowableOfType(() -> PinPolicyFiles.read(f), PinPolicyFileException.class);
  }

  private static String translated(PinPolicyFileException e, Messages m) {
    return m.get(e.messageKey(), e.file().toString(), m.get(e.problemKey(), e.problemArgs()));
  }

  @Test
  void builtInPolicyIsTheStandardProfile() {
    assertThat(PinPolicyFiles.builtIn().initialPins())
        .isEqualTo(PinPolicyProfile.standard().initialPins());
    assertThat(PinPolicyFiles.builtIn().tryLimit()).isEqualTo(3);
    assertThat(PinPolicyFiles.builtIn().regions()).isEmpty();
  }

  @Test
  void readsRegionalInitialPinsTryLimitsAndExtraWeakPins() throws Exception {
    PinPolicyProfile p =
        PinPolicyFiles.read(
            file(
                """
                {"format": "pindesk-pin-policy/1", "name": "example", "comment": "test",
                 "initialPins": ["123456"], "tryLimit": 3, "knownWeak": ["385217"],
                 "regions": [
                   {"prefix": "44", "name": "a province", "initialPins": ["888888"], "tryLimit": 6},
                   {"prefix": "3501", "initialPins": ["id_last6", "card_last6"]}
                 ]}
                """));
    assertThat(p.name()).isEqualTo("example");
    assertThat(p.knownWeak()).containsExactly("385217");
    assertThat(p.initialPinsFor(Optional.of("440100"))).containsExactly("123456", "888888");
    assertThat(p.initialPinsFor(Optional.of("350100")))
        .containsExactly("123456", "id_last6", "card_last6");
    assertThat(p.tryLimitFor(Optional.of("440300"))).isEqualTo(6);
    assertThat(p.tryLimitFor(Optional.of("350100"))).isEqualTo(3);
  }

  @Test
  void namelessFileIsNamedAfterItself() throws Exception {
    PinPolicyProfile p =
        PinPolicyFiles.read(
            file("{\"format\": \"pindesk-pin-policy/1\", \"initialPins\": [], \"tryLimit\": 8}"));
    assertThat(p.name()).isEqualTo("policy.json");
    assertThat(p.initialPins()).isEmpty();
  }

  @Test
  void noFileNamedMeansTheBuiltInPolicy() throws Exception {
    assertThat(PinPolicyFiles.fileOrBuiltIn(Optional.empty()).name()).isEqualTo("built-in");
  }

  @Test
  void refusesAMissingFileNamingIt() {
    Path missing = dir.resolve("nowhere.json");
    PinPolicyFileException e =
        catchThrowableOfType(() -> PinPolicyFiles.read(missing), PinPolicyFileException.class);
    assertThat(e.messageKey()).isEqualTo(PinPolicyFileException.MISSING);
    assertThat(translated(e, Messages.of(Locale.ENGLISH))).contains(missing.toString());
  }

  @Test
  void refusesBrokenJsonSayingWhere() throws Exception {
    PinPolicyFileException e = refusal("{\"format\": \"pindesk-pin-policy/1\",\n \"tryLimit\": }");
    assertThat(e.problemKey()).isEqualTo("pin.policy.problem.not_json");
    assertThat(e.problemArgs()[0]).isEqualTo("2");
  }

  @Test
  void refusesAMisspeltFieldRatherThanIgnoringIt() throws Exception {
    PinPolicyFileException e =
        refusal(
            "{\"format\": \"pindesk-pin-policy/1\", \"initalPins\": [\"888888\"], \"tryLimit\": 3}");
    assertThat(e.problemKey()).isEqualTo("pin.policy.problem.unknown_field");
    assertThat(translated(e, Messages.of(Locale.ENGLISH)))
        .contains("policy.json")
        .contains("initalPins");
  }

  @Test
  void refusesAnotherFormat() throws Exception {
    assertThat(refusal("{\"format\": \"v2\", \"initialPins\": [], \"tryLimit\": 3}").problemKey())
        .isEqualTo("pin.policy.problem.format");
  }

  @Test
  void refusesWrongValuesNamingTheirPlace() throws Exception {
    String head = "{\"format\": \"pindesk-pin-policy/1\", ";
    assertThat(refusal(head + "\"initialPins\": [\"12345\"], \"tryLimit\": 3}").problemArgs())
        .containsExactly("initialPins[0]");
    assertThat(refusal(head + "\"initialPins\": [], \"tryLimit\": 0}").problemKey())
        .isEqualTo("pin.policy.problem.try_limit");
    assertThat(refusal(head + "\"initialPins\": []}").problemArgs()).containsExactly("tryLimit");
    assertThat(
            refusal(head + "\"initialPins\": [], \"tryLimit\": 3, \"knownWeak\": [\"12a456\"]}")
                .problemArgs())
        .containsExactly("knownWeak[0]");
    assertThat(
            refusal(
                    head
                        + "\"initialPins\": [], \"tryLimit\": 3, \"regions\": [{\"prefix\": \"4x\"}]}")
                .problemArgs())
        .containsExactly("regions[0].prefix");
    assertThat(
            refusal(
                    head
                        + "\"initialPins\": [], \"tryLimit\": 3, \"regions\": [{\"prefix\": \"44\"},"
                        + " {\"prefix\": \"44\"}]}")
                .problemKey())
        .isEqualTo("pin.policy.problem.duplicate_prefix");
    assertThat(refusal("[1, 2]").problemKey()).isEqualTo("pin.policy.problem.not_object");
  }

  @Test
  void everyRefusalIsTranslatedInBothLanguages() throws Exception {
    List<String> bad =
        List.of(
            "[",
            "[]",
            "{\"format\": 1}",
            "{\"format\": \"pindesk-pin-policy/1\", \"x\": 1}",
            "{\"format\": \"pindesk-pin-policy/1\", \"initialPins\": \"123456\", \"tryLimit\": 3}",
            "{\"format\": \"pindesk-pin-policy/1\", \"initialPins\": [], \"tryLimit\": 3,"
                + " \"name\": 5}",
            "{\"format\": \"pindesk-pin-policy/1\", \"initialPins\": [], \"tryLimit\": 3,"
                + " \"regions\": [5]}");
    for (String json : bad) {
      PinPolicyFileException e = refusal(json);
      for (Messages m : List.of(Messages.of(Locale.ENGLISH), Messages.forTag("zh-CN"))) {
        String text = translated(e, m);
        assertThat(text).as(json).doesNotContain("pin.policy.").contains("policy.json");
      }
    }
  }
}
