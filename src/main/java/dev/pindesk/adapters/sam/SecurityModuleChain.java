package dev.pindesk.adapters.sam;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security modules in order of preference — the PSAM first, then an encryption machine (HSM) over
 * the network (docs/card-commands.md). By default the next module is tried only when one is {@code
 * SECURITY_MODULE_UNAVAILABLE}: a module that answered and said no (locked, wrong, refused, key
 * missing) is an answer the clerk must see, not something to paper over with another key holder. A
 * chain built with {@link #HSM_PATH} also hands on a key or algorithm the module lacks, as the
 * national interface sends a counter to the card-management service when the PSAM lacks them (ADR
 * 0029).
 */
public final class SecurityModuleChain implements SecurityModule {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityModuleChain.class);

  /** Unavailable only: the default. */
  public static final Set<CardErrorCode> UNAVAILABLE_ONLY =
      Set.of(CardErrorCode.SECURITY_MODULE_UNAVAILABLE);

  /**
   * Unavailable, or lacking the card's key or algorithm (the driver codes -2201, -2202, -2203,
   * -27272 that send a counter to the HSM path): the card-management service after a PSAM.
   */
  public static final Set<CardErrorCode> HSM_PATH =
      Set.of(
          CardErrorCode.SECURITY_MODULE_UNAVAILABLE,
          CardErrorCode.SECURITY_MODULE_KEY_MISSING,
          CardErrorCode.SECURITY_MODULE_UNSUPPORTED,
          CardErrorCode.ALGORITHM_UNSUPPORTED);

  private final List<SecurityModule> modules;
  private final Set<CardErrorCode> handOn;

  public SecurityModuleChain(List<SecurityModule> modules) {
    this(modules, UNAVAILABLE_ONLY);
  }

  /**
   * @param handOn the failures after which the next module is asked ({@link #UNAVAILABLE_ONLY} or
   *     {@link #HSM_PATH})
   */
  public SecurityModuleChain(List<SecurityModule> modules, Set<CardErrorCode> handOn) {
    if (modules.isEmpty()) {
      throw new IllegalArgumentException("a security module chain needs at least one module");
    }
    this.modules = List.copyOf(modules);
    this.handOn = Set.copyOf(handOn);
  }

  @Override
  public String description() {
    return modules.stream().map(SecurityModule::description).collect(Collectors.joining(", then "));
  }

  /** Training only when every module is: one production module makes the chain production. */
  @Override
  public boolean isTraining() {
    return modules.stream().allMatch(SecurityModule::isTraining);
  }

  @Override
  public byte[] externalAuthentication(ExternalAuthRequest request) throws CardException {
    return firstAvailable(m -> m.externalAuthentication(request));
  }

  @Override
  public SecureMessage secureMessaging(SecureMessagingRequest request) throws CardException {
    return firstAvailable(m -> m.secureMessaging(request));
  }

  private interface Operation<T> {
    T on(SecurityModule module) throws CardException;
  }

  private <T> T firstAvailable(Operation<T> operation) throws CardException {
    CardException first = null;
    for (SecurityModule module : modules) {
      try {
        return operation.on(module);
      } catch (CardException e) {
        if (!handOn.contains(e.code())) {
          throw e;
        }
        LOG.warn(
            "{} cannot serve this card, trying the next security module: {}",
            module.description(),
            e.getMessage());
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    throw first;
  }
}
