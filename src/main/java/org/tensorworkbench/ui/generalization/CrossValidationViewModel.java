package org.tensorworkbench.ui.generalization;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tensorworkbench.engine.lab.generalization.HousingCrossValidation;
import org.tensorworkbench.engine.lab.generalization.HousingModel;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The validation tab (d2l 5.7) on the shipped housing data: K-fold cross-validation of a linear
 * model or an MLP with one hidden layer (trained by the engine), a table of the candidates
 * tried, retraining the chosen one on all the data, and early stopping on a validation split.
 * Folds are reported as they end ({@link #drain()}, once per frame while busy) and a run can be
 * stopped between two epochs.
 */
public final class CrossValidationViewModel {
  /** The model families of the tab. */
  public enum ModelKind { LINEAR, MLP }

  /** A row of the candidates table: the settings tried and their validation error over the folds. */
  public record Candidate(HousingCrossValidation.Settings settings, double meanValid, double spreadValid,
      double meanTrain) {}

  private final UiExecutor executor;
  private final Path projectHome;
  private final ObjectProperty<ModelKind> modelKind = new SimpleObjectProperty<>(ModelKind.LINEAR);
  private final StringProperty width = new SimpleStringProperty("64");
  private final StringProperty folds = new SimpleStringProperty("5");
  private final StringProperty epochs = new SimpleStringProperty();
  private final StringProperty learningRate = new SimpleStringProperty();
  private final StringProperty lambda = new SimpleStringProperty();
  private final StringProperty batchSize = new SimpleStringProperty();
  private final StringProperty seed = new SimpleStringProperty();
  private final StringProperty patience = new SimpleStringProperty("10");
  private final ReadOnlyObjectWrapper<HousingCrossValidation.Outcome> outcome = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<HousingCrossValidation.EarlyStopping> early = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<double[]> retrained = new ReadOnlyObjectWrapper<>();
  private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> foldsDone = new ReadOnlyObjectWrapper<>();
  private final Queue<HousingCrossValidation.Fold> arrived = new ConcurrentLinkedQueue<>();
  private volatile AtomicBoolean stopFlag = new AtomicBoolean();
  private int foldsWanted;
  private HousingCrossValidation data;

  /** @param projectHome the folder holding {@code datasets/housing} */
  public CrossValidationViewModel(UiExecutor executor, Path projectHome) {
    this.executor = executor;
    this.projectHome = projectHome;
    HousingCrossValidation.Settings d = HousingCrossValidation.Settings.d2l();
    epochs.set(Integer.toString(d.epochs()));
    learningRate.set(Double.toString(d.learningRate()));
    lambda.set(Double.toString(d.lambda()));
    batchSize.set(Integer.toString(d.batchSize()));
    seed.set(Long.toString(d.seed()));
  }

  /** Linear regression or an MLP with one hidden ReLU layer of {@link #widthProperty()} units. */
  public ObjectProperty<ModelKind> modelKindProperty() {
    return modelKind;
  }

  public StringProperty widthProperty() {
    return width;
  }

  /** "k of K folds done" while a cross-validation runs, else null. */
  public ReadOnlyObjectProperty<UiText> foldsDoneProperty() {
    return foldsDone.getReadOnlyProperty();
  }

  public StringProperty foldsProperty() {
    return folds;
  }

  public StringProperty epochsProperty() {
    return epochs;
  }

  public StringProperty learningRateProperty() {
    return learningRate;
  }

  public StringProperty lambdaProperty() {
    return lambda;
  }

  public StringProperty batchSizeProperty() {
    return batchSize;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  public StringProperty patienceProperty() {
    return patience;
  }

  /** The last cross-validation, or null. */
  public ReadOnlyObjectProperty<HousingCrossValidation.Outcome> outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }

  /** The last early-stopped run, or null. */
  public ReadOnlyObjectProperty<HousingCrossValidation.EarlyStopping> earlyStoppingProperty() {
    return early.getReadOnlyProperty();
  }

  /** The training log-RMSE per epoch of the chosen candidate retrained on all the data, or null. */
  public ReadOnlyObjectProperty<double[]> retrainedProperty() {
    return retrained.getReadOnlyProperty();
  }

  /** Every candidate cross-validated so far, best (lowest mean validation error) first. */
  public ObservableList<Candidate> candidates() {
    return candidates;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The settings as typed; throws {@link LabInputException} naming what is wrong. */
  public HousingCrossValidation.Settings settings() {
    HousingModel model = modelKind.get() == ModelKind.MLP ? HousingModel.mlp(Inputs.wholeNumber(width.get()))
        : HousingModel.LINEAR;
    return new HousingCrossValidation.Settings(model, Inputs.wholeNumber(folds.get()), Inputs.wholeNumber(epochs.get()),
        Inputs.number(learningRate.get()), Inputs.number(lambda.get()), Inputs.wholeNumber(batchSize.get()),
        Inputs.seed(seed.get()));
  }

  /** Trains K models in the background and adds the settings to the candidates. */
  public void crossValidate() {
    HousingCrossValidation.Settings s = checked();
    if (s == null) {
      return;
    }
    AtomicBoolean stop = new AtomicBoolean();
    stopFlag = stop;
    arrived.clear();
    foldsWanted = s.folds();
    foldsDone.set(UiText.of("generalization.kfold.progress", 0, foldsWanted));
    background(() -> data().crossValidate(s, stop::get, arrived::add), o -> {
      foldsDone.set(null);
      outcome.set(o);
      candidates.removeIf(c -> c.settings().equals(s));
      candidates.add(new Candidate(s, o.meanValid(), o.spreadValid(), o.meanTrain()));
      candidates.sort(java.util.Comparator.comparingDouble(Candidate::meanValid));
    });
  }

  /** Stops a cross-validation after the epoch under way; the folds done stay. */
  public void stop() {
    stopFlag.set(true);
  }

  /** Reports the folds finished since the last call; once per frame on the FX thread while busy. */
  public void drain() {
    int done = 0;
    for (HousingCrossValidation.Fold f = arrived.poll(); f != null; f = arrived.poll()) {
      done = f.fold() + 1;
    }
    if (done > 0 && busy.get()) {
      foldsDone.set(UiText.of("generalization.kfold.progress", done, foldsWanted));
    }
  }

  /** Trains the best candidate (or the typed settings when there is none) on every example. */
  public void retrainBest() {
    HousingCrossValidation.Settings s = candidates.isEmpty() ? checked() : candidates.get(0).settings();
    if (s == null) {
      return;
    }
    background(() -> data().retrainOnAll(s), retrained::set);
  }

  /** Trains on K-1 folds' worth of rows, validating on the rest, stopping after the patience. */
  public void earlyStopping() {
    HousingCrossValidation.Settings s = checked();
    if (s == null) {
      return;
    }
    int p;
    try {
      p = Inputs.wholeNumber(patience.get());
    } catch (LabInputException e) {
      error.set(UiText.of(e));
      return;
    }
    background(() -> data().earlyStopping(s, p), early::set);
  }

  private HousingCrossValidation.Settings checked() {
    if (busy.get()) {
      return null;
    }
    try {
      HousingCrossValidation.Settings s = settings();
      error.set(null);
      return s;
    } catch (LabInputException e) {
      error.set(UiText.of(e));
      return null;
    }
  }

  private <T> void background(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
    busy.set(true);
    executor.submit(work, r -> {
      done.accept(r);
      busy.set(false);
    }, e -> {
      error.set(UiText.of(e));
      foldsDone.set(null);
      busy.set(false);
    });
  }

  /** The housing data, loaded on first use (on the background thread). */
  private synchronized HousingCrossValidation data() {
    if (data == null) {
      data = HousingCrossValidation.load(projectHome);
    }
    return data;
  }
}
