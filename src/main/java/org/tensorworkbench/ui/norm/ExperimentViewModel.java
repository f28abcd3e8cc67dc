package org.tensorworkbench.ui.norm;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.lab.norm.NormalizationExperiment;
import org.tensorworkbench.engine.lab.norm.NormalizationExperiment.Settings;
import org.tensorworkbench.engine.lab.norm.NormalizationExperiment.Variant;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.ui.common.SideBySideRuns;
import org.tensorworkbench.ui.common.SideBySideRuns.Outcome;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The LeNet against LeNet-BN experiment (d2l 8.5): its settings as typed, the two training
 * sessions, and their curves on one epoch axis (loss per minibatch, accuracy per epoch). The
 * sessions report to queues that {@link #drain()} empties, once per frame from the view, so the
 * FX thread never waits for the engine and never gets one update per minibatch.
 */
public final class ExperimentViewModel {
  /** One point of a curve: x in epochs (minibatch i of epoch e at e + (i + 1) / batches), y the value. */
  public record CurvePoint(double epoch, double value) {}

  /** The curves of one network. */
  public static final class Curves {
    private final ObservableList<CurvePoint> loss = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> trainAccuracy = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> testAccuracy = FXCollections.observableArrayList();

    /** The loss of every minibatch, before its update. */
    public ObservableList<CurvePoint> loss() {
      return loss;
    }

    /** The share of training images classified correctly during each epoch. */
    public ObservableList<CurvePoint> trainAccuracy() {
      return trainAccuracy;
    }

    /** The accuracy on the test images after each epoch. */
    public ObservableList<CurvePoint> testAccuracy() {
      return testAccuracy;
    }

    private void clear() {
      loss.clear();
      trainAccuracy.clear();
      testAccuracy.clear();
    }
  }

  /** Where a run is. */
  public enum Phase { IDLE, PREPARING, RUNNING, DONE, STOPPED, FAILED }

  private final UiExecutor executor;
  private final Path projectHome;
  private final StringProperty trainImages = new SimpleStringProperty();
  private final StringProperty epochs = new SimpleStringProperty();
  private final StringProperty batchSize = new SimpleStringProperty();
  private final StringProperty learningRate = new SimpleStringProperty();
  private final StringProperty seed = new SimpleStringProperty();
  private final Map<Variant, Curves> curves = new EnumMap<>(Variant.class);
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<TrainedLeNet> trainedLeNet = new ReadOnlyObjectWrapper<>();
  private final SideBySideRuns<Variant> runs = new SideBySideRuns<>(Variant.class, SideBySideRuns.AfterEnd.CLOSE,
      error::set, outcome -> phase.set(Phase.valueOf(outcome.name())));
  private NormalizationExperiment experiment;

  /**
   * @param executor prepares the runs (loading the images, compiling) in the background
   * @param projectHome the folder holding {@code datasets/fashion-mnist}
   */
  public ExperimentViewModel(UiExecutor executor, Path projectHome) {
    this.executor = executor;
    this.projectHome = projectHome;
    for (Variant v : Variant.values()) {
      curves.put(v, new Curves());
    }
    Settings d = Settings.defaults();
    trainImages.set(Integer.toString(d.trainImages()));
    epochs.set(Integer.toString(d.epochs()));
    batchSize.set(Integer.toString(d.batchSize()));
    learningRate.set(Double.toString(d.learningRate()));
    seed.set(Long.toString(d.seed()));
    phase.addListener((obs, old, now) -> busy.set(now == Phase.PREPARING || now == Phase.RUNNING));
  }

  public StringProperty trainImagesProperty() {
    return trainImages;
  }

  public StringProperty epochsProperty() {
    return epochs;
  }

  public StringProperty batchSizeProperty() {
    return batchSize;
  }

  public StringProperty learningRateProperty() {
    return learningRate;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  public Curves curves(Variant variant) {
    return curves.get(variant);
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  /** True while the runs are being prepared or train: Start is off, Stop is on. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Why the settings were refused or a run failed; null when all is well. */
  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The LeNet of the last run once it has ended, for the BatchNorm steps' real activations. */
  public ReadOnlyObjectProperty<TrainedLeNet> trainedLeNetProperty() {
    return trainedLeNet.getReadOnlyProperty();
  }

  /**
   * Reads the settings, then loads the images and compiles both networks in the background and
   * starts both sessions. Settings that do not parse change nothing and {@link #errorProperty()}
   * says why.
   */
  public void start() {
    if (busy.get()) {
      return;
    }
    Settings settings;
    try {
      settings = settings();
    } catch (LabInputException e) {
      error.set(UiText.of(e));
      return;
    }
    error.set(null);
    curves.values().forEach(Curves::clear);
    phase.set(Phase.PREPARING);
    runs.prepare(executor, () -> NormalizationExperiment.prepare(projectHome, settings), this::startSessions);
  }

  /** Stops both runs after their current minibatch; their curves so far stay. */
  public void stop() {
    runs.stop();
  }

  /**
   * Moves what the sessions reported since the last call into the curves. Call it once per frame
   * on the FX thread.
   */
  public void drain() {
    runs.drain(this::take);
  }

  /** Waits until both sessions have ended (for tests and for leaving the lab); true if they did in time. */
  public boolean awaitEnd(long millis) throws InterruptedException {
    return runs.awaitEnd(millis);
  }

  private Settings settings() {
    return new Settings(wholeNumber(trainImages.get()), NormalizationExperiment.Settings.defaults().testImages(),
        wholeNumber(epochs.get()), wholeNumber(batchSize.get()), number(learningRate.get()), wholeNumber(seed.get()));
  }

  private void startSessions(NormalizationExperiment prepared) {
    experiment = prepared;
    phase.set(Phase.RUNNING);
    runs.start(prepared::start);
  }

  private void take(Variant v, TrainingEvent event) {
    Curves c = curves.get(v);
    if (event instanceof TrainingEvent.Iteration it) {
      c.loss.add(new CurvePoint(runs.epochPosition(v, it), it.loss()));
    } else if (event instanceof TrainingEvent.Epoch ep) {
      c.trainAccuracy.add(new CurvePoint(ep.epoch() + 1, ep.trainAccuracy()));
      c.testAccuracy.add(new CurvePoint(ep.epoch() + 1, ep.test().accuracy()));
    } else if (v == Variant.LENET && Outcome.of(event) != null && !c.testAccuracy.isEmpty()) {
      List<CurvePoint> test = c.testAccuracy();
      trainedLeNet.set(new TrainedLeNet(experiment.network(v), experiment.settings(), test.size(),
          test.get(test.size() - 1).value()));
    }
  }

  private static int wholeNumber(String text) {
    try {
      return Integer.parseInt(text.strip().replace(",", ""));
    } catch (NumberFormatException | NullPointerException e) {
      throw new LabInputException("norm.error.notAWholeNumber", text);
    }
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new LabInputException("norm.error.notANumber", text);
    }
  }
}
