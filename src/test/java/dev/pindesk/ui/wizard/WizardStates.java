package dev.pindesk.ui.wizard;

import java.util.Arrays;

/** The wizard's state in one line, for the assertion messages of both wizard fixtures. */
final class WizardStates {
  private WizardStates() {}

  static String describe(WizardViewModel model) {
    return "step "
        + model.stepProperty().get()
        + ", case "
        + model.caseStateProperty().get()
        + ", notice "
        + model.noticeProperty().get().map(n -> n.key() + Arrays.toString(n.args())).orElse("none")
        + ", next "
        + model.canGoNextBinding().get()
        + ", busy "
        + model.busyProperty().get()
        + ", pin entry "
        + model.pin().entryProperty().get();
  }
}
