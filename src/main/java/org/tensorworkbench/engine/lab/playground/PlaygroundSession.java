package org.tensorworkbench.engine.lab.playground;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A Playground network learning its plane data by minibatch training: each {@link #step} draws
 * the next minibatch of an epoch order reshuffled every epoch, runs forward and backward
 * passes of the {@link DenseStack} and one optimizer step. Confined to one thread.
 */
public final class PlaygroundSession {
  private final PlaneData data;
  private final NetworkSettings network;
  private final TrainSettings training;
  private final DenseStack net;
  private final ParameterUpdater updater;
  private final double[] features; // [N, F] of every point
  private final SplittableRandom random;
  private final int outputs;
  private int[] order;
  private int cursor;
  private long steps;

  /** A session whose weights start as Xavier draws from {@code seed}. */
  public PlaygroundSession(PlaneData data, NetworkSettings network, TrainSettings training, long seed) {
    this(data, network, training, Initialization.XAVIER, seed);
  }

  public PlaygroundSession(PlaneData data, NetworkSettings network, TrainSettings training, Initialization init,
      long seed) {
    if (training.batch() > data.trainCount()) {
      throw new PlaygroundException("playground.error.batchTooLarge", training.batch(), data.trainCount());
    }
    if (data.isRegression() && network.features().stream().allMatch(InputFeature::usesX2)) {
      throw new PlaygroundException("playground.error.curveNeedsX1");
    }
    this.data = data;
    this.network = network;
    this.training = training;
    this.outputs = data.isRegression() ? 1 : data.classCount();
    this.net = new DenseStack(network.sizes(outputs), network.activation(), init, seed);
    this.updater = new ParameterUpdater(net, training);
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<InputFeature> fs = network.features();
    int f = fs.size();
    features = new double[data.size() * f];
    for (int i = 0; i < data.size(); i++) {
      for (int j = 0; j < f; j++) {
        features[i * f + j] = fs.get(j).value(data.x1(i), data.x2(i));
      }
    }
    order = data.trainRows().clone();
    cursor = order.length;
  }

  public PlaneData data() {
    return data;
  }

  public NetworkSettings network() {
    return network;
  }

  public TrainSettings training() {
    return training;
  }

  /** The live network (for tests and hand-set weights; train only from this session's thread). */
  public DenseStack stack() {
    return net;
  }

  public long steps() {
    return steps;
  }

  /** One minibatch step; returns the minibatch's loss before the step (training mode, without L2). */
  public double step() {
    int b = training.batch();
    if (cursor + b > order.length) {
      shuffle();
    }
    int[] rows = new int[b];
    System.arraycopy(order, cursor, rows, 0, b);
    cursor += b;
    DenseStack.Pass pass = net.forward(rows(rows), b, training.dropout(), random);
    double[] grad = new double[b * outputs];
    double loss = data.isRegression()
        ? Losses.squaredError(pass.output(), data.targets(), rows, grad)
        : Losses.crossEntropy(pass.output(), data.labels(), rows, outputs, grad);
    updater.apply(net, net.backward(pass, grad));
    steps++;
    return loss;
  }

  /** Losses and accuracies on all training and test points now. */
  public TrainingMetrics metrics() {
    double[] train = evaluate(data.trainRows());
    double[] test = evaluate(data.testRows());
    return new TrainingMetrics(steps, train[0], test[0], train[1], test[1]);
  }

  /** The network over the plane, from one batched forward pass of the grid. */
  public PlaneSnapshot snapshot(int resolution) {
    return PlaneSnapshot.evaluate(net, network.features(), data.bounds(), resolution, data.isRegression());
  }

  /** The prediction for one point (x1, x2): class probabilities, or the regression value. */
  public double[] predict(double x1, double x2) {
    List<InputFeature> fs = network.features();
    double[] x = new double[fs.size()];
    for (int j = 0; j < x.length; j++) {
      x[j] = fs.get(j).value(x1, x2);
    }
    double[] out = net.forward(x, 1).output();
    return data.isRegression() ? out : Losses.softmax(out, 1, outputs);
  }

  private double[] evaluate(int[] rows) {
    if (rows.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] out = net.forward(rows(rows), rows.length).output();
    if (data.isRegression()) {
      return new double[] {Losses.squaredError(out, data.targets(), rows, null), Double.NaN};
    }
    int correct = 0;
    for (int i = 0; i < rows.length; i++) {
      int best = 0;
      for (int j = 1; j < outputs; j++) {
        if (out[i * outputs + j] > out[i * outputs + best]) {
          best = j;
        }
      }
      correct += best == data.labels()[rows[i]] ? 1 : 0;
    }
    return new double[] {Losses.crossEntropy(out, data.labels(), rows, outputs, null),
        (double) correct / rows.length};
  }

  private double[] rows(int[] rows) {
    int f = network.features().size();
    double[] x = new double[rows.length * f]; // [B, F]
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(features, rows[i] * f, x, i * f, f);
    }
    return x;
  }

  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    cursor = 0;
  }
}
