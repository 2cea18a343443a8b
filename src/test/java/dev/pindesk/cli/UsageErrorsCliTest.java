package dev.pindesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.app.CliMain;
import dev.pindesk.cli.central.CentralCliTest;
import dev.pindesk.i18n.Messages;
import org.junit.jupiter.api.Test;

/**
 * A command line that cannot be parsed: one line in the user's language with what is wrong and the
 * {@code --help} to run, exit 2; never picocli's English text and whole usage.
 */
class UsageErrorsCliTest {
  private static final Messages CHINESE = Messages.forTag("zh-CN");

  @Test
  void aMissingOptionNamesItAndTheHelpToRun() {
    Cli.Result r = Cli.run("training", "generate-journal", "--out", "x.db");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "Error: missing required --cases. Run pindesk training generate-journal --help for"
                + " the usage.");
  }

  @Test
  void aMistypedCommandIsToldInChineseWithWhatWasMeant() {
    Cli.Result r = Cli.runIn(CHINESE, "journal", "exprot");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("错误：无法识别的参数：exprot。是否想输入：export？运行 pindesk journal --help 查看用法。");
  }

  @Test
  void aValueOfTheWrongTypeIsQuoted() {
    Cli.Result r =
        Cli.runIn(CHINESE, "training", "generate-journal", "--out", "x.db", "--cases", "abc");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("--cases 的值“abc”无效")
        .contains("pindesk training generate-journal --help");
    assertOneLineWithoutUsage(r.err());
  }

  @Test
  void anEitherOrPairAsksForOneOfThem() {
    CentralCliTest.Result r = CentralCliTest.run("central", "stats");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("give one of --db, --jdbc.");
    assertOneLineWithoutUsage(r.err());
  }

  @Test
  void anOptionGivenTwiceOrTwoThatExcludeEachOther() {
    Cli.Result twice =
        Cli.run("journal", "export", "j.db", "--key", "k", "--format", "csv", "--format", "json");
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).contains("option --format may be given only once");
    assertOneLineWithoutUsage(twice.err());

    CentralCliTest.Result both =
        CentralCliTest.run("central", "stats", "--db", "c.db", "--jdbc", "jdbc:postgresql://x/y");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--db, --jdbc are mutually exclusive: give only one");
    assertOneLineWithoutUsage(both.err());
  }

  @Test
  void theHelpTheErrorsPointToIsThereOnEveryCommand() {
    for (String[] command :
        new String[][] {
          {"training", "generate-journal", "--help"},
          {"journal", "export", "-h"},
          {"keys", "init", "--help"},
          {"sync", "--help"}
        }) {
      Cli.Result r = Cli.run(command);
      assertThat(r.exit()).as(String.join(" ", command)).isZero();
      assertThat(r.out()).contains("pindesk " + command[0]);
      assertThat(r.err()).isEmpty();
    }
  }

  /** {@code gui} is a command like the others: a typo must not open a training counter. */
  @Test
  void aMistypedGuiOptionIsRefusedInsteadOfOpeningTheWrongCounter() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    dev.pindesk.cli.CliContext context = Cli.context(CHINESE, out, err);
    int exit = CliMain.tree(context).execute("gui", "--prodution");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("错误：无法识别的参数：--prodution。是否想输入：--production？运行 pindesk gui --help 查看用法。");
  }

  private static void assertOneLineWithoutUsage(String err) {
    assertThat(err.strip()).doesNotContain("\n").doesNotContain("Usage:");
  }
}
