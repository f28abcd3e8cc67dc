package org.tensorworkbench.engine.lab.norm;

import java.util.List;

/**
 * A stream of training batches of one feature drawn from a normal distribution, and how
 * BatchNorm's running statistics followed it.
 *
 * @param trueMean the mean of the distribution the batches come from
 * @param trueStd its standard deviation
 * @param batchSize values per batch
 * @param momentum PyTorch's momentum: {@code running = (1 - momentum) * running + momentum * batch}
 * @param batches the statistics of every batch, in order
 */
public record RunningStatsTrace(double trueMean, double trueStd, int batchSize, double momentum,
    List<BatchStatistics> batches) {

  public BatchStatistics last() {
    return batches.get(batches.size() - 1);
  }
}
