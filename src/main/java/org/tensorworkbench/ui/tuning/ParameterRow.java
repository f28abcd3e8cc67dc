package org.tensorworkbench.ui.tuning;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tensorworkbench.engine.tune.Hyperparameter;
import org.tensorworkbench.engine.tune.ParameterRange;

/**
 * One hyperparameter in the search-space editor: searched (a range {@code min..max}, on a log
 * scale or not, or choices {@code a, b, c}) or fixed at one value (empty: as designed).
 */
public final class ParameterRow {
  private final Hyperparameter parameter;
  private final BooleanProperty searched = new SimpleBooleanProperty();
  private final StringProperty values = new SimpleStringProperty("");
  private final BooleanProperty log = new SimpleBooleanProperty();
  private final StringProperty fixed = new SimpleStringProperty("");

  ParameterRow(Hyperparameter parameter, boolean searched, String values, boolean log, String fixed) {
    this.parameter = parameter;
    this.searched.set(searched);
    this.values.set(values);
    this.log.set(log);
    this.fixed.set(fixed);
  }

  public Hyperparameter parameter() {
    return parameter;
  }

  public BooleanProperty searchedProperty() {
    return searched;
  }

  /** {@code min..max} or {@code a, b, c}. */
  public StringProperty valuesProperty() {
    return values;
  }

  public BooleanProperty logProperty() {
    return log;
  }

  /** The value when not searched; empty keeps the network's own (width, dropout). */
  public StringProperty fixedProperty() {
    return fixed;
  }

  /** The range this row describes (only when searched); the engine checks the values. */
  ParameterRange range() {
    String text = values.get().strip();
    int dots = text.indexOf("..");
    if (dots > 0 && !parameter.categorical()) {
      return new ParameterRange.Numeric(parameter, number(text.substring(0, dots)), number(text.substring(dots + 2)), log.get());
    }
    List<Object> choices = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        choices.add(part.strip());
      }
    }
    return new ParameterRange.Choice(parameter, choices);
  }

  private double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new org.tensorworkbench.engine.tune.TuningException("tuning.error.badValue", parameter.id(), text.strip());
    }
  }

  /** Shows {@code range} in the row (when a study is opened). */
  void show(ParameterRange range) {
    searched.set(true);
    if (range instanceof ParameterRange.Numeric n) {
      values.set(format(n.low()) + ".." + format(n.high()));
      log.set(n.log());
    } else if (range instanceof ParameterRange.Choice c) {
      values.set(String.join(", ", c.values().stream().map(TuningViewModel::format).toList()));
    }
  }

  private static String format(double v) {
    return TuningViewModel.format(v);
  }
}
