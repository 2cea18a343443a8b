package dev.pindesk.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts and file choosers, owned by a window (FX thread). */
public final class FxDialogs implements DialogService {
  private final Supplier<Window> owner;

  /**
   * @param owner the window the dialogs belong to (may supply null before it is shown)
   */
  public FxDialogs(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public boolean confirm(Confirmation question) {
    ButtonType confirm = new ButtonType(question.confirm(), ButtonBar.ButtonData.OK_DONE);
    ButtonType stay = new ButtonType(question.stay(), ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.message(), confirm, stay);
    alert.initOwner(owner.get());
    alert.setTitle(question.title());
    alert.setHeaderText(null);
    // Enter keeps things as they are: the other answer takes a deliberate choice.
    ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
    ((Button) alert.getDialogPane().lookupButton(stay)).setDefaultButton(true);
    alert.getDialogPane().setId(question.id());
    return alert.showAndWait().filter(confirm::equals).isPresent();
  }

  @Override
  public void inform(String title, String message) {
    Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
    alert.initOwner(owner.get());
    alert.setTitle(title);
    alert.setHeaderText(null);
    alert.show();
  }

  @Override
  public Optional<Path> chooseFileToSave(FileChoice choice) {
    return Optional.ofNullable(chooser(choice).showSaveDialog(owner.get())).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseFileToOpen(FileChoice choice) {
    return Optional.ofNullable(chooser(choice).showOpenDialog(owner.get())).map(File::toPath);
  }

  private static FileChooser chooser(FileChoice choice) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(choice.title());
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter(choice.filterName(), choice.pattern()));
    choice.initialName().ifPresent(chooser::setInitialFileName);
    choice.initialDirectory().map(Path::toFile).ifPresent(chooser::setInitialDirectory);
    return chooser;
  }
}
