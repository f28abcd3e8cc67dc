package org.tensorworkbench.engine.augment;

/**
 * One parameter of an augmentation operation with its default and allowed range.
 *
 * @param name the id in pipeline files and the key {@code transfer.augment.param.<name>}
 * @param defaultValue the value a new step starts with
 * @param min the smallest allowed value
 * @param max the largest allowed value
 * @param integer whether only whole numbers are allowed (sizes and counts)
 */
public record AugmentParameter(String name, double defaultValue, double min, double max, boolean integer) {

  static AugmentParameter real(String name, double defaultValue, double min, double max) {
    return new AugmentParameter(name, defaultValue, min, max, false);
  }

  static AugmentParameter whole(String name, double defaultValue, double min, double max) {
    return new AugmentParameter(name, defaultValue, min, max, true);
  }

  /** Whether {@code value} is allowed (finite, in range, whole if required). */
  public boolean accepts(double value) {
    return Double.isFinite(value) && value >= min && value <= max && (!integer || value == Math.rint(value));
  }
}
