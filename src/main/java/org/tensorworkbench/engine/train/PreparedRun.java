package org.tensorworkbench.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.tensorworkbench.engine.MemoryEstimate;
import org.tensorworkbench.engine.NotEnoughMemoryException;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.Task;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.NormalizationRecord;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.i18n.Messages;

/**
 * A network compiled for a dataset together with the configuration to train it: the one way the
 * command line, the Training screen and the labs set up a run. Preparing loads the data, fits
 * the network's input to the dataset's feature shape and compiles it with the configuration's
 * seed, so the same spec, data and seed always start from the same weights.
 */
public final class PreparedRun {
  private final NetworkSpec spec;
  private final CompiledNetwork network;
  private final Dataset data;
  private final TrainingConfig config;

  private PreparedRun(NetworkSpec spec, CompiledNetwork network, Dataset data, TrainingConfig config) {
    this.spec = spec;
    this.network = network;
    this.data = data;
    this.config = config;
  }

  /**
   * Loads the dataset and compiles the network for it.
   *
   * @param datasetNameOrCsvPath a registered dataset name, or else the path of a CSV file
   * @param csvTarget the CSV column to predict (CSV files only); the task (classification or
   *     regression) follows the network's loss
   * @param options split and limits of the dataset
   */
  public static PreparedRun prepare(NetworkSpec spec, String datasetNameOrCsvPath, String csvTarget,
      DatasetRegistry registry, DatasetOptions options, TrainingConfig config) {
    Dataset data;
    Path file = Path.of(datasetNameOrCsvPath);
    if (!registry.names().contains(datasetNameOrCsvPath) && Files.isRegularFile(file)) {
      Task task = isRegression(spec) ? Task.REGRESSION : Task.CLASSIFICATION;
      data = registry.loadCsv(file, csvTarget, task, options);
    } else {
      data = registry.load(datasetNameOrCsvPath, options);
    }
    return of(spec, data, config);
  }

  /**
   * Compiles {@code spec} for {@code data}: every Input takes the dataset's feature shape. A
   * network whose training would not fit in memory ({@link MemoryEstimate#training}) is refused
   * with {@link NotEnoughMemoryException} before anything is allocated.
   */
  public static PreparedRun of(NetworkSpec spec, Dataset data, TrainingConfig config) {
    NetworkSpec fitted = spec.withInputShape(Arrays.stream(data.featureShape()).boxed().toList());
    MemoryEstimate.training(ShapeInference.require(fitted, config.batchSize()), config.optimizer().stateSlots())
        .require(Messages.get("engine.memory.train"), MemoryEstimate.Available.now());
    CompiledNetwork network = NetworkCompiler.compile(fitted, CompileOptions.defaults().withSeed(config.seed()));
    return new PreparedRun(fitted, network, data, config);
  }

  /**
   * Continues training an already trained network (e.g. one reopened from a model file) on
   * {@code data}; its weights are kept and trained further in place.
   */
  public static PreparedRun continuing(CompiledNetwork network, Dataset data, TrainingConfig config) {
    return new PreparedRun(network.spec(), network, data, config);
  }

  private static boolean isRegression(NetworkSpec spec) {
    return spec.nodes().stream().anyMatch(n -> n.layer() instanceof OutputSpec o && o.loss() == OutputSpec.Loss.MSE);
  }

  /** The design as compiled, its input fitted to the dataset. */
  public NetworkSpec spec() {
    return spec;
  }

  public CompiledNetwork network() {
    return network;
  }

  public Dataset data() {
    return data;
  }

  public TrainingConfig config() {
    return config;
  }

  /** A session training this run's network on its dataset's train split, evaluating on the test split. */
  public TrainingSession newSession(SessionOptions options, Consumer<TrainingEvent> sink) {
    return new TrainingSession(network, data.train(), data.test(), config, options, sink);
  }

  /**
   * A session training on the train split and evaluating on the validation split after every
   * epoch: how a hyperparameter search scores a trial without looking at the test split.
   */
  public TrainingSession newValidationSession(SessionOptions options, Consumer<TrainingEvent> sink) {
    if (data.validation().size() == 0) {
      throw new TrainingException("train.error.noValidationSplit");
    }
    return new TrainingSession(network, data.train(), data.validation(), config, options, sink);
  }

  /**
   * What the model file records about this run after {@code epochs}: dataset, normalization,
   * class names, the configuration and the last epoch's metrics.
   */
  public ModelMetadata metadata(List<TrainingEvent.Epoch> epochs) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (!epochs.isEmpty()) {
      TrainingEvent.Epoch last = epochs.get(epochs.size() - 1);
      metrics.put("trainLoss", last.trainLoss());
      metrics.put("testLoss", last.test().loss());
      if (!Double.isNaN(last.test().accuracy())) {
        metrics.put("trainAccuracy", last.trainAccuracy());
        metrics.put("testAccuracy", last.test().accuracy());
      }
    }
    return new ModelMetadata(data.name(), NormalizationRecord.of(data.normalization()),
        data.classNames(Locale.ENGLISH), RunJson.configMap(config), metrics, epochs.size(), null);
  }

  /**
   * Saves the network as it is after {@code epochs} to {@code file} (atomically), on the
   * session's training thread between two minibatches (or after the run), so no iteration
   * changes the weights while they are written.
   *
   * @param updaterState also keep the optimizer's state, to continue training exactly
   */
  public Future<Path> saveModel(TrainingSession session, Path file, List<TrainingEvent.Epoch> epochs,
      boolean updaterState) {
    ModelMetadata metadata = metadata(List.copyOf(epochs));
    return session.betweenMinibatches(() -> {
      saveModelNow(file, metadata, updaterState);
      return file;
    });
  }

  /** Saves at once; only on the training thread, or when no session trains this network. */
  public void saveModelNow(Path file, ModelMetadata metadata, boolean updaterState) throws IOException {
    ModelFile.save(file, network, metadata, updaterState);
  }
}
