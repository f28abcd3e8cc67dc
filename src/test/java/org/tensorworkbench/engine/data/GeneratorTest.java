package org.tensorworkbench.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  @Test
  void linearDataHasD2lShapesAndIsDeterminedByTheSeed() {
    SyntheticData a = LinearRegressionGenerator.generate(LinearRegressionGenerator.d2lWeights(), 4.2f, 0.01, 1000, 7);
    SyntheticData b = LinearRegressionGenerator.generate(LinearRegressionGenerator.d2lWeights(), 4.2f, 0.01, 1000, 7);
    SyntheticData c = LinearRegressionGenerator.generate(LinearRegressionGenerator.d2lWeights(), 4.2f, 0.01, 1000, 8);
    assertEquals(1000, a.rows());
    assertEquals(2, a.columns());
    assertEquals(1000, a.targets().length);
    assertNull(a.labels());
    assertArrayEquals(a.features(), b.features());
    assertArrayEquals(a.targets(), b.targets());
    assertFalse(Arrays.equals(a.features(), c.features()));
  }

  @Test
  void leastSquaresRecoversWeightsAndTheNoiseLevel() {
    SyntheticData data = LinearRegressionGenerator.generate(new float[] {2f, -3.4f}, 4.2f, 0.01, 5000, 1);
    double[] w = leastSquares(data, true); // [w1, w2, b]
    assertEquals(2.0, w[0], 1e-3);
    assertEquals(-3.4, w[1], 1e-3);
    assertEquals(4.2, w[2], 1e-3);
    double sumSq = 0;
    for (int i = 0; i < data.rows(); i++) {
      double r = data.targets()[i] - (w[0] * data.feature(i, 0) + w[1] * data.feature(i, 1) + w[2]);
      sumSq += r * r;
    }
    double residualStd = Math.sqrt(sumSq / (data.rows() - 3));
    assertEquals(0.01, residualStd, 0.0005);
    double xMean = 0;
    for (float v : data.features()) {
      xMean += v;
    }
    assertEquals(0, xMean / data.features().length, 0.03);
  }

  @Test
  void polynomialFeaturesAreScaledPowersAndFitTheCubic() {
    SyntheticData data = PolynomialGenerator.generate(PolynomialGenerator.Curve.D2L_CUBIC, 3, 0.1, 2000, 3);
    assertEquals(4, data.columns());
    float x = data.feature(5, 1);
    assertEquals(1f, data.feature(5, 0));
    assertEquals(x * x / 2, data.feature(5, 2), 1e-5);
    assertEquals(x * x * x / 6, data.feature(5, 3), 1e-5);
    double[] w = leastSquares(data, false);
    assertArrayEquals(new double[] {5, 1.2, -3.4, 5.6}, w, 0.03);
  }

  @Test
  void sineTargetsAreSinePlusTheirNoise() {
    SyntheticData data = PolynomialGenerator.generate(PolynomialGenerator.Curve.SINE, 5, 0.1, 4000, 4);
    double sumSq = 0;
    for (int i = 0; i < data.rows(); i++) {
      float x = data.feature(i, 1);
      assertTrue(Math.abs(x) <= Math.PI);
      double r = data.targets()[i] - Math.sin(x);
      sumSq += r * r;
    }
    assertEquals(0.1, Math.sqrt(sumSq / data.rows()), 0.005);
  }

  @Test
  void patternsAreBalancedShuffledAndDeterministic() {
    for (PatternGenerator.Pattern p : PatternGenerator.Pattern.values()) {
      int classes = p == PatternGenerator.Pattern.XOR ? 2 : 4;
      SyntheticData a = PatternGenerator.generate(p, 402, classes, p.defaultNoise(), 11);
      SyntheticData b = PatternGenerator.generate(p, 402, classes, p.defaultNoise(), 11);
      assertEquals(402, a.rows(), p.name());
      assertEquals(2, a.columns());
      assertEquals(classes, a.classCount());
      assertArrayEquals(a.features(), b.features());
      assertArrayEquals(a.labels(), b.labels());
      int[] counts = new int[classes];
      for (int label : a.labels()) {
        counts[label]++;
      }
      if (p != PatternGenerator.Pattern.XOR) {
        assertArrayEquals(new int[] {101, 101, 100, 100}, counts, p.name());
        long distinctFirst = Arrays.stream(a.labels(), 0, 20).distinct().count();
        assertTrue(distinctFirst >= 3, "shuffled: the first rows mix classes");
      }
    }
  }

  @Test
  void xorWithoutNoiseFollowsTheSignRule() {
    SyntheticData data = PatternGenerator.generate(PatternGenerator.Pattern.XOR, 500, 2, 0, 5);
    for (int i = 0; i < data.rows(); i++) {
      int expected = data.feature(i, 0) * data.feature(i, 1) > 0 ? 0 : 1;
      assertEquals(expected, data.labels()[i]);
    }
  }

  @Test
  void circlesHaveTheirRadiiAndBlobsTheirSpread() {
    SyntheticData circles = PatternGenerator.generate(PatternGenerator.Pattern.CIRCLES, 2000, 2, 0.05, 9);
    double[] radius = new double[2];
    for (int i = 0; i < circles.rows(); i++) {
      radius[circles.labels()[i]] += Math.hypot(circles.feature(i, 0), circles.feature(i, 1)) / 1000;
    }
    assertEquals(0.5, radius[0], 0.01);
    assertEquals(1.0, radius[1], 0.01);
    SyntheticData blobs = PatternGenerator.generate(PatternGenerator.Pattern.BLOBS, 3000, 3, 0.5, 9);
    double sumSq = 0;
    int n = 0;
    for (int i = 0; i < blobs.rows(); i++) {
      if (blobs.labels()[i] == 0) { // centre (2, 0)
        sumSq += Math.pow(blobs.feature(i, 0) - 2, 2);
        n++;
      }
    }
    assertEquals(0.5, Math.sqrt(sumSq / n), 0.03);
  }

  /** Ordinary least squares by the normal equations, optionally with an intercept column last. */
  static double[] leastSquares(SyntheticData data, boolean intercept) {
    int d = data.columns() + (intercept ? 1 : 0);
    double[][] a = new double[d][d + 1];
    double[] row = new double[d];
    for (int i = 0; i < data.rows(); i++) {
      for (int j = 0; j < data.columns(); j++) {
        row[j] = data.feature(i, j);
      }
      if (intercept) {
        row[d - 1] = 1;
      }
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          a[r][c] += row[r] * row[c];
        }
        a[r][d] += row[r] * data.targets()[i];
      }
    }
    for (int p = 0; p < d; p++) { // Gauss-Jordan with partial pivoting
      int best = p;
      for (int r = p + 1; r < d; r++) {
        if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
          best = r;
        }
      }
      double[] t = a[p];
      a[p] = a[best];
      a[best] = t;
      for (int r = 0; r < d; r++) {
        if (r != p) {
          double f = a[r][p] / a[p][p];
          for (int c = p; c <= d; c++) {
            a[r][c] -= f * a[p][c];
          }
        }
      }
    }
    double[] w = new double[d];
    for (int r = 0; r < d; r++) {
      w[r] = a[r][d] / a[r][r];
    }
    return w;
  }
}
