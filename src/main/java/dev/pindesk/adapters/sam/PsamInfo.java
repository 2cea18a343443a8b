package dev.pindesk.adapters.sam;

import java.util.List;

/**
 * What {@code sam info} and the status bar learn from selecting the PSAM application (nothing
 * secret: no key, no MAC).
 *
 * @param profileId the vendor profile
 * @param profileDescription what the profile is for
 * @param assumptions what the profile has not confirmed against a vendor manual
 * @param reader the reader the PSAM sits in
 * @param atr the PSAM's answer to reset, hex
 * @param selectAnswer the application's answer to SELECT (FCI), hex, possibly empty
 */
public record PsamInfo(
    String profileId,
    String profileDescription,
    List<String> assumptions,
    String reader,
    String atr,
    String selectAnswer) {

  public PsamInfo {
    assumptions = List.copyOf(assumptions);
  }
}
