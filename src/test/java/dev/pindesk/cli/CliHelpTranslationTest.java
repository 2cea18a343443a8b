package dev.pindesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.app.CliMain;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's {@code --help}, in the default language (Chinese): each command and each of its
 * options and parameters has a Chinese description in {@code i18n/cli.properties}; in English the
 * annotations' texts.
 */
class CliHelpTranslationTest {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  private static CommandLine tree(Messages messages) {
    CliContext context = Cli.context(messages, new StringWriter(), new StringWriter());
    return CliMain.tree(context);
  }

  private static List<CommandLine> all(CommandLine root) {
    List<CommandLine> found = new ArrayList<>(List.of(root));
    for (CommandLine sub : root.getSubcommands().values()) {
      found.addAll(all(sub));
    }
    return found;
  }

  @Test
  void everyCommandOptionAndParameterIsDescribedInChinese() {
    List<String> untranslated = new ArrayList<>();
    for (CommandLine command : all(tree(Messages.forTag("zh-CN")))) {
      CommandSpec spec = command.getCommandSpec();
      String name = spec.qualifiedName();
      if (!HAN.matcher(String.join(" ", spec.usageMessage().description())).find()) {
        untranslated.add(name);
      }
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec arg : args) {
        if (!HAN.matcher(String.join(" ", arg.description())).find()) {
          untranslated.add(name + " " + arg);
        }
      }
    }
    assertThat(untranslated).as("add them to i18n/cli.properties").isEmpty();
  }

  @Test
  void theHelpIsChineseByDefaultAndEnglishOnRequest() {
    assertThat(verifyHelp(Messages.forTag("zh-CN")))
        .startsWith("用法：pindesk journal verify")
        .contains("日志文件。");
    String en = verifyHelp(Messages.of(Locale.ENGLISH));
    assertThat(en).startsWith("Usage: pindesk journal verify").contains("Journal file.");
    assertThat(HAN.matcher(en).find()).isFalse();
  }

  private static String verifyHelp(Messages messages) {
    StringWriter help = new StringWriter();
    tree(messages)
        .getSubcommands()
        .get("journal")
        .getSubcommands()
        .get("verify")
        .usage(new PrintWriter(help, true));
    return help.toString();
  }
}
