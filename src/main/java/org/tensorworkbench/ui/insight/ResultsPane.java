package org.tensorworkbench.ui.insight;

import org.tensorworkbench.ui.common.FxImages;
import org.tensorworkbench.engine.image.Rasters;
import org.tensorworkbench.engine.image.Raster;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.engine.inspect.Misclassified;
import org.tensorworkbench.engine.train.Evaluation;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.I18n;

/**
 * "After training": the test split's confusion-matrix heat map and per-class accuracy, a
 * gallery of misclassified test images (click a cell to see only its images), and a pad to draw
 * on while the network says what it sees. The Training screen calls {@link #showResults} when a
 * run has been evaluated.
 */
public final class ResultsPane {
  private static final int PAD_SIZE = 224;
  private static final int GALLERY_TILE = 84;
  private static final int TILE_WIDTH = GALLERY_TILE + 64;
  private static final int MATRIX_TEXT_WIDTH = 460;
  private final ResultsViewModel model;
  private final ScrollPane root;
  private final Label heading = new Label();
  private final Label message = new Label();
  private final Label problem = new Label();
  private final ConfusionMatrixView matrix;
  private final Label pointed = new Label();
  private final BarList perClass = new BarList(160);
  private final Label galleryTitle = new Label();
  private final Hyperlink showAll = new Hyperlink();
  private final FlowPane gallery = new FlowPane(6, 6);
  private final PadCanvas pad;
  private final ImageView padPreview = new ImageView();
  private final BarList probabilities = new BarList(120);
  private final Label padNote = new Label();
  private final VBox padColumn;
  private final VBox results;

  public ResultsPane(AppContext context, ModelAccess access) {
    this.model = new ResultsViewModel(context.executor(), access);
    this.matrix = new ConfusionMatrixView(model::showCell);
    this.pad = new PadCanvas(model, PAD_SIZE);
    heading.getStyleClass().add("insight-heading");
    heading.setId("results-heading");
    message.setId("results-message");
    message.getStyleClass().add("insight-note");
    message.setWrapText(true);
    problem.getStyleClass().add("insight-problem");
    problem.setWrapText(true);

    pointed.setId("confusion-pointed");
    pointed.getStyleClass().add("insight-note");
    pointed.textProperty().bind(matrix.pointedProperty());
    pointed.setMinHeight(20);
    Label matrixTitle = sectionTitle("insight.results.confusion");
    Label matrixHint = note("insight.results.confusionHint");
    matrixHint.setMaxWidth(MATRIX_TEXT_WIDTH);
    VBox matrixColumn = new VBox(6, matrixTitle, matrixHint, matrix, pointed);

    perClass.setId("per-class-accuracy");
    VBox accuracyColumn = new VBox(6, sectionTitle("insight.results.perClass"), perClass);

    padPreview.setId("pad-preview");
    padPreview.setSmooth(false);
    Button clear = new Button();
    clear.setId("pad-clear");
    clear.textProperty().bind(I18n.text("insight.results.clearPad"));
    clear.setOnAction(e -> {
      model.clearPad();
      pad.redraw();
    });
    Label seesLabel = note("insight.results.networkSees");
    VBox preview = new VBox(4, seesLabel, padPreview, clear);
    HBox padRow = new HBox(10, pad, preview);
    probabilities.setId("pad-probabilities");
    padNote.setWrapText(true);
    padNote.getStyleClass().add("insight-note");
    padNote.setMaxWidth(PAD_SIZE + 140);
    padColumn = new VBox(6, sectionTitle("insight.results.pad"), padRow, padNote, probabilities);

    FlowPane top = new FlowPane(28, 16, matrixColumn, accuracyColumn, padColumn); // the pad wraps below when narrow
    galleryTitle.setId("gallery-title");
    galleryTitle.getStyleClass().add("section-title");
    showAll.setId("gallery-show-all");
    showAll.textProperty().bind(I18n.text("insight.results.showAll"));
    showAll.setOnAction(e -> model.showAllMistakes());
    gallery.setId("misclassified-gallery");
    HBox galleryHeader = new HBox(10, galleryTitle, showAll);
    galleryHeader.setAlignment(Pos.BASELINE_LEFT);
    results = new VBox(14, top, galleryHeader, gallery);

    VBox content = new VBox(10, heading, message, problem, results);
    content.setPadding(new Insets(12));
    content.getStyleClass().add("insight-pane");
    root = new ScrollPane(content);
    root.setId("results-pane");
    root.setFitToWidth(true);
    root.getStylesheets().add(ResultsPane.class.getResource("/org/tensorworkbench/css/insight.css").toExternalForm());

    bindState();
  }

  public Node root() {
    return root;
  }

  /**
   * Shows a run's test results: a classifier's confusion matrix, accuracies and mistakes; for a
   * regression, that these results are for classifiers. Call on the FX thread.
   *
   * @param evaluation the test split's evaluation at the end of the run
   * @param classNames the class names in class order, in the current language
   */
  public void showResults(Evaluation evaluation, List<String> classNames) {
    model.showResults(evaluation, classNames);
  }

  /** Empties the tab, e.g. when another run starts. */
  public void clear() {
    model.clear();
  }

  ResultsViewModel model() {
    return model;
  }

  private void bindState() {
    results.visibleProperty().bind(model.summaryProperty().isNotNull());
    results.managedProperty().bind(results.visibleProperty());
    message.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(model.regressionProperty().get()
        ? "insight.results.forClassifiers" : "insight.results.empty"), model.regressionProperty(),
        I18n.localeProperty()));
    message.visibleProperty().bind(model.summaryProperty().isNull());
    message.managedProperty().bind(message.visibleProperty());
    problem.textProperty().bind(Bindings.createStringBinding(
        () -> model.problemProperty().get() == null ? "" : model.problemProperty().get().get(),
        model.problemProperty(), I18n.localeProperty()));
    problem.visibleProperty().bind(model.problemProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());
    heading.textProperty().bind(Bindings.createStringBinding(() -> {
      ResultsSummary s = model.summaryProperty().get();
      return s == null ? "" : Messages.get("insight.results.heading", 100 * s.accuracy(), total(s));
    }, model.summaryProperty(), I18n.localeProperty()));

    model.summaryProperty().addListener((obs, old, s) -> showSummary(s));
    model.galleryProperty().addListener((obs, old, g) -> showGallery(g));
    I18n.onChange(root, () -> {
      showGallery(model.galleryProperty().get());
      showPadAvailability();
    });
    model.padProperty().addListener((obs, old, p) -> {
      pad.redraw();
      showPadAvailability();
      showPrediction(model.predictionProperty().get());
    });
    model.outlineProperty().addListener((obs, old, o) -> showPadAvailability());
    model.predictionProperty().addListener((obs, old, p) -> showPrediction(p));
    showPadAvailability();
  }

  private void showSummary(ResultsSummary s) {
    matrix.show(s);
    if (s != null) {
      perClass.show(s.classNames(), s.perClassAccuracy(), v -> String.format(Locale.ROOT, "%.1f %%", 100 * v), -1);
    }
    showPrediction(model.predictionProperty().get());
  }

  private void showGallery(ResultsViewModel.Gallery g) {
    gallery.getChildren().clear();
    ResultsSummary s = model.summaryProperty().get();
    showAll.setVisible(g != null && g.isOneCell());
    if (g == null || s == null) {
      galleryTitle.setText("");
      return;
    }
    List<String> names = s.classNames();
    galleryTitle.setText(g.isOneCell()
        ? Messages.get("insight.results.galleryCell", names.get(g.trueClass()), names.get(g.predictedClass()),
            g.items().size(), g.total())
        : Messages.get("insight.results.galleryAll", g.items().size(), g.total()));
    if (g.items().isEmpty() && model.outlineProperty().get() != null && !model.outlineProperty().get().images()) {
      galleryTitle.setText(Messages.get("insight.results.galleryNotImages"));
    }
    for (Misclassified m : g.items()) {
      gallery.getChildren().add(tile(m, names));
    }
  }

  private Node tile(Misclassified m, List<String> names) {
    ImageView image = FxImages.view(Rasters.image(m.image()), GALLERY_TILE);
    Label truth = tileText(Messages.get("insight.results.tileTrue", names.get(m.trueClass())), "tile-true");
    Label predicted = tileText(Messages.get("insight.results.tilePredicted", names.get(m.predictedClass()),
        100 * m.confidence()), "tile-predicted");
    VBox tile = new VBox(2, image, truth, predicted);
    tile.setId("gallery-tile-" + m.index());
    tile.getStyleClass().add("gallery-tile");
    tile.setAlignment(Pos.TOP_CENTER);
    tile.setPrefWidth(TILE_WIDTH);
    Tooltip.install(tile, new Tooltip(Messages.get("insight.results.tileTooltip", m.index(),
        names.get(m.trueClass()), 100 * m.trueClassProbability())));
    return tile;
  }

  private void showPadAvailability() {
    boolean available = model.padProperty().get() != null;
    pad.setDisable(!available);
    padNote.setText(available ? Messages.get("insight.results.padHint")
        : model.outlineProperty().get() == null ? "" : Messages.get("insight.results.padNotGrey"));
    probabilities.setVisible(available);
  }

  private void showPrediction(ResultsViewModel.PadPrediction p) {
    ResultsSummary s = model.summaryProperty().get();
    DigitPad padModel = model.padProperty().get();
    if (s == null || padModel == null) {
      probabilities.getChildren().clear();
      padPreview.setImage(null);
      return;
    }
    if (p == null) {
      probabilities.show(s.classNames(), new double[s.classCount()], v -> "", -1);
      padPreview.setImage(null);
      return;
    }
    probabilities.show(s.classNames(), p.probabilities(), v -> String.format(Locale.ROOT, "%.1f %%", 100 * v),
        p.predictedClass());
    Raster preview = Rasters.grey(p.image(), padModel.width(), padModel.height());
    padPreview.setImage(FxImages.image(preview.scaled(Rasters.factorFor(padModel.height(), 84))));
  }

  private static Label tileText(String text, String style) {
    Label label = new Label(text);
    label.getStyleClass().add(style);
    label.setWrapText(true);
    label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    label.setMaxWidth(TILE_WIDTH - 8);
    return label;
  }

  private static long total(ResultsSummary s) {
    long n = 0;
    for (int a = 0; a < s.classCount(); a++) {
      n += s.rowTotal(a);
    }
    return n;
  }

  private static Label sectionTitle(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.getStyleClass().add("section-title");
    return label;
  }

  private static Label note(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.getStyleClass().add("insight-note");
    label.setWrapText(true);
    return label;
  }
}
