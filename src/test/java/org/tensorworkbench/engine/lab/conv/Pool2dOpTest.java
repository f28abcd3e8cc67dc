package org.tensorworkbench.engine.lab.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Pool2dOpTest {

  @Test
  void d2lMaxAndAveragePoolingOfZeroToEight() {
    FeatureMaps x = new FeatureMaps(1, 1, 3, 3, new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8});
    assertArrayEquals(new float[] {4, 5, 7, 8}, Pool2dOp.pool(x, new PoolSpec(PoolSpec.Type.MAX, 2, 1)).data());
    assertArrayEquals(new float[] {2, 3, 5, 6}, Pool2dOp.pool(x, new PoolSpec(PoolSpec.Type.AVG, 2, 1)).data());
  }

  @Test
  void matchesTheNaiveReferenceForEveryWindowAndStride() {
    Random random = new Random(7);
    for (PoolSpec.Type type : PoolSpec.Type.values()) {
      for (int window = 1; window <= 3; window++) {
        for (int stride = 1; stride <= 3; stride++) {
          FeatureMaps x = NaiveReference.random(random, 2, 3, 7 + random.nextInt(5), 8 + random.nextInt(5));
          PoolSpec spec = new PoolSpec(type, window, stride);
          FeatureMaps y = Pool2dOp.pool(x, spec);
          assertEquals(ConvShape.pooling(x.height(), window, stride).out(), y.height());
          assertEquals(ConvShape.pooling(x.width(), window, stride).out(), y.width());
          double[] want = NaiveReference.pool(x, spec, y.height(), y.width());
          for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], y.data()[i], 1e-5, spec + " at " + i);
          }
        }
      }
    }
  }

  @Test
  void parsesTheCommandLineForm() {
    assertEquals(new PoolSpec(PoolSpec.Type.MAX, 2, 2), PoolSpec.parse("max:2"));
    assertEquals(new PoolSpec(PoolSpec.Type.AVG, 3, 1), PoolSpec.parse("avg:3:1"));
    assertEquals("kernels.error.pool",
        org.junit.jupiter.api.Assertions.assertThrows(ConvLabException.class, () -> PoolSpec.parse("median:2")).key());
  }
}
