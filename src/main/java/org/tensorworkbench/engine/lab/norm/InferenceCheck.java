package org.tensorworkbench.engine.lab.norm;

/**
 * A test batch normalized two ways: with the running statistics (inference mode, what
 * {@code model.eval()} does) and with its own batch statistics (training mode).
 *
 * @param inputs the test values
 * @param withRunningStats {@code gamma (x - running_mean) / sqrt(running_var + eps) + beta}
 * @param withBatchStats the same with the test batch's own mean and biased variance
 */
public record InferenceCheck(double[] inputs, double[] withRunningStats, double[] withBatchStats) {}
