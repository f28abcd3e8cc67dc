package org.tensorworkbench.engine.augment;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The augmentation operations of d2l 14.1, each with its parameters (defaults as in d2l and
 * torchvision) and what one application does to an image {@code [C, H, W]} in [0, 1]. The id is
 * the operation's name in pipeline files and in the key {@code transfer.augment.op.<id>}.
 */
public enum AugmentKind {
  /** Left-right mirror. */
  FLIP_HORIZONTAL("flipHorizontal", List.of()),
  /** Top-bottom mirror. */
  FLIP_VERTICAL("flipVertical", List.of()),
  /** torchvision's {@code RandomResizedCrop}: area fraction in [minScale, maxScale], log-uniform ratio. */
  RESIZED_CROP("resizedCrop", List.of(
      AugmentParameter.real("minScale", 0.08, 0.01, 1), AugmentParameter.real("maxScale", 1, 0.01, 1),
      AugmentParameter.real("minRatio", 0.75, 0.1, 10), AugmentParameter.real("maxRatio", 4.0 / 3, 0.1, 10))),
  /** Rotation by an angle uniform in [minDegrees, maxDegrees], counter-clockwise positive. */
  ROTATION("rotation", List.of(
      AugmentParameter.real("minDegrees", -15, -180, 180), AugmentParameter.real("maxDegrees", 15, -180, 180),
      AugmentParameter.real("fill", 0, 0, 1))),
  /** Shift by up to {@code maxX·W} and {@code maxY·H} pixels either way, rounded to whole pixels. */
  TRANSLATION("translation", List.of(
      AugmentParameter.real("maxX", 0.1, 0, 1), AugmentParameter.real("maxY", 0.1, 0, 1),
      AugmentParameter.real("fill", 0, 0, 1))),
  /** Brightness factor in [1 − amount, 1 + amount]. */
  BRIGHTNESS("brightness", List.of(AugmentParameter.real("amount", 0.5, 0, 1))),
  /** Contrast factor in [1 − amount, 1 + amount]. */
  CONTRAST("contrast", List.of(AugmentParameter.real("amount", 0.5, 0, 1))),
  /** Saturation factor in [1 − amount, 1 + amount]; the identity on grey images. */
  SATURATION("saturation", List.of(AugmentParameter.real("amount", 0.5, 0, 1))),
  /** Hue shift in [−amount, amount] of a turn; the identity on grey images. */
  HUE("hue", List.of(AugmentParameter.real("amount", 0.1, 0, 0.5))),
  /** Gaussian noise of standard deviation sigma. */
  NOISE("noise", List.of(AugmentParameter.real("sigma", 0.1, 0, 1))),
  /** {@code count} squares of {@code size} pixels set to {@code fill}. */
  CUTOUT("cutout", List.of(
      AugmentParameter.whole("size", 8, 1, 4096), AugmentParameter.whole("count", 1, 1, 16),
      AugmentParameter.real("fill", 0, 0, 1)));

  private final String id;
  private final List<AugmentParameter> parameters;

  AugmentKind(String id, List<AugmentParameter> parameters) {
    this.id = id;
    this.parameters = parameters;
  }

  public String id() {
    return id;
  }

  /** The parameters in display order. */
  public List<AugmentParameter> parameters() {
    return parameters;
  }

  /** The operation with this id; an unknown id is refused with the list of known ones. */
  public static AugmentKind fromId(String id) {
    for (AugmentKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new AugmentException("transfer.augment.error.unknownOperation", id, ids());
  }

  /** All ids, comma separated. */
  public static String ids() {
    StringBuilder text = new StringBuilder();
    for (AugmentKind k : values()) {
      text.append(text.length() == 0 ? "" : ", ").append(k.id);
    }
    return text.toString();
  }

  /** Applies this operation once (the probability has already been decided). */
  float[] apply(float[] in, ImageSize s, Map<String, Double> p, SplittableRandom random) {
    return switch (this) {
      case FLIP_HORIZONTAL -> Geometric.flipHorizontal(in, s);
      case FLIP_VERTICAL -> Geometric.flipVertical(in, s);
      case RESIZED_CROP -> Geometric.resizeCrop(in, s,
          Geometric.cropBox(s, p.get("minScale"), p.get("maxScale"), p.get("minRatio"), p.get("maxRatio"), random));
      case ROTATION -> Geometric.rotate(in, s, Geometric.uniform(random, p.get("minDegrees"), p.get("maxDegrees")),
          p.get("fill").floatValue());
      case TRANSLATION -> {
        double maxDx = p.get("maxX") * s.width();
        double maxDy = p.get("maxY") * s.height();
        int dx = (int) Math.round(Geometric.uniform(random, -maxDx, maxDx));
        int dy = (int) Math.round(Geometric.uniform(random, -maxDy, maxDy));
        yield Geometric.translate(in, s, dx, dy, p.get("fill").floatValue());
      }
      case BRIGHTNESS -> Photometric.brightness(in, Photometric.factor(p.get("amount"), random));
      case CONTRAST -> Photometric.contrast(in, s, Photometric.factor(p.get("amount"), random));
      case SATURATION -> Photometric.saturation(in, s, Photometric.factor(p.get("amount"), random));
      case HUE -> Photometric.hue(in, s, Geometric.uniform(random, -p.get("amount"), p.get("amount")));
      case NOISE -> Occlusion.noise(in, p.get("sigma"), random);
      case CUTOUT -> Occlusion.cutout(in, s, p.get("size").intValue(), p.get("count").intValue(),
          p.get("fill").floatValue(), random);
    };
  }
}
