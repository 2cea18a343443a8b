package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.gm.Sm2;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** SM2 keys as PEM: public keys as X.509 {@code PUBLIC KEY}, private keys as PKCS#8. */
final class Pem {
  private Pem() {}

  static String publicKey(ECPublicKeyParameters key) throws IOException {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key);
    return write(new PemObject("PUBLIC KEY", info.getEncoded()));
  }

  static String privateKey(ECPrivateKeyParameters key) throws IOException {
    PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(key);
    return write(new PemObject("PRIVATE KEY", info.getEncoded()));
  }

  /**
   * @throws IOException when the file is missing or holds no SM2 public key
   */
  static ECPublicKeyParameters readPublicKey(Path file) throws IOException {
    AsymmetricKeyParameter key = PublicKeyFactory.createKey(read(file, "PUBLIC KEY"));
    if (!(key instanceof ECPublicKeyParameters ec) || !isSm2(ec)) {
      throw new IOException(file + ": not an SM2 public key");
    }
    return ec;
  }

  static ECPrivateKeyParameters readPrivateKey(Path file) throws IOException {
    AsymmetricKeyParameter key = PrivateKeyFactory.createKey(read(file, "PRIVATE KEY"));
    if (!(key instanceof ECPrivateKeyParameters ec)) {
      throw new IOException(file + ": not an SM2 private key");
    }
    return ec;
  }

  static boolean isSm2(ECPublicKeyParameters key) {
    return key.getParameters().getCurve().equals(Sm2.DOMAIN.getCurve());
  }

  private static byte[] read(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    try (PemReader reader = new PemReader(new StringReader(text))) {
      PemObject object = reader.readPemObject();
      if (object == null || !type.equals(object.getType())) {
        throw new IOException(file + ": no PEM " + type);
      }
      return object.getContent();
    }
  }

  private static String write(PemObject object) throws IOException {
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
