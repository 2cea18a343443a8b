package dev.pindesk.cli.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.app.CliWiring;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.cli.Cli;
import dev.pindesk.cli.CliContext;
import dev.pindesk.cli.CommandTree;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SamCliTest {
  private static final String CITIZEN = "Citizen Reader 0";
  private static final String PSAM = "SAM Reader 1";
  private final InProcessCardTerminals readers = new InProcessCardTerminals(CITIZEN, PSAM);

  private Cli.Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Messages messages = Messages.of(Locale.ENGLISH);
    CliContext context =
        new CliContext(
            () -> readers,
            CardProfiles::builtIn,
            messages,
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    int exit = CommandTree.run(context, CliWiring.production(), Cli.inputs(new byte[0]), args);
    return new Cli.Result(exit, out.toString(), err.toString());
  }

  @Test
  void helpNamesTheDefaultProfileTheSecurityModuleAdapterUses() {
    assertThat(SamInfoCommand.DEFAULT_PROFILE)
        .isEqualTo(dev.pindesk.adapters.sam.PsamProfiles.DEFAULT_ID);
  }

  @Test
  void samInfoReportsProfileReaderAndTheApplicationsAnswer() {
    readers.insert(PSAM, VirtualPsam.training());
    Cli.Result r = run("sam", "info", "--reader", "SAM");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Vendor profile: pboc-psam-generic")
        .contains("Reader: SAM Reader 1")
        .contains("Answer to the application selection: 6F0A")
        .contains("Still to be checked against the vendor's manual");
  }

  @Test
  void samInfoAsJsonNamesTheProfileAndReader() {
    readers.insert(PSAM, VirtualPsam.training());
    Cli.Result r = run("sam", "info", "--reader", PSAM, "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("\"profile\":\"pboc-psam-generic\"")
        .contains("\"reader\":\"SAM Reader 1\"")
        .contains("\"assumptions\":[");
  }

  @Test
  void aMissingOrLockedPsamEndsNonZeroWithOneLineSayingWhatToDo() {
    Cli.Result missing = run("sam", "info", "--reader", "SAM");
    assertThat(missing.exit()).isEqualTo(5);
    assertThat(missing.err().strip().lines()).hasSize(1);
    assertThat(missing.err()).contains("security module");
    readers.insert(PSAM, VirtualPsam.builder().locked(true).build());
    Cli.Result locked = run("sam", "info", "--reader", "SAM");
    assertThat(locked.exit()).isEqualTo(5);
    assertThat(locked.err()).contains("The PSAM card is locked.");
  }

  @Test
  void aWrongCardInThePsamReaderIsNamedAsSuch() {
    readers.insert(PSAM, VirtualPsam.builder().wrongApplication(true).build());
    Cli.Result r = run("sam", "info", "--reader", "SAM");
    assertThat(r.exit()).isEqualTo(5);
    assertThat(r.err()).contains("is not the configured PSAM");
  }

  @Test
  void anUnknownProfileEndsWithExitCode2AndTheReason() {
    Cli.Result r = run("sam", "info", "--reader", "SAM", "--profile", "no-such-vendor");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown PSAM profile 'no-such-vendor'");
  }
}
