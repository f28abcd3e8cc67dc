package org.tensorworkbench.engine.lab.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.image.Raster;

class PlaneSnapshotTest {

  @Test
  void gridEvaluationEqualsPerPointPredictions() {
    PlaneData data = PlaneData.generate(DataSettings.defaults());
    NetworkSettings network = new NetworkSettings(List.of(6, 5), Activation.TANH,
        List.of(InputFeature.X1, InputFeature.X2, InputFeature.SIN_X1, InputFeature.X2_SQUARED));
    PlaygroundSession session = new PlaygroundSession(data, network, TrainSettings.defaults(), 4);
    for (int i = 0; i < 20; i++) {
      session.step();
    }
    PlaneSnapshot grid = session.snapshot(24);
    for (int r = 0; r < 24; r += 5) {
      for (int c = 0; c < 24; c += 3) {
        double[] p = session.predict(grid.x(c), grid.y(r));
        for (int k = 0; k < 3; k++) {
          assertEquals(p[k], grid.outputs()[(r * 24 + c) * 3 + k], 1e-12, "pixel " + c + "," + r);
        }
      }
    }
  }

  @Test
  void regressionGridIsOneRowOfX1() {
    DataSettings settings = DataSettings.defaults().withDataset(PlaygroundDataset.CURVE);
    PlaygroundSession session = new PlaygroundSession(PlaneData.generate(settings), NetworkSettings.defaults(),
        TrainSettings.defaults(), 2);
    PlaneSnapshot grid = session.snapshot(16);
    assertEquals(16, grid.outputs().length);
    for (int c = 0; c < 16; c++) {
      assertEquals(session.predict(grid.x(c), 0)[0], grid.outputs()[c], 1e-12);
    }
    Raster image = PlaneImages.boundary(grid);
    int c = 7;
    double f = grid.outputs()[c];
    for (int r = 0; r < 16; r++) {
      int expected = PlaneImages.blend(PlaneImages.signColour(grid.y(r) < f), Math.tanh(2 * Math.abs(grid.y(r) - f)));
      assertEquals(expected, image.pixel(c, r), "row " + r + ": above the curve blue, below orange");
    }
  }

  /** Logits (0, x1 − x2): p(class 1) = σ(x1 − x2), so class 1 below the diagonal y = x. */
  @Test
  void boundaryOfTheNeuronX1MinusX2IsCheckedPixelByPixel() {
    DenseStack net = new DenseStack(new int[] {2, 2}, Activation.RELU, Initialization.XAVIER, 1);
    double[] w = net.weights(0); // [in 2, out 2]
    w[0] = 0; // x1 -> class 0
    w[1] = 1; // x1 -> class 1
    w[2] = 0; // x2 -> class 0
    w[3] = -1; // x2 -> class 1
    int r = 10;
    PlaneSnapshot grid = PlaneSnapshot.evaluate(net, List.of(InputFeature.X1, InputFeature.X2),
        new double[] {-1, 1, -1, 1}, r, false);
    Raster image = PlaneImages.boundary(grid);
    for (int row = 0; row < r; row++) {
      for (int c = 0; c < r; c++) {
        double x1 = -1 + (c + 0.5) / r * 2;
        double x2 = 1 - (row + 0.5) / r * 2;
        double p1 = 1 / (1 + Math.exp(-(x1 - x2)));
        int cls = p1 > 0.5 ? 1 : 0;
        double confidence = (Math.max(p1, 1 - p1) - 0.5) / 0.5;
        int expected = PlaneImages.blend(PlaneImages.classColour(cls), confidence);
        assertEquals(Integer.toHexString(expected), Integer.toHexString(image.pixel(c, row)), "pixel " + c + "," + row);
      }
    }
    assertEquals(0xffffffff, PlaneImages.blend(PlaneImages.classColour(1), 0), "a tie is white");
    assertTrue(image.pixel(0, 0) != image.pixel(9, 9), "the corners on either side of the diagonal differ");
  }
}
