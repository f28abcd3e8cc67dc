package org.tensorworkbench.ui.tensors;

import org.tensorworkbench.ui.common.UiText;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tensorworkbench.engine.lab.tensor.MatMulLab;
import org.tensorworkbench.engine.lab.tensor.MatMulResult;
import org.tensorworkbench.engine.lab.tensor.TensorSource;
import org.tensorworkbench.ui.common.LatestResult;
import org.tensorworkbench.ui.common.UiExecutor;

/** The matrix-multiplication tab: two operands, their (batched) product, recomputed on every edit. */
public final class MatMulViewModel {
  /** The cases of the issue and d2l 2.3: batched, broadcast batches, matrix-vector, and a misfit. */
  public enum Example {
    BATCHED("2, 2, 4", "2, 4, 3"),
    BROADCAST_BATCH("2, 1, 4, 5", "1, 1, 5, 4"),
    MATRIX_VECTOR("2, 3", "3"),
    INNER_MISMATCH("4, 5", "4, 4");

    private final String shapeA;
    private final String shapeB;

    Example(String shapeA, String shapeB) {
      this.shapeA = shapeA;
      this.shapeB = shapeB;
    }

    public String key() {
      return "tensors.matmul.example." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final OperandModel a = new OperandModel("2, 2, 4", 5);
  private final OperandModel b = new OperandModel("2, 4, 3", 6);
  private final ReadOnlyObjectWrapper<MatMulResult> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final LatestResult runner;

  public MatMulViewModel(UiExecutor executor) {
    this.runner = new LatestResult(executor);
    a.sourceProperty().set(TensorSource.RANDOM_INTEGERS);
    b.sourceProperty().set(TensorSource.RANDOM_INTEGERS);
    for (OperandModel m : new OperandModel[] {a, b}) {
      for (var dependency : m.dependencies()) {
        dependency.addListener(obs -> recompute());
      }
    }
  }

  public OperandModel a() {
    return a;
  }

  public OperandModel b() {
    return b;
  }

  public ReadOnlyObjectProperty<MatMulResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  public void load(Example example) {
    a.shapeProperty().set(example.shapeA);
    b.shapeProperty().set(example.shapeB);
  }

  public void recompute() {
    OperandModel.Snapshot left = a.snapshot(0);
    OperandModel.Snapshot right = b.snapshot(0);
    runner.submit(() -> MatMulLab.multiply(left.build(), right.build()), r -> {
      error.set(null);
      result.set(r);
    }, e -> {
      result.set(null);
      error.set(UiText.of(e));
    });
  }
}
