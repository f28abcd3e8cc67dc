package org.tensorworkbench.engine.lab.generalization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tensorworkbench.engine.lab.tensor.LabInputException;

/**
 * The U-curve from real runs: one model trained per value of a setting, its final train and test
 * loss recorded. Sweeping the polynomial degree shows training error falling while test error
 * first falls and then rises; sweeping the number of training points (at a fixed degree) shows
 * more data closing the gap; sweeping lambda on d2l 3.7's problem shows the regularizer's
 * sweet spot.
 */
public final class Sweep {
  /** What is swept. */
  public enum Kind {
    DEGREE("degree"), TRAIN_SIZE("train-size"), WEIGHT_DECAY("weight-decay");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** The kind named {@code id} ({@code degree}, {@code train-size}, {@code weight-decay}). */
    public static Kind of(String id) {
      for (Kind k : values()) {
        if (k.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new LabInputException("generalization.error.sweepKind", id);
    }
  }

  /** One finished value: its final train and test loss. */
  public record Point(double value, double trainLoss, double testLoss) {}

  public static final int MAX_VALUES = 50;

  private Sweep() {}

  /**
   * Trains one model per value, in order, telling {@code each} as each finishes; {@code stop} ends
   * the sweep after the current model's epoch. Degree and training-size sweeps use the
   * polynomial settings {@code poly} (the size sweep at its first degree); the weight-decay sweep
   * uses {@code decay}.
   */
  public static List<Point> run(Kind kind, List<Double> values, PolynomialExperiment.Settings poly,
      WeightDecayExperiment.Settings decay, BooleanSupplier stop, Consumer<Point> each) {
    check(kind, values);
    List<Point> points = new ArrayList<>();
    for (double v : values) {
      if (stop.getAsBoolean()) {
        break;
      }
      List<LinearFit.Result> fits = switch (kind) {
        case DEGREE -> PolynomialExperiment.run(poly.withDegrees(List.of((int) v)), stop, f -> { }).fits()
            .stream().map(PolynomialExperiment.Fit::fit).toList();
        case TRAIN_SIZE -> PolynomialExperiment.run(poly.withDegrees(List.of(poly.degrees().get(0)))
            .withTrainPoints((int) v), stop, f -> { }).fits().stream().map(PolynomialExperiment.Fit::fit).toList();
        case WEIGHT_DECAY -> WeightDecayExperiment.run(decay.withLambdas(List.of(v)), stop, x -> { })
            .stream().map(WeightDecayExperiment.Run::fit).toList();
      };
      if (fits.isEmpty() || stop.getAsBoolean()) {
        break; // a model cut short is not a point of the curve
      }
      LinearFit.Result r = fits.get(0);
      Point p = new Point(v, r.finalTrainLoss(), r.finalTestLoss());
      points.add(p);
      each.accept(p);
    }
    return points;
  }

  /** Refuses an empty sweep, too many values, and values the kind cannot take, naming the value. */
  public static void check(Kind kind, List<Double> values) {
    if (values.isEmpty()) {
      throw new LabInputException("generalization.error.emptySweep");
    }
    if (values.size() > MAX_VALUES) {
      throw new LabInputException("generalization.error.tooMany", values.size(), MAX_VALUES);
    }
    for (double v : values) {
      switch (kind) {
        case DEGREE -> {
          if (v != Math.rint(v)) {
            throw new LabInputException("generalization.error.wholeNumber", v);
          }
          PolynomialExperiment.checkDegree((int) v);
        }
        case TRAIN_SIZE -> {
          if (v != Math.rint(v)) {
            throw new LabInputException("generalization.error.wholeNumber", v);
          }
          PolynomialExperiment.checkRange("generalization.field.trainPoints", (long) v,
              PolynomialExperiment.MIN_POINTS, PolynomialExperiment.MAX_POINTS);
        }
        case WEIGHT_DECAY -> {
          if (!(v >= 0 && v <= 1000)) {
            throw new LabInputException("generalization.error.lambda", v);
          }
        }
      }
    }
  }

  /** Parses "1,3,5" or "1:19" (every whole number from 1 to 19) or "0:10:2" (from, to, step). */
  public static List<Double> parseValues(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new LabInputException("generalization.error.emptySweep");
    }
    List<Double> values = new ArrayList<>();
    try {
      if (t.contains(":")) {
        String[] parts = t.split(":");
        if (parts.length < 2 || parts.length > 3) {
          throw new LabInputException("generalization.error.values", text);
        }
        double from = Double.parseDouble(parts[0].strip());
        double to = Double.parseDouble(parts[1].strip());
        double step = parts.length == 3 ? Double.parseDouble(parts[2].strip()) : 1;
        if (!(step > 0) || to < from || (to - from) / step > MAX_VALUES) {
          throw new LabInputException("generalization.error.values", text);
        }
        for (int i = 0; from + i * step <= to + 1e-9; i++) {
          values.add(from + i * step);
        }
      } else {
        for (String part : t.split("[,\\s]+")) {
          values.add(Double.parseDouble(part));
        }
      }
    } catch (NumberFormatException e) {
      throw new LabInputException("generalization.error.values", text);
    }
    return values;
  }
}
