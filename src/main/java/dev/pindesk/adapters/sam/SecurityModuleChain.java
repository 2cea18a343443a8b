package dev.pindesk.adapters.sam;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security modules in order of preference — the PSAM first, then an encryption machine (HSM) over
 * the network (docs/card-commands.md). The next module is tried only when one is {@code
 * SECURITY_MODULE_UNAVAILABLE}: a module that answered and said no (locked, wrong, refused, key
 * missing) is an answer the clerk must see, not something to paper over with another key holder.
 */
public final class SecurityModuleChain implements SecurityModule {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityModuleChain.class);

  private final List<SecurityModule> modules;

  public SecurityModuleChain(List<SecurityModule> modules) {
    if (modules.isEmpty()) {
      throw new IllegalArgumentException("a security module chain needs at least one module");
    }
    this.modules = List.copyOf(modules);
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
    CardException unavailable = null;
    for (SecurityModule module : modules) {
      try {
        return operation.on(module);
      } catch (CardException e) {
        if (e.code() != CardErrorCode.SECURITY_MODULE_UNAVAILABLE) {
          throw e;
        }
        LOG.warn(
            "{} unavailable, trying the next security module: {}",
            module.description(),
            e.getMessage());
        if (unavailable == null) {
          unavailable = e;
        } else {
          unavailable.addSuppressed(e);
        }
      }
    }
    throw unavailable;
  }
}
