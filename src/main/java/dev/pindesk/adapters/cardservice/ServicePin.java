package dev.pindesk.adapters.cardservice;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one key the card-management service may present: the SHA-256 of its certificate's
 * SubjectPublicKeyInfo. Given as {@code sha256/BASE64} (the form of HTTP public key pinning) or as
 * the service's certificate file (PEM or DER), from which the pin is computed. TLS to any other key
 * fails; no certificate authority is trusted and the host name is not checked, because the pin
 * names the key itself (ADR 0029).
 *
 * @param sha256 the pinned SubjectPublicKeyInfo digest (32 bytes)
 */
public record ServicePin(byte[] sha256) {
  private static final String PREFIX = "sha256/";

  public ServicePin {
    if (sha256 == null || sha256.length != 32) {
      throw new IllegalArgumentException("a pin is a SHA-256 digest of 32 bytes");
    }
    sha256 = sha256.clone();
  }

  @Override
  public byte[] sha256() {
    return sha256.clone();
  }

  /**
   * The pin a setting gives: {@code sha256/BASE64}, else the path of the service's certificate.
   *
   * @throws IllegalArgumentException for a malformed pin or a file that holds no certificate
   * @throws IOException when the file cannot be read
   */
  public static ServicePin parse(String setting) throws IOException {
    String s = setting.strip();
    if (s.startsWith(PREFIX)) {
      try {
        return new ServicePin(Base64.getDecoder().decode(s.substring(PREFIX.length())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the pin is not sha256/ followed by 32 bytes in Base64");
      }
    }
    try (InputStream in = Files.newInputStream(Path.of(s))) {
      return of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException(s + " holds no X.509 certificate");
    }
  }

  /** The pin of {@code certificate}'s key. */
  public static ServicePin of(X509Certificate certificate) {
    return new ServicePin(digest(certificate.getPublicKey().getEncoded()));
  }

  /** {@code sha256/BASE64}, as the setting takes it. */
  public String text() {
    return PREFIX + Base64.getEncoder().encodeToString(sha256);
  }

  /** Whether {@code certificate} carries the pinned key. */
  public boolean matches(X509Certificate certificate) {
    return MessageDigest.isEqual(sha256, digest(certificate.getPublicKey().getEncoded()));
  }

  /** A TLS client context that accepts only a server presenting the pinned key. */
  SSLContext clientContext(javax.net.ssl.KeyManager[] keyManagers) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keyManagers, new javax.net.ssl.TrustManager[] {new Trust(this)}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS for the pinned key", e);
    }
  }

  private static byte[] digest(byte[] spki) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(spki);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServicePin p && Arrays.equals(sha256, p.sha256);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sha256);
  }

  @Override
  public String toString() {
    return text();
  }

  /** Trusts a server whose leaf certificate carries the pinned key, and nothing else. */
  private static final class Trust extends X509ExtendedTrustManager {
    private final ServicePin pin;

    Trust(ServicePin pin) {
      this.pin = pin;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0 || !pin.matches(chain[0])) {
        throw new CertificateException(
            "the card-management service's certificate does not carry the pinned key");
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("a client context trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("a client context trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("a client context trusts no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
