package dev.pindesk.adapters.journal;

import static dev.pindesk.adapters.journal.KeyStoreRefusedException.Reason.NOT_PKCS12;
import static dev.pindesk.adapters.journal.KeyStoreRefusedException.Reason.NOT_SUPERVISOR;
import static dev.pindesk.adapters.journal.KeyStoreRefusedException.Reason.WRONG_PASSPHRASE;

import dev.pindesk.crypto.gm.Sm2KeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The supervisor's SM2 private key in a passphrase-protected PKCS#12 file (PBKDF2 + AES-256), with
 * a self-signed SM3withSM2 certificate naming the key (and saying TRAINING for training keys).
 */
final class SupervisorKeyStore {
  /** Registered once: BC's PKCS#12 looks up its PBE/AES parameters through the JCA by name. */
  private static final java.security.Provider BC = registeredProvider();

  private static final String ALIAS = "pindesk-supervisor";

  private SupervisorKeyStore() {}

  private static synchronized java.security.Provider registeredProvider() {
    java.security.Provider p =
        java.security.Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
    if (p == null) {
      p = new BouncyCastleProvider();
      java.security.Security.addProvider(p);
    }
    return p;
  }

  static void write(Path file, Sm2KeyPair pair, char[] passphrase, String commonName)
      throws IOException {
    try {
      KeyFactory factory = KeyFactory.getInstance("EC", BC);
      PrivateKey privateKey =
          factory.generatePrivate(
              new PKCS8EncodedKeySpec(
                  PrivateKeyInfoFactory.createPrivateKeyInfo(pair.privateKey()).getEncoded()));
      PublicKey publicKey =
          factory.generatePublic(
              new X509EncodedKeySpec(
                  SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.publicKey())
                      .getEncoded()));
      X500Name name = new X500Name("CN=" + commonName + ",O=PinDesk");
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              name,
              publicKey);
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .setProvider(BC)
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SM3WITHSM2").setProvider(BC).build(privateKey)));
      KeyStore store = KeyStore.getInstance("PKCS12-DEF-AES256-AES128", BC);
      store.load(null, null);
      store.setKeyEntry(ALIAS, privateKey, passphrase, new X509Certificate[] {cert});
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, passphrase);
      }
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("supervisor key store cannot be written: " + e.getMessage(), e);
    }
  }

  /**
   * @throws KeyStoreRefusedException when the passphrase is wrong or the file is not a supervisor
   *     key store (the reason says which, never the passphrase)
   * @throws IOException when the file cannot be read
   */
  static ECPrivateKeyParameters read(Path file, char[] passphrase) throws IOException {
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12", BC);
      store.load(in, passphrase);
    } catch (GeneralSecurityException e) {
      throw new KeyStoreRefusedException(NOT_PKCS12, file, "not a PKCS#12 key store", e);
    } catch (IOException e) {
      if (!Files.isReadable(file)) {
        throw e;
      }
      throw wrongPassphrase(file, e);
    }
    try {
      Key key = store.getKey(ALIAS, passphrase);
      if (key == null) {
        throw new KeyStoreRefusedException(
            NOT_SUPERVISOR, file, "holds no PinDesk supervisor key", null);
      }
      AsymmetricKeyParameter parameter = PrivateKeyFactory.createKey(key.getEncoded());
      if (!(parameter instanceof ECPrivateKeyParameters ec)) {
        throw new KeyStoreRefusedException(
            NOT_SUPERVISOR, file, "the supervisor key is not an SM2 key", null);
      }
      return ec;
    } catch (GeneralSecurityException e) {
      throw wrongPassphrase(file, e);
    }
  }

  private static KeyStoreRefusedException wrongPassphrase(Path file, Exception cause) {
    return new KeyStoreRefusedException(
        WRONG_PASSPHRASE, file, "wrong passphrase or damaged key store", cause);
  }
}
