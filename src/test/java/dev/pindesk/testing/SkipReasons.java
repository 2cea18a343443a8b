package dev.pindesk.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * Prints every skipped test, or test class skipped as a whole, with its reason in the build output:
 * Surefire's console counts skips but keeps their reasons in {@code target/*-reports}, and a test
 * that skips for want of pcscd, PostgreSQL, Pango or a display must say so where the developer
 * looks. Writes to the test JVM's own standard error, which Surefire copies to the console (the
 * tests' {@code System.out} and {@code System.err} go to report files). Registered for every test
 * class through {@code junit-platform.properties} (extension auto-detection).
 */
public final class SkipReasons implements TestWatcher, LifecycleMethodExecutionExceptionHandler {
  private static final PrintStream CONSOLE =
      new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    print(name(context), String.valueOf(cause.getMessage()));
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    print(name(context), reason.orElse("disabled"));
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    if (t instanceof TestAbortedException) {
      print(name(context) + " (all its tests)", String.valueOf(t.getMessage()));
    }
    throw t;
  }

  private static void print(String what, String reason) {
    CONSOLE.println("[skipped] " + what + ": " + reason);
  }

  private static String name(ExtensionContext context) {
    String className = context.getRequiredTestClass().getSimpleName();
    return context.getTestMethod().map(m -> className + "." + m.getName()).orElse(className);
  }
}
