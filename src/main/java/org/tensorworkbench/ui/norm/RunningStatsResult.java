package org.tensorworkbench.ui.norm;

import java.util.List;
import org.tensorworkbench.engine.lab.norm.BatchSizeNoise;
import org.tensorworkbench.engine.lab.norm.InferenceCheck;
import org.tensorworkbench.engine.lab.norm.RunningStatsTrace;

/**
 * Everything the training-versus-inference tab shows, computed in one background call.
 *
 * @param trace the stream of batches and the running statistics
 * @param noise how batch statistics scatter for several batch sizes
 * @param inference a test batch normalized with running and with its own statistics
 */
public record RunningStatsResult(RunningStatsTrace trace, List<BatchSizeNoise> noise, InferenceCheck inference) {}
