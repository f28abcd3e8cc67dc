package org.tensorworkbench.ui.playground;

import java.util.ArrayList;
import java.util.List;
import org.tensorworkbench.engine.image.Raster;
import org.tensorworkbench.engine.lab.playground.PlaneImages;
import org.tensorworkbench.engine.lab.playground.PlaneSnapshot;

/**
 * The pixels of one refresh, made off the FX thread: the decision boundary and, per layer (the
 * input features first, then each hidden layer), every neuron's picture.
 */
public record PlanePictures(Raster boundary, List<List<Raster>> neurons) {

  static PlanePictures of(PlaneSnapshot grid) {
    List<List<Raster>> layers = new ArrayList<>();
    int[] sizes = grid.sizes();
    for (int l = 0; l < sizes.length - 1; l++) {
      List<Raster> layer = new ArrayList<>();
      for (int j = 0; j < sizes[l]; j++) {
        layer.add(PlaneImages.neuron(grid, l, j));
      }
      layers.add(List.copyOf(layer));
    }
    return new PlanePictures(PlaneImages.boundary(grid), List.copyOf(layers));
  }
}
