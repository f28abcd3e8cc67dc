package org.tensorworkbench.ui.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.export.ExportFormat;
import org.tensorworkbench.engine.export.Exporters;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingSession;
import org.tensorworkbench.engine.transfer.FineTuneExperiment;
import org.tensorworkbench.engine.transfer.FineTuneExperiment.Side;
import org.tensorworkbench.engine.transfer.GroupMode;
import org.tensorworkbench.engine.transfer.GroupSetting;
import org.tensorworkbench.engine.transfer.LayerGroup;
import org.tensorworkbench.engine.transfer.PretrainedModel;
import org.tensorworkbench.engine.transfer.TargetTask;
import org.tensorworkbench.engine.transfer.TransferException;
import org.tensorworkbench.ui.common.SideBySideRuns;
import org.tensorworkbench.ui.common.SideBySideRuns.Outcome;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.training.DecimatedSeries;

/**
 * The fine-tuning tab (d2l 14.2): a pretrained model (shipped in {@code assets/models} or the
 * user's), a target task and its number of labelled images, a mode and learning-rate factor per
 * layer group, and the training settings; Train prepares the fine-tuned network and the same
 * network from scratch in the background and trains both at once, each on its own session; the
 * curves (training loss per minibatch, test accuracy per epoch) are fed from the sessions' queues
 * by {@link #drain()}, once per frame. The fine-tuned model saves and exports like any other.
 * Both runs use the optimizer chosen, Adam by default (the shipped models were trained with it);
 * d2l 14.2 fine-tunes with SGD, which needs a larger base learning rate than Adam's 0.001
 * ({@link #slowLearningRateProperty()}).
 */
public final class FineTuneViewModel {
  /** The models offered without a file dialog. */
  public enum ShippedModel {
    MNIST("lenet-relu-mnist.twmodel", "transfer.ft.model.mnist", Task.CLOTHES),
    FASHION_0_4("lenet-relu-fashion0-4.twmodel", "transfer.ft.model.fashion04", Task.OTHER_FIVE);

    private final String file;
    private final String key;
    private final Task task;

    ShippedModel(String file, String key, Task task) {
      this.file = file;
      this.key = key;
      this.task = task;
    }

    public String key() {
      return key;
    }

    /** The file name without its extension, e.g. {@code lenet-relu-mnist} (lesson presets). */
    public String id() {
      return file.substring(0, file.length() - org.tensorworkbench.engine.io.ModelFile.EXTENSION.length());
    }

    public Path path(Path projectHome) {
      return projectHome.resolve("assets").resolve("models").resolve(file);
    }
  }

  /** The target tasks. */
  public enum Task {
    CLOTHES, OTHER_FIVE, FOLDER;

    /** The name on the command line and in lesson presets: {@code clothes}, {@code other-five}, {@code folder}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Where the comparison is. */
  public enum Phase { IDLE, PREPARING, RUNNING, DONE, STOPPED, FAILED }

  /** Adam's learning rate in the shipped models' recipes, the default here: too small for SGD and momentum. */
  static final double ADAM_LEARNING_RATE = 0.001;

  /** Test images per evaluation: the first ones of the task's test split. */
  public static final int TEST_IMAGES = 2000;

  private final UiExecutor executor;
  private final Path projectHome;
  private final ObjectProperty<Path> modelFile = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<ShippedModel> shipped = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<PretrainedModel> model = new ReadOnlyObjectWrapper<>();
  private final ObservableList<FineTuneGroupRow> groups = FXCollections.observableArrayList();
  private final ObjectProperty<Task> task = new SimpleObjectProperty<>(Task.CLOTHES);
  private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
  private final StringProperty images = new SimpleStringProperty("500");
  private final StringProperty epochs = new SimpleStringProperty("5");
  private final StringProperty learningRate = new SimpleStringProperty(Double.toString(ADAM_LEARNING_RATE));
  private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(Optimizer.ADAM);
  private final StringProperty headFactor = new SimpleStringProperty("10");
  private final BooleanBinding slowLearningRate;
  private final StringProperty batchSize = new SimpleStringProperty("32");
  private final StringProperty seed = new SimpleStringProperty("1");
  private final Map<Side, DecimatedSeries> loss = new EnumMap<>(Side.class);
  private final Map<Side, DecimatedSeries> testAccuracy = new EnumMap<>(Side.class);
  private final Map<Side, List<TrainingEvent.Epoch>> epochLog = new EnumMap<>(Side.class);
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> status = new ReadOnlyObjectWrapper<>(UiText.of("transfer.ft.status.idle"));
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> dataSummary = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Long> curveVersion = new ReadOnlyObjectWrapper<>(0L);
  private final SideBySideRuns<Side> runs =
      new SideBySideRuns<>(Side.class, SideBySideRuns.AfterEnd.KEEP, error::set, this::ended);
  private FineTuneExperiment experiment;
  private TrainingConfig ranConfig;
  private int ranImages;
  private int totalEpochs;
  private int testSize;

  public FineTuneViewModel(UiExecutor executor, Path projectHome) {
    this.executor = executor;
    this.projectHome = projectHome;
    for (Side side : Side.values()) {
      loss.put(side, new DecimatedSeries(4000));
      testAccuracy.put(side, new DecimatedSeries(1000));
      epochLog.put(side, new ArrayList<>());
    }
    phase.addListener((obs, old, now) -> busy.set(now == Phase.PREPARING || now == Phase.RUNNING));
    slowLearningRate = Bindings.createBooleanBinding(() -> {
      if (optimizer.get() != Optimizer.SGD && optimizer.get() != Optimizer.MOMENTUM) {
        return false;
      }
      try {
        return Double.parseDouble(learningRate.get().strip()) <= ADAM_LEARNING_RATE;
      } catch (NumberFormatException | NullPointerException e) {
        return false;
      }
    }, optimizer, learningRate);
  }

  /** The model file chosen: {@link #open} loads it in the background, then lists its groups. */
  public ReadOnlyObjectProperty<Path> modelFileProperty() {
    return modelFile;
  }

  /** The shipped model open, null if the model is the user's file. */
  public ReadOnlyObjectProperty<ShippedModel> shippedProperty() {
    return shipped.getReadOnlyProperty();
  }

  /** The pretrained model loaded, null before. */
  public ReadOnlyObjectProperty<PretrainedModel> modelProperty() {
    return model.getReadOnlyProperty();
  }

  public ObservableList<FineTuneGroupRow> groups() {
    return groups;
  }

  public ObjectProperty<Task> taskProperty() {
    return task;
  }

  /** The user's image folder (task FOLDER). */
  public ObjectProperty<Path> folderProperty() {
    return folder;
  }

  public StringProperty imagesProperty() {
    return images;
  }

  public StringProperty epochsProperty() {
    return epochs;
  }

  public StringProperty learningRateProperty() {
    return learningRate;
  }

  /** The update rule of both runs (fine-tuned and from scratch). */
  public ObjectProperty<Optimizer> optimizerProperty() {
    return optimizer;
  }

  /**
   * True when SGD or momentum is chosen with a learning rate no larger than Adam's 0.001: both
   * runs would barely move in a few epochs. The tab says so; the rate stays the user's.
   */
  public BooleanBinding slowLearningRateProperty() {
    return slowLearningRate;
  }

  /** The learning-rate factor of the new output layer (×10 in d2l 14.2), kept when another model opens. */
  public StringProperty headFactorProperty() {
    return headFactor;
  }

  public StringProperty batchSizeProperty() {
    return batchSize;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  /** Training loss per minibatch of one side, x in epochs. */
  public DecimatedSeries loss(Side side) {
    return loss.get(side);
  }

  /** Test accuracy after each epoch of one side. */
  public DecimatedSeries testAccuracy(Side side) {
    return testAccuracy.get(side);
  }

  /** Changes whenever points were added to the curves (redraw then). */
  public ReadOnlyObjectProperty<Long> curveVersionProperty() {
    return curveVersion.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  /** True while preparing or training: Train is off, Stop is on. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** What is happening, or the final result. */
  public ReadOnlyObjectProperty<UiText> statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Why settings were refused or something failed; null when all is well. */
  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The size of the target data of the last run. */
  public ReadOnlyObjectProperty<UiText> dataSummaryProperty() {
    return dataSummary.getReadOnlyProperty();
  }

  /** Opens a shipped model, with the target task it was made for. */
  public void open(ShippedModel model) {
    if (busy.get()) {
      return;
    }
    shipped.set(model);
    task.set(model.task);
    load(model.path(projectHome));
  }

  /** Opens a model file in the background; its groups replace the list (fine-tune ×1, output ×10). */
  public void open(Path file) {
    if (busy.get()) {
      return;
    }
    shipped.set(null);
    load(file);
  }

  private void load(Path file) {
    modelFile.set(file);
    executor.submit(() -> PretrainedModel.load(file), loaded -> {
      if (!file.equals(modelFile.get())) {
        return;
      }
      error.set(null);
      model.set(loaded);
      List<FineTuneGroupRow> rows = new ArrayList<>();
      for (LayerGroup g : loaded.groups()) {
        FineTuneGroupRow row = new FineTuneGroupRow(g, GroupMode.FINE_TUNE, g.output() ? headFactor.get() : "1");
        if (g.output()) {
          row.factorProperty().bindBidirectional(headFactor);
        }
        rows.add(row);
      }
      groups.setAll(rows);
    }, e -> {
      if (file.equals(modelFile.get())) {
        model.set(null);
        groups.clear();
        error.set(UiText.of(e));
      }
    });
  }

  /**
   * Reads the settings, then loads the target data and builds both networks in the background
   * and starts both sessions. Settings that do not parse change nothing; {@link #errorProperty()} says why.
   */
  public void train() {
    if (busy.get()) {
      return;
    }
    PretrainedModel pretrained = model.get();
    Map<String, GroupSetting> settings;
    TrainingConfig config;
    TargetTask target;
    int imageCount;
    try {
      if (pretrained == null) {
        throw new TransferException("transfer.error.notClassifier", String.valueOf(modelFile.get()));
      }
      settings = groupSettings();
      imageCount = wholeNumber(images.get(), "images");
      config = TrainingConfig.defaults().withOptimizer(optimizer.get())
          .withLearningRate(number(learningRate.get(), "learningRate"))
          .withBatchSize(wholeNumber(batchSize.get(), "batchSize"))
          .withEpochs(wholeNumber(epochs.get(), "epochs"))
          .withSeed(wholeNumber(seed.get(), "seed"));
      target = target();
    } catch (RuntimeException e) {
      error.set(UiText.of(e));
      return;
    }
    error.set(null);
    for (Side side : Side.values()) {
      loss.get(side).clear();
      testAccuracy.get(side).clear();
      epochLog.get(side).clear();
    }
    curveVersion.set(curveVersion.get() + 1);
    totalEpochs = config.epochs();
    ranConfig = null;
    phase.set(Phase.PREPARING);
    status.set(UiText.of("transfer.ft.status.loading"));
    DatasetRegistry registry = new DatasetRegistry(projectHome);
    runs.prepare(executor, () -> {
      Dataset data = target.load(registry, imageCount, TEST_IMAGES, config.seed(), pretrained.inputShape());
      return FineTuneExperiment.prepare(pretrained, settings, data, config);
    }, this::startSessions);
  }

  /** Stops both runs after their current minibatch; their curves so far stay. */
  public void stop() {
    runs.stop();
  }

  /** Moves what the sessions reported since the last call into the curves; once per frame on the FX thread. */
  public void drain() {
    if (runs.drain(this::take)) {
      curveVersion.set(curveVersion.get() + 1);
    }
  }

  /** Waits until both sessions have ended (tests, leaving the lab); true if they did in time. */
  public boolean awaitEnd(long millis) throws InterruptedException {
    return runs.awaitEnd(millis);
  }

  /** Whether a fine-tuned network has been trained and can be saved or exported. */
  public boolean hasResult() {
    return experiment != null && !epochLog.get(Side.FINE_TUNED).isEmpty() && !busy.get();
  }

  /** Saves the fine-tuned network as a model file (atomically), on its training thread. */
  public void save(Path file) {
    if (!hasResult()) {
      return;
    }
    PreparedRun run = experiment.run(Side.FINE_TUNED);
    Future<Path> saved = run.saveModel(runs.session(Side.FINE_TUNED), file, epochLog.get(Side.FINE_TUNED), false);
    executor.submit(saved::get, p -> status.set(UiText.of("transfer.ft.status.saved", p)), e -> error.set(UiText.of(e)));
  }

  /** Exports the fine-tuned network (ONNX or PyTorch, see {@link Exporters}), on its training thread. */
  public void export(ExportFormat format, Path file) {
    if (!hasResult()) {
      return;
    }
    PreparedRun run = experiment.run(Side.FINE_TUNED);
    var metadata = run.metadata(List.copyOf(epochLog.get(Side.FINE_TUNED)));
    Future<List<Path>> written = runs.session(Side.FINE_TUNED)
        .onTrainingThread(() -> Exporters.export(run.network(), metadata, format, file));
    executor.submit(written::get, p -> status.set(UiText.of("transfer.ft.status.exported", p.get(0))),
        e -> error.set(UiText.of(e)));
  }

  private Map<String, GroupSetting> groupSettings() {
    Map<String, GroupSetting> settings = new LinkedHashMap<>();
    for (FineTuneGroupRow row : groups) {
      double factor = number(row.factorProperty().get(), row.group().id());
      GroupMode mode = row.group().output() ? GroupMode.FINE_TUNE : row.modeProperty().get();
      settings.put(row.group().id(), new GroupSetting(mode, factor));
    }
    return settings;
  }

  private TargetTask target() {
    return switch (task.get()) {
      case CLOTHES -> TargetTask.clothes();
      case OTHER_FIVE -> TargetTask.otherFiveClothes();
      case FOLDER -> {
        Path f = folder.get();
        if (f == null) {
          throw new TransferException("transfer.error.noFolder");
        }
        if (!Files.isDirectory(f)) {
          throw new TransferException("transfer.error.oneClass", f);
        }
        yield new TargetTask.Folder(f);
      }
    };
  }

  private void startSessions(FineTuneExperiment prepared) {
    experiment = prepared;
    Dataset data = prepared.run(Side.FINE_TUNED).data();
    testSize = data.test().size();
    ranConfig = prepared.run(Side.FINE_TUNED).config();
    ranImages = data.train().size();
    dataSummary.set(UiText.of("transfer.ft.data", data.train().size(), testSize, data.classCount()));
    phase.set(Phase.RUNNING);
    runs.start((side, sink) -> {
      TrainingSession session = prepared.newSession(side, SessionOptions.quiet(), sink);
      session.start();
      return session;
    });
    status.set(UiText.of("transfer.ft.status.training", UiText.of("transfer.ft.curves.fineTuned"), 1, totalEpochs));
  }

  private void take(Side side, TrainingEvent event) {
    if (event instanceof TrainingEvent.Iteration it) {
      loss.get(side).add(runs.epochPosition(side, it), it.loss());
    } else if (event instanceof TrainingEvent.Epoch ep) {
      epochLog.get(side).add(ep);
      testAccuracy.get(side).add(ep.epoch() + 1, ep.test().accuracy());
      if (side == Side.FINE_TUNED && ep.epoch() + 1 < totalEpochs) {
        status.set(UiText.of("transfer.ft.status.training", UiText.of("transfer.ft.curves.fineTuned"), ep.epoch() + 2,
            totalEpochs));
      }
    }
  }

  private void ended(Outcome outcome) {
    phase.set(Phase.valueOf(outcome.name()));
    if (outcome == Outcome.DONE) {
      status.set(UiText.of("transfer.ft.status.done", percent(Side.FINE_TUNED), percent(Side.SCRATCH), testSize));
    } else if (outcome == Outcome.STOPPED) {
      status.set(UiText.of("transfer.ft.status.stopped"));
    } else {
      status.set(UiText.of("transfer.ft.status.failed", error.get() == null ? "" : error.get()));
    }
  }

  private String percent(Side side) {
    List<TrainingEvent.Epoch> log = epochLog.get(side);
    return log.isEmpty() ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%",
        100 * log.get(log.size() - 1).test().accuracy());
  }

  /**
   * What the last run was, for lesson checks: {@code finetune.epochs.done} (epochs both runs
   * finished, 0 before a run), and once a run has started {@code finetune.images} (training
   * images), {@code finetune.optimizer} (its id) and {@code finetune.lr}, and once an epoch is
   * done {@code finetune.test.accuracy.fine-tuned} and {@code finetune.test.accuracy.scratch}
   * (after the last epoch finished).
   */
  public Map<String, Object> facts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    List<TrainingEvent.Epoch> tuned = epochLog.get(Side.FINE_TUNED);
    List<TrainingEvent.Epoch> scratch = epochLog.get(Side.SCRATCH);
    facts.put("finetune.epochs.done", Math.min(tuned.size(), scratch.size()));
    if (ranConfig != null) {
      facts.put("finetune.images", ranImages);
      facts.put("finetune.optimizer", ranConfig.optimizer().id());
      facts.put("finetune.lr", ranConfig.learningRate());
    }
    if (!tuned.isEmpty()) {
      facts.put("finetune.test.accuracy.fine-tuned", tuned.get(tuned.size() - 1).test().accuracy());
    }
    if (!scratch.isEmpty()) {
      facts.put("finetune.test.accuracy.scratch", scratch.get(scratch.size() - 1).test().accuracy());
    }
    return facts;
  }

  /** The training configuration one side of the last comparison was prepared with, null before (tests). */
  TrainingConfig preparedConfig(Side side) {
    return experiment == null ? null : experiment.run(side).config();
  }

  /** Stops and releases the sessions (leaving the lab). */
  public void close() {
    runs.close();
  }

  private static int wholeNumber(String text, String name) {
    try {
      return Integer.parseInt(text.strip().replace(",", ""));
    } catch (NumberFormatException | NullPointerException e) {
      throw new TransferException("transfer.error.notANumber", name, text);
    }
  }

  private static double number(String text, String name) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new TransferException("transfer.error.notANumber", name, text);
    }
  }
}
