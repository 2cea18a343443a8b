package dev.pindesk.ui.wizard;

import java.util.Locale;

/** The clerk's steps through a case, in order. */
public enum WizardStep {
  SERVICE,
  ID,
  CARD,
  PIN,
  WRITE,
  RECEIPT;

  public String messageKey() {
    return "wizard.step." + name().toLowerCase(Locale.ROOT);
  }
}
