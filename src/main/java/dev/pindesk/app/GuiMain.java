package dev.pindesk.app;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.sam.ReaderMatch;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.CitizenReaders;
import dev.pindesk.service.ReaderFeed;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.ui.PinDeskApp;
import dev.pindesk.ui.UiContext;
import dev.pindesk.ui.common.CounterRefusedException;
import dev.pindesk.ui.common.TrainingCardSlot;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * Wires and starts the GUI. Training mode (the default while no hardware is configured) uses the
 * in-process virtual reader with a training card; {@code --pcsc} uses the real PC/SC readers.
 * {@code --sam-reader NAME} (or {@code pindesk.sam=psam}) uses a PSAM as the security module; in
 * training mode {@code pindesk.sam=psam} puts a virtual training PSAM into a second reader. {@code
 * --production} (or {@code pindesk.mode=production}) opens the production counter instead: PC/SC
 * readers and a PSAM only, see {@link ProductionCounter}.
 *
 * <p>Only what paints the sign-in screen happens before the first frame (the translated texts and
 * the {@link CounterConfig}, which reads no file but the settings file). The card profiles, the
 * training card and the counter (journal, operators, keys, and with them logging, BouncyCastle,
 * SQLite and PDFBox) are opened on a background thread after it; sign-in waits for them.
 */
final class GuiMain {
  static final String TRAINING_READER = "PinDesk Training Reader";
  static final String TRAINING_CARD = "training-gen3-sm4.json";

  private GuiMain() {}

  /**
   * Opens the counter window; returns when it is closed, after the counter has shut down in order
   * ({@link CounterRuntime#close}: the case step under way, the sync, the journal's last entry).
   */
  static void launch(CounterOptions options) {
    CompletableFuture<CounterRuntime> runtime = new CompletableFuture<>();
    PinDeskApp.launch(() -> wire(options, runtime));
    // Still opening when the window closed: it closes once open (or with the JVM).
    runtime.thenAccept(CounterRuntime::close);
  }

  /**
   * The counter of {@link CounterConfig}, built once from the options and the machine's settings; a
   * settings file that cannot be read or a setting that is refused gives a counter that refuses to
   * start, saying why on the sign-in screen.
   */
  private static UiContext wire(CounterOptions options, CompletableFuture<CounterRuntime> runtime) {
    SettingLookup settings = Settings.lookup();
    Path userHome = Path.of(System.getProperty("user.home"));
    // What a refusal needs before there is a config: the language and the mode asked for.
    CounterSettings asked = new CounterSettings(options, settings, userHome);
    Messages messages =
        Messages.forTag(asked.effective("lang", CounterConfig.Mode.TRAINING).value());
    Optional<Settings.FileProblem> settingsFile = Settings.fileProblem();
    if (settingsFile.isPresent()) {
      // The mode itself may be in that file: refuse rather than guess (and never fall back to a
      // training counter at a production desk).
      Settings.FileProblem p = settingsFile.get();
      return refused(
          options,
          true,
          messages,
          new CounterRefusedException(p.key(), p.file().toString(), messages.get(p.reason())),
          runtime);
    }
    CounterConfig config;
    try {
      config = CounterConfig.from(options, settings, userHome);
    } catch (ConfigRefusedException e) {
      // logged with the refusal after the first frame (no logging before it)
      boolean production =
          asked
              .find("mode")
              .flatMap(m -> CounterConfig.Mode.parse(m.value()))
              .filter(m -> m == CounterConfig.Mode.PRODUCTION)
              .isPresent();
      return refused(options, production, messages, e.forClerk(messages), runtime);
    }
    return config.production() ? wireProduction(config, runtime) : wireTraining(config, runtime);
  }

  /**
   * Training: the in-process training reader and card (a virtual training PSAM beside them with
   * {@code pindesk.sam=psam}), or the real readers with {@code --pcsc}.
   */
  private static UiContext wireTraining(
      CounterConfig config, CompletableFuture<CounterRuntime> runtime) {
    CardTerminals workstation;
    Optional<TrainingCardSlot> slot;
    if (config.readers() == CounterConfig.Readers.PCSC) {
      workstation = new PcscTerminals(config.pcscLibrary());
      slot = Optional.empty();
    } else {
      InProcessCardTerminals training = new InProcessCardTerminals(TRAINING_READER);
      if (config.securityModule().virtualTrainingPsam()) {
        // Training demo of the production path: a virtual PSAM holding the training keys.
        training.addReader(CounterConfig.TRAINING_PSAM_READER);
        training.insert(CounterConfig.TRAINING_PSAM_READER, VirtualPsam.training());
      }
      workstation = training;
      slot =
          Optional.of(
              new TrainingSlot(
                  training,
                  TRAINING_READER,
                  () -> VirtualSscCard.fromSpec(VirtualCardSpecs.loadResource(TRAINING_CARD))));
    }
    CardTerminals terminals = citizenReaders(workstation, config);
    return context(
        config.diagnostics(),
        terminals,
        slot,
        false,
        config.fontScale(),
        config.messages(),
        profiles ->
            TrainingCounter.open(terminals, profiles, SamSetup.of(workstation, config), config),
        runtime,
        certifiedReader(config));
  }

  /**
   * The production counter ({@link ProductionCounter}): real readers, the PSAM's reader hidden from
   * the citizen's side, no training card.
   */
  private static UiContext wireProduction(
      CounterConfig config, CompletableFuture<CounterRuntime> runtime) {
    CardTerminals readers = new PcscTerminals(config.pcscLibrary());
    CardTerminals terminals = citizenReaders(readers, config);
    return context(
        config.diagnostics(),
        terminals,
        Optional.empty(),
        true,
        config.fontScale(),
        config.messages(),
        profiles -> ProductionCounter.open(terminals, readers, profiles, config),
        runtime,
        certifiedReader(config));
  }

  /** The certified reader's library by file name, for the status bar ({@code pindesk.device}). */
  private static Optional<String> certifiedReader(CounterConfig config) {
    return config.device().sscardLibrary().map(p -> String.valueOf(p.getFileName()));
  }

  /**
   * The clerk's side never sees the security module's reader as a card reader. Only the name is
   * needed before the first frame; the PSAM module itself is built after it.
   */
  private static CardTerminals citizenReaders(CardTerminals all, CounterConfig config) {
    return config
        .securityModule()
        .psamReader()
        .<CardTerminals>map(r -> new CitizenReaders(all, new ReaderMatch(r)::matches))
        .orElse(all);
  }

  /**
   * A counter that refuses to start: the real readers (never the training ones, which a refused
   * setting may have been meant to avoid), the sign-in screen saying why.
   */
  private static UiContext refused(
      CounterOptions options,
      boolean production,
      Messages messages,
      CounterRefusedException refusal,
      CompletableFuture<CounterRuntime> runtime) {
    return context(
        options.diagnostics(),
        new PcscTerminals(Settings.get("pcsc.library")),
        Optional.empty(),
        production,
        1.0,
        messages,
        profiles -> {
          throw refusal;
        },
        runtime,
        Optional.empty());
  }

  /** How a counter is opened once the card profiles are loaded. */
  private interface CounterOpener {
    CounterRuntime open(CardProfiles profiles) throws Exception;
  }

  /**
   * The UI context: only what paints the sign-in screen now; after the first frame the card
   * profiles, the counter (unless {@code --diagnostics}) and the training card, on a background
   * thread. A failure reaches the sign-in screen through the counter's future; a setting refused
   * there (a file it names that cannot be used) in the counter's language.
   */
  private static UiContext context(
      boolean diagnostics,
      CardTerminals terminals,
      Optional<TrainingCardSlot> slot,
      boolean production,
      double fontScale,
      Messages messages,
      CounterOpener opener,
      CompletableFuture<CounterRuntime> runtime,
      Optional<String> certifiedReader) {
    CompletableFuture<CardProfiles> profiles = new CompletableFuture<>();
    Optional<CompletableFuture<CounterSession>> counter =
        diagnostics ? Optional.empty() : Optional.of(new CompletableFuture<>());
    Runnable afterFirstFrame =
        () -> {
          try {
            profiles.complete(CardProfiles.builtIn());
            if (counter.isPresent()) {
              CounterRuntime opened = opener.open(profiles.join());
              runtime.complete(opened);
              counter.get().complete(opened.session());
            }
            slot.ifPresent(TrainingCardSlot::insert);
          } catch (ConfigRefusedException e) {
            LoggerFactory.getLogger(GuiMain.class).warn("counter refused: {}", e.getMessage());
            fail(profiles, counter, e.forClerk(messages));
          } catch (CounterRefusedException e) {
            // the administrator's to fix, said on the sign-in screen: no trace needed
            LoggerFactory.getLogger(GuiMain.class).warn("counter refused: {}", e.getMessage());
            fail(profiles, counter, e);
          } catch (Exception | Error e) {
            LoggerFactory.getLogger(GuiMain.class).error("start-up failed", e);
            fail(profiles, counter, e);
          }
        };
    return new UiContext(
        ReaderFeed.of(terminals),
        new CardReadService(terminals, profiles::join),
        messages,
        slot,
        counter,
        afterFirstFrame,
        fontScale,
        production,
        // the start-up benchmark's switch (docs/benchmarks.md), a JVM flag rather than a setting
        Boolean.getBoolean("pindesk.bench.startup"),
        certifiedReader);
  }

  private static void fail(
      CompletableFuture<CardProfiles> profiles,
      Optional<CompletableFuture<CounterSession>> counter,
      Throwable e) {
    profiles.completeExceptionally(e);
    counter.ifPresent(c -> c.completeExceptionally(e));
  }
}
