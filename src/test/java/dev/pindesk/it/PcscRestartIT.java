package dev.pindesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.service.CardReadService;
import dev.pindesk.testing.TrainingCards;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pcscd restarts while PinDesk runs; PinDesk starts while pcscd is down. No PinDesk restart. */
class PcscRestartIT {
  private static final PcscTerminals TERMINALS = new PcscTerminals();

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(TERMINALS);
  }

  @Test
  void aSecondReadWorksAfterPcscdRestartedInTheSameProcess() throws Exception {
    CardReadService service = new CardReadService(TERMINALS, CardProfiles.builtIn());
    try (VpcdCard card = VpcdCard.insert(TERMINALS, TrainingCards.spec(TrainingCards.GEN3_SM4))) {
      CardSnapshot first = service.read(Optional.of(RealPcsc.READER), ApduTracer.NONE);
      RealPcsc.restartPcscd();
      card.reinsert(); // the new pcscd's vpcd driver listens again; the same card goes back in
      CardSnapshot second = service.read(Optional.of(RealPcsc.READER), ApduTracer.NONE);
      assertThat(second.info()).isEqualTo(first.info());
      assertThat(second.holder()).isEqualTo(first.holder());
    }
  }

  @Test
  void aProcessStartedBeforePcscdSeesTheReadersOncePcscdIsUp() throws Exception {
    RealPcsc.stopPcscd();
    Process child = null;
    try {
      child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "--add-opens",
                  "java.smartcardio/sun.security.smartcardio=ALL-UNNAMED",
                  "-cp",
                  System.getProperty("java.class.path"),
                  WaitForReadersMain.class.getName())
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("unavailable");
      RealPcsc.startPcscd();
      List<String> rest = out.lines().toList();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(rest).anyMatch(line -> line.contains(RealPcsc.READER));
      assertThat(child.exitValue()).isZero();
    } finally {
      if (child != null) {
        child.destroyForcibly();
      }
      RealPcsc.ensurePcscd();
    }
  }
}
