package dev.pindesk.domain.id;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity document checked at the counter: its number and expiry ({@code null} expiry =
 * long-term document). Checked visually by the clerk or read by a certified ID reader.
 */
public record IdDocument(CitizenId id, LocalDate expiry) {

  public IdDocument {
    Objects.requireNonNull(id, "id");
  }

  public Optional<LocalDate> expiryDate() {
    return Optional.ofNullable(expiry);
  }

  /** Expired when today is after the expiry date; long-term documents never expire. */
  public boolean isExpired(LocalDate today) {
    return expiry != null && today.isAfter(expiry);
  }

  @Override
  public String toString() {
    return "IdDocument["
        + id.masked()
        + ", expiry "
        + (expiry == null ? "long-term" : expiry)
        + "]";
  }
}
