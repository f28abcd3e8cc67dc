package org.tensorworkbench.engine.tune;

/**
 * One epoch of a trial's learning curve.
 *
 * @param epoch 0-based
 * @param trainLoss mean training loss over the epoch
 * @param validationLoss loss on the validation split after the epoch
 * @param validationAccuracy accuracy on the validation split (NaN for a regression)
 * @param seconds training time of the epoch
 */
public record EpochPoint(int epoch, double trainLoss, double validationLoss, double validationAccuracy, double seconds) {}
