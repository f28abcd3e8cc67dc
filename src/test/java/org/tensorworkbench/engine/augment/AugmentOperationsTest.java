package org.tensorworkbench.engine.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentOperationsTest {
  private static final ImageSize GREY_2X3 = new ImageSize(1, 2, 3);

  @Test
  void flipsMirrorRowsAndColumns() {
    float[] in = {1, 2, 3, 4, 5, 6}; // [1, 2, 3]
    assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, Geometric.flipHorizontal(in, GREY_2X3));
    assertArrayEquals(new float[] {4, 5, 6, 1, 2, 3}, Geometric.flipVertical(in, GREY_2X3));
    float[] rgb = {1, 2, 10, 20, 100, 200}; // [3, 1, 2]
    assertArrayEquals(new float[] {2, 1, 20, 10, 200, 100}, Geometric.flipHorizontal(rgb, new ImageSize(3, 1, 2)));
  }

  @Test
  void cropBoxesFollowScaleAndRatio() {
    ImageSize s = new ImageSize(1, 8, 8);
    SplittableRandom random = new SplittableRandom(5);
    assertArrayEquals(new int[] {0, 0, 8, 8}, Geometric.cropBox(s, 1, 1, 1, 1, random));
    for (int i = 0; i < 50; i++) {
      int[] box = Geometric.cropBox(s, 0.25, 0.25, 1, 1, random); // area 16, square: 4 x 4
      assertEquals(4, box[2]);
      assertEquals(4, box[3]);
      assertTrue(box[0] >= 0 && box[0] <= 4 && box[1] >= 0 && box[1] <= 4, box[0] + "," + box[1]);
    }
    // ratio 2 at full area needs a width of round(√128) = 11 > 8 every time: the centre-crop fallback,
    // full width 8 and height round(8 / 2) = 4, centred: top (8 - 4) / 2 = 2
    assertArrayEquals(new int[] {2, 0, 4, 8}, Geometric.cropBox(s, 1, 1, 2, 2, random));
  }

  @Test
  void cropResizeIsBilinearWithHalfPixelCentres() {
    ImageSize s = new ImageSize(1, 4, 4);
    float[] in = new float[16];
    for (int i = 0; i < 16; i++) {
      in[i] = i;
    }
    assertArrayEquals(in, Geometric.resizeCrop(in, s, new int[] {0, 0, 4, 4}));
    // the top-left 2 x 2 box {0, 1; 4, 5} doubled: samples at -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
    float[] out = Geometric.resizeCrop(in, s, new int[] {0, 0, 2, 2});
    assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, java.util.Arrays.copyOfRange(out, 0, 4), 1e-6f);
    assertArrayEquals(new float[] {1, 1.25f, 1.75f, 2}, java.util.Arrays.copyOfRange(out, 4, 8), 1e-6f);
    assertArrayEquals(new float[] {4, 4.25f, 4.75f, 5}, java.util.Arrays.copyOfRange(out, 12, 16), 1e-6f);
  }

  @Test
  void rotatesASingleBrightPixelCounterClockwise() {
    ImageSize s = new ImageSize(1, 5, 5);
    float[] in = new float[25];
    in[2 * 5 + 4] = 1; // x = 4, y = 2: right of the centre (2, 2)
    float[] quarter = Geometric.rotate(in, s, 90, 0);
    float[] expected = new float[25];
    expected[0 * 5 + 2] = 1; // above the centre
    assertArrayEquals(expected, quarter, 1e-6f);
    float[] half = Geometric.rotate(in, s, 180, 0);
    assertEquals(1, half[2 * 5 + 0], 1e-6);
    // 45°: the pixel moves to (2 + 2 cos 45°, 2 − 2 sin 45°) = (3.41, 0.59); bilinear sampling spreads it
    float[] eighth = Geometric.rotate(in, s, 45, 0);
    double sum = 0;
    double cx = 0;
    double cy = 0;
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 5; x++) {
        sum += eighth[y * 5 + x];
        cx += x * eighth[y * 5 + x];
        cy += y * eighth[y * 5 + x];
      }
    }
    assertEquals(2 + Math.sqrt(2), cx / sum, 0.1);
    assertEquals(2 - Math.sqrt(2), cy / sum, 0.1);
    // pixel (3, 1) samples the input at (2 + √2, 2): 1 − (4 − 3.414) = √2 − 1 of the bright pixel
    assertEquals(Math.sqrt(2) - 1, eighth[1 * 5 + 3], 1e-6);
    assertEquals(0, eighth[2 * 5 + 4], 1e-6, "the old place is dark");
  }

  @Test
  void rotationFillsWhatComesFromOutside() {
    ImageSize s = new ImageSize(1, 8, 8);
    float[] in = new float[64];
    java.util.Arrays.fill(in, 0.5f);
    float[] out = Geometric.rotate(in, s, 45, 1);
    assertEquals(1, out[0], 1e-6, "the corner comes from outside the image");
    assertEquals(0.5, out[3 * 8 + 3], 1e-6, "near the centre the image stays");
  }

  @Test
  void translatesByWholePixels() {
    float[] in = {1, 2, 3, 4, 5, 6};
    assertArrayEquals(new float[] {9, 1, 2, 9, 4, 5}, Geometric.translate(in, GREY_2X3, 1, 0, 9));
    assertArrayEquals(new float[] {4, 5, 6, 9, 9, 9}, Geometric.translate(in, GREY_2X3, 0, -1, 9));
  }

  @Test
  void brightnessScalesByAFactorInItsRange() {
    float[] in = {0.5f, 0.25f};
    double low = 2;
    double high = 0;
    for (long seed = 0; seed < 300; seed++) {
      float[] out = step(AugmentKind.BRIGHTNESS, Map.of("amount", 0.5)).apply(in, new ImageSize(1, 1, 2),
          new SplittableRandom(seed));
      double f = out[0] / 0.5;
      assertEquals(f * 0.25, out[1], 1e-6, "one factor for the whole image");
      low = Math.min(low, f);
      high = Math.max(high, f);
    }
    assertTrue(low >= 0.5 && low < 0.55, "smallest factor " + low);
    assertTrue(high <= 1.5 && high > 1.45, "largest factor " + high);
    assertArrayEquals(new float[] {1, 0.5f}, Photometric.brightness(new float[] {0.8f, 0.25f}, 2), 1e-6f);
  }

  @Test
  void contrastBlendsWithTheMeanGreyLevel() {
    ImageSize s = new ImageSize(1, 1, 2);
    float[] in = {0.2f, 0.6f}; // mean 0.4
    assertArrayEquals(new float[] {0.3f, 0.5f}, Photometric.contrast(in, s, 0.5), 1e-6f);
    for (long seed = 0; seed < 100; seed++) {
      float[] out = step(AugmentKind.CONTRAST, Map.of("amount", 0.5)).apply(in, s, new SplittableRandom(seed));
      double f = (out[1] - out[0]) / 0.4;
      assertTrue(f >= 0.5 - 1e-6 && f <= 1.5 + 1e-6, "factor " + f);
      assertEquals(0.4, (out[0] + out[1]) / 2, 1e-6, "the mean stays");
    }
  }

  @Test
  void saturationBlendsEachPixelWithItsGreyAndLeavesGreyImagesAlone() {
    ImageSize s = new ImageSize(3, 1, 1);
    float[] in = {0.6f, 0.4f, 0.2f};
    double grey = 0.299 * 0.6 + 0.587 * 0.4 + 0.114 * 0.2;
    float[] none = Photometric.saturation(in, s, 0);
    assertArrayEquals(new float[] {(float) grey, (float) grey, (float) grey}, none, 1e-6f);
    for (long seed = 0; seed < 100; seed++) {
      float[] out = step(AugmentKind.SATURATION, Map.of("amount", 0.5)).apply(in, s, new SplittableRandom(seed));
      double f = (out[0] - grey) / (0.6 - grey);
      assertTrue(f >= 0.5 - 1e-5 && f <= 1.5 + 1e-5, "factor " + f);
      assertEquals(grey + f * (0.2 - grey), out[2], 1e-5, "the same factor for every channel");
    }
    float[] greyImage = {0.3f, 0.7f};
    assertArrayEquals(greyImage, Photometric.saturation(greyImage, new ImageSize(1, 1, 2), 0.1));
  }

  @Test
  void hueTurnsTheColourWithinItsRangeKeepingSaturationAndValue() {
    ImageSize s = new ImageSize(3, 1, 1);
    float[] red = {0.8f, 0.2f, 0.2f};
    float[] green = Photometric.hue(red, s, 1.0 / 3);
    assertArrayEquals(new float[] {0.2f, 0.8f, 0.2f}, green, 1e-6f);
    for (long seed = 0; seed < 100; seed++) {
      float[] out = step(AugmentKind.HUE, Map.of("amount", 0.1)).apply(red, s, new SplittableRandom(seed));
      double hue = Photometric.hueOf(out[0], out[1], out[2]);
      double turn = Math.min(hue, 1 - hue);
      assertTrue(turn <= 0.1 + 1e-6, "hue moved by " + turn);
      assertEquals(0.8, Math.max(out[0], Math.max(out[1], out[2])), 1e-6);
      assertEquals(0.2, Math.min(out[0], Math.min(out[1], out[2])), 1e-6);
    }
    float[] greyImage = {0.3f, 0.7f};
    assertArrayEquals(greyImage, Photometric.hue(greyImage, new ImageSize(1, 1, 2), 0.25));
  }

  @Test
  void noiseHasTheRequestedStandardDeviation() {
    float[] in = new float[10_000];
    java.util.Arrays.fill(in, 0.5f);
    float[] out = Occlusion.noise(in, 0.1, new SplittableRandom(3));
    double mean = 0;
    for (float v : out) {
      mean += v;
    }
    mean /= out.length;
    double var = 0;
    for (float v : out) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / (out.length - 1));
    assertEquals(0.5, mean, 0.005); // 5 standard errors of 0.001
    assertEquals(0.1, sd, 0.004);
    assertArrayEquals(in, Occlusion.noise(in, 0, new SplittableRandom(3)));
  }

  @Test
  void cutoutBlanksSquaresOfTheGivenSize() {
    ImageSize s = new ImageSize(2, 10, 10);
    float[] in = new float[200];
    java.util.Arrays.fill(in, 1);
    for (long seed = 0; seed < 20; seed++) {
      float[] one = Occlusion.cutout(in, s, 3, 1, 0, new SplittableRandom(seed));
      assertEquals(2 * 9, zeros(one), "a 3 x 3 square in both channels");
      int first = firstZero(one);
      int top = first / 10;
      int left = first % 10;
      for (int y = top; y < top + 3; y++) {
        for (int x = left; x < left + 3; x++) {
          assertEquals(0, one[y * 10 + x]);
          assertEquals(0, one[100 + y * 10 + x]);
        }
      }
      int two = zeros(Occlusion.cutout(in, s, 3, 2, 0, new SplittableRandom(seed)));
      assertTrue(two >= 18 && two <= 36, "two squares, perhaps overlapping: " + two);
    }
    AugmentException e = assertThrows(AugmentException.class,
        () -> Occlusion.cutout(in, s, 11, 1, 0, new SplittableRandom(1)));
    assertEquals("transfer.augment.error.cutoutTooLarge", e.key());
  }

  @Test
  void aStepAppliesWithItsProbability() {
    ImageSize s = new ImageSize(1, 1, 2);
    float[] in = {0.1f, 0.9f};
    AugmentStep half = step(AugmentKind.FLIP_HORIZONTAL, Map.of()).withProbability(0.5);
    int flipped = 0;
    for (long seed = 0; seed < 1000; seed++) {
      flipped += half.apply(in, s, new SplittableRandom(seed))[0] == 0.9f ? 1 : 0;
    }
    assertTrue(flipped > 430 && flipped < 570, "flipped " + flipped + " of 1000"); // 4.4 standard deviations
    assertArrayEquals(in, half.withProbability(0).apply(in, s, new SplittableRandom(1)));
    assertArrayEquals(in, half.withProbability(1).withEnabled(false).apply(in, s, new SplittableRandom(1)));
    assertNotEquals(in[0], half.withProbability(1).apply(in, s, new SplittableRandom(1))[0]);
  }

  private static AugmentStep step(AugmentKind kind, Map<String, Double> parameters) {
    return new AugmentStep(kind, parameters, 1, true);
  }

  private static int zeros(float[] values) {
    int n = 0;
    for (float v : values) {
      n += v == 0 ? 1 : 0;
    }
    return n;
  }

  private static int firstZero(float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
