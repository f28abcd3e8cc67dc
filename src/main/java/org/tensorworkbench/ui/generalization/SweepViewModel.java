package org.tensorworkbench.ui.generalization;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.tensorworkbench.engine.lab.generalization.PolynomialExperiment;
import org.tensorworkbench.engine.lab.generalization.Sweep;
import org.tensorworkbench.engine.lab.generalization.WeightDecayExperiment;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The U-curve tab: a sweep of the degree, the number of training points or λ, one model trained
 * per value in the background. Finished points wait in a queue that {@link #drain()} moves into
 * {@link #points()} on the FX thread (once per frame from the view), so each appears as it ends.
 */
public final class SweepViewModel {
  private final UiExecutor executor;
  private final ObjectProperty<Sweep.Kind> kind = new SimpleObjectProperty<>(Sweep.Kind.DEGREE);
  private final StringProperty values = new SimpleStringProperty("0:20");
  private final StringProperty degree = new SimpleStringProperty("19");
  private final StringProperty trainPoints = new SimpleStringProperty("20");
  private final StringProperty epochs = new SimpleStringProperty("400");
  private final StringProperty seed = new SimpleStringProperty("42");
  private final ObservableList<Sweep.Point> points = FXCollections.observableArrayList();
  private final Queue<Sweep.Point> arrived = new ConcurrentLinkedQueue<>();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private volatile AtomicBoolean stopFlag = new AtomicBoolean();
  private int total;

  public SweepViewModel(UiExecutor executor) {
    this.executor = executor;
    kind.addListener((obs, old, now) -> values.set(switch (now) {
      case DEGREE -> "0:20";
      case TRAIN_SIZE -> "10, 20, 40, 80, 160, 320, 640, 1000";
      case WEIGHT_DECAY -> "0, 0.3, 1, 3, 10, 30";
    }));
  }

  public ObjectProperty<Sweep.Kind> kindProperty() {
    return kind;
  }

  /** The values: "1,3,19", "0:20" or "10:100:10". */
  public StringProperty valuesProperty() {
    return values;
  }

  /** The degree of a training-size sweep. */
  public StringProperty degreeProperty() {
    return degree;
  }

  /** The training points of a degree sweep. */
  public StringProperty trainPointsProperty() {
    return trainPoints;
  }

  public StringProperty epochsProperty() {
    return epochs;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  /** The finished points, in sweep order. */
  public ObservableList<Sweep.Point> points() {
    return points;
  }

  /** The share of values finished, 0..1. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Starts the sweep in the background; a value list that does not parse changes nothing and says why. */
  public void start() {
    if (busy.get()) {
      return;
    }
    Sweep.Kind k = kind.get();
    List<Double> vs;
    PolynomialExperiment.Settings poly;
    WeightDecayExperiment.Settings decay;
    try {
      vs = Sweep.parseValues(values.get());
      Sweep.check(k, vs);
      int e = Inputs.wholeNumber(epochs.get());
      long s = Inputs.seed(seed.get());
      PolynomialExperiment.Settings d2l = PolynomialExperiment.Settings.d2l();
      poly = new PolynomialExperiment.Settings(d2l.curve(), List.of(Inputs.wholeNumber(degree.get())),
          Inputs.wholeNumber(trainPoints.get()), d2l.testPoints(), d2l.noise(), e, d2l.learningRate(), s);
      WeightDecayExperiment.Settings w = WeightDecayExperiment.Settings.d2l();
      decay = new WeightDecayExperiment.Settings(w.lambdas(), w.decay(), w.method(), e, w.learningRate(), s);
    } catch (LabInputException ex) {
      error.set(UiText.of(ex));
      return;
    }
    error.set(null);
    points.clear();
    arrived.clear();
    total = vs.size();
    progress.set(0);
    AtomicBoolean stop = new AtomicBoolean();
    stopFlag = stop;
    busy.set(true);
    executor.submit(() -> Sweep.run(k, vs, poly, decay, stop::get, arrived::add), done -> ended(), ex -> {
      error.set(UiText.of(ex));
      ended();
    });
  }

  /** Stops the sweep after the current model's epoch; the points so far stay. */
  public void stop() {
    stopFlag.set(true);
  }

  /** Moves the points finished since the last call into {@link #points()}; call on the FX thread. */
  public void drain() {
    for (Sweep.Point p = arrived.poll(); p != null; p = arrived.poll()) {
      points.add(p);
    }
    progress.set(total == 0 ? 0 : points.size() / (double) total);
  }

  private void ended() {
    drain();
    busy.set(false);
  }
}
