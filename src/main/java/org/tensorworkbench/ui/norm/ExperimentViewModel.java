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
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingSession;
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
  private final Map<Variant, TrainingEventQueue> queues = new EnumMap<>(Variant.class);
  private final Map<Variant, TrainingSession> sessions = new EnumMap<>(Variant.class);
  private final Map<Variant, Phase> phases = new EnumMap<>(Variant.class);
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<TrainedLeNet> trainedLeNet = new ReadOnlyObjectWrapper<>();
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
    executor.submit(() -> NormalizationExperiment.prepare(projectHome, settings), this::startSessions, e -> {
      error.set(UiText.of(e));
      phase.set(Phase.FAILED);
    });
  }

  /** Stops both runs after their current minibatch; their curves so far stay. */
  public void stop() {
    sessions.values().forEach(TrainingSession::stop);
  }

  /**
   * Moves what the sessions reported since the last call into the curves. Call it once per frame
   * on the FX thread.
   */
  public void drain() {
    for (Map.Entry<Variant, TrainingEventQueue> e : queues.entrySet()) {
      Variant v = e.getKey();
      for (TrainingEvent event : e.getValue().drain()) {
        take(v, event);
      }
    }
  }

  /** Waits until both sessions have ended (for tests and for leaving the lab); true if they did in time. */
  public boolean awaitEnd(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    for (TrainingSession s : sessions.values()) {
      if (!s.awaitEnd(Math.max(1, deadline - System.currentTimeMillis()), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return true;
  }

  private Settings settings() {
    return new Settings(wholeNumber(trainImages.get()), NormalizationExperiment.Settings.defaults().testImages(),
        wholeNumber(epochs.get()), wholeNumber(batchSize.get()), number(learningRate.get()), wholeNumber(seed.get()));
  }

  private void startSessions(NormalizationExperiment prepared) {
    experiment = prepared;
    sessions.clear();
    queues.clear();
    for (Variant v : Variant.values()) {
      TrainingEventQueue queue = new TrainingEventQueue();
      queues.put(v, queue);
      phases.put(v, Phase.RUNNING);
    }
    phase.set(Phase.RUNNING);
    for (Variant v : Variant.values()) {
      sessions.put(v, prepared.start(v, queues.get(v)));
    }
  }

  private void take(Variant v, TrainingEvent event) {
    Curves c = curves.get(v);
    int perEpoch = sessions.get(v).batchesPerEpoch();
    if (event instanceof TrainingEvent.Iteration it) {
      double x = it.epoch() + (it.iteration() - (long) it.epoch() * perEpoch + 1) / (double) perEpoch;
      c.loss.add(new CurvePoint(x, it.loss()));
    } else if (event instanceof TrainingEvent.Epoch ep) {
      c.trainAccuracy.add(new CurvePoint(ep.epoch() + 1, ep.trainAccuracy()));
      c.testAccuracy.add(new CurvePoint(ep.epoch() + 1, ep.test().accuracy()));
    } else if (event instanceof TrainingEvent.Finished) {
      ended(v, Phase.DONE);
    } else if (event instanceof TrainingEvent.Stopped) {
      ended(v, Phase.STOPPED);
    } else if (event instanceof TrainingEvent.Failed f) {
      error.set(UiText.of(f.messageKey(), f.arguments().toArray()));
      ended(v, Phase.FAILED);
    }
  }

  private void ended(Variant v, Phase how) {
    phases.put(v, how);
    sessions.get(v).close();
    if (v == Variant.LENET) {
      List<CurvePoint> test = curves.get(v).testAccuracy();
      if (!test.isEmpty()) {
        trainedLeNet.set(new TrainedLeNet(experiment.network(v), experiment.settings(), test.size(),
            test.get(test.size() - 1).value()));
      }
    }
    if (phases.values().stream().noneMatch(p -> p == Phase.RUNNING)) {
      phase.set(phases.containsValue(Phase.FAILED) ? Phase.FAILED
          : phases.containsValue(Phase.STOPPED) ? Phase.STOPPED : Phase.DONE);
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
