package org.tensorworkbench.engine.spec;

import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.OutputSpec.Loss;

/** The networks of d2l chapters 3 to 8.5 that are a plain chain of layers, plus a small CIFAR-10 CNN. */
final class BasicNetworks {
  /** The house-price CSV of datasets/housing has 12 features (the original 13 without column B). */
  static final int HOUSING_FEATURES = 12;

  private static final ActivationSpec SIGMOID = ActivationSpec.of(Function.SIGMOID);
  private static final ActivationSpec RELU = ActivationSpec.of(Function.RELU);
  private static final OutputSpec CROSS_ENTROPY = new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY);
  /** Xavier uniform with the bound doubled: the start of LeNet's sigmoid layers (see {@link #leNet}). */
  static final Initializer SIGMOID_GAIN = Initializer.xavier(2);

  private BasicNetworks() {}

  /** d2l 3.4: ŷ = Xw + b on the 12 house features, weights from N(0, 0.01²), squared loss. */
  static NetworkSpec linearRegression() {
    return NetworkSpec.sequential("Linear regression",
        InputSpec.of(HOUSING_FEATURES), new DenseSpec(1, true, Initializer.normal(0.01)), new OutputSpec(Loss.MSE));
  }

  /** d2l 4.4: a 28x28 image flattened to 784 values, one linear layer to 10 class scores, weights N(0, 0.01²). */
  static NetworkSpec softmaxRegression() {
    return NetworkSpec.sequential("Softmax regression",
        InputSpec.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10, true, Initializer.normal(0.01)), CROSS_ENTROPY);
  }

  /** d2l 5.2: 784 inputs, one hidden layer of 256 ReLU units, 10 outputs. */
  static NetworkSpec mlp() {
    return NetworkSpec.sequential("MLP",
        InputSpec.of(1, 28, 28), new FlattenSpec(), DenseSpec.of(256), RELU, DenseSpec.of(10), CROSS_ENTROPY);
  }

  /**
   * d2l 7.6's layers: [1, 6, 28, 28] -> [1, 6, 14, 14] -> [1, 16, 10, 10] -> [1, 16, 5, 5] -> 120
   * -> 84 -> 10. d2l starts every weight Xavier-uniform (gain 1); here the bound is doubled
   * ({@link #SIGMOID_GAIN}): with gain 1 the four sigmoid layers shrink the signal so much that
   * d2l's recipe (SGD, η = 0.9, batch 256) spends about 200 minibatches at loss ln 10, so 10
   * epochs of a 5,000-image subset end with 0.23-0.27 test accuracy; with gain 2 the loss leaves
   * ln 10 within the first few dozen minibatches (0.62-0.64, README "Recipes").
   */
  static NetworkSpec leNet() {
    return NetworkSpec.sequential("LeNet",
        InputSpec.of(1, 28, 28),
        Conv2dSpec.of(6, 5).withPadding(Padding.of(2)).withInit(SIGMOID_GAIN), SIGMOID, AvgPool2dSpec.of(2),
        Conv2dSpec.of(16, 5).withInit(SIGMOID_GAIN), SIGMOID, AvgPool2dSpec.of(2),
        new FlattenSpec(),
        new DenseSpec(120, true, SIGMOID_GAIN), SIGMOID,
        new DenseSpec(84, true, SIGMOID_GAIN), SIGMOID,
        new DenseSpec(10, true, SIGMOID_GAIN), CROSS_ENTROPY);
  }

  /**
   * d2l 8.5: LeNet with batch normalization after every convolution and hidden dense layer,
   * before the sigmoid. As in d2l (and bench/torch_reference.py) the first convolution has no
   * padding, so the flattened features are 16·4·4 = 256.
   */
  static NetworkSpec leNetBatchNorm() {
    return NetworkSpec.sequential("LeNet with BatchNorm",
        InputSpec.of(1, 28, 28),
        Conv2dSpec.of(6, 5), BatchNormSpec.DEFAULT, SIGMOID, AvgPool2dSpec.of(2),
        Conv2dSpec.of(16, 5), BatchNormSpec.DEFAULT, SIGMOID, AvgPool2dSpec.of(2),
        new FlattenSpec(),
        DenseSpec.of(120), BatchNormSpec.DEFAULT, SIGMOID,
        DenseSpec.of(84), BatchNormSpec.DEFAULT, SIGMOID,
        DenseSpec.of(10), CROSS_ENTROPY);
  }

  /**
   * A small CNN for 3x32x32 colour images (CIFAR-10): three stages of a 3x3 convolution
   * (32, 64, 128 channels, padding 1), ReLU and 2x2 max pool (32 -> 16 -> 8 -> 4), then
   * 2048 -> 256 -> 10 with dropout 0.5 between the two dense layers.
   */
  static NetworkSpec cifar10Cnn() {
    return NetworkSpec.sequential("CIFAR-10 CNN",
        InputSpec.of(3, 32, 32),
        Conv2dSpec.of(32, 3).withPadding(Padding.of(1)), RELU, MaxPool2dSpec.of(2),
        Conv2dSpec.of(64, 3).withPadding(Padding.of(1)), RELU, MaxPool2dSpec.of(2),
        Conv2dSpec.of(128, 3).withPadding(Padding.of(1)), RELU, MaxPool2dSpec.of(2),
        new FlattenSpec(),
        DenseSpec.of(256), RELU, new DropoutSpec(0.5),
        DenseSpec.of(10), CROSS_ENTROPY);
  }
}
