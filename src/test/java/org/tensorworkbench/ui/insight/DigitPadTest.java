package org.tensorworkbench.ui.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigitPadTest {

  /** [left, right, top, bottom] of the pixels above 0.1, and the centre of mass (x, y). */
  private static double[] extent(float[] image, int size) {
    int left = size;
    int right = -1;
    int top = size;
    int bottom = -1;
    double mass = 0;
    double mx = 0;
    double my = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        float v = image[y * size + x];
        if (v > 0.1f) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
        mass += v;
        mx += v * (x + 0.5);
        my += v * (y + 0.5);
      }
    }
    return new double[] {left, right, top, bottom, mx / mass, my / mass};
  }

  @Test
  void aSmallDrawingInACornerIsScaledToTheMnistBoxAndCentredByMass() {
    DigitPad pad = new DigitPad(28, 28);
    pad.stroke(0.1, 0.1, 0.1, 0.3); // a short vertical line near the top-left corner
    pad.stroke(0.1, 0.3, 0.2, 0.3); // and a foot: an "L"
    float[] image = pad.networkImage(Framing.DIGIT);
    double[] e = extent(image, 28);
    assertEquals(14, e[4], 0.5, "centre of mass x");
    assertEquals(14, e[5], 0.5, "centre of mass y");
    double height = e[3] - e[2] + 1;
    assertTrue(height >= 18 && height <= 21, "the longer side fills the 20-pixel box: " + height);
    for (float v : image) {
      assertTrue(v >= 0 && v <= 1);
    }
  }

  @Test
  void objectsFillTheImageAndAreCentredByTheirExtent() {
    DigitPad pad = new DigitPad(28, 28);
    pad.stroke(0.4, 0.2, 0.6, 0.2);
    pad.stroke(0.6, 0.2, 0.6, 0.4);
    float[] image = pad.networkImage(Framing.OBJECT);
    double[] e = extent(image, 28);
    double width = e[1] - e[0] + 1;
    assertTrue(width >= 24 && width <= 27, "the longer side fills 26 of 28 pixels: " + width);
    assertEquals(13.5, (e[0] + e[1]) / 2, 1.0, "centred left to right");
  }

  @Test
  void strokesAreSoftAtTheirEdgesAndClearEmptiesThePad() {
    DigitPad pad = new DigitPad(28, 28);
    assertTrue(pad.isEmpty());
    pad.stroke(0.5, 0.5, 0.5, 0.5);
    float[] ink = pad.ink();
    int w = pad.inkWidth();
    int centre = (pad.inkHeight() / 2) * w + w / 2;
    assertEquals(1f, ink[centre], 1e-6f, "full ink under the brush");
    double r = DigitPad.BRUSH_RADIUS * pad.inkHeight();
    float edge = ink[centre + (int) Math.round(0.8 * r)];
    assertTrue(edge > 0 && edge < 1, "a soft edge: " + edge);
    assertEquals(0f, ink[centre + (int) Math.ceil(r) + 1], "nothing beyond the radius");
    pad.clear();
    assertTrue(pad.isEmpty());
    for (float v : pad.networkImage(Framing.DIGIT)) {
      assertEquals(0f, v);
    }
  }

  @Test
  void digitsAreFramedLikeMnistAndEverythingElseLikeObjects() {
    assertEquals(Framing.DIGIT, Framing.forClasses(List.of("0", "1", "2")));
    assertEquals(Framing.OBJECT, Framing.forClasses(List.of("T-shirt/top", "Trouser")));
    assertEquals(Framing.OBJECT, Framing.forClasses(List.of()));
  }
}
