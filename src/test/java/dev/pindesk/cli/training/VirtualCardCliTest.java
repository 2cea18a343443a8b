package dev.pindesk.cli.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.VpcdClient;
import dev.pindesk.app.CliWiring;
import dev.pindesk.cli.Cli;
import dev.pindesk.i18n.Messages;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VirtualCardCliTest {
  @TempDir Path dir;

  @Test
  void aProfileThatCannotBeReadIsRefusedWithExitCode2() {
    Cli.Result r = Cli.run("virtual-card", "--profile", dir.resolve("none.json").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").isNotEmpty();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void withoutHostAndPortTheCardGoesToVpcdsFirstReader() {
    VirtualCardCommand command =
        new VirtualCardCommand(Messages.of(Locale.ENGLISH), CliWiring.production());
    new CommandLine(command).parseArgs("--builtin", "training-gen3-sm4");
    assertThat(command.host).isEqualTo(VpcdClient.DEFAULT_HOST);
    assertThat(command.port).isEqualTo(VpcdClient.DEFAULT_PORT);
  }
}
