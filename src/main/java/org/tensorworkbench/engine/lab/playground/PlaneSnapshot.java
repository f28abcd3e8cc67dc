package org.tensorworkbench.engine.lab.playground;

/**
 * What the network computes over the plane at one moment, from one batched forward pass of all
 * grid points: a {@code resolution x resolution} grid of pixel centres, row 0 at the top.
 *
 * @param resolution R, the grid's side
 * @param bounds {xMin, xMax, yMin, yMax} of the plane
 * @param classCount K (0 for regression)
 * @param outputs class probabilities {@code [R·R, K]} (softmax of the logits), or for regression
 *     the prediction per column {@code [R]} (it depends on x1 only)
 * @param layers the values of the input features ({@code layers[0]}, {@code [P, F]}) and of
 *     each hidden layer after its activation ({@code [P, size]}); P = R·R, or R for regression
 * @param weights a copy of each layer's weights {@code [in, out]}
 * @param sizes the stack's sizes, features first and outputs last
 */
public record PlaneSnapshot(int resolution, double[] bounds, int classCount, double[] outputs, double[][] layers,
    double[][] weights, int[] sizes) {

  public boolean isRegression() {
    return classCount == 0;
  }

  /** Points per layer picture: R·R, or R for regression. */
  public int pointCount() {
    return isRegression() ? resolution : resolution * resolution;
  }

  /** x1 at the centre of column {@code c}. */
  public double x(int c) {
    return bounds[0] + (c + 0.5) / resolution * (bounds[1] - bounds[0]);
  }

  /** The plane's vertical coordinate at the centre of row {@code r} (row 0 at the top). */
  public double y(int r) {
    return bounds[3] - (r + 0.5) / resolution * (bounds[3] - bounds[2]);
  }

  /** Neuron {@code j} of layer {@code layer} (0 = input features) at grid pixel (c, r). */
  public double neuron(int layer, int j, int c, int r) {
    int p = isRegression() ? c : r * resolution + c;
    return layers[layer][p * sizes[layer] + j];
  }

  /**
   * Evaluates {@code net} on every grid point of {@code bounds} in one forward pass.
   *
   * @param features the network's input features
   * @param regression whether the output is a regression value (the grid is then one row of x1, x2 = 0)
   */
  public static PlaneSnapshot evaluate(DenseStack net, java.util.List<InputFeature> features, double[] bounds,
      int resolution, boolean regression) {
    if (resolution < 2 || resolution > 512) {
      throw new IllegalArgumentException("resolution " + resolution);
    }
    int f = features.size();
    int points = regression ? resolution : resolution * resolution;
    double[] x = new double[points * f]; // [P, F]
    double step = (bounds[1] - bounds[0]) / resolution;
    double stepY = (bounds[3] - bounds[2]) / resolution;
    for (int p = 0; p < points; p++) {
      int c = regression ? p : p % resolution;
      int r = regression ? 0 : p / resolution;
      double x1 = bounds[0] + (c + 0.5) * step;
      double x2 = regression ? 0 : bounds[3] - (r + 0.5) * stepY;
      for (int j = 0; j < f; j++) {
        x[p * f + j] = features.get(j).value(x1, x2);
      }
    }
    DenseStack.Pass pass = net.forward(x, points);
    int[] sizes = net.sizes();
    int k = sizes[sizes.length - 1];
    double[] outputs = regression ? pass.output() : Losses.softmax(pass.output(), points, k);
    double[][] layers = new double[sizes.length - 1][];
    System.arraycopy(pass.h(), 0, layers, 0, layers.length);
    return new PlaneSnapshot(resolution, bounds.clone(), regression ? 0 : k, outputs, layers, net.copyWeights(),
        sizes);
  }
}
