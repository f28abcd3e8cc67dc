package org.tensorworkbench.ui.norm;

import javafx.scene.paint.Color;

/** Pale fills that tell channels (or samples) apart in the Normalization Lab. */
final class Palette {
  private static final Color[] FILLS = {
    Color.web("#dbe8ff"), Color.web("#ffe8cc"), Color.web("#d3f9d8"), Color.web("#f3d9fa"),
    Color.web("#fff3bf"), Color.web("#c5f6fa"), Color.web("#ffdeeb"), Color.web("#e9ecef"),
  };
  private static final Color[] STRONG = {
    Color.web("#1c7ed6"), Color.web("#e8590c"), Color.web("#2f9e44"), Color.web("#ae3ec9"),
    Color.web("#f08c00"), Color.web("#0c8599"), Color.web("#d6336c"), Color.web("#495057"),
  };

  private Palette() {}

  static Color fill(int group) {
    return FILLS[group % FILLS.length];
  }

  static Color strong(int group) {
    return STRONG[group % STRONG.length];
  }
}
