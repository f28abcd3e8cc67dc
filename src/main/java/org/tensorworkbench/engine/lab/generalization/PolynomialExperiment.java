package org.tensorworkbench.engine.lab.generalization;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.tensorworkbench.engine.data.PolynomialGenerator;
import org.tensorworkbench.engine.data.PolynomialGenerator.Curve;
import org.tensorworkbench.engine.data.SyntheticData;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.i18n.MessageKey;

/**
 * d2l 4.4 ("Model Selection, Underfitting, and Overfitting"): points of the cubic
 * {@code 5 + 1.2x - 3.4x^2/2! + 5.6x^3/3!} with noise, features {@code x^i/i!} up to degree 20,
 * and polynomial models of chosen degrees fitted by minibatch SGD on the mean squared error
 * (batch min(10, n), no bias: the constant feature x^0 is the bias). All degrees see the same
 * points: the data are made once with 21 features and each model uses the first degree + 1.
 */
public final class PolynomialExperiment {
  /** The largest degree offered (d2l's 20 features). */
  public static final int MAX_DEGREE = 20;
  public static final int MIN_POINTS = 2;
  public static final int MAX_POINTS = 1000;
  public static final int MAX_EPOCHS = 5000;
  private static final int PLOT_SAMPLES = 121;

  /**
   * @param curve the true function
   * @param degrees the model degrees to fit, each 0..20
   * @param trainPoints training points (2..1,000)
   * @param testPoints test points (2..1,000; d2l uses 100)
   * @param noise the noise's standard deviation (d2l: 0.1)
   * @param epochs passes over the training points (d2l: 400)
   * @param learningRate the SGD step (d2l: 0.01)
   * @param seed the points, the initial weights and the minibatch order
   */
  public record Settings(Curve curve, List<Integer> degrees, int trainPoints, int testPoints, double noise, int epochs,
      double learningRate, long seed) {
    public Settings {
      degrees = List.copyOf(degrees);
      if (degrees.isEmpty()) {
        throw new LabInputException("generalization.error.noDegrees");
      }
      for (int d : degrees) {
        checkDegree(d);
      }
      checkRange("generalization.field.trainPoints", trainPoints, MIN_POINTS, MAX_POINTS);
      checkRange("generalization.field.testPoints", testPoints, MIN_POINTS, MAX_POINTS);
      checkRange("generalization.field.epochs", epochs, 1, MAX_EPOCHS);
      if (!(noise >= 0 && noise <= 10)) {
        throw new LabInputException("generalization.error.range", "noise", noise, 0, 10);
      }
      if (!(learningRate > 0 && learningRate <= 10)) {
        throw new LabInputException("generalization.error.learningRate", learningRate);
      }
    }

    /** d2l's setting: the cubic, degrees 1, 3 and 19, 100 + 100 points, noise 0.1, 400 epochs, lr 0.01. */
    public static Settings d2l() {
      return new Settings(Curve.D2L_CUBIC, List.of(1, 3, 19), 100, 100, 0.1, 400, 0.01, 42);
    }

    public Settings withDegrees(List<Integer> value) {
      return new Settings(curve, value, trainPoints, testPoints, noise, epochs, learningRate, seed);
    }

    public Settings withTrainPoints(int value) {
      return new Settings(curve, degrees, value, testPoints, noise, epochs, learningRate, seed);
    }

    public Settings withEpochs(int value) {
      return new Settings(curve, degrees, trainPoints, testPoints, noise, value, learningRate, seed);
    }
  }

  /**
   * One fitted degree.
   *
   * @param degree the model's degree
   * @param fit the learned weights (on x^i/i!) and the losses per epoch
   * @param curveX x where the fitted curve is sampled for drawing
   * @param curveY the fitted polynomial at {@code curveX}
   */
  public record Fit(int degree, LinearFit.Result fit, double[] curveX, double[] curveY) {}

  /**
   * The points and the fits.
   *
   * @param trainX x of the training points; {@code trainY} their targets
   * @param testX x of the test points; {@code testY} their targets
   * @param trueWeights the curve's weights on x^i/i! (the cubic's four, empty for the sine)
   * @param trueCurveY the noiseless curve at each fit's {@code curveX}
   */
  public record Outcome(Settings settings, double[] trainX, double[] trainY, double[] testX, double[] testY,
      double[] trueWeights, double[] trueCurveY, List<Fit> fits) {
    /** The fit of {@code degree}, or null. */
    public Fit fit(int degree) {
      return fits.stream().filter(f -> f.degree() == degree).findFirst().orElse(null);
    }
  }

  private PolynomialExperiment() {}

  /** Throws {@link LabInputException} unless 0 <= degree <= 20. */
  public static void checkDegree(int degree) {
    if (degree < 0 || degree > MAX_DEGREE) {
      throw new LabInputException("generalization.error.degree", degree, MAX_DEGREE);
    }
  }

  static void checkRange(String fieldKey, long value, long min, long max) {
    if (value < min || value > max) {
      throw new LabInputException("generalization.error.rangeOf", new MessageKey(fieldKey), value, min, max);
    }
  }

  /** Fits every degree of the settings. */
  public static Outcome run(Settings s) {
    return run(s, () -> false, fit -> { });
  }

  /**
   * Fits the degrees one after another, telling {@code each} as each finishes; {@code stop} ends
   * the current fit after its epoch and leaves the rest out.
   */
  public static Outcome run(Settings s, BooleanSupplier stop, java.util.function.Consumer<Fit> each) {
    SyntheticData train = PolynomialGenerator.generate(s.curve(), MAX_DEGREE, s.noise(), s.trainPoints(), s.seed());
    SyntheticData test = PolynomialGenerator.generate(s.curve(), MAX_DEGREE, s.noise(), s.testPoints(), s.seed() + 1);
    double[] curveX = samples(s.curve(), train, test);
    double[] trueY = new double[curveX.length];
    for (int i = 0; i < curveX.length; i++) {
      trueY[i] = PolynomialGenerator.trueValue(s.curve(), curveX[i]);
    }
    List<Fit> fits = new ArrayList<>();
    for (int degree : s.degrees()) {
      if (stop.getAsBoolean()) {
        break;
      }
      Fit fit = fit(degree, train, test, curveX, s, stop);
      fits.add(fit);
      each.accept(fit);
    }
    double[] truth = new double[0];
    if (s.curve() == Curve.D2L_CUBIC) {
      float[] w = PolynomialGenerator.d2lCubicWeights();
      truth = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        truth[i] = w[i];
      }
    }
    return new Outcome(s, column(train, 1), toDouble(train.targets()), column(test, 1), toDouble(test.targets()),
        truth, trueY, List.copyOf(fits));
  }

  /** The training settings d2l uses for the polynomial: SGD on the MSE, batch min(10, n), no bias. */
  static LinearFit.Settings training(Settings s) {
    return new LinearFit.Settings(s.epochs(), Math.min(10, s.trainPoints()), s.learningRate(), false,
        LinearFit.Loss.MSE, 0, LinearFit.Decay.L2_IN_LOSS, LinearFit.Method.SGD, 0.01, s.seed());
  }

  private static Fit fit(int degree, SyntheticData train, SyntheticData test, double[] curveX, Settings s,
      BooleanSupplier stop) {
    LinearFit.Result r = LinearFit.train(firstColumns(train, degree + 1), firstColumns(test, degree + 1), training(s), stop);
    double[] curveY = new double[curveX.length];
    for (int i = 0; i < curveX.length; i++) {
      curveY[i] = PolynomialGenerator.value(r.weights(), curveX[i]);
    }
    return new Fit(degree, r, curveX, curveY);
  }

  /** The first {@code columns} features of every point. */
  static SyntheticData firstColumns(SyntheticData data, int columns) {
    int n = data.rows();
    float[] f = new float[n * columns];
    for (int i = 0; i < n; i++) {
      System.arraycopy(data.features(), i * data.columns(), f, i * columns, columns);
    }
    return new SyntheticData(f, columns, data.targets(), null, 0);
  }

  private static double[] samples(Curve curve, SyntheticData train, SyntheticData test) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (SyntheticData d : List.of(train, test)) {
      for (int i = 0; i < d.rows(); i++) {
        lo = Math.min(lo, d.feature(i, 1));
        hi = Math.max(hi, d.feature(i, 1));
      }
    }
    double[] xs = new double[PLOT_SAMPLES];
    for (int i = 0; i < PLOT_SAMPLES; i++) {
      xs[i] = lo + (hi - lo) * i / (PLOT_SAMPLES - 1);
    }
    return xs;
  }

  private static double[] column(SyntheticData d, int j) {
    double[] v = new double[d.rows()];
    for (int i = 0; i < v.length; i++) {
      v[i] = d.feature(i, j);
    }
    return v;
  }

  private static double[] toDouble(float[] values) {
    double[] v = new double[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i];
    }
    return v;
  }
}
