package org.tensorworkbench.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightImagesTest {

  @Test
  void convolutionWeightsBecomeOneImagePerOutputChannel() {
    // [kH=2, kW=2, inC=1, outC=3]: value = 10·(y·2 + x) + o
    float[] w = new float[12];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 2; x++) {
        for (int o = 0; o < 3; o++) {
          w[(y * 2 + x) * 3 + o] = 10 * (y * 2 + x) + o;
        }
      }
    }
    List<TensorSnapshot> filters = WeightImages.convolutionFilters(new TensorSnapshot("conv1/W", w, new int[] {2, 2, 1, 3}));
    assertEquals(3, filters.size());
    assertArrayEquals(new int[] {1, 2, 2}, filters.get(2).shape());
    assertArrayEquals(new float[] {2, 12, 22, 32}, filters.get(2).values());
    assertEquals("conv1/W [2]", filters.get(2).name());
  }

  @Test
  void colourFiltersKeepTheirChannels() {
    // [1, 1, inC=3, outC=2]: value = 10·c + o
    float[] w = {0, 1, 10, 11, 20, 21};
    List<TensorSnapshot> filters = WeightImages.convolutionFilters(new TensorSnapshot("c/W", w, new int[] {1, 1, 3, 2}));
    assertArrayEquals(new float[] {1, 11, 21}, filters.get(1).values());
    assertArrayEquals(new int[] {3, 1, 1}, filters.get(1).shape());
  }

  @Test
  void denseWeightsBecomeImagesShapedLikeTheInput() {
    // [4, 2] fed by [1, 2, 2] images: W[j, u] = j + 100·u
    float[] w = {0, 100, 1, 101, 2, 102, 3, 103};
    List<TensorSnapshot> units = WeightImages.denseUnits(new TensorSnapshot("dense1/W", w, new int[] {4, 2}),
        new int[] {1, 2, 2});
    assertEquals(2, units.size());
    assertArrayEquals(new float[] {100, 101, 102, 103}, units.get(1).values());
    assertArrayEquals(new int[] {1, 2, 2}, units.get(1).shape());
    assertThrows(IllegalArgumentException.class, () -> WeightImages.denseUnits(
        new TensorSnapshot("dense1/W", w, new int[] {4, 2}), new int[] {1, 3, 3}));
  }
}
