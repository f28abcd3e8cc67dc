package org.tensorworkbench.ui.norm;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tensorworkbench.engine.lab.norm.ActivationInputs;
import org.tensorworkbench.engine.lab.norm.BatchNormLab;
import org.tensorworkbench.engine.lab.norm.LayerNormLab;
import org.tensorworkbench.engine.lab.norm.LeNetActivations;
import org.tensorworkbench.engine.lab.tensor.Shapes;
import org.tensorworkbench.engine.lab.tensor.TensorValues;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.common.LatestResult;

/**
 * The input batch of the Normalization Lab (shape, mean and standard deviation per channel) and
 * BatchNorm's editable scale and shift; every edit recomputes BatchNorm and LayerNorm in the
 * background (the newest edit wins).
 */
public final class NormViewModel {
  /** Where the activations come from. */
  public enum Source {
    /** Normal values with a chosen mean and standard deviation per channel. */
    RANDOM,
    /**
     * Fashion-MNIST images after the first convolution of LeNet: with the LeNet trained in the
     * experiment if there is one, else with its seeded initial weights.
     */
    LENET_CONV1
  }

  private final Path projectHome;
  private final Map<String, TensorValues> lenetCache = new ConcurrentHashMap<>();
  private final ObjectProperty<TrainedLeNet> trainedLeNet = new SimpleObjectProperty<>();
  private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.RANDOM);
  private final StringProperty lenetBatch = new SimpleStringProperty("4");
  private final StringProperty lenetWindow = new SimpleStringProperty("4");
  private final StringProperty shape = new SimpleStringProperty("4, 3, 2, 2");
  private final StringProperty means = new SimpleStringProperty("0, 5, -3");
  private final StringProperty stds = new SimpleStringProperty("1, 2, 0.5");
  private final StringProperty gamma = new SimpleStringProperty("1");
  private final StringProperty beta = new SimpleStringProperty("0");
  private final IntegerProperty draw = new SimpleIntegerProperty();
  private final ReadOnlyObjectWrapper<NormResult> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final LatestResult runner;

  /**
   * @param executor runs the engine in the background
   * @param projectHome the folder holding {@code datasets/}, for the LeNet activations
   */
  public NormViewModel(UiExecutor executor, Path projectHome) {
    this.runner = new LatestResult(executor);
    this.projectHome = projectHome;
    for (var p : new javafx.beans.Observable[] {shape, means, stds, gamma, beta, draw, source, lenetBatch, lenetWindow, trainedLeNet}) {
      p.addListener(obs -> recompute());
    }
  }

  /** A trained LeNet whose first convolution the LeNet source uses; null: its initial weights. */
  public ObjectProperty<TrainedLeNet> trainedLeNetProperty() {
    return trainedLeNet;
  }

  /** The seed of LeNet's initial weights while no trained LeNet is given. */
  public long initialWeightsSeed() {
    return 17 + draw.get();
  }

  public ObjectProperty<Source> sourceProperty() {
    return source;
  }

  /** How many Fashion-MNIST images go through LeNet. */
  public StringProperty lenetBatchProperty() {
    return lenetBatch;
  }

  /** The side of the centre window kept of each 28x28 feature map. */
  public StringProperty lenetWindowProperty() {
    return lenetWindow;
  }

  /** {@code N, C, H, W} or {@code N, D}. */
  public StringProperty shapeProperty() {
    return shape;
  }

  public StringProperty meansProperty() {
    return means;
  }

  public StringProperty stdsProperty() {
    return stds;
  }

  /** BatchNorm's scale per channel (one number for all). */
  public StringProperty gammaProperty() {
    return gamma;
  }

  /** BatchNorm's shift per channel (one number for all). */
  public StringProperty betaProperty() {
    return beta;
  }

  public ReadOnlyObjectProperty<NormResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Draws a new random batch from the same distribution. */
  public void drawAgain() {
    draw.set(draw.get() + 1);
  }

  public void recompute() {
    String shapeText = shape.get();
    String meanText = means.get();
    String stdText = stds.get();
    String gammaText = gamma.get();
    String betaText = beta.get();
    long seed = initialWeightsSeed();
    TrainedLeNet trained = trainedLeNet.get();
    Source from = source.get();
    String batchText = lenetBatch.get();
    String windowText = lenetWindow.get();
    runner.submit(() -> {
      TensorValues x = from == Source.RANDOM
          ? random(shapeText, meanText, stdText, seed)
          : lenet(wholeNumber(batchText), wholeNumber(windowText), seed, trained);
      int channels = x.shape()[1];
      return new NormResult(
          BatchNormLab.forward(x, ActivationInputs.parseList(gammaText, channels),
              ActivationInputs.parseList(betaText, channels), BatchNormLab.DEFAULT_EPS),
          LayerNormLab.forward(x, BatchNormLab.DEFAULT_EPS));
    }, r -> {
      error.set(null);
      result.set(r);
    }, e -> {
      result.set(null);
      error.set(UiText.of(e));
    });
  }

  private static TensorValues random(String shapeText, String meanText, String stdText, long seed) {
    int[] s = Shapes.parse(shapeText);
    int channels = s.length > 1 ? s[1] : 1;
    return ActivationInputs.normal(s, ActivationInputs.parseList(meanText, channels),
        ActivationInputs.parseList(stdText, channels), seed);
  }

  /**
   * LeNet's activations, kept per (batch, window, weights): reading Fashion-MNIST takes seconds.
   * The trained network's session has ended, so reading it here races with nothing.
   */
  private TensorValues lenet(int batch, int window, long seed, TrainedLeNet trained) {
    if (trained == null) {
      return lenetCache.computeIfAbsent(batch + "/" + window + "/seed " + seed,
          k -> LeNetActivations.firstConvolution(projectHome, batch, window, seed));
    }
    return lenetCache.computeIfAbsent(batch + "/" + window + "/trained " + System.identityHashCode(trained),
        k -> LeNetActivations.firstConvolution(projectHome, batch, window, trained.network()));
  }

  private static int wholeNumber(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new org.tensorworkbench.engine.lab.tensor.LabInputException("norm.error.notAWholeNumber", text);
    }
  }
}
