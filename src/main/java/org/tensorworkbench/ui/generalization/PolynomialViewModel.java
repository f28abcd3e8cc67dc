package org.tensorworkbench.ui.generalization;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tensorworkbench.engine.data.PolynomialGenerator.Curve;
import org.tensorworkbench.engine.lab.generalization.PolynomialExperiment;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The polynomial-fitting tab (d2l 4.4): its settings as typed and the outcome of the last run,
 * computed in the background.
 */
public final class PolynomialViewModel {
  private final UiExecutor executor;
  private final ObjectProperty<Curve> curve = new SimpleObjectProperty<>(Curve.D2L_CUBIC);
  private final StringProperty degrees = new SimpleStringProperty();
  private final StringProperty trainPoints = new SimpleStringProperty();
  private final StringProperty noise = new SimpleStringProperty();
  private final StringProperty epochs = new SimpleStringProperty();
  private final StringProperty learningRate = new SimpleStringProperty();
  private final StringProperty seed = new SimpleStringProperty();
  private final ReadOnlyObjectWrapper<PolynomialExperiment.Outcome> outcome = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();

  public PolynomialViewModel(UiExecutor executor) {
    this.executor = executor;
    PolynomialExperiment.Settings d = PolynomialExperiment.Settings.d2l();
    degrees.set("1, 3, 19");
    trainPoints.set(Integer.toString(d.trainPoints()));
    noise.set(Double.toString(d.noise()));
    epochs.set(Integer.toString(d.epochs()));
    learningRate.set(Double.toString(d.learningRate()));
    seed.set(Long.toString(d.seed()));
  }

  public ObjectProperty<Curve> curveProperty() {
    return curve;
  }

  public StringProperty degreesProperty() {
    return degrees;
  }

  public StringProperty trainPointsProperty() {
    return trainPoints;
  }

  public StringProperty noiseProperty() {
    return noise;
  }

  public StringProperty epochsProperty() {
    return epochs;
  }

  public StringProperty learningRateProperty() {
    return learningRate;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  /** The last finished run, or null. */
  public ReadOnlyObjectProperty<PolynomialExperiment.Outcome> outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The settings as typed; throws {@link LabInputException} naming what does not parse or fit. */
  public PolynomialExperiment.Settings settings() {
    List<Integer> ds = Inputs.wholeNumbers(degrees.get());
    if (ds.size() > 6) {
      throw new LabInputException("generalization.error.tooMany", ds.size(), 6);
    }
    return new PolynomialExperiment.Settings(curve.get(), ds, Inputs.wholeNumber(trainPoints.get()), 100,
        Inputs.number(noise.get()), Inputs.wholeNumber(epochs.get()), Inputs.number(learningRate.get()),
        Inputs.seed(seed.get()));
  }

  /** Fits every degree in the background; settings that do not parse change nothing and say why. */
  public void run() {
    if (busy.get()) {
      return;
    }
    PolynomialExperiment.Settings s;
    try {
      s = settings();
    } catch (LabInputException e) {
      error.set(UiText.of(e));
      return;
    }
    error.set(null);
    busy.set(true);
    executor.submit(() -> PolynomialExperiment.run(s), o -> {
      outcome.set(o);
      busy.set(false);
    }, e -> {
      error.set(UiText.of(e));
      busy.set(false);
    });
  }
}
