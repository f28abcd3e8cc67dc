package org.tensorworkbench.engine.lab.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;

/**
 * One meaning of the network: the design handed to the builder, compiled by SameDiff with the
 * Playground's weights, gives the same probabilities and the same gradients as the DenseStack.
 */
class SameDiffAgreementTest {

  @Test
  void compiledDesignAgreesWithTheStack() {
    for (Activation activation : Activation.values()) {
      NetworkSettings settings = new NetworkSettings(List.of(5, 4), activation,
          List.of(InputFeature.X1, InputFeature.X2, InputFeature.X1_X2));
      DenseStack stack = new DenseStack(settings.sizes(3), activation, Initialization.HE, 21);
      for (int l = 0; l < stack.layerCount(); l++) {
        for (int i = 0; i < stack.biases(l).length; i++) {
          stack.biases(l)[i] = 0.1 * (i - 1);
        }
      }
      NetworkSpec spec = PlaygroundNetwork.spec(settings, 3, 0);
      CompiledNetwork compiled = NetworkCompiler.compile(spec, CompileOptions.defaults().withDataType(DataType.DOUBLE));
      List<String> dense = spec.nodes().stream().filter(n -> n.layer() instanceof DenseSpec).map(n -> n.id()).toList();
      assertEquals(3, dense.size());
      for (int l = 0; l < 3; l++) {
        int[] s = stack.sizes();
        compiled.sameDiff().getArrForVarName(GraphNames.weights(dense.get(l)))
            .assign(Nd4j.create(stack.weights(l), new long[] {s[l], s[l + 1]}, DataType.DOUBLE));
        compiled.sameDiff().getArrForVarName(GraphNames.bias(dense.get(l)))
            .assign(Nd4j.create(stack.biases(l), new long[] {s[l + 1]}, DataType.DOUBLE));
      }
      double[] x = new double[6 * 3]; // [N, F]
      for (int i = 0; i < 6; i++) {
        double x1 = -1 + 0.4 * i;
        double x2 = 0.7 - 0.3 * i;
        x[3 * i] = x1;
        x[3 * i + 1] = x2;
        x[3 * i + 2] = x1 * x2;
      }
      int[] labels = {0, 1, 2, 2, 1, 0};
      INDArray input = Nd4j.create(x, new long[] {6, 3}, DataType.DOUBLE);
      double[] probabilities = compiled.predict(input).data().asDouble();
      DenseStack.Pass pass = stack.forward(x, 6);
      double[] mine = Losses.softmax(pass.output(), 6, 3);
      for (int i = 0; i < mine.length; i++) {
        assertEquals(mine[i], probabilities[i], 1e-10, activation + " probability " + i);
      }
      INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, 6, 3);
      for (int i = 0; i < 6; i++) {
        oneHot.putScalar(i, labels[i], 1);
      }
      double[] dOut = new double[18];
      Losses.crossEntropy(pass.output(), labels, new int[] {0, 1, 2, 3, 4, 5}, 3, dOut);
      DenseStack.Gradients g = stack.backward(pass, dOut);
      List<String> names = dense.stream().flatMap(id -> java.util.stream.Stream.of(GraphNames.weights(id),
          GraphNames.bias(id))).toList();
      Map<String, INDArray> sd = compiled.sameDiff().calculateGradients(
          Map.of(GraphNames.INPUT, input, GraphNames.LABELS, oneHot), names);
      for (int l = 0; l < 3; l++) {
        double[] w = sd.get(GraphNames.weights(dense.get(l))).data().asDouble();
        double[] b = sd.get(GraphNames.bias(dense.get(l))).data().asDouble();
        for (int i = 0; i < w.length; i++) {
          assertEquals(w[i], g.weights()[l][i], 1e-9, activation + " dW" + l + "[" + i + "]");
        }
        for (int i = 0; i < b.length; i++) {
          assertEquals(b[i], g.biases()[l][i], 1e-9, activation + " db" + l + "[" + i + "]");
        }
      }
    }
  }
}
