package org.tensorworkbench.ui.kernels;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.engine.lab.conv.Activation;
import org.tensorworkbench.engine.lab.conv.ChannelMode;
import org.tensorworkbench.engine.lab.conv.ConvLabRequest;
import org.tensorworkbench.engine.lab.conv.ConvLabResult;
import org.tensorworkbench.engine.lab.conv.DisplayMode;
import org.tensorworkbench.engine.lab.conv.KernelPreset;
import org.tensorworkbench.ui.common.I18n;

/**
 * The Kernel Lab: a kernel (presets or edited weights) cross-correlated with a photograph or a
 * synthetic image, with padding, stride, dilation, channels, bias, activation and pooling; the
 * output beside the input, the output-shape formula, the operation counts, a step-through of one
 * window and the d2l kernel-learning demo.
 */
public final class KernelLabView implements LessonTarget {
  private final KernelLabViewModel vm;
  private final BorderPane root = new BorderPane();
  private final ObservableList<Integer> shownChoices = FXCollections.observableArrayList();
  /** Held here: a bidirectional binding keeps only weak references, so a temporary would be collected. */
  private final ObjectProperty<Integer> shownChannel;

  public KernelLabView(AppContext context) {
    this.vm = new KernelLabViewModel(context.executor(), context.projectHome().resolve("assets/images"));
    this.shownChannel = vm.shownChannelProperty().asObject();
    root.setId("kernel-lab");
    root.setLeft(controls());
    root.setCenter(centre());
    acceptDroppedImages();
    ImageSource first = vm.sources().stream()
        .filter(s -> s.file() != null && s.file().getFileName().toString().equals("camera.png"))
        .findFirst().orElse(vm.sources().get(0));
    vm.choose(first);
  }

  public Parent root() {
    return root;
  }

  /** See {@link KernelLabViewModel#applyPreset}. */
  @Override
  public void applyPreset(Map<String, String> preset) {
    vm.applyPreset(preset);
  }

  @Override
  public Map<String, Object> facts() {
    return vm.lessonFacts();
  }

  private ScrollPane controls() {
    ComboBox<ImageSource> source = Controls.choice("source", vm.sources(), vm.sourceProperty(), ImageSource::label);
    source.setMaxWidth(Double.MAX_VALUE);
    Button open = new Button();
    open.setId("open-image");
    open.textProperty().bind(I18n.text("kernels.source.open"));
    open.setOnAction(e -> openFile());
    Label dropHint = Controls.label("kernels.source.drop");
    dropHint.setWrapText(true);
    dropHint.getStyleClass().add("hint");

    ComboBox<ChannelMode> channels = Controls.choice("channels", FXCollections.observableArrayList(ChannelMode.values()),
        vm.channelModeProperty(), m -> I18n.get("kernels.channels." + m.id()));

    List<KernelPreset> presetItems = new ArrayList<>(List.of(KernelPreset.values()));
    presetItems.add(null);
    ComboBox<KernelPreset> preset = Controls.choice("preset", FXCollections.observableArrayList(presetItems),
        vm.presetProperty(), p -> p == null ? I18n.get("kernels.preset.custom") : I18n.get("kernels.preset." + p.id()));
    Spinner<Integer> rows = Controls.spinner("kernel-rows", 1, 15, vm.kernelRowsProperty());
    Spinner<Integer> cols = Controls.spinner("kernel-cols", 1, 15, vm.kernelColsProperty());
    FlowPane sizes = new FlowPane(4, 4);
    for (int[] size : new int[][] {{1, 2}, {2, 1}, {3, 3}, {5, 5}, {7, 7}}) {
      Button b = new Button(size[0] + "\u00d7" + size[1]);
      b.setId("size-" + size[0] + "x" + size[1]);
      b.setOnAction(e -> vm.resize(size[0], size[1]));
      sizes.getChildren().add(b);
    }
    Spinner<Double> sigma = new Spinner<>(0.1, 10.0, vm.sigmaProperty().get(), 0.1);
    sigma.setId("sigma");
    sigma.setEditable(true);
    sigma.setPrefWidth(80);
    sigma.valueProperty().addListener((obs, old, v) -> vm.sigmaProperty().set(v));
    HBox sigmaRow = new HBox(6, Controls.label("kernels.kernel.sigma"), sigma);
    sigmaRow.setAlignment(Pos.CENTER_LEFT);
    sigmaRow.visibleProperty().bind(vm.presetProperty().isEqualTo(KernelPreset.GAUSSIAN));
    sigmaRow.managedProperty().bind(sigmaRow.visibleProperty());
    Label correlation = Controls.label("kernels.kernel.crossCorrelation");
    correlation.setWrapText(true);
    correlation.getStyleClass().add("hint");

    Spinner<Double> bias = new Spinner<>(-255.0, 255.0, 0.0, 0.5);
    bias.setId("bias");
    bias.setEditable(true);
    bias.setPrefWidth(80);
    bias.valueProperty().addListener((obs, old, v) -> vm.biasProperty().set(v));
    ComboBox<Activation> activation = Controls.choice("activation", FXCollections.observableArrayList(Activation.values()),
        vm.activationProperty(), a -> I18n.get("kernels.activation." + a.id()));
    ComboBox<PoolChoice> pool = Controls.choice("pool", FXCollections.observableArrayList(PoolChoice.values()),
        vm.poolProperty(), p -> I18n.get("kernels.pool." + p.name().toLowerCase(Locale.ROOT)));
    Spinner<Integer> poolWindow = Controls.spinner("pool-window", 1, 8, vm.poolWindowProperty());
    Spinner<Integer> poolStride = Controls.spinner("pool-stride", 1, 8, vm.poolStrideProperty());
    poolWindow.disableProperty().bind(vm.poolProperty().isEqualTo(PoolChoice.NONE));
    poolStride.disableProperty().bind(vm.poolProperty().isEqualTo(PoolChoice.NONE));

    ComboBox<DisplayMode> display = Controls.choice("display", FXCollections.observableArrayList(DisplayMode.values()),
        vm.displayProperty(), d -> I18n.get("kernels.display." + d.id()));
    ComboBox<Integer> shown = shownChannelChoice();

    GridPane geometry = form(
        "kernels.param.padding", Controls.spinner("padding", 0, 20, vm.paddingProperty()),
        "kernels.param.stride", Controls.spinner("stride", 1, 10, vm.strideProperty()),
        "kernels.param.dilation", Controls.spinner("dilation", 1, 6, vm.dilationProperty()),
        "kernels.param.bias", bias,
        "kernels.param.activation", activation,
        "kernels.param.pool", pool,
        "kernels.param.poolWindow", poolWindow,
        "kernels.param.poolStride", poolStride);
    GridPane kernelSize = form("kernels.kernel.rows", rows, "kernels.kernel.cols", cols);

    VBox box = new VBox(8,
        heading("kernels.section.image"), source, new HBox(6, open), dropHint,
        Controls.label("kernels.param.channels"), channels,
        new Separator(),
        heading("kernels.section.kernel"), preset, sizes, kernelSize, sigmaRow,
        new KernelGridEditor(vm).node(), correlation,
        new Separator(),
        heading("kernels.section.layer"), geometry,
        new Separator(),
        heading("kernels.section.display"), display, shown);
    box.setPadding(new Insets(10));
    box.setPrefWidth(270);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setPrefWidth(290);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    return scroll;
  }

  private ComboBox<Integer> shownChannelChoice() {
    ComboBox<Integer> shown = Controls.choice("shown-channel", shownChoices, shownChannel,
        this::channelLabel);
    vm.channelModeProperty().addListener(o -> updateShownChoices());
    vm.resultProperty().addListener(o -> updateShownChoices());
    shown.disableProperty().bind(vm.channelModeProperty().isEqualTo(ChannelMode.GRAYSCALE));
    updateShownChoices();
    return shown;
  }

  private void updateShownChoices() {
    ConvLabResult r = vm.resultProperty().get();
    int channels = r == null ? 1 : r.convShape()[1];
    List<Integer> wanted = new ArrayList<>();
    wanted.add(ConvLabRequest.ALL_CHANNELS);
    for (int c = 0; channels > 1 && c < channels; c++) {
      wanted.add(c);
    }
    if (!shownChoices.equals(wanted)) {
      int keep = vm.shownChannelProperty().get();
      shownChoices.setAll(wanted);
      vm.shownChannelProperty().set(wanted.contains(keep) ? keep : ConvLabRequest.ALL_CHANNELS);
    }
  }

  private String channelLabel(Integer c) {
    if (c == null) {
      return "";
    }
    ChannelMode mode = vm.channelModeProperty().get();
    if (c == ConvLabRequest.ALL_CHANNELS) {
      return I18n.get("kernels.shown.all." + mode.id());
    }
    return mode == ChannelMode.EACH_CHANNEL
        ? I18n.get("kernels.shown.rgb", c, "RGB".charAt(Math.min(c, 2)))
        : I18n.get("kernels.shown.multi." + Math.min(c, 1), c);
  }

  private Node centre() {
    ImagePairPane pair = new ImagePairPane(vm);
    Label range = new Label();
    range.setId("value-range");
    range.textProperty().bind(vm.rangeText());
    Label pointHint = Controls.label("kernels.view.pointHint");
    pointHint.getStyleClass().add("hint");
    VBox images = new VBox(4, pair.node(), range, pointHint);
    VBox.setVgrow(pair.node(), Priority.ALWAYS);
    range.setMinHeight(Region.USE_PREF_SIZE);
    pointHint.setMinHeight(Region.USE_PREF_SIZE);
    pointHint.setWrapText(true);
    images.setPadding(new Insets(4));

    StepThroughPane step = new StepThroughPane(vm);
    KernelLearningPane learning = new KernelLearningPane(new KernelLearningViewModel(vm.executor(), vm.kernelProperty()));
    TabPane tabs = new TabPane(tab("tab-images", "kernels.tab.images", images),
        tab("tab-step", "kernels.tab.step", step.node()),
        tab("tab-learn", "kernels.tab.learn", learning.node()),
        tab("tab-count", "kernels.tab.count", new OpCountPane(new OpCountViewModel()).node()));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel().selectedItemProperty().addListener(o -> step.stop());
    VBox.setVgrow(tabs, Priority.ALWAYS);

    Label shape = new Label();
    shape.setId("output-shape");
    shape.textProperty().bind(vm.shapeText());
    shape.setStyle("-fx-font-family: monospace;");
    shape.setMinHeight(Region.USE_PREF_SIZE);
    Label ops = new Label();
    ops.setId("op-counts");
    ops.textProperty().bind(vm.opsText());
    ops.setWrapText(true);
    ops.setMinHeight(Region.USE_PREF_SIZE);
    Label error = new Label();
    error.setId("lab-error");
    error.setWrapText(true);
    error.setStyle("-fx-text-fill: #c62828; -fx-font-weight: bold;");
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());
    VBox shapeBox = new VBox(4, heading("kernels.section.shape"), shape);
    VBox opsBox = new VBox(4, heading("kernels.section.ops"), ops);
    VBox info = new VBox(8, shapeBox, opsBox);
    info.setPadding(new Insets(6, 10, 8, 10));
    VBox centre = new VBox(error, tabs, new Separator(), info);
    centre.setMinSize(0, 0);
    return centre;
  }

  private static Tab tab(String id, String key, Node content) {
    Tab t = new Tab();
    t.setId(id);
    t.textProperty().bind(I18n.text(key));
    t.setContent(content);
    return t;
  }

  private static Label heading(String key) {
    Label l = Controls.label(key);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  private static GridPane form(Object... keysAndControls) {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    for (int i = 0; i < keysAndControls.length; i += 2) {
      g.add(Controls.label((String) keysAndControls[i]), 0, i / 2);
      g.add((Node) keysAndControls[i + 1], 1, i / 2);
    }
    return g;
  }

  private void openFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(I18n.get("kernels.source.open"));
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("kernels.source.filter"),
        "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
    File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
    if (file != null) {
      vm.openFile(file.toPath());
    }
  }

  private void acceptDroppedImages() {
    root.setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY);
      }
      e.consume();
    });
    root.setOnDragDropped(e -> {
      List<File> files = e.getDragboard().getFiles();
      boolean ok = files != null && !files.isEmpty();
      if (ok) {
        vm.openFile(Path.of(files.get(0).getAbsolutePath()));
      }
      e.setDropCompleted(ok);
      e.consume();
    });
  }
}
