package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.inspect.TensorSnapshot;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.i18n.Messages;

class TrainingSessionTest {
  private static Dataset mnist;
  private static Dataset blobs;
  private static Dataset linear;

  @BeforeAll
  static void loadData() {
    DatasetRegistry registry = new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")));
    mnist = registry.load(DatasetRegistry.MNIST, DatasetOptions.defaults().withLimit(2000).withTestLimit(500));
    blobs = registry.load(DatasetRegistry.BLOBS, DatasetOptions.defaults());
    linear = registry.load(DatasetRegistry.SYNTHETIC_LINEAR, DatasetOptions.defaults());
  }

  private static TrainingSession session(CompiledNetwork net, Dataset data, TrainingConfig config,
      SessionOptions options, RecordingSink sink) {
    return new TrainingSession(net, data.train(), data.test(), config, options, sink);
  }

  private static CompiledNetwork blobNetwork(long seed) {
    return TestNetworks.softmaxRegression(blobs.featureShape(), blobs.classCount(), seed);
  }

  @Test
  void lossFallsWhenSoftmaxRegressionTrainsOnMnist() throws Exception {
    RecordingSink sink = new RecordingSink();
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(100).withEpochs(2).withLearningRate(0.1);
    TrainingSession s = session(TestNetworks.softmaxRegression(new int[] {1, 28, 28}, 10, 1), mnist, config,
        SessionOptions.quiet(), sink);
    s.start();
    assertTrue(s.awaitEnd(60, TimeUnit.SECONDS));
    assertEquals(SessionState.FINISHED, s.state(), () -> sink.events.toString());
    double[] losses = sink.losses();
    assertEquals(40, losses.length);
    List<TrainingEvent.Epoch> epochs = sink.of(TrainingEvent.Epoch.class);
    assertEquals(2, epochs.size());
    // chance level is ln 10 = 2.30; two epochs of 2,000 images bring it well below
    assertTrue(losses[0] > 1.8, "first loss " + losses[0]);
    assertTrue(epochs.get(1).trainLoss() < 1.3, "epoch 2 train loss " + java.util.Arrays.toString(losses));
    assertTrue(epochs.get(1).trainLoss() < epochs.get(0).trainLoss());
    assertTrue(epochs.get(1).test().accuracy() > 0.7, "test accuracy " + epochs.get(1).test().accuracy());
    assertEquals(500, epochs.get(1).test().count());
    TrainingEvent.Finished done = assertInstanceOf(TrainingEvent.Finished.class, sink.events.get(sink.events.size() - 1));
    assertEquals(epochs.get(1).test(), done.test());
  }

  @Test
  void sameSeedGivesBitIdenticalLossCurves() throws Exception {
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.ADAM).withLearningRate(0.01)
        .withBatchSize(32).withEpochs(2).withSeed(7);
    double[][] curves = new double[3][];
    for (int run = 0; run < 3; run++) {
      RecordingSink sink = new RecordingSink();
      TrainingConfig c = run < 2 ? config : config.withSeed(8);
      TrainingSession s = session(blobNetwork(c.seed()), blobs, c, SessionOptions.quiet(), sink);
      s.start();
      assertTrue(s.awaitEnd(60, TimeUnit.SECONDS));
      curves[run] = sink.losses();
    }
    assertTrue(curves[0].length > 20);
    assertArrayEquals(curves[0], curves[1], 0.0);
    assertTrue(!java.util.Arrays.equals(curves[0], curves[2]), "another seed gives another curve");
  }

  /** ND4J M2.1 seeds its Bernoulli draws from the clock; {@code SeededRandomOps} makes them follow the run's seed. */
  @Test
  void sameSeedGivesTheSameDropoutMasksAndCurve() throws Exception {
    NetworkSpec spec = NetworkSpec.sequential("mlp with dropout", InputSpec.of(blobs.featureShape()[0]),
        DenseSpec.of(32), ActivationSpec.of(ActivationSpec.Function.RELU), new DropoutSpec(0.5),
        DenseSpec.of(blobs.classCount()), new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
    TrainingConfig config = TrainingConfig.defaults().withLearningRate(0.1).withBatchSize(32).withEpochs(1).withSeed(5);
    double[][] curves = new double[3][];
    for (int run = 0; run < 3; run++) {
      RecordingSink sink = new RecordingSink();
      TrainingConfig c = run < 2 ? config : config.withSeed(6);
      // the same initial weights in all three runs: only the masks (and, in run 3, the shuffling) differ
      CompiledNetwork net = NetworkCompiler.compile(spec, CompileOptions.defaults().withSeed(5));
      TrainingSession s = session(net, blobs, c, SessionOptions.quiet(), sink);
      s.start();
      assertTrue(s.awaitEnd(60, TimeUnit.SECONDS));
      assertEquals(SessionState.FINISHED, s.state(), () -> sink.events.toString());
      curves[run] = sink.losses();
      if (run == 0) {
        // wait between the runs so that a clock-seeded generator would draw other masks
        Thread.sleep(5);
      }
    }
    assertTrue(curves[0].length > 10);
    assertArrayEquals(curves[0], curves[1], 0.0);
    assertTrue(!java.util.Arrays.equals(curves[0], curves[2]), "another seed gives another curve");
  }

  @Test
  void directPathTrainsLikeSameDiffAndIsDeterministic() throws Exception {
    // a small LeNet-like chain on 2,000 MNIST images: convolution, pooling, sigmoid, dense
    NetworkSpec spec = NetworkSpec.sequential("small cnn",
        InputSpec.of(1, 28, 28),
        Conv2dSpec.of(4, 5).withPadding(Padding.of(2)),
        ActivationSpec.of(ActivationSpec.Function.SIGMOID),
        AvgPool2dSpec.of(2),
        Conv2dSpec.of(6, 5),
        ActivationSpec.of(ActivationSpec.Function.RELU),
        MaxPool2dSpec.of(2),
        new FlattenSpec(),
        DenseSpec.of(10),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.MOMENTUM).withLearningRate(0.05)
        .withBatchSize(200).withEpochs(1).withSeed(3);
    double[][] curves = new double[3][];
    for (int run = 0; run < 3; run++) {
      RecordingSink sink = new RecordingSink();
      CompiledNetwork net = NetworkCompiler.compile(spec,
          CompileOptions.defaults().withSeed(config.seed()));
      TrainingSession s = session(net, mnist, config, SessionOptions.quiet().withDirectPath(run < 2), sink);
      s.start();
      assertTrue(s.awaitEnd(120, TimeUnit.SECONDS));
      assertEquals(SessionState.FINISHED, s.state(), () -> sink.events.toString());
      curves[run] = sink.losses();
    }
    assertEquals(10, curves[0].length);
    assertArrayEquals(curves[0], curves[1], 0.0, "the direct path is deterministic");
    // FLOAT, summed in another order: the same curve up to rounding
    assertArrayEquals(curves[2], curves[0], 1e-4, "the direct path trains as SameDiff's fit");
  }

  @Test
  void stepTrainsOneMinibatchAtATimeThenResumeAndStop() throws Exception {
    RecordingSink sink = new RecordingSink();
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(8).withEpochs(50);
    TrainingSession s = session(blobNetwork(1), blobs, config, SessionOptions.quiet().withStartPaused(true), sink);
    s.start();
    waitFor(() -> sink.of(TrainingEvent.StateChanged.class).stream().anyMatch(e -> e.state() == SessionState.PAUSED));
    Thread.sleep(200);
    assertEquals(0, sink.of(TrainingEvent.Iteration.class).size(), "paused before the first minibatch");
    s.step();
    waitFor(() -> sink.of(TrainingEvent.Iteration.class).size() == 1);
    s.step();
    waitFor(() -> sink.of(TrainingEvent.Iteration.class).size() == 2);
    Thread.sleep(200);
    assertEquals(2, sink.of(TrainingEvent.Iteration.class).size(), "a step trains exactly one minibatch");
    assertEquals(SessionState.PAUSED, s.state());
    assertEquals(2, sink.of(TrainingEvent.Snapshot.class).size(), "every step sends fresh weights");

    s.resume();
    waitFor(() -> sink.of(TrainingEvent.Iteration.class).size() > 30);
    assertEquals(SessionState.RUNNING, s.state());
    s.pause();
    waitFor(() -> s.state() == SessionState.PAUSED);
    int atPause = sink.of(TrainingEvent.Iteration.class).size();
    Thread.sleep(200);
    assertEquals(atPause, sink.of(TrainingEvent.Iteration.class).size(), "nothing trains while paused");

    s.resume();
    waitFor(() -> sink.of(TrainingEvent.Iteration.class).size() > atPause + 10);
    s.stop();
    assertTrue(s.awaitEnd(5, TimeUnit.SECONDS));
    assertEquals(SessionState.STOPPED, s.state());
    int atStop = sink.of(TrainingEvent.Iteration.class).size();
    TrainingEvent.Stopped stopped = assertInstanceOf(TrainingEvent.Stopped.class, sink.events.get(sink.events.size() - 1));
    assertEquals(atStop, stopped.iterations());
    assertTrue(stopped.epoch() < 49);
  }

  @Test
  void stopWhilePausedEndsTheRun() throws Exception {
    RecordingSink sink = new RecordingSink();
    TrainingSession s = session(blobNetwork(1), blobs, TrainingConfig.defaults().withEpochs(3),
        SessionOptions.quiet().withStartPaused(true), sink);
    s.start();
    waitFor(() -> s.state() == SessionState.PAUSED);
    s.stop();
    assertTrue(s.awaitEnd(5, TimeUnit.SECONDS));
    assertEquals(SessionState.STOPPED, s.state());
  }

  @Test
  void divergingLossStopsTheRunWithAnExplanationBeforeItBecomesNaN() throws Exception {
    RecordingSink sink = new RecordingSink();
    TrainingConfig config = TrainingConfig.defaults().withLearningRate(10).withBatchSize(16).withEpochs(20);
    TrainingSession s = session(TestNetworks.linearRegression(linear.featureShape()[0], 1), linear, config,
        SessionOptions.quiet(), sink);
    s.start();
    assertTrue(s.awaitEnd(30, TimeUnit.SECONDS));
    assertEquals(SessionState.FAILED, s.state());
    TrainingEvent.Failed failed = assertInstanceOf(TrainingEvent.Failed.class, sink.events.get(sink.events.size() - 1));
    assertEquals("train.error.lossExploded", failed.messageKey());
    long iteration = (Long) failed.arguments().get(1);
    assertEquals(sink.of(TrainingEvent.Iteration.class).size(), iteration, "fails at the first diverged loss");
    assertTrue(Double.isFinite((Double) failed.arguments().get(0)));
    String english = Messages.get(java.util.Locale.ENGLISH, failed.messageKey(), failed.arguments().toArray());
    assertTrue(english.endsWith("training has diverged. The learning rate 10 is probably too high; try 1."), english);
  }

  @Test
  void theDivergenceWatchNeedsSeveralMinibatchesFarAboveTheStart() {
    TrainingHealth.DivergenceWatch watch = new TrainingHealth.DivergenceWatch(10); // reference max(L0, ln 10 = 2.30)
    assertFalse(watch.diverged(1.0));
    for (int i = 0; i < 4; i++) {
      assertFalse(watch.diverged(2400), "minibatch " + i); // > 1000·ln 10, four times
    }
    assertFalse(watch.diverged(2.0)); // one normal minibatch resets the count
    for (int i = 0; i < 4; i++) {
      assertFalse(watch.diverged(1e23));
    }
    assertTrue(watch.diverged(1e23));
    TrainingHealth.DivergenceWatch regression = new TrainingHealth.DivergenceWatch(0);
    assertFalse(regression.diverged(5.0));
    for (int i = 0; i < 4; i++) {
      assertFalse(regression.diverged(4999)); // not more than 1000 × 5
    }
  }

  @Test
  void snapshotsCarryWeightsAndProbeActivations() throws Exception {
    RecordingSink sink = new RecordingSink();
    SessionOptions options = SessionOptions.quiet().withSnapshots(Duration.ofMillis(1), 0, List.of("dense1"));
    TrainingSession s = session(blobNetwork(1), blobs, TrainingConfig.defaults().withEpochs(1), options, sink);
    s.start();
    assertTrue(s.awaitEnd(30, TimeUnit.SECONDS));
    List<TrainingEvent.Snapshot> snapshots = sink.of(TrainingEvent.Snapshot.class);
    assertTrue(snapshots.size() >= 2, "snapshots: " + snapshots.size());
    assertEquals(-1, snapshots.get(0).iteration(), "the network as it starts, before the first minibatch");
    TrainingEvent.Snapshot last = snapshots.get(snapshots.size() - 1);
    assertEquals(s.batchesPerEpoch() - 1, last.iteration(), "the epoch's end is snapshotted however fast it ran");
    TensorSnapshot w = last.weights().stream().filter(t -> t.name().equals(GraphNames.weights("dense1"))).findFirst().orElseThrow();
    assertArrayEquals(new int[] {blobs.featureShape()[0], blobs.classCount()}, w.shape());
    TensorSnapshot logits = last.activations().get(0);
    assertEquals("dense1", logits.name());
    assertArrayEquals(new int[] {1, blobs.classCount()}, logits.shape());
    assertTrue(!java.util.Arrays.equals(snapshots.get(0).weights().get(0).values(), w.values()), "weights change");
  }

  @Test
  void eventsArriveInOrderWithPlausibleNumbers() throws Exception {
    TrainingEventQueue queue = new TrainingEventQueue();
    TrainingConfig config = TrainingConfig.defaults().withEpochs(2).withBatchSize(50)
        .withSchedule(new LearningRateSchedule.Step(1, 0.5));
    TrainingSession s = new TrainingSession(blobNetwork(1), blobs.train(), blobs.test(), config,
        SessionOptions.quiet(), queue);
    s.start();
    assertTrue(s.awaitEnd(30, TimeUnit.SECONDS));
    List<TrainingEvent> events = queue.drain();
    assertInstanceOf(TrainingEvent.StateChanged.class, events.get(0));
    assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1));
    int perEpoch = s.batchesPerEpoch();
    List<TrainingEvent.Iteration> iterations = events.stream().filter(TrainingEvent.Iteration.class::isInstance)
        .map(TrainingEvent.Iteration.class::cast).toList();
    assertEquals(2 * perEpoch, iterations.size());
    for (int i = 0; i < iterations.size(); i++) {
      TrainingEvent.Iteration it = iterations.get(i);
      assertEquals(i, it.iteration());
      assertEquals(i / perEpoch, it.epoch());
      assertEquals(i < perEpoch ? 0.1 : 0.05, it.learningRate(), 1e-12);
      assertTrue(it.examplesPerSecond() > 0);
    }
    TrainingEvent.Epoch first = (TrainingEvent.Epoch) events.get(events.indexOf(iterations.get(perEpoch - 1)) + 1);
    assertEquals(0, first.epoch());
    assertTrue(first.trainAccuracy() > 0 && first.trainAccuracy() <= 1);
    assertTrue(first.seconds() > 0);
    assertEquals(blobs.test().size(), first.test().count());
    assertTrue(queue.drain().isEmpty(), "drain empties the queue");
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting");
      }
      Thread.sleep(5);
    }
  }
}
