package org.tensorworkbench.engine.lab.conv;

/**
 * One gradient-descent step of {@link KernelLearner}: the loss before the update and the kernel
 * after it, {@code [k_h, k_w]} row-major.
 */
public record LearningStep(int step, double loss, float[] kernel) {}
