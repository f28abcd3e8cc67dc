package org.tensorworkbench.ui.insight;

import org.tensorworkbench.ui.common.FxImages;
import org.tensorworkbench.engine.image.Rasters;
import org.tensorworkbench.engine.image.Raster;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.engine.inspect.ModelOutline;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.I18n;

/**
 * "Inside the model" while it trains: the first layer's filters as images, the feature maps of
 * every convolution for a test image the person picks, and a histogram of each parameter
 * tensor. The Training screen calls {@link #onSnapshot} with every weight snapshot.
 */
public final class InsidePane {
  private static final int TILE = 48;
  private static final int MAP_TILE = 52;
  private final InsideViewModel model;
  private final ScrollPane root;
  private final Label heading = new Label();
  private final Label problem = new Label();
  private final Label placeholder = new Label();
  private final Label filtersTitle = new Label();
  private final FlowPane filters = new FlowPane(4, 4);
  private final SignedLegend filtersLegend = new SignedLegend("insight.inside.filtersLegend");
  private final Spinner<Integer> testIndex = new Spinner<>();
  private final SpinnerValueFactory.IntegerSpinnerValueFactory indexFactory =
      new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0, 0);
  private final ImageView testImage = new ImageView();
  private final Label testCaption = new Label();
  private final VBox featureMaps = new VBox(8);
  private final HBox thumbnails = new HBox(4);
  private final Label mapsNote = new Label();
  private final SignedLegend mapsLegend = new SignedLegend("insight.inside.mapsLegend");
  private final ComboBox<String> histogramChoice = new ComboBox<>();
  private final HistogramView histogram = new HistogramView(300, 150);
  private final Label histogramStats = new Label();
  private final VBox content;
  private List<String> classNames = List.of();

  public InsidePane(AppContext context, ModelAccess access) {
    this.model = new InsideViewModel(context.executor(), access);
    heading.getStyleClass().add("insight-heading");
    problem.getStyleClass().add("insight-problem");
    problem.setWrapText(true);
    placeholder.textProperty().bind(I18n.text("insight.inside.empty"));
    placeholder.getStyleClass().add("insight-note");
    placeholder.setWrapText(true);

    filters.setId("inside-filters");
    filters.setPrefWrapLength(8 * (TILE + 4));
    filtersTitle.getStyleClass().add("section-title");
    filtersTitle.setWrapText(true);
    VBox filterColumn = new VBox(8, filtersTitle, filters, filtersLegend);
    filterColumn.setMinWidth(8 * (TILE + 4) + 8);
    filterColumn.setMaxWidth(8 * (TILE + 4) + 8);

    testIndex.setId("inside-test-index");
    testIndex.setValueFactory(indexFactory);
    testIndex.setEditable(true);
    testIndex.setPrefWidth(100);
    indexFactory.valueProperty().addListener((obs, old, value) -> {
      if (value != null) {
        model.testIndexProperty().set(value);
      }
    });
    testImage.setId("inside-test-image");
    testImage.setSmooth(false);
    Label pick = new Label();
    pick.textProperty().bind(I18n.text("insight.inside.testImage"));
    pick.setMinWidth(Region.USE_PREF_SIZE);
    thumbnails.setId("inside-thumbnails");
    testCaption.setWrapText(true);
    testCaption.setId("inside-test-caption");
    HBox picker = new HBox(8, pick, testIndex, testImage, testCaption);
    picker.setAlignment(Pos.CENTER_LEFT);
    Label mapsTitle = new Label();
    mapsTitle.textProperty().bind(I18n.text("insight.inside.featureMaps"));
    mapsTitle.getStyleClass().add("section-title");
    featureMaps.setId("inside-feature-maps");
    mapsNote.getStyleClass().add("insight-note");
    mapsNote.setWrapText(true);
    VBox mapsColumn = new VBox(8, mapsTitle, thumbnails, picker, mapsNote, featureMaps, mapsLegend);

    Label histogramTitle = new Label();
    histogramTitle.textProperty().bind(I18n.text("insight.inside.histograms"));
    histogramTitle.getStyleClass().add("section-title");
    histogramChoice.setId("inside-histogram-choice");
    histogramChoice.valueProperty().addListener((obs, old, name) -> {
      if (name != null) {
        model.histogramNameProperty().set(name);
      }
    });
    histogram.setId("inside-histogram");
    histogramStats.setWrapText(true);
    histogramStats.getStyleClass().add("insight-note");
    VBox histogramColumn = new VBox(8, histogramTitle, histogramChoice, histogram, histogramStats);
    histogramColumn.setMinWidth(310);
    histogramColumn.setMaxWidth(310);

    // filters and histograms side by side, the feature maps below them at the full width
    HBox weightsRow = new HBox(24, filterColumn, histogramColumn);
    VBox columns = new VBox(18, weightsRow, mapsColumn);
    content = new VBox(10, heading, problem, placeholder, columns);
    content.setPadding(new Insets(12));
    content.getStyleClass().add("insight-pane");
    root = new ScrollPane(content);
    root.setId("inside-pane");
    root.setFitToWidth(true);
    root.getStylesheets().add(InsidePane.class.getResource("/org/tensorworkbench/css/insight.css").toExternalForm());

    columns.visibleProperty().bind(model.stateProperty().isNotNull());
    columns.managedProperty().bind(columns.visibleProperty());
    placeholder.visibleProperty().bind(model.stateProperty().isNull());
    placeholder.managedProperty().bind(placeholder.visibleProperty());
    problem.textProperty().bind(Bindings.createStringBinding(
        () -> model.problemProperty().get() == null ? "" : model.problemProperty().get().get(),
        model.problemProperty(), I18n.localeProperty()));
    problem.visibleProperty().bind(model.problemProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());
    model.stateProperty().addListener((obs, old, state) -> show(state));
    model.histogramProperty().addListener((obs, old, h) -> showHistogram(h));
    I18n.onChange(root, () -> {
      show(model.stateProperty().get());
      showHistogram(model.histogramProperty().get());
    });
  }

  public Node root() {
    return root;
  }

  /** New weights from the training thread; the feature maps are asked for again. Call on the FX thread. */
  public void onSnapshot(TrainingEvent.Snapshot snapshot) {
    model.onSnapshot(snapshot);
  }

  /** Looks at the network again without a snapshot, e.g. after a model was opened. */
  public void refresh() {
    model.refresh();
  }

  /** Forgets the last run's pictures, e.g. when another network is set up. */
  public void reset() {
    model.reset();
  }

  /** Names the classes in the test image's caption (class numbers until set). */
  public void setClassNames(List<String> names) {
    classNames = List.copyOf(names);
    show(model.stateProperty().get());
  }

  InsideViewModel model() {
    return model;
  }

  private void show(InsideState state) {
    if (state == null) {
      heading.textProperty().unbind();
      heading.setText("");
      return;
    }
    InsideState.Weights weights = state.weights();
    heading.textProperty().bind(weights != null && weights.iteration() >= 0
        ? I18n.text("insight.inside.headingIteration", weights.iteration() + 1)
        : I18n.text("insight.inside.headingModel"));
    showFirstLayer(weights == null ? null : weights.firstLayer(), state.outline());
    showFeatureMaps(state.probe());
    List<String> names = weights == null ? List.of()
        : weights.histograms().stream().map(WeightHistogram::name).toList();
    if (!histogramChoice.getItems().equals(names)) {
      String keep = histogramChoice.getValue();
      histogramChoice.getItems().setAll(names);
      histogramChoice.setValue(names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
    }
  }

  private void showFirstLayer(InsideState.FirstLayer first, ModelOutline outline) {
    filters.getChildren().clear();
    filtersLegend.setVisible(first != null);
    if (first == null) {
      filtersTitle.textProperty().bind(I18n.text(outline == null ? "insight.inside.waiting"
          : outline.images() ? "insight.inside.noFirstLayer" : "insight.inside.notImages"));
      return;
    }
    int[] w = first.weightShape();
    boolean perClass = !first.convolution() && outline != null && w[1] == outline.classCount();
    StringBinding title = first.convolution()
        ? I18n.text("insight.inside.filtersTitle", first.layerId(), w[3], w[0], w[1])
        : I18n.text(perClass ? "insight.inside.unitsPerClassTitle" : "insight.inside.unitsTitle", first.layerId(), w[1]);
    int count = first.convolution() ? w[3] : w[1];
    filtersTitle.textProperty().bind(first.tiles().size() < count
        ? Bindings.concat(title, " ", I18n.text("insight.inside.mapsShown", first.tiles().size()))
        : title);
    for (int i = 0; i < first.tiles().size(); i++) {
      ImageView tile = FxImages.view(first.tiles().get(i), TILE);
      String name = perClass ? className(i) : Integer.toString(i);
      Label caption = new Label(name);
      caption.getStyleClass().add("tile-caption");
      VBox box = new VBox(1, tile, caption);
      box.setAlignment(Pos.CENTER);
      Tooltip.install(box, new Tooltip(Messages.get("insight.inside.tileScale", name,
          String.format(Locale.ROOT, "%.3g", first.scales()[i]))));
      filters.getChildren().add(box);
    }
  }

  private void showFeatureMaps(InsideState.Probe probe) {
    featureMaps.getChildren().clear();
    thumbnails.getChildren().clear();
    mapsLegend.setVisible(probe != null && !probe.featureMaps().isEmpty());
    mapsLegend.setManaged(mapsLegend.isVisible());
    if (probe == null) {
      testImage.setImage(null);
      testCaption.setText("");
      mapsNote.setText(Messages.get("insight.inside.waiting"));
      return;
    }
    ModelOutline outline = probe.outline();
    int last = Math.max(0, outline.testSize() - 1);
    if (indexFactory.getMax() != last) {
      indexFactory.setMax(last);
    }
    if (indexFactory.getValue() == null || indexFactory.getValue() != probe.testIndex()) {
      indexFactory.setValue(probe.testIndex());
    }
    testImage.setImage(probe.testImage() == null ? null
        : FxImages.image(probe.testImage().scaled(Rasters.factorFor(probe.testImage().height(), 84))));
    testCaption.setText(caption(probe));
    for (int i = 0; i < probe.thumbnails().size(); i++) {
      int index = i;
      ImageView thumbnail = FxImages.view(probe.thumbnails().get(i), MAP_TILE);
      StackPane box = new StackPane(thumbnail);
      box.setId("inside-thumbnail-" + i);
      box.getStyleClass().add(i == probe.testIndex() ? "thumbnail-picked" : "thumbnail");
      box.setOnMouseClicked(e -> indexFactory.setValue(index));
      thumbnails.getChildren().add(box);
    }
    if (!outline.images()) {
      mapsNote.setText(Messages.get("insight.inside.notImages"));
      return;
    }
    mapsNote.setText(outline.convolutionIds().isEmpty() ? Messages.get("insight.inside.noConvolutions") : "");
    for (InsideState.FeatureMapRow row : probe.featureMaps()) {
      int[] s = row.shape();
      Label title = new Label(Messages.get("insight.inside.mapsRow", row.layerId(), s[0], s[1], s[2])
          + (row.channels().size() < s[0] ? " " + Messages.get("insight.inside.mapsShown", row.channels().size()) : ""));
      title.getStyleClass().add("maps-title");
      FlowPane maps = new FlowPane(3, 3);
      maps.setId("maps-" + row.layerId());
      for (Raster channel : row.channels()) {
        maps.getChildren().add(FxImages.view(channel, MAP_TILE));
      }
      featureMaps.getChildren().add(new VBox(4, title, maps));
    }
  }

  private String caption(InsideState.Probe probe) {
    if (probe.label() < 0) {
      return "";
    }
    double[] p = probe.probabilities();
    if (p.length == 0) {
      return Messages.get("insight.inside.label", className(probe.label()));
    }
    int predicted = IntStream.range(0, p.length).reduce((a, b) -> p[b] > p[a] ? b : a).orElse(0);
    return Messages.get("insight.inside.labelPredicted", className(probe.label()), className(predicted),
        100 * p[predicted]);
  }

  private String className(int index) {
    return index < classNames.size() ? classNames.get(index) : Integer.toString(index);
  }

  private void showHistogram(WeightHistogram h) {
    histogram.show(h);
    histogramStats.setText(h == null ? "" : Messages.get("insight.inside.histogramStats", Arrays.toString(h.shape()),
        h.total(), h.mean(), h.std(), h.min(), h.max()));
  }
}
