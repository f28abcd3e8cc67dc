package org.tensorworkbench.ui.insight;

import java.util.List;
import org.tensorworkbench.engine.inspect.ModelOutline;

/**
 * Everything the "inside the model" tab draws at one moment, computed off the FX thread.
 *
 * @param outline the network's layers and data
 * @param iteration the training iteration the weights are from, or -1 when read from a network that is not training
 * @param testIndex the test example whose feature maps are shown
 * @param testImage that example, or null when the data are not images
 * @param label its class, or -1 for regression
 * @param probabilities the network's class probabilities for it (empty for regression)
 * @param firstLayer the first layer's filters or unit images, or null when there are none to draw
 * @param featureMaps one row per convolution, input to output
 * @param histograms one per trained parameter, in graph order
 */
record InsideState(ModelOutline outline, long iteration, int testIndex, Raster testImage, int label,
    double[] probabilities, FirstLayer firstLayer, List<FeatureMapRow> featureMaps, List<WeightHistogram> histograms) {

  InsideState {
    featureMaps = List.copyOf(featureMaps);
    histograms = List.copyOf(histograms);
  }

  /**
   * A first layer drawn as small images.
   *
   * @param layerId e.g. {@code conv1}
   * @param convolution filters of a convolution (else the units of a dense layer)
   * @param weightShape the weights' shape, {@code [kH, kW, inC, outC]} or {@code [in, units]}
   * @param tiles one picture per filter or unit, each scaled by its own largest |w|
   * @param scales the largest |w| of each tile
   */
  record FirstLayer(String layerId, boolean convolution, int[] weightShape, List<Raster> tiles, double[] scales) {
    FirstLayer {
      tiles = List.copyOf(tiles);
    }
  }

  /**
   * The output of one convolution for the picked test example.
   *
   * @param layerId e.g. {@code conv2}
   * @param shape {@code [C, H, W]}
   * @param channels the first channels (at most {@link InsideViewModel#MAX_CHANNELS}), each scaled by its own largest |v|
   */
  record FeatureMapRow(String layerId, int[] shape, List<Raster> channels) {
    FeatureMapRow {
      channels = List.copyOf(channels);
    }
  }
}
