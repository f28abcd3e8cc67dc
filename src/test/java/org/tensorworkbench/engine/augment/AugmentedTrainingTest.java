package org.tensorworkbench.engine.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.BatchAugmenter;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.ClassificationEvaluation;
import org.tensorworkbench.engine.train.Evaluator;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.RunLog;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingSession;

class AugmentedTrainingTest {
  private static final DatasetRegistry REGISTRY =
      new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")));
  private static final Dataset MNIST = REGISTRY.load(DatasetRegistry.MNIST,
      DatasetOptions.defaults().withLimit(300).withTestLimit(100));
  private static final AugmentPipeline PIPELINE = AugmentPipeline.empty()
      .with(AugmentStep.of(AugmentKind.RESIZED_CROP).with("minScale", 0.6))
      .with(AugmentStep.of(AugmentKind.ROTATION))
      .with(AugmentStep.of(AugmentKind.NOISE).withProbability(0.5));

  /** Counts what it is given, then augments like the real one. */
  private static final class Recording implements BatchAugmenter {
    final AtomicInteger samples = new AtomicInteger();
    final DoubleAdder rawSum = new DoubleAdder();
    final TrainingAugmenter real = new TrainingAugmenter(PIPELINE);

    @Override
    public void requireShape(int[] featureShape) {
      real.requireShape(featureShape);
    }

    @Override
    public void augment(float[] features, int n, int[] featureShape, Normalization normalization, long seed) {
      samples.addAndGet(n);
      double sum = 0;
      for (float v : features) {
        sum += v;
      }
      rawSum.add(sum);
      real.augment(features, n, featureShape, normalization, seed);
    }
  }

  private static RunLog train(SessionOptions options, PreparedRun run) throws Exception {
    TrainingEventQueue queue = new TrainingEventQueue();
    TrainingSession session = run.newSession(options, queue);
    RunLog log = new RunLog();
    session.start();
    assertTrue(session.awaitEnd(120, TimeUnit.SECONDS));
    queue.drain().forEach(log::add);
    session.close();
    assertTrue(log.ending() instanceof TrainingEvent.Finished, log.status());
    return log;
  }

  private static PreparedRun run(String template) {
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(50).withEpochs(2).withSeed(11);
    return PreparedRun.of(Templates.load(template), MNIST, config);
  }

  @Test
  void onlyTrainingBatchesAreAugmentedAndTheTestScoreIsOnTheOriginalTestImages() throws Exception {
    Recording recording = new Recording();
    PreparedRun run = run("lenet");
    RunLog log = train(SessionOptions.quiet().withAugmentation(recording), run);
    DatasetSplit train = MNIST.train();
    assertEquals(2 * train.size(), recording.samples.get(), "each training image once per epoch, nothing else");
    double trainSum = 0;
    for (int i = 0; i < train.size(); i++) {
      for (float v : train.features(i)) {
        trainSum += v;
      }
    }
    assertEquals(2 * trainSum, recording.rawSum.sum(), Math.abs(trainSum) * 1e-4,
        "the augmenter was given exactly the training images, twice");
    ClassificationEvaluation reported = (ClassificationEvaluation) log.finalTest();
    ClassificationEvaluation plain = (ClassificationEvaluation) Evaluator.evaluate(run.network(), MNIST.test());
    assertEquals(plain.accuracy(), reported.accuracy(), "the reported test score is on the unchanged test split");
    assertEquals(plain.loss(), reported.loss(), 1e-6);
  }

  @Test
  void aSeededAugmentedRunIsReproducible() throws Exception {
    SessionOptions options = SessionOptions.quiet().withAugmentation(new TrainingAugmenter(PIPELINE));
    List<Double> first = losses(train(options, run("softmax-regression")));
    List<Double> second = losses(train(options, run("softmax-regression")));
    List<Double> plain = losses(train(SessionOptions.quiet(), run("softmax-regression")));
    assertEquals(first, second);
    assertNotEquals(first, plain, "the augmentation changes what is learned");
  }

  @Test
  void aCutoutLargerThanTheImagesIsRefusedBeforeTraining() {
    Dataset small = REGISTRY.load(DatasetRegistry.MNIST, DatasetOptions.defaults().withLimit(10).withTestLimit(10));
    AugmentPipeline bigCutout = AugmentPipeline.empty().with(AugmentStep.of(AugmentKind.CUTOUT).with("size", 29));
    AugmentException e = assertThrows(AugmentException.class,
        () -> small.train().iterator(5, true, 1).augmentWith(new TrainingAugmenter(bigCutout)));
    assertEquals("transfer.augment.error.cutoutTooLarge", e.key());
  }

  private static List<Double> losses(RunLog log) {
    return log.epochs().stream().map(TrainingEvent.Epoch::trainLoss).toList();
  }
}
