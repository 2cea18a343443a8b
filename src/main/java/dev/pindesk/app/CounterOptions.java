package dev.pindesk.app;

import java.util.Optional;

/**
 * The counter's command-line options as picocli parsed them ({@code gui}, {@code config show}):
 * typed, never turned back into strings.
 *
 * @param mode {@code --production} or {@code --training}, when one was given
 * @param pcsc {@code --pcsc}: training on the real PC/SC readers
 * @param diagnostics {@code --diagnostics}: only the reader and card window
 * @param samReader {@code --sam-reader NAME}
 * @param fontScale {@code --font-scale F}
 */
record CounterOptions(
    Optional<CounterConfig.Mode> mode,
    boolean pcsc,
    boolean diagnostics,
    Optional<String> samReader,
    Optional<Double> fontScale) {

  /**
   * From picocli's fields: {@code production} is {@code null} when neither {@code --training} nor
   * {@code --production} was given; {@code samReader} and {@code fontScale} are {@code null} when
   * not given.
   */
  static CounterOptions parsed(
      Boolean production, boolean pcsc, boolean diagnostics, String samReader, Double fontScale) {
    Optional<CounterConfig.Mode> mode =
        Optional.ofNullable(production)
            .map(p -> p ? CounterConfig.Mode.PRODUCTION : CounterConfig.Mode.TRAINING);
    return new CounterOptions(
        mode, pcsc, diagnostics, Optional.ofNullable(samReader), Optional.ofNullable(fontScale));
  }

  /** No option at all ({@code java -jar pindesk.jar}). */
  static CounterOptions none() {
    return new CounterOptions(Optional.empty(), false, false, Optional.empty(), Optional.empty());
  }
}
