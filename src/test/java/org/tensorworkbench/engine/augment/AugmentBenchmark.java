package org.tensorworkbench.engine.augment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.Recipes;
import org.tensorworkbench.engine.train.RunLog;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingSession;

/**
 * Not a test: measures (1) the augmentation pipeline of {@code docs/augment-fashion-mnist.json}
 * in images/s on 28x28 grey batches (with the normalization round trip training does) and on
 * 3x224x224 colour images, (2) LeNet's training speed on Fashion-MNIST with and without that
 * augmentation (median images/s of the epochs, alternating runs), and (3) the comparison run
 * with its default settings. Run with
 * {@code java -cp target/test-classes:target/classes:<deps> org.tensorworkbench.engine.augment.AugmentBenchmark [home]};
 * {@code [home] network images epochs batch} runs only the comparison with those settings.
 */
public final class AugmentBenchmark {
  private AugmentBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args.length > 0 ? args[0] : ".");
    AugmentPipeline pipeline = AugmentJson.read(home.resolve("docs/augment-fashion-mnist.json"));
    System.out.printf("pipeline: %d steps%n", pipeline.steps().size());
    if (args.length == 5) {
      AugmentComparison.Settings d = AugmentComparison.Settings.defaults();
      compare(home, pipeline, new AugmentComparison.Settings(args[1], d.dataset(), Integer.parseInt(args[2]),
          d.testImages(), Integer.parseInt(args[3]), Integer.parseInt(args[4]), d.seed()));
      return;
    }
    // (1) throughput
    TrainingAugmenter augmenter = new TrainingAugmenter(pipeline);
    int[] small = {1, 28, 28};
    Normalization divide = Normalization.divide(255f, 1, 784);
    float[] batch = new float[256 * 784];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = (i * 37 % 101) / 100f;
    }
    throughput("28x28 grey, batches of 256", () -> augmenter.augment(batch, 256, small, divide, System.nanoTime()), 256);
    ImageSize large = new ImageSize(3, 224, 224);
    float[] image = new float[large.values()];
    for (int i = 0; i < image.length; i++) {
      image[i] = (i * 37 % 101) / 100f;
    }
    AugmentPipeline colour = pipeline.with(AugmentStep.of(AugmentKind.BRIGHTNESS)).with(AugmentStep.of(AugmentKind.HUE));
    throughput("3x224x224 colour (+ brightness, hue)", () -> colour.apply(image, large, System.nanoTime()), 1);
    // (2) LeNet with and without
    DatasetRegistry registry = new DatasetRegistry(home);
    Dataset data = registry.load(DatasetRegistry.FASHION_MNIST, DatasetOptions.defaults().withLimit(20_000).withTestLimit(2_000));
    TrainingConfig lenet = Recipes.of("lenet").orElseThrow().applyTo(TrainingConfig.defaults()).withEpochs(3).withLimit(0);
    List<Double> plain = new ArrayList<>();
    List<Double> augmented = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      plain.addAll(speeds(PreparedRun.of(Templates.load("lenet"), data, lenet), SessionOptions.quiet()));
      augmented.addAll(speeds(PreparedRun.of(Templates.load("lenet"), data, lenet),
          SessionOptions.quiet().withAugmentation(augmenter)));
    }
    double p = median(plain);
    double a = median(augmented);
    System.out.printf("LeNet trainer, 20,000 Fashion-MNIST images, batch %d: plain %s img/s (median %.0f), augmented %s img/s"
        + " (median %.0f): slowdown %.1f %%%n", lenet.batchSize(), round(plain), p, round(augmented), a, 100 * (1 - a / p));
    // (3) the comparison run
    compare(home, pipeline, AugmentComparison.Settings.defaults());
  }

  private static void compare(Path home, AugmentPipeline pipeline, AugmentComparison.Settings s)
      throws InterruptedException {
    AugmentComparison comparison = AugmentComparison.prepare(home, s, pipeline);
    for (AugmentComparison.Variant v : AugmentComparison.Variant.values()) {
      TrainingEventQueue queue = new TrainingEventQueue();
      TrainingSession session = comparison.start(v, queue);
      session.awaitEnd(1, TimeUnit.HOURS);
      RunLog log = new RunLog();
      queue.drain().forEach(log::add);
      session.close();
      TrainingEvent.Epoch last = log.lastEpoch();
      System.out.printf("comparison %s, %s on %d images, %d epochs, batch %d: train %.1f %%, test %.1f %%, gap %.1f points%n",
          v, s.network(), s.trainImages(), s.epochs(), s.batchSize(), 100 * last.trainAccuracy(),
          100 * last.test().accuracy(), 100 * (last.trainAccuracy() - last.test().accuracy()));
    }
  }

  private static void throughput(String what, Runnable work, int images) {
    for (int i = 0; i < 20; i++) {
      work.run();
    }
    double[] rates = new double[5];
    for (int r = 0; r < rates.length; r++) {
      long start = System.nanoTime();
      int n = 0;
      while (System.nanoTime() - start < 1_000_000_000L) {
        work.run();
        n += images;
      }
      rates[r] = n / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    System.out.printf("pipeline %s: %.0f img/s (median of 5 one-second runs, one thread)%n", what, rates[2]);
  }

  private static List<Double> speeds(PreparedRun run, SessionOptions options) throws InterruptedException {
    TrainingEventQueue queue = new TrainingEventQueue();
    TrainingSession session = run.newSession(options, queue);
    session.start();
    session.awaitEnd(1, TimeUnit.HOURS);
    RunLog log = new RunLog();
    queue.drain().forEach(log::add);
    session.close();
    return log.epochs().stream().map(TrainingEvent.Epoch::examplesPerSecond).toList();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String round(List<Double> values) {
    return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
  }
}
