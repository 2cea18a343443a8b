package dev.pindesk.adapters.central;

import dev.pindesk.crypto.tls.ServerCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The central's key pair and certificate (EC P-256, self-signed): it serves TLS and signs receipts,
 * so the one file {@code central.crt} a workstation pins both authenticates the connection and
 * verifies receipts (ADR 0007). Created on first run, reused afterwards; the private key {@code
 * central.key} (PKCS#8 PEM) lies next to the certificate and is readable by its owner only.
 *
 * @param certificate the certificate workstations pin
 * @param privateKey its key
 * @param certificateFile where {@code certificate} is (PEM)
 * @param keyFile where {@code privateKey} is
 * @param created true when this run made them
 */
public record CentralIdentity(
    X509Certificate certificate,
    PrivateKey privateKey,
    Path certificateFile,
    Path keyFile,
    boolean created) {
  public static final String CERT_FILE = "central.crt";
  public static final String KEY_FILE = "central.key";

  /**
   * The identity whose certificate is {@code certificateFile} (its key is {@code central.key} in
   * the same directory), created when neither exists.
   *
   * @throws IOException when only one of the two exists, they cannot be read, or they do not match
   */
  public static CentralIdentity loadOrCreate(Path certificateFile) throws IOException {
    return loadOrCreate(certificateFile, List.of());
  }

  /**
   * As {@link #loadOrCreate(Path)}; a certificate created now also names {@code extraNames} (DNS
   * names or IP addresses under which workstations reach the central). An existing certificate is
   * never changed: workstations pin it. Check {@link #names(String)} against what they use.
   *
   * @throws IllegalArgumentException for a name that is neither a DNS name nor an IP address
   */
  public static CentralIdentity loadOrCreate(Path certificateFile, List<String> extraNames)
      throws IOException {
    List<GeneralName> extra = new ArrayList<>();
    for (String name : extraNames) {
      extra.add(generalName(name));
    }
    Path cert = certificateFile.toAbsolutePath();
    Path key = cert.resolveSibling(KEY_FILE);
    if (!Files.isDirectory(cert.getParent())) {
      throw new IOException("no such directory for the certificate: " + cert.getParent());
    }
    boolean certExists = Files.exists(cert);
    boolean keyExists = Files.exists(key);
    if (certExists && keyExists) {
      return load(cert, key);
    }
    if (certExists || keyExists) {
      throw new IOException(
          (certExists ? key : cert)
              + " is missing while "
              + (certExists ? cert : key)
              + " exists; restore it (workstations pin the certificate)");
    }
    return create(cert, key, extra);
  }

  private static CentralIdentity load(Path cert, Path key) throws IOException {
    try {
      ServerCertificate read =
          ServerCertificate.fromPem(
              Files.readString(cert, StandardCharsets.US_ASCII),
              Files.readString(key, StandardCharsets.US_ASCII));
      return new CentralIdentity(read.certificate(), read.privateKey(), cert, key, false);
    } catch (GeneralSecurityException e) {
      throw new IOException(cert + " / " + key + ": " + e.getMessage(), e);
    }
  }

  private static CentralIdentity create(Path cert, Path key, List<GeneralName> extra)
      throws IOException {
    String host = hostName();
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.dNSName, "localhost"));
    if (!host.isEmpty() && !"localhost".equalsIgnoreCase(host)) {
      names.add(new GeneralName(GeneralName.dNSName, host));
    }
    names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    for (GeneralName name : extra) {
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    try {
      ServerCertificate made = ServerCertificate.selfSigned("PinDesk central " + host, names);
      writeOwnerOnly(key, made.privateKeyPem());
      Files.writeString(cert, made.certificatePem(), StandardCharsets.US_ASCII);
      return new CentralIdentity(made.certificate(), made.privateKey(), cert, key, true);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot create the central certificate: " + e.getMessage(), e);
    }
  }

  private static final java.util.regex.Pattern DNS_NAME =
      java.util.regex.Pattern.compile(
          "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final java.util.regex.Pattern IPV4 =
      java.util.regex.Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  /** Whether {@code name} can be put in a certificate: a DNS name or an IP address. */
  public static boolean isName(String name) {
    try {
      generalName(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code name} as a subject alternative name: an IP address, else a DNS name (lower case). */
  private static GeneralName generalName(String name) {
    if (IPV4.matcher(name).matches() || (name.contains(":") && name.matches("[0-9A-Fa-f:.]+"))) {
      return new GeneralName(GeneralName.iPAddress, name);
    }
    if (name.length() <= 253 && DNS_NAME.matcher(name).matches()) {
      return new GeneralName(GeneralName.dNSName, name.toLowerCase(Locale.ROOT));
    }
    throw new IllegalArgumentException(name);
  }

  /** Whether the certificate names {@code name}, a DNS name or an IP address (compared as such). */
  public boolean names(String name) {
    GeneralName wanted = generalName(name);
    for (List<?> san : subjectAlternativeNames()) {
      int type = (Integer) san.get(0);
      String value = String.valueOf(san.get(1));
      if (type != wanted.getTagNo()) {
        continue;
      }
      if (type == GeneralName.dNSName ? value.equalsIgnoreCase(name) : sameAddress(value, name)) {
        return true;
      }
    }
    return false;
  }

  private List<List<?>> subjectAlternativeNames() {
    try {
      java.util.Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      return sans == null ? List.of() : List.copyOf(sans);
    } catch (java.security.cert.CertificateParsingException e) {
      return List.of(); // no readable names: none match
    }
  }

  /** Two IP address literals (never looked up) for the same address. */
  private static boolean sameAddress(String a, String b) {
    try {
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (IOException e) {
      return false;
    }
  }

  /** This host's name (DNS-safe, lower case), or empty when it cannot be found. */
  static String hostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
      return name.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?") ? name : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The certificate's subject and file; never the key. */
  @Override
  public String toString() {
    return "CentralIdentity["
        + certificate.getSubjectX500Principal()
        + ", "
        + certificateFile
        + "]";
  }

  /** A TLS server context presenting this certificate (TLS 1.2 and 1.3). */
  public javax.net.ssl.SSLContext sslContext() throws GeneralSecurityException {
    javax.net.ssl.KeyManagerFactory kmf =
        javax.net.ssl.KeyManagerFactory.getInstance(
            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(new ServerCertificate(certificate, privateKey).keyStore("central"), new char[0]);
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, new SecureRandom());
    return context;
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Files.createFile(file);
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }
}
