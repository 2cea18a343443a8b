package dev.pindesk.adapters.cardservice;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The counter's credentials at the card-management service: a client id and a secret, sent in two
 * headers over TLS to the pinned key (ADR 0029). Kept in a file readable by its owner only, with
 * the lines {@code client.id=…} and {@code client.secret=…}.
 *
 * @param id the client id (also in logs)
 * @param secret the secret (never in logs or messages)
 */
public record ClientCredentials(String id, String secret) {
  static final String ID = "client.id";
  static final String SECRET = "client.secret";

  public ClientCredentials {
    if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("a client id is 1 to 64 letters, digits, . _ or -");
    }
    if (secret == null || secret.length() < 16 || !secret.matches("[\\x21-\\x7E]+")) {
      throw new IllegalArgumentException("a client secret is at least 16 printable characters");
    }
  }

  /**
   * The credentials in {@code file}.
   *
   * @throws IllegalArgumentException when the file lacks a valid id or secret
   */
  public static ClientCredentials load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return new ClientCredentials(p.getProperty(ID, "").strip(), p.getProperty(SECRET, "").strip());
  }

  /** New credentials for {@code id} with a random secret. */
  public static ClientCredentials generate(String id) {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return new ClientCredentials(
        id, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  /** Writes them to {@code file} (a new file, readable by its owner only). */
  public void save(Path file) throws IOException {
    Files.createFile(file);
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(
        file,
        "# PinDesk card-management service client credentials: keep secret\n"
            + ID
            + "="
            + id
            + "\n"
            + SECRET
            + "="
            + secret
            + "\n",
        StandardCharsets.UTF_8);
  }

  /** Whether {@code id} and {@code secret} are these credentials (constant time on the secret). */
  boolean accepts(String otherId, String otherSecret) {
    if (otherId == null || otherSecret == null) {
      return false;
    }
    boolean secretOk =
        MessageDigest.isEqual(
            secret.getBytes(StandardCharsets.UTF_8), otherSecret.getBytes(StandardCharsets.UTF_8));
    return secretOk & id.equals(otherId);
  }

  /** The id only. */
  @Override
  public String toString() {
    return "ClientCredentials[" + id + "]";
  }
}
