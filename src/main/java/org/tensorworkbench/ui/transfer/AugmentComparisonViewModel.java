package org.tensorworkbench.ui.transfer;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.augment.AugmentComparison;
import org.tensorworkbench.engine.augment.AugmentComparison.Settings;
import org.tensorworkbench.engine.augment.AugmentComparison.Variant;
import org.tensorworkbench.engine.augment.AugmentPipeline;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.ui.common.SideBySideRuns;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The comparison run of d2l 14.1: one network trained with and without the edited augmentation
 * on the same small training subset with the same seed, side by side. Each run's training and
 * test accuracy per epoch are kept for its chart; the train−test gap of the last epoch shows
 * what augmentation does against overfitting. The sessions report to queues that
 * {@link #drain()} empties once per frame.
 */
public final class AugmentComparisonViewModel {
  /** Networks offered: small CNNs and the MLP, all trained in seconds per epoch on a subset. */
  public static final List<String> NETWORKS = List.of("lenet-bn", "lenet", "mlp");

  /** Where the comparison is. */
  public enum Phase { IDLE, PREPARING, RUNNING, DONE, STOPPED, FAILED }

  /** Accuracy after one epoch. */
  public record Point(int epoch, double train, double test) {
    /** Training minus test accuracy: how much the network fits its own images better. */
    public double gap() {
      return train - test;
    }
  }

  private final UiExecutor executor;
  private final Path projectHome;
  private final Supplier<AugmentPipeline> pipeline;
  private final StringProperty network = new SimpleStringProperty();
  private final StringProperty trainImages = new SimpleStringProperty();
  private final StringProperty epochs = new SimpleStringProperty();
  private final StringProperty batchSize = new SimpleStringProperty();
  private final StringProperty seed = new SimpleStringProperty();
  private final Map<Variant, ObservableList<Point>> points = new EnumMap<>(Variant.class);
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final SideBySideRuns<Variant> runs = new SideBySideRuns<>(Variant.class, SideBySideRuns.AfterEnd.CLOSE,
      error::set, outcome -> phase.set(Phase.valueOf(outcome.name())));

  /**
   * @param executor prepares the runs (loading the images, compiling) in the background
   * @param projectHome the folder holding {@code datasets/}
   * @param pipeline the augmentation being edited, read when a comparison starts
   */
  public AugmentComparisonViewModel(UiExecutor executor, Path projectHome, Supplier<AugmentPipeline> pipeline) {
    this.executor = executor;
    this.projectHome = projectHome;
    this.pipeline = pipeline;
    for (Variant v : Variant.values()) {
      points.put(v, FXCollections.observableArrayList());
    }
    Settings d = Settings.defaults();
    network.set(d.network());
    trainImages.set(Integer.toString(d.trainImages()));
    epochs.set(Integer.toString(d.epochs()));
    batchSize.set(Integer.toString(d.batchSize()));
    seed.set(Long.toString(d.seed()));
    phase.addListener((o, was, now) -> busy.set(now == Phase.PREPARING || now == Phase.RUNNING));
  }

  public StringProperty networkProperty() {
    return network;
  }

  public StringProperty trainImagesProperty() {
    return trainImages;
  }

  public StringProperty epochsProperty() {
    return epochs;
  }

  public StringProperty batchSizeProperty() {
    return batchSize;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  /** The accuracies of one run, one point per finished epoch. */
  public ObservableList<Point> points(Variant variant) {
    return points.get(variant);
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Reads the settings, prepares both runs in the background and starts them side by side. */
  public void start() {
    if (busy.get()) {
      return;
    }
    Settings settings;
    try {
      Settings d = Settings.defaults();
      settings = new Settings(network.get(), d.dataset(), whole(trainImages, "trainImages"), d.testImages(),
          whole(epochs, "epochs"), whole(batchSize, "batchSize"), whole(seed, "seed"));
    } catch (RuntimeException e) {
      error.set(UiText.of(e));
      return;
    }
    AugmentPipeline augmentation = pipeline.get();
    error.set(null);
    points.values().forEach(List::clear);
    phase.set(Phase.PREPARING);
    runs.prepare(executor, () -> AugmentComparison.prepare(projectHome, settings, augmentation), this::startSessions);
  }

  /** Stops both runs after their current minibatch; their points so far stay. */
  public void stop() {
    runs.stop();
  }

  /** Moves what the sessions reported into the points; once per frame on the FX thread. */
  public void drain() {
    runs.drain(this::take);
  }

  /** Waits until both sessions have ended (tests, leaving the lab); true if they did in time. */
  public boolean awaitEnd(long millis) throws InterruptedException {
    return runs.awaitEnd(millis);
  }

  private void startSessions(AugmentComparison comparison) {
    phase.set(Phase.RUNNING);
    runs.start(comparison::start);
  }

  private void take(Variant v, TrainingEvent event) {
    if (event instanceof TrainingEvent.Epoch ep) {
      points.get(v).add(new Point(ep.epoch() + 1, ep.trainAccuracy(), ep.test().accuracy()));
    }
  }

  private static int whole(StringProperty text, String name) {
    try {
      return Integer.parseInt(text.get().strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new org.tensorworkbench.engine.augment.AugmentException("transfer.augment.error.notWhole", name, text.get());
    }
  }
}
