package dev.pindesk.cli.common;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;

/**
 * What the {@code card-service} commands obtain from the composition root: the reference
 * card-management service (ADR 0029), which the {@code cardservice} adapter implements over the
 * training keys.
 */
public interface CardServiceServices {

  /** The certificate file the service makes in its directory, {@code card-service.crt}. */
  String certificateFileName();

  /** The client credentials file the service makes in its directory. */
  String credentialsFileName();

  /**
   * Starts the reference service over the training keys on {@code bind}:{@code port}, with the
   * certificate, key and client credentials in {@code dir} (made on first use), speaking the wire
   * profile {@code profile} (a built-in id or a JSON file).
   *
   * @throws IOException when the directory's files cannot be read or made, or the port bound
   * @throws IllegalArgumentException when the profile is invalid
   */
  Running serveTraining(Path dir, String profile, InetAddress bind, int port) throws IOException;

  /** A service serving until closed. */
  interface Running extends AutoCloseable {
    /** Its address, with the real port. */
    URI uri();

    /** The pin counters configure ({@code sha256/…}). */
    String pin();

    Path certificateFile();

    Path credentialsFile();

    /** Whether this run made the certificate (and the credentials). */
    boolean created();

    /** The wire profile's id. */
    String profileId();

    @Override
    void close();
  }
}
