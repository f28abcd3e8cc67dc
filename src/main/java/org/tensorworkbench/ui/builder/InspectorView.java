package org.tensorworkbench.ui.builder;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.tensorworkbench.engine.spec.NodeShape;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.ParameterShape;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.builder.model.LayerCatalog;
import org.tensorworkbench.ui.builder.model.LayerFields;
import org.tensorworkbench.ui.common.I18n;

/**
 * The settings of the selected layer. Each field is checked as it is typed: a value the layer
 * refuses (a zero size, a dropout probability of 1) is marked and explained under the field and
 * not applied; a valid value is applied at once, so shapes update while typing, and all the
 * keystrokes in one field are a single undo step.
 */
final class InspectorView extends ScrollPane {
  private final BuilderViewModel vm;
  private final VBox form = new VBox(4);
  private String shownId;
  private boolean updating;
  private NodeSpec shownNode;

  InspectorView(BuilderViewModel vm) {
    this.vm = vm;
    setId("builder-inspector");
    getStyleClass().add("inspector");
    form.setPadding(new Insets(10));
    setContent(form);
    setFitToWidth(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);
    setPrefWidth(250);
    setMinWidth(200);
    vm.selection().addListener((javafx.collections.SetChangeListener<String>) c -> refresh(false));
    vm.inferredProperty().addListener((obs, old, now) -> refresh(false));
    I18n.onChange(this, () -> refresh(true));
    refresh(true);
  }

  /** Rebuilds the form when another node is selected or the node changed other than by typing here. */
  private void refresh(boolean force) {
    Optional<NodeSpec> node = vm.selectedNode();
    String id = node.map(NodeSpec::id).orElse(null);
    boolean sameNode = id != null && id.equals(shownId) && node.get().equals(shownNode);
    if (!force && sameNode) {
      updateShapeInfo();
      return;
    }
    if (!force && id != null && id.equals(shownId) && (focusedInForm() || sameFields(node.get()))) {
      shownNode = node.get();
      showValues(node.get());
      updateShapeInfo();
      return;
    }
    shownId = id;
    shownNode = node.orElse(null);
    form.getChildren().clear();
    if (node.isEmpty()) {
      Label hint = new Label(Messages.get(vm.selection().isEmpty() ? "builder.inspector.nothing" : "builder.inspector.many",
          vm.selection().size()));
      hint.setWrapText(true);
      hint.getStyleClass().add("inspector-hint");
      form.getChildren().add(hint);
      return;
    }
    NodeSpec n = node.get();
    LayerCatalog.Entry entry = LayerCatalog.entry(LayerCatalog.kindOf(n.layer()));
    Label title = new Label(Messages.get(entry.nameKey()));
    title.getStyleClass().add("inspector-title");
    Label about = new Label(Messages.get(entry.hintKey()));
    about.setWrapText(true);
    about.getStyleClass().add("inspector-hint");
    form.getChildren().addAll(title, about);
    addNameField(n);
    for (LayerFields.Field field : LayerFields.of(n.layer())) {
      addField(n.id(), field);
    }
    Label shapeInfo = new Label();
    shapeInfo.setId("inspector-shape");
    shapeInfo.setWrapText(true);
    shapeInfo.getStyleClass().add("inspector-shape");
    Label problem = new Label();
    problem.setId("inspector-problem");
    problem.setWrapText(true);
    problem.getStyleClass().add("inspector-problem");
    form.getChildren().addAll(shapeInfo, problem);
    updateShapeInfo();
  }

  /** Whether the form shows the same fields as {@code node} would get, so values can be updated in place. */
  private boolean sameFields(NodeSpec node) {
    return shownNode != null && shownNode.layer().getClass() == node.layer().getClass()
        && LayerFields.of(shownNode.layer()).stream().map(LayerFields.Field::name).toList()
            .equals(LayerFields.of(node.layer()).stream().map(LayerFields.Field::name).toList());
  }

  /** Puts the node's current values into editors that are not being typed in (after undo, say). */
  private void showValues(NodeSpec node) {
    updating = true;
    try {
      for (LayerFields.Field field : LayerFields.of(node.layer())) {
        javafx.scene.Node editor = form.lookup("#field-" + field.name());
        if (editor == null || editor.isFocused()) {
          continue;
        }
        if (editor instanceof TextField t && !t.getText().equals(field.text())) {
          t.setText(field.text());
        } else if (editor instanceof CheckBox c) {
          c.setSelected(Boolean.parseBoolean(field.text()));
        } else if (editor instanceof ComboBox<?> c && !field.text().equals(c.getValue())) {
          @SuppressWarnings("unchecked")
          ComboBox<String> box = (ComboBox<String>) c;
          box.setValue(field.text());
        }
      }
    } finally {
      updating = false;
    }
  }

  private boolean focusedInForm() {
    javafx.scene.Node focus = getScene() == null ? null : getScene().getFocusOwner();
    for (javafx.scene.Node n = focus; n != null; n = n.getParent()) {
      if (n == form) {
        return true;
      }
    }
    return false;
  }

  private void updateShapeInfo() {
    if (shownId == null || form.lookup("#inspector-shape") == null) {
      return;
    }
    Label info = (Label) form.lookup("#inspector-shape");
    Label problem = (Label) form.lookup("#inspector-problem");
    Optional<NodeShape> shape = vm.inferred().node(shownId);
    boolean ok = shape.isPresent() && shape.get().isOk();
    problem.setText(shape.isPresent() && !ok ? shape.get().problem().text() : "");
    problem.setVisible(!ok);
    problem.setManaged(!ok);
    info.setVisible(ok);
    info.setManaged(ok);
    if (!ok) {
      return;
    }
    NodeShape s = shape.get();
    StringBuilder text = new StringBuilder(Messages.get("builder.inspector.output", s.output().toString()));
    for (ParameterShape p : s.parameters()) {
      text.append('\n').append(p.name()).append(' ').append(p.shape());
    }
    text.append('\n').append(Messages.get("builder.inspector.params", s.parameterCount()));
    info.setText(text.toString());
  }

  private void addNameField(NodeSpec n) {
    TextField name = new TextField(n.id());
    name.setId("field-id");
    Label error = errorLabel();
    String id = n.id();
    Runnable commit = () -> {
      boolean renamed = vm.design().node(id).isPresent() && !name.getText().trim().equals(id);
      if (renamed && !vm.rename(id, name.getText())) {
        error.setText(vm.noticeProperty().get() == null ? "" : vm.noticeProperty().get().get());
        error.setVisible(true);
      }
    };
    name.setOnAction(e -> commit.run());
    name.focusedProperty().addListener((obs, was, now) -> {
      if (!now) {
        commit.run();
      }
    });
    form.getChildren().addAll(caption("builder.field.id"), name, error);
  }

  private void addField(String id, LayerFields.Field field) {
    Label error = errorLabel();
    Control editor;
    switch (field.kind()) {
      case FLAG -> {
        CheckBox box = new CheckBox();
        box.setSelected(Boolean.parseBoolean(field.text()));
        box.selectedProperty().addListener((obs, was, now) -> {
          if (updating) {
            return;
          }
          vm.editField(id, field.name(), Boolean.toString(now));
          vm.endFieldEdit();
        });
        editor = box;
      }
      case CHOICE -> {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(field.choices());
        box.setValue(field.text());
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((obs, was, now) -> {
          if (now != null && !updating) {
            vm.editField(id, field.name(), now);
            vm.endFieldEdit();
          }
        });
        editor = box;
      }
      default -> {
        TextField text = new TextField(field.text());
        text.textProperty().addListener((obs, was, now) -> {
          if (updating) {
            return;
          }
          Optional<String> problem = vm.editField(id, field.name(), now);
          error.setText(problem.orElse(""));
          error.setVisible(problem.isPresent());
          error.setManaged(problem.isPresent());
          text.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), problem.isPresent());
        });
        text.focusedProperty().addListener((obs, was, now) -> {
          if (!now) {
            vm.endFieldEdit();
          }
        });
        editor = text;
      }
    }
    editor.setId("field-" + field.name());
    Tooltip tip = new Tooltip(Messages.get(field.hintKey()));
    tip.setWrapText(true);
    tip.setMaxWidth(300);
    editor.setTooltip(tip);
    form.getChildren().addAll(caption(field.labelKey()), editor, error);
  }

  private static Label caption(String key) {
    Label l = new Label(Messages.get(key));
    l.getStyleClass().add("inspector-caption");
    return l;
  }

  private static Label errorLabel() {
    Label l = new Label();
    l.getStyleClass().add("field-error");
    l.setWrapText(true);
    l.setVisible(false);
    l.setManaged(false);
    return l;
  }
}
