package dev.pindesk.card;

import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A unit-test connection answering from a script and recording what was sent. */
final class ScriptedConnection implements CardConnection {
  final List<String> sent = new ArrayList<>();
  private final Deque<byte[]> answers = new ArrayDeque<>();

  ScriptedConnection answer(String... hex) {
    for (String h : hex) {
      answers.add(Hex.parse(h));
    }
    return this;
  }

  @Override
  public String readerName() {
    return "scripted";
  }

  @Override
  public byte[] atr() {
    return Hex.parse("3B00");
  }

  @Override
  public byte[] transmit(byte[] command) throws CardException {
    sent.add(Hex.of(command));
    if (answers.isEmpty()) {
      throw new AssertionError("unexpected command " + Hex.of(command));
    }
    return answers.poll();
  }

  @Override
  public void beginExclusive() {}

  @Override
  public void endExclusive() {}

  @Override
  public void close() {}
}
