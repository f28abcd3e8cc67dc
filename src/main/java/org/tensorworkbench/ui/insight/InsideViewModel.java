package org.tensorworkbench.ui.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.inspect.ModelInspector;
import org.tensorworkbench.engine.inspect.ModelOutline;
import org.tensorworkbench.engine.inspect.TensorSnapshot;
import org.tensorworkbench.engine.inspect.WeightImages;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The "inside the model" tab without its controls: first-layer filters (or, for a network that
 * starts with a dense layer, each unit's weights laid out as an image, as d2l shows for softmax
 * regression), the feature maps of every convolution for a test image the person picks, and a
 * histogram of every parameter tensor.
 *
 * <p>Each training snapshot, and each change of the picked image, makes one request: the
 * feature maps are computed on the training thread through {@link ModelAccess}, the pictures
 * and histograms in the background; the newest request wins, so a slow answer never queues
 * others behind it. Call every method on the FX thread.
 */
public final class InsideViewModel {
  /** Feature maps shown per convolution (the rest are counted, not drawn). */
  static final int MAX_CHANNELS = 32;
  /** Filters or units drawn for the first layer. */
  static final int MAX_TILES = 64;
  static final int HISTOGRAM_BINS = 40;

  private final ModelAccess access;
  private final LatestRequest<Request, InsideState> requests;
  private final IntegerProperty testIndex = new SimpleIntegerProperty(0);
  private final StringProperty histogramName = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<InsideState> state = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<WeightHistogram> histogram = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<InsightMessage> problem = new ReadOnlyObjectWrapper<>();
  private TrainingEvent.Snapshot latest;

  public InsideViewModel(UiExecutor executor, ModelAccess access) {
    this.access = access;
    this.requests = new LatestRequest<>(executor, this::compute, this::show, e -> problem.set(InsightMessage.failure(e)));
    testIndex.addListener((obs, old, index) -> refresh());
    histogramName.addListener(obs -> pickHistogram());
  }

  /** Fresh weights from the training thread: redraw everything with them. */
  public void onSnapshot(TrainingEvent.Snapshot snapshot) {
    latest = snapshot;
    refresh();
  }

  /** Asks the network again (e.g. after a model was opened); weights come from the network itself until a snapshot arrives. */
  public void refresh() {
    requests.submit(new Request(latest, Math.max(0, testIndex.get())));
  }

  /** Forgets the weights of a finished run, e.g. before another network is trained. */
  public void reset() {
    latest = null;
    requests.cancelWaiting();
    state.set(null);
    histogram.set(null);
    problem.set(null);
  }

  /** The test example whose feature maps are shown. */
  public IntegerProperty testIndexProperty() {
    return testIndex;
  }

  /** The parameter whose histogram is shown, e.g. {@code conv1/W}; the first one when empty or unknown. */
  public StringProperty histogramNameProperty() {
    return histogramName;
  }

  public ReadOnlyObjectProperty<InsideState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<WeightHistogram> histogramProperty() {
    return histogram.getReadOnlyProperty();
  }

  /** Why nothing (new) is shown, or null. */
  public ReadOnlyObjectProperty<InsightMessage> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  private record Request(TrainingEvent.Snapshot snapshot, int testIndex) {}

  /** What is read on the training thread: as little as possible, the rest is done here. */
  private record Probe(ModelOutline outline, int index, List<TensorSnapshot> maps, int label, double[] probabilities,
      List<TensorSnapshot> weights) {}

  private InsideState compute(Request request) {
    Probe probe = access.await(inspector -> probe(inspector, request));
    List<TensorSnapshot> weights = request.snapshot() != null ? request.snapshot().weights() : probe.weights();
    long iteration = request.snapshot() != null ? request.snapshot().iteration() : -1;
    ModelOutline outline = probe.outline();
    List<InsideState.FeatureMapRow> rows = new ArrayList<>();
    for (TensorSnapshot map : probe.maps().subList(Math.min(1, probe.maps().size()), probe.maps().size())) {
      List<Raster> channels = new ArrayList<>();
      for (int c = 0; c < Math.min(MAX_CHANNELS, map.shape()[0]); c++) {
        channels.add(Rasters.channel(map, c));
      }
      rows.add(new InsideState.FeatureMapRow(map.name(), map.shape(), channels));
    }
    Raster image = probe.maps().isEmpty() ? null : Rasters.image(probe.maps().get(0));
    List<WeightHistogram> histograms = weights.stream().map(w -> WeightHistogram.of(w, HISTOGRAM_BINS)).toList();
    return new InsideState(outline, iteration, probe.index(), image, probe.label(), probe.probabilities(),
        firstLayer(outline, weights).orElse(null), rows, histograms);
  }

  private static Probe probe(ModelInspector inspector, Request request) {
    ModelOutline outline = inspector.outline();
    int index = Math.min(request.testIndex(), Math.max(0, outline.testSize() - 1));
    boolean images = outline.images() && outline.testSize() > 0;
    List<TensorSnapshot> maps = images ? inspector.featureMaps(index) : List.of();
    int label = outline.classifier() && outline.testSize() > 0 ? inspector.testLabel(index) : -1;
    double[] probabilities = outline.classifier() && images
        ? inspector.classProbabilities(maps.get(0).values(), maps.get(0).shape())
        : new double[0];
    List<TensorSnapshot> weights = request.snapshot() == null ? inspector.weights() : List.of();
    return new Probe(outline, index, maps, label, probabilities, weights);
  }

  private static Optional<InsideState.FirstLayer> firstLayer(ModelOutline outline, List<TensorSnapshot> weights) {
    if (!outline.hasFirstLayer()) {
      return Optional.empty();
    }
    String name = GraphNames.weights(outline.firstLayerId());
    Optional<TensorSnapshot> found = weights.stream().filter(w -> w.name().equals(name)).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TensorSnapshot w = found.get();
    List<TensorSnapshot> pictures;
    if (outline.firstLayerConvolution()) {
      pictures = WeightImages.convolutionFilters(w);
    } else if (outline.images() && w.shape().length == 2 && w.shape()[0] == product(outline.inputShape())) {
      pictures = WeightImages.denseUnits(w, outline.inputShape());
    } else {
      return Optional.empty();
    }
    List<TensorSnapshot> shown = pictures.subList(0, Math.min(MAX_TILES, pictures.size()));
    List<Raster> tiles = new ArrayList<>();
    double[] scales = new double[shown.size()];
    for (int i = 0; i < shown.size(); i++) {
      scales[i] = Rasters.maxAbs(shown.get(i));
      tiles.add(Rasters.signed(shown.get(i), scales[i]));
    }
    return Optional.of(new InsideState.FirstLayer(outline.firstLayerId(), outline.firstLayerConvolution(), w.shape(),
        tiles, scales));
  }

  private void show(InsideState newState) {
    problem.set(null);
    state.set(newState);
    pickHistogram();
  }

  private void pickHistogram() {
    InsideState s = state.get();
    if (s == null || s.histograms().isEmpty()) {
      histogram.set(null);
      return;
    }
    histogram.set(s.histograms().stream().filter(h -> h.name().equals(histogramName.get())).findFirst()
        .orElse(s.histograms().get(0)));
  }

  private static int product(int[] shape) {
    int p = 1;
    for (int d : shape) {
      p *= d;
    }
    return p;
  }
}
