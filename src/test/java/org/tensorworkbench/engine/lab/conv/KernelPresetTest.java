package org.tensorworkbench.engine.lab.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelPresetTest {

  @Test
  void blursSumToOneAndEdgeDetectorsToZero() {
    for (int side : new int[] {3, 5, 7}) {
      assertEquals(1f, KernelPreset.BOX_BLUR.build(side, 1).sum(), 1e-5);
      assertEquals(1f, KernelPreset.GAUSSIAN.build(side, 1.5).sum(), 1e-5);
      assertEquals(1f, KernelPreset.IDENTITY.build(side, 1).sum(), 0);
    }
    for (KernelPreset p : new KernelPreset[] {KernelPreset.EDGE_D2L, KernelPreset.SOBEL_X, KernelPreset.SOBEL_Y,
        KernelPreset.PREWITT_X, KernelPreset.PREWITT_Y, KernelPreset.LAPLACIAN, KernelPreset.OUTLINE}) {
      assertEquals(0f, p.build(3, 1).sum(), 0, p.id());
    }
    assertEquals(1f, KernelPreset.SHARPEN.build(3, 1).sum(), 0);
  }

  @Test
  void gaussianIsSymmetricAndPeaksInTheCentre() {
    Kernel2d g = KernelPreset.GAUSSIAN.build(5, 1);
    assertEquals(g.at(0, 1), g.at(1, 0), 1e-7);
    assertEquals(g.at(0, 0), g.at(4, 4), 1e-7);
    // exp(-1/2) between the centre and its neighbour
    assertEquals(Math.exp(-0.5), g.at(2, 1) / g.at(2, 2), 1e-5);
    assertThrows(ConvLabException.class, () -> KernelPreset.GAUSSIAN.build(3, 0));
  }

  @Test
  void sobelYIsTheTransposeOfSobelX() {
    assertEquals(KernelPreset.SOBEL_Y.build(3, 1), KernelPreset.SOBEL_X.build(3, 1).transpose());
    assertEquals(2, KernelPreset.EDGE_D2L.build(7, 1).transpose().rows());
  }

  @Test
  void textFormRoundTrips() {
    Kernel2d k = Kernel2d.parse("1, -1; 0.5 ,0.25");
    assertEquals(new Kernel2d(2, 2, new float[] {1, -1, 0.5f, 0.25f}), k);
    assertEquals("1,-1;0.5,0.25", k.format());
    assertEquals(k, Kernel2d.parse(k.format()));
    assertEquals("kernels.error.kernelRagged", assertThrows(ConvLabException.class, () -> Kernel2d.parse("1,2;3")).key());
    assertEquals("kernels.error.kernelNumber", assertThrows(ConvLabException.class, () -> Kernel2d.parse("1,x")).key());
    assertTrue(KernelPreset.byId("Sobel-X") == KernelPreset.SOBEL_X);
  }
}
