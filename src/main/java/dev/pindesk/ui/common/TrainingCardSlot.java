package dev.pindesk.ui.common;

/** Training mode only: puts the virtual training card into the virtual reader and takes it out. */
public interface TrainingCardSlot {
  void insert();

  void remove();

  boolean inserted();
}
