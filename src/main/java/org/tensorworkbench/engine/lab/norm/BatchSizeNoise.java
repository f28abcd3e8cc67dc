package org.tensorworkbench.engine.lab.norm;

/**
 * How much the batch statistics scatter for one batch size, measured over many batches.
 *
 * @param batchSize values per batch
 * @param meanSpread the standard deviation of the batch means (theory: sigma / sqrt(m))
 * @param expectedMeanSpread sigma / sqrt(m)
 * @param varianceSpread the standard deviation of the biased batch variances
 * @param averageVariance the average biased batch variance (theory: sigma² (m - 1) / m)
 */
public record BatchSizeNoise(int batchSize, double meanSpread, double expectedMeanSpread, double varianceSpread,
    double averageVariance) {}
