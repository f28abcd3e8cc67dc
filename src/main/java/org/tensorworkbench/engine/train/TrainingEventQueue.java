package org.tensorworkbench.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Hands events from the training thread to a consumer that polls, e.g. the UI once per frame:
 * the training thread never waits, and the UI receives every event in order without one
 * {@code Platform.runLater} per minibatch.
 */
public final class TrainingEventQueue implements Consumer<TrainingEvent> {
  private final ConcurrentLinkedQueue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();

  @Override
  public void accept(TrainingEvent event) {
    queue.add(event);
  }

  /** Removes and returns every event queued so far, oldest first. */
  public List<TrainingEvent> drain() {
    List<TrainingEvent> events = new ArrayList<>();
    for (TrainingEvent e = queue.poll(); e != null; e = queue.poll()) {
      events.add(e);
    }
    return events;
  }
}
