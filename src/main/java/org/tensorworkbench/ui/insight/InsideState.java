package org.tensorworkbench.ui.insight;

import org.tensorworkbench.engine.image.Raster;
import java.util.List;
import org.tensorworkbench.engine.inspect.ModelOutline;

/**
 * Everything the "inside the model" tab draws at one moment, computed off the FX thread, in two
 * parts that arrive independently: the weights (from a training snapshot, drawn without asking
 * the network) and the probe (feature maps of the picked test image, which the network has to
 * compute on its training thread).
 *
 * @param weights the first layer's pictures and the histograms, or null before any weights arrived
 * @param probe the picked test image and its feature maps, or null before the network answered
 */
record InsideState(Weights weights, Probe probe) {

  /** The outline from the probe, or null while the network has not answered yet. */
  ModelOutline outline() {
    return probe == null ? null : probe.outline();
  }

  /**
   * Pictures of the parameters.
   *
   * @param iteration the training iteration they are from, or -1 when read from a network that is not training
   * @param firstLayer the first layer's filters or unit images, or null when there are none to draw
   * @param histograms one per trained parameter, in graph order
   */
  record Weights(long iteration, FirstLayer firstLayer, List<WeightHistogram> histograms) {
    Weights {
      histograms = List.copyOf(histograms);
    }
  }

  /**
   * What the network makes of one test example.
   *
   * @param outline the network's layers and data
   * @param testIndex the test example shown
   * @param testImage that example, or null when the data are not images
   * @param thumbnails the first test images, to pick from
   * @param label its class, or -1 for regression
   * @param probabilities the network's class probabilities for it (empty for regression)
   * @param featureMaps one row per convolution, input to output
   */
  record Probe(ModelOutline outline, int testIndex, Raster testImage, List<Raster> thumbnails, int label,
      double[] probabilities, List<FeatureMapRow> featureMaps) {
    Probe {
      thumbnails = List.copyOf(thumbnails);
      featureMaps = List.copyOf(featureMaps);
    }
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
