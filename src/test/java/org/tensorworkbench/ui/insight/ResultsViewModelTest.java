package org.tensorworkbench.ui.insight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.inspect.Misclassified;
import org.tensorworkbench.engine.inspect.ModelInspector;
import org.tensorworkbench.engine.train.ClassificationEvaluation;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.train.Evaluator;
import org.tensorworkbench.engine.train.RegressionEvaluation;
import org.tensorworkbench.ui.common.UiExecutor;

class ResultsViewModelTest {
  private static Dataset mnist;
  private static CompiledNetwork network;
  private static ClassificationEvaluation evaluation;
  private static ModelInspector inspector;

  @BeforeAll
  static void setUp() {
    mnist = InsightFixtures.load(DatasetRegistry.MNIST, 100, 200);
    network = InsightFixtures.compile("softmax-regression", 9);
    inspector = new ModelInspector(network, mnist.test());
    evaluation = (ClassificationEvaluation) new Evaluator(Predictor.of(network).withChunk(100)).evaluate(mnist.test());
  }

  private static ResultsViewModel model() {
    return new ResultsViewModel(UiExecutor.direct(), InsightFixtures.direct(inspector));
  }

  @Test
  void aClassifierShowsItsMatrixMistakesAndAPad() {
    ResultsViewModel model = model();
    model.showResults(evaluation, mnist.classNames());
    ResultsSummary summary = model.summaryProperty().get();
    assertEquals(evaluation.accuracy(), summary.accuracy(), 0);
    assertArrayEquals(evaluation.confusion()[3], summary.confusion()[3]);
    long mistakes = Math.round((1 - evaluation.accuracy()) * 200);
    assertEquals(mistakes, summary.mistakes());
    ResultsViewModel.Gallery gallery = model.galleryProperty().get();
    assertEquals(mistakes, gallery.total());
    assertEquals(Math.min(mistakes, ResultsViewModel.GALLERY_SIZE), gallery.items().size());
    assertTrue(gallery.items().stream().allMatch(m -> m.trueClass() != m.predictedClass()));
    assertEquals(28, model.padProperty().get().height());
    assertTrue(!model.regressionProperty().get());
  }

  @Test
  void clickingACellShowsOnlyItsImagesAndTheDiagonalShowsAll() {
    ResultsViewModel model = model();
    model.showResults(evaluation, mnist.classNames());
    Misclassified first = model.galleryProperty().get().items().get(0);
    model.showCell(first.trueClass(), first.predictedClass());
    ResultsViewModel.Gallery cell = model.galleryProperty().get();
    assertTrue(cell.isOneCell());
    assertEquals(evaluation.confusion()[first.trueClass()][first.predictedClass()], cell.total());
    assertEquals(cell.total(), cell.items().size());
    assertTrue(cell.items().stream().allMatch(m -> m.trueClass() == first.trueClass()
        && m.predictedClass() == first.predictedClass()));
    model.showCell(2, 2);
    assertTrue(!model.galleryProperty().get().isOneCell());
  }

  @Test
  void drawingAsksTheNetworkAndClearingForgetsTheAnswer() {
    ResultsViewModel model = model();
    model.showResults(evaluation, mnist.classNames());
    assertNull(model.predictionProperty().get(), "nothing drawn yet");
    model.draw(0.5, 0.2, 0.5, 0.8); // a "1"
    ResultsViewModel.PadPrediction p = model.predictionProperty().get();
    assertNotNull(p);
    assertEquals(1.0, Arrays.stream(p.probabilities()).sum(), 1e-5);
    float[] expectedImage = model.padProperty().get().networkImage(Framing.DIGIT);
    assertArrayEquals(expectedImage, p.image(), "MNIST's class names are digits: framed like MNIST");
    assertArrayEquals(inspector.classProbabilities(expectedImage, new int[] {1, 28, 28}), p.probabilities(), 1e-9);
    model.draw(0.3, 0.3, 0.7, 0.3);
    assertTrue(!Arrays.equals(p.probabilities(), model.predictionProperty().get().probabilities()),
        "another stroke, another answer");
    model.clearPad();
    assertNull(model.predictionProperty().get());
    assertTrue(model.padProperty().get().isEmpty());
  }

  @Test
  void aRegressionOnlySaysTheResultsAreForClassifiers() {
    ResultsViewModel model = model();
    model.showResults(evaluation, mnist.classNames());
    model.showResults(new RegressionEvaluation(2.5, 100), List.of());
    assertTrue(model.regressionProperty().get());
    assertNull(model.summaryProperty().get());
    assertNull(model.galleryProperty().get());
    assertNull(model.padProperty().get());
  }

  @Test
  void missingClassNamesAreNumbered() {
    ResultsViewModel model = model();
    model.showResults(evaluation, List.of());
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
        model.summaryProperty().get().classNames());
  }
}
