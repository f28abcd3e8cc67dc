package org.tensorworkbench.engine.lab.playground;

import java.util.Locale;
import org.tensorworkbench.engine.data.PatternGenerator;

/** The Playground's generated sets: four classification patterns and a 1D regression curve. */
public enum PlaygroundDataset {
  SPIRAL("spiral", PatternGenerator.Pattern.SPIRAL),
  CIRCLES("circles", PatternGenerator.Pattern.CIRCLES),
  XOR("xor", PatternGenerator.Pattern.XOR),
  BLOBS("blobs", PatternGenerator.Pattern.BLOBS),
  /** y = sin(x) + noise for x in [−π, π]: regression, x2 is 0 and the plane's height shows y. */
  CURVE("curve", null);

  private final String id;
  private final PatternGenerator.Pattern pattern;

  PlaygroundDataset(String id, PatternGenerator.Pattern pattern) {
    this.id = id;
    this.pattern = pattern;
  }

  public String id() {
    return id;
  }

  /** The generator's pattern, null for the curve. */
  PatternGenerator.Pattern pattern() {
    return pattern;
  }

  public boolean isRegression() {
    return this == CURVE;
  }

  /** The smallest and largest number of classes the set can have (0 for the curve). */
  public int minClasses() {
    return this == CURVE ? 0 : 2;
  }

  public int maxClasses() {
    return switch (this) {
      case XOR -> 2;
      case CURVE -> 0;
      default -> 5;
    };
  }

  /** The default noise: the generator's for the patterns, 0.1 for the curve. */
  public double defaultNoise() {
    return pattern == null ? 0.1 : pattern.defaultNoise();
  }

  public static PlaygroundDataset fromId(String id) {
    String s = id.strip().toLowerCase(Locale.ROOT);
    for (PlaygroundDataset d : values()) {
      if (d.id.equals(s)) {
        return d;
      }
    }
    throw new PlaygroundException("playground.error.unknownDataset", id);
  }
}
