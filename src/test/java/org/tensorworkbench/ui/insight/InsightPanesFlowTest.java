package org.tensorworkbench.ui.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.inspect.ModelInspector;
import org.tensorworkbench.engine.train.ClassificationEvaluation;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.train.Evaluator;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Softmax regression trained on 600 Fashion-MNIST images by a real training session, then looked
 * at: the heat map's counts, the gallery, drawing on the pad, the weight images and histograms.
 */
@ExtendWith(ApplicationExtension.class)
class InsightPanesFlowTest {
  private static Dataset fashion;
  private static CompiledNetwork network;
  private static ClassificationEvaluation evaluation;
  private InsidePane inside;
  private ResultsPane results;
  private TabPane tabs;

  @BeforeAll
  static void train() throws Exception {
    fashion = InsightFixtures.load(DatasetRegistry.FASHION_MNIST, 600, 200);
    network = InsightFixtures.trained("softmax-regression", fashion, 3, 0.1);
    evaluation = (ClassificationEvaluation) new Evaluator(Predictor.of(network).withChunk(100)).evaluate(fashion.test());
  }

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    AppContext context = new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(),
        Path.of("target/test-workspace"));
    ModelAccess access = InsightFixtures.direct(new ModelInspector(network, fashion.test()));
    inside = new InsidePane(context, access);
    results = new ResultsPane(context, access);
    Tab insideTab = new Tab("inside", inside.root());
    insideTab.setId("tab-inside");
    Tab resultsTab = new Tab("results", results.root());
    resultsTab.setId("tab-results");
    tabs = new TabPane(resultsTab, insideTab);
    stage.setScene(new Scene(tabs, 1280, 900));
    stage.show();
  }

  @AfterEach
  void backToEnglish(FxRobot robot) {
    robot.interact(() -> I18n.setLocale(Locale.ENGLISH));
  }

  @Test
  void theHeatMapCountsTheGalleryShowsMistakesAndThePadAnswers(FxRobot robot) {
    assertTrue(evaluation.accuracy() > 0.5, "softmax regression learned something: " + evaluation.accuracy());
    robot.interact(() -> results.showResults(evaluation, fashion.classNames()));
    waitForFxEvents();
    long[][] confusion = evaluation.confusion();
    for (int a = 0; a < 10; a++) {
      for (int p = 0; p < 10; p++) {
        StackPane cell = robot.lookup("#cm-cell-" + a + "-" + p).queryAs(StackPane.class);
        assertEquals(Long.toString(confusion[a][p]), ((Label) cell.getChildren().get(0)).getText());
      }
    }
    long mistakes = Math.round((1 - evaluation.accuracy()) * fashion.test().size());
    FlowPane gallery = robot.lookup("#misclassified-gallery").queryAs(FlowPane.class);
    assertEquals(Math.min(mistakes, ResultsViewModel.GALLERY_SIZE), gallery.getChildren().size());
    assertTrue(robot.lookup("#gallery-title").queryAs(Label.class).getText().endsWith(" of " + mistakes));

    // point at and click the cell with the most mistakes: its images only
    int[] worst = worstCell(confusion);
    robot.moveTo("#cm-cell-" + worst[0] + "-" + worst[1]);
    assertTrue(robot.lookup("#confusion-pointed").queryAs(Label.class).getText()
        .startsWith("True " + fashion.classNames().get(worst[0]) + ", predicted " + fashion.classNames().get(worst[1])));
    robot.clickOn("#cm-cell-" + worst[0] + "-" + worst[1]);
    waitForFxEvents();
    assertEquals(confusion[worst[0]][worst[1]], gallery.getChildren().size());

    // draw a trouser-like shape: two long strokes, then a third
    assertNull(results.model().predictionProperty().get());
    Bounds pad = robot.lookup("#digit-pad").query().localToScreen(robot.lookup("#digit-pad").query().getBoundsInLocal());
    stroke(robot, pad, 0.4, 0.1, 0.35, 0.9);
    ResultsViewModel.PadPrediction first = results.model().predictionProperty().get();
    assertNotNull(first, "the network answered while drawing");
    String firstText = robot.lookup("#pad-probabilities").queryAs(javafx.scene.layout.GridPane.class)
        .getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
        .reduce("", String::concat);
    stroke(robot, pad, 0.6, 0.1, 0.65, 0.9);
    stroke(robot, pad, 0.4, 0.1, 0.6, 0.1);
    ResultsViewModel.PadPrediction later = results.model().predictionProperty().get();
    assertNotEquals(first.probabilities()[0], later.probabilities()[0], "the probabilities follow the drawing");
    String laterText = robot.lookup("#pad-probabilities").queryAs(javafx.scene.layout.GridPane.class)
        .getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
        .reduce("", String::concat);
    assertNotEquals(firstText, laterText);
    assertNotNull(robot.lookup("#pad-preview").queryAs(javafx.scene.image.ImageView.class).getImage());
    robot.clickOn("#pad-clear");
    assertNull(results.model().predictionProperty().get());
  }

  @Test
  void insideShowsOneWeightImagePerClassAndFollowsSnapshots(FxRobot robot) {
    robot.interact(() -> tabs.getSelectionModel().select(1));
    robot.interact(() -> {
      inside.setClassNames(fashion.classNames());
      inside.refresh();
    });
    waitForFxEvents();
    FlowPane filters = robot.lookup("#inside-filters").queryAs(FlowPane.class);
    assertEquals(10, filters.getChildren().size(), "softmax regression: one weight image per class");
    assertTrue(robot.lookup(".section-title").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.getText().startsWith("First-layer weights as images: dense1, one image per class")));
    @SuppressWarnings("unchecked")
    Spinner<Integer> index = robot.lookup("#inside-test-index").queryAs(Spinner.class);
    robot.interact(() -> index.getValueFactory().setValue(5));
    waitForFxEvents();
    String caption = robot.lookup("#inside-test-caption").queryAs(Label.class).getText();
    assertTrue(caption.startsWith("label " + fashion.classNames().get(fashion.test().label(5))), caption);

    robot.clickOn("#inside-thumbnail-3");
    waitForFxEvents();
    assertEquals(3, index.getValue());
    caption = robot.lookup("#inside-test-caption").queryAs(Label.class).getText();
    assertTrue(caption.startsWith("label " + fashion.classNames().get(fashion.test().label(3))), caption);

    List<org.tensorworkbench.engine.inspect.TensorSnapshot> weights = new ModelInspector(network, fashion.test()).weights();
    robot.interact(() -> inside.onSnapshot(new TrainingEvent.Snapshot(2, 35, weights, List.of())));
    waitForFxEvents();
    assertTrue(robot.lookup(".insight-heading").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.getText().equals("Inside the model after iteration 36")));
    HistogramView histogram = robot.lookup("#inside-histogram").queryAs(HistogramView.class);
    assertEquals(784 * 10, histogram.histogram().total());

    robot.interact(() -> I18n.setLocale(Locale.SIMPLIFIED_CHINESE));
    assertTrue(robot.lookup(".insight-heading").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.getText().equals("第 36 次迭代后的模型内部")));
  }

  private static void stroke(FxRobot robot, Bounds pad, double x0, double y0, double x1, double y1) {
    robot.moveTo(new Point2D(pad.getMinX() + x0 * pad.getWidth(), pad.getMinY() + y0 * pad.getHeight()));
    robot.press(MouseButton.PRIMARY);
    for (int i = 1; i <= 8; i++) {
      double t = i / 8.0;
      robot.moveTo(new Point2D(pad.getMinX() + (x0 + (x1 - x0) * t) * pad.getWidth(),
          pad.getMinY() + (y0 + (y1 - y0) * t) * pad.getHeight()));
    }
    robot.release(MouseButton.PRIMARY);
    waitForFxEvents();
  }

  private static int[] worstCell(long[][] confusion) {
    int[] worst = {0, 1};
    for (int a = 0; a < confusion.length; a++) {
      for (int p = 0; p < confusion.length; p++) {
        if (a != p && confusion[a][p] > confusion[worst[0]][worst[1]]) {
          worst = new int[] {a, p};
        }
      }
    }
    return worst;
  }
}
