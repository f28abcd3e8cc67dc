package org.tensorworkbench.engine.io;

import org.tensorworkbench.engine.graph.CompiledNetwork;

/**
 * A model read from a file: the network with its trained weights, ready to predict or to train
 * on, and what the file says about it.
 *
 * @param updaterState whether the optimizer's state (e.g. Adam's moments) was saved, so that
 *     further training continues exactly where it stopped
 */
public record SavedModel(CompiledNetwork network, ModelMetadata metadata, boolean updaterState) {}
