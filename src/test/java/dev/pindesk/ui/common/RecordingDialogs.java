package dev.pindesk.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The {@link DialogService} of view-model tests: records what was asked and shown, and answers with
 * what the test scripted (by default: "stay" to a question, a cancelled chooser).
 */
public final class RecordingDialogs implements DialogService {
  /** A notice shown with {@link #inform}. */
  public record Shown(String title, String message) {}

  private final List<Confirmation> questions = new ArrayList<>();
  private final List<Shown> notices = new ArrayList<>();
  private final List<FileChoice> choosers = new ArrayList<>();
  private final Deque<Boolean> answers = new ArrayDeque<>();
  private final Deque<Optional<Path>> files = new ArrayDeque<>();
  private Runnable whileAsked = () -> {};

  /** The next question is answered {@code confirm} (true) or stay (false). */
  public RecordingDialogs answer(boolean confirm) {
    answers.add(confirm);
    return this;
  }

  /** The next chooser returns {@code file}. */
  public RecordingDialogs choose(Path file) {
    files.add(Optional.of(file));
    return this;
  }

  /** The next chooser is cancelled. */
  public RecordingDialogs cancelChooser() {
    files.add(Optional.empty());
    return this;
  }

  /** Runs while the next question is on screen (what happens meanwhile in the real window). */
  public RecordingDialogs whileAsked(Runnable meanwhile) {
    this.whileAsked = meanwhile;
    return this;
  }

  @Override
  public boolean confirm(Confirmation question) {
    questions.add(question);
    Runnable meanwhile = whileAsked;
    whileAsked = () -> {};
    meanwhile.run();
    return answers.isEmpty() ? false : answers.poll();
  }

  @Override
  public void inform(String title, String message) {
    notices.add(new Shown(title, message));
  }

  @Override
  public Optional<Path> chooseFileToSave(FileChoice choice) {
    choosers.add(choice);
    return files.isEmpty() ? Optional.empty() : files.poll();
  }

  @Override
  public Optional<Path> chooseFileToOpen(FileChoice choice) {
    return chooseFileToSave(choice);
  }

  public List<Confirmation> questions() {
    return questions;
  }

  public List<Shown> notices() {
    return notices;
  }

  public List<FileChoice> choosers() {
    return choosers;
  }
}
