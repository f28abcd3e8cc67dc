package org.tensorworkbench.engine.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.i18n.Messages;

class AugmentPipelineTest {
  private static final ImageSize RGB_8 = new ImageSize(3, 8, 8);

  private static AugmentPipeline everything() {
    AugmentPipeline p = AugmentPipeline.empty();
    for (AugmentKind kind : AugmentKind.values()) {
      AugmentStep step = AugmentStep.of(kind).withProbability(0.7);
      p = p.with(kind == AugmentKind.CUTOUT ? step.with("size", 3) : step);
    }
    return p;
  }

  private static float[] picture(ImageSize s) {
    float[] image = new float[s.values()];
    for (int i = 0; i < image.length; i++) {
      image[i] = (i * 37 % 101) / 100f;
    }
    return image;
  }

  @Test
  void theSameSeedGivesTheSameImages() {
    AugmentPipeline p = everything();
    float[] image = picture(RGB_8);
    float[] copy = image.clone();
    assertArrayEquals(p.apply(image, RGB_8, 42), p.apply(image, RGB_8, 42));
    assertFalse(Arrays.equals(p.apply(image, RGB_8, 42), p.apply(image, RGB_8, 43)));
    assertArrayEquals(copy, image, "the input is not changed");
    float[] batch = new float[4 * RGB_8.values()];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(image, 0, batch, i * RGB_8.values(), RGB_8.values());
    }
    float[] again = batch.clone();
    p.applyBatch(batch, 4, RGB_8, 7);
    p.applyBatch(again, 4, RGB_8, 7);
    assertArrayEquals(batch, again);
    assertFalse(Arrays.equals(Arrays.copyOfRange(batch, 0, RGB_8.values()),
        Arrays.copyOfRange(batch, RGB_8.values(), 2 * RGB_8.values())), "each image draws its own choices");
    for (float v : batch) {
      assertTrue(v >= 0 && v <= 1, "values stay in [0, 1]: " + v);
    }
  }

  @Test
  void anEmptyOrSwitchedOffPipelineChangesNothing() {
    float[] image = picture(RGB_8);
    assertArrayEquals(image, AugmentPipeline.empty().apply(image, RGB_8, 1));
    AugmentPipeline off = AugmentPipeline.empty().with(AugmentStep.of(AugmentKind.ROTATION).withEnabled(false));
    assertArrayEquals(image, off.apply(image, RGB_8, 1));
    assertFalse(off.isActive());
  }

  @Test
  void editsKeepTheOrder() {
    AugmentPipeline p = AugmentPipeline.empty().with(AugmentStep.of(AugmentKind.HUE))
        .with(AugmentStep.of(AugmentKind.NOISE)).with(AugmentStep.of(AugmentKind.CUTOUT));
    assertEquals(AugmentKind.CUTOUT, p.moved(2, 0).steps().get(0).kind());
    assertEquals(AugmentKind.NOISE, p.moved(2, 0).steps().get(2).kind());
    assertEquals(2, p.without(1).steps().size());
    assertEquals(0.25, p.replaced(1, p.steps().get(1).with("sigma", 0.25)).steps().get(1).get("sigma"));
  }

  @Test
  void theCodecRoundTrips() {
    AugmentPipeline p = everything().replaced(2, AugmentStep.of(AugmentKind.ROTATION).with("minDegrees", -30)
        .withEnabled(false).withProbability(0.125));
    String json = AugmentJson.write(p);
    assertEquals(p, AugmentJson.read(json));
    assertTrue(json.contains("\"operation\" : \"rotation\""), json);
    AugmentPipeline minimal = AugmentJson.read("{\"format\": 1, \"steps\": [{\"operation\": \"noise\"}]}");
    assertEquals(AugmentStep.of(AugmentKind.NOISE), minimal.steps().get(0));
  }

  @Test
  void badValuesAreRefusedNamingWhatIsWrongInBothLanguages() {
    assertMessage(() -> AugmentStep.of(AugmentKind.FLIP_HORIZONTAL).withProbability(1.5),
        "transfer.augment.error.probability", "1.5", "between 0 and 1", "0 和 1 之间");
    assertMessage(() -> AugmentStep.of(AugmentKind.RESIZED_CROP).with("maxScale", 1.5),
        "transfer.augment.error.range", "maxScale", "outside the allowed range", "超出了允许范围");
    assertMessage(() -> AugmentStep.of(AugmentKind.NOISE).with("sigma", -0.1),
        "transfer.augment.error.range", "sigma", "-0.1", "-0.1");
    assertMessage(() -> AugmentStep.of(AugmentKind.CUTOUT).with("count", 1.5),
        "transfer.augment.error.wholeRange", "count", "whole number", "整数");
    assertMessage(() -> AugmentStep.of(AugmentKind.ROTATION).with("minDegrees", 30),
        "transfer.augment.error.order", "minDegrees", "larger than", "不能大于");
    assertMessage(() -> AugmentPipeline.empty().with(AugmentStep.of(AugmentKind.CUTOUT).with("size", 9))
            .apply(new float[64], new ImageSize(1, 8, 8), 1),
        "transfer.augment.error.cutoutTooLarge", "9", "larger than the image", "比图像");
    assertMessage(() -> AugmentStep.of(AugmentKind.HUE).with("amount", Double.NaN),
        "transfer.augment.error.range", "amount", "outside", "超出");
    assertMessage(() -> AugmentJson.read("{\"format\": 1, \"steps\": [{\"operation\": \"zoom\"}]}"),
        "transfer.augment.error.unknownOperation", "zoom", "resizedCrop", "zoom");
    assertMessage(() -> AugmentJson.read("{\"format\": 2, \"steps\": []}"),
        "transfer.augment.error.format", "2", "format", "格式");
    assertMessage(() -> AugmentJson.read("{\"format\": 1, \"steps\": [{\"operation\": \"noise\", \"parameters\": {\"s\": 1}}]}"),
        "transfer.augment.error.unknownParameter", "sigma", "no parameter \"s\"", "没有参数“s”");
    assertMessage(() -> AugmentJson.read("not json"), "transfer.augment.error.json", "JSON", "not valid", "有效");
    assertMessage(() -> ImageSize.of(new int[] {784}), "transfer.augment.error.notImages", "[784]", "images", "图像");
  }

  private static void assertMessage(Runnable action, String key, String both, String english, String chinese) {
    AugmentException e = assertThrows(AugmentException.class, action::run);
    assertEquals(key, e.key());
    String en = Messages.get(Locale.ENGLISH, key, e.args());
    String zh = Messages.get(Locale.SIMPLIFIED_CHINESE, key, e.args());
    assertTrue(en.contains(both) && en.contains(english), en);
    assertTrue(zh.contains(both) && zh.contains(chinese), zh);
  }

  @Test
  void everyParameterHasItsDefaultInRange() {
    for (AugmentKind kind : AugmentKind.values()) {
      for (AugmentParameter p : kind.parameters()) {
        assertTrue(p.accepts(p.defaultValue()), kind + " " + p);
      }
      assertEquals(kind, AugmentKind.fromId(kind.id()));
      assertEquals(Map.copyOf(AugmentStep.of(kind).parameters()).size(), kind.parameters().size());
    }
  }
}
