package dev.pindesk.ui.wizard;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.i18n.Messages;
import java.time.Clock;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the clerk's wizard and the actions of its buttons. Card and disk work goes through the
 * services on background threads; this class only changes properties on the FX thread.
 */
public final class WizardViewModel {
  private final ObjectProperty<Messages> messages;
  private final boolean training;
  private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(WizardStep.SERVICE);
  private final ObjectProperty<ServiceKind> service = new SimpleObjectProperty<>(ServiceKind.RESET);
  private final ObjectProperty<HolderKind> holder =
      new SimpleObjectProperty<>(HolderKind.IN_PERSON);
  private final IdDocumentFormModel holderId;
  private final IdDocumentFormModel agentId;
  private final StringProperty operatorName = new SimpleStringProperty("");
  private final BooleanBinding agent;
  private final BooleanBinding canGoNext;
  private final BooleanBinding canGoBack;

  public WizardViewModel(Messages initial, boolean training, Clock clock) {
    this.messages = new SimpleObjectProperty<>(initial);
    this.training = training;
    this.holderId = new IdDocumentFormModel(clock);
    this.agentId = new IdDocumentFormModel(clock);
    this.agent = holder.isEqualTo(HolderKind.AGENT);
    this.canGoNext =
        Bindings.createBooleanBinding(
            this::stepComplete, step, holderId.completeBinding(), agentId.completeBinding(), agent);
    this.canGoBack =
        Bindings.createBooleanBinding(
            () -> step.get() == WizardStep.ID || step.get() == WizardStep.CARD, step);
  }

  private boolean stepComplete() {
    return switch (step.get()) {
      case SERVICE -> true;
      case ID ->
          holderId.completeBinding().get() && (!agent.get() || agentId.completeBinding().get());
      default -> false;
    };
  }

  public void next() {
    if (!canGoNext.get()) {
      return;
    }
    WizardStep now = step.get();
    if (now.ordinal() + 1 < WizardStep.values().length) {
      step.set(WizardStep.values()[now.ordinal() + 1]);
    }
  }

  public void back() {
    if (canGoBack.get()) {
      step.set(WizardStep.values()[step.get().ordinal() - 1]);
    }
  }

  /** Ends the case and starts over at the service step. */
  public void cancelCase() {
    holderId.clear();
    agentId.clear();
    service.set(ServiceKind.RESET);
    holder.set(HolderKind.IN_PERSON);
    step.set(WizardStep.SERVICE);
  }

  public void switchLanguage() {
    boolean english = "en".equals(messages.get().locale().getLanguage());
    messages.set(Messages.of(english ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH));
  }

  public ObjectProperty<Messages> messages() {
    return messages;
  }

  public boolean training() {
    return training;
  }

  public ObjectProperty<WizardStep> stepProperty() {
    return step;
  }

  public ObjectProperty<ServiceKind> serviceProperty() {
    return service;
  }

  public ObjectProperty<HolderKind> holderProperty() {
    return holder;
  }

  public BooleanBinding agentProperty() {
    return agent;
  }

  public IdDocumentFormModel holderIdForm() {
    return holderId;
  }

  public IdDocumentFormModel agentIdForm() {
    return agentId;
  }

  public StringProperty operatorNameProperty() {
    return operatorName;
  }

  public StringBinding operatorTextBinding() {
    return Bindings.createStringBinding(
        () -> messages.get().get("wizard.operator", operatorName.get()), messages, operatorName);
  }

  public BooleanBinding canGoNextBinding() {
    return canGoNext;
  }

  public BooleanBinding canGoBackBinding() {
    return canGoBack;
  }
}
