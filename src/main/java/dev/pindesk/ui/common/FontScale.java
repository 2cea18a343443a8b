package dev.pindesk.ui.common;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The font scale of a window, for clerks who need larger text and for large counter screens: the
 * theme's sizes are relative to the root font size (14 px), so scaling it scales the text and the
 * controls around it. Ctrl+Plus / Ctrl+Minus change it in steps of 10 %, Ctrl+0 restores the
 * configured scale ({@code pindesk.font.scale}).
 */
public final class FontScale {
  public static final double MIN = 0.8;
  public static final double MAX = 2.0;
  static final double STEP = 0.1;
  private static final double BASE_PX = 14;

  private final double configured;
  private final DoubleProperty scale;

  /** {@code configured} is clamped to {@link #MIN}..{@link #MAX}. */
  public FontScale(double configured) {
    this.configured = clamp(configured);
    this.scale = new SimpleDoubleProperty(this.configured);
  }

  /** Scales {@code scene}'s root and installs the keys. */
  public void applyTo(Scene scene) {
    scene
        .getRoot()
        .styleProperty()
        .bind(
            Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_PX * scale.get()),
                scale));
    var keys = scene.getAccelerators();
    for (KeyCode bigger : new KeyCode[] {KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD}) {
      keys.put(new KeyCodeCombination(bigger, KeyCombination.SHORTCUT_DOWN), this::bigger);
    }
    for (KeyCode smaller : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
      keys.put(new KeyCodeCombination(smaller, KeyCombination.SHORTCUT_DOWN), this::smaller);
    }
    for (KeyCode reset : new KeyCode[] {KeyCode.DIGIT0, KeyCode.NUMPAD0}) {
      keys.put(new KeyCodeCombination(reset, KeyCombination.SHORTCUT_DOWN), this::reset);
    }
  }

  public void bigger() {
    scale.set(clamp(Math.round((scale.get() + STEP) * 10) / 10.0));
  }

  public void smaller() {
    scale.set(clamp(Math.round((scale.get() - STEP) * 10) / 10.0));
  }

  public void reset() {
    scale.set(configured);
  }

  public DoubleProperty scaleProperty() {
    return scale;
  }

  private static double clamp(double value) {
    return Double.isNaN(value) ? 1.0 : Math.max(MIN, Math.min(MAX, value));
  }
}
