package dev.pindesk.cli.cardservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.pindesk.adapters.cardservice.CardServiceClient;
import dev.pindesk.adapters.cardservice.ClientCredentials;
import dev.pindesk.adapters.cardservice.ServicePin;
import dev.pindesk.adapters.cardservice.WireProfile;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.app.CliWiring;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.cli.Cli;
import dev.pindesk.cli.CliContext;
import dev.pindesk.cli.CommandTree;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.KeyPurpose;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code card-service serve} in-process: the line it prints is enough to configure a counter (URL,
 * pin, credentials file), the service answers with the training keys, refuses a real card, and
 * stops when interrupted.
 */
class CardServiceServeCliTest {
  private static final Pattern READY =
      Pattern.compile(
          "listening on (https://localhost:\\d+);.*pindesk\\.cardservice\\.pin=(sha256/\\S+),"
              + " pindesk\\.cardservice\\.credentials=(\\S+) \\(certificate");
  private static final String CARD_ID = "440300D15600000501C2A3B4D5E6F708";
  private static final byte[] CHALLENGE = Hex.parse("1122334455667788");

  @TempDir Path dir;

  @Test
  void servesTheTrainingKeysToACounterConfiguredFromItsOneLineAndStopsWhenInterrupted()
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serve =
        new Thread(
            () ->
                exit.set(
                    run(
                        out,
                        err,
                        "card-service",
                        "serve",
                        "--port",
                        "0",
                        "--dir",
                        dir.resolve("svc").toString())));
    serve.start();
    try {
      Matcher ready = awaitReady(out, err);
      assertThat(out.toString()).contains("created");
      CardServiceClient client =
          new CardServiceClient(
              new CardServiceClient.Config(
                  URI.create(ready.group(1)),
                  ServicePin.parse(ready.group(2)),
                  ClientCredentials.load(Path.of(ready.group(3))),
                  WireProfile.builtIn(),
                  Optional.of("ZD-1"),
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(10),
                  true));
      ExternalAuthRequest training =
          new ExternalAuthRequest(
              key(Hex.parse("3B8A8001" + Hex.of(TrainingKeys.ATR_MARKER) + "0102")), CHALLENGE);

      assertThat(client.externalAuthentication(training))
          .isEqualTo(new TrainingSecurityModule().externalAuthentication(training));
      assertThatExceptionOfType(CardException.class)
          .isThrownBy(
              () ->
                  client.externalAuthentication(
                      new ExternalAuthRequest(
                          key(Hex.parse("3B6800000073C84000009000")), CHALLENGE)))
          .satisfies(e -> assertThat(e.code()).isEqualTo(CardErrorCode.SECURITY_MODULE_REFUSED));
    } finally {
      serve.interrupt();
      serve.join(15_000);
    }
    assertThat(serve.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
  }

  @Test
  void aPortInUseIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit =
          run(
              out,
              err,
              "card-service",
              "serve",
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--bind",
              "0.0.0.0",
              "--dir",
              dir.toString());

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString().strip())
          .startsWith("card-service serve: port " + taken.getLocalPort() + " is already in use")
          .doesNotContain("\n")
          .doesNotContain("Exception");
    }
  }

  @Test
  void anInvalidWireProfileIsAUsageError() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path bad = java.nio.file.Files.writeString(dir.resolve("bad.json"), "{\"id\":1}");

    int exit =
        run(
            out,
            err,
            "card-service",
            "serve",
            "--port",
            "0",
            "--dir",
            dir.toString(),
            "--profile",
            bad.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("wire profile").contains("bad.json");
  }

  private static CardKeyAddress key(byte[] atr) {
    return new CardKeyAddress(
        KeyPurpose.EXTERNAL_AUTHENTICATION, 1, CipherAlgorithm.SM4, CARD_ID, "A12345678", atr);
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CliContext context =
        new CliContext(
            () -> {
              throw new IllegalStateException("card-service commands never touch card readers");
            },
            CardProfiles::builtIn,
            Messages.of(Locale.ENGLISH),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return CommandTree.run(context, CliWiring.production(), Cli.inputs(new byte[0]), args);
  }

  private static Matcher awaitReady(StringWriter out, StringWriter err)
      throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher m = READY.matcher(out.toString());
      if (m.find()) {
        return m;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no ready line: " + out + " / " + err);
  }
}
