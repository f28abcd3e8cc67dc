package org.tensorworkbench.ui.insight;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.inspect.ModelInspector;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.SessionState;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingSession;

/** Data, networks and a same-thread {@link ModelAccess} for the insight tests. */
final class InsightFixtures {
  private InsightFixtures() {}

  static Dataset load(String name, int trainLimit, int testLimit) {
    return new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")))
        .load(name, DatasetOptions.defaults().withLimit(trainLimit).withTestLimit(testLimit));
  }

  static CompiledNetwork compile(String template, long seed) {
    return NetworkCompiler.compile(Templates.load(template), CompileOptions.defaults().withSeed(seed));
  }

  /** {@code template} trained with SGD on {@code data} for {@code epochs} epochs by a real training session. */
  static CompiledNetwork trained(String template, Dataset data, int epochs, double learningRate) throws Exception {
    CompiledNetwork network = compile(template, 1);
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(50).withEpochs(epochs)
        .withLearningRate(learningRate);
    TrainingSession session = new TrainingSession(network, data.train(), data.test(), config,
        SessionOptions.quiet(), event -> { });
    session.start();
    if (!session.awaitEnd(120, TimeUnit.SECONDS) || session.state() != SessionState.FINISHED) {
      throw new IllegalStateException("training did not finish: " + session.state());
    }
    session.close();
    return network;
  }

  /** Runs the work at once on the calling thread, as the training thread would between two minibatches. */
  static ModelAccess direct(ModelInspector inspector) {
    return new ModelAccess() {
      @Override
      public <T> CompletableFuture<T> withInspector(Function<ModelInspector, T> work) {
        try {
          return CompletableFuture.completedFuture(work.apply(inspector));
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
    };
  }
}
