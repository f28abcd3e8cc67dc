package org.tensorworkbench.ui.kernels;

import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;
import org.tensorworkbench.ui.common.I18n;

/** Small factories for the lab's controls: localized choice boxes and integer spinners. */
final class Controls {
  private Controls() {}

  /** A combo box bound both ways to {@code value}, whose item texts follow the language ({@code label} sees null too). */
  static <T> ComboBox<T> choice(String id, ObservableList<T> items, ObjectProperty<T> value, Function<T, String> label) {
    ComboBox<T> box = new ComboBox<>(items);
    box.setId(id);
    box.setConverter(converter(label));
    box.valueProperty().bindBidirectional(value);
    I18n.localeProperty().addListener((obs, old, now) -> box.setConverter(converter(label)));
    return box;
  }

  private static <T> StringConverter<T> converter(Function<T, String> label) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return label.apply(t);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException("choices are not typed in");
      }
    };
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
