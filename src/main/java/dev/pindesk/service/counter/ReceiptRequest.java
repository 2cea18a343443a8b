package dev.pindesk.service.counter;

import java.util.Locale;
import java.util.Objects;

/**
 * A receipt of the case at hand.
 *
 * @param locale the language it is printed in
 * @param operator the signed-in clerk's id
 */
public record ReceiptRequest(Locale locale, String operator) {
  public ReceiptRequest {
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(operator, "operator");
  }
}
