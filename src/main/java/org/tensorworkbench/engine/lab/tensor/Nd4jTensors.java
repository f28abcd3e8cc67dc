package org.tensorworkbench.engine.lab.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies between ND4J arrays and the primitive {@link TensorValues} the UI draws. */
public final class Nd4jTensors {
  private Nd4jTensors() {}

  /** A C-ordered DOUBLE array holding {@code t}'s values. */
  public static INDArray toNd4j(TensorValues t) {
    if (t.rank() == 0) {
      return Nd4j.scalar(t.at(0));
    }
    return Nd4j.create(t.values(), Shapes.toLong(t.shape()), 'c');
  }

  /** The values of {@code a} in row-major order; boolean arrays become 1/0 truth values. */
  public static TensorValues toValues(INDArray a) {
    boolean bool = a.dataType() == DataType.BOOL;
    INDArray c = a.castTo(DataType.DOUBLE).dup('c');
    int[] shape = Shapes.toInt(c.shape());
    return new TensorValues(shape, c.data().asDouble(), bool);
  }
}
