package org.tensorworkbench.engine.lab.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * NumPy's broadcasting rule, which PyTorch follows (d2l 2.1.4): write both shapes right-aligned,
 * treat a missing leading dimension as size 1, and compare the dimensions from the right. Two
 * sizes are compatible when they are equal or one of them is 1; a size-1 dimension is stretched
 * (its values copied virtually, without memory) to the other size. The result's size in each
 * dimension is the larger one.
 *
 * <p>Reference: NumPy user guide, "Broadcasting"; PyTorch "Broadcasting semantics".
 */
public final class BroadcastRule {
  private BroadcastRule() {}

  /** The step-by-step comparison of two shapes, compatible or not. */
  public static BroadcastExplanation explain(int[] shapeA, int[] shapeB) {
    int rank = Math.max(shapeA.length, shapeB.length);
    int[] paddedA = pad(shapeA, rank);
    int[] paddedB = pad(shapeB, rank);
    List<DimensionStep> steps = new ArrayList<>();
    int[] result = new int[rank];
    int failingAxis = -1;
    // compare from the right, as NumPy does; the first mismatch found this way is the one reported
    for (int axis = rank - 1; axis >= 0; axis--) {
      int a = paddedA[axis];
      int b = paddedB[axis];
      boolean missingA = axis < rank - shapeA.length;
      boolean missingB = axis < rank - shapeB.length;
      DimensionStep.Verdict verdict;
      if (a == b) {
        verdict = DimensionStep.Verdict.EQUAL;
      } else if (a == 1) {
        verdict = DimensionStep.Verdict.STRETCH_A;
      } else if (b == 1) {
        verdict = DimensionStep.Verdict.STRETCH_B;
      } else {
        verdict = DimensionStep.Verdict.MISMATCH;
        if (failingAxis < 0) {
          failingAxis = axis;
        }
      }
      result[axis] = Math.max(a, b);
      steps.add(new DimensionStep(axis, rank - 1 - axis, a, missingA, b, missingB, verdict, result[axis]));
    }
    return new BroadcastExplanation(shapeA.clone(), shapeB.clone(), paddedA, paddedB, List.copyOf(steps),
        failingAxis < 0 ? result : null, failingAxis);
  }

  /** The broadcast shape of two shapes, or a {@link LabInputException} as NumPy would raise. */
  public static int[] resultShape(int[] shapeA, int[] shapeB) {
    BroadcastExplanation e = explain(shapeA, shapeB);
    if (!e.compatible()) {
      throw e.failure();
    }
    return e.resultShape();
  }

  /** {@code shape} with leading 1s up to {@code rank}: {@code (3,)} at rank 3 is {@code (1, 1, 3)}. */
  static int[] pad(int[] shape, int rank) {
    int[] padded = new int[rank];
    int offset = rank - shape.length;
    for (int i = 0; i < rank; i++) {
      padded[i] = i < offset ? 1 : shape[i - offset];
    }
    return padded;
  }
}
