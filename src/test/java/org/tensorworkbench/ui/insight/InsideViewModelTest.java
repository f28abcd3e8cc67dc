package org.tensorworkbench.ui.insight;

import org.tensorworkbench.engine.image.ColourMaps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.inspect.ModelInspector;
import org.tensorworkbench.engine.inspect.TensorSnapshot;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.ui.common.UiExecutor;

class InsideViewModelTest {
  private static Dataset mnist;
  private static CompiledNetwork lenet;
  private static CompiledNetwork softmax;

  @BeforeAll
  static void setUp() {
    mnist = InsightFixtures.load(DatasetRegistry.MNIST, 100, 40);
    lenet = InsightFixtures.compile("lenet", 5);
    softmax = InsightFixtures.compile("softmax-regression", 5);
  }

  private static InsideViewModel model(CompiledNetwork network) {
    return new InsideViewModel(UiExecutor.direct(), InsightFixtures.direct(new ModelInspector(network, mnist.test())));
  }

  @Test
  void aConvolutionalNetworkShowsItsFiltersFeatureMapsAndHistograms() {
    InsideViewModel model = model(lenet);
    model.refresh();
    InsideState state = model.stateProperty().get();
    assertNotNull(state);
    assertEquals(-1, state.weights().iteration(), "weights read from the network itself");
    InsideState.FirstLayer first = state.weights().firstLayer();
    assertEquals("conv1", first.layerId());
    assertTrue(first.convolution());
    assertArrayEquals(new int[] {5, 5, 1, 6}, first.weightShape());
    assertEquals(6, first.tiles().size());
    assertEquals(5, first.tiles().get(0).width());
    InsideState.Probe probe = state.probe();
    assertEquals(List.of("conv1", "conv2"), probe.featureMaps().stream().map(InsideState.FeatureMapRow::layerId).toList());
    assertArrayEquals(new int[] {16, 10, 10}, probe.featureMaps().get(1).shape());
    assertEquals(16, probe.featureMaps().get(1).channels().size());
    assertEquals(28, probe.testImage().width());
    assertEquals(InsideViewModel.THUMBNAILS, probe.thumbnails().size());
    assertEquals(mnist.test().label(0), probe.label());
    assertEquals(1.0, Arrays.stream(probe.probabilities()).sum(), 1e-5);
    assertEquals(lenet.trainableNames(), state.weights().histograms().stream().map(WeightHistogram::name).toList());
    assertEquals("conv1/W", model.histogramProperty().get().name(), "the first parameter until one is chosen");
    model.histogramNameProperty().set("dense1/W");
    assertEquals(16 * 5 * 5 * 120, model.histogramProperty().get().total());
    assertNull(model.problemProperty().get());
  }

  @Test
  void snapshotWeightsAreDrawnWithTheSignedMapScaledPerFilter() {
    InsideViewModel model = model(lenet);
    List<TensorSnapshot> weights = new ArrayList<>();
    float[] w = new float[5 * 5 * 6]; // [5, 5, 1, 6]: filter o is (o - 2.5) everywhere, pixel (0, 0) of filter 0 is -10
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 6) - 2.5f;
    }
    w[0] = -10;
    weights.add(new TensorSnapshot("conv1/W", w, new int[] {5, 5, 1, 6}));
    model.onSnapshot(new TrainingEvent.Snapshot(0, 41, weights, List.of()));
    InsideState state = model.stateProperty().get();
    assertEquals(41, state.weights().iteration());
    InsideState.FirstLayer first = state.weights().firstLayer();
    assertEquals(10, first.scales()[0], 1e-6);
    assertEquals(ColourMaps.signed(-1, 1), first.tiles().get(0).pixel(0, 0), "the most negative weight is full blue");
    assertEquals(ColourMaps.signed(-0.25, 1), first.tiles().get(0).pixel(1, 0));
    assertEquals(ColourMaps.signed(1, 1), first.tiles().get(5).pixel(3, 3), "a constant filter is full colour");
    assertEquals(1, state.weights().histograms().size(), "histograms of the snapshot's tensors");
    assertNotNull(state.probe());

    model.testIndexProperty().set(7);
    assertEquals(7, model.stateProperty().get().probe().testIndex());
    assertEquals(41, model.stateProperty().get().weights().iteration(), "the picked image keeps the snapshot's weights");
  }

  @Test
  void filtersAndHistogramsDoNotWaitForABusyNetwork() {
    QueuedExecutor executor = new QueuedExecutor();
    InsideViewModel model = new InsideViewModel(executor, InsightFixtures.direct(new ModelInspector(lenet, mnist.test())));
    List<TensorSnapshot> weights = new ModelInspector(lenet, mnist.test()).weights();
    model.onSnapshot(new TrainingEvent.Snapshot(0, 3, weights, List.of()));
    assertEquals(2, executor.pending(), "drawing the weights, asking the network");
    executor.runNext();
    InsideState state = model.stateProperty().get();
    assertNull(state.probe(), "the network has not answered");
    assertEquals("conv1", state.weights().firstLayer().layerId(), "conv filters need no answer from the network");
    assertEquals(weights.size(), state.weights().histograms().size());
    executor.runAll();
    assertNotNull(model.stateProperty().get().probe());
  }

  @Test
  void softmaxRegressionShowsOneWeightImagePerClassAndNoFeatureMaps() {
    InsideViewModel model = model(softmax);
    model.refresh();
    InsideState state = model.stateProperty().get();
    InsideState.FirstLayer first = state.weights().firstLayer();
    assertEquals("dense1", first.layerId());
    assertTrue(!first.convolution());
    assertEquals(10, first.tiles().size());
    assertEquals(28, first.tiles().get(3).height());
    assertTrue(state.probe().featureMaps().isEmpty());
    assertTrue(state.outline().convolutionIds().isEmpty());
  }

  @Test
  void anIndexPastTheEndShowsTheLastTestImage() {
    InsideViewModel model = model(lenet);
    model.testIndexProperty().set(10_000);
    assertEquals(39, model.stateProperty().get().probe().testIndex());
  }

  @Test
  void resetForgetsAnswersStillOnTheirWay() {
    QueuedExecutor executor = new QueuedExecutor();
    InsideViewModel model = new InsideViewModel(executor, InsightFixtures.direct(new ModelInspector(lenet, mnist.test())));
    model.refresh();
    model.reset();
    executor.runAll();
    assertNull(model.stateProperty().get());
  }

  @Test
  void aFailedRequestIsExplained() {
    ModelAccess none = new ModelAccess() {
      @Override
      public <T> CompletableFuture<T> withInspector(java.util.function.Function<ModelInspector, T> work) {
        return CompletableFuture.failedFuture(new IllegalStateException("no network yet"));
      }
    };
    InsideViewModel model = new InsideViewModel(UiExecutor.direct(), none);
    model.refresh();
    assertNull(model.stateProperty().get());
    assertEquals("insight.error.noAnswer", model.problemProperty().get().key());
    assertTrue(model.problemProperty().get().get().contains("no network yet"), model.problemProperty().get().get());
  }

  @Test
  void snapshotsArrivingDuringARequestCollapseToTheNewest() {
    QueuedExecutor executor = new QueuedExecutor();
    AtomicInteger asked = new AtomicInteger();
    ModelAccess counting = new ModelAccess() {
      @Override
      public <T> CompletableFuture<T> withInspector(java.util.function.Function<ModelInspector, T> work) {
        asked.incrementAndGet();
        return CompletableFuture.completedFuture(work.apply(new ModelInspector(lenet, mnist.test())));
      }
    };
    InsideViewModel model = new InsideViewModel(executor, counting);
    for (int i = 1; i <= 5; i++) {
      model.onSnapshot(new TrainingEvent.Snapshot(0, i, List.of(), List.of()));
    }
    assertEquals(2, executor.pending(), "one drawing and one request in flight, the others wait");
    executor.runAll();
    assertEquals(2, asked.get(), "the network is asked for the first and the newest snapshot only");
    assertEquals(5, model.stateProperty().get().weights().iteration());
  }

  /** Runs submitted work only when told, like a busy background thread. */
  static final class QueuedExecutor implements UiExecutor {
    private final List<Runnable> queue = new ArrayList<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
      queue.add(() -> UiExecutor.direct().submit(work, onSuccess, onFailure));
    }

    int pending() {
      return queue.size();
    }

    void runNext() {
      queue.remove(0).run();
    }

    void runAll() {
      while (!queue.isEmpty()) {
        queue.remove(0).run();
      }
    }
  }
}
