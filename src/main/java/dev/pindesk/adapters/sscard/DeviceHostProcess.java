package dev.pindesk.adapters.sscard;

import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's side of the device host: starts the child process, sends one call at a time and
 * waits for its answer no longer than the call's timeout. A call that times out, or a host that
 * dies, gets the host killed and started again, and the caller a {@code DEVICE_NOT_RESPONDING} it
 * can tell the clerk ("restarted; retry"). A library that cannot be loaded is {@code
 * DEVICE_UNAVAILABLE}.
 */
final class DeviceHostProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceHostProcess.class);

  private final HostLaunch launch;
  private final ExecutorService reader =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "sscard-host-reader");
            t.setDaemon(true);
            return t;
          });
  private Process process;
  private InputStream fromHost;
  private OutputStream toHost;
  private int restarts;

  DeviceHostProcess(HostLaunch launch) {
    this.launch = launch;
  }

  /** How often the host was started again after a hang or a crash (for tests and status). */
  synchronized int restarts() {
    return restarts;
  }

  /** The running host's pid, if any (tests kill it to simulate a crash). */
  synchronized java.util.OptionalLong pid() {
    return process != null && process.isAlive()
        ? java.util.OptionalLong.of(process.pid())
        : java.util.OptionalLong.empty();
  }

  /**
   * Calls {@code function} in the host. The reply's output is the caller's to wipe.
   *
   * @throws CardException {@code DEVICE_UNAVAILABLE} when the host cannot start or load the
   *     library, {@code DEVICE_NOT_RESPONDING} after a timeout or a crash (the host was restarted)
   */
  synchronized HostFrames.Reply call(
      SscardFunction function, int type, byte[] input, Duration timeout) throws CardException {
    if (process == null || !process.isAlive()) {
      start();
    }
    byte[] request = HostFrames.request(function, type, input);
    Future<byte[]> answer;
    try {
      HostFrames.write(toHost, request);
      InputStream in = fromHost;
      answer = reader.submit(() -> HostFrames.read(in));
    } catch (IOException e) {
      throw restarted(function, "the host is gone: " + e.getMessage());
    } finally {
      Secrets.wipe(request);
    }
    try {
      HostFrames.Reply reply =
          HostFrames.parseReply(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      if (reply.kind() == HostFrames.HOST_FAILED) {
        String reason = new String(reply.output(), StandardCharsets.UTF_8);
        throw new CardException(
            CardErrorCode.DEVICE_UNAVAILABLE, function.symbol() + " not callable: " + reason);
      }
      return reply;
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw restarted(function, "no answer in " + timeout);
    } catch (ExecutionException | IOException e) {
      throw restarted(function, "the host ended (crashed?): " + rootMessage(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new CardException(CardErrorCode.DEVICE_NOT_RESPONDING, "interrupted", e);
    }
  }

  private CardException restarted(SscardFunction function, String why) throws CardException {
    LOG.warn("device host: {} {}; killing and restarting it", function.symbol(), why);
    kill();
    restarts++;
    start(); // DEVICE_UNAVAILABLE if it will not come back
    return new CardException(
        CardErrorCode.DEVICE_NOT_RESPONDING,
        "the reader library's "
            + function.symbol()
            + " "
            + why
            + "; the device host was restarted");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  private void start() throws CardException {
    if (!Files.isRegularFile(launch.library())) {
      // refused at once, without starting a JVM that could only say the same
      throw new CardException(
          CardErrorCode.DEVICE_UNAVAILABLE, "no reader library at " + launch.library());
    }
    Path launcher = Path.of(launch.command().get(0));
    if (launcher.isAbsolute()
        && !Files.isExecutable(launcher)
        && !Files.isExecutable(launcher.resolveSibling(launcher.getFileName() + ".exe"))) {
      // e.g. a jlink runtime built with --strip-native-commands: it has no bin/java
      throw new CardException(
          CardErrorCode.DEVICE_UNAVAILABLE,
          "no Java launcher at " + launcher + " to run the device host: set pindesk.sscard.java");
    }
    ProcessBuilder pb = new ProcessBuilder(launch.command());
    pb.environment().putAll(launch.environment());
    // Vendor libraries often read their configuration (an .ini, a licence file) from the current
    // directory: the host runs in the library's own.
    pb.directory(launch.library().toAbsolutePath().getParent().toFile());
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new CardException(
          CardErrorCode.DEVICE_UNAVAILABLE, "the device host will not start: " + e.getMessage(), e);
    }
    fromHost = process.getInputStream();
    toHost = process.getOutputStream();
    java.util.concurrent.atomic.AtomicBoolean loaded =
        new java.util.concurrent.atomic.AtomicBoolean();
    drainStderr(process, loaded);
    InputStream in = fromHost;
    Future<byte[]> hello = reader.submit(() -> HostFrames.read(in));
    try {
      HostFrames.Reply r =
          HostFrames.parseReply(hello.get(launch.startTimeout().toMillis(), TimeUnit.MILLISECONDS));
      if (r.kind() != HostFrames.RETURNED || r.code() != 0) {
        String reason = new String(r.output(), StandardCharsets.UTF_8);
        kill();
        throw new CardException(CardErrorCode.DEVICE_UNAVAILABLE, reason);
      }
      loaded.set(true);
      LOG.info("device host started (pid {}) for {}", process.pid(), launch.library());
    } catch (TimeoutException | ExecutionException | IOException e) {
      hello.cancel(true);
      kill();
      throw new CardException(
          CardErrorCode.DEVICE_UNAVAILABLE, "the device host did not start: " + rootMessage(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new CardException(CardErrorCode.DEVICE_UNAVAILABLE, "interrupted", e);
    }
  }

  /**
   * Reads the host's stderr so it never blocks. Until the library has loaded, its lines go to the
   * log (a JVM that will not start, a library that will not load say why there); after that they
   * are counted, not logged: a vendor library may print card data, even a keypad entry, on its own.
   */
  private void drainStderr(Process p, java.util.concurrent.atomic.AtomicBoolean loaded) {
    Thread t =
        new Thread(
            () -> {
              long unlogged = 0;
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  if (loaded.get()) {
                    unlogged++;
                  } else {
                    LOG.warn("device host {} while starting: {}", p.pid(), line);
                  }
                }
              } catch (IOException e) {
                // the host ended
              }
              if (unlogged > 0) {
                LOG.info("device host {} wrote {} lines on stderr (not logged)", p.pid(), unlogged);
              }
            },
            "sscard-host-stderr");
    t.setDaemon(true);
    t.start();
  }

  private void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      try {
        toHost.close(); // the host ends when its stdin does
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (IOException e) {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
      process = null;
    }
    reader.shutdownNow();
  }
}
