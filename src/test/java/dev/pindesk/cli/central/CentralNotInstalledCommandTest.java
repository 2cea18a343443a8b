package dev.pindesk.cli.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CentralNotInstalledCommandTest {
  @Test
  void seesTheCentralWhereItsLibrariesAreOnTheClassPath() {
    assertThat(CentralNotInstalledCommand.centralInstalled(getClass().getClassLoader())).isTrue();
  }

  @Test
  void seesNoCentralWhereFlywayCannotBeLoaded() {
    ClassLoader withoutLibraries = new ClassLoader(null) {};
    assertThat(CentralNotInstalledCommand.centralInstalled(withoutLibraries)).isFalse();
  }

  @Test
  void answersAnySubcommandWithOneTranslatedLine() {
    for (String[] args :
        new String[][] {{"serve", "--port", "8443"}, {"enroll", "--help"}, {"--help"}, {}}) {
      StringWriter err = new StringWriter();
      CommandLine central =
          new CommandLine(new CentralNotInstalledCommand(Messages.of(Locale.ENGLISH)))
              .setErr(new PrintWriter(err, true));
      int exit = central.execute(args);
      assertThat(exit).isEqualTo(1);
      assertThat(err.toString().strip())
          .isEqualTo(Messages.of(Locale.ENGLISH).get("cli.central.notInstalled"))
          .doesNotContain("Exception")
          .doesNotContain("\n");
    }
  }
}
