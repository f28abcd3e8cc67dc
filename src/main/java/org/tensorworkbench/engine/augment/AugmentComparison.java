package org.tensorworkbench.engine.augment;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.Recipes;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingSession;

/**
 * d2l 14.1's experiment: the same network trained twice on the same small training subset with
 * the same seed (so the same initial weights and minibatch order), once on the images as they
 * are and once with every training minibatch augmented. Augmentation makes the training images
 * harder to memorize, so the gap between training and test accuracy shrinks.
 *
 * <p>Each run is a {@link TrainingSession} on its own thread; the test images are never augmented.
 */
public final class AugmentComparison {
  /** The two runs compared. */
  public enum Variant { PLAIN, AUGMENTED }

  /**
   * What both runs share.
   *
   * @param network a template name (its recipe's optimizer and learning rate are used)
   * @param dataset a registered image dataset
   * @param trainImages the first {@code trainImages} training images
   * @param testImages test images evaluated after every epoch
   * @param epochs passes over the training images
   * @param batchSize images per minibatch
   * @param seed the initial weights, the shuffling and the augmentation
   */
  public record Settings(String network, String dataset, int trainImages, int testImages, int epochs, int batchSize,
      long seed) {
    public Settings {
      require("trainImages", trainImages, 10, 60_000);
      require("testImages", testImages, 10, 10_000);
      require("epochs", epochs, 1, 100);
      require("batchSize", batchSize, 1, trainImages);
    }

    /** LeNet-BN on 1,000 Fashion-MNIST images for 15 epochs at batch 64, tested on 1,000. */
    public static Settings defaults() {
      return new Settings("lenet-bn", DatasetRegistry.FASHION_MNIST, 1_000, 1_000, 15, 64, 1);
    }

    /** The recipe's optimizer and learning rate with these settings' batch, epochs and seed. */
    public TrainingConfig trainingConfig() {
      TrainingConfig base = Recipes.of(network).map(r -> r.applyTo(TrainingConfig.defaults()))
          .orElse(TrainingConfig.defaults());
      return base.withBatchSize(batchSize).withEpochs(epochs).withSeed(seed).withLimit(0);
    }

    private static void require(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new AugmentException("transfer.augment.error.setting", name, value, min, max);
      }
    }
  }

  private final Settings settings;
  private final AugmentPipeline pipeline;
  private final Map<Variant, PreparedRun> runs;

  private AugmentComparison(Settings settings, AugmentPipeline pipeline, Map<Variant, PreparedRun> runs) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.runs = runs;
  }

  /** Loads the subset once and compiles the network twice with the same seed (identical start). */
  public static AugmentComparison prepare(Path projectHome, Settings settings, AugmentPipeline pipeline) {
    Dataset data = new DatasetRegistry(projectHome).load(settings.dataset(),
        DatasetOptions.defaults().withLimit(settings.trainImages()).withTestLimit(settings.testImages()));
    pipeline.requireFits(ImageSize.of(data.featureShape()));
    Map<Variant, PreparedRun> runs = new EnumMap<>(Variant.class);
    for (Variant v : Variant.values()) {
      runs.put(v, PreparedRun.of(Templates.load(settings.network()), data, settings.trainingConfig()));
    }
    return new AugmentComparison(settings, pipeline, runs);
  }

  public Settings settings() {
    return settings;
  }

  /** Starts one run on a thread of its own; its events go to {@code sink}. */
  public TrainingSession start(Variant variant, Consumer<TrainingEvent> sink) {
    SessionOptions options = SessionOptions.quiet();
    if (variant == Variant.AUGMENTED) {
      options = options.withAugmentation(new TrainingAugmenter(pipeline));
    }
    TrainingSession session = runs.get(variant).newSession(options, sink);
    session.start();
    return session;
  }
}
