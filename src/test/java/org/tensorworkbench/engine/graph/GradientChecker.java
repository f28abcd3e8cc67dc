package org.tensorworkbench.engine.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compares SameDiff's backpropagated gradients of the loss with central finite differences,
 * (L(θ + ε) − L(θ − ε)) / 2ε, on a DOUBLE graph in training mode.
 *
 * <p>Everything runs on SameDiff's gradient function (which holds the forward ops too), with the
 * random generator reseeded before every evaluation: its Dropout masks are then the same each
 * time, while the plain graph's output() would draw a different mask than the gradient pass.
 */
final class GradientChecker {
  private static final double EPSILON = 1e-6;
  private static final long RNG_SEED = 12345;

  private final CompiledNetwork net;
  private final Map<String, INDArray> feed = new HashMap<>();

  GradientChecker(CompiledNetwork net, INDArray x, INDArray labels) {
    if (net.dataType() != DataType.DOUBLE) {
      throw new IllegalArgumentException("gradient checks need DOUBLE");
    }
    this.net = net;
    feed.put(net.inputName(), x);
    feed.put(net.labelsName(), labels);
    if (net.sameDiff().hasVariable(GraphNames.PHASE)) {
      feed.put(GraphNames.PHASE, Nd4j.scalar(true));
    }
  }

  /** One failed comparison. */
  record Mismatch(String parameter, long index, double analytic, double numeric, double relativeError) {}

  /**
   * Checks up to {@code perParameter} randomly chosen elements of every trainable parameter and
   * returns those whose relative error |a − n| / max(|a|, |n|) exceeds {@code maxRelError},
   * ignoring pairs that are both below {@code minAbs} or differ by less than it.
   */
  List<Mismatch> check(int perParameter, double maxRelError, double minAbs) {
    net.sameDiff().createGradFunction();
    SameDiff grad = net.sameDiff().getFunction("grad");
    Nd4j.getRandom().setSeed(RNG_SEED);
    String[] gradNames = net.trainableNames().stream().map(n -> n + "-grad").toArray(String[]::new);
    Map<String, INDArray> analytic = grad.output(feed, gradNames);
    List<Mismatch> mismatches = new ArrayList<>();
    Random pick = new Random(1);
    for (String name : net.trainableNames()) {
      INDArray param = grad.getArrForVarName(name);
      INDArray flatParam = param.reshape(param.length());
      INDArray flatGrad = analytic.get(name + "-grad").reshape(param.length());
      for (int n = 0; n < Math.min(perParameter, param.length()); n++) {
        long i = param.length() <= perParameter ? n : pick.nextInt((int) param.length());
        double original = flatParam.getDouble(i);
        flatParam.putScalar(i, original + EPSILON);
        double plus = loss(grad);
        flatParam.putScalar(i, original - EPSILON);
        double minus = loss(grad);
        flatParam.putScalar(i, original);
        double numeric = (plus - minus) / (2 * EPSILON);
        double a = flatGrad.getDouble(i);
        double scale = Math.max(Math.abs(a), Math.abs(numeric));
        // central differences in double carry ~1e-10 of rounding error (1e-16 / EPSILON), so an
        // absolute agreement below minAbs is a pass even when the gradient itself is tiny
        if (scale < minAbs || Math.abs(a - numeric) < minAbs) {
          continue;
        }
        double rel = Math.abs(a - numeric) / scale;
        if (rel > maxRelError) {
          mismatches.add(new Mismatch(name, i, a, numeric, rel));
        }
      }
    }
    return mismatches;
  }

  private double loss(SameDiff grad) {
    Nd4j.getRandom().setSeed(RNG_SEED);
    return grad.output(feed, net.lossName()).get(net.lossName()).getDouble(0);
  }
}
