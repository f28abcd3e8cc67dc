package org.tensorworkbench.engine.lab.tensor;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * d2l 2.1.6 run with ND4J: {@code Y = X + Y} allocates a new buffer and points Y at it, while
 * {@code Z[:] = X + Y} and {@code X += Y} write the result into the existing buffer. In ND4J the
 * same three statements are {@code y = x.add(y)}, {@code z.assign(x.add(y))} and
 * {@code x.addi(y)} (the {@code i} suffix means in place).
 */
public final class MemoryDemo {
  private MemoryDemo() {}

  /** Runs the three statements on d2l's X = arange(12).reshape(3, 4) and Y. */
  public static List<MemoryStep> run() {
    INDArray x = Nd4j.arange(12).castTo(DataType.DOUBLE).reshape('c', 3, 4); // [3, 4]
    INDArray y = Nd4j.createFromArray(new double[][] {{2, 1, 4, 3}, {1, 2, 3, 4}, {4, 3, 2, 1}}); // [3, 4]

    long yBefore = address(y);
    y = x.add(y);
    MemoryStep newBuffer = new MemoryStep("Y",
        new CodeLines("Y = X + Y", "y = x.add(y);"), yBefore, address(y), Nd4jTensors.toValues(y));

    INDArray z = Nd4j.zerosLike(y);
    long zBefore = address(z);
    z.assign(x.add(y));
    MemoryStep sliceAssign = new MemoryStep("Z",
        new CodeLines("Z = torch.zeros_like(Y); Z[:] = X + Y", "z = Nd4j.zerosLike(y); z.assign(x.add(y));"),
        zBefore, address(z), Nd4jTensors.toValues(z));

    long xBefore = address(x);
    x.addi(y);
    MemoryStep inPlaceAdd = new MemoryStep("X",
        new CodeLines("X += Y", "x.addi(y);"), xBefore, address(x), Nd4jTensors.toValues(x));
    return List.of(newBuffer, sliceAssign, inPlaceAdd);
  }

  private static long address(INDArray a) {
    return a.data().address();
  }
}
