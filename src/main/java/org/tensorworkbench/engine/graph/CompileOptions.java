package org.tensorworkbench.engine.graph;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * How a network is compiled.
 *
 * @param dataType FLOAT for training and inference; DOUBLE for finite-difference gradient checks
 *     (HALF is several times slower than FLOAT on CPUs and BFLOAT16 has no oneDNN primitive)
 * @param seed the seed of the weight initializers: the same spec and seed give the same weights
 *     on every machine and backend
 */
public record CompileOptions(DataType dataType, long seed) {
  public CompileOptions {
    if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
      throw new IllegalArgumentException("FLOAT or DOUBLE, not " + dataType);
    }
  }

  /** FLOAT with seed 42. */
  public static CompileOptions defaults() {
    return new CompileOptions(DataType.FLOAT, 42);
  }

  public CompileOptions withSeed(long newSeed) {
    return new CompileOptions(dataType, newSeed);
  }

  public CompileOptions withDataType(DataType newType) {
    return new CompileOptions(newType, seed);
  }
}
