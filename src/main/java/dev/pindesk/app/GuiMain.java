package dev.pindesk.app;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.service.CardReadService;
import dev.pindesk.ui.CounterContext;
import dev.pindesk.ui.PinDeskApp;
import dev.pindesk.ui.TaskRunner;
import dev.pindesk.ui.TrainingCardSlot;
import dev.pindesk.ui.UiContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Wires and starts the GUI. Training mode (the default while no hardware is configured) uses the
 * in-process virtual reader with a training card; {@code --pcsc} uses the real PC/SC readers.
 */
final class GuiMain {
  static final String TRAINING_READER = "PinDesk Training Reader";
  static final String TRAINING_CARD = "training-gen3-sm4.json";

  private GuiMain() {}

  static void launch(String[] args) {
    List<String> options = List.of(args);
    boolean pcsc = options.contains("--pcsc");
    CardTerminals terminals;
    Optional<TrainingCardSlot> slot;
    if (pcsc) {
      terminals = new PcscTerminals();
      slot = Optional.empty();
    } else {
      InProcessCardTerminals training = new InProcessCardTerminals(TRAINING_READER);
      TrainingSlot trainingSlot = new TrainingSlot(training);
      trainingSlot.insert();
      terminals = training;
      slot = Optional.of(trainingSlot);
    }
    CardProfiles profiles = CardProfiles.builtIn();
    // The counter (journal, operators, keys) opens while JavaFX starts: the sign-in screen
    // shows at once, and sign-in waits for it.
    Optional<CompletableFuture<CounterContext>> counter =
        options.contains("--diagnostics")
            ? Optional.empty()
            : Optional.of(
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        return CounterWiring.training(terminals, profiles, new TaskRunner());
                      } catch (IOException e) {
                        throw new UncheckedIOException(e.getMessage(), e);
                      }
                    }));
    PinDeskApp.launch(
        new UiContext(
            terminals,
            new CardReadService(terminals, profiles),
            Settings.messages(),
            slot,
            counter));
  }

  /** The training card goes in and out of the in-process reader. */
  private static final class TrainingSlot implements TrainingCardSlot {
    private final InProcessCardTerminals terminals;
    private boolean inserted;

    TrainingSlot(InProcessCardTerminals terminals) {
      this.terminals = terminals;
    }

    @Override
    public synchronized void insert() {
      terminals.insert(
          TRAINING_READER, VirtualSscCard.fromSpec(VirtualCardSpecs.loadResource(TRAINING_CARD)));
      inserted = true;
    }

    @Override
    public synchronized void remove() {
      terminals.remove(TRAINING_READER);
      inserted = false;
    }

    @Override
    public synchronized boolean inserted() {
      return inserted;
    }
  }
}
