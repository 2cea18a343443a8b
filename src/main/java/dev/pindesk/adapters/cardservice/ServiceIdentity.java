package dev.pindesk.adapters.cardservice;

import dev.pindesk.crypto.tls.ServerCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The reference card-management service's key and self-signed certificate (EC P-256), made on first
 * run and reused: counters pin its key ({@link ServicePin}). The key ({@value #KEY_FILE}, PKCS#8
 * PEM, owner-only) lies beside the certificate.
 *
 * @param certificate the certificate counters pin
 * @param privateKey its key
 * @param certificateFile where the certificate is (PEM)
 * @param created whether this run made them
 */
public record ServiceIdentity(
    X509Certificate certificate, PrivateKey privateKey, Path certificateFile, boolean created) {
  public static final String CERT_FILE = "card-service.crt";
  public static final String KEY_FILE = "card-service.key";

  /**
   * The identity in {@code certificateFile} and the key beside it, created when neither exists.
   *
   * @throws IOException when only one exists, or they cannot be read or do not belong together
   */
  public static ServiceIdentity loadOrCreate(Path certificateFile) throws IOException {
    Path cert = certificateFile.toAbsolutePath();
    Path key = cert.resolveSibling(KEY_FILE);
    boolean certExists = Files.exists(cert);
    boolean keyExists = Files.exists(key);
    if (certExists && keyExists) {
      return load(cert, key);
    }
    if (certExists || keyExists) {
      throw new IOException(
          (certExists ? key : cert) + " is missing while " + (certExists ? cert : key) + " exists");
    }
    return create(cert, key);
  }

  /** The pin counters configure for this service. */
  public ServicePin pin() {
    return ServicePin.of(certificate);
  }

  /** A TLS server context presenting this certificate. */
  SSLContext serverContext() throws GeneralSecurityException {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(new ServerCertificate(certificate, privateKey).keyStore("card-service"), new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, new SecureRandom());
    return context;
  }

  private static ServiceIdentity load(Path cert, Path key) throws IOException {
    try {
      ServerCertificate read =
          ServerCertificate.fromPem(
              Files.readString(cert, StandardCharsets.US_ASCII),
              Files.readString(key, StandardCharsets.US_ASCII));
      return new ServiceIdentity(read.certificate(), read.privateKey(), cert, false);
    } catch (GeneralSecurityException e) {
      throw new IOException(cert + " / " + key + ": " + e.getMessage(), e);
    }
  }

  private static ServiceIdentity create(Path cert, Path key) throws IOException {
    try {
      ServerCertificate made =
          ServerCertificate.selfSigned(
              "PinDesk reference card-management service",
              List.of(
                  new GeneralName(GeneralName.dNSName, "localhost"),
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
      Files.createFile(key);
      PosixFileAttributeView view = Files.getFileAttributeView(key, PosixFileAttributeView.class);
      if (view != null) {
        view.setPermissions(PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(key, made.privateKeyPem(), StandardCharsets.US_ASCII);
      Files.writeString(cert, made.certificatePem(), StandardCharsets.US_ASCII);
      return new ServiceIdentity(made.certificate(), made.privateKey(), cert, true);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot create the card-service certificate: " + e.getMessage(), e);
    }
  }

  /** Subject and file; never the key. */
  @Override
  public String toString() {
    return "ServiceIdentity["
        + certificate.getSubjectX500Principal()
        + ", "
        + certificateFile
        + "]";
  }
}
