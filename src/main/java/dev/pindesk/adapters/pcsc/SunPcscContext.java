package dev.pindesk.adapters.pcsc;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Re-establishes SunPCSC's PC/SC context after pcscd restarted.
 *
 * <p>SunPCSC keeps one {@code SCARDCONTEXT} in a static field of {@code
 * sun.security.smartcardio.PCSCTerminals} for the whole process; once pcscd restarts, every call
 * fails with {@code SCARD_E_NO_SERVICE} forever and a new {@code TerminalFactory} does not help.
 * This class — the only place PinDesk reaches into JDK internals — clears that context and the
 * cached terminals so the next call establishes a fresh one. It needs {@code --add-opens
 * java.smartcardio/sun.security.smartcardio=ALL-UNNAMED} (set in the jar manifest, the Maven
 * plugins and the installer). See ADR 0002.
 */
final class SunPcscContext {
  private static final String CLASS = "sun.security.smartcardio.PCSCTerminals";

  private SunPcscContext() {}

  /**
   * Drops the current context and establishes a new one.
   *
   * @throws ReflectiveOperationException when the JDK's internals are not accessible (missing
   *     {@code --add-opens}) or have changed
   * @throws Exception whatever SunPCSC throws when pcscd is still down
   */
  static synchronized void reset() throws Exception {
    Class<?> terminals = Class.forName(CLASS);
    Field context = terminals.getDeclaredField("contextId");
    context.setAccessible(true);
    Field cache = terminals.getDeclaredField("terminals");
    cache.setAccessible(true);
    Method init = terminals.getDeclaredMethod("initContext");
    init.setAccessible(true);
    synchronized (terminals) {
      context.setLong(null, 0L);
      ((Map<?, ?>) cache.get(null)).clear();
      try {
        init.invoke(null);
      } catch (java.lang.reflect.InvocationTargetException e) {
        if (e.getCause() instanceof Exception cause) {
          throw cause;
        }
        throw e;
      }
    }
  }

  /** True when the reset can work in this JVM (the package is opened to PinDesk). */
  static boolean available() {
    try {
      Class<?> terminals = Class.forName(CLASS);
      terminals.getDeclaredField("contextId").setAccessible(true);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
