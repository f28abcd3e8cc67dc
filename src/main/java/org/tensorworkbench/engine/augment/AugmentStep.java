package org.tensorworkbench.engine.augment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One step of an {@link AugmentPipeline}: an operation with its parameters, applied to each image
 * with probability {@code p}, or skipped altogether while switched off. Every value is checked
 * when the step is made: a parameter outside its range, a probability outside [0, 1], a minimum
 * above its maximum are refused with a message naming the operation and the value.
 *
 * @param kind the operation
 * @param parameters a value for each of {@code kind.parameters()}, in that order (missing ones take their default)
 * @param probability the chance {@code p ∈ [0, 1]} that the step changes a given image
 * @param enabled false keeps the step in the list without applying it
 */
public record AugmentStep(AugmentKind kind, Map<String, Double> parameters, double probability, boolean enabled) {

  public AugmentStep {
    if (kind == null) {
      throw new AugmentException("transfer.augment.error.unknownOperation", "null", AugmentKind.ids());
    }
    Map<String, Double> given = parameters == null ? Map.of() : parameters;
    Map<String, Double> values = new LinkedHashMap<>();
    for (AugmentParameter p : kind.parameters()) {
      Double v = given.get(p.name());
      double value = v == null ? p.defaultValue() : v;
      if (!p.accepts(value)) {
        throw new AugmentException(p.integer() ? "transfer.augment.error.wholeRange" : "transfer.augment.error.range",
            kind.id(), p.name(), value, p.min(), p.max());
      }
      values.put(p.name(), value);
    }
    for (String name : given.keySet()) {
      if (!values.containsKey(name)) {
        throw new AugmentException("transfer.augment.error.unknownParameter", kind.id(), name,
            kind.parameters().isEmpty() ? "-" : String.join(", ", values.keySet()));
      }
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new AugmentException("transfer.augment.error.probability", kind.id(), probability);
    }
    requireOrdered(kind, values, "minScale", "maxScale");
    requireOrdered(kind, values, "minRatio", "maxRatio");
    requireOrdered(kind, values, "minDegrees", "maxDegrees");
    parameters = Collections.unmodifiableMap(values);
  }

  /** The operation with its default parameters, always applied. */
  public static AugmentStep of(AugmentKind kind) {
    return new AugmentStep(kind, Map.of(), 1, true);
  }

  /** A parameter's value. */
  public double get(String name) {
    Double v = parameters.get(name);
    if (v == null) {
      throw new AugmentException("transfer.augment.error.unknownParameter", kind.id(), name,
          String.join(", ", parameters.keySet()));
    }
    return v;
  }

  public AugmentStep with(String name, double value) {
    Map<String, Double> values = new LinkedHashMap<>(parameters);
    if (!values.containsKey(name)) {
      throw new AugmentException("transfer.augment.error.unknownParameter", kind.id(), name,
          String.join(", ", values.keySet()));
    }
    values.put(name, value);
    return new AugmentStep(kind, values, probability, enabled);
  }

  public AugmentStep withProbability(double value) {
    return new AugmentStep(kind, parameters, value, enabled);
  }

  public AugmentStep withEnabled(boolean value) {
    return new AugmentStep(kind, parameters, probability, value);
  }

  /**
   * Whether this step can work on images of size {@code s}; a cutout square larger than the
   * image is refused.
   */
  public void requireFits(ImageSize s) {
    if (kind == AugmentKind.CUTOUT && (get("size") > s.height() || get("size") > s.width())) {
      throw new AugmentException("transfer.augment.error.cutoutTooLarge", (int) get("size"), s.height(), s.width());
    }
  }

  /**
   * Applies the step to one image: a coin {@code u ~ U[0, 1)} is always drawn, and the operation
   * runs if {@code u < p} (so the random stream does not depend on the outcome's cost).
   */
  float[] apply(float[] in, ImageSize s, SplittableRandom random) {
    if (!enabled) {
      return in;
    }
    boolean applies = random.nextDouble() < probability;
    return applies ? kind.apply(in, s, parameters, random) : in;
  }

  private static void requireOrdered(AugmentKind kind, Map<String, Double> values, String low, String high) {
    if (values.containsKey(low) && values.get(low) > values.get(high)) {
      throw new AugmentException("transfer.augment.error.order", kind.id(), low, values.get(low), high, values.get(high));
    }
  }
}
