package org.tensorworkbench.engine.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Keeps every event a session reports, for assertions. */
final class RecordingSink implements Consumer<TrainingEvent> {
  final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void accept(TrainingEvent event) {
    events.add(event);
  }

  <T extends TrainingEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  double[] losses() {
    return of(TrainingEvent.Iteration.class).stream().mapToDouble(TrainingEvent.Iteration::loss).toArray();
  }
}
