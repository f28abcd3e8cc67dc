package org.tensorworkbench.engine.spec;

import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.OutputSpec.Loss;

/**
 * The modern convolutional networks of d2l chapter 8 as network specs, each in d2l's version for
 * single-channel Fashion-MNIST (224x224, or 96x96 for GoogLeNet and ResNet) and in a "mini"
 * version that trains on 28x28 images on a laptop CPU. The minis keep each design's idea (deep
 * 3x3 stacks, 1x1 "network in network" convolutions, Inception branches, residual shortcuts)
 * with fewer channels and blocks; each method says what was cut.
 */
final class ModernCnns {
  private static final ActivationSpec RELU = ActivationSpec.of(Function.RELU);

  private ModernCnns() {}

  private static Conv2dSpec conv(int channels, int kernel, int stride, int padding) {
    return Conv2dSpec.of(channels, kernel).withStride(stride).withPadding(Padding.of(padding));
  }

  private static MaxPool2dSpec maxPool(int window, int stride, int padding) {
    return MaxPool2dSpec.of(window, stride).withPadding(Padding.of(padding));
  }

  private static void classifier(NetworkSketch s, int hidden, int classes) {
    s.then("flatten", new FlattenSpec());
    for (int i = 1; i <= 2; i++) {
      s.then("fc" + i, DenseSpec.of(hidden));
      s.then("fc" + i + "_relu", RELU);
      s.then("fc" + i + "_dropout", new DropoutSpec(0.5));
    }
    s.then("fc3", DenseSpec.of(classes));
    s.then("output", new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY));
  }

  /** d2l 8.1: five convolutions (11x11 stride 4 first), three max pools, two 4096-unit layers with dropout. */
  static NetworkSpec alexNet() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 224, 224));
    alexFeatures(s, conv(96, 11, 4, 1), conv(256, 5, 1, 2), maxPool(3, 2, 0), 384, 384, 256);
    classifier(s, 4096, 10);
    return s.build("AlexNet");
  }

  /**
   * AlexNet for 28x28: the same five convolutions, three pools and dropout classifier, with
   * 3x3 kernels (an 11x11 stride-4 kernel would leave almost nothing of a 28x28 image), 2x2
   * early pools, channels 32-64-96-96-64 and 256-unit hidden layers (28 -> 14 -> 7 -> 3).
   */
  static NetworkSpec alexNetMini() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 28, 28));
    alexFeatures(s, conv(32, 3, 1, 1), conv(64, 3, 1, 1), MaxPool2dSpec.of(2), 96, 96, 64);
    classifier(s, 256, 10);
    return s.build("AlexNet mini");
  }

  private static void alexFeatures(NetworkSketch s, Conv2dSpec first, Conv2dSpec second, MaxPool2dSpec earlyPool,
      int... later) {
    s.then("conv1", first);
    s.then("relu1", RELU);
    s.then("pool1", earlyPool);
    s.then("conv2", second);
    s.then("relu2", RELU);
    s.then("pool2", earlyPool);
    for (int i = 0; i < later.length; i++) {
      s.then("conv" + (i + 3), conv(later[i], 3, 1, 1));
      s.then("relu" + (i + 3), RELU);
    }
    s.then("pool3", maxPool(3, 2, 0));
  }

  /** d2l 8.2, VGG-11: blocks of (1, 64), (1, 128), (2, 256), (2, 512), (2, 512) 3x3 convolutions, each ending in a 2x2 max pool. */
  static NetworkSpec vgg11() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 224, 224));
    vggBlocks(s, new int[][] {{1, 64}, {1, 128}, {2, 256}, {2, 512}, {2, 512}});
    classifier(s, 4096, 10);
    return s.build("VGG-11");
  }

  /**
   * VGG for 28x28: four blocks (1, 16), (1, 32), (2, 64), (2, 128), since a fifth 2x2 pool
   * would shrink 28 -> 14 -> 7 -> 3 -> 1 to nothing, and 256-unit hidden layers.
   */
  static NetworkSpec vgg11Mini() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 28, 28));
    vggBlocks(s, new int[][] {{1, 16}, {1, 32}, {2, 64}, {2, 128}});
    classifier(s, 256, 10);
    return s.build("VGG-11 mini");
  }

  private static void vggBlocks(NetworkSketch s, int[][] arch) {
    for (int b = 1; b <= arch.length; b++) {
      for (int c = 1; c <= arch[b - 1][0]; c++) {
        s.then("b" + b + "_conv" + c, conv(arch[b - 1][1], 3, 1, 1));
        s.then("b" + b + "_relu" + c, RELU);
      }
      s.then("b" + b + "_pool", MaxPool2dSpec.of(2));
    }
  }

  /** d2l 8.3: four NiN blocks (a convolution and two 1x1 convolutions), max pools, dropout, global average pooling to 10 classes. */
  static NetworkSpec nin() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 224, 224));
    ninBlock(s, "nin1", conv(96, 11, 4, 0));
    s.then("pool1", maxPool(3, 2, 0));
    ninBlock(s, "nin2", conv(256, 5, 1, 2));
    s.then("pool2", maxPool(3, 2, 0));
    ninBlock(s, "nin3", conv(384, 3, 1, 1));
    s.then("pool3", maxPool(3, 2, 0));
    s.then("dropout", new DropoutSpec(0.5));
    ninBlock(s, "nin4", conv(10, 3, 1, 1));
    s.then("gap", new GlobalAvgPool2dSpec());
    s.then("output", new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY));
    return s.build("NiN");
  }

  /** NiN for 28x28: the same four blocks with a 5x5 stride-1 first kernel and 32-64-96 channels (28 -> 13 -> 6 -> 2 before the classes). */
  static NetworkSpec ninMini() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 28, 28));
    ninBlock(s, "nin1", conv(32, 5, 1, 2));
    s.then("pool1", maxPool(3, 2, 0));
    ninBlock(s, "nin2", conv(64, 3, 1, 1));
    s.then("pool2", maxPool(3, 2, 0));
    ninBlock(s, "nin3", conv(96, 3, 1, 1));
    s.then("pool3", maxPool(3, 2, 0));
    s.then("dropout", new DropoutSpec(0.5));
    ninBlock(s, "nin4", conv(10, 3, 1, 1));
    s.then("gap", new GlobalAvgPool2dSpec());
    s.then("output", new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY));
    return s.build("NiN mini");
  }

  private static void ninBlock(NetworkSketch s, String name, Conv2dSpec first) {
    s.then(name + "_conv1", first);
    s.then(name + "_relu1", RELU);
    s.then(name + "_conv2", Conv2dSpec.of(first.outChannels(), 1));
    s.then(name + "_relu2", RELU);
    s.then(name + "_conv3", Conv2dSpec.of(first.outChannels(), 1));
    s.then(name + "_relu3", RELU);
  }

  /** d2l 8.4 on 96x96: stem b1, b2, then Inception 3a-3b, 4a-4e, 5a-5b between max pools, global average pooling, dense 10. */
  static NetworkSpec googLeNet() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 96, 96));
    s.then("b1_conv", conv(64, 7, 2, 3));
    s.then("b1_relu", RELU);
    s.then("b1_pool", maxPool(3, 2, 1));
    s.then("b2_conv1", Conv2dSpec.of(64, 1));
    s.then("b2_relu1", RELU);
    s.then("b2_conv2", conv(192, 3, 1, 1));
    s.then("b2_relu2", RELU);
    s.then("b2_pool", maxPool(3, 2, 1));
    inception(s, "inception3a", 64, 96, 128, 16, 32, 32);
    inception(s, "inception3b", 128, 128, 192, 32, 96, 64);
    s.then("b3_pool", maxPool(3, 2, 1));
    inception(s, "inception4a", 192, 96, 208, 16, 48, 64);
    inception(s, "inception4b", 160, 112, 224, 24, 64, 64);
    inception(s, "inception4c", 128, 128, 256, 24, 64, 64);
    inception(s, "inception4d", 112, 144, 288, 32, 64, 64);
    inception(s, "inception4e", 256, 160, 320, 32, 128, 128);
    s.then("b4_pool", maxPool(3, 2, 1));
    inception(s, "inception5a", 256, 160, 320, 32, 128, 128);
    inception(s, "inception5b", 384, 192, 384, 48, 128, 128);
    s.then("gap", new GlobalAvgPool2dSpec());
    s.then("fc", DenseSpec.of(10));
    s.then("output", new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY));
    return s.build("GoogLeNet");
  }

  /**
   * GoogLeNet for 28x28: a 3x3 stem, Inception 3a, 3b and 4a with d2l's channel counts divided
   * by 4 (3a: 16, 24-32, 4-8, 8), and global average pooling straight after 4a (4b-5b dropped).
   */
  static NetworkSpec googLeNetMini() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 28, 28));
    s.then("b1_conv", conv(32, 3, 1, 1));
    s.then("b1_relu", RELU);
    s.then("b1_pool", maxPool(3, 2, 1));
    s.then("b2_conv1", Conv2dSpec.of(32, 1));
    s.then("b2_relu1", RELU);
    s.then("b2_conv2", conv(64, 3, 1, 1));
    s.then("b2_relu2", RELU);
    s.then("b2_pool", maxPool(3, 2, 1));
    inception(s, "inception3a", 16, 24, 32, 4, 8, 8);
    inception(s, "inception3b", 32, 32, 48, 8, 24, 16);
    s.then("b3_pool", maxPool(3, 2, 1));
    inception(s, "inception4a", 48, 24, 52, 4, 12, 16);
    s.then("gap", new GlobalAvgPool2dSpec());
    s.then("fc", DenseSpec.of(10));
    s.then("output", new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY));
    return s.build("GoogLeNet mini");
  }

  /**
   * An Inception block (d2l 8.4): four branches from the same input, concatenated along the
   * channels: p1 a 1x1 convolution; p2 1x1 then 3x3; p3 1x1 then 5x5; p4 a 3x3 max pool then 1x1.
   */
  private static void inception(NetworkSketch s, String name, int c1, int c2a, int c2b, int c3a, int c3b, int c4) {
    String in = s.last();
    String p1 = convRelu(s, name + "_p1", 1, Conv2dSpec.of(c1, 1));
    s.from(in);
    convRelu(s, name + "_p2", 1, Conv2dSpec.of(c2a, 1));
    String p2 = convRelu(s, name + "_p2", 2, conv(c2b, 3, 1, 1));
    s.from(in);
    convRelu(s, name + "_p3", 1, Conv2dSpec.of(c3a, 1));
    String p3 = convRelu(s, name + "_p3", 2, conv(c3b, 5, 1, 2));
    s.from(in);
    s.then(name + "_p4_pool", maxPool(3, 1, 1));
    String p4 = convRelu(s, name + "_p4", 1, Conv2dSpec.of(c4, 1));
    s.node(name, new ConcatSpec(), p1, p2, p3, p4);
  }

  /** Adds prefix_conv{n} and prefix_relu{n} after the current node; returns the ReLU's id. */
  private static String convRelu(NetworkSketch s, String prefix, int n, Conv2dSpec conv) {
    s.then(prefix + "_conv" + n, conv);
    return s.then(prefix + "_relu" + n, RELU);
  }

  /** d2l 8.6, ResNet-18 on 96x96: a 7x7 stem with BatchNorm and max pool, four stages of two residual blocks (64, 128, 256, 512 channels), global average pooling, dense 10. */
  static NetworkSpec resNet18() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 96, 96));
    s.then("b1_conv", conv(64, 7, 2, 3));
    s.then("b1_bn", BatchNormSpec.DEFAULT);
    s.then("b1_relu", RELU);
    s.then("b1_pool", maxPool(3, 2, 1));
    int[] channels = {64, 128, 256, 512};
    for (int stage = 0; stage < channels.length; stage++) {
      for (int r = 1; r <= 2; r++) {
        boolean downsample = stage > 0 && r == 1;
        residual(s, "b" + (stage + 2) + "_r" + r, channels[stage], downsample);
      }
    }
    resNetHead(s);
    return s.build("ResNet-18");
  }

  /**
   * ResNet for 28x28: a 3x3 stem with BatchNorm and no max pool, four stages of ONE residual
   * block each (16, 32, 64, 128 channels; 28 -> 28 -> 14 -> 7 -> 4), global average pooling.
   */
  static NetworkSpec resNet18Mini() {
    NetworkSketch s = new NetworkSketch();
    s.then("input", InputSpec.of(1, 28, 28));
    s.then("b1_conv", conv(16, 3, 1, 1));
    s.then("b1_bn", BatchNormSpec.DEFAULT);
    s.then("b1_relu", RELU);
    int[] channels = {16, 32, 64, 128};
    for (int stage = 0; stage < channels.length; stage++) {
      residual(s, "b" + (stage + 2) + "_r1", channels[stage], stage > 0);
    }
    resNetHead(s);
    return s.build("ResNet-18 mini");
  }

  private static void resNetHead(NetworkSketch s) {
    s.then("gap", new GlobalAvgPool2dSpec());
    s.then("fc", DenseSpec.of(10));
    s.then("output", new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY));
  }

  /**
   * d2l's {@code Residual}: conv 3x3 (stride 2 when downsampling), BN, ReLU, conv 3x3, BN, plus
   * the input, ReLU. When the block halves the size and changes the channels, the shortcut is a
   * 1x1 convolution with the same stride so the shapes of the sum agree.
   */
  private static void residual(NetworkSketch s, String name, int channels, boolean downsample) {
    String in = s.last();
    int stride = downsample ? 2 : 1;
    s.then(name + "_conv1", conv(channels, 3, stride, 1));
    s.then(name + "_bn1", BatchNormSpec.DEFAULT);
    s.then(name + "_relu1", RELU);
    s.then(name + "_conv2", conv(channels, 3, 1, 1));
    String main = s.then(name + "_bn2", BatchNormSpec.DEFAULT);
    String shortcut = downsample ? s.node(name + "_shortcut", Conv2dSpec.of(channels, 1).withStride(2), in) : in;
    s.node(name + "_add", new AddSpec(), main, shortcut);
    s.then(name + "_relu2", RELU);
  }
}
