package org.tensorworkbench.ui.norm;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tensorworkbench.engine.lab.norm.BatchNormLab;
import org.tensorworkbench.engine.lab.norm.RunningStatsLab;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.common.LatestResult;

/**
 * The training-versus-inference tab: a stream of batches from N(mean, std²), the running
 * statistics that follow it with momentum, the noise of batch statistics by batch size, and a
 * test batch normalized in inference mode.
 */
public final class RunningStatsViewModel {
  /** The batch sizes compared for noise. */
  static final int[] BATCH_SIZES = {2, 4, 8, 16, 32, 64, 128};
  private static final int NOISE_BATCHES = 500;
  private static final int TEST_SIZE = 4;

  private final StringProperty trueMean = new SimpleStringProperty("3");
  private final StringProperty trueStd = new SimpleStringProperty("2");
  private final StringProperty batchSize = new SimpleStringProperty("8");
  private final StringProperty batches = new SimpleStringProperty("100");
  private final StringProperty momentum = new SimpleStringProperty(Double.toString(RunningStatsLab.DEFAULT_MOMENTUM));
  private final ReadOnlyObjectWrapper<RunningStatsResult> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final LatestResult runner;
  private long seed = 11;

  public RunningStatsViewModel(UiExecutor executor) {
    this.runner = new LatestResult(executor);
    for (var p : new StringProperty[] {trueMean, trueStd, batchSize, batches, momentum}) {
      p.addListener(obs -> recompute());
    }
  }

  public StringProperty trueMeanProperty() {
    return trueMean;
  }

  public StringProperty trueStdProperty() {
    return trueStd;
  }

  public StringProperty batchSizeProperty() {
    return batchSize;
  }

  public StringProperty batchesProperty() {
    return batches;
  }

  public StringProperty momentumProperty() {
    return momentum;
  }

  public ReadOnlyObjectProperty<RunningStatsResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Runs the stream again with new random batches. */
  public void runAgain() {
    seed++;
    recompute();
  }

  public void recompute() {
    String meanText = trueMean.get();
    String stdText = trueStd.get();
    String sizeText = batchSize.get();
    String countText = batches.get();
    String momentumText = momentum.get();
    long s = seed;
    runner.submit(() -> {
      double mean = number(meanText);
      double std = number(stdText);
      if (!(std >= 0)) {
        throw new LabInputException("norm.error.negativeStd", std);
      }
      var trace = RunningStatsLab.simulate(mean, std, whole(sizeText), whole(countText), number(momentumText), s);
      return new RunningStatsResult(trace,
          RunningStatsLab.noiseByBatchSize(BATCH_SIZES, mean, std, NOISE_BATCHES, s),
          RunningStatsLab.inference(trace, TEST_SIZE, 1, 0, BatchNormLab.DEFAULT_EPS, s + 1));
    }, r -> {
      error.set(null);
      result.set(r);
    }, e -> {
      result.set(null);
      error.set(UiText.of(e));
    });
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new LabInputException("norm.error.notANumber", text);
    }
  }

  private static int whole(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new LabInputException("norm.error.notAWholeNumber", text);
    }
  }
}
