package org.tensorworkbench.ui.playground;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tensorworkbench.engine.lab.playground.Activation;
import org.tensorworkbench.engine.lab.playground.Initialization;
import org.tensorworkbench.engine.lab.playground.InitializationRace;
import org.tensorworkbench.engine.lab.playground.LayerSpreads;
import org.tensorworkbench.engine.lab.playground.StabilityDemos;
import org.tensorworkbench.ui.common.LatestResult;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.training.DecimatedSeries;

/**
 * The Initialization and stability tab (d2l 5.4): per-layer spreads of a deep MLP for each
 * initialization, the sigmoid's gradient, the product of 100 random matrices, and a training race
 * of the four initializations. All numbers come from {@code engine.lab.playground}, computed in
 * the background.
 */
public final class InitializationViewModel {
  static final int BATCH = 128;
  static final int RACE_STEPS = 300;
  private static final long SEED = 42;

  private final UiExecutor executor;
  private final LatestResult latest;
  private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.TANH);
  private final IntegerProperty depth = new SimpleIntegerProperty(20);
  private final IntegerProperty width = new SimpleIntegerProperty(64);
  private final Map<Initialization, DecimatedSeries> activationSpreads = seriesPerInit();
  private final Map<Initialization, DecimatedSeries> gradientSpreads = seriesPerInit();
  private final Map<Initialization, DecimatedSeries> raceLosses = seriesPerInit();
  private final DecimatedSeries sigmoid = new DecimatedSeries(400);
  private final DecimatedSeries sigmoidGradient = new DecimatedSeries(400);
  private final DecimatedSeries productNorms = new DecimatedSeries(400);
  private final BooleanProperty changed = new SimpleBooleanProperty();
  private final ReadOnlyBooleanWrapper racing = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<double[]> product = new ReadOnlyObjectWrapper<>();

  public InitializationViewModel(UiExecutor executor) {
    this.executor = executor;
    this.latest = new LatestResult(executor);
    double[][] curve = StabilityDemos.sigmoidCurve(161);
    for (int i = 0; i < curve[0].length; i++) {
      sigmoid.add(curve[0][i], curve[1][i]);
      sigmoidGradient.add(curve[0][i], curve[2][i]);
    }
    StabilityDemos.MatrixProduct m = StabilityDemos.matrixProduct(100, SEED);
    for (int k = 0; k < m.norms().length; k++) {
      productNorms.add(k + 1, m.norms()[k]);
    }
    product.set(m.product());
    activation.addListener(o -> recompute());
    depth.addListener(o -> recompute());
    width.addListener(o -> recompute());
    recompute();
  }

  /** sigmoid, tanh or ReLU, the hidden activation of the deep net. */
  public ObjectProperty<Activation> activationProperty() {
    return activation;
  }

  /** Hidden layers, 2 to {@value LayerSpreads#MAX_DEPTH}. */
  public IntegerProperty depthProperty() {
    return depth;
  }

  public IntegerProperty widthProperty() {
    return width;
  }

  public Map<Initialization, DecimatedSeries> activationSpreads() {
    return activationSpreads;
  }

  public Map<Initialization, DecimatedSeries> gradientSpreads() {
    return gradientSpreads;
  }

  public Map<Initialization, DecimatedSeries> raceLosses() {
    return raceLosses;
  }

  public DecimatedSeries sigmoid() {
    return sigmoid;
  }

  public DecimatedSeries sigmoidGradient() {
    return sigmoidGradient;
  }

  /** The Frobenius norm of M_1·...·M_k against k. */
  public DecimatedSeries productNorms() {
    return productNorms;
  }

  /** The product of the 100 matrices, 4x4 row-major. */
  public ReadOnlyObjectProperty<double[]> productProperty() {
    return product.getReadOnlyProperty();
  }

  /** Flips whenever a series changed. */
  public BooleanProperty changedProperty() {
    return changed;
  }

  public ReadOnlyBooleanProperty racingProperty() {
    return racing.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Measures the spreads of every initialization for the current activation, depth and width. */
  public void recompute() {
    Activation a = activation.get();
    int d = depth.get();
    int w = width.get();
    if (d < 2 || d > LayerSpreads.MAX_DEPTH) {
      message.set(UiText.of("playground.error.depth", d, LayerSpreads.MAX_DEPTH));
      return;
    }
    latest.submit(() -> {
      Map<Initialization, LayerSpreads> result = new EnumMap<>(Initialization.class);
      for (Initialization init : Initialization.values()) {
        result.put(init, LayerSpreads.measure(a, init, d, w, BATCH, SEED));
      }
      return result;
    }, result -> {
      message.set(null);
      result.forEach((init, spreads) -> {
        fill(activationSpreads.get(init), spreads.activations());
        fill(gradientSpreads.get(init), spreads.gradients());
      });
      changed.set(!changed.get());
    }, error -> message.set(UiText.of(error)));
  }

  /** Trains the same deep net {@value #RACE_STEPS} steps with each initialization. */
  public void race() {
    if (racing.get()) {
      return;
    }
    Activation a = activation.get();
    int d = depth.get();
    int w = Math.min(width.get(), 64);
    racing.set(true);
    executor.submit(() -> InitializationRace.run(a, d, w, RACE_STEPS, SEED), curves -> {
      racing.set(false);
      curves.forEach((init, losses) -> {
        DecimatedSeries s = raceLosses.get(init);
        s.clear();
        for (int i = 0; i < losses.length; i++) {
          s.add(i * InitializationRace.EVERY, losses[i]);
        }
      });
      changed.set(!changed.get());
    }, error -> {
      racing.set(false);
      message.set(UiText.of(error));
    });
  }

  private static void fill(DecimatedSeries series, double[] perLayer) {
    series.clear();
    for (int l = 0; l < perLayer.length; l++) {
      if (Double.isFinite(perLayer[l]) && perLayer[l] > 0) {
        series.add(l + 1, perLayer[l]);
      }
    }
  }

  private static Map<Initialization, DecimatedSeries> seriesPerInit() {
    Map<Initialization, DecimatedSeries> map = new EnumMap<>(Initialization.class);
    for (Initialization init : Initialization.values()) {
      map.put(init, new DecimatedSeries(400));
    }
    return map;
  }
}
