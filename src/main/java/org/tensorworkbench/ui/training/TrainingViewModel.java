package org.tensorworkbench.ui.training;

import org.tensorworkbench.ui.common.UiText;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tensorworkbench.engine.augment.AugmentJson;
import org.tensorworkbench.engine.augment.TrainingAugmenter;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.train.Evaluation;
import org.tensorworkbench.engine.train.Evaluator;
import org.tensorworkbench.engine.train.MemoryUse;
import org.tensorworkbench.engine.train.PreparedRun;
import org.tensorworkbench.engine.train.RecordedRun;
import org.tensorworkbench.engine.train.RunFolder;
import org.tensorworkbench.engine.train.RunLog;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.RunJson;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingException;
import org.tensorworkbench.engine.train.TrainingHealth;
import org.tensorworkbench.engine.train.TrainingSession;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The Training screen's state: starts a run from the {@link RunSetupViewModel}, controls it
 * (start, pause/resume, step, stop), and once per frame ({@link #onFrame}) takes every event the
 * training thread reported since the last frame into the curves, the tiles' values and the
 * diagnostics. When a run ends it is written to the run history ({@link RunFolder}, with its
 * model) in the background. Needs no toolkit: tests call {@link #onFrame} themselves.
 *
 * <p>All ND4J work happens on the session's training thread (training, saving, inspecting) or
 * in the executor's background (loading data, compiling, reopening a model).
 */
public final class TrainingViewModel {
  /** How often the weights are copied for the "inside the model" views and the diagnostics measured. */
  static final Duration SNAPSHOT_INTERVAL = Duration.ofSeconds(2);
  private static final long MEMORY_INTERVAL_NANOS = 1_000_000_000L;

  private final RunSetupViewModel setup;
  private final RunHistoryViewModel history;
  private final UiExecutor executor;
  private final DatasetRegistry registry;
  private final Supplier<Path> runsFolder;
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
  private final ReadOnlyObjectWrapper<UiText> failure = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> notice = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<LiveCurves> curves = new ReadOnlyObjectWrapper<>(new LiveCurves());
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
  private final ReadOnlyDoubleWrapper runProgress = new ReadOnlyDoubleWrapper();
  private final ReadOnlyDoubleWrapper epochProgress = new ReadOnlyDoubleWrapper();
  private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>(RunStatus.EMPTY);
  private final ReadOnlyObjectWrapper<MemoryUse> memory = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<TrainingHealth.Hint>> hints = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyObjectWrapper<Path> modelSaved = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Evaluation> results = new ReadOnlyObjectWrapper<>();
  private Consumer<TrainingEvent.Snapshot> snapshotListener = s -> { };
  private BiConsumer<Evaluation, List<String>> resultsListener = (e, n) -> { };
  private Consumer<List<String>> networkListener = n -> { };
  private final NetworkHost host = new NetworkHost();
  private final SpeedEstimate speed = new SpeedEstimate();

  private PreparedRun run;
  private TrainingSession session;
  private TrainingEventQueue queue;
  private RunLog log;
  private TrainingEvent.Diagnostics diagnostics;
  private String runName;
  private Dataset cachedData;
  private DataKey cachedKey;
  private long lastMemoryNanos;

  /**
   * @param runsFolder where finished runs are kept (the workspace's {@code runs/}); called in the background
   */
  public TrainingViewModel(RunSetupViewModel setup, RunHistoryViewModel history, UiExecutor executor,
      DatasetRegistry registry, Supplier<Path> runsFolder) {
    this.setup = setup;
    this.history = history;
    this.executor = executor;
    this.registry = registry;
    this.runsFolder = runsFolder;
  }

  // ---- controls ----

  /** Starts a new run with the set-up, or resumes a paused one. */
  public void start() {
    if (phase.get() == Phase.PAUSED) {
      session.resume();
    } else if (phase.get().canStart()) {
      launch(false);
    }
  }

  /** Pauses a running run, resumes a paused one. */
  public void togglePause() {
    if (phase.get() == Phase.RUNNING) {
      session.pause();
    } else if (phase.get() == Phase.PAUSED) {
      session.resume();
    }
  }

  /** Trains one minibatch, then stays paused; starts a new run paused if none is under way. */
  public void step() {
    if (phase.get().isLive()) {
      session.step();
    } else if (phase.get().canStart()) {
      launch(true);
    }
  }

  /** Ends the run after the minibatch in progress. */
  public void stop() {
    if (phase.get().isLive()) {
      session.stop();
    }
  }

  private void launch(boolean stepFirst) {
    TrainingConfig config = setup.configProperty().get();
    DatasetOptions options = setup.datasetOptionsProperty().get();
    NetworkChoice choice = setup.networkProperty().get();
    if (config == null || options == null || choice == null) {
      failure.set(setup.problemProperty().get());
      return;
    }
    String datasetName = setup.datasetProperty().get();
    closeSession();
    failure.set(null);
    notice.set(null);
    phase.set(Phase.PREPARING);
    DataKey key = new DataKey(datasetName, options);
    Dataset reuse = key.equals(cachedKey) ? cachedData : null;
    Path augmentFile = setup.augmentationProperty().get();
    executor.submit(() -> {
      TrainingAugmenter augmenter = augmentFile == null ? null : new TrainingAugmenter(AugmentJson.read(augmentFile));
      Dataset data = reuse != null ? reuse : registry.load(datasetName, options);
      PreparedRun prepared = choice.kind() == NetworkChoice.Kind.MODEL
          ? PreparedRun.continuing(choice.model().network(), data, config)
          : PreparedRun.of(choice.spec(), data, config);
      return new Prepared(prepared, augmenter);
    }, ready -> begin(ready.run(), ready.augmenter(), key, choice, stepFirst), error -> {
      phase.set(Phase.IDLE);
      failure.set(UiText.of(error));
    });
  }

  /** A run ready to start, with the augmentation of its training minibatches (null: none). */
  private record Prepared(PreparedRun run, TrainingAugmenter augmenter) {}

  private void begin(PreparedRun prepared, TrainingAugmenter augmenter, DataKey key, NetworkChoice choice,
      boolean stepFirst) {
    cachedData = prepared.data();
    cachedKey = key;
    run = prepared;
    runName = choice.name();
    log = new RunLog();
    queue = new TrainingEventQueue();
    curves.set(new LiveCurves());
    hints.set(List.of());
    speed.reset();
    diagnostics = null;
    runProgress.set(0);
    epochProgress.set(0);
    status.set(new RunStatus(0, prepared.config().epochs(), 0, Double.NaN, Double.NaN, Double.NaN));
    // weights only: the Inside pane asks the network for the feature maps it shows when it shows
    // them, and test example 0 still gives the diagnostics' activation spreads. Every layer's
    // output in each snapshot was one more SameDiff inference on the training thread every 2 s
    // that no view read.
    SessionOptions options = SessionOptions.quiet().withSnapshots(SNAPSHOT_INTERVAL, 0, List.of())
        .withStartPaused(stepFirst).withAugmentation(augmenter);
    session = prepared.newSession(options, queue);
    host.useSession(session, prepared.network(), prepared.data().test());
    phase.set(stepFirst ? Phase.PAUSED : Phase.RUNNING);
    networkListener.accept(prepared.data().classNames());
    session.start();
    if (stepFirst) {
      session.step();
    }
    revision.set(revision.get() + 1);
  }

  // ---- the per-frame drain ----

  /**
   * Takes every event reported since the last call into the screen's state: call once per frame
   * on the FX thread. Returns whether anything drawn changed.
   */
  public boolean onFrame(long nowNanos) {
    if (queue == null) {
      return false;
    }
    List<TrainingEvent> events = queue.drain();
    boolean changed = false;
    TrainingEvent.Snapshot latestSnapshot = null;
    boolean healthChanged = false;
    TrainingEvent.Iteration latestIteration = null;
    for (TrainingEvent e : events) {
      log.add(e);
      changed |= curves.get().add(e);
      if (e instanceof TrainingEvent.Iteration it) {
        latestIteration = it;
        speed.minibatch(it.examplesPerSecond());
      } else if (e instanceof TrainingEvent.Snapshot s) {
        latestSnapshot = s;
      } else if (e instanceof TrainingEvent.Diagnostics d) {
        diagnostics = d;
        healthChanged = true;
      } else if (e instanceof TrainingEvent.Epoch) {
        healthChanged = true;
      } else if (e instanceof TrainingEvent.StateChanged sc) {
        if (!phase.get().canStart()) {
          phase.set(switch (sc.state()) {
            case PAUSED -> Phase.PAUSED;
            case RUNNING, NEW -> Phase.RUNNING;
            default -> phase.get();
          });
        }
      }
    }
    if (latestIteration != null) {
      updateStatus(latestIteration, nowNanos);
    }
    if (healthChanged) {
      hints.set(TrainingHealth.assess(diagnostics, log.epochs(), run.data().classCount()));
    }
    if (latestSnapshot != null) {
      snapshotListener.accept(latestSnapshot);
    }
    if (nowNanos - lastMemoryNanos >= MEMORY_INTERVAL_NANOS && session != null) {
      lastMemoryNanos = nowNanos;
      memory.set(MemoryUse.now());
    }
    if (log.hasEnded() && phase.get().isLive()) {
      end();
      changed = true;
    }
    if (changed) {
      revision.set(revision.get() + 1);
    }
    return changed;
  }

  /**
   * Progress and the tiles' values. Time left comes from the wall-clock rate of minibatches over
   * the last few seconds (listeners, snapshots and evaluation included), not from the speed of
   * one minibatch, which leaves those out.
   */
  private void updateStatus(TrainingEvent.Iteration it, long nowNanos) {
    int perEpoch = session.batchesPerEpoch();
    int epochs = run.config().epochs();
    long done = it.iteration() + 1;
    long total = (long) perEpoch * epochs;
    long inEpoch = done - (long) it.epoch() * perEpoch;
    speed.progress(done, nowNanos, phase.get() == Phase.PAUSED);
    runProgress.set(done / (double) total);
    epochProgress.set(inEpoch / (double) perEpoch);
    status.set(new RunStatus(it.epoch() + 1, epochs, done, speed.examplesPerSecond(run.config().batchSize()),
        speed.secondsLeft(total - done), it.learningRate()));
  }

  private void end() {
    TrainingEvent ending = log.ending();
    if (ending instanceof TrainingEvent.Finished f) {
      phase.set(Phase.FINISHED);
      runProgress.set(1);
      if (f.test() != null) {
        results.set(f.test());
        resultsListener.accept(f.test(), run.data().classNames());
      }
    } else if (ending instanceof TrainingEvent.Stopped) {
      phase.set(Phase.STOPPED);
    } else if (ending instanceof TrainingEvent.Failed failed) {
      phase.set(Phase.FAILED);
      failure.set(failed::message);
    }
    record();
  }

  /** Keeps the run in the history: its folder, and its model unless it failed before any epoch. */
  private void record() {
    PreparedRun recordedRun = run;
    RunLog recordedLog = log;
    TrainingSession recordedSession = session;
    String name = runName;
    boolean keepModel = !(recordedLog.ending() instanceof TrainingEvent.Failed) && !recordedLog.iterations().isEmpty();
    executor.submit(() -> {
      Path dir = RunFolderNames.next(runsFolder.get(), name, LocalDateTime.now());
      // written whole or not at all: a failed write leaves no half run in the history
      try (RunFolder.Staged staged = RunFolder.stage(dir)) {
        if (keepModel) {
          recordedRun.saveModel(recordedSession, staged.modelFile(), recordedLog.epochs(), true).get();
        }
        staged.commit(name, recordedRun, recordedLog);
      }
      return RunFolder.read(dir);
    }, history::add, error -> notice.set(UiText.of("training.notice.notRecorded", UiText.of(error).get())));
  }

  // ---- models ----

  /** Saves the network as it is now (with the optimizer's state, to continue later) to {@code file}. */
  public void saveModel(Path file) {
    if (run == null || session == null) {
      notice.set(UiText.of("training.notice.nothingToSave"));
      return;
    }
    PreparedRun saving = run;
    TrainingSession on = session;
    List<TrainingEvent.Epoch> epochs = List.copyOf(log.epochs());
    executor.submit(() -> saving.saveModel(on, file, epochs, true).get(), saved -> {
      modelSaved.set(saved);
      notice.set(UiText.of("training.notice.saved", saved.getFileName().toString()));
    }, error -> notice.set(UiText.of("training.notice.saveFailed", UiText.of(error).get())));
  }

  /**
   * Reopens a model file: it becomes the network to train further (with its dataset and
   * configuration selected), and its recorded results are shown.
   */
  public void openModel(Path file) {
    executor.submit(() -> ModelFile.load(file), model -> {
      setup.useModel(file, model);
      TrainingConfig trained = trainedConfig(model.metadata().training());
      if (trained != null) {
        setup.applyConfig(trained);
      }
      notice.set(UiText.of("training.notice.opened", file.getFileName().toString(), model.metadata().epochsTrained()));
      showResultsOf(model);
    }, error -> notice.set(UiText.of(error)));
  }

  private void showResultsOf(SavedModel model) {
    String datasetName = model.metadata().datasetName();
    if (datasetName.isEmpty() || !setup.datasets().contains(datasetName)) {
      return;
    }
    DatasetOptions options = Objects.requireNonNullElse(setup.datasetOptionsProperty().get(), DatasetOptions.defaults());
    // normalized as the model recorded, so it is judged on the inputs it was trained for
    executor.submit(() -> Predictor.of(model).prepare(registry.load(datasetName, options).test()), test -> {
      host.useReopened(model.network(), test);
      networkListener.accept(model.metadata().classNames());
      host.run(Evaluator::evaluate).whenComplete((evaluation, failure) -> executor.submit(() -> {
        if (failure != null) {
          throw new java.util.concurrent.CompletionException(failure);
        }
        return evaluation;
      }, done -> {
        results.set(done);
        resultsListener.accept(done, model.metadata().classNames());
      }, e -> notice.set(UiText.of("training.notice.evaluationFailed", UiText.of(e)))));
    }, error -> notice.set(UiText.of(error)));
  }

  /** The configuration a model file records, or null if it cannot be read back. */
  static TrainingConfig trainedConfig(Map<String, Object> training) {
    try {
      return RunJson.configFrom(training);
    } catch (TrainingException e) {
      return null;
    }
  }

  // ---- access for the inspection panes ----

  /**
   * Runs {@code work} with the network and its test split on the thread that owns the network:
   * the session's training thread (between two minibatches, or after the run), or, for a
   * reopened model not trained here, a thread of its own. Fails when there is no network yet.
   */
  public <T> CompletableFuture<T> onNetworkThread(BiFunction<CompiledNetwork, DatasetSplit, T> work) {
    return host.run(work);
  }

  /** Called with the latest snapshot of each frame that has one. */
  public void setSnapshotListener(Consumer<TrainingEvent.Snapshot> listener) {
    this.snapshotListener = listener;
  }

  /** Called with the test results when a run finishes or a model is reopened. */
  public void setResultsListener(BiConsumer<Evaluation, List<String>> listener) {
    this.resultsListener = listener;
  }

  /**
   * Called with the class names whenever another network becomes the one inspected: a run
   * starts, or a reopened model is ready.
   */
  public void setNetworkListener(Consumer<List<String>> listener) {
    this.networkListener = listener;
  }

  /** Stops a live run and lets its thread end; when the screen goes away. */
  public void dispose() {
    closeSession();
    host.dispose();
  }

  private void closeSession() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  // ---- state for the view ----

  /**
   * What a lesson can check: {@code epochs.done}, {@code train.loss} and {@code test.accuracy} of
   * the last finished epoch, {@code best.test.accuracy}, and {@code running}. Epoch values are
   * absent before the first epoch ends (accuracies also for a regression).
   */
  public Map<String, Object> lessonFacts() {
    Map<String, Object> facts = new java.util.LinkedHashMap<>();
    LiveCurves c = curves.get();
    long epochsDone = c == null ? 0 : c.trainLoss().added();
    facts.put("epochs.done", epochsDone);
    if (epochsDone > 0) {
      facts.put("train.loss", c.trainLoss().lastY());
      if (c.testAccuracy().added() > 0) {
        facts.put("test.accuracy", c.testAccuracy().lastY());
        facts.put("best.test.accuracy", c.bestTestAccuracy());
      }
    }
    Phase p = phase.get();
    facts.put("running", p == Phase.RUNNING || p == Phase.PREPARING || p == Phase.PAUSED);
    return facts;
  }

  public RunSetupViewModel setup() {
    return setup;
  }

  public RunHistoryViewModel history() {
    return history;
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  /** Why the run failed (e.g. a NaN loss) or could not start; null otherwise. */
  public ReadOnlyObjectProperty<UiText> failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /** A short note: saved, reopened, could not save... */
  public ReadOnlyObjectProperty<UiText> noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** The current run's series; replaced when a run starts. */
  public ReadOnlyObjectProperty<LiveCurves> curvesProperty() {
    return curves.getReadOnlyProperty();
  }

  /** Counts changes to the curves: charts redraw when it moves. */
  public ReadOnlyLongProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /** Share of the run's minibatches done, 0 to 1. */
  public ReadOnlyDoubleProperty runProgressProperty() {
    return runProgress.getReadOnlyProperty();
  }

  /** Share of the current epoch's minibatches done, 0 to 1. */
  public ReadOnlyDoubleProperty epochProgressProperty() {
    return epochProgress.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<RunStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Memory in use, sampled once a second while a run exists; null before. */
  public ReadOnlyObjectProperty<MemoryUse> memoryProperty() {
    return memory.getReadOnlyProperty();
  }

  /** The diagnostics' hints for the latest measurement; empty when all is healthy. */
  public ReadOnlyObjectProperty<List<TrainingHealth.Hint>> hintsProperty() {
    return hints.getReadOnlyProperty();
  }

  /** The test results of the last finished run or reopened model; null before. */
  public ReadOnlyObjectProperty<Evaluation> resultsProperty() {
    return results.getReadOnlyProperty();
  }

  /** The last model file written by {@link #saveModel}. */
  public ReadOnlyObjectProperty<Path> modelSavedProperty() {
    return modelSaved.getReadOnlyProperty();
  }

  /** The log of the current run (events taken in so far), or null before the first run. */
  public RunLog log() {
    return log;
  }

  /**
   * What the tiles show.
   *
   * @param epoch the epoch under way, 1-based (0 before the first minibatch)
   * @param epochs epochs in the run
   * @param iterations minibatches done
   * @param examplesPerSecond training examples per second of wall-clock time over the last few
   *     seconds (at first the speed of single minibatches), NaN before the first minibatch
   * @param secondsLeft estimated time left at the recent pace of minibatches, NaN if not known yet
   * @param learningRate the learning rate of the last minibatch
   */
  public record RunStatus(int epoch, int epochs, long iterations, double examplesPerSecond, double secondsLeft,
      double learningRate) {
    static final RunStatus EMPTY = new RunStatus(0, 0, 0, Double.NaN, Double.NaN, Double.NaN);
  }

  private record DataKey(String name, DatasetOptions options) {}
}
