package org.tensorworkbench.engine.lab.norm;

import org.tensorworkbench.engine.lab.tensor.CodeLines;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

/**
 * Layer normalization of the same batch: one mean and variance per sample, over all its
 * channels and positions.
 *
 * @param input the activations, {@code (N, C, H, W)} or {@code (N, D)}
 * @param mean per sample
 * @param variance per sample, biased
 * @param output {@code (x - mean) / sqrt(variance + eps)}, the shape of the input
 * @param code the statement in PyTorch and ND4J
 */
public record LayerNormSteps(TensorValues input, double[] mean, double[] variance, TensorValues output,
    CodeLines code) {}
