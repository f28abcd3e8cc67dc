package org.tensorworkbench.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;

/** Forward values computed by hand (d2l's worked examples where there is one). */
class ForwardValuesTest {
  private static final double TOLERANCE = 1e-5;
  private static final OutputSpec MSE = new OutputSpec(OutputSpec.Loss.MSE);
  private static final OutputSpec CROSS_ENTROPY = new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY);

  // d2l 7.4's multi-input-channel example: X channels 0..8 and 1..9, K channels [[0,1],[2,3]] and [[1,2],[3,4]]
  @Test
  void convolutionSumsOverInputChannelsWithWeightsKhKwInOut() {
    CompiledNetwork net = compile(InputSpec.of(2, 3, 3), Conv2dSpec.of(1, 2), new FlattenSpec(), MSE);
    INDArray w = net.sameDiff().getArrForVarName("conv1/W"); // [kH, kW, inC, outC]
    assertArrayEquals(new long[] {2, 2, 2, 1}, w.shape());
    double[][][] kernels = {{{0, 1}, {2, 3}}, {{1, 2}, {3, 4}}};
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          w.putScalar(new long[] {i, j, c, 0}, kernels[c][i][j]);
        }
      }
    }
    net.sameDiff().getArrForVarName("conv1/b").assign(0.5);
    INDArray x = Nd4j.concat(1, Nd4j.arange(0, 9).reshape(1, 1, 3, 3), Nd4j.arange(1, 10).reshape(1, 1, 3, 3))
        .castTo(DataType.DOUBLE);
    INDArray y = activation(net, x, "conv1");
    assertArrayEquals(new double[] {56.5, 72.5, 104.5, 120.5}, y.reshape(4).toDoubleVector(), TOLERANCE);
  }

  @Test
  void dilatedConvolutionInFloatSpreadsTheKernel() {
    // FLOAT takes oneDNN's path, which cannot create a dilated convolution descriptor itself
    CompiledNetwork net = NetworkCompiler.compile(NetworkSpec.sequential("t", InputSpec.of(1, 5, 5),
        Conv2dSpec.of(1, 2).withDilation(2).withBias(false), new FlattenSpec(), MSE), new CompileOptions(DataType.FLOAT, 1));
    net.sameDiff().getArrForVarName("conv1/W").assign(Nd4j.createFromArray(1f, 2f, 3f, 4f).reshape(2, 2, 1, 1));
    INDArray x = Nd4j.arange(0, 25).reshape(1, 1, 5, 5).castTo(DataType.FLOAT); // x[r][c] = 5r + c
    // y[i][j] = 1·x[i][j] + 2·x[i][j+2] + 3·x[i+2][j] + 4·x[i+2][j+2] = 50i + 10j + 82
    assertArrayEquals(new double[] {82, 92, 102, 132, 142, 152, 182, 192, 202},
        activation(net, x, "conv1").reshape(9).toDoubleVector(), 1e-4);
  }

  @Test
  void maxAndAveragePoolingOfD2lExample() {
    INDArray x = Nd4j.arange(0, 9).reshape(1, 1, 3, 3).castTo(DataType.DOUBLE);
    CompiledNetwork max = compile(InputSpec.of(1, 3, 3), MaxPool2dSpec.of(2, 1), new FlattenSpec(), MSE);
    assertArrayEquals(new double[] {4, 5, 7, 8}, activation(max, x, "maxpool1").reshape(4).toDoubleVector(), TOLERANCE);
    CompiledNetwork avg = compile(InputSpec.of(1, 3, 3), AvgPool2dSpec.of(2, 1), new FlattenSpec(), MSE);
    assertArrayEquals(new double[] {2, 3, 5, 6}, activation(avg, x, "avgpool1").reshape(4).toDoubleVector(), TOLERANCE);
  }

  @Test
  void averagePoolingCountsZeroPaddingInTheWindow() {
    INDArray x = Nd4j.arange(0, 9).reshape(1, 1, 3, 3).castTo(DataType.DOUBLE);
    CompiledNetwork avg = compile(InputSpec.of(1, 3, 3), AvgPool2dSpec.of(3, 1).withPadding(Padding.of(1)), new FlattenSpec(), MSE);
    INDArray y = activation(avg, x, "avgpool1").reshape(9);
    assertEquals((0 + 1 + 3 + 4) / 9.0, y.getDouble(0), TOLERANCE); // corner: 4 pixels, divided by 9
    assertEquals(36 / 9.0, y.getDouble(4), TOLERANCE); // centre: the whole image
  }

  @Test
  void denseIsXTimesWPlusB() {
    CompiledNetwork net = compile(InputSpec.of(2), DenseSpec.of(2), MSE);
    net.sameDiff().getArrForVarName("dense1/W").assign(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}));
    net.sameDiff().getArrForVarName("dense1/b").assign(Nd4j.createFromArray(0.5, -1.0));
    INDArray y = net.predict(Nd4j.createFromArray(new double[][] {{1, 2}}));
    assertArrayEquals(new double[] {7.5, 9}, y.reshape(2).toDoubleVector(), TOLERANCE);
  }

  @Test
  void activationsMatchTheirFormulas() {
    INDArray x = Nd4j.createFromArray(new double[][] {{-2, 0.5, 1}});
    assertArrayEquals(new double[] {0, 0.5, 1}, apply(ActivationSpec.of(Function.RELU), x), TOLERANCE);
    assertArrayEquals(new double[] {-0.2, 0.5, 1}, apply(new ActivationSpec(Function.LEAKY_RELU, 0.1), x), TOLERANCE);
    assertArrayEquals(new double[] {0.11920292, 0.62245933, 0.73105858}, apply(ActivationSpec.of(Function.SIGMOID), x), TOLERANCE);
    assertArrayEquals(new double[] {-0.96402758, 0.46211716, 0.76159416}, apply(ActivationSpec.of(Function.TANH), x), TOLERANCE);
    // tanh form: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
    assertArrayEquals(new double[] {-0.04540231, 0.34571401, 0.84119199}, apply(ActivationSpec.of(Function.GELU), x), TOLERANCE);
    // e^x / Σ e^x over {-2, 0.5, 1}
    assertArrayEquals(new double[] {0.03005889, 0.36619222, 0.60374890}, apply(ActivationSpec.of(Function.SOFTMAX), x), TOLERANCE);
  }

  // BatchNorm of [1, 2, 3, 4]: mean 2.5, biased variance 1.25, y = (x − 2.5) / √(1.25 + 1e−5)
  @Test
  void batchNormUsesBatchStatisticsWhileTrainingAndRunningOnesAfter() {
    CompiledNetwork net = compile(InputSpec.of(1), BatchNormSpec.DEFAULT, MSE);
    INDArray x = Nd4j.createFromArray(new double[][] {{1}, {2}, {3}, {4}});
    double[] normalized = {-1.34163542, -0.44721181, 0.44721181, 1.34163542};
    assertArrayEquals(normalized, trainingOutput(net, x, "bn1"), TOLERANCE);
    // fresh running statistics (0, 1): inference is x / √(1 + ε)
    assertArrayEquals(new double[] {0.999995, 1.99999, 2.999985, 3.99998}, net.predict(x).reshape(4).toDoubleVector(), TOLERANCE);

    trainOneStepWithoutMoving(net, x);
    // r_mean = 0.9·0 + 0.1·2.5; r_var = 0.9·1 + 0.1·1.25·4/3 (unbiased)
    assertEquals(0.25, net.sameDiff().getArrForVarName("bn1/running_mean").getDouble(0), 1e-12);
    assertEquals(0.9 + 0.1 * 1.25 * 4 / 3, net.sameDiff().getArrForVarName("bn1/running_var").getDouble(0), 1e-12);
    double s = Math.sqrt(0.9 + 0.1 * 1.25 * 4 / 3 + 1e-5);
    assertArrayEquals(new double[] {0.75 / s, 1.75 / s, 2.75 / s, 3.75 / s}, net.predict(x).reshape(4).toDoubleVector(), TOLERANCE);
  }

  @Test
  void batchNormOnImagesNormalizesEachChannelOverBatchAndPixels() {
    CompiledNetwork net = compile(InputSpec.of(2, 2, 2), BatchNormSpec.DEFAULT, new FlattenSpec(), MSE);
    net.sameDiff().getArrForVarName("bn1/gamma").assign(Nd4j.createFromArray(2.0, 1.0));
    net.sameDiff().getArrForVarName("bn1/beta").assign(Nd4j.createFromArray(1.0, -1.0));
    // channel 0: 1, 2, 3, 4; channel 1: constant 10
    INDArray x = Nd4j.createFromArray(new double[] {1, 2, 3, 4, 10, 10, 10, 10}).reshape(1, 2, 2, 2);
    double[] y = trainingOutput(net, x, "bn1");
    assertArrayEquals(new double[] {-1.68327084, 0.10557638, 1.89442362, 3.68327084, -1, -1, -1, -1}, y, TOLERANCE);
  }

  @Test
  void layerNormNormalizesEachExampleOverItsFeatures() {
    CompiledNetwork net = compile(InputSpec.of(4), LayerNormSpec.DEFAULT, MSE);
    INDArray x = Nd4j.createFromArray(new double[][] {{1, 2, 3, 4}, {10, 20, 30, 40}});
    INDArray y = net.predict(x);
    assertArrayEquals(new double[] {-1.34163542, -0.44721181, 0.44721181, 1.34163542}, y.getRow(0).toDoubleVector(), TOLERANCE);
    assertArrayEquals(new double[] {-1.34164073, -0.44721358, 0.44721358, 1.34164073}, y.getRow(1).toDoubleVector(), TOLERANCE);
  }

  // logits [1, 2, 3], class 2: log(1 + e^−1 + e^−2) = 0.40760596; logits [0, 0, 0], class 0: log 3
  @Test
  void softmaxCrossEntropyIsTheBatchMeanOfMinusLogSoftmax() {
    CompiledNetwork net = compile(InputSpec.of(3), CROSS_ENTROPY);
    INDArray logits = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0, 0, 0}});
    INDArray labels = Nd4j.createFromArray(new double[][] {{0, 0, 1}, {1, 0, 0}});
    assertEquals((0.40760596 + Math.log(3)) / 2, loss(net, logits, labels), TOLERANCE);
    assertArrayEquals(new double[] {0.09003057, 0.24472847, 0.66524096}, net.predict(logits).getRow(0).toDoubleVector(), TOLERANCE);
  }

  @Test
  void meanSquaredErrorIsTheMeanOverEveryValue() {
    CompiledNetwork net = compile(InputSpec.of(2), MSE);
    INDArray predictions = Nd4j.createFromArray(new double[][] {{1, 2}, {0, -1}});
    INDArray targets = Nd4j.zeros(DataType.DOUBLE, 2, 2);
    assertEquals((1 + 4 + 0 + 1) / 4.0, loss(net, predictions, targets), TOLERANCE);
  }

  private static CompiledNetwork compile(LayerSpec... layers) {
    return NetworkCompiler.compile(NetworkSpec.sequential("t", layers), new CompileOptions(DataType.DOUBLE, 1));
  }

  private static INDArray activation(CompiledNetwork net, INDArray x, String id) {
    return net.activations(x, List.of(id)).get(id);
  }

  private static double[] apply(ActivationSpec activation, INDArray x) {
    CompiledNetwork net = compile(InputSpec.of(3), activation, MSE);
    return net.predict(x).reshape(3).toDoubleVector();
  }

  private static double[] trainingOutput(CompiledNetwork net, INDArray x, String id) {
    Map<String, INDArray> feed = new HashMap<>();
    feed.put(net.inputName(), x);
    feed.put(GraphNames.PHASE, Nd4j.scalar(true));
    INDArray y = net.sameDiff().output(feed, id).get(id);
    return y.reshape(y.length()).toDoubleVector();
  }

  private static double loss(CompiledNetwork net, INDArray x, INDArray labels) {
    Map<String, INDArray> feed = Map.of(net.inputName(), x, net.labelsName(), labels);
    return net.sameDiff().output(feed, net.lossName()).get(net.lossName()).getDouble(0);
  }

  private static void trainOneStepWithoutMoving(CompiledNetwork net, INDArray x) {
    net.sameDiff().setTrainingConfig(TrainingConfig.builder().updater(new Sgd(0))
        .dataSetFeatureMapping(net.inputName()).dataSetLabelMapping(net.labelsName()).build());
    net.trainingListeners().forEach(net.sameDiff()::addListeners);
    net.sameDiff().fit(new DataSet(x, Nd4j.zeros(DataType.DOUBLE, x.size(0), 1)));
  }
}
