package org.tensorworkbench.engine.lab.tensor;

/**
 * One statement of d2l 2.1.6 ("Saving memory") and what it did to the variable's buffer: the
 * native address of the ND4J buffer before and after plays the role of Python's {@code id()}.
 *
 * @param variable the variable the statement assigns ({@code Y}, {@code Z} or {@code X})
 * @param code the statement in PyTorch and in ND4J
 * @param addressBefore the variable's buffer address before the statement
 * @param addressAfter its buffer address after
 * @param value the variable's values after the statement
 */
public record MemoryStep(String variable, CodeLines code, long addressBefore, long addressAfter, TensorValues value) {

  /** Whether the statement wrote into the existing buffer (in place) instead of a new one. */
  public boolean inPlace() {
    return addressBefore == addressAfter;
  }
}
