package org.tensorworkbench.engine.lab.norm;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingSession;

/**
 * d2l 8.5's experiment: LeNet and LeNet-BN trained on the same Fashion-MNIST images with the
 * same seed, optimizer, learning rate, batch size and number of epochs, so the only difference
 * is the BatchNorm layers. Batch normalization (Ioffe &amp; Szegedy 2015) keeps each layer's
 * inputs at zero mean and unit variance per channel, so the sigmoid LeNet-BN learns quickly even
 * at the high learning rate d2l uses, while plain LeNet barely moves in its first epochs.
 *
 * <p>The dataset is loaded once and both networks are prepared with {@link PreparedRun}; each
 * run is a {@link TrainingSession} on its own thread, so the two train side by side.
 */
public final class NormalizationExperiment {
  /** The two networks compared. */
  public enum Variant {
    LENET("lenet"),
    LENET_BN("lenet-bn");

    private final String template;

    Variant(String template) {
      this.template = template;
    }

    /** The engine template trained for this variant. */
    public String template() {
      return template;
    }
  }

  /**
   * What both runs share.
   *
   * @param trainImages the first {@code trainImages} Fashion-MNIST training images
   * @param testImages test images evaluated after every epoch
   * @param epochs passes over the training images
   * @param batchSize images per minibatch
   * @param learningRate η of plain minibatch SGD
   * @param seed the initial weights and the shuffling
   */
  public record Settings(int trainImages, int testImages, int epochs, int batchSize, double learningRate, long seed) {
    /** The most training images Fashion-MNIST has. */
    public static final int MAX_TRAIN_IMAGES = 60_000;

    public Settings {
      if (trainImages < 1 || trainImages > MAX_TRAIN_IMAGES) {
        throw new LabInputException("norm.error.experimentImages", trainImages, MAX_TRAIN_IMAGES);
      }
      if (testImages < 1 || testImages > 10_000) {
        throw new LabInputException("norm.error.experimentTestImages", testImages);
      }
      if (epochs < 1 || epochs > 50) {
        throw new LabInputException("norm.error.experimentEpochs", epochs);
      }
      if (batchSize < 1 || batchSize > trainImages) {
        throw new LabInputException("norm.error.experimentBatch", batchSize, trainImages);
      }
      if (!(learningRate > 0) || learningRate > 100) {
        throw new LabInputException("norm.error.experimentRate", learningRate);
      }
    }

    /**
     * 6,000 images, 3 epochs at batch 128, SGD with η = 0.9 as d2l trains LeNet (7.6), the same
     * for LeNet-BN (d2l uses 1.0 there), evaluated on 2,000 test images: about a minute for both
     * on two cores.
     */
    public static Settings defaults() {
      return new Settings(6_000, 2_000, 3, 128, 0.9, 1);
    }

    TrainingConfig trainingConfig() {
      return TrainingConfig.defaults().withOptimizer(Optimizer.SGD).withLearningRate(learningRate)
          .withBatchSize(batchSize).withEpochs(epochs).withSeed(seed);
    }
  }

  private final Settings settings;
  private final Map<Variant, PreparedRun> runs;

  private NormalizationExperiment(Settings settings, Map<Variant, PreparedRun> runs) {
    this.settings = settings;
    this.runs = runs;
  }

  /**
   * Loads the images and compiles both networks with the settings' seed.
   *
   * @param projectHome the folder holding {@code datasets/fashion-mnist}
   * @throws org.tensorworkbench.engine.data.DatasetException if the dataset is missing or damaged
   */
  public static NormalizationExperiment prepare(Path projectHome, Settings settings) {
    Dataset data = new DatasetRegistry(projectHome).load(DatasetRegistry.FASHION_MNIST,
        DatasetOptions.defaults().withLimit(settings.trainImages()).withTestLimit(settings.testImages()));
    Map<Variant, PreparedRun> runs = new EnumMap<>(Variant.class);
    for (Variant v : Variant.values()) {
      runs.put(v, PreparedRun.of(Templates.load(v.template()), data, settings.trainingConfig()));
    }
    return new NormalizationExperiment(settings, runs);
  }

  public Settings settings() {
    return settings;
  }

  /** The prepared run of one variant, e.g. to compare with a session of one's own. */
  public PreparedRun run(Variant variant) {
    return runs.get(variant);
  }

  /** Starts training {@code variant} on a thread of its own; its events go to {@code sink}. */
  public TrainingSession start(Variant variant, Consumer<TrainingEvent> sink) {
    TrainingSession session = runs.get(variant).newSession(SessionOptions.quiet(), sink);
    session.start();
    return session;
  }

  /**
   * The network of {@code variant}, trained as far as its session got. Read it only once that
   * session has ended: it is trained in place.
   */
  public CompiledNetwork network(Variant variant) {
    return runs.get(variant).network();
  }
}
