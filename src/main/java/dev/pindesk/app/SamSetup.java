package dev.pindesk.app;

import dev.pindesk.adapters.sam.PsamProfile;
import dev.pindesk.adapters.sam.PsamProfiles;
import dev.pindesk.adapters.sam.PsamSecurityModule;
import dev.pindesk.adapters.sam.SecurityModuleChain;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.SecurityModule;
import dev.pindesk.service.SecurityModuleFeed;
import dev.pindesk.service.SecurityModuleStatus;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The security module the settings ask for: {@code pindesk.sam} = {@code training} (default, the
 * public training keys) or {@code psam} (a PSAM card in the reader {@code pindesk.sam.reader},
 * driven by the vendor profile {@code pindesk.sam.profile}: a built-in id or a JSON file, default
 * {@value PsamProfiles#DEFAULT_ID}). The PSAM sits in a {@link SecurityModuleChain} so an
 * encryption machine can follow it once PinDesk has a client for one.
 *
 * @param module what the reset cases use
 * @param psam the PSAM module, when one is configured
 */
record SamSetup(SecurityModule module, Optional<PsamSecurityModule> psam) {

  /**
   * From the settings; {@code readerOverride} (a command-line option) wins over {@code
   * pindesk.sam.reader} and implies {@code psam}; {@code defaultReader} applies when neither names
   * one (the in-process training PSAM).
   *
   * @throws IllegalArgumentException for an unknown {@code pindesk.sam}, a PSAM without a reader or
   *     an invalid profile (the message says which setting to fix)
   * @throws IOException when a profile file cannot be read
   */
  static SamSetup fromSettings(
      CardTerminals terminals, Optional<String> readerOverride, Optional<String> defaultReader)
      throws IOException {
    String kind = kind(readerOverride);
    switch (kind) {
      case "training" -> {
        return new SamSetup(new TrainingSecurityModule(), Optional.empty());
      }
      case "psam" -> {
        String reader =
            readerOverride
                .or(() -> Settings.get("sam.reader"))
                .or(() -> defaultReader)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "pindesk.sam=psam needs pindesk.sam.reader (the PSAM reader's name or"
                                + " a unique part of it; see the readers command)"));
        return psam(terminals, reader, Settings::get);
      }
      default ->
          throw new IllegalArgumentException(
              "pindesk.sam must be training or psam, not '" + kind + "'");
    }
  }

  /**
   * The PSAM in {@code reader}, driven by the vendor profile {@code pindesk.sam.profile} of {@code
   * settings} (the production counter's only security module).
   *
   * @throws IllegalArgumentException for an invalid profile
   * @throws IOException when a profile file cannot be read
   */
  static SamSetup psam(
      CardTerminals terminals, String reader, Function<String, Optional<String>> settings)
      throws IOException {
    PsamProfile profile =
        PsamProfiles.resolve(settings.apply("sam.profile").orElse(PsamProfiles.DEFAULT_ID));
    PsamSecurityModule psam = new PsamSecurityModule(terminals, reader, profile);
    return new SamSetup(new SecurityModuleChain(List.of(psam)), Optional.of(psam));
  }

  /**
   * The PSAM reader setting when a PSAM is configured (cheap: no profile is loaded), so the
   * citizen's side can hide that reader from the start.
   */
  static Optional<String> psamReader(
      Optional<String> readerOverride, Optional<String> defaultReader) {
    if (!kind(readerOverride).equals("psam")) {
      return Optional.empty();
    }
    return readerOverride
        .or(() -> Settings.get("sam.reader"))
        .or(() -> defaultReader)
        .filter(r -> !r.isBlank());
  }

  private static String kind(Optional<String> readerOverride) {
    return readerOverride.isPresent()
        ? "psam"
        : Settings.get("sam").orElse("training").trim().toLowerCase(Locale.ROOT);
  }

  /** True for the reader names the citizen's card must never be looked for in. */
  Predicate<String> securityModuleReaders() {
    return psam.<Predicate<String>>map(p -> p.readerMatch()::matches).orElse(name -> false);
  }

  /** The status bar's feed: probed for a PSAM, fixed otherwise. */
  SecurityModuleFeed feed() {
    if (psam.isPresent()) {
      return new PsamStatusMonitor(psam.get());
    }
    return SecurityModuleFeed.fixed(
        SecurityModuleStatus.ok(
            module.isTraining() ? "status.sm.training" : "status.sm.ready", module.description()));
  }
}
