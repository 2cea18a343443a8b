package dev.pindesk.card;

/**
 * Observes every APDU exchanged (after transport handling, including GET RESPONSE and resends).
 * Sensitive commands reach it with their data already masked by {@link CommandApdu#toString()}.
 */
@FunctionalInterface
public interface ApduTracer {
  ApduTracer NONE = (command, response, nanos) -> {};

  void exchanged(CommandApdu command, ResponseApdu response, long nanos);
}
