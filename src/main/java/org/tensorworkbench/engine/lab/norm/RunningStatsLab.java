package org.tensorworkbench.engine.lab.norm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.lab.tensor.LabInputException;

/**
 * BatchNorm's two modes (d2l 8.5.2): in training each batch is normalized with its own mean and
 * biased variance, and running estimates are updated after every batch with momentum (PyTorch's
 * convention, default 0.1):
 * <pre>
 *   running_mean = (1 - momentum) * running_mean + momentum * batch_mean
 *   running_var  = (1 - momentum) * running_var  + momentum * batch_var_unbiased
 * </pre>
 * starting from mean 0 and variance 1. At inference the running estimates replace the batch
 * statistics, so a prediction does not depend on which other examples share its batch. Small
 * batches make the batch statistics noisy: the batch mean scatters with sigma / sqrt(m).
 */
public final class RunningStatsLab {
  /** PyTorch's default momentum. */
  public static final double DEFAULT_MOMENTUM = 0.1;

  private RunningStatsLab() {}

  /** Draws {@code batchCount} batches of {@code batchSize} values from N(trueMean, trueStd²) and tracks the statistics. */
  public static RunningStatsTrace simulate(double trueMean, double trueStd, int batchSize, int batchCount,
      double momentum, long seed) {
    if (batchSize < 2) {
      throw new LabInputException("norm.error.batchTooSmall", batchSize);
    }
    if (batchCount < 1 || batchCount > 10_000) {
      throw new LabInputException("norm.error.batchCount", batchCount);
    }
    if (!(momentum > 0 && momentum <= 1)) {
      throw new LabInputException("norm.error.momentum", momentum);
    }
    Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    double runningMean = 0;
    double runningVar = 1;
    List<BatchStatistics> out = new ArrayList<>(batchCount);
    for (int i = 1; i <= batchCount; i++) {
      INDArray batch = draw(rng, batchSize, trueMean, trueStd); // [m]
      double mean = batch.meanNumber().doubleValue();
      double biased = batch.var(false, 0).getDouble(0);
      double unbiased = batch.var(true, 0).getDouble(0);
      runningMean = (1 - momentum) * runningMean + momentum * mean;
      runningVar = (1 - momentum) * runningVar + momentum * unbiased;
      out.add(new BatchStatistics(i, mean, biased, unbiased, runningMean, runningVar));
    }
    return new RunningStatsTrace(trueMean, trueStd, batchSize, momentum, List.copyOf(out));
  }

  /** The spread of batch means and variances for each batch size, over {@code batchCount} batches each. */
  public static List<BatchSizeNoise> noiseByBatchSize(int[] batchSizes, double trueMean, double trueStd,
      int batchCount, long seed) {
    List<BatchSizeNoise> out = new ArrayList<>();
    for (int m : batchSizes) {
      if (m < 2) {
        throw new LabInputException("norm.error.batchTooSmall", m);
      }
      Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed + m);
      INDArray batches = draw(rng, batchCount * m, trueMean, trueStd).reshape('c', batchCount, m); // [batches, m]
      INDArray means = batches.mean(1); // [batches]
      INDArray vars = batches.var(false, 1); // [batches]
      out.add(new BatchSizeNoise(m, means.stdNumber().doubleValue(), trueStd / Math.sqrt(m),
          vars.stdNumber().doubleValue(), vars.meanNumber().doubleValue()));
    }
    return out;
  }

  /** Normalizes a fresh test batch with the running statistics of {@code trace} and with its own. */
  public static InferenceCheck inference(RunningStatsTrace trace, int testSize, double gamma, double beta,
      double eps, long seed) {
    Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    INDArray x = draw(rng, testSize, trace.trueMean(), trace.trueStd()); // [t]
    BatchStatistics last = trace.last();
    INDArray running = x.sub(last.runningMean()).div(Math.sqrt(last.runningVariance() + eps)).mul(gamma).add(beta);
    double mean = x.meanNumber().doubleValue();
    double var = x.var(false, 0).getDouble(0);
    INDArray own = x.sub(mean).div(Math.sqrt(var + eps)).mul(gamma).add(beta);
    return new InferenceCheck(x.toDoubleVector(), running.toDoubleVector(), own.toDoubleVector());
  }

  private static INDArray draw(Random rng, int count, double mean, double std) {
    return Nd4j.randn(new int[] {count}, rng).castTo(DataType.DOUBLE).muli(std).addi(mean);
  }
}
