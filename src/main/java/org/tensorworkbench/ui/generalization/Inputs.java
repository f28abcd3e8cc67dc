package org.tensorworkbench.ui.generalization;

import java.util.ArrayList;
import java.util.List;
import org.tensorworkbench.engine.lab.tensor.LabInputException;

/** Parses what a person typed into the lab's fields, refusing it with a message that names it. */
final class Inputs {
  private Inputs() {}

  static int wholeNumber(String text) {
    try {
      return Integer.parseInt(text.strip().replace(",", ""));
    } catch (NumberFormatException | NullPointerException e) {
      throw new LabInputException("generalization.error.notAWholeNumber", text);
    }
  }

  static long seed(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new LabInputException("generalization.error.notAWholeNumber", text);
    }
  }

  static double number(String text) {
    try {
      double v = Double.parseDouble(text.strip());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException | NullPointerException e) {
      throw new LabInputException("generalization.error.notANumber", text);
    }
  }

  /** "1, 3, 19" as whole numbers. */
  static List<Integer> wholeNumbers(String text) {
    List<Integer> values = new ArrayList<>();
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return values;
    }
    for (String part : t.split("[,\\s]+")) {
      values.add(wholeNumber(part));
    }
    return values;
  }

  /** "0, 1, 3" as numbers. */
  static List<Double> numbers(String text) {
    List<Double> values = new ArrayList<>();
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return values;
    }
    for (String part : t.split("[,\\s]+")) {
      values.add(number(part));
    }
    return values;
  }
}
