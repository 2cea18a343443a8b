package dev.pindesk.app;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.sam.ReaderMatch;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.CitizenReaders;
import dev.pindesk.ui.CounterContext;
import dev.pindesk.ui.PinDeskApp;
import dev.pindesk.ui.UiContext;
import dev.pindesk.ui.common.CounterRefusedException;
import dev.pindesk.ui.common.TaskRunner;
import dev.pindesk.ui.common.TrainingCardSlot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * Wires and starts the GUI. Training mode (the default while no hardware is configured) uses the
 * in-process virtual reader with a training card; {@code --pcsc} uses the real PC/SC readers.
 * {@code --sam-reader NAME} (or {@code pindesk.sam=psam}) uses a PSAM as the security module; in
 * training mode {@code pindesk.sam=psam} puts a virtual training PSAM into a second reader. {@code
 * --production} (or {@code pindesk.mode=production}) opens the production counter instead: PC/SC
 * readers and a PSAM only, see {@link ProductionWiring}.
 *
 * <p>Only what paints the sign-in screen happens before the first frame (the translated texts). The
 * card profiles, the training card and the counter (journal, operators, keys, and with them
 * logging, BouncyCastle, SQLite and PDFBox) are opened on a background thread after it; sign-in
 * waits for them.
 */
final class GuiMain {
  static final String TRAINING_READER = "PinDesk Training Reader";
  static final String TRAINING_CARD = "training-gen3-sm4.json";

  /** In-process reader of the training PSAM (training mode with {@code pindesk.sam=psam}). */
  static final String TRAINING_PSAM_READER = "PinDesk Training PSAM";

  static final String TRAINING = "training";
  static final String PRODUCTION = "production";

  private GuiMain() {}

  static void launch(String[] args) {
    PinDeskApp.launch(() -> wire(List.of(args)));
  }

  /**
   * {@code --font-scale 1.25} (or {@code --font-scale=1.25}), else {@code pindesk.font.scale} /
   * {@code PINDESK_FONT_SCALE}, else 1.
   */
  static double fontScale(List<String> options) {
    String value = Settings.get("font.scale").orElse("1");
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).equals("--font-scale") && i + 1 < options.size()) {
        value = options.get(i + 1);
      } else if (options.get(i).startsWith("--font-scale=")) {
        value = options.get(i).substring("--font-scale=".length());
      }
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return 1.0;
    }
  }

  /** {@code --sam-reader NAME} (or {@code --sam-reader=NAME}): use the PSAM in that reader. */
  static Optional<String> samReader(List<String> options) {
    Optional<String> value = Optional.empty();
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).equals("--sam-reader") && i + 1 < options.size()) {
        value = Optional.of(options.get(i + 1));
      } else if (options.get(i).startsWith("--sam-reader=")) {
        value = Optional.of(options.get(i).substring("--sam-reader=".length()));
      }
    }
    return value;
  }

  /**
   * {@code --production} or {@code --training}, else {@code pindesk.mode} / {@code PINDESK_MODE}:
   * {@code training} (the default) or {@code production}; any other value is returned as given
   * (lower case) and refused.
   */
  static String mode(List<String> options) {
    if (options.contains("--production")) {
      return PRODUCTION;
    }
    if (options.contains("--training")) {
      return TRAINING;
    }
    return Settings.get("mode").orElse(TRAINING).strip().toLowerCase(Locale.ROOT);
  }

  private static UiContext wire(List<String> options) {
    Optional<Settings.FileProblem> settingsFile = Settings.fileProblem();
    if (settingsFile.isPresent()) {
      // The mode itself may be in that file: refuse rather than guess (and never fall back to a
      // training counter at a production desk).
      Settings.FileProblem p = settingsFile.get();
      return context(
          options,
          new PcscTerminals(),
          Optional.empty(),
          true,
          profiles -> {
            throw new CounterRefusedException(
                p.key(), p.file().toString(), Settings.messages().get(p.reason()));
          });
    }
    String mode = mode(options);
    if (!mode.equals(TRAINING)) {
      return wireProduction(options, mode);
    }
    CardTerminals workstation;
    Optional<TrainingCardSlot> slot;
    Optional<String> defaultSamReader = Optional.empty();
    if (options.contains("--pcsc")) {
      workstation = new PcscTerminals();
      slot = Optional.empty();
    } else {
      InProcessCardTerminals training = new InProcessCardTerminals(TRAINING_READER);
      if (Settings.get("sam").filter(s -> s.trim().equalsIgnoreCase("psam")).isPresent()) {
        // Training demo of the production path: a virtual PSAM holding the training keys.
        training.addReader(TRAINING_PSAM_READER);
        training.insert(TRAINING_PSAM_READER, VirtualPsam.training());
        defaultSamReader = Optional.of(TRAINING_PSAM_READER);
      }
      workstation = training;
      slot =
          Optional.of(
              new TrainingSlot(
                  training,
                  TRAINING_READER,
                  () -> VirtualSscCard.fromSpec(VirtualCardSpecs.loadResource(TRAINING_CARD))));
    }
    // The clerk's side never sees the security module's reader as a card reader. Only the name is
    // needed before the first frame; the PSAM module itself is built after it.
    Optional<String> samReader = samReader(options);
    Optional<String> psamReader = SamSetup.psamReader(samReader, defaultSamReader);
    CardTerminals terminals =
        psamReader.isPresent()
            ? new CitizenReaders(workstation, new ReaderMatch(psamReader.get())::matches)
            : workstation;
    Optional<String> fallbackSamReader = defaultSamReader;
    return context(
        options,
        terminals,
        slot,
        false,
        profiles -> {
          SamSetup sam = SamSetup.fromSettings(workstation, samReader, fallbackSamReader);
          return CounterWiring.training(terminals, profiles, new TaskRunner(), sam);
        });
  }

  /**
   * The production counter ({@link ProductionWiring}): real readers, the PSAM's reader hidden from
   * the citizen's side, no training card. An unknown mode gets the same readers and a counter that
   * refuses to start, so a typo never falls back to training.
   */
  private static UiContext wireProduction(List<String> options, String mode) {
    CardTerminals readers = new PcscTerminals();
    Optional<String> samReader = samReader(options);
    Optional<String> psamReader = ProductionWiring.samReader(samReader, Settings::get);
    CardTerminals terminals =
        psamReader.isPresent()
            ? new CitizenReaders(readers, new ReaderMatch(psamReader.get())::matches)
            : readers;
    return context(
        options,
        terminals,
        Optional.empty(),
        mode.equals(PRODUCTION),
        profiles -> {
          if (!mode.equals(PRODUCTION)) {
            throw new CounterRefusedException("counter.refused.mode", mode);
          }
          return ProductionWiring.open(
              terminals, readers, profiles, new TaskRunner(), Settings::get, samReader);
        });
  }

  /** How a counter is opened once the card profiles are loaded. */
  private interface CounterOpener {
    CounterContext open(CardProfiles profiles) throws Exception;
  }

  /**
   * The UI context: only what paints the sign-in screen now; after the first frame the card
   * profiles, the counter (unless {@code --diagnostics}) and the training card, on a background
   * thread. A failure reaches the sign-in screen through the counter's future.
   */
  private static UiContext context(
      List<String> options,
      CardTerminals terminals,
      Optional<TrainingCardSlot> slot,
      boolean production,
      CounterOpener opener) {
    CompletableFuture<CardProfiles> profiles = new CompletableFuture<>();
    Optional<CompletableFuture<CounterContext>> counter =
        options.contains("--diagnostics")
            ? Optional.empty()
            : Optional.of(new CompletableFuture<>());
    Runnable afterFirstFrame =
        () -> {
          try {
            profiles.complete(CardProfiles.builtIn());
            if (counter.isPresent()) {
              counter.get().complete(opener.open(profiles.join()));
            }
            slot.ifPresent(TrainingCardSlot::insert);
          } catch (Exception | Error e) {
            LoggerFactory.getLogger(GuiMain.class).error("start-up failed", e);
            profiles.completeExceptionally(e);
            counter.ifPresent(c -> c.completeExceptionally(e));
          }
        };
    return new UiContext(
        terminals,
        new CardReadService(terminals, profiles::join),
        Settings.messages(),
        slot,
        counter,
        afterFirstFrame,
        fontScale(options),
        production);
  }
}
