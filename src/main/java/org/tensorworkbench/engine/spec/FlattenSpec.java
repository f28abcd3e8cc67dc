package org.tensorworkbench.engine.spec;

/** Flattens each example to a vector: [N, C, H, W] -> [N, C·H·W], in row-major order. */
public record FlattenSpec() implements LayerSpec {}
