package org.tensorworkbench.engine.export;

import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.AddSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.ConcatSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.GlobalAvgPool2dSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Size2;

/** Networks that use every layer of the palette and every option the exporters translate. */
final class PaletteNetworks {
  private PaletteNetworks() {}

  /**
   * A 28x28 classifier: "same" padding with stride, convolutions without bias,
   * BatchNorm on images and on vectors, LeakyReLU, max pooling with "same" padding, a channel
   * Concat, a three-way Add, Tanh, average pooling with explicit and with "same" padding,
   * LayerNorm, GELU, global average pooling, Flatten, a flat Concat, ReLU, Sigmoid, Dropout.
   */
  static NetworkSpec imageClassifier() {
    return NetworkSpec.of("every layer", java.util.List.of(
        NodeSpec.of("input", InputSpec.of(1, 28, 28)),
        NodeSpec.of("c0", new Conv2dSpec(4, Size2.of(3), Size2.of(1), Padding.of(1), Size2.of(1), false, null), "input"),
        NodeSpec.of("c1", new Conv2dSpec(4, Size2.of(3), Size2.of(2), Padding.SAME, Size2.of(1), true, null), "c0"),
        NodeSpec.of("bn1", BatchNormSpec.DEFAULT, "c1"),
        NodeSpec.of("a1", new ActivationSpec(Function.LEAKY_RELU, 0.1), "bn1"),
        NodeSpec.of("p1", new MaxPool2dSpec(Size2.of(3), Size2.of(2), Padding.SAME), "a1"),
        NodeSpec.of("c2a", Conv2dSpec.of(3, 1), "p1"),
        NodeSpec.of("c2b", Conv2dSpec.of(3, 3).withPadding(Padding.of(1)), "p1"),
        NodeSpec.of("cat", new ConcatSpec(), "c2a", "c2b"),
        NodeSpec.of("c3", Conv2dSpec.of(6, 3).withPadding(Padding.of(1)), "cat"),
        NodeSpec.of("c4", Conv2dSpec.of(6, 1).withBias(false), "cat"),
        NodeSpec.of("sum", new AddSpec(), "cat", "c3", "c4"),
        NodeSpec.of("t1", ActivationSpec.of(Function.TANH), "sum"),
        NodeSpec.of("p2", AvgPool2dSpec.of(3, 1).withPadding(Padding.of(1)), "t1"),
        NodeSpec.of("p3", AvgPool2dSpec.of(3, 1).withPadding(Padding.SAME), "p2"),
        NodeSpec.of("ln", LayerNormSpec.DEFAULT, "p3"),
        NodeSpec.of("g1", ActivationSpec.of(Function.GELU), "ln"),
        NodeSpec.of("gap", new GlobalAvgPool2dSpec(), "g1"),
        NodeSpec.of("flat", new FlattenSpec(), "g1"),
        NodeSpec.of("joined", new ConcatSpec(), "gap", "flat"),
        NodeSpec.of("d1", DenseSpec.of(32), "joined"),
        NodeSpec.of("bn2", BatchNormSpec.DEFAULT, "d1"),
        NodeSpec.of("r1", ActivationSpec.of(Function.RELU), "bn2"),
        NodeSpec.of("s1", ActivationSpec.of(Function.SIGMOID), "r1"),
        NodeSpec.of("drop", new DropoutSpec(0.3), "s1"),
        NodeSpec.of("d2", new DenseSpec(10, false, null), "drop"),
        NodeSpec.of("output", new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY), "d2")));
  }

  /**
   * Dilated convolutions, with explicit and with "same" padding and a stride. The engine's oneDNN
   * build cannot run them in M2.1 ("could not create a descriptor for a dilated convolution
   * forward propagation primitive"), so only ONNX Runtime runs this one.
   */
  static NetworkSpec dilated() {
    return NetworkSpec.sequential("dilated", InputSpec.of(1, 28, 28),
        new Conv2dSpec(4, Size2.of(3), Size2.of(1), Padding.of(2), Size2.of(2), true, null),
        new Conv2dSpec(4, Size2.of(3), Size2.of(1), Padding.SAME, Size2.of(2), false, null),
        new Conv2dSpec(4, new Size2(3, 2), Size2.of(2), Padding.SAME, new Size2(2, 3), true, null),
        new FlattenSpec(), DenseSpec.of(10), new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
  }

  /** A regression on the 12 housing features with LayerNorm and GELU on vectors and a softmax activation. */
  static NetworkSpec tableRegression() {
    return NetworkSpec.sequential("vector layers", InputSpec.of(12), DenseSpec.of(8), LayerNormSpec.DEFAULT,
        ActivationSpec.of(Function.GELU), DenseSpec.of(4), ActivationSpec.of(Function.SOFTMAX), DenseSpec.of(1),
        new OutputSpec(OutputSpec.Loss.MSE));
  }
}
