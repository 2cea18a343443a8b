package dev.pindesk.domain;

import java.util.Arrays;

/** Wiping helpers for secret material held in arrays. */
public final class Secrets {
  private Secrets() {}

  public static void wipe(byte[]... arrays) {
    for (byte[] a : arrays) {
      if (a != null) {
        Arrays.fill(a, (byte) 0);
      }
    }
  }

  public static void wipe(char[]... arrays) {
    for (char[] a : arrays) {
      if (a != null) {
        Arrays.fill(a, '\0');
      }
    }
  }
}
