package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.Templates;

class PreparedRunTest {
  private static final DatasetRegistry REGISTRY =
      new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", ".")));

  private static PreparedRun softmaxOnMnist(int epochs) {
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(100).withEpochs(epochs).withSeed(3);
    return PreparedRun.prepare(Templates.load("softmax-regression"), DatasetRegistry.MNIST, null, REGISTRY,
        DatasetOptions.defaults().withLimit(600).withTestLimit(200), config);
  }

  private static RunLog train(PreparedRun run, Path model) throws Exception {
    TrainingEventQueue queue = new TrainingEventQueue();
    TrainingSession session = run.newSession(SessionOptions.quiet(), queue);
    RunLog log = new RunLog();
    session.start();
    assertTrue(session.awaitEnd(60, TimeUnit.SECONDS));
    queue.drain().forEach(log::add);
    if (model != null) {
      assertEquals(model, run.saveModel(session, model, log.epochs(), false).get());
    }
    session.close();
    return log;
  }

  @Test
  void fitsTheInputToTheDatasetAndCompilesWithTheSeed() {
    PreparedRun run = softmaxOnMnist(1);
    InputSpec input = (InputSpec) run.spec().nodes().stream().filter(n -> n.layer() instanceof InputSpec)
        .findFirst().orElseThrow().layer();
    assertEquals(List.of(1, 28, 28), input.shape());
    assertEquals(600, run.data().train().size());
    assertEquals(784 * 10 + 10, run.network().parameterCount());
    PreparedRun again = softmaxOnMnist(1);
    String weights = run.network().trainableNames().get(0);
    assertArrayEquals(run.network().sameDiff().getArrForVarName(weights).data().asFloat(),
        again.network().sameDiff().getArrForVarName(weights).data().asFloat());
  }

  @Test
  void writesARunFolderThatReadsBack(@TempDir Path dir) throws Exception {
    PreparedRun run = softmaxOnMnist(2);
    RunLog log = train(run, dir.resolve(RunFolder.MODEL));
    assertEquals("finished", log.status());
    RunFolder.write(dir, "softmax-regression", run, log);

    List<String> csv = Files.readAllLines(dir.resolve(RunFolder.METRICS));
    assertEquals("epoch,train_loss,train_acc,test_loss,test_acc,seconds,images_per_s", csv.get(0));
    assertEquals(3, csv.size());
    RecordedRun read = RunFolder.read(dir);
    assertEquals("softmax-regression", read.network());
    assertEquals(DatasetRegistry.MNIST, read.dataset());
    assertEquals("finished", read.status());
    assertEquals(7850, read.parameters());
    assertEquals(2, read.epochs().size());
    assertEquals(2, read.epochs().get(1).epoch());
    assertEquals(log.epochs().get(1).test().accuracy(), read.testAccuracy(), 1e-12);
    assertEquals(log.epochs().get(1).trainLoss(), read.epochs().get(1).trainLoss(), 1e-6);
    assertEquals(12, read.curve().size()); // 2 epochs of 6 minibatches, not thinned
    assertEquals(log.iterations().get(5).loss(), read.curve().get(5).loss(), 0);
    assertEquals(100, ((Number) read.training().get("batchSize")).intValue());
    assertNotNull(read.model());

    SavedModel saved = ModelFile.load(read.model());
    assertEquals(2, saved.metadata().epochsTrained());
    assertEquals(log.epochs().get(1).test().accuracy(), saved.metadata().metrics().get("testAccuracy"), 1e-12);
    assertEquals(DatasetRegistry.MNIST, saved.metadata().datasetName());
  }

  @Test
  void aStoppedRunIsRecordedWithWhatItReached(@TempDir Path dir) throws Exception {
    PreparedRun run = softmaxOnMnist(3);
    TrainingEventQueue queue = new TrainingEventQueue();
    TrainingSession session = run.newSession(SessionOptions.quiet().withStartPaused(true), queue);
    session.start();
    session.step();
    session.step();
    session.stop();
    assertTrue(session.awaitEnd(30, TimeUnit.SECONDS));
    session.close();
    RunLog log = new RunLog();
    queue.drain().forEach(log::add);
    RunFolder.write(dir, "mine", run, log);
    RecordedRun read = RunFolder.read(dir);
    assertEquals("stopped", read.status());
    assertTrue(read.epochs().isEmpty());
    assertTrue(Double.isNaN(read.testAccuracy()));
    assertEquals(log.iterations().size(), read.curve().size());
    assertNull(read.model());
  }

  @Test
  void continuingKeepsTheTrainedWeights(@TempDir Path dir) throws Exception {
    PreparedRun run = softmaxOnMnist(1);
    Path model = dir.resolve("m" + ModelFile.EXTENSION);
    train(run, model);
    SavedModel saved = ModelFile.load(model);
    PreparedRun more = PreparedRun.continuing(saved.network(), run.data(), run.config());
    String w = more.network().trainableNames().get(0);
    assertArrayEquals(run.network().sameDiff().getArrForVarName(w).data().asFloat(),
        more.network().sameDiff().getArrForVarName(w).data().asFloat());
    RunLog log = train(more, null);
    assertEquals("finished", log.status());
  }
}
