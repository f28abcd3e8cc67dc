package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.spec.Templates;

/**
 * Each classification template that trains on the shipped 28x28 data learns with its recipe's
 * optimizer and learning rate: on 1,024 Fashion-MNIST images in minibatches of 32 (so that a
 * short run takes enough steps), its accuracy on 512 test images beats chance (0.1) by at least
 * 15 points. The "-mini" CNNs are in {@link RecipesLearnMiniNetworksTest}. Plain LeNet is not
 * here: its sigmoids need about 250 minibatches of 256 (most of a full epoch) before the loss
 * leaves ln 10, and 12 epochs of this subset left it at 0.12; the README reports its full run.
 * The full-size chapter-8 networks need 224x224 (96x96) inputs and the CIFAR-10 CNN needs
 * CIFAR-10, which is not shipped.
 */
class RecipesLearnTest {
  private static final DatasetRegistry REGISTRY =
      new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")));
  private static final DatasetOptions SUBSET = DatasetOptions.defaults().withLimit(1024).withTestLimit(512);

  @ParameterizedTest(name = "{0}")
  @CsvSource({"softmax-regression, 1", "mlp, 1", "lenet-bn, 1"})
  void theRecipeBeatsChanceOnASmallSubset(String template, int epochs) throws Exception {
    double accuracy = trainOnSubset(template, epochs);
    assertTrue(accuracy >= 0.25, template + ": test accuracy " + accuracy + " (chance 0.1)");
  }

  /** Trains {@code template} with its recipe's optimizer and rate on the subset; returns the last test accuracy. */
  static double trainOnSubset(String template, int epochs) throws Exception {
    Recipe recipe = Recipes.of(template).orElseThrow();
    TrainingConfig config = recipe.applyTo(TrainingConfig.defaults()).withBatchSize(32).withEpochs(epochs);
    PreparedRun run = PreparedRun.prepare(Templates.load(template), recipe.dataset(), null, REGISTRY, SUBSET, config);
    TrainingEventQueue queue = new TrainingEventQueue();
    RunLog log = new RunLog();
    TrainingSession session = run.newSession(SessionOptions.quiet(), queue);
    try {
      session.start();
      assertTrue(session.awaitEnd(10, TimeUnit.MINUTES), "the run ends");
      queue.drain().forEach(log::add);
    } finally {
      session.close();
    }
    assertEquals("finished", log.status());
    return log.epochs().get(log.epochs().size() - 1).test().accuracy();
  }
}
