package org.tensorworkbench.ui.training;

import org.tensorworkbench.ui.common.UiText;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.OptimizerCell;

/** The run set-up on the left of the Training screen: network, data, optimizer and device. */
final class SetupForm {
  private final RunSetupViewModel vm;
  private final GridPane grid = new GridPane();
  private final ScrollPane root;
  private int row;

  SetupForm(RunSetupViewModel vm, Runnable openNetwork, Runnable chooseAugmentation) {
    this.vm = vm;
    grid.getStyleClass().addAll("form", "training-setup");
    grid.setId("training-setup");

    heading("training.setup.network");
    ComboBox<NetworkChoice> network = new ComboBox<>(vm.networks());
    network.setId("training-network");
    network.valueProperty().bindBidirectional(vm.networkProperty());
    network.setCellFactory(l -> new ChoiceCell());
    network.setButtonCell(new ChoiceCell());
    network.setMaxWidth(Double.MAX_VALUE);
    Button open = new Button();
    open.textProperty().bind(I18n.text("training.setup.openNetwork"));
    open.setId("training-open-network");
    open.setOnAction(e -> openNetwork.run());
    HBox networkRow = new HBox(6, network, open);
    HBox.setHgrow(network, Priority.ALWAYS);
    grid.add(networkRow, 0, row++, 2, 1);
    Label recipe = new Label();
    recipe.setId("training-recipe");
    recipe.setWrapText(true);
    recipe.getStyleClass().add("field-note");
    recipe.textProperty().bind(Bindings.createStringBinding(() -> vm.recipeProperty().get() == null ? ""
        : I18n.get("training.setup.recipe", vm.recipeProperty().get().describe()),
        vm.recipeProperty(), I18n.localeProperty()));
    recipe.visibleProperty().bind(vm.recipeProperty().isNotNull());
    recipe.managedProperty().bind(recipe.visibleProperty());
    grid.add(recipe, 0, row++, 2, 1);

    heading("training.setup.data");
    ComboBox<String> dataset = new ComboBox<>(vm.datasets());
    dataset.setId("training-dataset");
    dataset.valueProperty().bindBidirectional(vm.datasetProperty());
    dataset.setMaxWidth(Double.MAX_VALUE);
    field("training.field.dataset", dataset, null);
    field("training.field.limit", text(vm.limitProperty(), "training-limit"), "training.help.limit");
    field("training.field.testLimit", text(vm.testLimitProperty(), "training-test-limit"), "training.help.testLimit");
    Label augmentFile = new Label();
    augmentFile.setId("training-augmentation");
    augmentFile.setMinWidth(0);
    augmentFile.textProperty().bind(Bindings.createStringBinding(() -> vm.augmentationProperty().get() == null
        ? I18n.get("transfer.augment.training.none") : vm.augmentationProperty().get().getFileName().toString(),
        vm.augmentationProperty(), I18n.localeProperty()));
    Button chooseAugment = new Button();
    chooseAugment.setId("training-augmentation-choose");
    chooseAugment.textProperty().bind(I18n.text("transfer.augment.training.choose"));
    chooseAugment.setOnAction(e -> chooseAugmentation.run());
    chooseAugment.setMinWidth(Button.USE_PREF_SIZE);
    Button clearAugment = new Button();
    clearAugment.setId("training-augmentation-clear");
    clearAugment.textProperty().bind(I18n.text("transfer.augment.training.clear"));
    clearAugment.setOnAction(e -> vm.augmentationProperty().set(null));
    clearAugment.visibleProperty().bind(vm.augmentationProperty().isNotNull());
    clearAugment.managedProperty().bind(clearAugment.visibleProperty());
    clearAugment.setMinWidth(Button.USE_PREF_SIZE);
    HBox augmentRow = new HBox(6, augmentFile, chooseAugment, clearAugment);
    augmentRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    HBox.setHgrow(augmentFile, Priority.SOMETIMES);
    field("transfer.augment.training.field", augmentRow, "transfer.augment.training.help");

    heading("training.setup.optimization");
    ComboBox<Optimizer> optimizer = new ComboBox<>();
    optimizer.getItems().setAll(Optimizer.values());
    optimizer.valueProperty().bindBidirectional(vm.optimizerProperty());
    optimizer.setId("training-optimizer");
    optimizer.setMaxWidth(Double.MAX_VALUE);
    optimizer.setCellFactory(l -> new OptimizerCell());
    optimizer.setButtonCell(new OptimizerCell());
    field("training.field.optimizer", optimizer, "training.help.optimizer");
    field("training.field.learningRate", text(vm.learningRateProperty(), "training-lr"), "training.help.learningRate");
    Node[] momentum = field("training.field.momentum", text(vm.momentumProperty(), "training-momentum"),
        "training.help.momentum");
    Node[] beta1 = field("training.field.beta1", text(vm.beta1Property(), "training-beta1"), "training.help.beta1");
    Node[] beta2 = field("training.field.beta2", text(vm.beta2Property(), "training-beta2"), "training.help.beta2");
    showOnlyFor(momentum, Optimizer.MOMENTUM);
    showOnlyFor(beta1, Optimizer.ADAM, Optimizer.ADAMW);
    showOnlyFor(beta2, Optimizer.ADAM, Optimizer.ADAMW);
    field("training.field.weightDecay", text(vm.weightDecayProperty(), "training-weight-decay"),
        "training.help.weightDecay");
    CheckBox decoupled = new CheckBox();
    decoupled.textProperty().bind(I18n.text("training.field.decoupled"));
    decoupled.selectedProperty().bindBidirectional(vm.decoupledProperty());
    decoupled.disableProperty().bind(vm.optimizerProperty().isEqualTo(Optimizer.ADAMW));
    grid.add(decoupled, 1, row++);
    field("training.field.schedule", text(vm.scheduleProperty(), "training-schedule"), "training.help.schedule");
    field("training.field.batchSize", text(vm.batchSizeProperty(), "training-batch"), "training.help.batchSize");
    field("training.field.epochs", text(vm.epochsProperty(), "training-epochs"), null);
    field("training.field.seed", text(vm.seedProperty(), "training-seed"), "training.help.seed");

    heading("training.setup.device");
    ToggleGroup devices = new ToggleGroup();
    RadioButton cpu = new RadioButton("CPU");
    RadioButton gpu = new RadioButton("GPU");
    cpu.setToggleGroup(devices);
    gpu.setToggleGroup(devices);
    gpu.setId("training-gpu");
    cpu.setUserData(RunSetupViewModel.Device.CPU);
    gpu.setUserData(RunSetupViewModel.Device.GPU);
    // the backend is fixed for the process: the choice shows which one trains
    cpu.disableProperty().bind(Bindings.createBooleanBinding(vm::gpuAvailable, vm.backendProperty()));
    gpu.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.gpuAvailable(), vm.backendProperty()));
    vm.deviceProperty().addListener((o, a, d) -> devices.selectToggle(d == RunSetupViewModel.Device.GPU ? gpu : cpu));
    devices.selectToggle(vm.deviceProperty().get() == RunSetupViewModel.Device.GPU ? gpu : cpu);
    grid.add(new HBox(12, cpu, gpu), 0, row++, 2, 1);
    Label gpuNote = new Label();
    gpuNote.setId("training-gpu-note");
    gpuNote.setWrapText(true);
    gpuNote.getStyleClass().add("field-note");
    gpuNote.textProperty().bind(Bindings.createStringBinding(() -> {
      UiText reason = vm.gpuUnavailableReason();
      return reason == null ? I18n.get("training.setup.gpuInUse") : reason.get();
    }, vm.backendProperty(), I18n.localeProperty()));
    grid.add(gpuNote, 0, row++, 2, 1);

    Label problem = new Label();
    problem.setId("training-setup-problem");
    problem.setWrapText(true);
    problem.getStyleClass().add("setup-problem");
    problem.textProperty().bind(Bindings.createStringBinding(
        () -> vm.problemProperty().get() == null ? "" : vm.problemProperty().get().get(),
        vm.problemProperty(), I18n.localeProperty()));
    problem.visibleProperty().bind(vm.problemProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());
    grid.add(problem, 0, row++, 2, 1);

    // the cells' texts are in the current language: make them again when it changes
    I18n.onChange(network, () -> {
      network.setCellFactory(l -> new ChoiceCell());
      network.setButtonCell(new ChoiceCell());
      optimizer.setCellFactory(l -> new OptimizerCell());
      optimizer.setButtonCell(new OptimizerCell());
    });
    root = new ScrollPane(new VBox(grid));
    root.setFitToWidth(true);
    root.getStyleClass().add("training-setup-scroll");
  }

  ScrollPane node() {
    return root;
  }

  private void heading(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.getStyleClass().add("setup-heading");
    grid.add(label, 0, row++, 2, 1);
  }

  private Node[] field(String labelKey, Node control, String helpKey) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(labelKey));
    label.setMinWidth(Label.USE_PREF_SIZE);
    if (helpKey != null) {
      Tooltip tip = new Tooltip();
      tip.textProperty().bind(I18n.text(helpKey));
      tip.setWrapText(true);
      tip.setMaxWidth(360);
      label.setTooltip(tip);
      if (control instanceof javafx.scene.control.Control c) {
        c.setTooltip(tip);
      }
    }
    GridPane.setHgrow(control, Priority.ALWAYS);
    grid.addRow(row++, label, control);
    return new Node[] {label, control};
  }

  private void showOnlyFor(Node[] nodes, Optimizer... optimizers) {
    for (Node n : nodes) {
      n.visibleProperty().bind(Bindings.createBooleanBinding(
          () -> java.util.Arrays.asList(optimizers).contains(vm.optimizerProperty().get()), vm.optimizerProperty()));
      n.managedProperty().bind(n.visibleProperty());
    }
  }

  private static TextField text(StringProperty property, String id) {
    TextField field = new TextField();
    field.textProperty().bindBidirectional(property);
    field.setId(id);
    field.setPrefColumnCount(8);
    return field;
  }

  private static final class ChoiceCell extends ListCell<NetworkChoice> {
    @Override
    protected void updateItem(NetworkChoice item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.label());
    }
  }
}
