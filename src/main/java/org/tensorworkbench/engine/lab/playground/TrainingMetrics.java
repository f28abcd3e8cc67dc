package org.tensorworkbench.engine.lab.playground;

/**
 * Where training stands: steps done, mean loss on the training and test points (inference mode,
 * without the L2 term), and accuracy (NaN for regression).
 */
public record TrainingMetrics(long steps, double trainLoss, double testLoss, double trainAccuracy,
    double testAccuracy) {}
