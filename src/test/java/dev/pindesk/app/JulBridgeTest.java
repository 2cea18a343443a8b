package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** java.util.logging records (JavaFX's warnings among them) reach Logback, hence the log file. */
class JulBridgeTest {

  @Test
  void aJavaUtilLoggingWarningReachesLogback() throws Exception {
    Logger logback = (Logger) LoggerFactory.getLogger("javafx.test-bridge");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logback.addAppender(appender);
    try {
      JulBridge.install();
      JulBridge.install(); // idempotent: one record, not two

      java.util.logging.Logger.getLogger("javafx.test-bridge")
          .warning("Unsupported JavaFX configuration (test record)");
      // handed over on the bridge's own thread
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (appender.list.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(100); // a second copy, if there were one, would be here by now
    } finally {
      logback.detachAppender(appender);
      JulBridge.uninstall();
    }

    assertThat(appender.list)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.WARN);
              assertThat(e.getFormattedMessage()).contains("Unsupported JavaFX configuration");
            });
  }

  @Test
  void theRecordIsHandedToLogbackOffTheLoggingThread() throws Exception {
    Logger logback = (Logger) LoggerFactory.getLogger("javafx.test-thread");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logback.addAppender(appender);
    try {
      JulBridge.install();
      java.util.logging.Logger.getLogger("javafx.test-thread").warning("from the toolkit");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (appender.list.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      logback.detachAppender(appender);
      JulBridge.uninstall();
    }

    assertThat(appender.list)
        .singleElement()
        .extracting(ILoggingEvent::getThreadName)
        .isEqualTo("pindesk-jul");
  }
}
