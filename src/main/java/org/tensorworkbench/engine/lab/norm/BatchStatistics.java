package org.tensorworkbench.engine.lab.norm;

/**
 * One training batch of the running-statistics stream.
 *
 * @param batch the batch number, from 1
 * @param mean the batch mean
 * @param variance the biased batch variance (used to normalize this batch)
 * @param unbiasedVariance the unbiased batch variance (fed into the running variance)
 * @param runningMean the running mean after this batch
 * @param runningVariance the running variance after this batch
 */
public record BatchStatistics(int batch, double mean, double variance, double unbiasedVariance,
    double runningMean, double runningVariance) {}
