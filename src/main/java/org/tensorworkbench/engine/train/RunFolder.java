package org.tensorworkbench.engine.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.io.ModelFile;

/**
 * The folder a training run leaves behind, the same for the command line's {@code train} and
 * the Training screen, so the run history reads both:
 *
 * <ul>
 *   <li>{@value #METRICS}: one row per epoch: epoch, train_loss, train_acc, test_loss,
 *       test_acc, seconds, images_per_s (accuracies empty for a regression);
 *   <li>{@value #SUMMARY}: written and read by {@link RunJson}: network, dataset, parameters, the training configuration, status,
 *       epochs, seconds, images/s, final train and test metrics (per-class accuracy, confusion
 *       matrix and class names for a classifier, RMSE for a regression);
 *   <li>{@value #CURVE}: the loss per iteration (iteration, epoch, loss, learning_rate), thinned
 *       to at most {@value #CURVE_POINTS} points by {@link MinMaxDecimation};
 *   <li>{@value #MODEL}: the trained model, saved by {@link PreparedRun#saveModel}.
 * </ul>
 *
 * Every file is written atomically, and the folder as a whole through {@link #stage}.
 */
public final class RunFolder {
  public static final String METRICS = "metrics.csv";
  public static final String SUMMARY = "summary.json";
  public static final String CURVE = "curve.csv";
  public static final String MODEL = "model" + ModelFile.EXTENSION;
  /** The most points of the per-iteration curve kept on disk. */
  public static final int CURVE_POINTS = 2000;
  static final String FINISHED = "finished";
  static final String STOPPED = "stopped";
  static final String FAILED = "failed";
  static final String RUNNING = "running";
  private static final String METRICS_HEADER = "epoch,train_loss,train_acc,test_loss,test_acc,seconds,images_per_s";
  private static final String CURVE_HEADER = "iteration,epoch,loss,learning_rate";

  private RunFolder() {}

  /**
   * Starts writing the run folder {@code target} as a whole ({@link AtomicFiles#stageFolder}): the
   * model and then {@link Staged#commit} write into a fresh hidden folder beside it, which is
   * renamed into place only when every file is written, so {@code target} is always either the
   * previous run or the new one, never half of one. Fails at once if the folder cannot be
   * written. The command line's {@code train} and the Training screen both write their runs so.
   */
  public static Staged stage(Path target) throws IOException {
    return new Staged(AtomicFiles.stageFolder(target), target);
  }

  /**
   * A run folder being written (from {@link #stage}); closing it deletes what was written unless
   * {@link #commit} put it in place.
   */
  public static final class Staged implements AutoCloseable {
    private final Path folder;
    private final Path target;

    private Staged(Path folder, Path target) {
      this.folder = folder;
      this.target = target;
    }

    /** The hidden folder being written, beside the target. */
    public Path folder() {
      return folder;
    }

    /** Where the trained model is to be saved ({@value #MODEL} in the staged folder). */
    public Path modelFile() {
      return folder.resolve(MODEL);
    }

    /** Writes metrics, curve and summary of {@code log}, then puts the whole folder in the target's place. */
    public void commit(String networkLabel, PreparedRun run, RunLog log) throws IOException {
      write(folder, networkLabel, run, log);
      AtomicFiles.replaceFolder(folder, target);
    }

    /** Deletes the staged folder if it was not committed. */
    @Override
    public void close() throws IOException {
      AtomicFiles.deleteTree(folder);
    }
  }

  /** Writes metrics, summary and curve of {@code log} into {@code dir} (created if needed). */
  public static void write(Path dir, String networkLabel, PreparedRun run, RunLog log) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.writeString(dir.resolve(METRICS), metricsCsv(log.epochs()));
    AtomicFiles.writeString(dir.resolve(CURVE), curveCsv(log.iterations()));
    AtomicFiles.writeString(dir.resolve(SUMMARY), RunJson.write(summary(networkLabel, run, log)));
  }

  /** The {@value #METRICS} text: a header and one row per epoch (epochs counted from 1). */
  public static String metricsCsv(List<TrainingEvent.Epoch> epochs) {
    StringBuilder csv = new StringBuilder(METRICS_HEADER).append('\n');
    for (TrainingEvent.Epoch e : epochs) {
      csv.append(String.format(Locale.ROOT, "%d,%.6f,%s,%.6f,%s,%.3f,%.1f%n", e.epoch() + 1, e.trainLoss(),
          orEmpty(e.trainAccuracy()), e.test().loss(), orEmpty(e.test().accuracy()), e.seconds(),
          e.examplesPerSecond()));
    }
    return csv.toString();
  }

  private static String curveCsv(List<TrainingEvent.Iteration> iterations) {
    double[] losses = iterations.stream().mapToDouble(TrainingEvent.Iteration::loss).toArray();
    StringBuilder csv = new StringBuilder(CURVE_HEADER).append('\n');
    for (int i : MinMaxDecimation.keep(losses, CURVE_POINTS)) {
      TrainingEvent.Iteration it = iterations.get(i);
      csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s%n", it.iteration(), it.epoch(), it.loss(), it.learningRate()));
    }
    return csv.toString();
  }

  private static String orEmpty(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
  }

  private static RunJson.Summary summary(String networkLabel, PreparedRun run, RunLog log) {
    double seconds = log.trainingSeconds();
    long examples = log.epochs().stream().mapToLong(e -> Math.round(e.examplesPerSecond() * e.seconds())).sum();
    TrainingEvent.Epoch last = log.lastEpoch();
    Evaluation test = log.finalTest();
    ClassificationEvaluation classes = test instanceof ClassificationEvaluation c ? c : null;
    return new RunJson.Summary(RunJson.FORMAT_VERSION, networkLabel, run.data().name(), run.network().parameterCount(),
        RunJson.configMap(run.config()), log.status(), Instant.now().toString(), log.epochs().size(),
        log.iterations().size(), seconds, seconds > 0 ? examples / seconds : null,
        last == null ? null : nullIfNaN(last.trainLoss()), last == null ? null : nullIfNaN(last.trainAccuracy()),
        test == null ? null : nullIfNaN(test.loss()), test == null ? null : nullIfNaN(test.accuracy()),
        classes == null ? null : classes.perClassAccuracy(), classes == null ? null : classes.confusion(),
        test instanceof RegressionEvaluation r ? r.rmse() : null,
        run.data().classCount() > 0 ? run.data().classNames(Locale.ENGLISH) : null,
        log.ending() instanceof TrainingEvent.Failed f ? f.message() : null);
  }

  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /**
   * Reads a run folder written by this class (or by an older {@code train} without a curve).
   *
   * @throws IOException if {@value #SUMMARY} is missing or unreadable
   */
  public static RecordedRun read(Path dir) throws IOException {
    RunJson.Summary summary = RunJson.readSummary(dir.resolve(SUMMARY));
    List<RecordedRun.EpochRow> epochs = new ArrayList<>();
    Path metrics = dir.resolve(METRICS);
    if (Files.isRegularFile(metrics)) {
      for (String[] row : rows(metrics)) {
        epochs.add(new RecordedRun.EpochRow(Integer.parseInt(row[0]), number(row[1]), number(row[2]), number(row[3]),
            number(row[4]), number(row[5]), number(row[6])));
      }
    }
    List<RecordedRun.CurvePoint> curve = new ArrayList<>();
    Path curveFile = dir.resolve(CURVE);
    if (Files.isRegularFile(curveFile)) {
      for (String[] row : rows(curveFile)) {
        curve.add(new RecordedRun.CurvePoint(Long.parseLong(row[0]), Integer.parseInt(row[1]), number(row[2]),
            number(row[3])));
      }
    }
    Path model = dir.resolve(MODEL);
    return new RecordedRun(dir, Objects.requireNonNullElse(summary.network(), ""),
        Objects.requireNonNullElse(summary.dataset(), ""), Objects.requireNonNullElse(summary.status(), FINISHED),
        Objects.requireNonNullElse(summary.created(), ""), Objects.requireNonNullElse(summary.parameters(), 0L),
        summary.training() == null ? Map.of() : summary.training(), number(summary.testAccuracy()),
        number(summary.testLoss()), number(summary.seconds()), epochs, curve, Files.isRegularFile(model) ? model : null);
  }

  private static List<String[]> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (!line.isBlank()) {
        rows.add(line.split(",", -1));
      }
    }
    return rows;
  }

  private static double number(String text) {
    try {
      return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double number(Double value) {
    return value == null ? Double.NaN : value;
  }
}
