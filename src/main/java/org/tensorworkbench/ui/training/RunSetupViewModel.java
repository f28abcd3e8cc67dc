package org.tensorworkbench.ui.training;

import org.tensorworkbench.ui.common.UiText;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tensorworkbench.ui.common.LessonTarget;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.BackendInfo;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.LearningRateSchedule;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.Recipe;
import org.tensorworkbench.engine.train.Recipes;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingException;

/**
 * The run set-up form: which network, which data, how to train it. Every field is text as typed
 * and is checked as it changes; {@link #configProperty()} holds the valid configuration, or null
 * while a field is wrong, and {@link #problemProperty()} says which and why (the engine's own
 * message for out-of-range values). Needs no toolkit.
 */
public final class RunSetupViewModel {
  /** The device choice: the backend is fixed per process, so the GPU is offered only when it runs. */
  public enum Device { CPU, GPU }

  private final ObservableList<NetworkChoice> networks = FXCollections.observableArrayList();
  private final ObjectProperty<NetworkChoice> network = new SimpleObjectProperty<>();
  private final ObservableList<String> datasets = FXCollections.observableArrayList();
  private final StringProperty dataset = new SimpleStringProperty();
  private final StringProperty limit = new SimpleStringProperty("0");
  private final StringProperty testLimit = new SimpleStringProperty("0");
  private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(Optimizer.SGD);
  private final StringProperty learningRate = new SimpleStringProperty();
  private final StringProperty momentum = new SimpleStringProperty();
  private final StringProperty beta1 = new SimpleStringProperty();
  private final StringProperty beta2 = new SimpleStringProperty();
  private final StringProperty weightDecay = new SimpleStringProperty();
  private final BooleanProperty decoupled = new SimpleBooleanProperty();
  private final StringProperty schedule = new SimpleStringProperty();
  private final StringProperty batchSize = new SimpleStringProperty();
  private final StringProperty epochs = new SimpleStringProperty();
  private final StringProperty seed = new SimpleStringProperty();
  private final ObjectProperty<Device> device = new SimpleObjectProperty<>(Device.CPU);
  private final ReadOnlyObjectWrapper<BackendInfo> backend = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DatasetOptions> datasetOptions = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> problem = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Recipe> recipe = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<java.nio.file.Path> augmentation = new SimpleObjectProperty<>();

  public RunSetupViewModel(List<String> datasetNames) {
    for (String name : Templates.names()) {
      networks.add(NetworkChoice.template(name, Templates.load(name)));
    }
    datasets.setAll(datasetNames);
    applyConfig(TrainingConfig.defaults());
    Observable[] fields = {network, dataset, limit, testLimit, optimizer, learningRate, momentum, beta1, beta2,
        weightDecay, decoupled, schedule, batchSize, epochs, seed};
    for (Observable field : fields) {
      field.addListener(o -> validate());
    }
    network.addListener((o, was, now) -> applyRecipe(now));
    network.set(networks.stream().filter(c -> c.name().equals("softmax-regression")).findFirst()
        .orElse(networks.get(0)));
    dataset.set(datasetNames.contains("fashion-mnist") ? "fashion-mnist" : datasetNames.isEmpty() ? null
        : datasetNames.get(0));
    validate();
  }

  /** Fills every training field from {@code c} (e.g. the configuration a reopened model was trained with). */
  public void applyConfig(TrainingConfig c) {
    optimizer.set(c.optimizer());
    learningRate.set(number(c.learningRate()));
    momentum.set(number(c.momentum()));
    beta1.set(number(c.beta1()));
    beta2.set(number(c.beta2()));
    weightDecay.set(number(c.weightDecay()));
    decoupled.set(c.decoupledWeightDecay());
    schedule.set(c.schedule().id());
    batchSize.set(Integer.toString(c.batchSize()));
    epochs.set(Integer.toString(c.epochs()));
    seed.set(Long.toString(c.seed()));
  }

  /**
   * Fills the set-up form from a lesson's preset: {@code network} (a template), {@code dataset},
   * {@code limit}, {@code epochs}, {@code batch}, {@code lr}, {@code optimizer}, {@code
   * weightDecay}. The network is chosen first, so a template's recipe is applied first and the
   * preset's explicit values win over it. Nothing changes when a key or value is refused.
   *
   * @throws IllegalArgumentException naming the key
   */
  public void applyPreset(Map<String, String> preset) {
    NetworkChoice chosen = null;
    Optimizer chosenOptimizer = null;
    for (Map.Entry<String, String> e : preset.entrySet()) {
      String key = e.getKey();
      String value = e.getValue().strip();
      switch (key) {
        case "network" -> chosen = networks.stream()
            .filter(c -> c.kind() == NetworkChoice.Kind.TEMPLATE && c.name().equals(value)).findFirst()
            .orElseThrow(() -> LessonTarget.badValue(key, value));
        case "dataset" -> {
          if (!datasets.contains(value)) {
            throw LessonTarget.badValue(key, value);
          }
        }
        case "limit" -> LessonTarget.wholeNumber(key, value, 0, Integer.MAX_VALUE);
        case "epochs" -> LessonTarget.wholeNumber(key, value, 1, 10_000);
        case "batch" -> LessonTarget.wholeNumber(key, value, 1, 1 << 16);
        case "lr", "weightDecay" -> {
          try {
            double d = Double.parseDouble(value);
            if (!(d >= 0) || Double.isInfinite(d)) {
              throw LessonTarget.badValue(key, value);
            }
          } catch (NumberFormatException ex) {
            throw LessonTarget.badValue(key, value);
          }
        }
        case "optimizer" -> {
          try {
            chosenOptimizer = Optimizer.fromId(value);
          } catch (TrainingException ex) {
            throw LessonTarget.badValue(key, value);
          }
        }
        default -> throw LessonTarget.unknownKey(key);
      }
    }
    if (chosen != null) {
      network.set(chosen);
    }
    if (chosenOptimizer != null) {
      optimizer.set(chosenOptimizer);
    }
    Map<String, StringProperty> fields = Map.of("dataset", dataset, "limit", limit, "epochs", epochs,
        "batch", batchSize, "lr", learningRate, "weightDecay", weightDecay);
    fields.forEach((key, field) -> {
      if (preset.containsKey(key)) {
        field.set(preset.get(key).strip());
      }
    });
  }

  /**
   * Applies the recipe of a template, or of the builder's design when it came from a template
   * ({@link Templates#origin}): optimizer, learning rate, batch size, epochs, weight decay, limit
   * and, when offered, the dataset. Any other choice keeps the fields as they are.
   */
  private void applyRecipe(NetworkChoice choice) {
    Optional<String> template = choice == null ? Optional.empty() : switch (choice.kind()) {
      case TEMPLATE -> Optional.of(choice.name());
      case BUILDER -> Templates.origin(choice.spec());
      case FILE, MODEL -> Optional.empty();
    };
    Recipe r = template.flatMap(Recipes::of).orElse(null);
    recipe.set(r);
    if (r == null) {
      return;
    }
    TrainingConfig c = r.applyTo(TrainingConfig.defaults());
    optimizer.set(c.optimizer());
    learningRate.set(number(c.learningRate()));
    weightDecay.set(number(c.weightDecay()));
    decoupled.set(false);
    batchSize.set(Integer.toString(c.batchSize()));
    epochs.set(Integer.toString(c.epochs()));
    limit.set(Integer.toString(c.limit()));
    if (datasets.contains(r.dataset())) {
      dataset.set(r.dataset());
    }
  }

  private static String number(double value) {
    String text = Double.toString(value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  /** Adds the builder's design (replacing an earlier one) and selects it. */
  public void useBuilderDesign(NetworkSpec spec) {
    String name = spec.name().isBlank() ? UiText.of("training.setup.untitled").get() : spec.name();
    replaceAndSelect(new NetworkChoice(NetworkChoice.Kind.BUILDER, name, spec, null));
  }

  /** Adds a network read from a JSON file and selects it. */
  public void useNetworkFile(Path file, NetworkSpec spec) {
    replaceAndSelect(new NetworkChoice(NetworkChoice.Kind.FILE, file.getFileName().toString(), spec, null));
  }

  /** Adds a reopened model to train further, selects it and its dataset and configuration. */
  public void useModel(Path file, SavedModel model) {
    replaceAndSelect(new NetworkChoice(NetworkChoice.Kind.MODEL, file.getFileName().toString(),
        model.network().spec(), model));
    String trainedOn = model.metadata().datasetName();
    if (datasets.contains(trainedOn)) {
      dataset.set(trainedOn);
    }
  }

  private void replaceAndSelect(NetworkChoice choice) {
    networks.removeIf(c -> c.kind() == choice.kind());
    networks.add(0, choice);
    network.set(choice);
  }

  /** Which backend runs; the GPU choice is enabled only for a CUDA backend. */
  public void setBackend(BackendInfo info) {
    backend.set(info);
    device.set(info != null && info.gpu() ? Device.GPU : Device.CPU);
  }

  public boolean gpuAvailable() {
    return backend.get() != null && backend.get().gpu();
  }

  /** Why the GPU cannot be chosen, or null when it can. */
  public UiText gpuUnavailableReason() {
    if (backend.get() == null) {
      return UiText.of("training.setup.gpuEngineStarting");
    }
    return backend.get().gpu() ? null : UiText.of("training.setup.gpuNotCuda");
  }

  private void validate() {
    try {
      if (network.get() == null) {
        throw new SetupProblem(UiText.of("training.setup.noNetwork"));
      }
      if (dataset.get() == null || dataset.get().isBlank()) {
        throw new SetupProblem(UiText.of("training.setup.noDataset"));
      }
      TrainingConfig c = TrainingConfig.defaults()
          .withOptimizer(optimizer.get())
          .withLearningRate(decimal(learningRate, "learningRate"))
          .withMomentum(decimal(momentum, "momentum"))
          .withAdamBetas(decimal(beta1, "beta1"), decimal(beta2, "beta2"))
          .withWeightDecay(decimal(weightDecay, "weightDecay"), decoupled.get())
          .withSchedule(LearningRateSchedule.parse(text(schedule, "schedule")))
          .withBatchSize(integer(batchSize, "batchSize"))
          .withEpochs(integer(epochs, "epochs"))
          .withSeed(wholeNumber(seed, "seed"))
          .withLimit(integer(limit, "limit"));
      DatasetOptions options = DatasetOptions.defaults().withLimit(c.limit())
          .withTestLimit(nonNegative(testLimit, "testLimit"));
      problem.set(null);
      config.set(c);
      datasetOptions.set(options);
    } catch (TrainingException e) {
      fail(e::getLocalizedMessage);
    } catch (SetupProblem e) {
      fail(e.text);
    }
  }

  private void fail(UiText text) {
    config.set(null);
    datasetOptions.set(null);
    problem.set(text);
  }

  private static String text(StringProperty field, String name) {
    String value = field.get() == null ? "" : field.get().strip();
    if (value.isEmpty()) {
      throw new SetupProblem(UiText.of("training.setup.empty", UiText.of("training.field." + name).get()));
    }
    return value;
  }

  private static double decimal(StringProperty field, String name) {
    String value = text(field, name);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new SetupProblem(UiText.of("training.setup.notANumber", UiText.of("training.field." + name).get(), value));
    }
  }

  private static long wholeNumber(StringProperty field, String name) {
    String value = text(field, name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new SetupProblem(UiText.of("training.setup.notAWholeNumber", UiText.of("training.field." + name).get(),
          value));
    }
  }

  private static int integer(StringProperty field, String name) {
    long value = wholeNumber(field, name);
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw new SetupProblem(UiText.of("training.setup.notAWholeNumber", UiText.of("training.field." + name).get(),
          field.get()));
    }
    return (int) value;
  }

  private static int nonNegative(StringProperty field, String name) {
    int value = integer(field, name);
    if (value < 0) {
      throw new TrainingException("train.error.notNonNegative", name, value);
    }
    return value;
  }

  /** A field that cannot be read at all (the engine checks the ranges). */
  private static final class SetupProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient UiText text;

    SetupProblem(UiText text) {
      super(null, null, false, false);
      this.text = text;
    }
  }

  public ObservableList<NetworkChoice> networks() {
    return networks;
  }

  public ObjectProperty<NetworkChoice> networkProperty() {
    return network;
  }

  public ObservableList<String> datasets() {
    return datasets;
  }

  public StringProperty datasetProperty() {
    return dataset;
  }

  /** The augmentation pipeline file (Transfer Lab) applied to every training minibatch; null for none. */
  public ObjectProperty<java.nio.file.Path> augmentationProperty() {
    return augmentation;
  }

  public StringProperty limitProperty() {
    return limit;
  }

  public StringProperty testLimitProperty() {
    return testLimit;
  }

  public ObjectProperty<Optimizer> optimizerProperty() {
    return optimizer;
  }

  public StringProperty learningRateProperty() {
    return learningRate;
  }

  public StringProperty momentumProperty() {
    return momentum;
  }

  public StringProperty beta1Property() {
    return beta1;
  }

  public StringProperty beta2Property() {
    return beta2;
  }

  public StringProperty weightDecayProperty() {
    return weightDecay;
  }

  public BooleanProperty decoupledProperty() {
    return decoupled;
  }

  public StringProperty scheduleProperty() {
    return schedule;
  }

  public StringProperty batchSizeProperty() {
    return batchSize;
  }

  public StringProperty epochsProperty() {
    return epochs;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  public ObjectProperty<Device> deviceProperty() {
    return device;
  }

  public ReadOnlyObjectProperty<BackendInfo> backendProperty() {
    return backend.getReadOnlyProperty();
  }

  /** The configuration to train with, null while a field is wrong. */
  public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
    return config.getReadOnlyProperty();
  }

  /** Split limits for the dataset, null while a field is wrong. */
  public ReadOnlyObjectProperty<DatasetOptions> datasetOptionsProperty() {
    return datasetOptions.getReadOnlyProperty();
  }

  /** The recipe applied with the chosen network, null when it has none (a file, a reopened model). */
  public ReadOnlyObjectProperty<Recipe> recipeProperty() {
    return recipe.getReadOnlyProperty();
  }

  /** What is wrong with the set-up, null when it is complete. */
  public ReadOnlyObjectProperty<UiText> problemProperty() {
    return problem.getReadOnlyProperty();
  }
}
