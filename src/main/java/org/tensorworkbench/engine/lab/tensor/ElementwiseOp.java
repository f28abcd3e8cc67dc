package org.tensorworkbench.engine.lab.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The elementwise operations of d2l 2.1.2: arithmetic ({@code + - * /}) and comparisons, whose
 * results are truth values. Both operands already have the same (broadcast) shape when
 * {@link #apply} runs.
 */
public enum ElementwiseOp {
  ADD("+", "add"),
  SUBTRACT("-", "sub"),
  MULTIPLY("*", "mul"),
  DIVIDE("/", "div"),
  EQUAL("==", "eq"),
  LESS("<", "lt"),
  GREATER(">", "gt");

  private final String symbol;
  private final String nd4jMethod;

  ElementwiseOp(String symbol, String nd4jMethod) {
    this.symbol = symbol;
    this.nd4jMethod = nd4jMethod;
  }

  /** The Python operator, e.g. {@code +} or {@code ==}. */
  public String symbol() {
    return symbol;
  }

  /** The INDArray method that computes it, e.g. {@code add}. */
  public String nd4jMethod() {
    return nd4jMethod;
  }

  public boolean isComparison() {
    return this == EQUAL || this == LESS || this == GREATER;
  }

  /** {@code a op b} for two arrays of equal shape; comparisons return a BOOL array. */
  INDArray apply(INDArray a, INDArray b) {
    return switch (this) {
      case ADD -> a.add(b);
      case SUBTRACT -> a.sub(b);
      case MULTIPLY -> a.mul(b);
      case DIVIDE -> a.div(b);
      case EQUAL -> a.eq(b);
      case LESS -> a.lt(b);
      case GREATER -> a.gt(b);
    };
  }
}
