package org.tensorworkbench.engine.lab.generalization;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.data.SyntheticData;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingException;
import org.tensorworkbench.engine.train.TrainingSession;

/**
 * Trains a regression network on rows of a lab's table through the workbench's one training
 * path ({@link PreparedRun}, {@link TrainingSession}): Adam, mean squared error, L2 weight decay
 * λ in the loss, the seed's initial weights and batch order. After every epoch, on the training
 * thread, the caller gets a function predicting any rows with the network as it is.
 */
final class NetworkFit {
  /** Told after each epoch (0-based); returns true to stop training. */
  interface EpochHook {
    boolean epochDone(int epoch, Function<SyntheticData, double[]> predict);
  }

  private NetworkFit() {}

  static void train(NetworkSpec spec, SyntheticData train, SyntheticData evaluated, HousingCrossValidation.Settings s,
      EpochHook hook) {
    Dataset data = Dataset.regression("housing", train, evaluated, "generalization.kfold.rows", train.rows(),
        evaluated.rows());
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.ADAM).withLearningRate(s.learningRate())
        .withBatchSize(s.batchSize()).withEpochs(s.epochs()).withSeed(s.seed()).withWeightDecay(s.lambda(), false);
    PreparedRun run = PreparedRun.of(spec, data, config);
    Predictor predictor = Predictor.of(run.network());
    Function<SyntheticData, double[]> predict = rows -> predict(predictor,
        rows == train ? run.data().train() : rows == evaluated ? run.data().test() : null);
    AtomicReference<TrainingEvent.Failed> failed = new AtomicReference<>();
    TrainingSession[] session = new TrainingSession[1];
    session[0] = run.newSession(SessionOptions.quiet(), event -> {
      // on the training thread, between two epochs: the weights are still
      if (event instanceof TrainingEvent.Epoch e && hook.epochDone(e.epoch(), predict)) {
        session[0].stop();
      } else if (event instanceof TrainingEvent.Failed f) {
        failed.set(f);
      }
    });
    session[0].start();
    try {
      while (!session[0].awaitEnd(1, TimeUnit.MINUTES)) {
        // a long run; keep waiting
      }
    } catch (InterruptedException e) {
      session[0].stop();
      Thread.currentThread().interrupt();
    } finally {
      session[0].close();
    }
    if (failed.get() != null) {
      throw new TrainingException(failed.get().messageKey(), failed.get().arguments().toArray());
    }
  }

  /** The network's prediction for every row of {@code split} (the train or evaluated rows), in inference mode. */
  private static double[] predict(Predictor predictor, DatasetSplit split) {
    if (split == null) {
      throw new IllegalArgumentException("only the rows trained on or evaluated can be predicted");
    }
    double[] y = new double[split.size()];
    predictor.forEachChunk(split, split.size(), predictor.network().outputName(), (from, batch, out) -> {
      float[] values = out.castTo(DataType.FLOAT).data().asFloat(); // [B, 1]
      for (int i = 0; i < values.length; i++) {
        y[from + i] = values[i];
      }
      return true;
    });
    return y;
  }
}
