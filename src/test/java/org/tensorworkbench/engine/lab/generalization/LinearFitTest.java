package org.tensorworkbench.engine.lab.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.data.Gaussian;
import org.tensorworkbench.engine.data.LinearRegressionGenerator;
import org.tensorworkbench.engine.data.PolynomialGenerator;
import org.tensorworkbench.engine.data.SyntheticData;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.Initializer;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.OptimizerMapping;
import org.tensorworkbench.engine.train.TrainingConfig;

class LinearFitTest {
  private static LinearFit.Settings sgd(int epochs, int batch, double lr, boolean bias, LinearFit.Loss loss, double lambda,
      LinearFit.Decay decay, LinearFit.Method method) {
    return new LinearFit.Settings(epochs, batch, lr, bias, loss, lambda, decay, method, 0.01, 7);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    SyntheticData data = LinearRegressionGenerator.generate(new float[] {2f, -3.4f, 0.5f}, 4.2f, 0.3, 8, 3);
    LinearFit.Rows x = LinearFit.Rows.of(data);
    int[] rows = {0, 2, 3, 5, 7};
    for (LinearFit.Loss loss : LinearFit.Loss.values()) {
      LinearFit.Parameters p = new LinearFit.Parameters(new double[] {0.3, -0.2, 1.1}, 0.4);
      double[][] g = {new double[3], new double[1]};
      LinearFit.gradient(p, x, rows, loss, 0.7, g);
      double h = 1e-6;
      for (int j = 0; j < 3; j++) {
        double keep = p.w[j];
        p.w[j] = keep + h;
        double up = LinearFit.objective(p, x, rows, loss, 0.7);
        p.w[j] = keep - h;
        double down = LinearFit.objective(p, x, rows, loss, 0.7);
        p.w[j] = keep;
        assertEquals((up - down) / (2 * h), g[0][j], 1e-6, loss + " dL/dw" + j);
      }
      p.b += h;
      double up = LinearFit.objective(p, x, rows, loss, 0.7);
      p.b -= 2 * h;
      double down = LinearFit.objective(p, x, rows, loss, 0.7);
      assertEquals((up - down) / (2 * h), g[1][0], 1e-6, loss + " dL/db");
    }
  }

  @Test
  void convergesToTheClosedFormLeastSquaresSolution() {
    SyntheticData data = PolynomialGenerator.generate(PolynomialGenerator.Curve.D2L_CUBIC, 3, 0.5, 60, 11);
    double[] exact = leastSquares(data);
    LinearFit.Result fit = LinearFit.train(data, null,
        sgd(3000, 60, 0.1, false, LinearFit.Loss.MSE, 0, LinearFit.Decay.L2_IN_LOSS, LinearFit.Method.SGD));
    for (int j = 0; j < exact.length; j++) {
      assertEquals(exact[j], fit.weights()[j], 1e-3, "w" + j);
    }
  }

  @Test
  void decoupledDecayEqualsL2ForSgdButNotForAdam() {
    SyntheticData data = LinearRegressionGenerator.generate(new float[] {2f, -3.4f}, 4.2f, 0.1, 40, 5);
    for (LinearFit.Method method : LinearFit.Method.values()) {
      LinearFit.Result l2 = LinearFit.train(data, null,
          sgd(20, 8, 0.05, true, LinearFit.Loss.MSE, 0.5, LinearFit.Decay.L2_IN_LOSS, method));
      LinearFit.Result decoupled = LinearFit.train(data, null,
          sgd(20, 8, 0.05, true, LinearFit.Loss.MSE, 0.5, LinearFit.Decay.DECOUPLED, method));
      double gap = Math.abs(l2.weights()[0] - decoupled.weights()[0]);
      if (method == LinearFit.Method.SGD) {
        // w - lr (g + lambda w) against (w - lr g)(1 - lr lambda): equal up to lr^2 lambda g
        assertTrue(gap < 0.02, "SGD: " + gap);
      } else {
        assertTrue(gap > 0.1, "Adam: " + gap);
      }
    }
  }

  /**
   * The same model trained by SameDiff (compiled by NetworkCompiler, SGD on the MSE) from the same
   * start and the same minibatches ends at the same weights.
   */
  @Test
  void matchesTheSameDiffPath() {
    int degree = 3;
    SyntheticData data = PolynomialGenerator.generate(PolynomialGenerator.Curve.D2L_CUBIC, degree, 0.1, 40, 3);
    LinearFit.Settings s = sgd(5, 10, 0.01, false, LinearFit.Loss.MSE, 0, LinearFit.Decay.L2_IN_LOSS,
        LinearFit.Method.SGD);
    LinearFit.Result ours = LinearFit.train(data, null, s);

    NetworkSpec spec = NetworkSpec.sequential("poly", InputSpec.of(degree + 1),
        new DenseSpec(1, false, Initializer.normal(0.01)), new OutputSpec(OutputSpec.Loss.MSE));
    CompiledNetwork net = NetworkCompiler.compile(spec, CompileOptions.defaults().withDataType(DataType.DOUBLE));
    SameDiff sd = net.sameDiff();
    SplittableRandom random = new SplittableRandom(s.seed());
    double[] start = new double[degree + 1];
    for (int j = 0; j < start.length; j++) {
      start[j] = s.initStd() * Gaussian.next(random);
    }
    String weights = net.trainableNames().get(0);
    sd.getVariable(weights).setArray(Nd4j.create(start, new long[] {degree + 1, 1}, DataType.DOUBLE));
    sd.setTrainingConfig(OptimizerMapping.sameDiffConfig(TrainingConfig.defaults().withOptimizer(Optimizer.SGD)
        .withLearningRate(s.learningRate()), net.inputName(), net.labelsName()));
    LinearFit.Rows rows = LinearFit.Rows.of(data);
    int[] order = new int[data.rows()];
    Arrays.setAll(order, i -> i);
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      LinearFit.shuffle(order, random);
      for (int from = 0; from < order.length; from += s.batchSize()) {
        List<INDArray> xs = new ArrayList<>();
        List<INDArray> ys = new ArrayList<>();
        for (int i : Arrays.copyOfRange(order, from, Math.min(order.length, from + s.batchSize()))) {
          xs.add(Nd4j.create(Arrays.copyOfRange(rows.x(), i * (degree + 1), (i + 1) * (degree + 1)),
              new long[] {1, degree + 1}, DataType.DOUBLE));
          ys.add(Nd4j.create(new double[] {rows.y()[i]}, new long[] {1, 1}, DataType.DOUBLE));
        }
        sd.fit(new SingletonDataSetIterator(new DataSet(Nd4j.vstack(xs), Nd4j.vstack(ys))), 1);
      }
    }
    double[] theirs = sd.getVariable(weights).getArr().data().asDouble();
    for (int j = 0; j <= degree; j++) {
      assertEquals(theirs[j], ours.weights()[j], 1e-9, "w" + j);
    }
  }

  /** Solves the normal equations X^T X w = X^T y by Gaussian elimination with partial pivoting. */
  private static double[] leastSquares(SyntheticData data) {
    int d = data.columns();
    double[][] a = new double[d][d + 1];
    for (int i = 0; i < data.rows(); i++) {
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          a[r][c] += data.feature(i, r) * data.feature(i, c);
        }
        a[r][d] += data.feature(i, r) * data.targets()[i];
      }
    }
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int r = 0; r < d; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= d; c++) {
            a[r][c] -= f * a[col][c];
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
