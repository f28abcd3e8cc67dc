package org.tensorworkbench.engine.spec;

/** Global average pooling [N, C, H, W] -> [N, C]: one mean per channel (NiN, d2l 8.3). */
public record GlobalAvgPool2dSpec() implements LayerSpec {}
