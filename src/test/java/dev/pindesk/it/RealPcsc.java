package dev.pindesk.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pindesk.card.ApduChannel;
import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.SscApplication;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PC/SC stack of the integration tests: pcscd with the vsmartcard vpcd driver, whose
 * reader "Virtual PCD 00 00" shows our virtual card. Missing pieces skip the tests with a visible
 * reason — or fail them when {@code PINDESK_REQUIRE_PCSC=1} (CI).
 */
public final class RealPcsc {
  public static final String READER = "Virtual PCD 00 00";
  static final int VPCD_PORT = 35963;
  static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
  static final Path PID_FILE = Path.of("/run/pcscd/pcscd.pid");
  static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");

  private RealPcsc() {}

  static boolean required() {
    String p = System.getProperty("pindesk.requirePcsc", "");
    String e = Optional.ofNullable(System.getenv("PINDESK_REQUIRE_PCSC")).orElse("");
    return p.equals("1") || p.equals("true") || e.equals("1") || e.equals("true");
  }

  /** Skips (or, when required, fails) unless pcscd runs with the vpcd reader. */
  public static void assumeAvailable(CardTerminals terminals) {
    String missing = null;
    if (!Files.exists(VPCD_DRIVER)) {
      missing = "vsmartcard-vpcd is not installed (" + VPCD_DRIVER + ")";
    } else if (!Files.exists(SOCKET)) {
      missing = "pcscd is not running (no " + SOCKET + ")";
    } else {
      try {
        if (terminals.readers().stream().noneMatch(r -> r.name().equals(READER))) {
          missing = "pcscd shows no reader '" + READER + "'";
        }
      } catch (CardException e) {
        missing = "pcscd not reachable: " + e.getMessage();
      }
    }
    if (missing != null) {
      if (required()) {
        fail("PINDESK_REQUIRE_PCSC=1 but " + missing);
      }
      Assumptions.abort("real PC/SC stack unavailable: " + missing);
    }
  }

  /** Waits until the vpcd reader shows (or stops showing) a card. */
  /**
   * VERIFY of {@code digits} on the card in {@link #READER} over PC/SC, as a reader would send it;
   * throws {@code PIN_WRONG} when the card holds another PIN.
   */
  static void verifyPin(CardTerminals terminals, String digits) throws Exception {
    try (CardConnection c = terminals.connect(READER);
        Pin pin = Pin.of(digits.toCharArray())) {
      SscApplication app = new SscApplication(new ApduChannel(c, ApduTracer.NONE));
      c.beginExclusive();
      try {
        app.select();
        app.verifyPin(pin);
      } finally {
        c.endExclusive();
      }
    }
  }

  static void awaitCard(CardTerminals terminals, boolean present, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        List<ReaderState> readers = terminals.readers();
        if (readers.stream().anyMatch(r -> r.name().equals(READER) && r.cardPresent() == present)) {
          return;
        }
      } catch (CardException e) {
        // pcscd may be restarting; keep waiting
      }
      Thread.sleep(100);
    }
    fail(
        "reader "
            + READER
            + " did not become "
            + (present ? "present" : "empty")
            + " in "
            + timeout);
  }

  /** Kills pcscd and starts a new one, as an administrator restarting the service would. */
  static void restartPcscd() throws IOException, InterruptedException {
    stopPcscd();
    startPcscd();
  }

  /** Stops the running pcscd and waits until it is gone. */
  static void stopPcscd() throws IOException, InterruptedException {
    String pid = Files.readString(PID_FILE).trim();
    run("kill", pid);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Files.exists(Path.of("/proc", pid)) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Files.deleteIfExists(PID_FILE);
    Files.deleteIfExists(SOCKET);
  }

  /** Starts pcscd (detached, so it outlives the test JVM) and waits for its socket. */
  static void startPcscd() throws IOException, InterruptedException {
    // one file, overwritten at each start: pcscd outlives the test JVM, so nothing could delete
    // a file per start (the CI run used to leave dozens in /tmp)
    Path log = Path.of(System.getProperty("java.io.tmpdir"), "pindesk-it-pcscd.log");
    run("bash", "-c", "setsid /usr/sbin/pcscd --foreground > " + log + " 2>&1 &");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.exists(SOCKET) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    if (!Files.exists(SOCKET)) {
      fail("pcscd did not come back: " + Files.readString(log));
    }
  }

  /** Starts pcscd unless it runs, so one failed test does not take the others down. */
  static void ensurePcscd() throws IOException, InterruptedException {
    if (!Files.exists(SOCKET)) {
      startPcscd();
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      fail(String.join(" ", command) + " exited " + p.exitValue());
    }
  }
}
