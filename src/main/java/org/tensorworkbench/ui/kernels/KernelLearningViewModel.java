package org.tensorworkbench.ui.kernels;

import org.tensorworkbench.ui.common.UiText;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tensorworkbench.engine.lab.conv.ImagePlanes;
import org.tensorworkbench.engine.lab.conv.Kernel2d;
import org.tensorworkbench.engine.lab.conv.KernelLearner;
import org.tensorworkbench.engine.lab.conv.KernelPreset;
import org.tensorworkbench.engine.lab.conv.LearningStep;
import org.tensorworkbench.engine.lab.conv.SyntheticImage;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * Learning a kernel by gradient descent (d2l 7.2.4). The engine computes all steps in the
 * background; the screen then replays them one by one ({@link #showStep}) so the loss curve and
 * the weights can be watched converging.
 */
final class KernelLearningViewModel {
  private final UiExecutor executor;
  private final ObjectProperty<Kernel2d> currentKernel;
  private final ObjectProperty<LearnTarget> target = new SimpleObjectProperty<>(LearnTarget.D2L_EDGE);
  private final DoubleProperty learningRate = new SimpleDoubleProperty(0.03);
  private final IntegerProperty steps = new SimpleIntegerProperty(20);
  private final ReadOnlyObjectWrapper<Kernel2d> targetKernel = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<LearningStep>> trace = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyIntegerWrapper shownStep = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private long seed = 1;

  KernelLearningViewModel(UiExecutor executor, ObjectProperty<Kernel2d> currentKernel) {
    this.executor = executor;
    this.currentKernel = currentKernel;
  }

  /** Starts learning from a new random start; the trace arrives when all steps are computed. */
  void learn() {
    if (running.get()) {
      return;
    }
    boolean d2l = target.get() == LearnTarget.D2L_EDGE;
    Kernel2d k = d2l ? KernelPreset.EDGE_D2L.build(2, 1) : currentKernel.get();
    ImagePlanes x = d2l ? SyntheticImage.BOUNDARY.create() : KernelLearner.noiseImage(16, 7);
    double eta = learningRate.get();
    int n = steps.get();
    long s = seed++;
    running.set(true);
    error.set("");
    targetKernel.set(k);
    trace.set(List.of());
    shownStep.set(0);
    executor.submit(() -> KernelLearner.learn(x, k, eta, n, s), t -> {
      running.set(false);
      trace.set(List.copyOf(t));
    }, e -> {
      running.set(false);
      error.set(UiText.of(e).get());
    });
  }

  /** Replays up to step {@code n} (1-based) of the trace. */
  void showStep(int n) {
    shownStep.set(Math.max(0, Math.min(n, trace.get().size())));
  }

  ObjectProperty<LearnTarget> targetProperty() {
    return target;
  }

  DoubleProperty learningRateProperty() {
    return learningRate;
  }

  IntegerProperty stepsProperty() {
    return steps;
  }

  ReadOnlyObjectProperty<Kernel2d> targetKernelProperty() {
    return targetKernel.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<List<LearningStep>> traceProperty() {
    return trace.getReadOnlyProperty();
  }

  ReadOnlyIntegerProperty shownStepProperty() {
    return shownStep.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
