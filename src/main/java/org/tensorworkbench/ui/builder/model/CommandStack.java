package org.tensorworkbench.ui.builder.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The undo and redo history of a design. Each entry holds the command with the design values
 * before and after it, so undo and redo are exact whatever the command did. A command whose
 * result equals its input (moving a node onto itself) leaves no entry.
 */
public final class CommandStack {
  /** How many edits can be undone; older ones are forgotten. */
  public static final int DEPTH = 500;

  private record Entry(DesignCommand command, Design before, Design after) {}

  private final Deque<Entry> undo = new ArrayDeque<>();
  private final Deque<Entry> redo = new ArrayDeque<>();
  private boolean sealed = true;

  /**
   * Applies {@code command} to {@code current} and records it.
   *
   * @return the new design
   * @throws EditRejectedException if the command refuses the edit; nothing is recorded then
   */
  public Design execute(DesignCommand command, Design current) {
    Design after = command.apply(current);
    if (after.equals(current)) {
      return current;
    }
    Entry top = undo.peek();
    if (!sealed && top != null && top.after().equals(current) && command.continues(top.command())) {
      undo.pop();
      undo.push(new Entry(command, top.before(), after));
    } else {
      undo.push(new Entry(command, current, after));
      if (undo.size() > DEPTH) {
        undo.removeLast();
      }
    }
    redo.clear();
    sealed = false;
    return after;
  }

  /** Ends the current run of continuing edits: the next edit gets an undo step of its own. */
  public void seal() {
    sealed = true;
  }

  public Optional<Design> undo() {
    Entry e = undo.poll();
    if (e == null) {
      return Optional.empty();
    }
    redo.push(e);
    sealed = true;
    return Optional.of(e.before());
  }

  public Optional<Design> redo() {
    Entry e = redo.poll();
    if (e == null) {
      return Optional.empty();
    }
    undo.push(e);
    sealed = true;
    return Optional.of(e.after());
  }

  public Optional<DesignCommand> nextUndo() {
    return Optional.ofNullable(undo.peek()).map(Entry::command);
  }

  public Optional<DesignCommand> nextRedo() {
    return Optional.ofNullable(redo.peek()).map(Entry::command);
  }

  public void clear() {
    undo.clear();
    redo.clear();
    sealed = true;
  }
}
