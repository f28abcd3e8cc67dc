package org.tensorworkbench.ui.tensors;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tensorworkbench.engine.lab.tensor.Shapes;
import org.tensorworkbench.engine.lab.tensor.TensorSource;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

/** One tensor a person builds: its shape as typed, where its values come from, and typed values. */
public final class OperandModel {
  private final StringProperty shape = new SimpleStringProperty();
  private final ObjectProperty<TensorSource> source = new SimpleObjectProperty<>(TensorSource.ARANGE);
  private final StringProperty typed = new SimpleStringProperty("");
  private final long seed;

  public OperandModel(String shape, long seed) {
    this.shape.set(shape);
    this.seed = seed;
  }

  public StringProperty shapeProperty() {
    return shape;
  }

  public ObjectProperty<TensorSource> sourceProperty() {
    return source;
  }

  public StringProperty typedProperty() {
    return typed;
  }

  /** Everything whose change means the tensor must be built again. */
  public Observable[] dependencies() {
    return new Observable[] {shape, source, typed};
  }

  /** The current input, read on the FX thread, to build in the background. */
  public Snapshot snapshot(long draw) {
    return new Snapshot(shape.get(), source.get(), typed.get(), seed + 1000 * draw);
  }

  /** An operand's input frozen for the background thread. */
  public record Snapshot(String shape, TensorSource source, String typed, long seed) {
    /** Builds the tensor with the engine; throws LabInputException on bad input. */
    public TensorValues build() {
      return source.create(Shapes.parse(shape), seed, typed);
    }
  }
}
