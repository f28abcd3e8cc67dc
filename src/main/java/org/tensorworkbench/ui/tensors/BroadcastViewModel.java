package org.tensorworkbench.ui.tensors;

import org.tensorworkbench.ui.common.UiText;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tensorworkbench.engine.lab.tensor.BroadcastLab;
import org.tensorworkbench.engine.lab.tensor.BroadcastResult;
import org.tensorworkbench.engine.lab.tensor.ElementwiseOp;
import org.tensorworkbench.engine.lab.tensor.TensorSource;
import org.tensorworkbench.ui.common.LatestResult;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The broadcasting tab: two operands and an elementwise operation; every edit recomputes the
 * result in the background (the newest edit wins).
 */
public final class BroadcastViewModel {
  /** d2l's and NumPy's classic cases, the last one incompatible. */
  public enum Example {
    COLUMN_PLUS_ROW("3, 1", "1, 2"),
    MATRIX_PLUS_ROW("2, 3", "3"),
    FOUR_D("2, 1, 3, 1", "4, 1, 2"),
    INCOMPATIBLE("2, 3", "4");

    private final String shapeX;
    private final String shapeY;

    Example(String shapeX, String shapeY) {
      this.shapeX = shapeX;
      this.shapeY = shapeY;
    }

    public String key() {
      return "tensors.example." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final OperandModel x = new OperandModel("3, 1", 1);
  private final OperandModel y = new OperandModel("1, 2", 2);
  private final ObjectProperty<ElementwiseOp> op = new SimpleObjectProperty<>(ElementwiseOp.ADD);
  private final IntegerProperty draw = new SimpleIntegerProperty();
  private final ReadOnlyObjectWrapper<BroadcastResult> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final LatestResult runner;

  public BroadcastViewModel(UiExecutor executor) {
    this.runner = new LatestResult(executor);
    for (OperandModel m : new OperandModel[] {x, y}) {
      for (var dependency : m.dependencies()) {
        dependency.addListener(obs -> recompute());
      }
    }
    op.addListener(obs -> recompute());
    draw.addListener(obs -> recompute());
  }

  public OperandModel x() {
    return x;
  }

  public OperandModel y() {
    return y;
  }

  public ObjectProperty<ElementwiseOp> opProperty() {
    return op;
  }

  public ReadOnlyObjectProperty<BroadcastResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** The problem with the current input, or {@code null}. Incompatible shapes are a result, not an error. */
  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Draws new random integers for operands whose source is random. */
  public void drawAgain() {
    draw.set(draw.get() + 1);
  }

  public void load(Example example) {
    x.sourceProperty().set(TensorSource.ARANGE);
    y.sourceProperty().set(TensorSource.ARANGE);
    x.shapeProperty().set(example.shapeX);
    y.shapeProperty().set(example.shapeY);
  }

  public void recompute() {
    OperandModel.Snapshot a = x.snapshot(draw.get());
    OperandModel.Snapshot b = y.snapshot(draw.get());
    ElementwiseOp operation = op.get();
    runner.submit(() -> BroadcastLab.compute(a.build(), b.build(), operation), r -> {
      error.set(null);
      result.set(r);
    }, e -> {
      result.set(null);
      error.set(UiText.of(e));
    });
  }
}
