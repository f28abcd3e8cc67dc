package org.tensorworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZoomLevelsTest {

  @Test
  void stepsUpAndDownBetweenTheLimits() {
    assertEquals(110, ZoomLevels.larger(100));
    assertEquals(150, ZoomLevels.larger(125));
    assertEquals(200, ZoomLevels.larger(200));
    assertEquals(175, ZoomLevels.smaller(200));
    assertEquals(100, ZoomLevels.smaller(110));
    assertEquals(100, ZoomLevels.smaller(100));
  }

  @Test
  void aZoomBetweenStepsMovesToTheNeighbouringStep() {
    assertEquals(150, ZoomLevels.larger(130));
    assertEquals(125, ZoomLevels.smaller(130));
  }

  @Test
  void clampsToTheRange() {
    assertEquals(100, ZoomLevels.clamp(20));
    assertEquals(200, ZoomLevels.clamp(450));
    assertEquals(135, ZoomLevels.clamp(135));
  }
}
