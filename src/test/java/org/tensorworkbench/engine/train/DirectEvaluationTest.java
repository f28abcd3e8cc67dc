package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.direct.DirectTrainer;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.Templates;

/**
 * The test split measured through the direct path's forward pass gives what SameDiff's inference
 * gives: the MLP and LeNet on 300 MNIST test images, in chunks that leave a shorter last one.
 */
class DirectEvaluationTest {

  @Test
  void directForwardMeasuresAsSameDiff() {
    Dataset mnist = new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")))
        .load(DatasetRegistry.MNIST, DatasetOptions.defaults().withLimit(100).withTestLimit(300));
    for (String model : List.of("mlp", "lenet")) {
      CompiledNetwork net = NetworkCompiler.compile(Templates.load(model).withInputShape(List.of(1, 28, 28)),
          CompileOptions.defaults().withSeed(4));
      DirectTrainer direct = DirectTrainer.of(net).orElseThrow();
      ClassificationEvaluation viaSameDiff = (ClassificationEvaluation) Evaluator.evaluate(net, mnist.test());
      ClassificationEvaluation viaDirect = (ClassificationEvaluation) Evaluator.evaluate(mnist.test(), net.loss(), 128,
          net.dataType(), direct::forward);
      direct.release();
      assertTrue(viaSameDiff.loss() > 0.5, model + " untrained loss " + viaSameDiff.loss());
      assertEquals(viaSameDiff.loss(), viaDirect.loss(), 1e-5 * viaSameDiff.loss(), model);
      assertEquals(viaSameDiff.accuracy(), viaDirect.accuracy(), 1.0 / 300 + 1e-12, model);
    }
  }
}
