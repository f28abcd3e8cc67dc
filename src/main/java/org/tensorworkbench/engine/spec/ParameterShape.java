package org.tensorworkbench.engine.spec;

/**
 * One named tensor a layer keeps, in PyTorch's (and d2l's) display layout: {@code conv1.weight
 * [6, 1, 5, 5]} is [out channels, in channels, kernel height, kernel width], {@code dense1.weight
 * [120, 400]} is [out features, in features]. Trainable parameters are learned by gradient
 * descent; the others are state, such as BatchNorm's running mean and variance.
 */
public record ParameterShape(String name, TensorShape shape, boolean trainable) {
  public long count() {
    return shape.elements();
  }

  @Override
  public String toString() {
    return name + " " + shape;
  }
}
