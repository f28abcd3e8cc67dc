package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.engine.image.Raster;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvLabTest {

  private static ImagePlanes randomRgb(long seed, int h, int w) {
    Random random = new Random(seed);
    float[] d = new float[3 * h * w];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextInt(256);
    }
    return new ImagePlanes("random", 3, h, w, d, 255);
  }

  private static ConvLabRequest request(ImagePlanes img, ChannelMode mode, Kernel2d k, float bias, ConvParams p,
      Activation a, PoolSpec pool) {
    return new ConvLabRequest(img, mode, k, bias, p, a, Optional.ofNullable(pool), DisplayMode.MIN_MAX,
        ConvLabRequest.ALL_CHANNELS);
  }

  @Test
  void eachChannelSeparatelyEqualsConvolvingEveryChannelOnItsOwn() {
    ImagePlanes img = randomRgb(1, 11, 13);
    Kernel2d k = KernelPreset.SOBEL_X.build(3, 1);
    ConvParams p = ConvParams.square(1, 2, 1);
    ConvLabResult all = ConvLab.run(request(img, ChannelMode.EACH_CHANNEL, k, 0.5f, p, Activation.NONE, null));
    assertArrayEquals(new int[] {1, 3, 6, 7}, all.convShape());
    int plane = 6 * 7;
    for (int c = 0; c < 3; c++) {
      float[] one = new float[11 * 13];
      System.arraycopy(img.data(), c * one.length, one, 0, one.length);
      FeatureMaps alone = Conv2dOp.crossCorrelate(new FeatureMaps(1, 1, 11, 13, one),
          ConvKernel.replicated(1, 0.5f, k), p);
      for (int i = 0; i < plane; i++) {
        assertEquals(alone.data()[i], all.output().data()[c * plane + i], 1e-3);
      }
    }
  }

  @Test
  void multiChannelSobelGivesBothGradientsSummedOverChannels() {
    ImagePlanes img = randomRgb(2, 9, 9);
    ConvLabResult r = ConvLab.run(request(img, ChannelMode.MULTI_CHANNEL, KernelPreset.SOBEL_X.build(3, 1), 0,
        ConvParams.plain(), Activation.NONE, null));
    assertArrayEquals(new int[] {1, 2, 7, 7}, r.convShape());
    assertEquals(2, r.layer().outChannels());
    assertEquals(3, r.layer().inChannels());
    // g_x at (0, 0): Σ_c Σ sobel_x · x
    Kernel2d sx = KernelPreset.SOBEL_X.build(3, 1);
    Kernel2d sy = KernelPreset.SOBEL_Y.build(3, 1);
    double gx = 0;
    double gy = 0;
    for (int c = 0; c < 3; c++) {
      for (int u = 0; u < 3; u++) {
        for (int v = 0; v < 3; v++) {
          gx += img.value(c, u, v) * sx.at(u, v);
          gy += img.value(c, u, v) * sy.at(u, v);
        }
      }
    }
    assertEquals(gx, r.output().value(0, 0, 0, 0), 1e-2);
    assertEquals(gy, r.output().value(0, 1, 0, 0), 1e-2);
    float magnitude = DisplayRenderer.magnitude(r.output(), 0).value(0, 0, 0, 0);
    assertEquals(Math.hypot(gx, gy), magnitude, 1e-2);
    // 2 output channels x 3 input channels x 9 taps per pixel
    assertEquals(2L * 7 * 7 * 3 * 9, r.opCounts(false).multiplications());
  }

  @Test
  void activationAndPoolingFollowTheConvolution() {
    ImagePlanes img = SyntheticImage.BOUNDARY.create();
    ConvLabResult r = ConvLab.run(request(img, ChannelMode.GRAYSCALE, KernelPreset.EDGE_D2L.build(2, 1), 0,
        ConvParams.plain(), Activation.RELU, new PoolSpec(PoolSpec.Type.MAX, 2, 2)));
    // conv [1,1,6,7] -> ReLU keeps the +1 column only -> max pool 2: [1,1,3,3]
    assertArrayEquals(new int[] {1, 1, 6, 7}, r.convShape());
    assertArrayEquals(new int[] {1, 1, 3, 3}, r.outputShape());
    assertEquals(3, r.poolRows().orElseThrow().out());
    assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0, 1, 0, 0}, r.output().data());
    assertEquals(0f, r.min());
    assertEquals(1f, r.max());
  }

  @Test
  void everyWindowExplanationAddsUpToTheEngineOutput() {
    Random random = new Random(3);
    ImagePlanes img = randomRgb(4, 10, 12);
    for (ChannelMode mode : ChannelMode.values()) {
      for (int pad = 0; pad <= 2; pad++) {
        ConvParams p = ConvParams.square(pad, 1 + random.nextInt(2), 1 + random.nextInt(2));
        ConvLabResult r = ConvLab.run(request(img, mode, KernelPreset.GAUSSIAN.build(3, 1), 2.5f, p,
            Activation.NONE, null));
        int[] shape = r.convShape();
        for (int c = 0; c < shape[1]; c++) {
          for (int i = 0; i < shape[2]; i++) {
            for (int j = 0; j < shape[3]; j++) {
              WindowExplanation e = r.explain(c, i, j);
              assertEquals(r.output().value(0, c, i, j), e.value(), 1e-2, mode + " " + p + " " + c + "," + i + "," + j);
            }
          }
        }
      }
    }
  }

  @Test
  void windowTermsMarkTheZeroPadding() {
    ConvLabResult r = ConvLab.run(request(SyntheticImage.BOUNDARY.create(), ChannelMode.GRAYSCALE,
        KernelPreset.BOX_BLUR.build(3, 1), 0, ConvParams.square(1, 1, 1), Activation.NONE, null));
    WindowExplanation corner = r.explain(0, 0, 0);
    assertEquals(9, corner.terms().size());
    assertEquals(5, corner.terms().stream().filter(WindowTerm::padding).count());
    assertEquals(-1, corner.terms().get(0).row());
    assertEquals(4.0 / 9, corner.value(), 1e-6); // four white pixels of the 3x3 window
  }

  @Test
  void displayModesMapValuesAsDocumented() {
    FeatureMaps m = new FeatureMaps(1, 1, 1, 3, new float[] {-2, 0, 2});
    int[] minMax = DisplayRenderer.render(m, 0, DisplayMode.MIN_MAX, 255).argb();
    assertEquals(0xFF000000, minMax[0]);
    assertEquals(0xFF808080, minMax[1]);
    assertEquals(0xFFFFFFFF, minMax[2]);
    int[] abs = DisplayRenderer.render(m, 0, DisplayMode.ABS, 255).argb();
    assertEquals(0xFFFFFFFF, abs[0]);
    assertEquals(0xFF000000, abs[1]);
    int[] clip = DisplayRenderer.render(m, 0, DisplayMode.CLIP, 255).argb();
    assertEquals(0xFF000000, clip[0]);
    assertEquals(0xFF020202, clip[2]);
    int[] div = DisplayRenderer.render(m, 0, DisplayMode.DIVERGING, 255).argb();
    assertEquals(0xFFFFFFFF, div[1]); // zero is white
    assertTrue((div[0] & 0xFF) > ((div[0] >> 16) & 0xFF), "negative is blue");
    assertTrue(((div[2] >> 16) & 0xFF) > (div[2] & 0xFF), "positive is red");
  }

  @Test
  void inputIsShownGreyInGreyMode() {
    ImagePlanes img = randomRgb(5, 4, 4);
    Raster grey = ConvLab.renderInput(img, ChannelMode.GRAYSCALE);
    int px = grey.pixel(1, 2);
    assertEquals(px & 0xFF, (px >> 8) & 0xFF);
    Raster colour = ConvLab.renderInput(img, ChannelMode.EACH_CHANNEL);
    assertEquals(0xFF000000 | (int) img.value(0, 2, 1) << 16 | (int) img.value(1, 2, 1) << 8 | (int) img.value(2, 2, 1),
        colour.pixel(1, 2));
  }
}
