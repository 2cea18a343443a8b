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
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

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
   * The security module {@code config} chose: the training keys, or the PSAM in the reader the
   * config resolved.
   *
   * @throws ConfigRefusedException when the PSAM profile cannot be used
   */
  static SamSetup of(CardTerminals terminals, CounterConfig config) {
    if (!config.securityModule().psam()) {
      return new SamSetup(new TrainingSecurityModule(), Optional.empty());
    }
    return psam(terminals, config);
  }

  /**
   * The PSAM in the config's reader, driven by the vendor profile {@code pindesk.sam.profile} (the
   * production counter's only security module).
   *
   * @throws ConfigRefusedException when the profile is unknown, unreadable or invalid
   */
  static SamSetup psam(CardTerminals terminals, CounterConfig config) {
    CounterConfig.SamChoice choice = config.securityModule();
    PsamProfile profile;
    try {
      profile = PsamProfiles.resolve(choice.psamProfile());
    } catch (IOException | IllegalArgumentException e) {
      LoggerFactory.getLogger(SamSetup.class)
          .error("PSAM profile {} cannot be used: {}", choice.psamProfile(), e.getMessage());
      throw config.refusal("sam.profile", "config.fix.sam.profile");
    }
    PsamSecurityModule psam =
        new PsamSecurityModule(terminals, choice.psamReader().orElseThrow(), profile);
    return new SamSetup(new SecurityModuleChain(List.of(psam)), Optional.of(psam));
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
