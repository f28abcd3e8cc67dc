package org.tensorworkbench.ui.data;

import org.tensorworkbench.ui.common.UiText;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.engine.data.CsvTable;
import org.tensorworkbench.engine.data.DatasetInfo;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetPreview;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.data.DownloadProgress;
import org.tensorworkbench.engine.data.FileVerifier;
import org.tensorworkbench.engine.data.Task;
import org.tensorworkbench.ui.common.I18n;

/**
 * The Datasets screen: choose a dataset (shipped, generated, downloaded, or your own CSV or image
 * folder) and see its sizes, shapes, normalization, class histogram, sample images or a table and
 * scatter plot. All work happens in {@link DatasetsViewModel}; this class only builds nodes.
 */
public final class DatasetsView implements LessonTarget {
  private final DatasetsViewModel model;
  private final BorderPane root = new BorderPane();
  private final ListView<DatasetInfo> list = new ListView<>();
  private final Label title = new Label();
  private final Label description = new Label();
  private final Label error = new Label();
  private final GridPane facts = new GridPane();
  private final SampleGrid samples = new SampleGrid();
  private final ScatterPlot scatter = new ScatterPlot();
  private final BarChart<String, Number> histogram = new BarChart<>(new CategoryAxis(), new NumberAxis());
  private final TableView<Integer> table = new TableView<>();
  private final VBox body = new VBox(14);
  private final Label verification = new Label();
  private final VBox generatorBox = new VBox(6);
  private final VBox downloadBox = new VBox(6);
  private final Spinner<Integer> samplesSpinner = new Spinner<>(20, 20000, 600, 100);
  private final Spinner<Double> noiseSpinner = new Spinner<>(0.0, 2.0, 0.1, 0.01);
  private final Spinner<Integer> classesSpinner = new Spinner<>(2, 10, 3);
  private final Spinner<Integer> degreeSpinner = new Spinner<>(1, 25, 3);
  private final Spinner<Integer> seedSpinner = new Spinner<>(0, 1_000_000, 42);
  private final Spinner<Integer> validationSpinner = new Spinner<>(0, 50, 0, 5);
  private final ChoiceBox<DatasetOptions.Scaling> scaling = new ChoiceBox<>();
  private boolean showingOptions;

  /** The screen for the app: loads on {@code context.executor()}, downloads into the workspace folder. */
  public DatasetsView(AppContext context) {
    this(new DatasetsViewModel(context.executor(), Platform::runLater,
        new DatasetRegistry(context.projectHome(), context.workspaceFolder()), context.workspaceFolder()));
  }

  /** The screen over a given model (tests). */
  public DatasetsView(DatasetsViewModel model) {
    this.model = model;
    root.setId("datasets-view");
    root.getStylesheets().add(DatasetsView.class.getResource("/org/tensorworkbench/css/datasets.css").toExternalForm());
    root.setLeft(sidebar());
    root.setCenter(content());
    model.previewProperty().addListener((obs, old, now) -> show(now));
    model.selectedProperty().addListener((obs, old, now) -> selectionChanged(now));
    I18n.onChange(list, () -> {
      model.refreshTexts();
      list.refresh();
    });
    if (!model.datasets().isEmpty()) {
      model.select(DatasetRegistry.MNIST);
    }
  }

  public Node root() {
    return root;
  }

  /** {@code dataset}: chooses the dataset by name, e.g. {@code fashion-mnist}. */
  @Override
  public void applyPreset(Map<String, String> preset) {
    for (Map.Entry<String, String> e : preset.entrySet()) {
      if (!e.getKey().equals("dataset")) {
        throw LessonTarget.unknownKey(e.getKey());
      }
      String name = e.getValue().strip();
      if (model.datasets().stream().noneMatch(d -> d.name().equals(name))) {
        throw LessonTarget.badValue("dataset", name);
      }
      model.select(name);
    }
  }

  /** {@code dataset}: the chosen dataset's name (absent when none is). */
  @Override
  public Map<String, Object> facts() {
    DatasetInfo chosen = model.selectedProperty().get();
    return chosen == null ? Map.of() : Map.of("dataset", chosen.name());
  }

  private Node sidebar() {
    list.setId("datasets-list");
    list.setItems(model.datasets());
    list.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(DatasetInfo info, boolean empty) {
        super.updateItem(info, empty);
        setText(empty || info == null ? null : info.title() + sourceTag(info));
        setDisable(false);
        getStyleClass().remove("unavailable");
        if (!empty && info != null && !info.available()) {
          getStyleClass().add("unavailable");
        }
      }
    });
    list.setPrefHeight(300);
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && !now.equals(model.selectedProperty().get())) {
        model.selectedProperty().set(now);
      }
    });

    Button openCsv = button("data.ui.openCsv", "datasets-open-csv");
    openCsv.setOnAction(e -> chooseCsv());
    Button openFolder = button("data.ui.openFolder", "datasets-open-folder");
    openFolder.setOnAction(e -> chooseFolder());
    Button verify = button("data.ui.verify", "datasets-verify");
    verify.setOnAction(e -> model.verifyShippedFiles());
    verification.setId("datasets-verification");
    verification.setWrapText(true);
    verification.textProperty().bind(Bindings.createStringBinding(() -> verificationText(model.verificationProperty().get()),
        model.verificationProperty(), I18n.localeProperty()));

    VBox box = new VBox(8, heading("data.ui.choose"), list, options(), downloadBox(), openCsv, openFolder, verify, verification);
    box.setPadding(new Insets(12));
    box.setPrefWidth(320);
    box.getStyleClass().add("datasets-sidebar");
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    return scroll;
  }

  private Node options() {
    scaling.getItems().setAll(DatasetOptions.Scaling.values());
    scaling.setConverter(new StringConverter<>() {
      @Override
      public String toString(DatasetOptions.Scaling s) {
        return s == null ? "" : I18n.get("data.ui.scaling." + s.name());
      }

      @Override
      public DatasetOptions.Scaling fromString(String text) {
        return null;
      }
    });
    scaling.setId("datasets-scaling");
    scaling.setValue(DatasetOptions.Scaling.AUTO);
    I18n.onChange(scaling, () -> {
      DatasetOptions.Scaling value = scaling.getValue();
      scaling.getItems().setAll(DatasetOptions.Scaling.values());
      scaling.setValue(value);
    });
    for (Spinner<?> s : List.of(samplesSpinner, noiseSpinner, classesSpinner, degreeSpinner, seedSpinner, validationSpinner)) {
      s.setEditable(true);
      s.setPrefWidth(110);
      s.valueProperty().addListener((obs, old, now) -> optionsEdited());
    }
    scaling.valueProperty().addListener((obs, old, now) -> optionsEdited());
    samplesSpinner.setId("datasets-samples");
    noiseSpinner.setId("datasets-noise");
    classesSpinner.setId("datasets-classes");
    degreeSpinner.setId("datasets-degree");
    seedSpinner.setId("datasets-seed");
    validationSpinner.setId("datasets-validation");

    generatorBox.getChildren().setAll(row("data.ui.samples", samplesSpinner), row("data.ui.noise", noiseSpinner),
        row("data.ui.classes", classesSpinner), row("data.ui.degree", degreeSpinner));
    return new VBox(6, heading("data.ui.options"), row("data.ui.scaling", scaling),
        row("data.ui.validationPercent", validationSpinner), row("data.ui.seed", seedSpinner), generatorBox);
  }

  private Node downloadBox() {
    Button download = button("data.ui.download", "datasets-download");
    download.setOnAction(e -> model.download());
    download.disableProperty().bind(model.downloadingProperty());
    Button cancel = button("data.ui.cancel", "datasets-cancel-download");
    cancel.setOnAction(e -> model.cancelDownload());
    cancel.disableProperty().bind(model.downloadingProperty().not());
    ProgressBar bar = new ProgressBar(0);
    bar.setId("datasets-download-progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
      DownloadProgress p = model.downloadProgressProperty().get();
      return p == null ? 0.0 : p.fraction();
    }, model.downloadProgressProperty()));
    Label status = new Label();
    status.setId("datasets-download-status");
    status.setWrapText(true);
    status.textProperty().bind(Bindings.createStringBinding(this::downloadText, model.downloadProgressProperty(),
        model.downloadingProperty(), model.downloadedFolderProperty(), I18n.localeProperty()));
    Label note = new Label();
    note.setWrapText(true);
    note.textProperty().bind(I18n.text("data.ui.downloadNote"));
    downloadBox.getChildren().setAll(heading("data.ui.downloadHeading"), note, new HBox(6, download, cancel), bar, status);
    downloadBox.setVisible(false);
    downloadBox.managedProperty().bind(downloadBox.visibleProperty());
    return downloadBox;
  }

  private Node content() {
    title.setId("dataset-title");
    title.getStyleClass().add("workspace-title");
    description.setId("dataset-description");
    description.setWrapText(true);
    error.setId("dataset-error");
    error.getStyleClass().add("dataset-error");
    error.setWrapText(true);
    error.textProperty().bind(Bindings.createStringBinding(() -> model.errorProperty().get() == null ? "" : UiText.of(model.errorProperty().get()).get(),
        model.errorProperty(), I18n.localeProperty()));
    error.visibleProperty().bind(model.errorProperty().isNotNull());
    error.managedProperty().bind(error.visibleProperty());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setId("dataset-loading");
    busy.setPrefSize(28, 28);
    busy.visibleProperty().bind(model.loadingProperty());
    facts.setId("dataset-facts");
    facts.setHgap(12);
    facts.setVgap(4);
    histogram.setId("dataset-histogram");
    histogram.setAnimated(false);
    histogram.setLegendVisible(false);
    histogram.setPrefSize(440, 240);
    histogram.setMaxWidth(Region.USE_PREF_SIZE);
    histogram.setBarGap(1);
    histogram.setCategoryGap(4);
    table.setId("dataset-table");
    table.setPrefHeight(300);
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    VBox.setVgrow(table, Priority.ALWAYS);
    body.setPadding(new Insets(16));
    body.getChildren().setAll(new HBox(10, title, busy), description, error, facts);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private void selectionChanged(DatasetInfo info) {
    if (info != null && !info.equals(list.getSelectionModel().getSelectedItem())) {
      list.getSelectionModel().select(info);
    }
    boolean generated = info != null && info.source() == DatasetInfo.Source.GENERATED;
    generatorBox.setVisible(generated);
    generatorBox.setManaged(generated);
    downloadBox.setVisible(info != null && info.source() == DatasetInfo.Source.DOWNLOADED);
    showOptions(model.optionsProperty().get());
    if (model.previewProperty().get() == null) {
      title.setText(info == null ? "" : info.title());
    }
  }

  /** Puts the model's options into the controls without treating that as an edit. */
  private void showOptions(DatasetOptions o) {
    showingOptions = true;
    scaling.setValue(o.scaling());
    seedSpinner.getValueFactory().setValue((int) o.seed());
    validationSpinner.getValueFactory().setValue((int) Math.round(o.validationFraction() * 100));
    if (o.samples() > 0) {
      samplesSpinner.getValueFactory().setValue(o.samples());
    }
    if (o.noise() >= 0) {
      noiseSpinner.getValueFactory().setValue(o.noise());
    }
    if (o.classes() > 0) {
      classesSpinner.getValueFactory().setValue(o.classes());
    }
    if (o.degree() >= 0) {
      degreeSpinner.getValueFactory().setValue(o.degree());
    }
    boolean xor = model.selectedProperty().get() != null && DatasetRegistry.XOR.equals(model.selectedProperty().get().name());
    classesSpinner.setDisable(xor || o.classes() == 0);
    degreeSpinner.setDisable(o.degree() < 0);
    showingOptions = false;
  }

  private void optionsEdited() {
    if (showingOptions) {
      return;
    }
    DatasetOptions o = model.optionsProperty().get()
        .withScaling(scaling.getValue())
        .withSeed(seedSpinner.getValue())
        .withValidationFraction(validationSpinner.getValue() / 100.0);
    if (generatorBox.isVisible()) {
      o = o.withSamples(samplesSpinner.getValue()).withNoise(noiseSpinner.getValue());
      if (!classesSpinner.isDisabled()) {
        o = o.withClasses(classesSpinner.getValue());
      }
      if (!degreeSpinner.isDisabled()) {
        o = o.withDegree(degreeSpinner.getValue());
      }
    }
    model.optionsProperty().set(o);
  }

  private void show(DatasetPreview p) {
    body.getChildren().remove(4, body.getChildren().size());
    facts.getChildren().clear();
    if (p == null) {
      description.setText("");
      DatasetInfo info = model.selectedProperty().get();
      title.setText(info == null ? "" : info.title());
      return;
    }
    DatasetInfo info = model.selectedProperty().get();
    title.setText(info != null && info.name().equals(p.name()) ? info.title() : p.name());
    description.setText(p.description());
    fact(0, "data.ui.sizes", I18n.get("data.ui.sizesValue", p.trainSize(), p.validationSize(), p.testSize()));
    fact(1, "data.ui.sampleShape", Arrays.toString(p.featureShape()));
    fact(2, "data.ui.batchShape", batchShapes(p));
    fact(3, "data.ui.normalization", p.normalization());
    if (p.task() == Task.CLASSIFICATION) {
      fact(4, "data.ui.classes", String.join(", ", p.classNames()));
    }
    if (p.isImages()) {
      samples.show(p.sampleCount(), p.featureShape(), p.samplePixels(), p.sampleLabels(), p.classNames());
      body.getChildren().add(section("data.ui.samplesHeading", samples.node()));
      body.getChildren().add(section("data.ui.histogramHeading", histogram));
    } else {
      HBox charts = new HBox(20);
      if (p.hasScatter()) {
        scatter.show(p.scatterX(), p.scatterY(), p.scatterClasses(), p.scatterXName(), p.scatterYName());
        charts.getChildren().add(section("data.ui.scatterHeading", scatter.node()));
      }
      if (p.task() == Task.CLASSIFICATION) {
        charts.getChildren().add(section("data.ui.histogramHeading", histogram));
      }
      body.getChildren().add(charts);
      fillTable(p);
      body.getChildren().add(section("data.ui.tableHeading", table));
    }
    fillHistogram(p);
  }

  private static String batchShapes(DatasetPreview p) {
    String shape = Arrays.stream(p.featureShape()).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    return p.task() == Task.CLASSIFICATION
        ? I18n.get("data.ui.batchClassification", shape, p.classNames().size())
        : I18n.get("data.ui.batchRegression", shape);
  }

  private void fillHistogram(DatasetPreview p) {
    histogram.getData().clear();
    if (p.task() != Task.CLASSIFICATION) {
      return;
    }
    XYChart.Series<String, Number> series = new XYChart.Series<>();
    for (int c = 0; c < p.classCounts().length; c++) {
      series.getData().add(new XYChart.Data<>(p.classNames().get(c), p.classCounts()[c]));
    }
    ((CategoryAxis) histogram.getXAxis()).getCategories().setAll(p.classNames());
    histogram.getData().add(series);
  }

  private void fillTable(DatasetPreview p) {
    table.getColumns().clear();
    int cols = p.columns().size();
    for (int c = 0; c < cols; c++) {
      int column = c;
      TableColumn<Integer, String> col = new TableColumn<>(p.columns().get(c));
      col.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
          cellText(p, cell.getValue() * cols + column, column == cols - 1)));
      col.setSortable(false);
      col.setPrefWidth(Math.max(84, 9 * p.columns().get(c).length()));
      table.getColumns().add(col);
    }
    Integer[] rows = new Integer[p.tableRows()];
    Arrays.setAll(rows, i -> i);
    table.getItems().setAll(rows);
  }

  private static String cellText(DatasetPreview p, int index, boolean target) {
    float v = p.tableValues()[index];
    if (target && p.task() == Task.CLASSIFICATION) {
      return p.classNames().get((int) v);
    }
    return v == Math.rint(v) && Math.abs(v) < 1e7 ? String.format("%.0f", v) : String.format("%.4g", v);
  }

  private void fact(int row, String key, String value) {
    Label name = new Label();
    name.textProperty().bind(I18n.text(key));
    name.getStyleClass().add("fact-name");
    name.setMinWidth(Region.USE_PREF_SIZE);
    Label text = new Label(value);
    text.setWrapText(true);
    text.setId("dataset-fact-" + key.substring(key.lastIndexOf('.') + 1));
    facts.addRow(row, name, text);
  }

  private String downloadText() {
    DownloadProgress p = model.downloadProgressProperty().get();
    if (model.downloadingProperty().get() && p != null) {
      return I18n.get("data.ui.downloadProgress", p.fileName(), p.bytes() / 1e6, p.totalBytes() / 1e6);
    }
    Path folder = model.downloadedFolderProperty().get();
    return folder == null ? "" : I18n.get("data.ui.downloadDone", folder);
  }

  private static String verificationText(List<FileVerifier.FileCheck> checks) {
    if (checks.isEmpty()) {
      return "";
    }
    List<FileVerifier.FileCheck> bad = checks.stream().filter(c -> c.status() != FileVerifier.Status.OK).toList();
    if (bad.isEmpty()) {
      return I18n.get("data.ui.verifyOk", checks.size());
    }
    return bad.stream().map(c -> I18n.get("data.ui.verifyBad." + c.status().name(), c.relativePath()))
        .collect(Collectors.joining("\n"));
  }

  private void chooseCsv() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(I18n.get("data.ui.openCsv"));
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
    File file = chooser.showOpenDialog(root.getScene().getWindow());
    if (file != null) {
      model.inspectCsv(file.toPath(), table -> askCsvTarget(file.toPath(), table));
    }
  }

  private void askCsvTarget(Path file, CsvTable csv) {
    ChoiceBox<String> column = new ChoiceBox<>();
    column.getItems().setAll(csv.columns());
    column.setValue(csv.columns().get(csv.columns().size() - 1));
    ToggleGroup group = new ToggleGroup();
    RadioButton regression = radio("data.ui.regression", group);
    RadioButton classification = radio("data.ui.classification", group);
    Runnable guess = () -> {
      int c = csv.indexOf(column.getValue());
      (csv.isNumeric(c) ? regression : classification).setSelected(true);
    };
    guess.run();
    column.valueProperty().addListener((obs, old, now) -> guess.run());
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.setTitle(I18n.get("data.ui.csvDialogTitle"));
    dialog.getDialogPane().setContent(new VBox(8, label("data.ui.csvTarget"), column, regression, classification));
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    Optional<ButtonType> answer = dialog.showAndWait();
    if (answer.isPresent() && answer.get() == ButtonType.OK) {
      model.loadCsv(file, column.getValue(), classification.isSelected() ? Task.CLASSIFICATION : Task.REGRESSION);
    }
  }

  private void chooseFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(I18n.get("data.ui.openFolder"));
    File folder = chooser.showDialog(root.getScene().getWindow());
    if (folder == null) {
      return;
    }
    Spinner<Integer> size = new Spinner<>(8, 128, 28, 4);
    size.setEditable(true);
    CheckBox gray = new CheckBox();
    gray.textProperty().bind(I18n.text("data.ui.grayscale"));
    gray.setSelected(true);
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.setTitle(I18n.get("data.ui.folderDialogTitle"));
    dialog.getDialogPane().setContent(new VBox(8, label("data.ui.imageSize"), size, gray));
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    Optional<ButtonType> answer = dialog.showAndWait();
    if (answer.isPresent() && answer.get() == ButtonType.OK) {
      model.loadImageFolder(folder.toPath(), size.getValue(), gray.isSelected());
    }
  }

  private static String sourceTag(DatasetInfo info) {
    return switch (info.source()) {
      case SHIPPED -> "";
      case GENERATED -> "  · " + I18n.get("data.ui.generated");
      case DOWNLOADED -> "  · " + I18n.get(info.available() ? "data.ui.downloaded" : "data.ui.notDownloaded");
    };
  }

  private static VBox section(String key, Node content) {
    return new VBox(6, heading(key), content);
  }

  private static Label heading(String key) {
    Label label = label(key);
    label.getStyleClass().add("section-heading");
    return label;
  }

  private static Label label(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.setWrapText(true);
    return label;
  }

  private static HBox row(String key, Node control) {
    Label name = label(key);
    name.setPrefWidth(150);
    name.setMinWidth(150);
    return new HBox(8, name, control);
  }

  private static Button button(String key, String id) {
    Button button = new Button();
    button.textProperty().bind(I18n.text(key));
    button.setId(id);
    button.setMaxWidth(Double.MAX_VALUE);
    return button;
  }

  private static RadioButton radio(String key, ToggleGroup group) {
    RadioButton button = new RadioButton();
    button.textProperty().bind(I18n.text(key));
    button.setToggleGroup(group);
    return button;
  }
}
