package dev.pindesk.service.counter;

import dev.pindesk.service.signin.SignInResult;
import java.util.concurrent.CompletionStage;

/**
 * The clerk's side of a {@link CounterSession}: sign-in and the idle lock — all the sign-in screen
 * needs of it.
 */
public interface ClerkSession {

  /**
   * Checks an operator's password (taken over: wiped after the check). A success is journaled and
   * lifts the idle lock.
   */
  CompletionStage<SignInResult> signIn(String operatorId, char[] password);

  /** The clerk did something (a key, the mouse): the idle lock starts counting again. One-way. */
  void activity();

  /** Whether the counter has been idle long enough to be locked. */
  boolean idleLocked();
}
