package org.tensorworkbench.engine.inspect;

import java.util.Arrays;

/**
 * A test example the network classified wrongly, ready to show in a gallery.
 *
 * @param index the example's position in the test split
 * @param image the example as a person sees it, {@code [C, H, W]} with values in [0, 1]
 *     (the stored pixels / 255, i.e. before the dataset's normalization)
 * @param trueClass its label
 * @param predictedClass the arg max of {@code probabilities}
 * @param probabilities the softmax output, one value per class, summing to 1
 */
public record Misclassified(int index, TensorSnapshot image, int trueClass, int predictedClass,
    double[] probabilities) {

  public Misclassified {
    probabilities = probabilities.clone();
  }

  /** The probability the network gave to the class it predicted. */
  public double confidence() {
    return probabilities[predictedClass];
  }

  /** The probability the network gave to the right class. */
  public double trueClassProbability() {
    return probabilities[trueClass];
  }

  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Misclassified m && index == m.index && image.equals(m.image) && trueClass == m.trueClass
        && predictedClass == m.predictedClass && Arrays.equals(probabilities, m.probabilities);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * index + image.hashCode()) + Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return "Misclassified[#" + index + " true " + trueClass + " predicted " + predictedClass + "]";
  }
}
