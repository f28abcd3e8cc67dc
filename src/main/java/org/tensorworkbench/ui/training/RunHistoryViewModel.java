package org.tensorworkbench.ui.training;

import org.tensorworkbench.ui.common.UiText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.train.RecordedRun;
import org.tensorworkbench.engine.train.RunFolder;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The run history: every run folder in the workspace's {@code runs/} (from this screen or from
 * the command line's {@code train}), newest first. Runs ticked in {@link #overlaid()} have their
 * curves drawn on top of each other. Needs no toolkit.
 */
public final class RunHistoryViewModel {
  /** A run folder still hidden after a day without a write was left by a killed writer. */
  static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofDays(1);
  private final UiExecutor executor;
  private final Supplier<Path> runsFolder;
  private final ObservableList<RecordedRun> runs = FXCollections.observableArrayList();
  private final ObservableSet<Path> overlaid = FXCollections.observableSet();
  private final ReadOnlyObjectWrapper<UiText> notice = new ReadOnlyObjectWrapper<>();

  /** @param runsFolder the {@code runs/} folder; called in the background */
  public RunHistoryViewModel(UiExecutor executor, Supplier<Path> runsFolder) {
    this.executor = executor;
    this.runsFolder = runsFolder;
  }

  /** Reads every run folder again, in the background. Unreadable folders are skipped. */
  public void refresh() {
    executor.submit(() -> readAll(runsFolder.get()), found -> {
      runs.setAll(found);
      overlaid.removeIf(p -> found.stream().noneMatch(r -> r.folder().equals(p)));
    }, error -> notice.set(UiText.of(error)));
  }

  static List<RecordedRun> readAll(Path folder) throws IOException {
    List<RecordedRun> found = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return found;
    }
    AtomicFiles.deleteAbandonedStagingFolders(folder, ABANDONED_AFTER);
    try (Stream<Path> dirs = Files.list(folder)) {
      // a hidden folder is a run still being written (or left by a killed writer), not a run
      for (Path dir : dirs.filter(d -> !d.getFileName().toString().startsWith(".")
          && Files.isRegularFile(d.resolve(RunFolder.SUMMARY))).toList()) {
        try {
          found.add(RunFolder.read(dir));
        } catch (IOException | RuntimeException e) {
          // a folder being written or damaged by hand: not a run to list, but said in the log
          org.slf4j.LoggerFactory.getLogger(RunHistoryViewModel.class).warn("run folder {} skipped: {}", dir, e.toString());
        }
      }
    }
    found.sort(Comparator.comparing(RecordedRun::created).thenComparing(r -> r.folder().getFileName().toString())
        .reversed());
    return found;
  }

  /** A run that just ended: listed first and overlaid. */
  public void add(RecordedRun run) {
    runs.removeIf(r -> r.folder().equals(run.folder()));
    runs.add(0, run);
  }

  /** Ticks or unticks a run for the overlay. */
  public void setOverlaid(RecordedRun run, boolean shown) {
    if (shown) {
      overlaid.add(run.folder());
    } else {
      overlaid.remove(run.folder());
    }
  }

  /** The ticked runs, in list order. */
  public List<RecordedRun> overlaidRuns() {
    return runs.stream().filter(r -> overlaid.contains(r.folder())).toList();
  }

  /** Copies the run's {@code metrics.csv} to {@code target} (atomically). */
  public void exportMetrics(RecordedRun run, Path target) {
    executor.submit(() -> {
      AtomicFiles.write(target, Files.readAllBytes(run.folder().resolve(RunFolder.METRICS)));
      return target;
    }, done -> notice.set(UiText.of("training.notice.exported", done.getFileName().toString())),
        error -> notice.set(UiText.of(error)));
  }

  public ObservableList<RecordedRun> runs() {
    return runs;
  }

  /** The folders of the runs whose curves are overlaid. */
  public ObservableSet<Path> overlaid() {
    return overlaid;
  }

  /** Shows {@code text} as the history's latest note (e.g. an export written by the view). */
  public void noticeFrom(UiText text) {
    notice.set(text);
  }

  public ReadOnlyObjectProperty<UiText> noticeProperty() {
    return notice.getReadOnlyProperty();
  }
}
