package org.tensorworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingException;
import org.tensorworkbench.engine.train.TrainingSession;
import org.tensorworkbench.ui.common.SideBySideRuns.AfterEnd;
import org.tensorworkbench.ui.common.SideBySideRuns.Outcome;

/** Two tiny sessions (softmax regression on the blobs, linear regression) run side by side, without a toolkit. */
class SideBySideRunsTest {
  private enum Run { LEFT, RIGHT }

  private static Dataset blobs;
  private static Dataset linear;

  /** What the runs handed on, in the order they did. */
  private final Map<Run, List<TrainingEvent>> events = new EnumMap<>(Run.class);
  private final List<Object> log = new ArrayList<>();

  @BeforeAll
  static void loadData() {
    DatasetRegistry registry = new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")));
    blobs = registry.load(DatasetRegistry.BLOBS, DatasetOptions.defaults());
    linear = registry.load(DatasetRegistry.SYNTHETIC_LINEAR, DatasetOptions.defaults());
  }

  private SideBySideRuns<Run> runs(AfterEnd afterEnd) {
    for (Run r : Run.values()) {
      events.put(r, new ArrayList<>());
    }
    return new SideBySideRuns<>(Run.class, afterEnd, log::add, log::add);
  }

  private void record(Run run, TrainingEvent event) {
    events.get(run).add(event);
    log.add(event);
  }

  private static TrainingSession blobSession(long seed, int epochs, boolean paused, Consumer<TrainingEvent> sink) {
    NetworkSpec spec = NetworkSpec.sequential("softmax regression", InputSpec.of(blobs.featureShape()[0]),
        DenseSpec.of(blobs.classCount()), new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
    TrainingSession s = new TrainingSession(NetworkCompiler.compile(spec, CompileOptions.defaults().withSeed(seed)),
        blobs.train(), blobs.test(), TrainingConfig.defaults().withEpochs(epochs).withSeed(seed),
        SessionOptions.quiet().withStartPaused(paused), sink);
    s.start();
    return s;
  }

  /** Linear regression at learning rate 10: the loss explodes within a few minibatches. */
  private static TrainingSession divergingSession(Consumer<TrainingEvent> sink) {
    NetworkSpec spec = NetworkSpec.sequential("linear regression", InputSpec.of(linear.featureShape()[0]),
        DenseSpec.of(1), new OutputSpec(OutputSpec.Loss.MSE));
    TrainingSession s = new TrainingSession(NetworkCompiler.compile(spec, CompileOptions.defaults().withSeed(1)),
        linear.train(), linear.test(), TrainingConfig.defaults().withLearningRate(10).withBatchSize(16).withEpochs(20),
        SessionOptions.quiet(), sink);
    s.start();
    return s;
  }

  private <T> List<T> of(Run run, Class<T> type) {
    return events.get(run).stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void bothRunsFinishingHandOnEveryEventInOrderThenTheComparisonIsDoneOnce() throws Exception {
    SideBySideRuns<Run> runs = runs(AfterEnd.KEEP);
    runs.prepare(UiExecutor.direct(), () -> new long[] {1, 2},
        seeds -> runs.start((run, sink) -> blobSession(seeds[run.ordinal()], 2, false, sink)));
    assertTrue(runs.awaitEnd(60_000));
    assertTrue(runs.drain(this::record));
    for (Run r : Run.values()) {
      int perEpoch = runs.session(r).batchesPerEpoch();
      List<TrainingEvent.Iteration> iterations = of(r, TrainingEvent.Iteration.class);
      assertEquals(2 * perEpoch, iterations.size());
      assertEquals(2, of(r, TrainingEvent.Epoch.class).size());
      assertInstanceOf(TrainingEvent.Finished.class, events.get(r).get(events.get(r).size() - 1));
      // on the epoch axis: the first minibatch at 1 / batches, each epoch's last at its end
      assertEquals(1.0 / perEpoch, runs.epochPosition(r, iterations.get(0)), 1e-12);
      assertEquals(1.0, runs.epochPosition(r, iterations.get(perEpoch - 1)), 1e-12);
      assertEquals(2.0, runs.epochPosition(r, iterations.get(2 * perEpoch - 1)), 1e-12);
    }
    assertEquals(Outcome.DONE, log.get(log.size() - 1), "the outcome comes after both runs' last events");
    assertEquals(1, log.stream().filter(Outcome.class::isInstance).count());
    assertFalse(log.stream().anyMatch(UiText.class::isInstance));
    assertFalse(runs.drain(this::record), "nothing left");
    assertEquals(1, log.stream().filter(Outcome.class::isInstance).count(), "the outcome is told once");
    assertEquals(7, runs.session(Run.LEFT).onTrainingThread(() -> 7).get(), "KEEP keeps the sessions' threads");
    runs.close();
    assertNull(runs.session(Run.LEFT));
  }

  @Test
  void preparingFailingEndsTheComparisonFailedWithTheReasonAndStartsNoRun() {
    SideBySideRuns<Run> runs = runs(AfterEnd.CLOSE);
    runs.prepare(UiExecutor.direct(), () -> {
      throw new TrainingException("train.error.emptyTrainingSet");
    }, prepared -> runs.start((run, sink) -> blobSession(1, 1, false, sink)));
    assertEquals(2, log.size());
    assertEquals("train.error.emptyTrainingSet", assertInstanceOf(UiText.class, log.get(0)).key());
    assertEquals(Outcome.FAILED, log.get(1));
    assertNull(runs.session(Run.LEFT));
  }

  @Test
  void theComparisonGoesOnUntilItsLastRunEndsAndStopStopsEveryRun() throws Exception {
    SideBySideRuns<Run> runs = runs(AfterEnd.CLOSE);
    // LEFT trains one epoch and finishes; RIGHT waits paused until it is stopped
    runs.start((run, sink) -> blobSession(1, 1, run == Run.RIGHT, sink));
    assertTrue(runs.session(Run.LEFT).awaitEnd(60, TimeUnit.SECONDS));
    runs.drain(this::record);
    assertInstanceOf(TrainingEvent.Finished.class, events.get(Run.LEFT).get(events.get(Run.LEFT).size() - 1));
    assertFalse(log.stream().anyMatch(Outcome.class::isInstance), "RIGHT still runs");
    assertThrows(RejectedExecutionException.class, () -> runs.session(Run.LEFT).onTrainingThread(() -> 7),
        "CLOSE releases a session's thread as its run ends");

    runs.stop();
    assertTrue(runs.awaitEnd(60_000));
    runs.drain(this::record);
    assertInstanceOf(TrainingEvent.Stopped.class, events.get(Run.RIGHT).get(events.get(Run.RIGHT).size() - 1));
    assertEquals(List.of(Outcome.STOPPED), log.stream().filter(Outcome.class::isInstance).toList(),
        "one run stopped: the comparison was stopped, not done");
  }

  @Test
  void stopWhileBothTrainStopsBoth() throws Exception {
    SideBySideRuns<Run> runs = runs(AfterEnd.CLOSE);
    runs.start((run, sink) -> blobSession(run.ordinal() + 1, 1000, true, sink));
    runs.stop();
    assertTrue(runs.awaitEnd(60_000));
    runs.drain(this::record);
    for (Run r : Run.values()) {
      assertInstanceOf(TrainingEvent.Stopped.class, events.get(r).get(events.get(r).size() - 1));
    }
    assertEquals(Outcome.STOPPED, log.get(log.size() - 1));
  }

  @Test
  void oneRunFailingFailsTheComparisonAndSaysWhyBeforeItsLastEvent() throws Exception {
    SideBySideRuns<Run> runs = runs(AfterEnd.CLOSE);
    runs.start((run, sink) -> run == Run.LEFT ? divergingSession(sink) : blobSession(3, 1, false, sink));
    assertTrue(runs.awaitEnd(60_000));
    runs.drain(this::record);
    TrainingEvent.Failed failed = assertInstanceOf(TrainingEvent.Failed.class,
        events.get(Run.LEFT).get(events.get(Run.LEFT).size() - 1));
    assertInstanceOf(TrainingEvent.Finished.class, events.get(Run.RIGHT).get(events.get(Run.RIGHT).size() - 1));
    List<UiText> why = log.stream().filter(UiText.class::isInstance).map(UiText.class::cast).toList();
    assertEquals(1, why.size());
    assertEquals("train.error.lossExploded", why.get(0).key());
    assertEquals(failed.messageKey(), why.get(0).key());
    assertEquals(log.indexOf(failed) - 1, log.indexOf(why.get(0)), "the reason comes just before the failed run's end");
    assertEquals(Outcome.FAILED, log.get(log.size() - 1));
  }
}
