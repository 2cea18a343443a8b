package dev.pindesk.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.PinState;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.domain.Pin;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.SecurityModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The APDUs of a reset and of an unlock, compared with the transcripts in {@code
 * src/test/resources/dev/pindesk/card/transcripts/}: they document the command order (GET
 * CHALLENGE, EXTERNAL AUTHENTICATE, GET CHALLENGE, the write under secure messaging) and catch any
 * change of it. Challenges come from a seeded random source, so the transcripts are stable; secure
 * messaging data is masked as in every trace. Run with {@code -Dpindesk.transcripts.record=true} to
 * rewrite them after a deliberate change.
 */
class PrivilegedTranscriptTest {
  private static final String READER = "Transcript Reader";

  @Test
  void resetIsExternalAuthenticationThenThePinBlockUnderSecureMessaging() throws Exception {
    VirtualCardSpec spec = VirtualCardSpecs.loadResource("training-gen3-sm4.json");
    List<String> trace = run(spec, false);
    compare("reset-external-authentication-sm4.txt", trace);
  }

  @Test
  void unlockIsTheCounterOnlyUnblockThenTheReset() throws Exception {
    VirtualCardSpec base = VirtualCardSpecs.loadResource("training-gen3-sm4.json");
    VirtualCardSpec spec =
        base.withPin(base.pin().withTriesLeft(0).withState(PinState.PIN_BLOCKED));
    List<String> trace = run(spec, true);
    compare("unlock-unblock-then-reset-sm4.txt", trace);
  }

  private static List<String> run(VirtualCardSpec spec, boolean unblockFirst) throws Exception {
    InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
    VirtualSscCard card = VirtualSscCard.builder(spec).random(new Random(15)).build();
    terminals.insert(READER, card);
    SecurityModule module = new TrainingSecurityModule();
    List<String> trace = new ArrayList<>();
    try (CardConnection c = terminals.connect(READER)) {
      CardSnapshot snapshot = new SscCardReader(CardProfiles.builtIn()).read(c, ApduTracer.NONE);
      SscApplication app =
          new SscApplication(new ApduChannel(c, (cmd, r, n) -> trace.add(cmd + " -> " + r)));
      c.beginExclusive();
      try (Pin newPin = Pin.of("385217".toCharArray())) {
        app.select();
        if (unblockFirst) {
          ResetStrategies.unblock(app, snapshot, module);
        }
        ResetStrategies.reset(app, snapshot, newPin, module);
      } finally {
        c.endExclusive();
      }
    }
    assertThat(card.isCurrentPin("385217".toCharArray())).isTrue();
    assertThat(String.join("\n", trace)).doesNotContain("385217");
    return trace;
  }

  private static void compare(String name, List<String> actual) throws IOException {
    if (Boolean.getBoolean("pindesk.transcripts.record")) {
      Path file = Path.of("src/test/resources/dev/pindesk/card/transcripts", name);
      List<String> lines = new ArrayList<>(header(name));
      lines.addAll(actual);
      Files.write(file, lines, StandardCharsets.UTF_8);
    }
    try (InputStream in =
        PrivilegedTranscriptTest.class.getResourceAsStream("transcripts/" + name)) {
      assertThat(in).as("transcript " + name).isNotNull();
      List<String> expected =
          Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList();
      assertThat(actual).containsExactlyElementsOf(expected);
    }
  }

  private static List<String> header(String name) {
    return List.of(
        "# " + name + ": APDUs of PinDesk's privileged PIN write on a virtual training card",
        "# (training-gen3-sm4, SM4 training keys, challenges from Random(15)); written by",
        "# PrivilegedTranscriptTest. Command -> response (data, then status word); the data of",
        "# secure-messaging commands (enciphered PIN block, MAC) is masked as in every trace.",
        "# The bytes are PinDesk's definitions and assumptions: see docs/card-commands.md.");
  }
}
