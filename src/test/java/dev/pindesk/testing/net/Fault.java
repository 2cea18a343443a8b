package dev.pindesk.testing.net;

/**
 * What the {@link FaultProxy} does to one TCP connection.
 *
 * @param kind the fault
 * @param bytes for the cuts: how many bytes pass in that direction before both sides are closed
 * @param delayMillis for {@link Kind#DELAY}: how long the first bytes are held
 */
public record Fault(Kind kind, long bytes, long delayMillis) {
  public enum Kind {
    /** Pass everything. */
    PASS,
    /** Accept, then close at once: the client sees a reset or an empty answer. */
    DROP,
    /** Pass {@code bytes} of the request, then cut both sides: the server gets half a request. */
    CUT_REQUEST,
    /**
     * Pass the whole request, and {@code bytes} of the response, then cut: the server did the work,
     * the client never learns it (the case retries must survive without duplicating).
     */
    CUT_RESPONSE,
    /**
     * Hold the first bytes of each direction for {@code delayMillis}, then pass; when {@code bytes}
     * is positive the response is cut after that many bytes (so a slow connection does not live
     * forever).
     */
    DELAY,
    /** Accept and never answer: the client's timeout must fire. */
    BLACKHOLE,
    /**
     * Plain HTTP only: pass the request, but answer the client with a 500 instead of the server's
     * response (the server did the work; the client thinks it failed).
     */
    SERVER_ERROR,
    /**
     * Plain HTTP only: pass everything, and afterwards deliver the same request bytes a second time
     * on a new connection (a duplicated delivery; its answer is discarded).
     */
    DUPLICATE
  }

  public static final Fault PASS = new Fault(Kind.PASS, 0, 0);

  public static Fault drop() {
    return new Fault(Kind.DROP, 0, 0);
  }

  public static Fault cutRequest(long afterBytes) {
    return new Fault(Kind.CUT_REQUEST, afterBytes, 0);
  }

  public static Fault cutResponse(long afterBytes) {
    return new Fault(Kind.CUT_RESPONSE, afterBytes, 0);
  }

  public static Fault delay(long millis) {
    return new Fault(Kind.DELAY, 0, millis);
  }

  public static Fault delayThenCut(long millis, long responseBytes) {
    return new Fault(Kind.DELAY, responseBytes, millis);
  }

  public static Fault serverError() {
    return new Fault(Kind.SERVER_ERROR, 0, 0);
  }

  public static Fault duplicate() {
    return new Fault(Kind.DUPLICATE, 0, 0);
  }

  public static Fault blackhole() {
    return new Fault(Kind.BLACKHOLE, 0, 0);
  }
}
