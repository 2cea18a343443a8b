package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.adapters.sam.ReaderMatch;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.CitizenReaders;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.service.signin.TrainingOperators;
import dev.pindesk.ui.common.CounterRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production counter opens only from what {@code keys init} and {@code operators add} made,
 * with a PSAM, and journals real cases; whatever is missing it refuses to start with a translated
 * reason naming the command or setting that supplies it, before creating anything.
 */
class ProductionCounterTest {
  private static final String CITIZEN_READER = "Citizen Reader";
  private static final String PSAM_READER = "Counter PSAM";
  private static final String PASSWORD = "correct-horse";
  private static final Messages EN = Messages.of(Locale.ENGLISH);

  @TempDir Path home;
  private final Map<String, String> settings = new HashMap<>();
  private final InProcessCardTerminals readers =
      new InProcessCardTerminals(CITIZEN_READER, PSAM_READER);
  private final List<CounterRuntime> opened = new java.util.ArrayList<>();

  @BeforeEach
  void aConfiguredWorkstation() {
    settings.put("mode", "production");
    settings.put("home", home.toString());
    settings.put("workstation", "WS-PROD-01");
    settings.put("sam", "psam");
    settings.put("sam.reader", PSAM_READER);
    readers.insert(PSAM_READER, VirtualPsam.training());
  }

  @AfterEach
  void closeCounters() {
    opened.forEach(CounterRuntime::close);
  }

  @Test
  void opensWithKeysOperatorsAndPsamAndJournalsRealCases() throws Exception {
    initKeys();
    addOperator("clerk1");

    CounterSession counter = open();

    assertThat(signIn(counter, "clerk1", PASSWORD).succeeded()).isTrue();
    Path journal = home.resolve("journal.db");
    assertThat(journal).exists();
    assertThat(JournalVerifier.verify(journal, Optional.empty()).info().orElseThrow().training())
        .isFalse();
    assertThat(home.resolve("training")).doesNotExist();
    assertThat(counter.info().securityModuleKey())
        .isEqualTo("status.sm.ready")
        .doesNotContain("training");
    assertThat(counter.info().production()).isTrue();
  }

  @Test
  void logsTheAssumptionsOfEveryRealCardProfileOnceAtStart() throws Exception {
    initKeys();
    addOperator("clerk1");
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ProductionCounter.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.read.ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      open();
    } finally {
      logger.detachAppender(appender);
    }
    List<String> lines =
        appender.list.stream()
            .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
            .toList();
    int expected =
        CardProfiles.builtIn().all().stream()
            .filter(p -> !Boolean.TRUE.equals(p.match().trainingCard()))
            .mapToInt(p -> p.assumptions().size())
            .sum();
    assertThat(lines).filteredOn(l -> l.contains("assumes")).hasSize(expected);
    assertThat(lines)
        .anyMatch(l -> l.startsWith("card profile ssc3-sm4 assumes") && l.contains("84 24 00 01"));
    assertThat(lines).noneMatch(l -> l.contains("training-sm4"));
  }

  @Test
  void noDemoOperatorCanSignIn() throws IOException {
    initKeys();
    addOperator("clerk1");

    CounterSession counter = open();

    assertThat(signIn(counter, TrainingOperators.DEMO_ID, "demo").succeeded()).isFalse();
    try (SqliteOperatorDirectory operators =
        SqliteOperatorDirectory.open(home.resolve("operators.db"))) {
      assertThat(operators.find(TrainingOperators.DEMO_ID)).isEmpty();
    }
  }

  @Test
  void refusesWithoutWorkstationId() throws IOException {
    initKeys();
    addOperator("clerk1");
    settings.remove("workstation");

    assertRefused(ProductionCounter.NO_WORKSTATION);
  }

  @Test
  void refusesAnInvalidWorkstationIdNamingItAndWhereItCameFrom() throws IOException {
    initKeys();
    addOperator("clerk1");
    settings.put("workstation", "counter 1/east");

    assertRefused(ConfigRefusedException.INVALID);
    assertThat(catchThrowableOfType(this::open, ConfigRefusedException.class).describe(EN))
        .contains("pindesk.workstation", "counter 1/east", "settings file", "1-64 letters");
  }

  @Test
  void aCertifiedReaderHoldingThePsamNeedsNoSecurityModuleOfPinDesk() throws IOException {
    initKeys();
    addOperator("clerk1");
    settings.put("sam", "reader");
    settings.remove("sam.reader");
    settings.put("device", "sscard");
    settings.put("sscard.library", home.resolve("libSSCard.so").toString());
    // The settings are accepted: what stops this start is the missing library, named.
    Throwable refused = catchThrowable(this::open);
    assertThat(refused)
        .isInstanceOfSatisfying(
            CounterRefusedException.class,
            r -> assertThat(r.messageKey()).isEqualTo("counter.refused.sscard"));
  }

  @Test
  void thePsamOfACertifiedReaderNeedsACertifiedReader() throws IOException {
    initKeys();
    addOperator("clerk1");
    settings.put("sam", "reader");

    assertRefused(ProductionCounter.NOT_PSAM);
  }

  @Test
  void refusesWithoutKeysAndNeverCreatesThem() throws IOException {
    addOperator("clerk1");

    assertRefused(ProductionCounter.NO_KEYS);
    assertThat(home.resolve("keys").resolve(KeyFiles.WORKSTATION_KEY)).doesNotExist();
  }

  @Test
  void refusesTrainingKeys() throws IOException {
    KeyFiles.ensureTrainingKeys(home.resolve("keys"));
    addOperator("clerk1");

    assertRefused(ProductionCounter.TRAINING_KEYS);
  }

  @Test
  void refusesWithoutOperatorsAndNeverCreatesTheDirectory() throws IOException {
    initKeys();

    assertRefused(ProductionCounter.NO_OPERATORS);
    assertThat(home.resolve("operators.db")).doesNotExist();
  }

  @Test
  void refusesWhenEveryOperatorIsDisabled() throws IOException {
    initKeys();
    addOperator("clerk1");
    try (SqliteOperatorDirectory operators =
        SqliteOperatorDirectory.open(home.resolve("operators.db"))) {
      operators.setActive("clerk1", false);
    }

    assertRefused(ProductionCounter.NO_OPERATORS);
  }

  @Test
  void refusesWithoutPsamReader() throws IOException {
    initKeys();
    addOperator("clerk1");
    settings.remove("sam.reader");

    assertRefused(ProductionCounter.NO_SAM_READER);
  }

  @Test
  void neverUsesTheTrainingSecurityModule() throws IOException {
    initKeys();
    addOperator("clerk1");
    settings.put("sam", "training");

    assertRefused(ProductionCounter.NOT_PSAM);
  }

  @Test
  void anUnknownPsamProfileStopsTheStartBeforeTheJournalIsCreated() throws IOException {
    initKeys();
    addOperator("clerk1");
    settings.put("sam.profile", "no-such-vendor");

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            ConfigRefusedException.class,
            e -> assertThat(e.describe(EN)).contains("pindesk.sam.profile", "no-such-vendor"));
    assertThat(home.resolve("journal.db")).doesNotExist();
  }

  @Test
  void theSamReaderOptionImpliesThePsam() throws IOException {
    initKeys();
    addOperator("clerk1");
    settings.remove("sam");
    settings.remove("sam.reader");

    CounterSession counter =
        open(
            new CounterOptions(
                Optional.empty(), false, false, Optional.of(PSAM_READER), Optional.empty()));

    assertThat(counter.info().securityModuleKey()).isEqualTo("status.sm.ready");
  }

  @Test
  void everyRefusalNamesWhatToDoInBothLanguages() {
    Map<String, String> named =
        Map.of(
            ProductionCounter.NO_WORKSTATION, "pindesk.workstation",
            ProductionCounter.NO_KEYS, "pindesk keys init",
            ProductionCounter.TRAINING_KEYS, "pindesk keys init",
            ProductionCounter.NO_OPERATORS, "pindesk operators add",
            ProductionCounter.NO_SAM_READER, "pindesk.sam.reader",
            ProductionCounter.NOT_PSAM, "pindesk.sam.reader");
    for (Messages messages : List.of(Messages.of(Locale.ENGLISH), Messages.forTag("zh-CN"))) {
      named.forEach(
          (key, what) ->
              assertThat(messages.get(key, "/srv/pindesk"))
                  .as(key)
                  .contains(what)
                  .isNotEqualTo(key));
    }
  }

  private void assertRefused(String key) throws IOException {
    Throwable refused = catchThrowable(this::open);
    String actual =
        refused instanceof ConfigRefusedException c
            ? c.messageKey()
            : refused instanceof CounterRefusedException r ? r.messageKey() : null;
    assertThat(actual).as(String.valueOf(refused)).isEqualTo(key);
    assertThat(home.resolve("journal.db")).doesNotExist();
  }

  private static dev.pindesk.service.signin.SignInResult signIn(
      CounterSession counter, String id, String password) {
    return counter.signIn(id, password.toCharArray()).toCompletableFuture().join();
  }

  private CounterSession open() throws IOException {
    return open(CounterOptions.none());
  }

  /** As {@code gui --production} with {@code options} on this machine's {@link #settings}. */
  private CounterSession open(CounterOptions options) throws IOException {
    CounterConfig config =
        CounterConfig.from(
            options,
            SettingLookup.of(settings, SettingSource.file(home.resolve("pindesk.properties"))),
            home.resolve("user-home"));
    CounterRuntime runtime =
        ProductionCounter.open(citizen(), readers, CardProfiles.builtIn(), config);
    opened.add(runtime);
    return runtime.session();
  }

  private CitizenReaders citizen() {
    return new CitizenReaders(readers, new ReaderMatch(PSAM_READER)::matches);
  }

  /** As {@code keys init --dir HOME/keys} does. */
  private void initKeys() throws IOException {
    KeyFiles.init(home.resolve("keys"), "supervisor passphrase".toCharArray(), false);
  }

  /** As {@code operators add --db HOME/operators.db} does. */
  private void addOperator(String id) {
    try (SqliteOperatorDirectory operators =
        SqliteOperatorDirectory.open(home.resolve("operators.db"))) {
      operators.add(
          new Operator(id, "Clerk " + id, Operator.Role.CLERK, true, Instant.now()),
          PASSWORD.toCharArray());
    }
  }
}
