package dev.pindesk.bench;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfReceiptRenderer;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.audit.CaseAuditRecorder;
import dev.pindesk.service.reset.ResetCaseConfig;
import dev.pindesk.service.reset.ResetCaseDevices;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.ui.common.StatusBar;
import dev.pindesk.ui.common.TaskRunner;
import dev.pindesk.ui.pinpad.ScreenPinPad;
import dev.pindesk.ui.wizard.IdDocumentFormModel;
import dev.pindesk.ui.wizard.WizardServices;
import dev.pindesk.ui.wizard.WizardStep;
import dev.pindesk.ui.wizard.WizardView;
import dev.pindesk.ui.wizard.WizardViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Step-to-step transitions of the clerk wizard, headless (Monocle, software rendering), at
 * 1366×768, driven by the keyboard as the clerk drives it: the real wizard, case service, journal
 * (durable: WAL, {@code synchronous=FULL}), training security module, on-screen customer PIN pad
 * and the in-process virtual card. Each transition is timed from the key press until a pulse has
 * laid out the new step (its rendering follows in the same pulse); the card read and the card write
 * are not transitions and are not timed. A transition that journals a case step (open, ID checked,
 * back, cancel, close) includes that durable append, since the wizard moves on only after it.
 *
 * <p>Run (see docs/benchmarks.md): {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * dev.pindesk.bench.WizardTransitions [cases]}. Target: every transition under 100 ms.
 */
public final class WizardTransitions {
  private static final String READER = "PinDesk Training Reader";
  private static final String HOLDER_ID = "110101198604120243";
  private static final String HOLDER_NAME = "李秀英";
  private static final int WARM_UP = 3;

  private final Map<String, List<Long>> times = new LinkedHashMap<>();
  private final Map<String, Long> firstTimes = new LinkedHashMap<>();
  private Stage stage;
  private WizardViewModel model;
  private WizardView view;
  private long warmUpMillis;

  private WizardTransitions() {}

  public static void main(String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    headless();
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get(30, TimeUnit.SECONDS);
    WizardTransitions bench = new WizardTransitions();
    Path dir = BenchDirs.temporary("pindesk-transitions");
    bench.setUp(dir);
    // -Dpindesk.bench.drain=N: the same cases while a backlog of N entries drains, over and over.
    int backlog = Integer.getInteger("pindesk.bench.drain", 0);
    BackgroundDrain drain = backlog > 0 ? BackgroundDrain.start(dir, backlog) : null;
    for (int i = 0; i < WARM_UP + cases; i++) {
      bench.serveOneCase(i);
    }
    bench.report(cases);
    if (drain != null) {
      System.out.println(drain.summary());
      drain.close();
    }
    Platform.exit();
    System.exit(0);
  }

  private static void headless() {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("headless.geometry", "1920x1080-32");
    System.setProperty("java.awt.headless", "true");
  }

  private void setUp(Path dir) throws Exception {
    Sm2KeyPair workstation = Sm2.generate();
    Sm2KeyPair supervisor = Sm2.generate();
    SqliteJournalStore journal =
        SqliteJournalStore.open(
            dir.resolve("journal.db"),
            StoreOptions.of("WS-BENCH", workstation, supervisor.publicKey(), true));
    // As at the counter: the journal has recorded the start and the sign-in before the first case.
    journal.append(AuditEvent.session(AuditStep.APP_STARTED, AuditOutcome.OK, "system"));
    journal.append(AuditEvent.session(AuditStep.CLERK_SIGNED_IN, AuditOutcome.OK, "demo"));
    InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
    terminals.insert(
        READER, VirtualSscCard.fromSpec(VirtualCardSpecs.loadResource("training-gen3-sm4.json")));
    Clock clock = Clock.systemDefaultZone();
    ResetCaseService cases =
        new ResetCaseService(
            new ResetCaseDevices(
                terminals, new TrainingSecurityModule(), new CaseAuditRecorder(journal)),
            CardProfiles.builtIn(),
            new ResetCaseConfig(AgentPolicy.everywhere(), true),
            new CaseIds("WSBENCH", clock, new SecureRandom()),
            clock);
    WizardServices services =
        new WizardServices(
            cases,
            terminals,
            new ScreenPinPad(Duration.ofSeconds(60), false),
            new TaskRunner(),
            clock,
            new PdfReceiptRenderer(dir.resolve("receipts"), CjkFont.bundled()),
            "WS-BENCH");
    onFx(
        () -> {
          Platform.setImplicitExit(false);
          javafx.application.Application.setUserAgentStylesheet(
              new PrimerLight().getUserAgentStylesheetBSS());
          model = new WizardViewModel(services, Messages.of(Locale.SIMPLIFIED_CHINESE), true);
          model.operatorIdProperty().set("demo");
          model.operatorNameProperty().set("培训操作员 Demo");
          stage = new Stage();
          view = new WizardView(model, new StatusBar(model.messages()));
          stage.setScene(new Scene(view, 1366, 768));
          stage.show();
          new AnimationTimer() { // a pulse every frame, as on a live counter with a status bar
            @Override
            public void handle(long now) {}
          }.start();
        });
    // The wizard rehearses its steps after it is shown (as after sign-in at the counter), in
    // slices between which the clerk's keys are served. A clerk needs well over a second from
    // sign-in to the first Enter (asking what the citizen wants); the bench waits at least 500 ms
    // and until the rehearsal is over, and reports how long that took.
    long shown = System.nanoTime();
    Thread.sleep(500);
    view.warmedUp().get(20, TimeUnit.SECONDS);
    warmUpMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - shown);
  }

  /**
   * One reset for the holder in person. Of every three cases, one goes back from the ID step once
   * (Esc) and one is cancelled at the card step (Alt+X).
   */
  private void serveOneCase(int i) throws Exception {
    boolean record = i >= WARM_UP;
    waitUntil(() -> model.stepProperty().get() == WizardStep.SERVICE && idle());
    time("service → ID (open case)", record, () -> key(KeyCode.ENTER), () -> at(WizardStep.ID));
    if (i % 3 == 1) { // back to the service step, then open again
      time(
          "ID → service (Esc, case cancelled)",
          record,
          () -> key(KeyCode.ESCAPE),
          () -> at(WizardStep.SERVICE));
      time("service → ID (open case)", record, () -> key(KeyCode.ENTER), () -> at(WizardStep.ID));
    }
    fill(model.holderIdForm());
    time("ID → card (IDs checked)", record, () -> key(KeyCode.ENTER), () -> at(WizardStep.CARD));
    if (i % 3 == 2) { // the clerk cancels the case at the card step
      time(
          "card → service (Alt+X, case cancelled)",
          record,
          () -> altX(),
          () -> at(WizardStep.SERVICE));
      return;
    }
    onFx(model::readCard); // card I/O: not timed
    waitUntil(
        () -> model.caseStateProperty().get().orElse(null) == CaseState.IDENTITY_BOUND && idle());
    time(
        "card → PIN (customer pad opens)",
        record,
        () -> key(KeyCode.ENTER),
        () -> at(WizardStep.PIN) && padScene().isPresent());
    String digits = i % 2 == 0 ? "385217" : "604918";
    typeOnPad(digits);
    waitUntil(() -> model.pin().entryProperty().get() == 2 && padScene().isPresent());
    typeOnPad(digits);
    waitUntil(() -> model.canGoNextBinding().get());
    time("PIN → write", record, () -> key(KeyCode.ENTER), () -> at(WizardStep.WRITE));
    onFx(model::write); // card I/O: not timed
    waitUntil(() -> model.caseStateProperty().get().orElse(null) == CaseState.WRITTEN && idle());
    time("write → receipt", record, () -> key(KeyCode.ENTER), () -> at(WizardStep.RECEIPT));
    time(
        "receipt → service (case closed)",
        record,
        () -> key(KeyCode.ENTER),
        () -> at(WizardStep.SERVICE));
  }

  private boolean idle() {
    return !model.busyProperty().get();
  }

  private boolean at(WizardStep step) {
    return model.stepProperty().get() == step && idle();
  }

  private static void fill(IdDocumentFormModel form) throws Exception {
    onFx(
        () -> {
          form.numberProperty().set(HOLDER_ID);
          form.nameProperty().set(HOLDER_NAME);
          form.longTermProperty().set(true);
          form.photoMatchesProperty().set(true);
          form.intactProperty().set(true);
        });
  }

  /**
   * Times {@code action} (run on the FX thread) until a pulse has laid out the scene with {@code
   * arrived} true.
   */
  private void time(String name, boolean record, Runnable action, BooleanSupplier arrived)
      throws Exception {
    CompletableFuture<Long> elapsed = new CompletableFuture<>();
    onFx(
        () -> {
          long t0 = System.nanoTime();
          Runnable[] listener = new Runnable[1];
          listener[0] =
              () -> {
                if (arrived.getAsBoolean()) {
                  elapsed.complete(System.nanoTime() - t0);
                  stage.getScene().removePostLayoutPulseListener(listener[0]);
                }
              };
          stage.getScene().addPostLayoutPulseListener(listener[0]);
          action.run();
        });
    long nanos = elapsed.get(20, TimeUnit.SECONDS);
    long micros = TimeUnit.NANOSECONDS.toMicros(nanos);
    firstTimes.putIfAbsent(name, micros);
    if (record) {
      times.computeIfAbsent(name, k -> new ArrayList<>()).add(micros);
    }
  }

  /** A key press and release on the focused control of the wizard, as the keyboard delivers it. */
  private void key(KeyCode code) {
    press(stage.getScene(), code, false);
  }

  private void altX() {
    press(stage.getScene(), KeyCode.X, true);
  }

  private static void press(Scene scene, KeyCode code, boolean alt) {
    Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
    String text = code.isDigitKey() ? code.getChar() : "";
    Event.fireEvent(
        target, new KeyEvent(KeyEvent.KEY_PRESSED, "", text, code, false, false, alt, false));
    Event.fireEvent(
        target, new KeyEvent(KeyEvent.KEY_RELEASED, "", text, code, false, false, alt, false));
  }

  private Optional<Scene> padScene() {
    return Window.getWindows().stream()
        .filter(w -> w != stage && w.isShowing())
        .map(Window::getScene)
        .findFirst();
  }

  private void typeOnPad(String digits) throws Exception {
    for (char c : digits.toCharArray()) {
      onFx(() -> press(padScene().orElseThrow(), KeyCode.getKeyCode(String.valueOf(c)), false));
    }
    onFx(() -> press(padScene().orElseThrow(), KeyCode.ENTER, false));
  }

  private static void onFx(Runnable action) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            action.run();
            done.complete(null);
          } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
          }
        });
    done.get(20, TimeUnit.SECONDS);
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      CompletableFuture<Boolean> now = new CompletableFuture<>();
      Platform.runLater(() -> now.complete(condition.getAsBoolean()));
      if (now.get(20, TimeUnit.SECONDS)) {
        return;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("wizard did not get there in 20 s");
  }

  private void report(int cases) {
    System.out.printf(
        "Wizard transitions, %d cases after %d warm-up, ms (first = the very first time, cold):%n",
        cases, WARM_UP);
    System.out.printf(
        "%-42s %6s %6s %6s %6s %6s %5s%n", "transition", "first", "p50", "p90", "max", "mean", "n");
    for (Map.Entry<String, Long> first : firstTimes.entrySet()) {
      List<Long> v = new ArrayList<>(times.getOrDefault(first.getKey(), List.of()));
      if (v.isEmpty()) { // 0 cases: only the first (cold) times, e.g. for several JVM runs
        System.out.printf("%-42s %6.1f%n", first.getKey(), first.getValue() / 1000.0);
        continue;
      }
      Collections.sort(v);
      double mean = v.stream().mapToLong(Long::longValue).average().orElse(0);
      System.out.printf(
          "%-42s %6.1f %6.1f %6.1f %6.1f %6.1f %5d%n",
          first.getKey(),
          first.getValue() / 1000.0,
          v.get(v.size() / 2) / 1000.0,
          v.get((int) Math.ceil(v.size() * 0.9) - 1) / 1000.0,
          v.get(v.size() - 1) / 1000.0,
          mean / 1000.0,
          v.size());
    }
    System.out.printf(
        "(the wizard's rehearsal of its steps was over %d ms after it was shown)%n",
        warmUpMillis);
  }
}
