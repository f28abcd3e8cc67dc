package org.tensorworkbench.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.data.BatchAugmenter;
import org.tensorworkbench.engine.data.BatchIterator;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.direct.DirectTrainer;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.SeededRandomOps;
import org.tensorworkbench.engine.io.Predictor;

/**
 * One training run of a network on a dataset, on a thread of its own.
 *
 * <p>That one thread makes every ND4J call of the run: SameDiff updates parameters in place, so
 * anything read from another thread could mix two iterations. The one exception is the second
 * half of a minibatch on the direct path ({@link DirectTrainer#splitMinibatches}): a thread owned
 * by the run's trainer computes it, reading the weights while the training thread computes the
 * first half and waits for it; the weights are changed only after both halves are done. The run reports through small
 * {@link TrainingEvent} values; copies of weights are taken between iterations on the training
 * thread. Work that must see the network after (or between) runs, such as saving it, goes
 * through {@link #onTrainingThread}.
 *
 * <p>Control: {@link #start}, {@link #pause}, {@link #resume}, {@link #step} (one minibatch,
 * then paused) and {@link #stop} act between two minibatches, i.e. within one iteration. Each
 * epoch is one {@code fit(iterator, 1)} call over a {@link BatchGate}; after it the test split is
 * evaluated. With the same seed, network and data the loss curve is the same bit for bit on
 * the CPU: the data order comes from the seed ({@code EpochOrder}) and ND4J's random generator
 * is seeded on the training thread.
 *
 * <p>Networks that {@link DirectTrainer} handles (chains of dense, convolution, pooling and
 * elementwise layers: the MLP, LeNet) train with it instead of {@code fit}: the same updates,
 * several times faster, on the same SameDiff arrays; the events, controls and everything read
 * from the network stay the same.
 */
public final class TrainingSession {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final CompiledNetwork network;
  private final DatasetSplit train;
  private final DatasetSplit test;
  private final TrainingConfig config;
  private final SessionOptions options;
  private final Consumer<TrainingEvent> sink;
  private final BatchIterator batches;
  private final BatchGate gate;
  private final ProgressListener progress;
  private final ExecutorService thread;
  private final ConcurrentLinkedQueue<FutureTask<?>> betweenMinibatches = new ConcurrentLinkedQueue<>();
  private volatile SessionState state = SessionState.NEW;
  private volatile Map<String, Double> stepFactors = Map.of();

  /**
   * @param network the compiled network, trained in place
   * @param train the minibatches are drawn from here, reshuffled every epoch with the config's seed
   * @param test evaluated after every epoch
   * @param config optimizer, schedule, batch size, epochs, seed
   * @param options snapshots and probe
   * @param sink receives every event on the training thread; must not block (use a {@link TrainingEventQueue})
   */
  public TrainingSession(CompiledNetwork network, DatasetSplit train, DatasetSplit test, TrainingConfig config,
      SessionOptions options, Consumer<TrainingEvent> sink) {
    if (train.size() == 0) {
      throw new TrainingException("train.error.emptyTrainingSet");
    }
    this.network = network;
    this.train = train;
    this.test = test;
    this.config = config;
    this.options = options;
    this.sink = sink;
    this.batches = train.iterator(config.batchSize(), true, config.seed());
    // the next minibatches are cut and normalized (and augmented, when asked) ahead on a second
    // thread: LeNet on 20,000 images trained at 8,700-9,500 images/s with the cutting on the
    // training thread and 11,300-12,500 with it ahead (same losses bit for bit; quiet machine)
    batches.augmentWith(options.augmentation() != null ? options.augmentation() : BatchAugmenter.NONE);
    this.gate = new BatchGate(batches, options.startPaused(), new BatchGate.PauseObserver() {
      @Override
      public void paused() {
        enter(SessionState.PAUSED);
      }

      @Override
      public void resumed() {
        enter(SessionState.RUNNING);
      }

      @Override
      public void wokenWhilePaused() {
        runBetweenMinibatches();
      }
    });
    long totalIterations = (long) batches.batchesPerEpoch() * config.epochs();
    this.progress = new ProgressListener(network, config, gate, totalIterations, options, sink);
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "training-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts training on the session's thread (paused first if the options say so). */
  public synchronized void start() {
    if (state != SessionState.NEW) {
      throw new IllegalStateException("a session runs once; it is " + state);
    }
    state = options.startPaused() ? SessionState.PAUSED : SessionState.RUNNING;
    thread.submit(this::run);
  }

  /** Waits before the next minibatch. */
  public void pause() {
    gate.pause();
  }

  /** Continues after {@link #pause} or {@link #step}. */
  public void resume() {
    gate.resume();
    // the gate reports "resumed" only if the thread was already waiting; it may still be
    // finishing the stepped minibatch, and then it never waits
    synchronized (this) {
      if (state == SessionState.PAUSED) {
        enter(SessionState.RUNNING);
      }
    }
  }

  /** Trains exactly one more minibatch, then stays paused; starts the session if it is new. */
  public void step() {
    gate.step();
    synchronized (this) {
      if (state == SessionState.NEW) {
        state = SessionState.PAUSED;
        thread.submit(this::run);
      }
    }
  }

  /** Ends the run after the minibatch in progress; a paused session ends at once. */
  public void stop() {
    gate.stop();
  }

  /**
   * Trains some parameters with a scaled learning rate or not at all (fine-tuning, d2l 14.2):
   * each named parameter's step is multiplied by its factor, i.e. it learns with η·factor, and
   * factor 0 freezes it (its values stay the same bit for bit). On the direct path see
   * {@link DirectTrainer#setStepFactors}; through SameDiff the update is scaled just before it is
   * applied. Call before {@link #start}.
   *
   * @param factors SameDiff variable name → factor ≥ 0; parameters not named keep 1
   */
  public void setStepFactors(Map<String, Double> factors) {
    if (state != SessionState.NEW) {
      throw new IllegalStateException("step factors are set before the session starts");
    }
    for (Map.Entry<String, Double> e : factors.entrySet()) {
      if (!(e.getValue() >= 0) || e.getValue().isInfinite()) {
        throw new IllegalArgumentException("step factor of " + e.getKey() + ": " + e.getValue());
      }
    }
    stepFactors = Map.copyOf(factors);
  }

  /** Changes the base learning rate η₀ from the next minibatch on (the schedule still applies). */
  public void setLearningRate(double learningRate) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new TrainingException("train.error.notPositive", "learningRate", learningRate);
    }
    progress.setBaseLearningRate(learningRate);
  }

  public SessionState state() {
    return state;
  }

  public TrainingConfig config() {
    return config;
  }

  /** Minibatches per epoch: ⌈training examples / batch size⌉. */
  public int batchesPerEpoch() {
    return batches.batchesPerEpoch();
  }

  /**
   * Runs {@code task} on the training thread after the run (or queued work) before it, e.g. to
   * save the trained network or predict with it without racing the training.
   */
  public <T> Future<T> onTrainingThread(Callable<T> task) {
    return thread.submit(task);
  }

  /**
   * Runs {@code task} on the training thread as soon as it may touch the network: between two
   * minibatches while the run goes on (at once while it is paused), else like
   * {@link #onTrainingThread}. For looking inside the network while it trains (feature maps)
   * or saving it mid-run.
   */
  public <T> Future<T> betweenMinibatches(Callable<T> task) {
    FutureTask<T> future = new FutureTask<>(task);
    synchronized (this) {
      if (state == SessionState.RUNNING || state == SessionState.PAUSED) {
        betweenMinibatches.add(future);
        gate.wake();
        return future;
      }
    }
    thread.submit(future);
    return future;
  }

  private void runBetweenMinibatches() {
    for (FutureTask<?> task = betweenMinibatches.poll(); task != null; task = betweenMinibatches.poll()) {
      task.run();
    }
  }

  /** Waits until the run has ended; true if it did within the timeout. */
  public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (this) {
      while (!state.isTerminal()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
    return true;
  }

  /** Stops the run if needed and lets the training thread end once queued work is done. */
  public void close() {
    gate.stop();
    thread.shutdown();
  }

  private synchronized void enter(SessionState newState) {
    if (state != newState && !state.isTerminal()) {
      state = newState;
      sink.accept(new TrainingEvent.StateChanged(newState));
      notifyAll();
    }
  }

  private void run() {
    SameDiff sd = network.sameDiff();
    INDArray probe = null;
    DirectTrainer direct = null;
    try {
      Nd4j.getRandom().setSeed(config.seed());
      sd.setTrainingConfig(OptimizerMapping.sameDiffConfig(config, network.inputName(), network.labelsName()));
      if (options.probeIndex() >= 0 && options.probeIndex() < test.size()) {
        probe = test.batch(options.probeIndex(), options.probeIndex() + 1).features(); // [1, ...]
        progress.setProbe(probe);
      }
      List<Listener> listeners = new ArrayList<>();
      listeners.add(progress);
      listeners.addAll(network.trainingListeners());
      listeners.add(new SeededRandomOps(config.seed()));
      listeners.add(new BaseListener() {
        @Override
        public boolean isActive(Operation operation) {
          return operation == Operation.TRAINING;
        }

        @Override
        public void iterationDone(SameDiff sameDiff, At at, MultiDataSet batch, Loss loss) {
          runBetweenMinibatches();
        }
      });
      direct = options.directPath() && network.trainingListeners().isEmpty()
          ? DirectTrainer.of(network).orElse(null) : null;
      Map<String, Double> factors = stepFactors;
      if (direct != null) {
        direct.useOneThread();
        direct.setStepFactors(factors);
        progress.computeActivationsWith(direct::activations);
        if (Runtime.getRuntime().availableProcessors() >= 2 && direct.worthSplitting()
            && !Boolean.getBoolean("tensorworkbench.oneThread")) {
          direct.splitMinibatches();
        }
      } else if (!factors.isEmpty()) {
        listeners.add(stepFactorListener(factors));
      }
      Listener[] listenerArray = listeners.toArray(Listener[]::new);
      Evaluator evaluator = new Evaluator(Predictor.of(network).withChunk(options.evaluationChunk()));
      sink.accept(new TrainingEvent.StateChanged(state));
      progress.startSnapshot(sd);
      double totalSeconds = 0;
      Evaluation lastTest = null;
      for (int epoch = 0; epoch < config.epochs(); epoch++) {
        if (gate.stopRequested()) {
          end(SessionState.STOPPED, new TrainingEvent.Stopped(epoch, progress.iterations()));
          return;
        }
        gate.startEpoch(epoch);
        progress.startEpoch(epoch);
        long pausedBefore = gate.pausedNanos();
        long start = System.nanoTime();
        if (direct != null) {
          trainEpoch(direct, sd);
        } else {
          sd.fit(gate, 1, listenerArray);
        }
        gate.closePrevious();
        double seconds = (System.nanoTime() - start - (gate.pausedNanos() - pausedBefore)) / 1e9;
        totalSeconds += seconds;
        if (progress.failure() != null) {
          TrainingException f = progress.failure();
          end(SessionState.FAILED, new TrainingEvent.Failed(f.key(), List.of(f.args())));
          return;
        }
        EvaluationAccumulator stats = progress.epochStats();
        if (stats.count() < train.size() && gate.stopRequested()) {
          end(SessionState.STOPPED, new TrainingEvent.Stopped(epoch, progress.iterations()));
          return;
        }
        progress.endEpoch(sd);
        if (direct != null) {
          DirectTrainer forward = direct;
          lastTest = Evaluator.evaluate(test, network.loss(), config.batchSize(), network.dataType(), forward::forward);
        } else {
          lastTest = evaluator.evaluate(test);
        }
        sink.accept(new TrainingEvent.Epoch(epoch, stats.meanLoss(), stats.accuracy(), lastTest, seconds,
            stats.count() / seconds));
      }
      end(SessionState.FINISHED, new TrainingEvent.Finished(config.epochs(), totalSeconds, lastTest));
    } catch (TrainingException e) {
      end(SessionState.FAILED, new TrainingEvent.Failed(e.key(), List.of(e.args())));
    } catch (RuntimeException | OutOfMemoryError e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      end(SessionState.FAILED, new TrainingEvent.Failed("train.error.engine", List.of(detail)));
    } finally {
      runBetweenMinibatches();
      progress.release();
      gate.release();
      if (probe != null) {
        probe.close();
      }
      if (direct != null) {
        direct.release();
      }
    }
  }

  /** Scales each update by its parameter's factor just before {@code fit} subtracts it (0: no change at all). */
  private static Listener stepFactorListener(Map<String, Double> factors) {
    return new BaseListener() {
      @Override
      public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
      }

      @Override
      public void preUpdate(SameDiff sameDiff, At at, Variable v, INDArray update) {
        Double factor = factors.get(v.getName());
        if (factor == null || factor == 1) {
          return;
        }
        if (factor == 0) {
          update.assign(0);
        } else {
          update.muli(factor);
        }
      }
    };
  }

  /**
   * One epoch on the direct path: the same gate, listener hooks and between-minibatch work as
   * {@code fit} with the session's listeners, without SameDiff's graph.
   */
  private void trainEpoch(DirectTrainer direct, SameDiff sd) {
    DataType type = network.dataType();
    while (gate.hasNext()) {
      DataSet batch = gate.next();
      INDArray features = batch.getFeatures();
      INDArray labels = batch.getLabels();
      INDArray x = features.dataType() == type ? features : features.castTo(type);
      INDArray y = labels.dataType() == type ? labels : labels.castTo(type);
      progress.beforeMinibatch(sd);
      progress.logitsAvailable(direct.step(x, y), labels);
      if (x != features) {
        x.close();
      }
      if (y != labels) {
        y.close();
      }
      progress.afterMinibatch(sd, features.size(0));
      runBetweenMinibatches();
    }
    direct.endEpoch();
  }

  private synchronized void end(SessionState finalState, TrainingEvent event) {
    sink.accept(event);
    state = finalState;
    notifyAll();
  }
}
