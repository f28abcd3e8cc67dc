package org.tensorworkbench.engine.tune;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.train.Evaluation;
import org.tensorworkbench.engine.train.Evaluator;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingSession;

/**
 * Runs each trial as a real training run through the one training path: {@link PreparedRun} of
 * the tuned design on the study's data, a {@link TrainingSession} on its own thread scored on
 * the validation split. The data is loaded once: the first {@code trainExamples +
 * validationExamples} training examples, of which {@code validationExamples} are held out at
 * random (seeded). Every trial starts from the study's seed, so a trial rerun gives the same
 * curve bit for bit.
 */
public final class EngineTrialRunner implements TrialRunner {
  private final NetworkSpec network;
  private final Dataset data;
  private final String layer;
  private final long seed;
  private volatile TrainingSession current;
  private PreparedRun lastRun;
  private TrainingSession lastSession;
  private List<TrainingEvent.Epoch> lastEpochs = List.of();

  public EngineTrialRunner(NetworkSpec network, Dataset data, String layer, long seed) {
    this.network = network;
    this.data = data;
    this.layer = layer;
    this.seed = seed;
    TunedNetwork.tunedLayer(network, layer);
  }

  /** Loads the space's network and data. */
  public static EngineTrialRunner of(SearchSpace space, DatasetRegistry registry, long seed) throws IOException {
    NetworkSpec network = TunedNetwork.base(space.network());
    int total = space.trainExamples() + space.validationExamples();
    Dataset data = registry.load(space.dataset(), DatasetOptions.defaults().withLimit(total)
        .withValidationFraction(space.validationExamples() / (double) total));
    return new EngineTrialRunner(network, data, space.layer(), seed);
  }

  public Dataset data() {
    return data;
  }

  /** The design and training configuration a request trains. */
  public PreparedRun prepare(TrialRequest request) {
    NetworkSpec spec = TunedNetwork.apply(network, request.config(), layer);
    TrainingConfig config = SearchSpace.trainingConfig(request.config(), request.epochs(), seed);
    return PreparedRun.of(spec, data, config);
  }

  @Override
  public Optional<TrialRecord> run(TrialRequest request, Consumer<EpochPoint> onEpoch) {
    closeLast();
    long start = System.nanoTime();
    PreparedRun run = prepare(request);
    List<EpochPoint> curve = new ArrayList<>();
    List<TrainingEvent.Epoch> epochs = new ArrayList<>();
    TrainingEvent[] ending = new TrainingEvent[1];
    TrainingSession session = run.newValidationSession(SessionOptions.quiet(), e -> {
      if (e instanceof TrainingEvent.Epoch ep) {
        EpochPoint p = new EpochPoint(ep.epoch(), ep.trainLoss(), ep.test().loss(), ep.test().accuracy(), ep.seconds());
        synchronized (curve) {
          curve.add(p);
          epochs.add(ep);
        }
        onEpoch.accept(p);
      } else if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed
          || e instanceof TrainingEvent.Stopped) {
        ending[0] = e;
      }
    });
    current = session;
    lastRun = run;
    lastSession = session;
    session.start();
    try {
      while (!session.awaitEnd(1, TimeUnit.SECONDS)) {
        // waits; stop() ends the session within one minibatch
      }
    } catch (InterruptedException e) {
      session.stop();
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      current = null;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    synchronized (curve) {
      lastEpochs = List.copyOf(epochs);
      if (ending[0] instanceof TrainingEvent.Failed f) {
        return Optional.of(new TrialRecord(request, true, f.messageKey(), curve, seconds));
      }
      if (!(ending[0] instanceof TrainingEvent.Finished)) {
        return Optional.empty();
      }
      return Optional.of(new TrialRecord(request, false, "", curve, seconds));
    }
  }

  @Override
  public void stop() {
    TrainingSession s = current;
    if (s != null) {
      s.stop();
    }
  }

  @Override
  public void saveLastModel(Path file) throws IOException {
    if (lastRun == null) {
      throw new IllegalStateException("no trial has run");
    }
    try {
      lastRun.saveModel(lastSession, file, lastEpochs, false).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  @Override
  public TestResult test(Path file) throws IOException {
    var model = ModelFile.load(file);
    Evaluation e = Evaluator.evaluate(model.network(), data.test());
    return new TestResult(e.accuracy(), e.loss(), e.count());
  }

  private void closeLast() {
    if (lastSession != null) {
      lastSession.close();
      lastSession = null;
      lastRun = null;
    }
  }

  @Override
  public void close() {
    stop();
    closeLast();
  }
}
