package org.tensorworkbench.engine.lab.generalization;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.Initializer;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingSession;

/**
 * d2l 5.6's experiment: the MLP 784-256-256-10 with ReLU on Fashion-MNIST, trained once with
 * inverted dropout after each hidden layer (p1, p2) and once without, on the same images with
 * the same seed, optimizer and batches. Both networks have the same nodes (the run without
 * dropout has Dropout layers with p = 0, which compile to the identity), so they start from the
 * same weights and the only difference is dropout.
 *
 * <p>Dropout (Srivastava et al. 2014): while training, each hidden value h is replaced by
 * h' = 0 with probability p and h' = h / (1 − p) otherwise, so E[h'] = h; at inference h' = h.
 * The train accuracy of an epoch is measured during that epoch, i.e. with dropout on, as d2l
 * does. Note: ND4J M2.1's Bernoulli draws do not follow the seed, so the run with dropout is
 * not repeatable bit for bit (the one without is).
 */
public final class DropoutExperiment {
  /** The two networks compared. */
  public enum Variant { WITHOUT, WITH }

  /** Node ids of the two Dropout layers in {@link #network}. */
  public static final String DROPOUT1 = "dropout1";
  public static final String DROPOUT2 = "dropout2";

  /**
   * @param trainImages the first {@code trainImages} Fashion-MNIST training images (256..60,000)
   * @param testImages test images evaluated after every epoch (100..10,000)
   * @param epochs passes over the training images (1..50)
   * @param batchSize images per minibatch (d2l: 256)
   * @param learningRate η of plain minibatch SGD (d2l: 0.5)
   * @param p1 dropout probability after the first hidden layer (d2l: 0.2), in [0, 1)
   * @param p2 dropout probability after the second hidden layer (d2l: 0.5), in [0, 1)
   * @param seed the initial weights and the batch order
   */
  public record Settings(int trainImages, int testImages, int epochs, int batchSize, double learningRate, double p1,
      double p2, long seed) {
    public static final int MAX_TRAIN_IMAGES = 60_000;

    public Settings {
      PolynomialExperiment.checkRange("generalization.field.images", trainImages, 256, MAX_TRAIN_IMAGES);
      PolynomialExperiment.checkRange("generalization.field.testImages", testImages, 100, 10_000);
      PolynomialExperiment.checkRange("generalization.field.epochs", epochs, 1, 50);
      PolynomialExperiment.checkRange("generalization.field.batch", batchSize, 1, trainImages);
      if (!(learningRate > 0 && learningRate <= 10)) {
        throw new LabInputException("generalization.error.learningRate", learningRate);
      }
      for (double p : new double[] {p1, p2}) {
        if (!(p >= 0 && p < 1)) {
          throw new LabInputException("generalization.error.dropout", p);
        }
      }
    }

    /**
     * d2l 5.6's network, probabilities and optimizer (SGD, η = 0.5, batch 256) on the first
     * 5,000 training images for 10 epochs, evaluated on 2,000 test images: both runs take well
     * under a minute on two cores.
     */
    public static Settings d2l() {
      return new Settings(5_000, 2_000, 10, 256, 0.5, 0.2, 0.5, 1);
    }

    TrainingConfig trainingConfig() {
      return TrainingConfig.defaults().withOptimizer(Optimizer.SGD).withLearningRate(learningRate)
          .withBatchSize(batchSize).withEpochs(epochs).withSeed(seed);
    }

    /** The dropout probability of {@code layer} (1 or 2). */
    public double p(int layer) {
      return layer == 1 ? p1 : p2;
    }
  }

  private final Settings settings;
  private final Dataset data;
  private final Map<Variant, PreparedRun> runs;

  private DropoutExperiment(Settings settings, Dataset data, Map<Variant, PreparedRun> runs) {
    this.settings = settings;
    this.data = data;
    this.runs = runs;
  }

  /**
   * d2l's MLP: input 1x28x28 flattened to 784, Dense 256, ReLU, Dropout p1, Dense 256, ReLU,
   * Dropout p2, Dense 10, softmax cross-entropy; weights from N(0, 0.01²) and zero biases, as
   * d2l's {@code init_weights} (with the larger Xavier weights, SGD at η = 0.5 barely trains the
   * dropout model on a few thousand images).
   */
  public static NetworkSpec network(double p1, double p2) {
    ActivationSpec relu = ActivationSpec.of(ActivationSpec.Function.RELU);
    return NetworkSpec.sequential("MLP with dropout", InputSpec.of(1, 28, 28), new FlattenSpec(),
        dense(256), relu, new DropoutSpec(p1), dense(256), relu, new DropoutSpec(p2), dense(10),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
  }

  private static DenseSpec dense(int units) {
    return new DenseSpec(units, true, Initializer.normal(0.01));
  }

  /**
   * Loads the images and compiles both networks with the settings' seed.
   *
   * @param projectHome the folder holding {@code datasets/fashion-mnist}
   * @throws org.tensorworkbench.engine.data.DatasetException if the dataset is missing or damaged
   */
  public static DropoutExperiment prepare(Path projectHome, Settings settings) {
    Dataset data = new DatasetRegistry(projectHome).load(DatasetRegistry.FASHION_MNIST,
        DatasetOptions.defaults().withLimit(settings.trainImages()).withTestLimit(settings.testImages()));
    Map<Variant, PreparedRun> runs = new EnumMap<>(Variant.class);
    runs.put(Variant.WITHOUT, PreparedRun.of(network(0, 0), data, settings.trainingConfig()));
    runs.put(Variant.WITH, PreparedRun.of(network(settings.p1(), settings.p2()), data, settings.trainingConfig()));
    return new DropoutExperiment(settings, data, runs);
  }

  public Settings settings() {
    return settings;
  }

  public Dataset data() {
    return data;
  }

  /** Starts training {@code variant} on a thread of its own; its events go to {@code sink}. */
  public TrainingSession start(Variant variant, Consumer<TrainingEvent> sink) {
    // the run with p = 0 trains through SameDiff as well, so both take the same path
    TrainingSession session = runs.get(variant).newSession(SessionOptions.quiet().withDirectPath(false), sink);
    session.start();
    return session;
  }

  /**
   * The network of {@code variant}, trained as far as its session got. Read it only when its
   * session is not training: it is trained in place.
   */
  public CompiledNetwork network(Variant variant) {
    return runs.get(variant).network();
  }

  /**
   * One minibatch of the first {@code examples} training images through the network with
   * dropout, at the dropout layer {@code layer} (1 or 2): see {@link DropoutMasks}.
   */
  public DropoutMasks.Sample maskSample(int layer, int examples) {
    PolynomialExperiment.checkRange("generalization.field.maskExamples", examples, 1, 64);
    if (layer != 1 && layer != 2) {
      throw new LabInputException("generalization.error.dropoutLayer", layer);
    }
    var batch = data.train().batch(0, Math.min(examples, data.train().size())); // features [B, 1, 28, 28]
    return DropoutMasks.sample(network(Variant.WITH), layer == 1 ? DROPOUT1 : DROPOUT2, batch.features());
  }
}
