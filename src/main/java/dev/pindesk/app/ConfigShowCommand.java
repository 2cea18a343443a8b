package dev.pindesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code config show [--training|--production] [--pcsc] [--sam-reader NAME] [--font-scale F]
 * [--json]}: every setting the counter reads, its effective value and where that came from (option,
 * system property, environment variable, settings file, default), then whether the counter would
 * start with them — the refusal it would show otherwise, exit 2. The options are {@code gui}'s, so
 * an administrator sees what {@code gui --production} would use. A secret's value is never printed.
 */
@Command(
    name = "show",
    description =
        "Show the counter's settings, where each comes from, and whether the counter can start"
            + " with them.")
final class ConfigShowCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ArgGroup(exclusive = true)
  CounterOptionsMixin.Mode mode;

  @Mixin CounterOptionsMixin asGui;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: {settingsFile, settings: [{name, value, source, from}],"
              + " unknownInFile, valid, refusal}.")
  boolean json;

  @Spec CommandSpec spec;

  private final Messages messages;
  private final SettingLookup settings;
  private final Supplier<SettingValue> settingsFile;
  private final Supplier<Set<String>> fileNames;
  private final Path userHome;

  ConfigShowCommand(
      Messages messages,
      SettingLookup settings,
      Supplier<SettingValue> settingsFile,
      Supplier<Set<String>> fileNames,
      Path userHome) {
    this.messages = messages;
    this.settings = settings;
    this.settingsFile = settingsFile;
    this.fileNames = fileNames;
    this.userHome = userHome;
  }

  CounterOptions options() {
    return asGui.counterOptions(mode, false);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CounterOptions options = options();
    Optional<CounterConfig> config;
    Optional<ConfigRefusedException> refusal;
    try {
      config = Optional.of(CounterConfig.from(options, settings, userHome));
      refusal = Optional.empty();
    } catch (ConfigRefusedException e) {
      config = Optional.empty();
      refusal = Optional.of(e);
    }
    CounterSettings counter = new CounterSettings(options, settings, userHome);
    // the defaults of the mode asked for, also when another setting is refused
    CounterConfig.Mode mode =
        CounterConfig.Mode.parse(counter.effective("mode", CounterConfig.Mode.TRAINING).value())
            .orElse(CounterConfig.Mode.TRAINING);
    List<SettingValue> shown = counter.all(mode);
    SettingValue file = settingsFile.get();
    List<String> unknown = unknownInFile();
    if (json) {
      out.println(json(file, shown, unknown, config, refusal));
    } else {
      out.println(messages.get("config.show.file", file.value(), file.source().describe(messages)));
      int width = shown.stream().mapToInt(s -> s.qualifiedName().length()).max().orElse(0);
      for (SettingValue s : shown) {
        out.println(line(s, width));
      }
      unknown.forEach(name -> out.println(messages.get("config.show.unknown", name, file.value())));
      config.ifPresent(c -> out.println(messages.get("config.show.valid", c.mode().setting())));
    }
    out.flush();
    if (refusal.isPresent()) {
      err.println(messages.get("config.show.refused", refusal.get().describe(messages)));
      err.flush();
      return 2;
    }
    return 0;
  }

  /**
   * What the settings file sets that the counter does not read: a misspelt name (or one without the
   * {@code pindesk.} prefix) is otherwise ignored without a word.
   */
  private List<String> unknownInFile() {
    Set<String> known = new TreeSet<>();
    CounterSettings.NAMES.forEach(n -> known.add(SettingValue.PREFIX + n));
    return fileNames.get().stream().filter(n -> !known.contains(n)).sorted().toList();
  }

  private String line(SettingValue s, int width) {
    String name = String.format("%-" + width + "s", s.qualifiedName());
    if (s.value().isEmpty()) {
      return name + "  " + messages.get("config.show.unset");
    }
    String value =
        CounterSettings.secret(s.name()) ? messages.get("config.show.hidden") : s.value();
    return name + "  " + value + "  (" + s.source().describe(messages) + ")";
  }

  private String json(
      SettingValue file,
      List<SettingValue> shown,
      List<String> unknown,
      Optional<CounterConfig> config,
      Optional<ConfigRefusedException> refusal) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode f = root.putObject("settingsFile");
    f.put("path", file.value());
    source(f, file.source());
    ArrayNode array = root.putArray("settings");
    for (SettingValue s : shown) {
      ObjectNode node = array.addObject();
      node.put("name", s.qualifiedName());
      if (s.value().isEmpty() || CounterSettings.secret(s.name())) {
        node.putNull("value");
      } else {
        node.put("value", s.value());
      }
      node.put("secret", CounterSettings.secret(s.name()));
      source(node, s.source());
    }
    unknown.forEach(root.putArray("unknownInFile")::add);
    if (!root.has("unknownInFile")) {
      root.putArray("unknownInFile");
    }
    root.put("valid", config.isPresent());
    if (refusal.isPresent()) {
      ObjectNode r = root.putObject("refusal");
      r.put("key", refusal.get().messageKey());
      Optional<SettingValue> setting = refusal.get().setting();
      if (setting.isPresent()) {
        r.put("setting", setting.get().qualifiedName());
      } else {
        r.putNull("setting");
      }
      r.put("message", refusal.get().describe(messages));
    } else {
      root.putNull("refusal");
    }
    return root.toString();
  }

  private static void source(ObjectNode node, SettingSource source) {
    node.put("source", source.kind().jsonName());
    if (source.where().isEmpty()) {
      node.putNull("from");
    } else {
      node.put("from", source.where());
    }
  }
}
