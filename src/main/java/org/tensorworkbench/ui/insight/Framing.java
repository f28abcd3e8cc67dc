package org.tensorworkbench.ui.insight;

import java.util.List;

/**
 * How a drawing is fitted into the network's image before it is classified, so it looks like
 * the training images. MNIST's digits were scaled to fit a 20x20 box (keeping their aspect
 * ratio) and placed in the 28x28 image with their centre of mass at the centre (LeCun et al.,
 * "The MNIST database"); Fashion-MNIST's items fill the image and are centred by their extent.
 */
enum Framing {
  /** MNIST: the longer side 20/28 of the image, centre of mass at the centre. */
  DIGIT(20.0 / 28, true),
  /** Fashion-MNIST and other objects: the longer side 26/28 of the image, centred by the bounding box. */
  OBJECT(26.0 / 28, false);

  private final double boxFraction;
  private final boolean centreOfMass;

  Framing(double boxFraction, boolean centreOfMass) {
    this.boxFraction = boxFraction;
    this.centreOfMass = centreOfMass;
  }

  /** The fraction of the image's height the drawing's longer side is scaled to. */
  double boxFraction() {
    return boxFraction;
  }

  /** Whether the centre of mass (else the bounding box's centre) is put at the image's centre. */
  boolean centreOfMass() {
    return centreOfMass;
  }

  /** Digits when every class is named by one digit (MNIST), else objects. */
  static Framing forClasses(List<String> classNames) {
    return !classNames.isEmpty() && classNames.stream().allMatch(n -> n.matches("\\d")) ? DIGIT : OBJECT;
  }
}
