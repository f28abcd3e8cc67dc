package org.tensorworkbench.ui.playground;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.tensorworkbench.engine.lab.playground.Activation;
import org.tensorworkbench.engine.lab.playground.DataSettings;
import org.tensorworkbench.engine.lab.playground.InputFeature;
import org.tensorworkbench.engine.lab.playground.NetworkSettings;
import org.tensorworkbench.engine.lab.playground.PlaneData;
import org.tensorworkbench.engine.lab.playground.PlaneSnapshot;
import org.tensorworkbench.engine.lab.playground.PlaygroundDataset;
import org.tensorworkbench.engine.lab.playground.PlaygroundNetwork;
import org.tensorworkbench.engine.lab.playground.PlaygroundSession;
import org.tensorworkbench.engine.lab.playground.TrainSettings;
import org.tensorworkbench.engine.lab.playground.TrainingMetrics;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;
import org.tensorworkbench.ui.training.DecimatedSeries;

/**
 * The Playground tab: its settings, the session that trains, and what the pictures show.
 *
 * <p>Every change of a setting builds a new session (new data, new weights). The session is
 * touched only by background work submitted through the {@link UiExecutor}, one piece at a
 * time: while playing, a burst of steps (at most {@link #BURST_MILLIS} ms) followed by the
 * metrics, the grid snapshot and its pictures runs in the background; when it has delivered, the
 * next burst starts at once, while the view draws the newest results once per frame (it also
 * calls {@link #frame()} every frame, which starts a burst if none is running). The FX thread
 * only stores results and copies pixels.
 */
public final class PlaygroundViewModel {
  /** The grid's side: boundary and neuron pictures are {@value}x{@value} evaluations. */
  public static final int RESOLUTION = 48;
  static final long BURST_MILLIS = 30;
  private static final int CURVE_POINTS = 2000;

  private final UiExecutor executor;
  private final DesignHandoff builderHandoff;

  private final ObjectProperty<PlaygroundDataset> dataset = new SimpleObjectProperty<>(PlaygroundDataset.SPIRAL);
  private final IntegerProperty classes = new SimpleIntegerProperty(3);
  private final DoubleProperty noise = new SimpleDoubleProperty(0.2);
  private final IntegerProperty points = new SimpleIntegerProperty(500);
  private final DoubleProperty testShare = new SimpleDoubleProperty(0.2);
  private final IntegerProperty seed = new SimpleIntegerProperty(1);
  private final StringProperty layers = new SimpleStringProperty("8, 8");
  private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.RELU);
  private final ObservableSet<InputFeature> features =
      FXCollections.observableSet(EnumSet.of(InputFeature.X1, InputFeature.X2));
  private final DoubleProperty l2 = new SimpleDoubleProperty(0);
  private final DoubleProperty dropout = new SimpleDoubleProperty(0);
  private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(Optimizer.ADAM);
  private final DoubleProperty learningRate = new SimpleDoubleProperty(0.03);
  private final IntegerProperty batch = new SimpleIntegerProperty(32);
  private final IntegerProperty stepsPerFrame = new SimpleIntegerProperty(10);

  private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<PlaneData> data = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<PlaneSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<PlanePictures> pictures = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<TrainingMetrics> metrics = new ReadOnlyObjectWrapper<>();
  private final DecimatedSeries trainLoss = new DecimatedSeries(CURVE_POINTS);
  private final DecimatedSeries testLoss = new DecimatedSeries(CURVE_POINTS);
  private final BooleanProperty curvesChanged = new SimpleBooleanProperty();

  private PlaygroundSession session;
  /** The session some background work is using now, or null. */
  private PlaygroundSession busy;
  private boolean stepRequested;
  /** True while {@link #frame} hands work to the executor (a direct executor finishes it inside). */
  private boolean submitting;
  private boolean settingUp;

  public PlaygroundViewModel(UiExecutor executor, DesignHandoff builderHandoff) {
    this.executor = executor;
    this.builderHandoff = builderHandoff;
    Runnable rebuild = () -> {
      if (!settingUp) {
        reset();
      }
    };
    for (var p : List.of(dataset, classes, noise, points, testShare, seed, layers, activation, l2, dropout, optimizer,
        learningRate, batch)) {
      p.addListener(o -> rebuild.run());
    }
    features.addListener((javafx.collections.SetChangeListener<InputFeature>) c -> rebuild.run());
    reset();
  }

  // ---- settings ----

  public ObjectProperty<PlaygroundDataset> datasetProperty() {
    return dataset;
  }

  public IntegerProperty classesProperty() {
    return classes;
  }

  public DoubleProperty noiseProperty() {
    return noise;
  }

  public IntegerProperty pointsProperty() {
    return points;
  }

  public DoubleProperty testShareProperty() {
    return testShare;
  }

  public IntegerProperty seedProperty() {
    return seed;
  }

  /** The hidden layer widths as typed, e.g. {@code 8, 8}. */
  public StringProperty layersProperty() {
    return layers;
  }

  public ObjectProperty<Activation> activationProperty() {
    return activation;
  }

  public ObservableSet<InputFeature> features() {
    return features;
  }

  public DoubleProperty l2Property() {
    return l2;
  }

  public DoubleProperty dropoutProperty() {
    return dropout;
  }

  public ObjectProperty<Optimizer> optimizerProperty() {
    return optimizer;
  }

  public DoubleProperty learningRateProperty() {
    return learningRate;
  }

  public IntegerProperty batchProperty() {
    return batch;
  }

  /** Training steps per refresh while playing (0: as many as fit in a burst). */
  public IntegerProperty stepsPerFrameProperty() {
    return stepsPerFrame;
  }

  /** Changes the dataset and puts its default noise and a class count it allows, as one change. */
  public void chooseDataset(PlaygroundDataset newSet) {
    DataSettings adjusted = currentDataOrDefault().withDataset(newSet);
    batchUpdate(() -> {
      dataset.set(newSet);
      noise.set(adjusted.noise());
      if (!newSet.isRegression()) {
        classes.set(adjusted.classes());
      }
    });
  }

  /** Adds a hidden layer of 4 neurons (at most {@value NetworkSettings#MAX_LAYERS}). */
  public void addLayer() {
    List<Integer> widths = parsedLayers();
    if (widths != null && widths.size() < NetworkSettings.MAX_LAYERS) {
      widths.add(4);
      layers.set(format(widths));
    }
  }

  /** Removes the last hidden layer (the network keeps at least one). */
  public void removeLayer() {
    List<Integer> widths = parsedLayers();
    if (widths != null && widths.size() > 1) {
      widths.remove(widths.size() - 1);
      layers.set(format(widths));
    }
  }

  /** Runs {@code changes} to several settings and rebuilds once. */
  public void batchUpdate(Runnable changes) {
    settingUp = true;
    try {
      changes.run();
    } finally {
      settingUp = false;
    }
    reset();
  }

  // ---- state ----

  /** Why the settings cannot be used, or null. */
  public ReadOnlyObjectProperty<UiText> messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<PlaneData> dataProperty() {
    return data.getReadOnlyProperty();
  }

  /** The latest grid evaluation (null while the settings are bad). */
  public ReadOnlyObjectProperty<PlaneSnapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  /** The latest pictures (boundary and every neuron), rendered off the FX thread; null while the settings are bad. */
  public ReadOnlyObjectProperty<PlanePictures> picturesProperty() {
    return pictures.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<TrainingMetrics> metricsProperty() {
    return metrics.getReadOnlyProperty();
  }

  public DecimatedSeries trainLoss() {
    return trainLoss;
  }

  public DecimatedSeries testLoss() {
    return testLoss;
  }

  /** Flips whenever points were added to the loss curves. */
  public BooleanProperty curvesChangedProperty() {
    return curvesChanged;
  }

  // ---- actions ----

  public void play() {
    if (session != null) {
      running.set(true);
      frame();
    }
  }

  public void pause() {
    running.set(false);
  }

  /** One training step, then a refresh of the pictures. */
  public void step() {
    if (session == null) {
      return;
    }
    running.set(false);
    stepRequested = true;
    frame();
  }

  /** A new session from the settings: new data and new weights; bad settings give a message. */
  public void reset() {
    running.set(false);
    trainLoss.clear();
    testLoss.clear();
    curvesChanged.set(!curvesChanged.get());
    try {
      List<Integer> widths = parsedLayers();
      if (widths == null) {
        return;
      }
      PlaneData planeData = PlaneData.generate(currentData());
      NetworkSettings network = NetworkSettings.of(widths, activation.get(), List.copyOf(features));
      TrainSettings training = new TrainSettings(optimizer.get(), learningRate.get(), batch.get(), l2.get(),
          dropout.get());
      session = new PlaygroundSession(planeData, network, training, seed.get());
      message.set(null);
      data.set(planeData);
      stepRequested = false;
      refresh(session);
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  /**
   * Called by the view once per frame: while playing (or after {@link #step}), starts the next
   * burst of training unless one is still running.
   */
  public void frame() {
    if (busy == session || session == null || !(running.get() || stepRequested)) {
      return;
    }
    PlaygroundSession s = session;
    boolean single = stepRequested;
    stepRequested = false;
    int perFrame = single ? 1 : stepsPerFrame.get();
    busy = s;
    submitting = true;
    try {
      executor.submit(() -> {
        long end = System.nanoTime() + BURST_MILLIS * 1_000_000;
        int done = 0;
        do {
          s.step();
          done++;
        } while ((perFrame == 0 || done < perFrame) && System.nanoTime() < end);
        return Update.of(s);
      }, update -> {
        if (busy == s) {
          busy = null;
        }
        if (s == session) {
          apply(update);
          if (!submitting) {
            frame(); // the next burst at once, not a frame later (an executor that ran it synchronously waits)
          }
        }
      }, error -> {
        if (busy == s) {
          busy = null;
        }
        running.set(false);
        fail(error);
      });
    } finally {
      submitting = false;
    }
  }

  /** Hands the network to the Network Builder as a design. */
  public boolean openInBuilder() {
    PlaneData planeData = data.get();
    if (session == null || planeData == null) {
      return false;
    }
    NetworkSpec spec = PlaygroundNetwork.spec(session.network(), planeData.classCount(), session.training().dropout());
    return builderHandoff.publish(spec);
  }

  /** The settings in use now, for lessons' facts; null while they are bad. */
  PlaygroundSession session() {
    return session;
  }

  private void refresh(PlaygroundSession s) {
    busy = s;
    executor.submit(() -> Update.of(s), update -> {
      if (busy == s) {
        busy = null;
      }
      if (s == session) {
        apply(update);
      }
    }, error -> {
      if (busy == s) {
        busy = null;
      }
      fail(error);
    });
  }

  private void apply(Update update) {
    TrainingMetrics m = update.metrics();
    metrics.set(m);
    snapshot.set(update.snapshot());
    pictures.set(update.pictures());
    if (Double.isFinite(m.trainLoss())) {
      trainLoss.add(m.steps(), m.trainLoss());
    }
    if (Double.isFinite(m.testLoss())) {
      testLoss.add(m.steps(), m.testLoss());
    }
    curvesChanged.set(!curvesChanged.get());
  }

  private void fail(Throwable e) {
    session = null;
    snapshot.set(null);
    pictures.set(null);
    metrics.set(null);
    message.set(UiText.of(e));
  }

  private DataSettings currentData() {
    return new DataSettings(dataset.get(), classes.get(), noise.get(), points.get(), testShare.get(), seed.get());
  }

  private DataSettings currentDataOrDefault() {
    try {
      return currentData();
    } catch (RuntimeException e) {
      return DataSettings.defaults();
    }
  }

  /** The widths typed in the layers field, or null after setting a message. */
  private List<Integer> parsedLayers() {
    List<Integer> widths = new ArrayList<>();
    String text = layers.get() == null ? "" : layers.get().strip();
    if (!text.isEmpty()) {
      for (String part : text.split("[,\\s]+")) {
        try {
          widths.add(Integer.parseInt(part));
        } catch (NumberFormatException e) {
          session = null;
          snapshot.set(null);
          metrics.set(null);
          message.set(UiText.of("playground.error.layersText", text));
          return null;
        }
      }
    }
    return widths;
  }

  private static String format(List<Integer> widths) {
    return String.join(", ", widths.stream().map(String::valueOf).toList());
  }

  /** Features as a set in enum order. */
  Set<InputFeature> featureSet() {
    return features.isEmpty() ? EnumSet.noneOf(InputFeature.class) : EnumSet.copyOf(features);
  }

  private record Update(TrainingMetrics metrics, PlaneSnapshot snapshot, PlanePictures pictures) {
    /** Metrics, grid and pictures of {@code s}, computed on the thread that trains it. */
    static Update of(PlaygroundSession s) {
      PlaneSnapshot grid = s.snapshot(RESOLUTION);
      return new Update(s.metrics(), grid, PlanePictures.of(grid));
    }
  }
}
