package org.tensorworkbench.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;

/** Small networks for the trainer's tests. */
final class TestNetworks {
  private TestNetworks() {}

  /** (Flatten +) one dense layer with softmax cross-entropy: softmax regression (d2l 4.1). */
  static CompiledNetwork softmaxRegression(int[] exampleShape, int classes, long seed) {
    List<LayerSpec> layers = new ArrayList<>();
    Integer[] shape = new Integer[exampleShape.length];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = exampleShape[i];
    }
    layers.add(InputSpec.of(shape));
    if (exampleShape.length > 1) {
      layers.add(new FlattenSpec());
    }
    layers.add(DenseSpec.of(classes));
    layers.add(new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY));
    NetworkSpec spec = NetworkSpec.sequential("softmax regression", layers.toArray(LayerSpec[]::new));
    return NetworkCompiler.compile(spec, CompileOptions.defaults().withSeed(seed));
  }

  /** One dense unit with squared loss: linear regression (d2l 3.1). */
  static CompiledNetwork linearRegression(int features, long seed) {
    NetworkSpec spec = NetworkSpec.sequential("linear regression", InputSpec.of(features), DenseSpec.of(1),
        new OutputSpec(OutputSpec.Loss.MSE));
    return NetworkCompiler.compile(spec, CompileOptions.defaults().withSeed(seed));
  }
}
