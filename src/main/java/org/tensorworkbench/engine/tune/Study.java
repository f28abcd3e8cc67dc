package org.tensorworkbench.engine.tune;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.tensorworkbench.engine.io.AtomicFiles;

/**
 * A study's folder ({@code studies/<name>} in the workspace, or the command line's {@code --out}):
 * <ul>
 *   <li>{@value #SETTINGS}: the search space, the method, its seed, η and the budget;
 *   <li>{@value #SPACE}: the search space alone, to start another study from;
 *   <li>{@value #TRIALS}{@code /trial-NNNN.json}: every finished trial's configuration, epochs,
 *       rung, learning curve and metrics, written the moment it finishes;
 *   <li>{@value #BEST_MODEL}: the model of the best trial so far;
 *   <li>{@value #RESULT}: when the study is complete, the chosen trial and its test-split metrics.
 * </ul>
 * Every file is written atomically, so a crash loses at most the trial that was running.
 */
public final class Study {
  public static final String SETTINGS = "study.json";
  public static final String SPACE = "space.json";
  public static final String TRIALS = "trials";
  public static final String BEST_MODEL = "best.twmodel";
  public static final String RESULT = "result.json";

  private final Path folder;
  private final StudySettings settings;
  private final List<TrialRecord> trials;

  private Study(Path folder, StudySettings settings, List<TrialRecord> trials) {
    this.folder = folder;
    this.settings = settings;
    this.trials = new ArrayList<>(trials);
  }

  /** Whether {@code folder} holds a study. */
  public static boolean exists(Path folder) {
    return Files.isRegularFile(folder.resolve(SETTINGS));
  }

  /**
   * Opens the study in {@code folder} to resume it if it was started with the same settings, or
   * starts a new one there. A folder holding a different study is refused (never overwritten).
   */
  public static Study openOrCreate(Path folder, StudySettings settings) throws IOException {
    if (exists(folder)) {
      Study study = open(folder);
      if (!TuningJson.writeSettings(study.settings).equals(TuningJson.writeSettings(settings))) {
        throw new TuningException("tuning.error.studyExists", folder.toString());
      }
      return study;
    }
    if (Files.isDirectory(folder)) {
      try (Stream<Path> entries = Files.list(folder)) {
        if (entries.findAny().isPresent()) {
          throw new TuningException("tuning.error.folderNotEmpty", folder.toString());
        }
      }
    }
    Files.createDirectories(folder.resolve(TRIALS));
    AtomicFiles.writeString(folder.resolve(SPACE), TuningJson.writeSpace(settings.space()));
    AtomicFiles.writeString(folder.resolve(SETTINGS), TuningJson.writeSettings(settings));
    return new Study(folder, settings, List.of());
  }

  /** Reads a study and every trial it finished. */
  public static Study open(Path folder) throws IOException {
    StudySettings settings = TuningJson.readSettings(Files.readString(folder.resolve(SETTINGS), StandardCharsets.UTF_8));
    List<TrialRecord> trials = new ArrayList<>();
    Path dir = folder.resolve(TRIALS);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.getFileName().toString().matches("trial-\\d+\\.json")).sorted().toList()) {
          trials.add(TuningJson.readTrial(Files.readString(f, StandardCharsets.UTF_8)));
        }
      }
    }
    trials.sort(Comparator.comparingInt(TrialRecord::index));
    for (int i = 0; i < trials.size(); i++) {
      if (trials.get(i).index() != i) {
        throw new TuningException("tuning.error.trialMissing", folder.toString(), i);
      }
    }
    return new Study(folder, settings, trials);
  }

  public Path folder() {
    return folder;
  }

  public String name() {
    return folder.getFileName().toString();
  }

  public StudySettings settings() {
    return settings;
  }

  /** The finished trials, in the order they ran. */
  public List<TrialRecord> trials() {
    return List.copyOf(trials);
  }

  /** Epochs trained so far, summed over the trials. */
  public int epochsUsed() {
    return trials.stream().mapToInt(t -> t.request().epochs()).sum();
  }

  /** The trial with the best validation score. */
  public Optional<TrialRecord> best() {
    return best(trials);
  }

  public static Optional<TrialRecord> best(List<TrialRecord> trials) {
    TrialRecord best = null;
    for (TrialRecord t : trials) {
      if (best == null || t.betterThan(best)) {
        best = t;
      }
    }
    return Optional.ofNullable(best).filter(t -> !Double.isNaN(t.score()));
  }

  /** Records a finished trial (atomically, before anything else happens). */
  public void add(TrialRecord trial) throws IOException {
    if (trial.index() != trials.size()) {
      throw new IllegalArgumentException("trial " + trial.index() + " after " + trials.size());
    }
    AtomicFiles.writeString(trialFile(trial.index()), TuningJson.writeTrial(trial));
    trials.add(trial);
  }

  public Path trialFile(int index) {
    return folder.resolve(TRIALS).resolve(String.format("trial-%04d.json", index));
  }

  public Path bestModel() {
    return folder.resolve(BEST_MODEL);
  }

  /** Writes {@value #RESULT}: the chosen trial and its metrics on the test split. */
  public void writeResult(TrialRecord chosen, TrialRunner.TestResult test) throws IOException {
    String json = String.format(java.util.Locale.ROOT,
        "{%n  \"format\": %d,%n  \"bestTrial\": %d,%n  \"config\": \"%s\",%n  \"validationAccuracy\": %s,%n"
            + "  \"validationLoss\": %s,%n  \"testAccuracy\": %s,%n  \"testLoss\": %s,%n  \"testExamples\": %d,%n"
            + "  \"epochsUsed\": %d%n}%n",
        TuningJson.FORMAT, chosen.index(), chosen.request().config().describe(), json(chosen.validationAccuracy()),
        json(chosen.validationLoss()), json(test.accuracy()), json(test.loss()), test.examples(), epochsUsed());
    AtomicFiles.writeString(folder.resolve(RESULT), json);
  }

  private static String json(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  /** The studies in {@code studiesFolder}, by name. */
  public static List<Path> list(Path studiesFolder) throws IOException {
    if (!Files.isDirectory(studiesFolder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(studiesFolder)) {
      return entries.filter(Study::exists).sorted().toList();
    }
  }
}
