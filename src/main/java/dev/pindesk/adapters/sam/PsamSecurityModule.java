package dev.pindesk.adapters.sam;

import dev.pindesk.card.ApduChannel;
import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.ResponseApdu;
import dev.pindesk.crypto.CardCipher;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production security module: a PSAM card in a second PC/SC reader, driven by a vendor {@link
 * PsamProfile}. Each operation connects (or reuses the connection), holds the PSAM exclusively for
 * SELECT → INIT FOR DESCRYPT → DESCRYPT (encipher or MAC), and releases it.
 *
 * <p>Errors: no reader, no PSAM in it, a PSAM that left or went mute, or no PC/SC service are
 * {@code SECURITY_MODULE_UNAVAILABLE} (a {@link SecurityModuleChain} then tries the next module);
 * the PSAM's own refusals are {@code SECURITY_MODULE_WRONG}, {@code _LOCKED}, {@code _KEY_MISSING}
 * or {@code _REFUSED} as the profile's status word table says. Nothing of the MAC input (it holds
 * the PIN block) is logged; command buffers are wiped after sending.
 */
public final class PsamSecurityModule implements SecurityModule {
  private static final Logger LOG = LoggerFactory.getLogger(PsamSecurityModule.class);

  /** Card-layer failures that mean "the PSAM cannot be reached", not "the PSAM said no". */
  private static final Set<CardErrorCode> UNREACHABLE =
      EnumSet.of(
          CardErrorCode.PCSC_UNAVAILABLE,
          CardErrorCode.NO_READER,
          CardErrorCode.READER_NOT_FOUND,
          CardErrorCode.NO_CARD,
          CardErrorCode.CARD_REMOVED,
          CardErrorCode.CARD_MUTE,
          CardErrorCode.READER_BUSY);

  private final CardTerminals terminals;
  private final ReaderMatch reader;
  private final PsamProfile profile;
  private CardConnection connection; // guarded by this

  /**
   * @param terminals the workstation's readers (unfiltered: the citizen's side hides the PSAM's)
   * @param reader the PSAM reader's name, exact or a unique part of it
   */
  public PsamSecurityModule(CardTerminals terminals, String reader, PsamProfile profile) {
    this.terminals = Objects.requireNonNull(terminals, "terminals");
    this.reader = new ReaderMatch(reader);
    this.profile = Objects.requireNonNull(profile, "profile");
  }

  @Override
  public String description() {
    return "PSAM (vendor profile " + profile.id() + ") in reader '" + reader.configured() + "'";
  }

  @Override
  public boolean isTraining() {
    return false;
  }

  public PsamProfile profile() {
    return profile;
  }

  /** Matches the PSAM's reader name: the citizen's reader choice must skip these. */
  public ReaderMatch readerMatch() {
    return reader;
  }

  /**
   * External authentication: INIT FOR DESCRYPT with the card's external-authentication key, then
   * the enciphering DESCRYPT over the padded challenge.
   *
   * @throws CardException {@code SECURITY_MODULE_UNSUPPORTED} when the vendor profile has no
   *     enciphering DESCRYPT, {@code SECURITY_MODULE_KEY_MISSING} when it has no such key
   */
  @Override
  public synchronized byte[] externalAuthentication(ExternalAuthRequest request)
      throws CardException {
    CardKeyAddress a = request.key();
    PsamProfile.KeySlot slot = encipheringSlot(a, "external authentication");
    byte[] random = request.authRandom();
    byte[] field;
    try {
      field = CardCipher.challengeField(random);
    } catch (IllegalArgumentException e) {
      throw new CardException(CardErrorCode.SECURITY_MODULE_REFUSED, e.getMessage());
    } finally {
      Secrets.wipe(random);
    }
    byte[] cryptogram;
    try {
      cryptogram =
          withPsam(
              session -> session.encipher(slot, a.cardIdCode(), a.keyIndex(), field.clone()),
              "external authentication");
    } finally {
      Secrets.wipe(field);
    }
    LOG.debug("PSAM cryptogram computed: profile={}, {}", profile.id(), a);
    return cryptogram;
  }

  /**
   * Secure messaging: for a PIN, the enciphering DESCRYPT over the PIN block; then the MAC chain
   * over the command header and the enciphered block, both in one exclusive transaction.
   */
  @Override
  public synchronized SecureMessage secureMessaging(SecureMessagingRequest request)
      throws CardException {
    CardKeyAddress a = request.key();
    PsamProfile.KeySlot slot =
        request.newPin().isPresent()
            ? encipheringSlot(a, "PIN block")
            : profile.key(a.purpose(), a.algorithm()).orElseThrow(() -> noKey(a));
    byte[] random = request.processRandom();
    checkChallenge(a.algorithm(), random);
    byte[] field = null;
    if (request.newPin().isPresent()) {
      Pin pin = request.newPin().get();
      byte[] bcd = pin.toBcd();
      try {
        field = CardCipher.pinField(pin.length(), bcd);
      } catch (IllegalArgumentException e) {
        throw new CardException(CardErrorCode.SECURITY_MODULE_REFUSED, e.getMessage());
      } finally {
        Secrets.wipe(bcd);
      }
    }
    byte[] pinField = field;
    byte[] header = request.header();
    SecureMessage message;
    try {
      message =
          withPsam(
              session -> {
                byte[] enciphered =
                    pinField == null
                        ? new byte[0]
                        : session.encipher(slot, a.cardIdCode(), a.keyIndex(), pinField.clone());
                byte[] macInput = new byte[header.length + enciphered.length];
                System.arraycopy(header, 0, macInput, 0, header.length);
                System.arraycopy(enciphered, 0, macInput, header.length, enciphered.length);
                try {
                  byte[] mac =
                      session.mac(
                          new MacRequest(
                              a.purpose(),
                              a.keyIndex(),
                              a.algorithm(),
                              a.cardIdCode(),
                              a.cardAtr(),
                              random,
                              macInput));
                  return new SecureMessage(enciphered, mac);
                } catch (CardException e) {
                  Secrets.wipe(enciphered);
                  throw e;
                } finally {
                  Secrets.wipe(macInput);
                }
              },
              "secure messaging");
    } finally {
      // The PIN block in plaintext: wiped whatever the PSAM answered.
      Secrets.wipe(pinField, random);
    }
    LOG.debug("PSAM secure messaging computed: profile={}, {}", profile.id(), a);
    return message;
  }

  /** One MAC chain (package-private: the PSAM tests compare it with the training module). */
  synchronized byte[] mac(MacRequest request) throws CardException {
    checkComplete(request);
    return withPsam(session -> session.mac(request), "mac");
  }

  private PsamProfile.KeySlot encipheringSlot(CardKeyAddress a, String what) throws CardException {
    if (!profile.mac().canEncipher()) {
      throw new CardException(
          CardErrorCode.SECURITY_MODULE_UNSUPPORTED,
          "PSAM profile " + profile.id() + " has no enciphering DESCRYPT (" + what + ")");
    }
    return profile.key(a.purpose(), a.algorithm()).orElseThrow(() -> noKey(a));
  }

  private CardException noKey(CardKeyAddress a) {
    return new CardException(
        CardErrorCode.SECURITY_MODULE_KEY_MISSING,
        "PSAM profile " + profile.id() + " has no key for " + a.purpose() + " " + a.algorithm());
  }

  private static void checkChallenge(CipherAlgorithm a, byte[] challenge) throws CardException {
    int c = challenge.length;
    if (c != 8 && c != a.blockSize()) {
      throw new CardException(
          CardErrorCode.SECURITY_MODULE_REFUSED, "challenge of " + c + " bytes for " + a);
    }
  }

  /**
   * Selects the PSAM application and reports what answered: for {@code sam info} and the status
   * bar's probe.
   *
   * @throws CardException as {@link #mac}
   */
  public synchronized PsamInfo probe() throws CardException {
    return withPsam(
        session -> {
          ResponseApdu selected = session.select();
          return new PsamInfo(
              profile.id(),
              profile.description(),
              profile.assumptions(),
              connection.readerName(),
              Hex.of(connection.atr()),
              Hex.of(selected.data()));
        },
        "probe");
  }

  /** Drops the connection (e.g. on shutdown); the next call connects again. */
  public synchronized void disconnect() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private interface Work<T> {
    T run(PsamSession session) throws CardException;
  }

  /**
   * Runs {@code work} in one exclusive transaction. A reused connection that fails to reach the
   * PSAM (pcscd restarted, PSAM re-inserted) is replaced once by a fresh one.
   */
  private <T> T withPsam(Work<T> work, String what) throws CardException {
    boolean reused = connection != null;
    try {
      return attempt(work);
    } catch (CardException e) {
      if (!reused || !UNREACHABLE.contains(e.code())) {
        throw mapped(e, what);
      }
      LOG.info("PSAM connection lost ({}), connecting again", e.code().wireName());
      try {
        return attempt(work);
      } catch (CardException again) {
        throw mapped(again, what);
      }
    }
  }

  private <T> T attempt(Work<T> work) throws CardException {
    if (connection == null) {
      String name = reader.choose(terminals.readers());
      connection = terminals.connect(name);
    }
    CardConnection c = connection;
    boolean ok = false;
    try {
      c.beginExclusive();
      try {
        T result = work.run(new PsamSession(new ApduChannel(c, ApduTracer.NONE), profile));
        ok = true;
        return result;
      } finally {
        c.endExclusive();
      }
    } finally {
      if (!ok) {
        // A failed exchange may leave the PSAM in the middle of a MAC chain: start clean next time.
        disconnect();
      }
    }
  }

  private CardException mapped(CardException e, String what) {
    if (UNREACHABLE.contains(e.code())) {
      return new CardException(
          CardErrorCode.SECURITY_MODULE_UNAVAILABLE,
          "PSAM in reader '"
              + reader.configured()
              + "' not reachable ("
              + what
              + "): "
              + e.getMessage(),
          e);
    }
    if (e.code() == CardErrorCode.MALFORMED_RESPONSE) {
      return new CardException(
          CardErrorCode.SECURITY_MODULE_WRONG,
          "PSAM answer does not fit the profile: " + e.getMessage(),
          e);
    }
    return e;
  }

  private static void checkComplete(MacRequest request) throws CardException {
    if (request == null
        || request.purpose() == null
        || request.algorithm() == null
        || request.cardIdCode() == null
        || request.challenge() == null
        || request.macInput() == null) {
      throw new CardException(CardErrorCode.SECURITY_MODULE_REFUSED, "incomplete MAC request");
    }
    checkChallenge(request.algorithm(), request.challenge());
  }
}
