package org.tensorworkbench.engine.inspect;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a view needs to know about a network and its test split before asking it anything:
 * which panels make sense (a confusion matrix only for a classifier, a drawing pad only for
 * grey images) and which layers to show.
 *
 * @param classifier trained with softmax cross-entropy on a classification dataset
 * @param classCount the number of classes (0 for regression)
 * @param inputShape the shape of one example, {@code [C, H, W]} for images, {@code [D]} for tables
 * @param testSize the number of test examples
 * @param firstLayerId the first convolution or dense layer met from the input (empty if none)
 * @param firstLayerConvolution whether that layer is a convolution (else it is dense)
 * @param convolutionIds every convolution layer, input to output
 */
public record ModelOutline(boolean classifier, int classCount, int[] inputShape, int testSize,
    String firstLayerId, boolean firstLayerConvolution, List<String> convolutionIds) {

  public ModelOutline {
    inputShape = inputShape.clone();
    convolutionIds = List.copyOf(convolutionIds);
  }

  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }

  /** Whether the examples are images {@code [C, H, W]}. */
  public boolean images() {
    return inputShape.length == 3;
  }

  /** Whether the first layer's weights are there to draw. */
  public boolean hasFirstLayer() {
    return !firstLayerId.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelOutline m && classifier == m.classifier && classCount == m.classCount
        && Arrays.equals(inputShape, m.inputShape) && testSize == m.testSize && firstLayerId.equals(m.firstLayerId)
        && firstLayerConvolution == m.firstLayerConvolution && convolutionIds.equals(m.convolutionIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classifier, classCount, Arrays.hashCode(inputShape), testSize, firstLayerId,
        firstLayerConvolution, convolutionIds);
  }

  @Override
  public String toString() {
    return "ModelOutline[classifier=" + classifier + ", classes=" + classCount + ", input="
        + Arrays.toString(inputShape) + ", first=" + firstLayerId + ", convolutions=" + convolutionIds + "]";
  }
}
