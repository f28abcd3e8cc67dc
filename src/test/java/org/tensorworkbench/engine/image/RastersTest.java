package org.tensorworkbench.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.inspect.TensorSnapshot;

/** The one raster module: samples of a batch, snapshots and sharp enlargement, by hand-computed pixels. */
class RastersTest {
  @Test
  void theSecondGreyExampleOfABatchIsReadFromItsOffset() {
    float[] batch = {0, 0, 0, 0, /* example 1: */ 0, 1, 0.5f, 2};
    Raster r = Rasters.image(batch, 4, 1, 2, 2);
    assertArrayEquals(new int[] {0xff000000, 0xffffffff, 0xff808080, 0xffffffff}, r.argb(), "clamped to white");
  }

  @Test
  void threeChannelsAreRgbAndTheSnapshotPathAgrees() {
    float[] rgb = {1, 0, /* G */ 0, 1, /* B */ 0, 0};
    Raster r = Rasters.image(rgb, 0, 3, 1, 2);
    assertArrayEquals(new int[] {0xffff0000, 0xff00ff00}, r.argb());
    assertArrayEquals(r.argb(), Rasters.image(new TensorSnapshot("x", rgb, new int[] {3, 1, 2})).argb());
  }

  @Test
  void scalingRepeatsPixelsExactly() {
    Raster r = new Raster(2, 1, new int[] {1, 2}).scaled(2);
    assertEquals(4, r.width());
    assertArrayEquals(new int[] {1, 1, 2, 2, 1, 1, 2, 2}, r.argb());
  }

  @Test
  void theDivergingMapIsWhiteAtZeroAndClampsAtTheScale() {
    assertEquals(0xffffffff, ColourMaps.signed(0, 3));
    assertEquals(0xff2166ac, ColourMaps.signed(-7, 3));
    assertEquals(0xffb2182b, ColourMaps.signed(7, 3));
  }
}
