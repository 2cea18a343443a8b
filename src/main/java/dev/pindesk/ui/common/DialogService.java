package dev.pindesk.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The dialogs a view model raises: a question, a notice, a file to open or to save. View models ask
 * through this interface and never open windows themselves, so their behaviour is tested with a
 * recording fake; the counter and the audit window use {@link FxDialogs}.
 *
 * <p>Every text is already translated, and none may carry a secret: a PIN, a password or a
 * passphrase never appears in a dialog.
 */
public interface DialogService {

  /**
   * A question with two answers. The safe answer ({@code stay}) is the default, so Enter never does
   * the irreversible thing.
   *
   * @param id names the dialog for the window's tests and screenshots
   */
  record Confirmation(String id, String title, String message, String confirm, String stay) {}

  /**
   * A file chooser.
   *
   * @param filterName the file kind shown in the chooser's filter (e.g. {@code CSV})
   * @param pattern the filter's glob (e.g. {@code *.csv})
   * @param initialName the proposed name of a file to save
   * @param initialDirectory where the chooser opens
   */
  record FileChoice(
      String title,
      String filterName,
      String pattern,
      Optional<String> initialName,
      Optional<Path> initialDirectory) {}

  /** Asks {@code question} and waits for the answer: true when {@code confirm} was chosen. */
  boolean confirm(Confirmation question);

  /** Shows {@code message} without waiting for it to be dismissed. */
  void inform(String title, String message);

  /** The file to write, or empty when the chooser was cancelled. */
  Optional<Path> chooseFileToSave(FileChoice choice);

  /** The existing file to read, or empty when the chooser was cancelled. */
  Optional<Path> chooseFileToOpen(FileChoice choice);
}
