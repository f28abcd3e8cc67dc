package org.tensorworkbench.ui.norm;

import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.lab.norm.NormalizationExperiment;

/**
 * A LeNet trained in the lab's experiment, whose first convolution can feed the BatchNorm steps.
 *
 * @param network the trained network; its session has ended
 * @param settings how it was trained
 * @param epochs the epochs it finished (fewer than asked if the run was stopped)
 * @param testAccuracy its accuracy on the test images after the last finished epoch
 */
public record TrainedLeNet(CompiledNetwork network, NormalizationExperiment.Settings settings, int epochs,
    double testAccuracy) {}
