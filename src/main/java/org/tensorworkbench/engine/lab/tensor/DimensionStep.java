package org.tensorworkbench.engine.lab.tensor;

/**
 * One dimension of the broadcasting comparison.
 *
 * @param axis the dimension of the result, counted from the left (0 = outermost)
 * @param fromRight the same dimension counted from the right (0 = last), the order of comparison
 * @param sizeA the first operand's size here (1 if it has no such dimension)
 * @param missingA whether the first operand had no such dimension and a 1 was put in front
 * @param sizeB the second operand's size here
 * @param missingB whether the second operand had no such dimension
 * @param verdict what the rule does with this pair of sizes
 * @param resultSize the result's size here (the larger of the two)
 */
public record DimensionStep(int axis, int fromRight, int sizeA, boolean missingA, int sizeB,
    boolean missingB, Verdict verdict, int resultSize) {

  /** What broadcasting does with one pair of sizes. */
  public enum Verdict {
    /** Equal sizes: nothing to do. */
    EQUAL,
    /** The first operand has size 1 here and is copied along this dimension. */
    STRETCH_A,
    /** The second operand has size 1 here and is copied along this dimension. */
    STRETCH_B,
    /** Different sizes, neither is 1: the shapes cannot be broadcast. */
    MISMATCH
  }
}
