package org.tensorworkbench.ui.tuning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.tune.BayesianSearch;
import org.tensorworkbench.engine.tune.Configuration;
import org.tensorworkbench.engine.tune.EngineTrialRunner;
import org.tensorworkbench.engine.tune.EpochPoint;
import org.tensorworkbench.engine.tune.GaussianProcess;
import org.tensorworkbench.engine.tune.Hyperparameter;
import org.tensorworkbench.engine.tune.Method;
import org.tensorworkbench.engine.tune.ParameterRange;
import org.tensorworkbench.engine.tune.RungTable;
import org.tensorworkbench.engine.tune.SearchSpace;
import org.tensorworkbench.engine.tune.Study;
import org.tensorworkbench.engine.tune.StudyListener;
import org.tensorworkbench.engine.tune.StudyRunner;
import org.tensorworkbench.engine.tune.StudySettings;
import org.tensorworkbench.engine.tune.TrialRecord;
import org.tensorworkbench.engine.tune.TrialRequest;
import org.tensorworkbench.engine.tune.TunedNetwork;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The Tuning Lab's state: the search-space form, the method, the study running on a background
 * thread (its events queued and applied on the FX thread by {@link #drain()}), its trials, the
 * best-so-far curve of every study run in this session, and the GP of a 1-D Bayesian search.
 */
public final class TuningViewModel {
  /** The best validation score after each trial of one study, against the epochs it had used. */
  public record BestCurve(String label, Method method, List<double[]> points) {}

  /** The GP posterior of a one-dimensional Bayesian search, in score units, over the unit coordinate. */
  public record GpCurve(Hyperparameter parameter, double[] values, double[] mean, double[] std, double[] ei,
      double[] observedValues, double[] observedScores) {}

  private final UiExecutor executor;
  private final Path projectHome;
  private final Path studiesFolder;
  private final StringProperty network = new SimpleStringProperty("mlp");
  private final StringProperty dataset = new SimpleStringProperty(DatasetRegistry.FASHION_MNIST);
  private final StringProperty trainExamples = new SimpleStringProperty("10000");
  private final StringProperty validationExamples = new SimpleStringProperty("2000");
  private final StringProperty layer = new SimpleStringProperty("");
  private final List<ParameterRow> parameters = new ArrayList<>();
  private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.RANDOM);
  private final StringProperty budget = new SimpleStringProperty("30");
  private final StringProperty eta = new SimpleStringProperty("3");
  private final StringProperty seed = new SimpleStringProperty("1");
  private final StringProperty studyName = new SimpleStringProperty("study-1");
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final ObjectProperty<UiText> status = new SimpleObjectProperty<>(UiText.of("tuning.status.ready"));
  private final ObjectProperty<UiText> problem = new SimpleObjectProperty<>();
  private final ObservableList<TrialRow> trials = FXCollections.observableArrayList();
  private final ObservableList<BestCurve> bestCurves = FXCollections.observableArrayList();
  private final ObservableList<RungTable.Row> rungs = FXCollections.observableArrayList();
  private final ObservableList<String> studies = FXCollections.observableArrayList();
  private final ObjectProperty<GpCurve> gp = new SimpleObjectProperty<>();
  private final IntegerProperty revision = new SimpleIntegerProperty();
  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private volatile StudyRunner current;
  private StudySettings currentSettings;
  private String currentStudy = "";

  public TuningViewModel(UiExecutor executor, Path projectHome, Path studiesFolder) {
    this.executor = executor;
    this.projectHome = projectHome;
    this.studiesFolder = studiesFolder;
    parameters.add(new ParameterRow(Hyperparameter.LEARNING_RATE, true, "0.001..1", true, "0.1"));
    parameters.add(new ParameterRow(Hyperparameter.BATCH_SIZE, true, "128, 256, 512", false, "256"));
    parameters.add(new ParameterRow(Hyperparameter.WEIGHT_DECAY, false, "0.000001..0.01", true, "0"));
    parameters.add(new ParameterRow(Hyperparameter.OPTIMIZER, true, "sgd, momentum, adam", false, "sgd"));
    parameters.add(new ParameterRow(Hyperparameter.DROPOUT, false, "0..0.5", false, ""));
    parameters.add(new ParameterRow(Hyperparameter.WIDTH, false, "32..512", true, ""));
    parameters.add(new ParameterRow(Hyperparameter.EPOCHS, false, "1..9", false, "5"));
    refreshStudies();
  }

  // ---- form

  public StringProperty networkProperty() {
    return network;
  }

  public StringProperty datasetProperty() {
    return dataset;
  }

  public StringProperty trainExamplesProperty() {
    return trainExamples;
  }

  public StringProperty validationExamplesProperty() {
    return validationExamples;
  }

  public StringProperty layerProperty() {
    return layer;
  }

  public List<ParameterRow> parameters() {
    return parameters;
  }

  public ParameterRow parameter(Hyperparameter p) {
    return parameters.stream().filter(r -> r.parameter() == p).findFirst().orElseThrow();
  }

  public ObjectProperty<Method> methodProperty() {
    return method;
  }

  /** What the chosen method does and when it is worth it. */
  public StringBinding methodExplanation() {
    return Bindings.createStringBinding(() -> I18n.get("tuning.method." + method.get().id() + ".explain"),
        method, I18n.localeProperty());
  }

  public StringProperty budgetProperty() {
    return budget;
  }

  public StringProperty etaProperty() {
    return eta;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  public StringProperty studyNameProperty() {
    return studyName;
  }

  // ---- state

  public ReadOnlyBooleanProperty runningProperty() {
    return running;
  }

  public ReadOnlyObjectProperty<UiText> statusProperty() {
    return status;
  }

  public ReadOnlyObjectProperty<UiText> problemProperty() {
    return problem;
  }

  public ObservableList<TrialRow> trials() {
    return trials;
  }

  public ObservableList<BestCurve> bestCurves() {
    return bestCurves;
  }

  public ObservableList<RungTable.Row> rungs() {
    return rungs;
  }

  /** The names of the studies in the workspace's studies folder. */
  public ObservableList<String> studies() {
    return studies;
  }

  public ReadOnlyObjectProperty<GpCurve> gpProperty() {
    return gp;
  }

  /** Incremented whenever trials or curves changed: the charts redraw. */
  public ReadOnlyIntegerProperty revisionProperty() {
    return revision;
  }

  /** The best finished trial of the study shown. */
  public Optional<TrialRow> best() {
    TrialRow best = null;
    for (TrialRow r : trials) {
      if (r.record() != null && !r.record().failed() && (best == null || r.record().betterThan(best.record()))) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Finished trials of the study shown. */
  public int trialsDone() {
    return (int) trials.stream().filter(r -> r.record() != null).count();
  }

  // ---- actions

  /** The settings the form describes; a bad value throws with a message naming it. */
  public StudySettings settings() {
    List<ParameterRange> ranges = new ArrayList<>();
    Map<Hyperparameter, Object> fixed = new EnumMap<>(Hyperparameter.class);
    for (ParameterRow row : parameters) {
      if (row.searchedProperty().get()) {
        ranges.add(row.range());
      } else if (!row.fixedProperty().get().isBlank()) {
        fixed.put(row.parameter(), row.fixedProperty().get().strip());
      }
    }
    SearchSpace space = new SearchSpace(network.get().strip(), dataset.get().strip(), layer.get(),
        integer("trainExamples", trainExamples.get()), integer("validationExamples", validationExamples.get()),
        ranges, new Configuration(fixed));
    return new StudySettings(space, method.get(), integer("seed", seed.get()), integer("budget", budget.get()),
        integer("eta", eta.get()), 3);
  }

  private static int integer(String name, String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new org.tensorworkbench.engine.tune.TuningException("tuning.error.badValue", name, text);
    }
  }

  /**
   * Starts (or resumes, if a study of that name holds the same settings) the study on a
   * background thread. Returns false and shows a problem if the form is invalid.
   */
  public boolean start() {
    if (running.get()) {
      return false;
    }
    StudySettings settings;
    String name = studyName.get().strip();
    try {
      if (!name.matches("[\\p{L}\\p{N}_.-]{1,64}") || name.startsWith(".")) {
        throw new org.tensorworkbench.engine.tune.TuningException("tuning.error.badName", name);
      }
      settings = settings();
    } catch (RuntimeException e) {
      problem.set(UiText.of(e));
      return false;
    }
    problem.set(null);
    running.set(true);
    currentSettings = settings;
    currentStudy = name;
    trials.clear();
    rungs.clear();
    gp.set(null);
    BestCurve curve = new BestCurve(name + " · " + settings.method().id(), settings.method(), new ArrayList<>());
    bestCurves.removeIf(c -> c.label().equals(curve.label()));
    bestCurves.add(curve);
    status.set(UiText.of("tuning.status.preparing"));
    executor.submit(() -> runStudy(studiesFolder.resolve(name), settings, curve), outcome -> finished(outcome, curve),
        error -> {
          drain();
          running.set(false);
          current = null;
          problem.set(UiText.of(error));
          status.set(UiText.of("tuning.status.ready"));
          refreshStudies();
        });
    return true;
  }

  private StudyRunner.Outcome runStudy(Path folder, StudySettings settings, BestCurve curve) throws IOException {
    Study study = Study.openOrCreate(folder, settings);
    List<TrialRecord> earlier = study.trials();
    pending.add(() -> earlier.forEach(t -> addFinished(t, curve)));
    try (EngineTrialRunner runner = EngineTrialRunner.of(settings.space(), new DatasetRegistry(projectHome), settings.seed())) {
      StudyRunner studyRunner = new StudyRunner(study, runner, new StudyListener() {
        @Override
        public void trialStarted(TrialRequest request) {
          pending.add(() -> {
            trials.add(new TrialRow(currentStudy, request, TrialRow.State.RUNNING, List.of(), 0, null));
            status.set(UiText.of("tuning.status.running", request.index(), request.epochs()));
            revision.set(revision.get() + 1);
          });
        }

        @Override
        public void epoch(TrialRequest request, EpochPoint point) {
          pending.add(() -> replace(request.index(), r -> {
            List<EpochPoint> c = new ArrayList<>(r.curve());
            c.add(point);
            return new TrialRow(r.study(), r.request(), r.state(), c, r.seconds(), null);
          }));
        }

        @Override
        public void trialFinished(TrialRecord trial, boolean best) {
          pending.add(() -> addFinished(trial, curve));
        }
      });
      current = studyRunner;
      return studyRunner.run();
    }
  }

  private void finished(StudyRunner.Outcome outcome, BestCurve curve) {
    drain();
    running.set(false);
    current = null;
    trials.removeIf(r -> r.state() == TrialRow.State.RUNNING);
    status.set(UiText.of(outcome == StudyRunner.Outcome.COMPLETE ? "tuning.status.complete" : "tuning.status.stopped",
        trialsDone()));
    revision.set(revision.get() + 1);
    refreshStudies();
  }

  /** Stops the running trial within one minibatch; the study keeps its finished trials and can be resumed by Start. */
  public void stop() {
    StudyRunner r = current;
    if (r != null) {
      r.stop();
      status.set(UiText.of("tuning.status.stopping"));
    }
  }

  /** Applies the study's queued events (FX thread; the view calls it every frame). */
  public void drain() {
    boolean changed = false;
    for (Runnable r = pending.poll(); r != null; r = pending.poll()) {
      r.run();
      changed = true;
    }
    if (changed) {
      revision.set(revision.get() + 1);
    }
  }

  private void addFinished(TrialRecord t, BestCurve curve) {
    TrialRow row = new TrialRow(currentStudy, t.request(), t.failed() ? TrialRow.State.FAILED : TrialRow.State.FINISHED,
        t.curve(), t.seconds(), t);
    int at = indexOf(t.index());
    if (at >= 0) {
      trials.set(at, row);
    } else {
      trials.add(row);
    }
    List<TrialRecord> records = records();
    Set<Integer> stopped = RungTable.stopped(records);
    Set<Integer> parents = new java.util.HashSet<>();
    records.forEach(r -> parents.add(r.request().parent()));
    for (int i = 0; i < trials.size(); i++) {
      TrialRow r = trials.get(i);
      if (r.record() != null && !r.record().failed()) {
        TrialRow.State s = stopped.contains(r.index()) ? TrialRow.State.STOPPED
            : parents.contains(r.index()) ? TrialRow.State.PROMOTED : TrialRow.State.FINISHED;
        if (s != r.state()) {
          trials.set(i, r.withState(s));
        }
      }
    }
    rungs.setAll(currentSettings.method().multiFidelity() ? RungTable.of(records) : List.of());
    int used = records.stream().mapToInt(r -> r.request().epochs()).sum();
    Study.best(records).ifPresent(b -> curve.points().add(new double[] {used, b.score()}));
    updateGp(records);
    int curveAt = bestCurves.indexOf(curve);
    if (curveAt >= 0) {
      bestCurves.set(curveAt, curve);
    }
  }

  private List<TrialRecord> records() {
    return trials.stream().map(TrialRow::record).filter(r -> r != null).toList();
  }

  private void updateGp(List<TrialRecord> records) {
    if (currentSettings.method() != Method.BAYES || currentSettings.space().dimensions() != 1 || records.size() < 2) {
      gp.set(null);
      return;
    }
    BayesianSearch.Model model = new BayesianSearch(currentSettings.space(), currentSettings.seed()).model(records);
    if (model == null) {
      gp.set(null);
      return;
    }
    SearchSpace space = currentSettings.space();
    ParameterRange range = space.ranges().get(0);
    int n = 120;
    double[] values = new double[n];
    double[] mean = new double[n];
    double[] std = new double[n];
    double[] ei = new double[n];
    for (int i = 0; i < n; i++) {
      double u = i / (double) (n - 1);
      values[i] = range.at(u) instanceof Double d ? d : u;
      GaussianProcess.Prediction p = model.scorePrediction(new double[] {u});
      mean[i] = p.mean();
      std[i] = p.std();
      ei[i] = model.expectedImprovement(new double[] {u}) * model.scale();
    }
    double[] ox = new double[records.size()];
    double[] oy = new double[records.size()];
    for (int i = 0; i < records.size(); i++) {
      Object v = records.get(i).request().config().get(range.parameter());
      ox[i] = v instanceof Double d ? d : range.unit(v);
      oy[i] = records.get(i).score();
    }
    gp.set(new GpCurve(range.parameter(), values, mean, std, ei, ox, oy));
  }

  private int indexOf(int trialIndex) {
    for (int i = 0; i < trials.size(); i++) {
      if (trials.get(i).index() == trialIndex) {
        return i;
      }
    }
    return -1;
  }

  private void replace(int trialIndex, Function<TrialRow, TrialRow> change) {
    int at = indexOf(trialIndex);
    if (at >= 0) {
      trials.set(at, change.apply(trials.get(at)));
    }
  }

  /** Lists the studies folder again (on a background thread). */
  public void refreshStudies() {
    executor.submit(() -> Study.list(studiesFolder).stream().map(p -> p.getFileName().toString()).toList(),
        studies::setAll, e -> studies.clear());
  }

  /** Opens a study of the workspace: its settings fill the form, its trials the table. */
  public void openStudy(String name) {
    if (running.get()) {
      return;
    }
    executor.submit(() -> Study.open(studiesFolder.resolve(name)), study -> {
      show(study.settings());
      studyName.set(name);
      currentSettings = study.settings();
      currentStudy = name;
      trials.clear();
      BestCurve curve = new BestCurve(name + " · " + study.settings().method().id(), study.settings().method(), new ArrayList<>());
      bestCurves.removeIf(c -> c.label().equals(curve.label()));
      bestCurves.add(curve);
      study.trials().forEach(t -> addFinished(t, curve));
      problem.set(null);
      status.set(UiText.of("tuning.status.opened", name, study.trials().size()));
      revision.set(revision.get() + 1);
    }, e -> problem.set(UiText.of(e)));
  }

  private void show(StudySettings s) {
    SearchSpace space = s.space();
    network.set(space.network());
    dataset.set(space.dataset());
    layer.set(space.layer());
    trainExamples.set(Integer.toString(space.trainExamples()));
    validationExamples.set(Integer.toString(space.validationExamples()));
    for (ParameterRow row : parameters) {
      row.searchedProperty().set(false);
      Object v = space.fixed().values().get(row.parameter());
      row.fixedProperty().set(v == null ? "" : format(v));
    }
    space.ranges().forEach(r -> parameter(r.parameter()).show(r));
    method.set(s.method());
    budget.set(Integer.toString(s.budget()));
    eta.set(Integer.toString(s.eta()));
    seed.set(Long.toString(s.seed()));
  }

  /**
   * The design and training configuration of the best trial, for the Training screen ("Train
   * this configuration"); computed on a background thread.
   */
  public void bestConfiguration(java.util.function.BiConsumer<NetworkSpec, TrainingConfig> use) {
    Optional<TrialRow> best = best();
    if (best.isEmpty() || currentSettings == null) {
      problem.set(UiText.of("tuning.error.noBest"));
      return;
    }
    SearchSpace space = currentSettings.space();
    TrialRequest request = best.get().request();
    long studySeed = currentSettings.seed();
    executor.submit(() -> {
      NetworkSpec spec = TunedNetwork.apply(TunedNetwork.base(space.network()), request.config(), space.layer());
      TrainingConfig config = SearchSpace.trainingConfig(request.config(), request.epochs(), studySeed)
          .withLimit(space.trainExamples());
      return Map.entry(spec.withName(spec.name() + " · " + currentStudy + " #" + request.index()), config);
    }, e -> use.accept(e.getKey(), e.getValue()), e -> problem.set(UiText.of(e)));
  }

  /**
   * Trains {@code row}'s trial again and compares the curve with the recorded one bit for bit;
   * the status says whether they are identical.
   */
  public void reproduce(TrialRow row) {
    if (running.get() || row.record() == null || currentSettings == null) {
      return;
    }
    StudySettings settings = currentSettings;
    running.set(true);
    status.set(UiText.of("tuning.status.reproducing", row.index()));
    executor.submit(() -> {
      try (EngineTrialRunner runner = EngineTrialRunner.of(settings.space(), new DatasetRegistry(projectHome), settings.seed())) {
        return runner.run(row.request(), p -> {}).map(again -> sameCurve(again, row.record())).orElse(false);
      }
    }, same -> {
      running.set(false);
      status.set(UiText.of(same ? "tuning.status.reproduced" : "tuning.status.notReproduced", row.index()));
    }, e -> {
      running.set(false);
      problem.set(UiText.of(e));
    });
  }

  /** Whether two runs' curves are equal bit for bit (losses and accuracies of every epoch). */
  static boolean sameCurve(TrialRecord a, TrialRecord b) {
    if (a.curve().size() != b.curve().size()) {
      return false;
    }
    for (int i = 0; i < a.curve().size(); i++) {
      EpochPoint p = a.curve().get(i);
      EpochPoint q = b.curve().get(i);
      if (Double.doubleToLongBits(p.trainLoss()) != Double.doubleToLongBits(q.trainLoss())
          || Double.doubleToLongBits(p.validationLoss()) != Double.doubleToLongBits(q.validationLoss())
          || Double.doubleToLongBits(p.validationAccuracy()) != Double.doubleToLongBits(q.validationAccuracy())) {
        return false;
      }
    }
    return true;
  }

  /** Lesson facts: trials done and the best validation accuracy. */
  public Map<String, Object> facts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("trials.done", (long) trialsDone());
    best().ifPresent(b -> facts.put("best.accuracy", b.validationAccuracy()));
    facts.put("method", method.get().id());
    facts.put("running", running.get());
    return facts;
  }

  /** A number as typed in the form: whole numbers without decimals, others in full. */
  static String format(Object value) {
    if (value instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e12 ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%s", d);
    }
    return String.valueOf(value);
  }
}
