package org.tensorworkbench.engine.direct;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.SgdUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;

/**
 * Trains a sequential network of common layers directly on ND4J: a hand-derived forward and
 * backward pass per layer (see {@link DirectLayer}) into arrays allocated once and reused by
 * every minibatch, with no graph to build or interpret. For LeNet and the MLP this is several
 * times faster than SameDiff's {@code fit}, from the first minibatch on.
 *
 * <p>It trains the {@link CompiledNetwork}'s own SameDiff variable arrays in place and applies
 * SameDiff's own updaters and regularization from the SameDiff's training configuration,
 * exactly as {@code fit} does (L1/L2 before the updater, decoupled weight decay after it,
 * w ← w − update), with fit's iteration and epoch counters. So the weights, the optimizer's
 * state (Adam's moments, momentum) and the counters are always where saving, export, inspection
 * and a later SameDiff run expect them, and both paths give the same numbers.
 *
 * <p>Handles a chain Input → (Dense | Conv2d | MaxPool2d | AvgPool2d | ReLU, LeakyReLU, sigmoid,
 * tanh | Flatten)* → Output (softmax cross-entropy or MSE); {@link #of} returns empty for anything
 * else (branches, normalization, dropout, dilated or strided "same" convolutions), which then
 * trains through SameDiff.
 */
public final class DirectTrainer {
  private final CompiledNetwork network;
  private final SameDiff sd;
  private final List<DirectLayer> layers;
  /** For each layer, the network's nodes whose outputs it computes (see {@link #activations}). */
  private final List<LayerNodes> nodes;
  private final String inputNode;
  private final String outputNode;
  private final List<Parameter> parameters = new ArrayList<>();
  private final OutputLoss loss;
  private int firstTrainable;
  private final INDArray[] activations;
  /** Per-parameter step factors (see {@link #setStepFactors}); a parameter not named has 1. */
  private Map<String, Double> stepFactors = Map.of();
  /** Trainers between {@link #useOneThread} and {@link #release}, and the thread counts before the first of them. */
  private static int oneThreadUsers;
  private static int previousThreads;
  private static int previousMasterThreads;
  private static int previousBlasThreads;
  private boolean usesOneThread;
  /** The smallest minibatch cut in two: below it the two threads would wait for each other more than they work. */
  static final int MIN_SPLIT = 64;
  /** Computes the second half of each minibatch on its own thread (see {@link #splitMinibatches}); null: one thread. */
  private DirectTrainer half;
  private ExecutorService halfThread;
  private Buffers joined;

  /**
   * The nodes a layer's output stands for: none for a change of layout, one, or a dense layer's
   * and the ReLU computed in its pass (the dense node's own output is then the value before the
   * ReLU).
   *
   * @param channelsLast whether the output is [n, H, W, C] where the network's node has [n, C, H, W]
   */
  private record LayerNodes(List<String> ids, boolean channelsLast) {}

  private DirectTrainer(CompiledNetwork network, List<DirectLayer> layers, List<LayerNodes> nodes, OutputLoss loss) {
    this.network = network;
    this.sd = network.sameDiff();
    this.layers = layers;
    this.nodes = nodes;
    List<String> order = List.copyOf(network.activationNames().keySet());
    this.inputNode = order.get(0);
    this.outputNode = order.get(order.size() - 1);
    this.loss = loss;
    int first = layers.size();
    for (int i = 0; i < layers.size(); i++) {
      if (!layers.get(i).parameters().isEmpty() && first == layers.size()) {
        first = i;
      }
      parameters.addAll(layers.get(i).parameters());
    }
    this.firstTrainable = first;
    this.activations = new INDArray[layers.size() + 1];
  }

  /** A direct trainer for {@code network}, or empty if it has a node this path does not handle. */
  public static Optional<DirectTrainer> of(CompiledNetwork network) {
    Map<String, NodeSpec> nodes = new HashMap<>();
    network.spec().nodes().forEach(n -> nodes.put(n.id(), n));
    List<String> order = List.copyOf(network.activationNames().keySet());
    SameDiff sd = network.sameDiff();
    DataType dataType = network.dataType();
    if (order.isEmpty() || !(nodes.get(order.get(0)).layer() instanceof InputSpec) || !RowKernels.supports(dataType)) {
      return Optional.empty();
    }
    List<DirectLayer> layers = new ArrayList<>();
    List<LayerNodes> layerNodes = new ArrayList<>();
    OutputLoss loss = null;
    boolean spatial = false; // whether the current activation is a convolution's [n, C, H, W] or [n, H, W, C]
    // FLOAT convolutions through oneDNN's own primitives on channels-last activations, from the first
    // convolution to the Flatten after the last (README, "Training speed and bench")
    boolean oneDnn = dataType == DataType.FLOAT && Dnnl.available();
    for (int i = 1; i < order.size(); i++) {
      NodeSpec node = nodes.get(order.get(i));
      if (node.inputs().size() != 1 || !node.inputs().get(0).equals(order.get(i - 1))) {
        return Optional.empty();
      }
      LayerSpec layer = node.layer();
      if (layer instanceof OutputSpec o) {
        if (i != order.size() - 1 || spatial) {
          layers.forEach(DirectLayer::release);
          return Optional.empty();
        }
        loss = new OutputLoss(o.loss(), new Buffers(dataType));
        continue;
      }
      boolean reluFollows = layer instanceof DenseSpec && !spatial && i + 2 < order.size()
          && nodes.get(order.get(i + 1)).layer() instanceof ActivationSpec a && a.function() == ActivationSpec.Function.RELU
          && nodes.get(order.get(i + 1)).inputs().equals(List.of(node.id()));
      if (oneDnn && !spatial && layer instanceof Conv2dSpec) {
        layers.add(new ChannelsLastLayer(new Buffers(dataType)));
        layerNodes.add(new LayerNodes(List.of(), true));
      }
      DirectLayer direct = spatial && layer instanceof DenseSpec ? null
          : layer(node.id(), layer, sd, dataType, reluFollows, oneDnn, oneDnn && (spatial || layer instanceof Conv2dSpec));
      List<String> ids = reluFollows ? List.of(node.id(), order.get(i + 1)) : List.of(node.id());
      if (reluFollows) {
        i++; // the ReLU runs inside the dense layer's pass
      }
      if (direct == null) {
        layers.forEach(DirectLayer::release);
        return Optional.empty();
      }
      spatial = (spatial || layer instanceof Conv2dSpec) && !(layer instanceof FlattenSpec);
      layers.add(direct);
      layerNodes.add(new LayerNodes(ids, oneDnn && spatial));
    }
    return loss == null ? Optional.empty() : Optional.of(new DirectTrainer(network, layers, layerNodes, loss));
  }

  /**
   * @param oneDnn whether the layers run on oneDNN's primitives (FLOAT, oneDNN loaded)
   * @param channelsLast whether the layer's input is channels-last [n, H, W, C] (implies oneDnn)
   */
  private static DirectLayer layer(String id, LayerSpec layer, SameDiff sd, DataType dataType, boolean relu, boolean oneDnn,
      boolean channelsLast) {
    if (layer instanceof DenseSpec d) {
      return new DenseLayer(GraphNames.weights(id), sd.getArrForVarName(GraphNames.weights(id)),
          GraphNames.bias(id), d.bias() ? sd.getArrForVarName(GraphNames.bias(id)) : null, relu, oneDnn);
    }
    if (layer instanceof Conv2dSpec c) {
      if (c.dilation().h() != 1 || c.dilation().w() != 1) {
        return null;
      }
      int pH = c.padding().h();
      int pW = c.padding().w();
      if (c.padding().same()) {
        // symmetric only for stride 1 and odd kernels; other "same" paddings go through SameDiff
        if (c.stride().h() != 1 || c.stride().w() != 1 || c.kernel().h() % 2 == 0 || c.kernel().w() % 2 == 0) {
          return null;
        }
        pH = (c.kernel().h() - 1) / 2;
        pW = (c.kernel().w() - 1) / 2;
      }
      INDArray w = sd.getArrForVarName(GraphNames.weights(id));
      INDArray b = c.bias() ? sd.getArrForVarName(GraphNames.bias(id)) : null;
      return channelsLast
          ? new DnnlConvLayer(GraphNames.weights(id), w, GraphNames.bias(id), b, c.stride().h(), c.stride().w(), pH, pW)
          : new ConvLayer(GraphNames.weights(id), w, GraphNames.bias(id), b, c.stride().h(), c.stride().w(), pH, pW);
    }
    if (layer instanceof MaxPool2dSpec p && !p.padding().same()) {
      return new PoolLayer(Pooling2D.Pooling2DType.MAX, p.window().h(), p.window().w(), p.stride().h(), p.stride().w(),
          p.padding().h(), p.padding().w(), channelsLast, new Buffers(dataType));
    }
    if (layer instanceof AvgPool2dSpec p && p.padding().equals(Padding.NONE)) {
      return new PoolLayer(Pooling2D.Pooling2DType.AVG, p.window().h(), p.window().w(), p.stride().h(), p.stride().w(),
          0, 0, channelsLast, new Buffers(dataType));
    }
    if (layer instanceof ActivationSpec a && ActivationLayer.supports(a.function())) {
      return new ActivationLayer(a, oneDnn, new Buffers(dataType));
    }
    if (layer instanceof FlattenSpec) {
      return new FlattenLayer(channelsLast, new Buffers(dataType));
    }
    return null;
  }

  /**
   * One training iteration on a minibatch: forward pass, loss gradient, backward pass (without
   * the gradient of the data), then every parameter updated with SameDiff's updater for it.
   * The SameDiff's training configuration must be set (its learning rate is read as it is now).
   *
   * @param features [n, ...] in the network's data type
   * @param labels one-hot [n, K] or regression targets
   * @return the Output's input, logits or predictions [n, K]; owned by the trainer, valid until the next step
   */
  public INDArray step(INDArray features, INDArray labels) {
    TrainingConfig config = sd.getTrainingConfig();
    Map<String, GradientUpdater> updaters = updaters();
    INDArray out = half != null && features.size(0) >= MIN_SPLIT ? forwardBackwardInHalves(features, labels)
        : forwardBackward(features, labels);
    int iteration = config.getIterationCount();
    int epoch = config.getEpochCount();
    List<Regularization> regularization = config.getRegularization();
    boolean regularized = regularization != null && !regularization.isEmpty();
    double lr = regularized && config.getUpdater().hasLearningRate() ? config.getUpdater().getLearningRate(iteration, epoch) : 1.0;
    for (Parameter p : parameters) {
      double factor = stepFactors.getOrDefault(p.name(), 1.0);
      if (factor == 0) {
        continue; // frozen: neither the value nor its optimizer state moves
      }
      GradientUpdater updater = updaters.get(p.name());
      if (!regularized && updater instanceof SgdUpdater sgd) {
        // plain SGD, w ← w − η·factor·g, as one BLAS axpy instead of SameDiff's two passes (g ← η·g, w ← w − g)
        double eta = sgd.getConfig().getLearningRate(iteration, epoch) * factor;
        Nd4j.getBlasWrapper().level1().axpy(p.value().length(), config.isMinimize() ? -eta : eta, p.gradient(), p.value());
        continue;
      }
      if (regularized) {
        applyRegularization(regularization, Regularization.ApplyStep.BEFORE_UPDATER, p, lr, iteration, epoch);
      }
      updater.applyUpdater(p.gradient(), iteration, epoch);
      if (regularized) {
        applyRegularization(regularization, Regularization.ApplyStep.POST_UPDATER, p, lr, iteration, epoch);
      }
      if (factor != 1) {
        p.gradient().muli(factor);
      }
      if (config.isMinimize()) {
        p.value().subi(p.gradient());
      } else {
        p.value().addi(p.gradient());
      }
    }
    config.incrementIterationCount();
    return out;
  }

  /**
   * Forward pass, loss gradient and backward pass: fills every parameter's gradient buffer with
   * ∂L/∂θ of the batch-mean loss and returns the Output's input [n, K].
   */
  INDArray forwardBackward(INDArray features, INDArray labels) {
    activations[0] = features;
    for (int i = 0; i < layers.size(); i++) {
      activations[i + 1] = layers.get(i).forward(activations[i]);
    }
    INDArray out = activations[layers.size()];
    INDArray gradient = loss.gradient(out, labels);
    for (int i = layers.size() - 1; i >= firstTrainable; i--) {
      gradient = layers.get(i).backward(activations[i], activations[i + 1], gradient, i > firstTrainable);
    }
    return out;
  }

  /**
   * Data parallelism on two cores: the first ⌈n/2⌉ examples go forward and backward on this
   * thread while the other trainer (same weights, its own work arrays and gradient buffers) does
   * the rest on its thread; then, the loss being a batch mean, g = (n₁/n)·g₁ + (n₂/n)·g₂ is exactly
   * the gradient of the whole minibatch. The two halves meet once per minibatch, not at every op
   * as two threads inside each op do, and they are always cut and summed the same way, so a run
   * repeats bit for bit.
   */
  private INDArray forwardBackwardInHalves(INDArray features, INDArray labels) {
    long n = features.size(0);
    long n1 = (n + 1) / 2;
    INDArray x2 = copyRows(features, n1, n, "x2");
    INDArray y2 = copyRows(labels, n1, n, "y2");
    Future<INDArray> second = halfThread.submit(() -> half.forwardBackward(x2, y2));
    INDArray x1 = copyRows(features, 0, n1, "x1"); // while the second half already runs
    INDArray y1 = copyRows(labels, 0, n1, "y1");
    INDArray out1 = forwardBackward(x1, y1);
    INDArray out2;
    try {
      out2 = second.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the second half of the minibatch was computed", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    List<Parameter> halfParameters = half.parameters;
    for (int i = 0; i < parameters.size(); i++) {
      INDArray g = parameters.get(i).gradient();
      if (stepFactors.getOrDefault(parameters.get(i).name(), 1.0) == 0) {
        continue;
      }
      Nd4j.getBlasWrapper().level1().scal(g.length(), (double) n1 / n, g);
      Nd4j.getBlasWrapper().level1().axpy(g.length(), (double) (n - n1) / n, halfParameters.get(i).gradient(), g);
    }
    INDArray out = joined.get("out", n, out1.size(1)); // [n, K]
    out.get(NDArrayIndex.interval(0, n1), NDArrayIndex.all()).assign(out1);
    out.get(NDArrayIndex.interval(n1, n), NDArrayIndex.all()).assign(out2);
    return out;
  }

  /** Rows [from, to) of {@code a} [n, ...] in a work array of their own (c order, from offset 0). */
  private INDArray copyRows(INDArray a, long from, long to, String role) {
    long[] shape = a.shape().clone();
    shape[0] = to - from;
    INDArray rows = joined.get(role, shape);
    INDArrayIndex[] index = new INDArrayIndex[shape.length];
    index[0] = NDArrayIndex.interval(from, to);
    for (int d = 1; d < shape.length; d++) {
      index[d] = NDArrayIndex.all();
    }
    return rows.assign(a.get(index));
  }

  /**
   * Whether cutting minibatches in two ({@link #splitMinibatches}) pays on this network: when it
   * has a convolution. Measured with {@code bench} on the project's 2-core machine, fresh
   * processes, three alternating runs: LeNet's first epoch 13,500-13,900 images/s in halves
   * against 11,000-11,100 on one thread; the MLP, whose minibatch takes about 3 ms, 50,800-57,500
   * against 67,100-73,400 (handing over the halves and joining the gradients cost more than the
   * second core gives).
   */
  public boolean worthSplitting() {
    return layers.stream().anyMatch(l -> l instanceof ConvLayer || l instanceof DnnlConvLayer);
  }

  /**
   * From the next minibatch on, computes each minibatch in two halves on two threads (see
   * {@link #forwardBackwardInHalves}); each thread runs ND4J's kernels on one thread. Measured on
   * the project's 2-core machine: see README "Training speed and bench".
   */
  public void splitMinibatches() {
    if (half != null) {
      return;
    }
    half = of(network).orElseThrow(); // the same weights, its own layers, work arrays and gradient buffers
    half.stepFactors = stepFactors;
    half.firstTrainable = firstTrainable;
    joined = new Buffers(parameters.isEmpty() ? DataType.FLOAT : parameters.get(0).value().dataType());
    halfThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "direct-trainer-half");
      t.setDaemon(true);
      return t;
    });
    try {
      halfThread.submit(() -> NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Scales each named parameter's step by its factor from the next minibatch on: the update
   * after the optimizer and weight decay is multiplied by it, which for SGD, momentum, Adam,
   * RMSProp and AdaGrad (all linear in η) is exactly training that parameter with the learning
   * rate η·factor (d2l 14.2: a larger rate for a new output layer than for pretrained ones).
   * Factor 0 freezes a parameter: it is left out of the update, so it stays the same bit for
   * bit, and the backward pass stops below the lowest layer that still has a parameter to train.
   *
   * @param factors parameter (SameDiff variable) name → factor ≥ 0; parameters not named keep 1
   */
  public void setStepFactors(Map<String, Double> factors) {
    for (Map.Entry<String, Double> e : factors.entrySet()) {
      if (!(e.getValue() >= 0) || e.getValue().isInfinite()) {
        throw new IllegalArgumentException("step factor of " + e.getKey() + ": " + e.getValue());
      }
    }
    stepFactors = Map.copyOf(factors);
    firstTrainable = layers.size();
    for (int i = 0; i < layers.size() && firstTrainable == layers.size(); i++) {
      if (layers.get(i).parameters().stream().anyMatch(p -> stepFactors.getOrDefault(p.name(), 1.0) != 0)) {
        firstTrainable = i;
      }
    }
    if (half != null) {
      half.stepFactors = stepFactors;
      half.firstTrainable = firstTrainable;
    }
  }

  /**
   * The network's output [n, K] (logits or predictions) for {@code features} [n, ...], in the
   * network's data type: the forward pass alone, for evaluating between epochs without SameDiff
   * (every layer this path handles computes the same in training and inference). The result
   * belongs to the trainer and is valid until its next forward pass.
   */
  public INDArray forward(INDArray features) {
    INDArray a = features;
    for (DirectLayer layer : layers) {
      a = layer.forward(a);
    }
    return a;
  }

  /**
   * The outputs of the given nodes for {@code features} [n, ...], as
   * {@link CompiledNetwork#activations} gives them (feature maps [n, C, H, W], a dense layer's
   * output before its ReLU, the Output's prediction), computed by this path's layers: between two
   * minibatches, on the training thread, this costs a forward pass where SameDiff's inference of
   * one LeNet example took 12-19 ms, and 87 ms the first time. The arrays are the caller's.
   *
   * @throws IllegalArgumentException for a node the network does not have
   */
  public Map<String, INDArray> activations(INDArray features, Collection<String> nodeIds) {
    Set<String> wanted = Set.copyOf(nodeIds);
    for (String id : wanted) {
      if (!network.activationNames().containsKey(id)) {
        throw new IllegalArgumentException("no node " + id);
      }
    }
    INDArray x = features.dataType() == network.dataType() ? features : features.castTo(network.dataType());
    Map<String, INDArray> out = new HashMap<>();
    if (wanted.contains(inputNode)) {
      out.put(inputNode, x);
    }
    INDArray a = x;
    List<INDArray> temporary = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      List<String> ids = nodes.get(i).ids();
      if (layers.get(i) instanceof DenseLayer dense && ids.size() == 2) {
        INDArray linear = dense.linear(a); // [n, U], before the ReLU
        a = Transforms.relu(linear, true);
        handOut(ids.get(0), linear, wanted, out, temporary);
        handOut(ids.get(1), a, wanted, out, temporary);
      } else {
        a = layers.get(i).forward(a); // the layer's own array
        for (String id : ids) {
          if (wanted.contains(id)) {
            out.put(id, nodes.get(i).channelsLast() ? a.permute(0, 3, 1, 2).dup('c') : a.dup()); // [n, C, H, W]
          }
        }
      }
    }
    if (wanted.contains(outputNode)) {
      out.put(outputNode, loss.prediction(a));
    }
    temporary.forEach(INDArray::close);
    return out;
  }

  /** A new array of the probe's pass: the caller's if node {@code id} was asked for, else freed after the pass. */
  private static void handOut(String id, INDArray value, Set<String> wanted, Map<String, INDArray> out,
      List<INDArray> temporary) {
    if (wanted.contains(id)) {
      out.put(id, value);
    } else {
      temporary.add(value);
    }
  }

  /** Whether its convolutions run on oneDNN's own primitives (see {@link Dnnl}). */
  boolean runsOnOneDnn() {
    return layers.stream().anyMatch(l -> l instanceof DnnlConvLayer);
  }

  /** The trained arrays and their gradient buffers, in layer order. */
  List<Parameter> parameters() {
    return parameters;
  }

  /** Counts a finished epoch, as SameDiff's {@code fit} does after each one. */
  public void endEpoch() {
    sd.getTrainingConfig().incrementEpochCount();
  }

  /**
   * Runs ND4J's, OpenMP's and BLAS's kernels on one thread until {@link #release}. Measured on the
   * project's 2-core machine while other programs ran (load average 15): the MLP trained at
   * 5,300-6,100 images/s with one thread and 790-960 with two, LeNet at 760-1,020 and 290-310;
   * two threads waiting for each other at every op lose far more than they gain once a core is
   * busy with anything else (the UI thread drawing the charts, too). A fixed count also keeps the
   * numbers the same from run to run, as reductions split by thread would not be.
   */
  public void useOneThread() {
    synchronized (DirectTrainer.class) {
      if (!usesOneThread) {
        usesOneThread = true;
        if (oneThreadUsers++ == 0) {
          previousThreads = Nd4j.getEnvironment().maxThreads();
          previousMasterThreads = Nd4j.getEnvironment().maxMasterThreads();
          previousBlasThreads = Nd4j.factory().blas().getMaxThreads();
        }
      }
    }
    Nd4j.getEnvironment().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxMasterThreads(1);
    Nd4j.factory().blas().setMaxThreads(1);
    // OpenMP's team size for the ops this thread runs: without it libnd4j still woke a second
    // OpenMP thread for each op (LeNet step 1.4 s instead of 0.9 s at load average 19)
    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
  }

  /**
   * Frees every work array and, once no other trainer runs on one thread, restores the thread
   * counts. The network's weights stay.
   */
  public void release() {
    if (usesOneThread) {
      usesOneThread = false;
      NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(Math.max(1, previousThreads));
      synchronized (DirectTrainer.class) {
        if (--oneThreadUsers == 0) {
          Nd4j.getEnvironment().setMaxThreads(previousThreads);
          Nd4j.getEnvironment().setMaxMasterThreads(previousMasterThreads);
          Nd4j.factory().blas().setMaxThreads(previousBlasThreads);
        }
      }
    }
    if (half != null) {
      halfThread.shutdown();
      try {
        // a step that failed on this thread may leave the other half still running on its arrays
        halfThread.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      half.release();
      joined.release();
      half = null;
    }
    layers.forEach(DirectLayer::release);
    loss.release();
    for (Parameter p : parameters) {
      p.gradient().close();
    }
  }

  private static void applyRegularization(List<Regularization> regularization, Regularization.ApplyStep step,
      Parameter p, double lr, int iteration, int epoch) {
    for (Regularization r : regularization) {
      if (r.applyStep() == step) {
        r.apply(p.value(), p.gradient(), lr, iteration, epoch);
      }
    }
  }

  /**
   * SameDiff's per-variable updaters, created the way {@code fit} creates them if no run has
   * yet. SameDiff 1.0.0-M2.1 makes them only inside {@code fit} ({@code initializeTraining} is
   * protected), so it is called reflectively; the updaters then belong to the SameDiff as after
   * a {@code fit}, and are saved with it.
   */
  private Map<String, GradientUpdater> updaters() {
    if (!sd.isInitializedTraining()) {
      try {
        Method initialize = SameDiff.class.getDeclaredMethod("initializeTraining");
        initialize.setAccessible(true);
        initialize.invoke(sd);
      } catch (NoSuchMethodException | IllegalAccessException e) {
        throw new IllegalStateException("this ND4J version cannot prepare SameDiff's updaters", e);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
    return sd.getUpdaterMap();
  }
}
