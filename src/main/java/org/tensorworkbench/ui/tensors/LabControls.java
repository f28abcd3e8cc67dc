package org.tensorworkbench.ui.tensors;

import org.tensorworkbench.ui.common.UiText;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tensorworkbench.ui.common.I18n;

/** Small builders shared by the lab screens: translated labels, choice boxes and error lines. */
public final class LabControls {
  private LabControls() {}

  public static Label label(String key, Object... args) {
    Label l = new Label();
    l.textProperty().bind(I18n.text(key, args));
    l.setWrapText(true);
    return l;
  }

  public static Label heading(String key) {
    Label l = label(key);
    l.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
    return l;
  }

  /** A choice box whose items are shown with the translated text of {@code keyOf(item)}, following the language. */
  public static <T> ChoiceBox<T> choices(T[] items, Function<T, String> keyOf) {
    ChoiceBox<T> box = new ChoiceBox<>();
    box.getItems().setAll(items);
    Runnable converter = () -> box.setConverter(new StringConverter<>() {
      @Override
      public String toString(T item) {
        return item == null ? "" : I18n.get(keyOf.apply(item));
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException("choice boxes are not edited as text");
      }
    });
    converter.run();
    I18n.onChange(box, () -> converter.run());
    return box;
  }

  /** A red line showing {@code error}'s text in the current language, hidden when there is none. */
  public static Label errorLine(ObservableValue<UiText> error) {
    Label l = new Label();
    l.setWrapText(true);
    l.setStyle("-fx-text-fill: #c92a2a;");
    l.textProperty().bind(Bindings.createStringBinding(
        () -> error.getValue() == null ? "" : error.getValue().get(), error, I18n.localeProperty()));
    l.visibleProperty().bind(error.map(e -> true).orElse(false));
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  /** A titled box with a translated title. */
  public static TitledPane section(String titleKey, javafx.scene.Node content) {
    TitledPane pane = new TitledPane();
    pane.textProperty().bind(I18n.text(titleKey));
    pane.setContent(content);
    pane.setCollapsible(false);
    return pane;
  }

  /** {@code name.shape = [2, 3]} for whatever {@code canvas} shows. */
  public static javafx.beans.binding.StringBinding shapeCaption(String name, TensorCanvas canvas) {
    return Bindings.createStringBinding(() -> {
      var shown = canvas.tensorProperty().get();
      return shown == null ? name : name + ".shape = " + org.tensorworkbench.engine.lab.tensor.Shapes.list(shown.shape());
    }, canvas.tensorProperty());
  }

  /** A canvas under a translated caption. */
  public static VBox captioned(ObservableValue<String> caption, javafx.scene.Node canvas) {
    Label l = new Label();
    l.textProperty().bind(caption);
    l.setStyle("-fx-font-family: 'Monospaced'; -fx-font-weight: bold;");
    return new VBox(4, l, canvas);
  }
}
