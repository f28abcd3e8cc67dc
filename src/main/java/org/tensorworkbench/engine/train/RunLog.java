package org.tensorworkbench.engine.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a run has reported so far, kept by whoever drains the session's events (the command
 * line's loop, the Training screen once per frame): every iteration, every epoch and how the run
 * ended. {@link RunFolder} writes it out. Not thread-safe: one consumer feeds it.
 */
public final class RunLog {
  private final List<TrainingEvent.Iteration> iterations = new ArrayList<>();
  private final List<TrainingEvent.Epoch> epochs = new ArrayList<>();
  private TrainingEvent ending;

  /** Records {@code event} if it is an iteration, an epoch or the end of the run. */
  public void add(TrainingEvent event) {
    if (event instanceof TrainingEvent.Iteration it) {
      iterations.add(it);
    } else if (event instanceof TrainingEvent.Epoch ep) {
      epochs.add(ep);
    } else if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Stopped
        || event instanceof TrainingEvent.Failed) {
      ending = event;
    }
  }

  public List<TrainingEvent.Iteration> iterations() {
    return Collections.unmodifiableList(iterations);
  }

  public List<TrainingEvent.Epoch> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** Finished, Stopped or Failed; null while the run goes on. */
  public TrainingEvent ending() {
    return ending;
  }

  public boolean hasEnded() {
    return ending != null;
  }

  /** The last finished epoch, or null before the first one ends. */
  public TrainingEvent.Epoch lastEpoch() {
    return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
  }

  /** The test evaluation at the end (Finished) or after the last finished epoch; null if none. */
  public Evaluation finalTest() {
    if (ending instanceof TrainingEvent.Finished f && f.test() != null) {
      return f.test();
    }
    TrainingEvent.Epoch last = lastEpoch();
    return last == null ? null : last.test();
  }

  /** Training seconds of the finished epochs, pauses and evaluation excluded. */
  public double trainingSeconds() {
    if (ending instanceof TrainingEvent.Finished f) {
      return f.seconds();
    }
    return epochs.stream().mapToDouble(TrainingEvent.Epoch::seconds).sum();
  }

  /** {@code finished}, {@code stopped}, {@code failed} or {@code running}, as run folders record it. */
  public String status() {
    if (ending instanceof TrainingEvent.Finished) {
      return RunFolder.FINISHED;
    } else if (ending instanceof TrainingEvent.Stopped) {
      return RunFolder.STOPPED;
    } else if (ending instanceof TrainingEvent.Failed) {
      return RunFolder.FAILED;
    }
    return RunFolder.RUNNING;
  }
}
