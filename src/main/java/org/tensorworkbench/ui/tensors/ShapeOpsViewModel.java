package org.tensorworkbench.ui.tensors;

import org.tensorworkbench.ui.common.UiText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tensorworkbench.engine.lab.tensor.ShapeOpResult;
import org.tensorworkbench.engine.lab.tensor.ShapeOps;
import org.tensorworkbench.engine.lab.tensor.ShapeOps.Reduction;
import org.tensorworkbench.engine.lab.tensor.Shapes;
import org.tensorworkbench.engine.lab.tensor.TensorValues;
import org.tensorworkbench.ui.common.LatestResult;
import org.tensorworkbench.ui.common.UiExecutor;

/** The shape-operations tab: one input tensor, one operation and its argument, recomputed on every edit. */
public final class ShapeOpsViewModel {
  /** The operations offered, each with the argument it starts with. */
  public enum Kind {
    RESHAPE("3, 4"),
    TRANSPOSE("0, 1"),
    PERMUTE("2, 0, 1"),
    SUM("1"),
    MEAN("0");

    private final String defaultArgument;

    Kind(String defaultArgument) {
      this.defaultArgument = defaultArgument;
    }

    public String defaultArgument() {
      return defaultArgument;
    }

    public boolean reduces() {
      return this == SUM || this == MEAN;
    }
  }

  private final OperandModel input = new OperandModel("2, 2, 3", 3);
  private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.RESHAPE);
  private final StringProperty argument = new SimpleStringProperty(Kind.RESHAPE.defaultArgument());
  private final BooleanProperty keepDims = new SimpleBooleanProperty(true);
  private final ReadOnlyObjectWrapper<ShapeOpResult> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final LatestResult runner;

  public ShapeOpsViewModel(UiExecutor executor) {
    this.runner = new LatestResult(executor);
    for (var dependency : input.dependencies()) {
      dependency.addListener(obs -> recompute());
    }
    kind.addListener((obs, old, now) -> argument.set(now.defaultArgument()));
    kind.addListener(obs -> recompute());
    argument.addListener(obs -> recompute());
    keepDims.addListener(obs -> recompute());
  }

  public OperandModel input() {
    return input;
  }

  public ObjectProperty<Kind> kindProperty() {
    return kind;
  }

  /** The new shape (reshape), two dimensions (transpose), the order (permute) or the axis (sum, mean). */
  public StringProperty argumentProperty() {
    return argument;
  }

  public BooleanProperty keepDimsProperty() {
    return keepDims;
  }

  public ReadOnlyObjectProperty<ShapeOpResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  public void recompute() {
    OperandModel.Snapshot x = input.snapshot(0);
    Kind k = kind.get();
    String arg = argument.get();
    boolean keep = keepDims.get();
    runner.submit(() -> apply(x.build(), k, arg, keep), r -> {
      error.set(null);
      result.set(r);
    }, e -> {
      result.set(null);
      error.set(UiText.of(e));
    });
  }

  private static ShapeOpResult apply(TensorValues x, Kind kind, String argument, boolean keep) {
    int[] args = Shapes.parseIndices(argument);
    return switch (kind) {
      case RESHAPE -> ShapeOps.reshape(x, args);
      case TRANSPOSE -> {
        requireCount(args, 2, argument);
        yield ShapeOps.transpose(x, args[0], args[1]);
      }
      case PERMUTE -> ShapeOps.permute(x, args);
      case SUM, MEAN -> {
        requireCount(args, 1, argument);
        yield ShapeOps.reduce(x, kind == Kind.SUM ? Reduction.SUM : Reduction.MEAN, args[0], keep);
      }
    };
  }

  private static void requireCount(int[] args, int count, String text) {
    if (args.length != count) {
      throw new org.tensorworkbench.engine.lab.tensor.LabInputException("tensors.error.argumentCount", text, count);
    }
  }
}
