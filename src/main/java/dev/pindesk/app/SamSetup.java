package dev.pindesk.app;

import dev.pindesk.adapters.cardservice.CardServiceClient;
import dev.pindesk.adapters.cardservice.ClientCredentials;
import dev.pindesk.adapters.cardservice.ServicePin;
import dev.pindesk.adapters.cardservice.WireProfile;
import dev.pindesk.adapters.sam.PsamProfile;
import dev.pindesk.adapters.sam.PsamProfiles;
import dev.pindesk.adapters.sam.PsamSecurityModule;
import dev.pindesk.adapters.sam.ReaderPsamOnly;
import dev.pindesk.adapters.sam.SecurityModuleChain;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.SecurityModule;
import dev.pindesk.service.SecurityModuleFeed;
import dev.pindesk.service.SecurityModuleStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * The security module the settings ask for: {@code pindesk.sam} = {@code training} (default, the
 * public training keys), {@code psam} (a PSAM card in the reader {@code pindesk.sam.reader}, driven
 * by the vendor profile {@code pindesk.sam.profile}: a built-in id or a JSON file, default {@value
 * PsamProfiles#DEFAULT_ID}) or {@code card-service} (the province's card-management service over
 * HTTPS, {@code pindesk.cardservice.*}, ADR 0029). The PSAM sits in a {@link SecurityModuleChain};
 * a card-management service configured beside it follows it, used when the PSAM is unavailable or
 * lacks the card's key or algorithm.
 *
 * @param module what the reset cases use
 * @param psam the PSAM module, when one is configured
 * @param cardService the card-management service, when one is configured
 */
record SamSetup(
    SecurityModule module,
    Optional<PsamSecurityModule> psam,
    Optional<CardServiceClient> cardService) {

  /** Without a card-management service. */
  SamSetup(SecurityModule module, Optional<PsamSecurityModule> psam) {
    this(module, psam, Optional.empty());
  }

  /**
   * The security module {@code config} chose: the training keys, the PSAM in the reader the config
   * resolved (with the card-management service after it when one is set), or the service alone.
   *
   * @throws ConfigRefusedException when the PSAM profile cannot be used
   */
  static SamSetup of(CardTerminals terminals, CounterConfig config) {
    if (config.securityModule().psam() || config.securityModule().cardService().isPresent()) {
      return psam(terminals, config);
    }
    return new SamSetup(new TrainingSecurityModule(), Optional.empty());
  }

  /**
   * The production counter's security modules: the PSAM in the config's reader, driven by the
   * vendor profile {@code pindesk.sam.profile}, then the card-management service when one is
   * configured; or the card-management service alone ({@code pindesk.sam=card-service}).
   *
   * @throws ConfigRefusedException when the profile is unknown, unreadable or invalid, or a
   *     card-management service file (pin, credentials, wire profile) cannot be used
   */
  static SamSetup psam(CardTerminals terminals, CounterConfig config) {
    SamChoice choice = config.securityModule();
    Optional<CardServiceClient> service = choice.cardService().map(c -> cardService(c, config));
    if (choice.inCertifiedReader()) {
      // The library uses the reader's PSAM itself; what it cannot do goes to the service, if any.
      return new SamSetup(
          service.<SecurityModule>map(x -> x).orElseGet(ReaderPsamOnly::new),
          Optional.empty(),
          service);
    }
    if (!choice.psam()) {
      return new SamSetup(
          new SecurityModuleChain(List.of(service.orElseThrow())), Optional.empty(), service);
    }
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
    List<SecurityModule> modules = new ArrayList<>();
    modules.add(psam);
    service.ifPresent(modules::add);
    // With a card-management service behind it, a key or algorithm the PSAM lacks goes to the
    // service, as the national interface's HSM path does (ADR 0029).
    return new SamSetup(
        new SecurityModuleChain(
            modules,
            service.isPresent()
                ? SecurityModuleChain.HSM_PATH
                : SecurityModuleChain.UNAVAILABLE_ONLY),
        Optional.of(psam),
        service);
  }

  /**
   * The card-management service client {@code choice} describes; its files are read here.
   *
   * @throws ConfigRefusedException naming the setting whose file cannot be used
   */
  static CardServiceClient cardService(CardServiceChoice choice, CounterConfig config) {
    ServicePin pin;
    try {
      pin = ServicePin.parse(choice.pin());
    } catch (IOException | IllegalArgumentException e) {
      log("pindesk.cardservice.pin", e);
      throw config.refusal("cardservice.pin", "config.fix.cardservice.pin");
    }
    ClientCredentials credentials;
    try {
      credentials = ClientCredentials.load(choice.credentials());
    } catch (IOException | IllegalArgumentException e) {
      log("pindesk.cardservice.credentials", e);
      throw config.refusal("cardservice.credentials", "config.fix.cardservice.credentials");
    }
    WireProfile profile;
    try {
      profile = WireProfile.resolve(choice.profile());
    } catch (IOException | IllegalArgumentException e) {
      log("pindesk.cardservice.profile", e);
      throw config.refusal("cardservice.profile", "config.fix.cardservice.profile");
    }
    return new CardServiceClient(
        new CardServiceClient.Config(
            choice.url(),
            pin,
            credentials,
            profile,
            Optional.of(choice.terminalCode()),
            CardServiceClient.Config.DEFAULT_CONNECT_TIMEOUT,
            choice.timeout(),
            !config.production()));
  }

  private static void log(String setting, Exception e) {
    // The message names the file and what is wrong; never a secret (the credentials' loader
    // reports only which line is invalid).
    LoggerFactory.getLogger(SamSetup.class).error("{} cannot be used: {}", setting, e.getMessage());
  }

  /** True for the reader names the citizen's card must never be looked for in. */
  Predicate<String> securityModuleReaders() {
    return psam.<Predicate<String>>map(p -> p.readerMatch()::matches).orElse(name -> false);
  }

  /** The status bar's feed: probed for a PSAM or a card-management service, fixed otherwise. */
  SecurityModuleFeed feed() {
    if (psam.isPresent()) {
      return PsamStatusMonitor.feed(psam.get());
    }
    if (cardService.isPresent()) {
      return CardServiceStatusMonitor.feed(cardService.get());
    }
    String key =
        module.isTraining()
            ? "status.sm.training"
            : module instanceof ReaderPsamOnly ? "status.sm.reader" : "status.sm.ready";
    return SecurityModuleFeed.fixed(SecurityModuleStatus.ok(key, module.description()));
  }
}
