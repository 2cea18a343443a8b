package dev.pindesk.testing;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.pin.PinContext;
import dev.pindesk.domain.pin.PinPolicy;
import dev.pindesk.ports.NationalCardData;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.SecurityModule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A certified reader for unit tests: answers {@code iReadCardBas} with the training card's data (or
 * another card's), records which calls the counter made, and fails a call with the code a test
 * scripts — as a vendor library reports keypad time-outs, wrong PINs or a hung device. The real
 * library's behaviour is proven by the integration tests over the C stand-in.
 */
public final class ScriptedNationalReader implements NationalReader {
  /** The calls of the national interface. */
  public enum Call {
    READ,
    VERIFY,
    CHANGE,
    RELOAD,
    UNBLOCK
  }

  /** The training card GEN3_SM4 as {@code iReadCardBas} gives it. */
  public static final NationalCardData TRAINING_CARD = card("K31000001", "110101198604120243");

  private final Map<Call, List<CardErrorCode>> failures = new EnumMap<>(Call.class);
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile NationalCardData card = TRAINING_CARD;
  private final Map<Call, java.util.concurrent.CountDownLatch> holds =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean closed;

  /** The training card's data with another card number and SSN. */
  public static NationalCardData card(String cardNumber, String ssn) {
    return new NationalCardData(
        "110100",
        ssn,
        cardNumber,
        "110100D1560000050349B1A7C2E5F018",
        "李秀英",
        "PDTRAIN-3".getBytes(StandardCharsets.US_ASCII),
        "3.00",
        LocalDate.of(2021, 6, 18),
        LocalDate.of(2031, 6, 18),
        "",
        "");
  }

  /** From now on the reader holds {@code data}'s card. */
  public void insert(NationalCardData data) {
    card = data;
  }

  /** The next {@code call} fails with {@code code} (each scripted failure is used once). */
  public ScriptedNationalReader failNext(Call call, CardErrorCode code) {
    failures.computeIfAbsent(call, c -> new ArrayList<>()).add(code);
    return this;
  }

  /**
   * The next {@code call} waits (as a keypad waits for the citizen) until the returned action runs,
   * at most 30 s.
   */
  public Runnable holdNext(Call call) {
    java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
    holds.put(call, latch);
    return latch::countDown;
  }

  /** The calls made so far, in order. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public boolean isClosed() {
    return closed;
  }

  private void call(Call call) throws CardException {
    calls.add(call);
    java.util.concurrent.CountDownLatch hold = holds.remove(call);
    if (hold != null) {
      try {
        hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CardException(CardErrorCode.DEVICE_NOT_RESPONDING, "interrupted", e);
      }
    }
    List<CardErrorCode> scripted = failures.getOrDefault(call, List.of());
    Optional<CardErrorCode> code;
    synchronized (failures) {
      code = scripted.isEmpty() ? Optional.empty() : Optional.of(scripted.remove(0));
    }
    if (code.isPresent()) {
      throw new CardException(code.get(), "scripted " + call + " failure");
    }
  }

  @Override
  public NationalCardData readCard() throws CardException {
    call(Call.READ);
    return card;
  }

  @Override
  public void verifyPin() throws CardException {
    call(Call.VERIFY);
  }

  @Override
  public void changePin() throws CardException {
    call(Call.CHANGE);
  }

  @Override
  public void reloadPin(
      NationalCardData card, SecurityModule module, PinPolicy policy, PinContext context)
      throws CardException {
    call(Call.RELOAD);
  }

  @Override
  public void unblockPin(NationalCardData card, SecurityModule module) throws CardException {
    call(Call.UNBLOCK);
  }

  @Override
  public void close() {
    closed = true;
  }
}
