package org.tensorworkbench.ui.insight;

import org.tensorworkbench.engine.image.Rasters;
import org.tensorworkbench.engine.image.Raster;
import org.tensorworkbench.ui.common.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
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
import org.tensorworkbench.ui.common.LatestRequest;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The "inside the model" tab without its controls: first-layer filters (or, for a network that
 * starts with a dense layer, each unit's weights laid out as an image, as d2l shows for softmax
 * regression), the feature maps of every convolution for a test image the person picks, and a
 * histogram of every parameter tensor.
 *
 * <p>Two kinds of work, each "latest wins": a training snapshot is drawn in the background
 * without asking the network (its weights are copies already), and the feature maps of the
 * picked image are asked of the network through {@link ModelAccess}, once per snapshot and
 * whenever another image is picked. A network busy training therefore never holds up the
 * filters and histograms. Call every method on the FX thread.
 */
public final class InsideViewModel {
  /** Feature maps shown per convolution (the rest are counted, not drawn). */
  static final int MAX_CHANNELS = 32;
  /** Filters or units drawn for the first layer. */
  static final int MAX_TILES = 64;
  static final int HISTOGRAM_BINS = 40;
  /** Test images offered as thumbnails to pick from (any other by its index). */
  static final int THUMBNAILS = 8;

  private final ModelAccess access;
  private final LatestRequest<WeightsRequest, WeightsAnswer> weightJobs;
  private final LatestRequest<ProbeRequest, ProbeAnswer> probeJobs;
  private final IntegerProperty testIndex = new SimpleIntegerProperty(0);
  private final StringProperty histogramName = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<InsideState> state = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<WeightHistogram> histogram = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> problem = new ReadOnlyObjectWrapper<>();
  private TrainingEvent.Snapshot latest;
  private ModelOutline outline;
  /** Counts resets, so answers about a forgotten network are dropped. */
  private long generation;

  public InsideViewModel(UiExecutor executor, ModelAccess access) {
    this.access = access;
    this.weightJobs = new LatestRequest<>(executor, InsideViewModel::drawWeights, this::showWeights,
        e -> problem.set(UiText.of("insight.error.noAnswer", UiText.of(e))));
    this.probeJobs = new LatestRequest<>(executor, this::probe, this::showProbe,
        e -> problem.set(UiText.of("insight.error.noAnswer", UiText.of(e))));
    testIndex.addListener((obs, old, index) -> probeJobs.submit(new ProbeRequest(index.intValue(), false, generation)));
    histogramName.addListener(obs -> pickHistogram());
  }

  /** Fresh weights from the training thread: redraw them, and ask for the feature maps again. */
  public void onSnapshot(TrainingEvent.Snapshot snapshot) {
    latest = snapshot;
    weightJobs.submit(new WeightsRequest(snapshot.weights(), snapshot.iteration(), outline, generation));
    probeJobs.submit(new ProbeRequest(testIndex.get(), false, generation));
  }

  /** Asks the network again (e.g. after a model was opened); its weights are read from it until a snapshot arrives. */
  public void refresh() {
    probeJobs.submit(new ProbeRequest(testIndex.get(), latest == null, generation));
  }

  /** Forgets the network and its pictures, e.g. before another network is trained. */
  public void reset() {
    generation++;
    latest = null;
    outline = null;
    weightJobs.cancelWaiting();
    probeJobs.cancelWaiting();
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
  public ReadOnlyObjectProperty<UiText> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  private record WeightsRequest(List<TensorSnapshot> weights, long iteration, ModelOutline outline, long generation) {}

  private record WeightsAnswer(InsideState.Weights weights, long generation) {}

  private record ProbeRequest(int testIndex, boolean withWeights, long generation) {}

  private record ProbeAnswer(InsideState.Probe probe, List<TensorSnapshot> weights, long generation) {}

  /** Read on the training thread: as little as possible, the pictures are made afterwards. */
  private record Reading(ModelOutline outline, int index, List<TensorSnapshot> maps, int label, double[] probabilities,
      List<TensorSnapshot> weights, List<TensorSnapshot> thumbnails) {}

  private ProbeAnswer probe(ProbeRequest request) {
    Reading r = access.await(inspector -> read(inspector, request));
    List<InsideState.FeatureMapRow> rows = new ArrayList<>();
    for (TensorSnapshot map : r.maps().subList(Math.min(1, r.maps().size()), r.maps().size())) {
      List<Raster> channels = new ArrayList<>();
      for (int c = 0; c < Math.min(MAX_CHANNELS, map.shape()[0]); c++) {
        channels.add(Rasters.channel(map, c));
      }
      rows.add(new InsideState.FeatureMapRow(map.name(), map.shape(), channels));
    }
    Raster image = r.maps().isEmpty() ? null : Rasters.image(r.maps().get(0));
    List<Raster> thumbnails = r.thumbnails().stream().map(Rasters::image).toList();
    InsideState.Probe probe = new InsideState.Probe(r.outline(), r.index(), image, thumbnails, r.label(),
        r.probabilities(), rows);
    return new ProbeAnswer(probe, r.weights(), request.generation());
  }

  private static Reading read(ModelInspector inspector, ProbeRequest request) {
    ModelOutline o = inspector.outline();
    int index = Math.max(0, Math.min(request.testIndex(), o.testSize() - 1));
    boolean images = o.images() && o.testSize() > 0;
    List<TensorSnapshot> maps = images ? inspector.featureMaps(index) : List.of();
    int label = o.classifier() && o.testSize() > 0 ? inspector.testLabel(index) : -1;
    double[] probabilities = o.classifier() && images
        ? inspector.classProbabilities(maps.get(0).values(), maps.get(0).shape())
        : new double[0];
    List<TensorSnapshot> weights = request.withWeights() ? inspector.weights() : List.of();
    List<TensorSnapshot> thumbnails = images
        ? IntStream.range(0, Math.min(THUMBNAILS, o.testSize())).mapToObj(inspector::testImage).toList()
        : List.of();
    return new Reading(o, index, maps, label, probabilities, weights, thumbnails);
  }

  private static WeightsAnswer drawWeights(WeightsRequest request) {
    List<WeightHistogram> histograms = request.weights().stream()
        .map(w -> WeightHistogram.of(w, HISTOGRAM_BINS))
        .toList();
    InsideState.FirstLayer first = firstLayer(request.outline(), request.weights()).orElse(null);
    return new WeightsAnswer(new InsideState.Weights(request.iteration(), first, histograms), request.generation());
  }

  /**
   * The first layer's pictures. Without an outline yet (the network has not answered), the first
   * weights in graph order stand for it, which suffices for convolution filters; a dense layer's
   * units need the image shape from the outline.
   */
  private static Optional<InsideState.FirstLayer> firstLayer(ModelOutline outline, List<TensorSnapshot> weights) {
    Optional<TensorSnapshot> found = outline != null
        ? weights.stream().filter(w -> w.name().equals(GraphNames.weights(outline.firstLayerId()))).findFirst()
        : weights.stream().filter(w -> w.name().endsWith(GraphNames.weights(""))).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TensorSnapshot w = found.get();
    String layerId = w.name().substring(0, w.name().length() - GraphNames.weights("").length());
    boolean convolution = w.shape().length == 4;
    List<TensorSnapshot> pictures;
    if (convolution) {
      pictures = WeightImages.convolutionFilters(w);
    } else if (outline != null && outline.images() && w.shape().length == 2
        && w.shape()[0] == product(outline.inputShape())) {
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
    return Optional.of(new InsideState.FirstLayer(layerId, convolution, w.shape(), tiles, scales));
  }

  private void showWeights(WeightsAnswer answer) {
    if (answer.generation() != generation) {
      return;
    }
    InsideState current = state.get();
    state.set(new InsideState(answer.weights(), current == null ? null : current.probe()));
    pickHistogram();
  }

  private void showProbe(ProbeAnswer answer) {
    if (answer.generation() != generation) {
      return;
    }
    problem.set(null);
    boolean firstOutline = outline == null;
    outline = answer.probe().outline();
    InsideState current = state.get();
    state.set(new InsideState(current == null ? null : current.weights(), answer.probe()));
    if (latest == null && !answer.weights().isEmpty()) {
      weightJobs.submit(new WeightsRequest(answer.weights(), -1, outline, generation));
    } else if (latest != null && firstOutline) { // the first layer can now be drawn for certain
      weightJobs.submit(new WeightsRequest(latest.weights(), latest.iteration(), outline, generation));
    }
  }

  private void pickHistogram() {
    InsideState s = state.get();
    if (s == null || s.weights() == null || s.weights().histograms().isEmpty()) {
      histogram.set(null);
      return;
    }
    List<WeightHistogram> all = s.weights().histograms();
    histogram.set(all.stream().filter(h -> h.name().equals(histogramName.get())).findFirst().orElse(all.get(0)));
  }

  private static int product(int[] shape) {
    int p = 1;
    for (int d : shape) {
      p *= d;
    }
    return p;
  }
}
