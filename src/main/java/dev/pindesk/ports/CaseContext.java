package dev.pindesk.ports;

import java.util.Objects;
import java.util.Optional;

/**
 * What a province's card-management service receives with each call besides the key (national
 * read/write interface, HSM path): the holder's region ({@code aab301}), social security number
 * ({@code aac002}) and name ({@code aac003}), the counter's terminal code ({@code zdbm}) and the
 * business type (02 = PIN reset). A PSAM and the training module ignore it; a service client sends
 * what is present and leaves out what is absent.
 *
 * <p>Personal data: {@link #toString()} says only which parts are present.
 *
 * @param region the issuing region (6 digits), when known
 * @param ssn the social security number, when the holder file was read
 * @param name the holder's name, when the holder file was read
 * @param terminalCode the counter's terminal code; usually filled by the service client itself
 * @param businessType the national interface's business type, when the caller knows it
 */
public record CaseContext(
    Optional<String> region,
    Optional<String> ssn,
    Optional<String> name,
    Optional<String> terminalCode,
    Optional<String> businessType) {

  /** Nothing known: every part absent. */
  public static final CaseContext NONE =
      new CaseContext(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public CaseContext {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(ssn, "ssn");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(terminalCode, "terminalCode");
    Objects.requireNonNull(businessType, "businessType");
  }

  /** The holder's region, SSN and name, nothing else. */
  public static CaseContext holder(String region, String ssn, String name) {
    return new CaseContext(
        Optional.ofNullable(region),
        Optional.ofNullable(ssn),
        Optional.ofNullable(name),
        Optional.empty(),
        Optional.empty());
  }

  /** This context with {@code code} as the terminal code unless one is set already. */
  public CaseContext withDefaultTerminalCode(String code) {
    return terminalCode.isPresent()
        ? this
        : new CaseContext(region, ssn, name, Optional.ofNullable(code), businessType);
  }

  /** Which parts are present; never their values. */
  @Override
  public String toString() {
    return "CaseContext[region "
        + region.isPresent()
        + ", ssn "
        + ssn.isPresent()
        + ", name "
        + name.isPresent()
        + ", terminal "
        + terminalCode.isPresent()
        + ", business type "
        + businessType.orElse("-")
        + "]";
  }
}
