package org.tensorworkbench.ui.norm;

import org.tensorworkbench.engine.lab.norm.BatchNormSteps;
import org.tensorworkbench.engine.lab.norm.LayerNormSteps;

/**
 * BatchNorm and LayerNorm of the same batch, computed together so both tabs show one input.
 *
 * @param batch BatchNorm's steps
 * @param layer LayerNorm's result
 */
public record NormResult(BatchNormSteps batch, LayerNormSteps layer) {}
