package dev.pindesk.ui;

import dev.pindesk.i18n.Messages;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.ReaderFeed;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.ui.common.FontScale;
import dev.pindesk.ui.common.TrainingCardSlot;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the UI is given by the composition root.
 *
 * @param readers the machine's readers as the status bar and the diagnostics window follow them
 * @param trainingSlot the in-process training card, present in training mode on the virtual reader
 *     only (a training counter on real readers has none)
 * @param counter the counter session the sign-in and the wizard talk to, opened by {@code
 *     afterFirstFrame}; absent: the reader/card diagnostics window only
 * @param afterFirstFrame the composition root's slow start-up work (card profiles, training card,
 *     journal, operators, keys): the UI runs it on a background thread once the first window has
 *     been painted, so none of it delays the first screen
 * @param fontScale the configured font scale of the windows (1 = the theme's size), see {@link
 *     FontScale}
 * @param production the production counter (real cases, journaled as such): the window says so and
 *     nothing says training
 * @param startupProbe the start-up benchmark asked for it ({@link StartupProbe}): print the times
 *     and exit once the counter is ready
 * @param certifiedReader the certified reader's vendor library ({@code pindesk.device=sscard}), by
 *     file name: the counter's card reader, which PC/SC may not list; the status bar names it
 *     instead of the PC/SC readers
 */
public record UiContext(
    ReaderFeed readers,
    CardReadService cardReader,
    Messages messages,
    Optional<TrainingCardSlot> trainingSlot,
    Optional<CompletableFuture<CounterSession>> counter,
    Runnable afterFirstFrame,
    double fontScale,
    boolean production,
    boolean startupProbe,
    Optional<String> certifiedReader) {

  /** A counter on PC/SC readers. */
  public UiContext(
      ReaderFeed readers,
      CardReadService cardReader,
      Messages messages,
      Optional<TrainingCardSlot> trainingSlot,
      Optional<CompletableFuture<CounterSession>> counter,
      Runnable afterFirstFrame,
      double fontScale,
      boolean production,
      boolean startupProbe) {
    this(
        readers,
        cardReader,
        messages,
        trainingSlot,
        counter,
        afterFirstFrame,
        fontScale,
        production,
        startupProbe,
        Optional.empty());
  }

  public UiContext {
    if (production && trainingSlot.isPresent()) {
      // The training card (and with it the receipt watermark) never reaches a production counter.
      throw new IllegalArgumentException("a production counter has no training card slot");
    }
  }

  /**
   * The reader and card diagnostics window alone ({@code --diagnostics}): no counter, nothing left
   * to open after the first frame, a training session's scale and title.
   */
  public static UiContext diagnostics(
      ReaderFeed readers,
      CardReadService cardReader,
      Messages messages,
      Optional<TrainingCardSlot> trainingSlot) {
    return new UiContext(
        readers, cardReader, messages, trainingSlot, Optional.empty(), () -> {}, 1.0, false, false);
  }

  /**
   * Every counter that is not the production counter is a training counter — also one on real
   * readers ({@code gui --pcsc}), whose journal is a training journal: its screens carry the
   * training badge and watermark and its receipts the training watermark, so nothing it prints can
   * pass for a real receipt.
   */
  public boolean training() {
    return !production;
  }

  /**
   * The window title: the application's name with its mode — the production marker at the
   * production counter, else the training marker (also on real readers: the journal is training).
   */
  public String title(Messages m) {
    return m.get("app.title") + " — " + m.get(production ? "app.production" : "app.training");
  }
}
