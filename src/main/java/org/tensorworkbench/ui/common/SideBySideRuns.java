package org.tensorworkbench.ui.common;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingSession;

/**
 * Training sessions run side by side for a comparison, one per constant of {@code K} (with and
 * without dropout, LeNet and LeNet-BN, fine-tuned and from scratch...). Each session reports to
 * a queue of its own; {@link #drain}, called once per frame on the FX thread, hands their
 * events on in order and keeps track of how each run ended. When the last run has ended, the
 * comparison as a whole ended {@link Outcome#FAILED} if any run failed, else
 * {@link Outcome#STOPPED} if any was stopped, else {@link Outcome#DONE}. {@link #prepare} does
 * the slow part before the runs start (loading data, compiling) in the background.
 *
 * @param <K> the enum naming the runs
 */
public final class SideBySideRuns<K extends Enum<K>> {
  /** How a run, or the comparison, ended; the names match the view models' phases. */
  public enum Outcome {
    DONE, STOPPED, FAILED;

    /** How a run ended if {@code event} is its last one (finished, stopped, failed), else null. */
    public static Outcome of(TrainingEvent event) {
      return event instanceof TrainingEvent.Finished ? DONE
          : event instanceof TrainingEvent.Stopped ? STOPPED
          : event instanceof TrainingEvent.Failed ? FAILED : null;
    }
  }

  /** What happens to a session once its run has ended. */
  public enum AfterEnd {
    /** Closed at once: its thread is released. */
    CLOSE,
    /** Kept (e.g. to save its network on its thread) until the next comparison or {@link #close()}. */
    KEEP
  }

  private final Class<K> runs;
  private final AfterEnd afterEnd;
  private final Consumer<UiText> failures;
  private final Consumer<Outcome> allEnded;
  private final Map<K, TrainingEventQueue> queues;
  private final Map<K, TrainingSession> sessions;
  private final Map<K, Outcome> outcomes;

  /**
   * @param runs the enum whose constants name the runs, all started together
   * @param afterEnd whether a session is closed as soon as its run ends
   * @param failures gets the engine's explanation when a run fails
   * @param allEnded gets the comparison's outcome when its last run has ended
   */
  public SideBySideRuns(Class<K> runs, AfterEnd afterEnd, Consumer<UiText> failures, Consumer<Outcome> allEnded) {
    this.runs = runs;
    this.afterEnd = afterEnd;
    this.failures = failures;
    this.allEnded = allEnded;
    this.queues = new EnumMap<>(runs);
    this.sessions = new EnumMap<>(runs);
    this.outcomes = new EnumMap<>(runs);
  }

  /**
   * Closes the sessions of the previous comparison and prepares the next one in the background
   * ({@code work}: loading data, compiling); {@code startWith} then gets what was prepared on the
   * FX thread and {@link #start}s the runs. If preparing fails, the reason goes to the failures
   * and the comparison ends {@link Outcome#FAILED} without a run.
   */
  public <P> void prepare(UiExecutor executor, Callable<P> work, Consumer<P> startWith) {
    close();
    executor.submit(work, startWith, e -> {
      failures.accept(UiText.of(e));
      allEnded.accept(Outcome.FAILED);
    });
  }

  /**
   * Closes the sessions of the previous comparison, then starts one run per constant of
   * {@code K}, in declaration order: {@code starter} gets the run and the queue its events go to
   * and returns the session it has started.
   */
  public void start(BiFunction<K, Consumer<TrainingEvent>, TrainingSession> starter) {
    close();
    for (K run : runs.getEnumConstants()) {
      TrainingEventQueue queue = new TrainingEventQueue();
      queues.put(run, queue);
      sessions.put(run, starter.apply(run, queue));
    }
  }

  /** Stops every run after its current minibatch. */
  public void stop() {
    sessions.values().forEach(TrainingSession::stop);
  }

  /**
   * Hands what the sessions reported since the last call to {@code events}, run by run and in
   * order; call it once per frame on the FX thread. A run's last event (finished, stopped or
   * failed) comes after its failure was reported and its session closed (if {@link AfterEnd#CLOSE})
   * and before the comparison's outcome. True if there was any event.
   */
  public boolean drain(BiConsumer<K, TrainingEvent> events) {
    boolean any = false;
    for (Map.Entry<K, TrainingEventQueue> e : List.copyOf(queues.entrySet())) {
      for (TrainingEvent event : e.getValue().drain()) {
        take(e.getKey(), event, events);
        any = true;
      }
    }
    return any;
  }

  /** Waits until every session has ended (tests, leaving a lab); true if they did in time. */
  public boolean awaitEnd(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    for (TrainingSession s : List.copyOf(sessions.values())) {
      if (!s.awaitEnd(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return true;
  }

  /** The session of {@code run} in the last comparison started, or null. */
  public TrainingSession session(K run) {
    return sessions.get(run);
  }

  /**
   * Where minibatch {@code it} of {@code run} lies on an epoch axis: minibatch i of epoch e at
   * e + (i + 1) / batches per epoch, so epoch e's last minibatch is at e + 1.
   */
  public double epochPosition(K run, TrainingEvent.Iteration it) {
    int perEpoch = sessions.get(run).batchesPerEpoch();
    return it.epoch() + (it.iteration() - (long) it.epoch() * perEpoch + 1) / (double) perEpoch;
  }

  /** Stops and releases every session (leaving a lab); their events not drained yet are dropped. */
  public void close() {
    sessions.values().forEach(TrainingSession::close);
    sessions.clear();
    queues.clear();
    outcomes.clear();
  }

  private void take(K run, TrainingEvent event, BiConsumer<K, TrainingEvent> events) {
    Outcome outcome = Outcome.of(event);
    if (outcome == null) {
      events.accept(run, event);
      return;
    }
    if (event instanceof TrainingEvent.Failed f) {
      failures.accept(UiText.of(f.messageKey(), f.arguments().toArray()));
    }
    outcomes.put(run, outcome);
    if (afterEnd == AfterEnd.CLOSE) {
      sessions.get(run).close();
    }
    events.accept(run, event);
    if (outcomes.size() == sessions.size()) {
      allEnded.accept(outcomes.containsValue(Outcome.FAILED) ? Outcome.FAILED
          : outcomes.containsValue(Outcome.STOPPED) ? Outcome.STOPPED : Outcome.DONE);
    }
  }
}
