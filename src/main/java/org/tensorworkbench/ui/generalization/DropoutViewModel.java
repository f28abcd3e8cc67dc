package org.tensorworkbench.ui.generalization;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.lab.generalization.DropoutExperiment;
import org.tensorworkbench.engine.lab.generalization.DropoutExperiment.Settings;
import org.tensorworkbench.engine.lab.generalization.DropoutExperiment.Variant;
import org.tensorworkbench.engine.lab.generalization.DropoutMasks;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.ui.common.SideBySideRuns;
import org.tensorworkbench.ui.common.SideBySideRuns.Outcome;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The dropout tab (d2l 5.6): the settings as typed, the two training sessions (with and without
 * dropout, same seed and images), their accuracy per epoch, and one minibatch's dropout mask. The
 * sessions report to queues that {@link #drain()} empties once per frame, so the FX thread never
 * waits for the engine.
 */
public final class DropoutViewModel {
  /** Accuracy after one epoch: on the training images during the epoch, and on the test images after it. */
  public record EpochAccuracy(int epoch, double train, double test) {
    /** Train minus test accuracy: how much better the model does on images it has seen. */
    public double gap() {
      return train - test;
    }
  }

  /** Where the comparison is. */
  public enum Phase { IDLE, PREPARING, RUNNING, DONE, STOPPED, FAILED }

  /** Examples in the mask panel's minibatch. */
  public static final int MASK_EXAMPLES = 8;

  private final UiExecutor executor;
  private final Path projectHome;
  private final StringProperty trainImages = new SimpleStringProperty();
  private final StringProperty epochs = new SimpleStringProperty();
  private final StringProperty learningRate = new SimpleStringProperty();
  private final StringProperty p1 = new SimpleStringProperty();
  private final StringProperty p2 = new SimpleStringProperty();
  private final StringProperty seed = new SimpleStringProperty();
  private final ObjectProperty<Integer> maskLayer = new SimpleObjectProperty<>(1);
  private final Map<Variant, ObservableList<EpochAccuracy>> curves = new EnumMap<>(Variant.class);
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DropoutMasks.Sample> mask = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Settings> ran = new ReadOnlyObjectWrapper<>();
  private final SideBySideRuns<Variant> runs =
      new SideBySideRuns<>(Variant.class, SideBySideRuns.AfterEnd.CLOSE, error::set, this::ended);
  private volatile DropoutExperiment experiment;

  /**
   * @param executor prepares the runs (loading the images, compiling) and draws masks in the background
   * @param projectHome the folder holding {@code datasets/fashion-mnist}
   */
  public DropoutViewModel(UiExecutor executor, Path projectHome) {
    this.executor = executor;
    this.projectHome = projectHome;
    for (Variant v : Variant.values()) {
      curves.put(v, FXCollections.observableArrayList());
    }
    Settings d = Settings.d2l();
    trainImages.set(Integer.toString(d.trainImages()));
    epochs.set(Integer.toString(d.epochs()));
    learningRate.set(Double.toString(d.learningRate()));
    p1.set(Double.toString(d.p1()));
    p2.set(Double.toString(d.p2()));
    seed.set(Long.toString(d.seed()));
    phase.addListener((obs, old, now) -> busy.set(now == Phase.PREPARING || now == Phase.RUNNING));
    maskLayer.addListener((obs, old, now) -> {
      if (mask.get() != null && now != null) {
        drawMask(); // the panel follows the chosen layer
      }
    });
  }

  public StringProperty trainImagesProperty() {
    return trainImages;
  }

  public StringProperty epochsProperty() {
    return epochs;
  }

  public StringProperty learningRateProperty() {
    return learningRate;
  }

  public StringProperty p1Property() {
    return p1;
  }

  public StringProperty p2Property() {
    return p2;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  /** The hidden layer (1 or 2) whose dropout the mask panel shows. */
  public ObjectProperty<Integer> maskLayerProperty() {
    return maskLayer;
  }

  /** Accuracy per epoch of one network, as the epochs end. */
  public ObservableList<EpochAccuracy> curve(Variant variant) {
    return curves.get(variant);
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  /** True while the runs are prepared or train: Start is off, Stop is on. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Epochs done by both runs over the epochs they were asked for, 0 to 1. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The last minibatch drawn for the mask panel, or null. */
  public ReadOnlyObjectProperty<DropoutMasks.Sample> maskProperty() {
    return mask.getReadOnlyProperty();
  }

  /** The settings of the last comparison started, or null. */
  public ReadOnlyObjectProperty<Settings> settingsRunProperty() {
    return ran.getReadOnlyProperty();
  }

  /** The settings as typed; throws {@link LabInputException} naming what is wrong. */
  public Settings settings() {
    Settings d = Settings.d2l();
    return new Settings(Inputs.wholeNumber(trainImages.get()), d.testImages(), Inputs.wholeNumber(epochs.get()),
        d.batchSize(), Inputs.number(learningRate.get()), Inputs.number(p1.get()), Inputs.number(p2.get()),
        Inputs.seed(seed.get()));
  }

  /** Loads the images and compiles both networks in the background, then starts both sessions. */
  public void start() {
    if (busy.get()) {
      return;
    }
    Settings s;
    try {
      s = settings();
    } catch (LabInputException e) {
      error.set(UiText.of(e));
      return;
    }
    error.set(null);
    curves.values().forEach(ObservableList::clear);
    progress.set(0);
    ran.set(s);
    phase.set(Phase.PREPARING);
    runs.prepare(executor, () -> DropoutExperiment.prepare(projectHome, s), this::startSessions);
  }

  /** Stops both runs after their current minibatch; the curves so far stay. */
  public void stop() {
    runs.stop();
  }

  /**
   * Draws a new minibatch's mask at the chosen layer from the network with dropout, as far as
   * the last comparison trained it; a freshly initialized one when there was none or p1, p2
   * have been changed since.
   */
  public void drawMask() {
    if (busy.get()) {
      return;
    }
    int layer = maskLayer.get() == null ? 1 : maskLayer.get();
    Settings typed;
    try {
      typed = settings();
    } catch (LabInputException e) {
      error.set(UiText.of(e));
      return;
    }
    executor.submit(() -> {
      DropoutExperiment e = experiment;
      if (e == null || e.settings().p1() != typed.p1() || e.settings().p2() != typed.p2()) {
        e = DropoutExperiment.prepare(projectHome, typed); // p changed since the last run: a fresh network
        experiment = e;
      }
      return e.maskSample(layer, MASK_EXAMPLES);
    }, mask::set, e -> error.set(UiText.of(e)));
  }

  /** Moves what the sessions reported since the last call into the curves; once per frame on the FX thread. */
  public void drain() {
    runs.drain(this::take);
  }

  /** Waits until both sessions have ended (tests, leaving the lab); true if they did in time. */
  public boolean awaitEnd(long millis) throws InterruptedException {
    return runs.awaitEnd(millis);
  }

  private void startSessions(DropoutExperiment prepared) {
    experiment = prepared;
    phase.set(Phase.RUNNING);
    runs.start(prepared::start);
  }

  private void take(Variant v, TrainingEvent event) {
    if (event instanceof TrainingEvent.Epoch ep) {
      curves.get(v).add(new EpochAccuracy(ep.epoch() + 1, ep.trainAccuracy(), ep.test().accuracy()));
      int total = ran.get().epochs() * Variant.values().length;
      progress.set(curves.values().stream().mapToInt(ObservableList::size).sum() / (double) total);
    }
  }

  private void ended(Outcome outcome) {
    phase.set(Phase.valueOf(outcome.name()));
    if (outcome != Outcome.FAILED) {
      drawMask(); // the trained network's masks
    }
  }
}
