package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.spec.Templates;

class BetweenMinibatchesTest {

  @Test
  void workRunsOnTheTrainingThreadWhilePausedAndWhileRunning() throws Exception {
    PreparedRun run = PreparedRun.prepare(Templates.load("softmax-regression"), DatasetRegistry.MNIST, null,
        new DatasetRegistry(Path.of(System.getProperty("tensorworkbench.home", "."))),
        DatasetOptions.defaults().withLimit(1000).withTestLimit(100),
        TrainingConfig.defaults().withBatchSize(10).withEpochs(50));
    RecordingSink sink = new RecordingSink();
    TrainingSession session = run.newSession(SessionOptions.quiet().withStartPaused(true), sink);
    session.start();
    session.step();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (sink.of(TrainingEvent.Iteration.class).isEmpty()) {
      assertTrue(System.nanoTime() < deadline);
      Thread.sleep(10);
    }
    Future<String> whilePaused = session.betweenMinibatches(() -> Thread.currentThread().getName());
    assertTrue(whilePaused.get(30, TimeUnit.SECONDS).startsWith("training-"));
    assertEquals(SessionState.PAUSED, session.state());
    assertEquals(1, sink.of(TrainingEvent.Iteration.class).size(), "no minibatch trained for it");

    session.resume();
    Future<Long> whileRunning = session.betweenMinibatches(() -> run.network().parameterCount());
    assertEquals(7850L, whileRunning.get(30, TimeUnit.SECONDS));
    assertTrue(session.state() == SessionState.RUNNING, "still training: " + session.state());
    session.stop();
    assertTrue(session.awaitEnd(30, TimeUnit.SECONDS));
    Future<String> after = session.betweenMinibatches(() -> "after");
    assertEquals("after", after.get(30, TimeUnit.SECONDS));
    session.close();
  }
}
