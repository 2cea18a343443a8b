package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** java.util.logging records (JavaFX's warnings among them) reach Logback, hence the log file. */
class JulBridgeTest {

  @Test
  void aJavaUtilLoggingWarningReachesLogback() {
    Logger logback = (Logger) LoggerFactory.getLogger("javafx.test-bridge");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logback.addAppender(appender);
    boolean wasInstalled = SLF4JBridgeHandler.isInstalled();
    try {
      JulBridge.install();
      JulBridge.install(); // idempotent: one record, not two

      java.util.logging.Logger.getLogger("javafx.test-bridge")
          .warning("Unsupported JavaFX configuration (test record)");
    } finally {
      logback.detachAppender(appender);
      if (!wasInstalled) {
        SLF4JBridgeHandler.uninstall();
      }
    }

    assertThat(appender.list)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.WARN);
              assertThat(e.getFormattedMessage()).contains("Unsupported JavaFX configuration");
            });
  }
}
