package org.tensorworkbench.engine.lab.playground;

import org.tensorworkbench.engine.data.PatternGenerator;
import org.tensorworkbench.engine.data.PolynomialGenerator;
import org.tensorworkbench.engine.data.SyntheticData;

/**
 * The generated points of the Playground: the network's inputs (x1, x2) per point, class labels
 * or regression targets, which rows train and which test, and the part of the plane shown.
 * For the curve x2 is 0 and a point is drawn at (x1, target).
 */
public final class PlaneData {
  private final DataSettings settings;
  private final double[] x1;
  private final double[] x2;
  private final int[] labels;
  private final double[] targets;
  private final int[] trainRows;
  private final int[] testRows;
  private final double[] bounds; // xMin, xMax, yMin, yMax

  private PlaneData(DataSettings settings, double[] x1, double[] x2, int[] labels, double[] targets) {
    this.settings = settings;
    this.x1 = x1;
    this.x2 = x2;
    this.labels = labels;
    this.targets = targets;
    int n = x1.length;
    int train = DataSettings.trainCount(n, settings.testShare());
    trainRows = new int[train];
    testRows = new int[n - train];
    for (int i = 0; i < n; i++) {
      if (i < train) {
        trainRows[i] = i;
      } else {
        testRows[i - train] = i;
      }
    }
    double maxX = 0;
    double maxY = 0;
    for (int i = 0; i < n; i++) {
      maxX = Math.max(maxX, Math.abs(x1[i]));
      maxY = Math.max(maxY, Math.abs(displayY(i)));
    }
    double ex = niceExtent(maxX);
    double ey = settings.dataset().isRegression() ? niceExtent(maxY) : ex;
    if (!settings.dataset().isRegression()) {
      ex = Math.max(ex, niceExtent(maxY));
      ey = ex;
    }
    bounds = new double[] {-ex, ex, -ey, ey};
  }

  /** Generates the points of {@code settings} with the generators of {@code engine.data}. */
  public static PlaneData generate(DataSettings settings) {
    int n = settings.points();
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    if (settings.dataset().isRegression()) {
      // features [1, x] of degree 1: column 1 is x
      SyntheticData d = PolynomialGenerator.generate(PolynomialGenerator.Curve.SINE, 1, settings.noise(), n,
          settings.seed());
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        x1[i] = d.feature(i, 1);
        t[i] = d.targets()[i];
      }
      return new PlaneData(settings, x1, x2, null, t);
    }
    SyntheticData d = PatternGenerator.generate(settings.dataset().pattern(), n, settings.classes(),
        settings.noise(), settings.seed());
    for (int i = 0; i < n; i++) {
      x1[i] = d.feature(i, 0);
      x2[i] = d.feature(i, 1);
    }
    return new PlaneData(settings, x1, x2, d.labels().clone(), null);
  }

  /** The smallest of 1, 1.5, 2, 3, 4, 5, ... at least 10 % above {@code max}. */
  private static double niceExtent(double max) {
    double need = max * 1.1;
    double[] steps = {1, 1.5, 2, 3, 4, 5, 6, 8, 10};
    for (double s : steps) {
      if (need <= s) {
        return s;
      }
    }
    return Math.ceil(need);
  }

  public DataSettings settings() {
    return settings;
  }

  public boolean isRegression() {
    return targets != null;
  }

  /** K, the number of classes (0 for regression). */
  public int classCount() {
    return isRegression() ? 0 : settings.classes();
  }

  public int size() {
    return x1.length;
  }

  public double x1(int i) {
    return x1[i];
  }

  public double x2(int i) {
    return x2[i];
  }

  /** Where point {@code i} is drawn vertically: x2, or the target for the curve. */
  public double displayY(int i) {
    return isRegression() ? targets[i] : x2[i];
  }

  /** The class labels (null for regression); do not modify. */
  int[] labels() {
    return labels;
  }

  /** The regression targets (null for classification); do not modify. */
  double[] targets() {
    return targets;
  }

  public int label(int i) {
    return labels[i];
  }

  public boolean isTest(int i) {
    return i >= trainRows.length;
  }

  int[] trainRows() {
    return trainRows;
  }

  int[] testRows() {
    return testRows;
  }

  public int trainCount() {
    return trainRows.length;
  }

  /** The part of the plane shown: {xMin, xMax, yMin, yMax}, symmetric around 0 (a copy). */
  public double[] bounds() {
    return bounds.clone();
  }
}
