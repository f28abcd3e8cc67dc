package org.tensorworkbench.engine.lab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryDemoTest {

  @Test
  void onlyPlainAssignmentAllocatesANewBuffer() {
    List<MemoryStep> steps = MemoryDemo.run();
    assertEquals(List.of("Y", "Z", "X"), steps.stream().map(MemoryStep::variable).toList());
    assertFalse(steps.get(0).inPlace(), "Y = X + Y points Y at a new buffer");
    assertTrue(steps.get(1).inPlace(), "Z[:] = X + Y writes into Z's buffer");
    assertTrue(steps.get(2).inPlace(), "X += Y writes into X's buffer");
  }

  @Test
  void theValuesAreD2lsSums() {
    List<MemoryStep> steps = MemoryDemo.run();
    double[] y = {2, 2, 6, 6, 5, 7, 9, 11, 12, 12, 12, 12}; // arange(12) + d2l's Y
    assertArrayEquals(y, steps.get(0).value().values());
    double[] z = new double[12];
    for (int i = 0; i < 12; i++) {
      z[i] = i + y[i];
    }
    assertArrayEquals(z, steps.get(1).value().values());
    assertArrayEquals(z, steps.get(2).value().values(), "X += Y with the new Y");
  }
}
