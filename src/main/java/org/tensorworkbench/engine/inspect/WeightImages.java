package org.tensorworkbench.engine.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a first layer's weights into one small image per filter or unit, the pictures d2l
 * shows to explain what a layer looks for: a convolution filter responds most to input patches
 * shaped like itself, and a dense unit fed by the pixels computes Σ w_j·x_j, so its weights,
 * laid out like the image, show which pixels push its score up (positive) or down (negative).
 */
public final class WeightImages {
  private WeightImages() {}

  /**
   * The filters of a convolution: weights {@code [kH, kW, inC, outC]} (SameDiff's layout) become
   * {@code outC} images {@code [inC, kH, kW]}, named {@code "<weights> [o]"}.
   */
  public static List<TensorSnapshot> convolutionFilters(TensorSnapshot weights) {
    int[] s = weights.shape();
    if (s.length != 4) {
      throw new IllegalArgumentException(weights.name() + " is not [kH, kW, inC, outC]: " + Arrays.toString(s));
    }
    int kh = s[0];
    int kw = s[1];
    int in = s[2];
    int out = s[3];
    float[] w = weights.values();
    List<TensorSnapshot> filters = new ArrayList<>(out);
    for (int o = 0; o < out; o++) {
      float[] image = new float[in * kh * kw]; // [inC, kH, kW]
      for (int c = 0; c < in; c++) {
        for (int y = 0; y < kh; y++) {
          for (int x = 0; x < kw; x++) {
            image[(c * kh + y) * kw + x] = w[((y * kw + x) * in + c) * out + o];
          }
        }
      }
      filters.add(new TensorSnapshot(weights.name() + " [" + o + "]", image, new int[] {in, kh, kw}));
    }
    return filters;
  }

  /**
   * The units of a dense layer fed by flattened images: weights {@code [C·H·W, units]} become
   * {@code units} images {@code [C, H, W]} (Flatten keeps the row-major order c, h, w), named
   * {@code "<weights> [u]"}.
   */
  public static List<TensorSnapshot> denseUnits(TensorSnapshot weights, int[] imageShape) {
    int[] s = weights.shape();
    int pixels = Arrays.stream(imageShape).reduce(1, (a, b) -> a * b);
    if (s.length != 2 || s[0] != pixels) {
      throw new IllegalArgumentException(weights.name() + " " + Arrays.toString(s) + " is not fed by images "
          + Arrays.toString(imageShape));
    }
    int units = s[1];
    float[] w = weights.values();
    List<TensorSnapshot> images = new ArrayList<>(units);
    for (int u = 0; u < units; u++) {
      float[] image = new float[pixels]; // [C, H, W]
      for (int j = 0; j < pixels; j++) {
        image[j] = w[j * units + u];
      }
      images.add(new TensorSnapshot(weights.name() + " [" + u + "]", image, imageShape.clone()));
    }
    return images;
  }
}
