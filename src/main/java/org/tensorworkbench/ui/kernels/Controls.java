package org.tensorworkbench.ui.kernels;

import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import org.tensorworkbench.ui.common.I18n;

/** Small factories for the lab's controls: localized choice boxes and integer spinners. */
final class Controls {
  private Controls() {}

  /** A combo box bound both ways to {@code value}, whose item texts follow the language ({@code label} sees null only if it is an item). */
  static <T> ComboBox<T> choice(String id, ObservableList<T> items, ObjectProperty<T> value, Function<T, String> label) {
    ComboBox<T> box = new ComboBox<>(items);
    box.setId(id);
    Function<T, String> text = t -> t == null && !items.contains(null) ? "" : label.apply(t);
    box.setCellFactory(list -> new LocalizedCell<>(text, false));
    box.setButtonCell(new LocalizedCell<>(text, true));
    box.valueProperty().bindBidirectional(value);
    return box;
  }

  /** A list cell that re-reads its text when the language changes (the shown value too, when null). */
  private static final class LocalizedCell<T> extends ListCell<T> {
    private final Function<T, String> label;
    private final boolean buttonCell;
    private final InvalidationListener relabel = o -> relabel();

    LocalizedCell(Function<T, String> label, boolean buttonCell) {
      this.label = label;
      this.buttonCell = buttonCell;
      I18n.localeProperty().addListener(new WeakInvalidationListener(relabel));
    }

    @Override
    protected void updateItem(T item, boolean empty) {
      super.updateItem(item, empty);
      relabel();
    }

    private void relabel() {
      setText(isEmpty() && !buttonCell ? null : label.apply(getItem()));
    }
  }

  /** An integer spinner bound both ways to {@code value}. */
  static Spinner<Integer> spinner(String id, int min, int max, IntegerProperty value) {
    Spinner<Integer> s = new Spinner<>(min, max, value.get());
    s.setId(id);
    s.setEditable(true);
    s.setPrefWidth(80);
    SpinnerValueFactory<Integer> f = s.getValueFactory();
    f.valueProperty().addListener((obs, old, v) -> {
      if (v != null) {
        value.set(v);
      }
    });
    value.addListener((obs, old, v) -> f.setValue(v.intValue()));
    return s;
  }

  static Label label(String key, Object... args) {
    Label l = new Label();
    l.textProperty().bind(I18n.text(key, args));
    return l;
  }
}
