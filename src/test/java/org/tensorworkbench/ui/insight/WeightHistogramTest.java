package org.tensorworkbench.ui.insight;

import org.tensorworkbench.engine.image.ColourMaps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.inspect.TensorSnapshot;

class WeightHistogramTest {

  @Test
  void countsMeanAndDeviationByHand() {
    // values -1, 0, 0, 1, 3 in 4 bins of width 1 over [-1, 3]: [-1,0) [0,1) [1,2) [2,3]
    WeightHistogram h = WeightHistogram.of(new TensorSnapshot("w", new float[] {-1, 0, 0, 1, 3}, new int[] {5}), 4);
    assertArrayEquals(new int[] {1, 2, 1, 1}, h.counts());
    assertEquals(-1, h.min());
    assertEquals(3, h.max());
    assertEquals(0.6, h.mean(), 1e-12);
    assertEquals(Math.sqrt((1.6 * 1.6 + 0.36 + 0.36 + 0.16 + 2.4 * 2.4) / 5), h.std(), 1e-12);
    assertEquals(5, h.total());
    assertEquals(2, h.peak());
  }

  @Test
  void equalValuesMakeOneBarInTheMiddle() {
    WeightHistogram h = WeightHistogram.of(new TensorSnapshot("b", new float[6], new int[] {6}), 10);
    assertEquals(6, h.counts()[5]);
    assertEquals(0, h.std());
  }

  @Test
  void theSignedMapIsBlueWhiteRed() {
    assertEquals(0xffffffff, ColourMaps.signed(0, 1));
    assertEquals(0xff2166ac, ColourMaps.signed(-2, 1), "clamped to full blue");
    assertEquals(0xffb2182b, ColourMaps.signed(0.5, 0.5));
    assertEquals(0xff808080, ColourMaps.grey(128 / 255.0));
  }
}
