package dev.pindesk.ports;

/** A reader as PC/SC (or the virtual terminal) sees it at one moment. */
public record ReaderState(String name, boolean cardPresent) {}
