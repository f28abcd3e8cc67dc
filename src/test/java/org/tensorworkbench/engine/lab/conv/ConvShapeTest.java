package org.tensorworkbench.engine.lab.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConvShapeTest {

  @Test
  void d2lPaddingAndStrideExamples() {
    // 8x8 input, 3x3 kernel, padding 1: the size is kept
    assertEquals(8, ConvShape.of(8, 3, 1, 1, 1).out());
    // 5x3 kernel with padding (2, 1)
    assertEquals(8, ConvShape.of(8, 5, 2, 1, 1).out());
    // stride 2 halves it
    assertEquals(4, ConvShape.of(8, 3, 1, 2, 1).out());
    // kernel (3, 5), padding (0, 1), stride (3, 4) -> 2x2
    assertEquals(2, ConvShape.of(8, 3, 0, 3, 1).out());
    assertEquals(2, ConvShape.of(8, 5, 1, 4, 1).out());
    // d2l's boundary: 6x8 with [1, -1] -> 6x7
    assertEquals(7, ConvShape.of(8, 2, 0, 1, 1).out());
  }

  @Test
  void dilationSpreadsTheKernel() {
    // a 3-tap kernel with dilation 2 spans 5 pixels: 7 - 5 + 1 = 3
    assertEquals(3, ConvShape.of(7, 3, 0, 1, 2).out());
    ConvShape s = ConvShape.of(224, 3, 1, 1, 1);
    assertEquals(224, s.out());
    assertEquals(223, s.numerator());
  }

  @Test
  void homeworkLayerKeepsTheSize() {
    assertEquals(224, ConvShape.of(224, 3, 1, 1, 1).out());
  }

  @Test
  void rejectsKernelLargerThanInput() {
    ConvLabException e = assertThrows(ConvLabException.class, () -> ConvShape.of(4, 3, 0, 1, 2));
    assertEquals("kernels.error.kernelTooLarge", e.key());
    assertEquals(1, ConvShape.of(5, 3, 0, 1, 2).out());
  }

  @Test
  void poolingSize() {
    assertEquals(256, ConvShape.pooling(512, 2, 2).out());
    assertEquals(2, ConvShape.pooling(3, 2, 1).out());
  }
}
