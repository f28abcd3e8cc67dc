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
import org.tensorworkbench.engine.lab.generalization.LinearFit;
import org.tensorworkbench.engine.lab.generalization.WeightDecayExperiment;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/** The weight-decay tab (d2l 3.7): the λ values, the kind of decay and the optimizer, and the runs. */
public final class WeightDecayViewModel {
  private final UiExecutor executor;
  private final StringProperty lambdas = new SimpleStringProperty("0, 1, 3, 10");
  private final ObjectProperty<LinearFit.Decay> decay = new SimpleObjectProperty<>(LinearFit.Decay.L2_IN_LOSS);
  private final ObjectProperty<LinearFit.Method> method = new SimpleObjectProperty<>(LinearFit.Method.SGD);
  private final StringProperty epochs = new SimpleStringProperty();
  private final StringProperty learningRate = new SimpleStringProperty();
  private final StringProperty seed = new SimpleStringProperty();
  private final ReadOnlyObjectWrapper<List<WeightDecayExperiment.Run>> runs = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();

  public WeightDecayViewModel(UiExecutor executor) {
    this.executor = executor;
    WeightDecayExperiment.Settings d = WeightDecayExperiment.Settings.d2l();
    epochs.set(Integer.toString(d.epochs()));
    learningRate.set(Double.toString(d.learningRate()));
    seed.set(Long.toString(d.seed()));
    method.addListener((obs, old, now) -> learningRate.set(now == LinearFit.Method.ADAM ? "0.01" : "0.003"));
  }

  public StringProperty lambdasProperty() {
    return lambdas;
  }

  public ObjectProperty<LinearFit.Decay> decayProperty() {
    return decay;
  }

  public ObjectProperty<LinearFit.Method> methodProperty() {
    return method;
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

  /** One run per λ of the last finished computation. */
  public ReadOnlyObjectProperty<List<WeightDecayExperiment.Run>> runsProperty() {
    return runs.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  public void run() {
    if (busy.get()) {
      return;
    }
    WeightDecayExperiment.Settings s;
    try {
      s = new WeightDecayExperiment.Settings(Inputs.numbers(lambdas.get()), decay.get(), method.get(),
          Inputs.wholeNumber(epochs.get()), Inputs.number(learningRate.get()), Inputs.seed(seed.get()));
    } catch (LabInputException e) {
      error.set(UiText.of(e));
      return;
    }
    error.set(null);
    busy.set(true);
    executor.submit(() -> WeightDecayExperiment.run(s), r -> {
      runs.set(List.copyOf(r));
      busy.set(false);
    }, e -> {
      error.set(UiText.of(e));
      busy.set(false);
    });
  }
}
