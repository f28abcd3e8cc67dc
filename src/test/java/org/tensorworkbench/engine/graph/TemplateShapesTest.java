package org.tensorworkbench.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeShape;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.spec.Templates;

/** The shapes SameDiff really produces equal those ShapeInference promises, for every template. */
class TemplateShapesTest {
  private static final int BATCH = 2;

  static java.util.List<String> templates() {
    return Templates.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void everyNodeHasTheInferredShapeAndParameterCount(String name) {
    NetworkSpec spec = Templates.load(name);
    InferredNetwork inferred = ShapeInference.require(spec, BATCH);
    CompiledNetwork net = NetworkCompiler.compile(spec);
    INDArray x = Nd4j.rand(DataType.FLOAT, inferredInputShape(inferred));
    Map<String, INDArray> activations = net.activations(x, net.activationNames().keySet());
    for (String id : net.activationNames().keySet()) {
      assertArrayEquals(inferred.outputShape(id).toLongArray(), activations.get(id).shape(), name + ": " + id);
    }
    assertEquals(inferred.parameterCount(), net.parameterCount(), name + ": trainable parameters");
  }

  private static long[] inferredInputShape(InferredNetwork inferred) {
    NodeShape input = inferred.nodes().stream()
        .filter(n -> n.layer() instanceof org.tensorworkbench.engine.spec.InputSpec).findFirst().orElseThrow();
    return input.output().toLongArray();
  }
}
