package org.tensorworkbench.engine.lab.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Conv2dOpTest {

  @Test
  void matchesTheNaiveReferenceForEveryPaddingStrideAndDilation() {
    Random random = new Random(42);
    int[][] kernelShapes = {{1, 2}, {2, 1}, {3, 3}, {2, 3}, {5, 5}};
    int cases = 0;
    for (int[] ks : kernelShapes) {
      for (int pad = 0; pad <= 2; pad++) {
        for (int stride = 1; stride <= 3; stride++) {
          for (int dilation = 1; dilation <= 2; dilation++) {
            int inC = 1 + random.nextInt(3);
            int outC = 1 + random.nextInt(3);
            FeatureMaps x = NaiveReference.random(random, 2, inC, 9 + random.nextInt(4), 10 + random.nextInt(4));
            ConvKernel k = NaiveReference.randomKernel(random, outC, inC, ks[0], ks[1], random.nextBoolean());
            // asymmetric geometry too: the second axis gets different numbers
            ConvParams p = new ConvParams(pad, (pad + 1) % 3, stride, 1 + stride % 3, dilation, 3 - dilation);
            FeatureMaps y = Conv2dOp.crossCorrelate(x, k, p);
            double[] want = NaiveReference.crossCorrelate(x, k, p, y.height(), y.width());
            assertEquals(ConvShape.of(x.height(), ks[0], p.padH(), p.strideH(), p.dilationH()).out(), y.height());
            assertEquals(ConvShape.of(x.width(), ks[1], p.padW(), p.strideW(), p.dilationW()).out(), y.width());
            assertEquals(want.length, y.data().length);
            for (int i = 0; i < want.length; i++) {
              assertEquals(want[i], y.data()[i], 1e-4, "case " + p + " kernel " + ks[0] + "x" + ks[1] + " at " + i);
            }
            cases++;
          }
        }
      }
    }
    assertEquals(90, cases);
  }

  @Test
  void d2lBoundaryGivesPlusOneAndMinusOneAtTheTwoEdges() {
    FeatureMaps x = SyntheticImage.BOUNDARY.create().asBatch(); // [1, 1, 6, 8]
    FeatureMaps y = Conv2dOp.crossCorrelate(x, ConvKernel.replicated(1, 0, KernelPreset.EDGE_D2L.build(2, 1)),
        ConvParams.plain());
    assertEquals(6, y.height());
    assertEquals(7, y.width());
    float[] row = {0, 1, 0, 0, 0, -1, 0};
    for (int i = 0; i < 6; i++) {
      float[] got = new float[7];
      System.arraycopy(y.data(), i * 7, got, 0, 7);
      assertArrayEquals(row, got, 1e-6f);
    }
  }

  @Test
  void theEdgeDetectorSeesNothingOnTheTransposedBoundary() {
    FeatureMaps x = SyntheticImage.BOUNDARY_TRANSPOSED.create().asBatch(); // [1, 1, 8, 6]
    FeatureMaps y = Conv2dOp.crossCorrelate(x, ConvKernel.replicated(1, 0, KernelPreset.EDGE_D2L.build(2, 1)),
        ConvParams.plain());
    assertEquals(0f, y.min());
    assertEquals(0f, y.max());
  }

  @Test
  void anImpulseGivesTheKernelRotatedBy180Degrees() {
    Kernel2d k = new Kernel2d(3, 3, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    FeatureMaps x = SyntheticImage.IMPULSE.create().asBatch(); // 15x15, white pixel at (7, 7)
    FeatureMaps y = Conv2dOp.crossCorrelate(x, ConvKernel.replicated(1, 0, k), ConvParams.square(1, 1, 1));
    for (int u = 0; u < 3; u++) {
      for (int v = 0; v < 3; v++) {
        assertEquals(k.at(2 - u, 2 - v), y.value(0, 0, 6 + u, 6 + v), 1e-6);
      }
    }
  }

  @Test
  void rejectsKernelLargerThanThePaddedInput() {
    FeatureMaps x = FeatureMaps.zeros(1, 1, 4, 4);
    ConvKernel k = ConvKernel.replicated(1, 0, Kernel2d.zeros(5, 5));
    ConvLabException e = assertThrows(ConvLabException.class, () -> Conv2dOp.crossCorrelate(x, k, ConvParams.plain()));
    assertEquals("kernels.error.kernelTooLarge", e.key());
    assertEquals(2, Conv2dOp.crossCorrelate(x, k, ConvParams.square(1, 1, 1)).height()); // 4 + 2 - 5 + 1
  }
}
