package org.tensorworkbench.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.NodeShape.Status;
import org.tensorworkbench.engine.spec.OutputSpec.Loss;

class ShapeInferenceTest {

  /** d2l 7.6 exactly. */
  static NetworkSpec lenet() {
    return NetworkSpec.sequential("LeNet",
        InputSpec.of(1, 28, 28),
        Conv2dSpec.of(6, 5).withPadding(Padding.of(2)), ActivationSpec.of(Function.SIGMOID), AvgPool2dSpec.of(2),
        Conv2dSpec.of(16, 5), ActivationSpec.of(Function.SIGMOID), AvgPool2dSpec.of(2),
        new FlattenSpec(),
        DenseSpec.of(120), ActivationSpec.of(Function.SIGMOID),
        DenseSpec.of(84), ActivationSpec.of(Function.SIGMOID),
        DenseSpec.of(10),
        new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY));
  }

  private static String english(NodeShape node) {
    return node.problem().text(Locale.ENGLISH);
  }

  private static NodeShape only(NetworkSpec spec, int batch, String id) {
    return ShapeInference.infer(spec, batch).node(id).orElseThrow();
  }

  @Test
  void lenetHasD2lsShapes() {
    InferredNetwork net = ShapeInference.infer(lenet(), 1);
    assertTrue(net.isComplete());
    assertEquals(List.of(
            "input1 [1, 1, 28, 28]", "conv1 [1, 6, 28, 28]", "sigmoid1 [1, 6, 28, 28]", "avgpool1 [1, 6, 14, 14]",
            "conv2 [1, 16, 10, 10]", "sigmoid2 [1, 16, 10, 10]", "avgpool2 [1, 16, 5, 5]", "flatten1 [1, 400]",
            "dense1 [1, 120]", "sigmoid3 [1, 120]", "dense2 [1, 84]", "sigmoid4 [1, 84]", "dense3 [1, 10]",
            "output1 [1, 10]"),
        net.nodes().stream().map(n -> n.id() + " " + n.output()).toList());
    assertTrue(Arrays.equals(new long[] {1, 16, 5, 5}, net.outputShape("avgpool2").toLongArray()));
    assertEquals(TensorShape.of(256, 16, 5, 5), ShapeInference.infer(lenet(), 256).outputShape("avgpool2"));
    assertEquals("[N, 16, 5, 5]", net.outputShape("avgpool2").format("N"));
    assertEquals("[N]", TensorShape.of(7).format("N"));
  }

  @Test
  void lenetHas61706ParametersInPyTorchLayout() {
    InferredNetwork net = ShapeInference.infer(lenet(), 1);
    // 6·25 + 6 + 16·6·25 + 16 + 400·120 + 120 + 120·84 + 84 + 84·10 + 10
    assertEquals(61_706, net.parameterCount());
    assertEquals(0, net.stateCount());
    assertEquals("[conv1.weight [6, 1, 5, 5], conv1.bias [6]]", net.node("conv1").orElseThrow().parameters().toString());
    assertEquals("[dense1.weight [120, 400], dense1.bias [120]]", net.node("dense1").orElseThrow().parameters().toString());
  }

  @Test
  void lenetArithmeticByHand() {
    InferredNetwork net = ShapeInference.infer(lenet(), 1);
    // conv1: 6·28·28 = 4,704 outputs × 25 products; 24 sums + bias each
    assertEquals(OpCount.multiplyAdd(117_600, 117_600), net.node("conv1").orElseThrow().ops());
    // conv2: 1,600 outputs × 150 products
    assertEquals(OpCount.multiplyAdd(240_000, 240_000), net.node("conv2").orElseThrow().ops());
    // avgpool1: 1,176 windows of 4: 3 additions and 1 multiplication by 1/4 each
    assertEquals(OpCount.multiplyAdd(1_176, 3_528), net.node("avgpool1").orElseThrow().ops());
    assertEquals(new OpCount(0, 0, 0, 4_704), net.node("sigmoid1").orElseThrow().ops());
    // 117,600 + 240,000 + 48,000 + 10,080 + 840
    assertEquals(416_520, net.multiplyAddsPerExample());
    assertEquals(416_520 * 7, ShapeInference.infer(lenet(), 7).multiplyAddsPerExample() * 7);
    // outputs: 784 + 2·4,704 + 1,176 + 2·1,600 + 2·400 + 2·120 + 2·84 + 2·10 = 15,796 floats
    assertEquals(15_796 * 4, net.activationBytes());
    assertEquals(15_796 * 4 * 32, ShapeInference.infer(lenet(), 32).activationBytes());
  }

  @Test
  void convolutionOnImageNetSizedBatchCountsExactly() {
    NetworkSpec spec = NetworkSpec.sequential("vgg-first",
        InputSpec.of(3, 224, 224), Conv2dSpec.of(64, 3).withPadding(Padding.of(1)));
    NodeShape conv = only(spec, 10, "conv1");
    assertEquals(TensorShape.of(10, 64, 224, 224), conv.output());
    assertEquals(OpCount.multiplyAdd(867_041_280L, 867_041_280L), conv.ops());
    NodeShape noBias = only(spec.withNodes(List.of(spec.nodes().get(0),
        NodeSpec.of("conv1", Conv2dSpec.of(64, 3).withPadding(Padding.of(1)).withBias(false), "input1"))), 10, "conv1");
    assertEquals(OpCount.multiplyAdd(867_041_280L, 834_928_640L), noBias.ops());
    assertEquals(64 * 27, noBias.parameterCount());
  }

  @Test
  void aKernelTooLargeNamesTheLayerAndTheFormula() {
    NetworkSpec spec = NetworkSpec.of("tiny", List.of(
        NodeSpec.of("input1", InputSpec.of(1, 4, 4)),
        NodeSpec.of("conv1", Conv2dSpec.of(4, 3).withPadding(Padding.of(1)), "input1"),
        NodeSpec.of("conv2", Conv2dSpec.of(8, 5), "conv1"),
        NodeSpec.of("relu1", ActivationSpec.of(Function.RELU), "conv2"),
        NodeSpec.of("flatten1", new FlattenSpec(), "relu1"),
        NodeSpec.of("flatten2", new FlattenSpec(), "conv1")));
    InferredNetwork net = ShapeInference.infer(spec, 2);
    NodeShape conv2 = net.node("conv2").orElseThrow();
    assertEquals(Status.ERROR, conv2.status());
    assertEquals("conv2: a 5x5 kernel does not fit a 4x4 input with padding 0: ⌊(4 + 2·0 − 5)/1⌋ + 1 = 0",
        english(conv2));
    assertNull(conv2.output());

    NodeShape relu = net.node("relu1").orElseThrow();
    assertEquals(Status.BLOCKED, relu.status());
    assertEquals("conv2", relu.cause());
    assertEquals("relu1: no shape because conv2 has an error.", english(relu));
    NodeShape flatten1 = net.node("flatten1").orElseThrow();
    assertEquals("flatten1: no shape because conv2 has an error.", english(flatten1));

    assertEquals(TensorShape.of(2, 4, 4, 4), net.outputShape("conv1"));
    assertEquals(TensorShape.of(2, 64), net.outputShape("flatten2"));
    assertEquals(List.of("conv2"), net.errors().stream().map(NodeShape::id).toList());
    assertFalse(net.isComplete());
    SpecException thrown = assertThrows(SpecException.class, () -> net.outputShape("relu1"));
    assertEquals("spec.shape.blocked", thrown.key());
  }

  @Test
  void stridedAndDilatedMisfitsShowTheirNumbers() {
    NetworkSpec strided = NetworkSpec.sequential("s", InputSpec.of(3, 2, 9), new Conv2dSpec(4, Size2.of(5),
        Size2.of(2), Padding.NONE, Size2.of(1), true, Initializer.XAVIER));
    assertEquals("conv1: a 5x5 kernel does not fit a 2x9 input with padding 0: ⌊(2 + 2·0 − 5)/2⌋ + 1 = -1",
        english(only(strided, 1, "conv1")));

    NetworkSpec dilated = NetworkSpec.sequential("d", InputSpec.of(1, 4, 4), Conv2dSpec.of(2, 3).withDilation(2));
    assertEquals("conv1: a 3x3 kernel with dilation 2 does not fit a 4x4 input with padding 0: "
        + "⌊(4 + 2·0 − 2·(3 − 1) − 1)/1⌋ + 1 = 0", english(only(dilated, 1, "conv1")));
    NetworkSpec fits = NetworkSpec.sequential("d", InputSpec.of(1, 9, 9), Conv2dSpec.of(2, 3).withDilation(2));
    assertEquals(TensorShape.of(1, 2, 5, 5), only(fits, 1, "conv1").output());

    NetworkSpec pool = NetworkSpec.sequential("p", InputSpec.of(1, 1, 1), MaxPool2dSpec.of(2));
    assertEquals("maxpool1: a 2x2 pooling window does not fit a 1x1 input with padding 0: ⌊(1 + 2·0 − 2)/2⌋ + 1 = 0",
        english(only(pool, 1, "maxpool1")));
  }

  @Test
  void samePaddingGivesTheCeilingOfInputOverStride() {
    NetworkSpec spec = NetworkSpec.sequential("same", InputSpec.of(1, 28, 27),
        Conv2dSpec.of(8, 5).withPadding(Padding.SAME).withStride(2),
        MaxPool2dSpec.of(3, 2).withPadding(Padding.SAME));
    InferredNetwork net = ShapeInference.infer(spec, 4);
    assertEquals(TensorShape.of(4, 8, 14, 14), net.outputShape("conv1"));
    assertEquals(TensorShape.of(4, 8, 7, 7), net.outputShape("maxpool1"));
  }

  @Test
  void poolingRoundsDownAndRefusesPaddingBeyondHalfTheWindow() {
    NetworkSpec odd = NetworkSpec.sequential("odd", InputSpec.of(2, 7, 7), MaxPool2dSpec.of(2));
    NodeShape pool = only(odd, 1, "maxpool1");
    assertEquals(TensorShape.of(1, 2, 3, 3), pool.output());
    assertEquals(new OpCount(0, 0, 18 * 3, 0), pool.ops());

    NetworkSpec padded = NetworkSpec.sequential("pad", InputSpec.of(2, 7, 7), MaxPool2dSpec.of(2).withPadding(Padding.of(2)));
    assertEquals("maxpool1: padding 2 is more than half of the 2x2 pooling window, so some windows would see only padding.",
        english(only(padded, 1, "maxpool1")));
    NetworkSpec alexPool = NetworkSpec.sequential("ok", InputSpec.of(2, 7, 7), MaxPool2dSpec.of(3, 2).withPadding(Padding.of(1)));
    assertEquals(TensorShape.of(1, 2, 4, 4), only(alexPool, 1, "maxpool1").output());
  }

  @Test
  void aDenseLayerOnImagesSuggestsFlatten() {
    NetworkSpec spec = NetworkSpec.sequential("noflat", InputSpec.of(16, 5, 5), DenseSpec.of(120));
    assertEquals("dense1: a dense layer needs a flat input [N, D], but input1 gives [3, 16, 5, 5]. "
        + "Put a Flatten layer before dense1; it would give 400 features per example.", english(only(spec, 3, "dense1")));
    NetworkSpec conv = NetworkSpec.sequential("noimg", InputSpec.of(784), Conv2dSpec.of(6, 5));
    assertEquals("conv1 needs images [N, C, H, W], but input1 gives [3, 784].", english(only(conv, 3, "conv1")));
  }

  @Test
  void batchNormKeepsRunningStatisticsAsState() {
    NetworkSpec spec = NetworkSpec.sequential("bn", InputSpec.of(6, 24, 24), BatchNormSpec.DEFAULT);
    NodeShape bn = only(spec, 2, "bn1");
    assertEquals(TensorShape.of(2, 6, 24, 24), bn.output());
    assertEquals("[bn1.gamma [6], bn1.beta [6], bn1.running_mean [6], bn1.running_var [6]]", bn.parameters().toString());
    assertEquals(12, bn.parameterCount());
    assertEquals(12, bn.stateCount());
    // T = 2·6·24·24 = 6,912 values; folding the statistics costs 2 products, 2 sums, 1 root per channel
    assertEquals(new OpCount(6_924, 6_924, 0, 6), bn.ops());

    NodeShape dense = only(NetworkSpec.sequential("bn1d", InputSpec.of(120), BatchNormSpec.DEFAULT), 4, "bn1");
    assertEquals(TensorShape.of(4, 120), dense.output());
    assertEquals(240, dense.stateCount());
    NetworkSpec seq = NetworkSpec.sequential("bn3", InputSpec.of(3, 7), BatchNormSpec.DEFAULT);
    assertEquals("bn1: batch normalization needs [N, D] or [N, C, H, W], but input1 gives [1, 3, 7].",
        english(only(seq, 1, "bn1")));
  }

  @Test
  void layerNormAndActivationsCountByTheirDefinitions() {
    NodeShape ln = only(NetworkSpec.sequential("ln", InputSpec.of(4), LayerNormSpec.DEFAULT), 2, "ln1");
    // per example of 4: 3·4 + 2 = 14 products, 4·4 − 1 = 15 sums, 1 root
    assertEquals(new OpCount(28, 30, 0, 2), ln.ops());
    assertEquals("[ln1.gamma [4], ln1.beta [4]]", ln.parameters().toString());

    NodeShape softmax = only(NetworkSpec.sequential("sm", InputSpec.of(10), ActivationSpec.of(Function.SOFTMAX)), 2, "softmax1");
    assertEquals(new OpCount(20, 18, 0, 20), softmax.ops());
    NodeShape relu = only(NetworkSpec.sequential("r", InputSpec.of(10), ActivationSpec.of(Function.RELU)), 2, "relu1");
    assertEquals(new OpCount(0, 0, 20, 0), relu.ops());
    NodeShape leaky = only(NetworkSpec.sequential("r", InputSpec.of(10), ActivationSpec.of(Function.LEAKY_RELU)), 2, "leakyrelu1");
    assertEquals(new OpCount(20, 0, 20, 0), leaky.ops());
    NodeShape gap = only(NetworkSpec.sequential("g", InputSpec.of(16, 5, 5), new GlobalAvgPool2dSpec()), 2, "gap1");
    assertEquals(TensorShape.of(2, 16), gap.output());
    assertEquals(OpCount.multiplyAdd(32, 768), gap.ops());
  }

  @Test
  void addNeedsEqualShapesAndConcatEqualSpatialSizes() {
    NodeSpec input = NodeSpec.of("input1", InputSpec.of(64, 56, 56));
    NodeSpec same = NodeSpec.of("b2_conv1", Conv2dSpec.of(64, 3).withPadding(Padding.of(1)), "input1");
    NodeSpec halved = NodeSpec.of("b3_conv1", Conv2dSpec.of(128, 3).withPadding(Padding.of(1)).withStride(2), "input1");
    NodeSpec add = NodeSpec.of("add1", new AddSpec(), "b2_conv1", "input1");
    NodeSpec badAdd = NodeSpec.of("add2", new AddSpec(), "b3_conv1", "input1");
    NodeSpec concat = NodeSpec.of("concat1", new ConcatSpec(), "b2_conv1", "input1", "add1");
    NodeSpec badConcat = NodeSpec.of("concat2", new ConcatSpec(), "b2_conv1", "b3_conv1");
    InferredNetwork net = ShapeInference.infer(
        NetworkSpec.of("merge", List.of(input, same, halved, add, badAdd, concat, badConcat)), 1);
    NodeShape sum = net.node("add1").orElseThrow();
    assertEquals(TensorShape.of(1, 64, 56, 56), sum.output());
    assertEquals(OpCount.multiplyAdd(0, 64 * 56 * 56), sum.ops());
    assertEquals("add2: the inputs of an addition must have the same shape, but b3_conv1 gives [1, 128, 28, 28] "
        + "and input1 gives [1, 64, 56, 56]. On a residual shortcut, a 1x1 convolution can match them.",
        english(net.node("add2").orElseThrow()));
    assertEquals(TensorShape.of(1, 192, 56, 56), net.outputShape("concat1"));
    assertEquals("concat2: concatenation joins channels, so height and width must agree, but b2_conv1 gives "
        + "[1, 64, 56, 56] and b3_conv1 gives [1, 128, 28, 28].", english(net.node("concat2").orElseThrow()));
  }

  @Test
  void outputsCheckTheirLoss() {
    NetworkSpec one = NetworkSpec.sequential("one", InputSpec.of(12), DenseSpec.of(1), new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY));
    assertEquals("output1: softmax cross-entropy needs class scores [N, K] with at least 2 classes, but dense1 gives [5, 1].",
        english(only(one, 5, "output1")));
    NetworkSpec regression = NetworkSpec.sequential("lr", InputSpec.of(12), DenseSpec.of(1), new OutputSpec(Loss.MSE));
    assertTrue(ShapeInference.infer(regression, 5).isComplete());
    assertEquals(13, ShapeInference.infer(regression, 5).parameterCount());
    NetworkSpec images = NetworkSpec.sequential("img", InputSpec.of(1, 4, 4), new OutputSpec(Loss.MSE));
    assertEquals("spec.shape.mseNeedsFlat", only(images, 1, "output1").problem().key());
  }

  @Test
  void structuralErrorsMarkTheirNodesAndBlockWhatFollows() {
    NetworkSpec spec = NetworkSpec.of("broken", List.of(
        NodeSpec.of("input1", InputSpec.of(8)),
        NodeSpec.of("dense1", DenseSpec.of(8), "input1"),
        NodeSpec.of("add1", new AddSpec(), "dense1", "dense2"),
        NodeSpec.of("dense2", DenseSpec.of(8), "add1"),
        NodeSpec.of("dense3", DenseSpec.of(2), "dense2"),
        NodeSpec.of("dense4", DenseSpec.of(2), "ghost"),
        NodeSpec.of("output1", new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY), "dense3")));
    InferredNetwork net = ShapeInference.infer(spec, 1);
    assertEquals(Status.OK, net.node("dense1").orElseThrow().status());
    assertEquals("spec.validate.cycle", net.node("add1").orElseThrow().problem().key());
    assertEquals(Status.ERROR, net.node("dense2").orElseThrow().status());
    assertEquals(Status.BLOCKED, net.node("dense3").orElseThrow().status());
    assertEquals(Status.BLOCKED, net.node("output1").orElseThrow().status());
    assertEquals("spec.validate.danglingInput", net.node("dense4").orElseThrow().problem().key());
    assertEquals(7, net.nodes().size());
    assertThrows(SpecException.class, net::requireComplete);
    assertEquals("spec.shape.badBatch", assertThrows(SpecException.class, () -> ShapeInference.infer(spec, 0)).key());
  }

  @Test
  void shapesAreInDataFlowOrderWhateverTheDeclarationOrder() {
    NetworkSpec shuffled = NetworkSpec.of("shuffled", List.of(
        NodeSpec.of("output1", new OutputSpec(Loss.MSE), "dense1"),
        NodeSpec.of("dense1", DenseSpec.of(1), "input1"),
        NodeSpec.of("input1", InputSpec.of(12))));
    assertEquals(List.of("input1", "dense1", "output1"),
        ShapeInference.require(shuffled, 3).nodes().stream().map(NodeShape::id).toList());
  }
}
