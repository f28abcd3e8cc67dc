package org.tensorworkbench.engine.lab.generalization;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.tensorworkbench.engine.data.Gaussian;
import org.tensorworkbench.engine.data.SyntheticData;

/**
 * Minibatch training of a linear model {@code y^ = X w (+ b)}, the model of every regression in
 * the Generalization Lab (polynomial features, d2l's 200-feature weight-decay problem, house
 * prices). The objective of one minibatch B is
 *
 * <pre>  L = c/|B| sum_i (x_i w + b - y_i)^2  +  lambda/2 ||w||^2   (L2 in the loss)</pre>
 *
 * with c = 1 for the mean squared error (PyTorch's {@code MSELoss}, d2l 4.4) and c = 1/2 for d2l's
 * {@code squared_loss} (d2l 3.7). Its gradient is {@code 2c/|B| X^T (Xw + b - y) + lambda w}. The
 * bias is never penalised (as in d2l). With decoupled decay (Loshchilov and Hutter 2019, "AdamW")
 * the penalty is left out of the gradient and the weights shrink by {@code lr * lambda * w} after
 * the optimizer's step instead; for plain SGD the two are the same update, with Adam they differ
 * because Adam divides the L2 gradient by its running scale.
 *
 * <p>Why not SameDiff, nor ND4J: these models have at most a few hundred parameters. SameDiff's
 * fixed cost of about 10 ms per iteration makes d2l's 400-epoch fit on 100 points (4,000
 * iterations) take about 40 s and a sweep many minutes; even plain ND4J calls cost tens of
 * microseconds each on arrays this small (the three d2l degrees took over a minute). This path
 * does the same arithmetic in Java doubles (a fit takes milliseconds); a test trains the same
 * model with SameDiff from the same start and batches and compares the weights, another checks
 * {@link #gradient} against finite differences, another against the closed-form least squares.
 */
public final class LinearFit {
  /** The data term of the loss. */
  public enum Loss {
    /** mean (y^ - y)^2, what d2l 4.4 trains and reports. */
    MSE(1.0),
    /** mean (y^ - y)^2 / 2, d2l's {@code squared_loss} (3.7). */
    HALF_SQUARED(0.5);

    private final double factor;

    Loss(double factor) {
      this.factor = factor;
    }

    public double factor() {
      return factor;
    }
  }

  /** How lambda enters the update. */
  public enum Decay { L2_IN_LOSS, DECOUPLED }

  /** The optimizer. */
  public enum Method { SGD, ADAM }

  /**
   * @param epochs passes over the training data
   * @param batchSize examples per minibatch (the last one may be smaller)
   * @param learningRate the step size
   * @param bias whether the model has a bias b
   * @param loss the data term
   * @param lambda the weight-decay coefficient (0 for none)
   * @param decay L2 in the loss or decoupled
   * @param method SGD or Adam (beta1 0.9, beta2 0.999, eps 1e-8)
   * @param initStd the standard deviation of the initial weights (N(0, initStd^2), bias 0)
   * @param seed the initial weights and the minibatch order
   */
  public record Settings(int epochs, int batchSize, double learningRate, boolean bias, Loss loss, double lambda,
      Decay decay, Method method, double initStd, long seed) {
    public Settings withLambda(double value) {
      return new Settings(epochs, batchSize, learningRate, bias, loss, value, decay, method, initStd, seed);
    }
  }

  /**
   * What a fit learned and how it went, one entry per epoch (after that epoch).
   *
   * @param weights the learned w
   * @param bias the learned b (0 without a bias)
   * @param trainLoss the data loss on the whole training set after each epoch
   * @param testLoss the data loss on the test set after each epoch (empty without a test set)
   * @param weightNormSquared ||w||^2 after each epoch
   * @param epochsDone fewer than asked when stopped
   */
  public record Result(double[] weights, double bias, double[] trainLoss, double[] testLoss,
      double[] weightNormSquared, int epochsDone) {
    public double finalTrainLoss() {
      return trainLoss.length == 0 ? Double.NaN : trainLoss[trainLoss.length - 1];
    }

    public double finalTestLoss() {
      return testLoss.length == 0 ? Double.NaN : testLoss[testLoss.length - 1];
    }
  }

  /** A model's parameters during training: w and b. */
  static final class Parameters {
    final double[] w; // [D]
    double b;

    Parameters(double[] w, double b) {
      this.w = w;
      this.b = b;
    }
  }

  /** Rows of features, row-major [N, D], and targets [N], in double. */
  record Rows(double[] x, double[] y, int columns) {
    static Rows of(SyntheticData data) {
      double[] x = new double[data.features().length];
      for (int i = 0; i < x.length; i++) {
        x[i] = data.features()[i];
      }
      double[] y = new double[data.rows()];
      for (int i = 0; i < y.length; i++) {
        y[i] = data.targets()[i];
      }
      return new Rows(x, y, data.columns());
    }

    int rows() {
      return y.length;
    }

    double predict(Parameters p, int i) {
      double v = p.b;
      int at = i * columns;
      for (int j = 0; j < columns; j++) {
        v += x[at + j] * p.w[j];
      }
      return v;
    }
  }

  private LinearFit() {}

  /** Sees the parameters after every epoch and may end the fit there. */
  @FunctionalInterface
  public interface EpochMonitor {
    /** Called after epoch {@code epoch} (0-based) with copies of w and b; true ends the fit. */
    boolean stopAfter(int epoch, double[] w, double b);
  }

  /** Trains on {@code train}, evaluating on {@code test} (may be null) after every epoch. */
  public static Result train(SyntheticData train, SyntheticData test, Settings s) {
    return train(train, test, s, () -> false);
  }

  /**
   * Trains on {@code train}; {@code stop} is asked after every epoch and ends the fit early when
   * it says so (the result then holds the epochs done).
   */
  public static Result train(SyntheticData train, SyntheticData test, Settings s, BooleanSupplier stop) {
    return train(train, test, s, (epoch, w, b) -> stop.getAsBoolean());
  }

  /** Trains on {@code train}; {@code monitor} sees every epoch's parameters and may end the fit. */
  public static Result train(SyntheticData train, SyntheticData test, Settings s, EpochMonitor monitor) {
    if (s.epochs() < 1 || s.batchSize() < 1 || train.rows() == 0) {
      throw new IllegalArgumentException("epochs, batch size and training rows must be positive: " + s);
    }
    int d = train.columns();
    Rows x = Rows.of(train);
    Rows xTest = test == null ? null : Rows.of(test);
    SplittableRandom random = new SplittableRandom(s.seed());
    double[] start = new double[d];
    for (int j = 0; j < d; j++) {
      start[j] = s.initStd() * Gaussian.next(random);
    }
    Parameters p = new Parameters(start, 0);
    Adam adam = s.method() == Method.ADAM ? new Adam(d) : null;
    int n = train.rows();
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    double[] trainLoss = new double[s.epochs()];
    double[] testLoss = new double[test == null ? 0 : s.epochs()];
    double[] norm = new double[s.epochs()];
    double[][] g = {new double[d], new double[1]};
    int done = 0;
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      shuffle(order, random);
      for (int from = 0; from < n; from += s.batchSize()) {
        step(p, x, Arrays.copyOfRange(order, from, Math.min(n, from + s.batchSize())), s, adam, g);
      }
      trainLoss[epoch] = dataLoss(p, x, null, s.loss());
      if (test != null) {
        testLoss[epoch] = dataLoss(p, xTest, null, s.loss());
      }
      double w2 = 0;
      for (double v : p.w) {
        w2 += v * v;
      }
      norm[epoch] = w2;
      done = epoch + 1;
      if (monitor.stopAfter(epoch, p.w.clone(), p.b)) {
        break;
      }
    }
    return new Result(p.w.clone(), p.b, Arrays.copyOf(trainLoss, done),
        Arrays.copyOf(testLoss, test == null ? 0 : done), Arrays.copyOf(norm, done), done);
  }

  /** The model's predictions {@code X w + b} for the rows of {@code data}. */
  public static double[] predict(double[] w, double b, SyntheticData data) {
    Rows x = Rows.of(data);
    Parameters p = new Parameters(w, b);
    double[] out = new double[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = x.predict(p, i);
    }
    return out;
  }

  /** One optimizer step on the minibatch {@code rows}; {@code g} is scratch space for the gradient. */
  static void step(Parameters p, Rows x, int[] rows, Settings s, Adam adam, double[][] g) {
    gradient(p, x, rows, s.loss(), s.decay() == Decay.L2_IN_LOSS ? s.lambda() : 0, g);
    double lr = s.learningRate();
    if (adam == null) {
      for (int j = 0; j < p.w.length; j++) {
        p.w[j] -= lr * g[0][j];
      }
      p.b -= s.bias() ? lr * g[1][0] : 0;
    } else {
      adam.step(p, g, lr, s.bias());
    }
    if (s.decay() == Decay.DECOUPLED && s.lambda() != 0) {
      for (int j = 0; j < p.w.length; j++) {
        p.w[j] *= 1 - lr * s.lambda();
      }
    }
  }

  /**
   * The gradient of the minibatch objective into {@code g}: {@code g[0] = 2c/B X^T (Xw + b - y) +
   * lambda w} ([D]) and {@code g[1][0] = 2c/B sum (Xw + b - y)}.
   */
  static void gradient(Parameters p, Rows x, int[] rows, Loss loss, double l2, double[][] g) {
    int d = x.columns();
    double scale = 2 * loss.factor() / rows.length;
    Arrays.fill(g[0], 0);
    double gb = 0;
    for (int i : rows) {
      double residual = x.predict(p, i) - x.y()[i];
      int at = i * d;
      for (int j = 0; j < d; j++) {
        g[0][j] += residual * x.x()[at + j];
      }
      gb += residual;
    }
    for (int j = 0; j < d; j++) {
      g[0][j] = g[0][j] * scale + l2 * p.w[j];
    }
    g[1][0] = gb * scale;
  }

  /** The minibatch objective whose gradient {@link #gradient} is (for the finite-difference check). */
  static double objective(Parameters p, Rows x, int[] rows, Loss loss, double l2) {
    double w2 = 0;
    for (double v : p.w) {
      w2 += v * v;
    }
    return dataLoss(p, x, rows, loss) + l2 / 2 * w2;
  }

  /** c times the mean squared residual over {@code rows} (all rows when null). */
  static double dataLoss(Parameters p, Rows x, int[] rows, Loss loss) {
    double ss = 0;
    int n = rows == null ? x.rows() : rows.length;
    for (int k = 0; k < n; k++) {
      double r = x.predict(p, rows == null ? k : rows[k]) - x.y()[rows == null ? k : rows[k]];
      ss += r * r;
    }
    return loss.factor() * ss / n;
  }

  /** Fisher-Yates: the minibatch order of every epoch, and the folds of {@link KFold}. */
  static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Adam's moment estimates (Kingma and Ba 2015) with bias correction. */
  static final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private final double[] m;
    private final double[] v;
    private double mb;
    private double vb;
    private int t;

    Adam(int d) {
      m = new double[d];
      v = new double[d];
    }

    void step(Parameters p, double[][] g, double lr, boolean bias) {
      t++;
      double c1 = 1 - Math.pow(BETA1, t);
      double c2 = 1 - Math.pow(BETA2, t);
      for (int j = 0; j < m.length; j++) {
        m[j] = BETA1 * m[j] + (1 - BETA1) * g[0][j];
        v[j] = BETA2 * v[j] + (1 - BETA2) * g[0][j] * g[0][j];
        p.w[j] -= lr * (m[j] / c1) / (Math.sqrt(v[j] / c2) + EPS);
      }
      if (bias) {
        double gb = g[1][0];
        mb = BETA1 * mb + (1 - BETA1) * gb;
        vb = BETA2 * vb + (1 - BETA2) * gb * gb;
        p.b -= lr * (mb / c1) / (Math.sqrt(vb / c2) + EPS);
      }
    }
  }
}
