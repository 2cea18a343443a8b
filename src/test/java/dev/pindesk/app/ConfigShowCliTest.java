package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.cli.Cli;
import dev.pindesk.cli.CommandTree;
import dev.pindesk.i18n.Messages;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code config show} prints every setting the counter reads with where it came from, and whether
 * the counter would start with them.
 */
class ConfigShowCliTest {
  private static final Path FILE = Path.of("/etc/pindesk/pindesk.properties");
  private static final Path USER_HOME = Path.of("/home/clerk");

  private final Map<String, String> file = new HashMap<>();

  /** Names in the settings file written without the {@code pindesk.} prefix. */
  private final java.util.List<String> unprefixed = new java.util.ArrayList<>();

  private Cli.Result show(Messages messages, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = Map.of("PINDESK_IDLE_MINUTES", "12");
    SettingLookup lookup =
        name -> Settings.find(name, k -> null, env::get, Map.copyOf(prefixed()), FILE);
    String[] command = new String[args.length + 2];
    command[0] = "config";
    command[1] = "show";
    System.arraycopy(args, 0, command, 2, args.length);
    int exit =
        CommandTree.run(
            Cli.context(messages, out, err),
            CliWiring.production(),
            Cli.inputs(new byte[0]),
            command,
            ConfigCommand.create(
                messages,
                lookup,
                () -> new SettingValue("config", FILE.toString(), SettingSource.byDefault()),
                () -> {
                  java.util.Set<String> names = new java.util.HashSet<>(prefixed().keySet());
                  names.addAll(unprefixed);
                  return names;
                },
                USER_HOME));
    return new Cli.Result(exit, out.toString(), err.toString());
  }

  private Map<String, String> prefixed() {
    Map<String, String> values = new HashMap<>();
    file.forEach((k, v) -> values.put("pindesk." + k, v));
    return values;
  }

  @Test
  void printsEachSettingWithItsValueAndWhereItCameFrom() {
    file.put("mode", "production");
    file.put("workstation", "SC-0101-01");
    file.put("sam.reader", "ACS ACR39U");

    Cli.Result r = show(Messages.of(Locale.ENGLISH), "--font-scale", "1.25");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Settings file: " + FILE + " (the default)")
        .containsPattern("pindesk.mode +production +\\(the settings file " + FILE + "\\)")
        .containsPattern(
            "pindesk.idle.minutes +12 +\\(the environment variable PINDESK_IDLE_MINUTES\\)")
        .containsPattern("pindesk.font.scale +1.25 +\\(the command-line option --font-scale\\)")
        .containsPattern("pindesk.keys +/home/clerk/.pindesk/keys +\\(the default\\)")
        .containsPattern("pindesk.central.url +\\(not set\\)")
        .contains("The counter can start with these settings (pindesk.mode=production).");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void saysInTheClerksLanguageWhyTheCounterWouldRefuseToStart() {
    file.put("font.scale", "large");

    Cli.Result r = show(Messages.forTag("zh-CN"));

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("pindesk.font.scale", "large", "设置文件 " + FILE);
    assertThat(r.err().strip())
        .startsWith("柜台将拒绝启动：设置 pindesk.font.scale 的值“large”无效（来自设置文件 " + FILE)
        .doesNotContain("\n");
  }

  @Test
  void theJsonNamesEachSourceAndTheRefusal() throws Exception {
    file.put("mode", "production");

    Cli.Result r = show(Messages.of(Locale.ENGLISH), "--json", "--sam-reader", "PSAM 1");

    assertThat(r.exit()).isEqualTo(2);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.path("settingsFile").path("path").asText()).isEqualTo(FILE.toString());
    assertThat(root.path("settingsFile").path("source").asText()).isEqualTo("default");
    Map<String, JsonNode> byName = new HashMap<>();
    root.path("settings").forEach(s -> byName.put(s.path("name").asText(), s));
    assertThat(byName.get("pindesk.mode").path("source").asText()).isEqualTo("file");
    assertThat(byName.get("pindesk.mode").path("from").asText()).isEqualTo(FILE.toString());
    assertThat(byName.get("pindesk.sam.reader").path("source").asText()).isEqualTo("option");
    assertThat(byName.get("pindesk.sam.reader").path("from").asText()).isEqualTo("--sam-reader");
    assertThat(byName.get("pindesk.idle.minutes").path("source").asText()).isEqualTo("environment");
    assertThat(byName.get("pindesk.workstation").path("value").isNull()).isTrue();
    assertThat(root.path("valid").asBoolean()).isFalse();
    assertThat(root.path("refusal").path("key").asText()).isEqualTo(CounterConfig.NO_WORKSTATION);
    assertThat(root.path("refusal").path("message").asText()).contains("pindesk.workstation");
  }

  @Test
  void theOptionsAreGuisAndAMistypedOneIsAUsageError() {
    Cli.Result r = show(Messages.of(Locale.ENGLISH), "--prodution");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--prodution", "--production");
  }

  @Test
  void aMisspeltOrUnprefixedNameInTheFileIsPointedOut() throws Exception {
    file.put("idel.minutes", "10");
    unprefixed.add("mode");

    Cli.Result r = show(Messages.of(Locale.ENGLISH));
    Cli.Result json = show(Messages.of(Locale.ENGLISH), "--json");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "pindesk.idel.minutes in " + FILE + " is not a setting the counter reads",
            "mode in " + FILE + " is not a setting");
    assertThat(new ObjectMapper().readTree(json.out()).path("unknownInFile").toString())
        .isEqualTo("[\"mode\",\"pindesk.idel.minutes\"]");
  }

  @Test
  void aSecretIsNeverPrinted() {
    assertThat(CounterSettings.secret("supervisor.passphrase")).isTrue();
    assertThat(CounterSettings.secret("central.password.file")).isTrue();
    assertThat(CounterSettings.NAMES).noneMatch(CounterSettings::secret);
  }
}
