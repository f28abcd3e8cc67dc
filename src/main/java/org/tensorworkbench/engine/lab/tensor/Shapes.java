package org.tensorworkbench.engine.lab.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reading and writing shapes the way a learner types and reads them: {@code 2, 3, 4} or
 * {@code (2, 3, 4)} in, {@code (2, 3, 4)} (NumPy style) and {@code [2, 3, 4]} (PyTorch style) out.
 */
public final class Shapes {
  /** The labs draw tensors of rank 1 to 4 (d2l never needs more for these lessons). */
  public static final int MAX_RANK = 4;
  /** Larger tensors cannot be read cell by cell on a screen. */
  public static final int MAX_SIZE = 4096;

  private Shapes() {}

  /**
   * Parses a shape such as {@code 2, 3}, {@code (2,3)}, {@code [2 3]} or {@code torch.Size([2, 3])}.
   *
   * @throws LabInputException with key {@code tensors.error.*} when it is empty, not made of
   *     positive whole numbers, of rank above {@link #MAX_RANK} or too large to draw
   */
  public static int[] parse(String text) {
    List<Integer> sizes = parseIntegers(text, true);
    if (sizes.isEmpty()) {
      throw new LabInputException("tensors.error.emptyShape");
    }
    int[] shape = sizes.stream().mapToInt(Integer::intValue).toArray();
    checkDrawable(shape);
    return shape;
  }

  /** Parses a list of integers such as {@code 2, 0, 1} (negative numbers allowed). */
  public static int[] parseIndices(String text) {
    return parseIntegers(text, false).stream().mapToInt(Integer::intValue).toArray();
  }

  /** Throws when a shape is empty, has a size below 1, more than 4 dimensions or too many cells. */
  public static void checkDrawable(int[] shape) {
    if (shape.length == 0) {
      throw new LabInputException("tensors.error.emptyShape");
    }
    if (shape.length > MAX_RANK) {
      throw new LabInputException("tensors.error.rankTooHigh", numpy(shape), shape.length, MAX_RANK);
    }
    long size = 1;
    for (int s : shape) {
      if (s < 1) {
        throw new LabInputException("tensors.error.sizeNotPositive", numpy(shape));
      }
      size *= s;
    }
    if (size > MAX_SIZE) {
      throw new LabInputException("tensors.error.tooLarge", numpy(shape), size, MAX_SIZE);
    }
  }

  /** NumPy's notation: {@code (2,3)}, {@code (4,)}, {@code ()} — as in its error messages. */
  public static String numpyCompact(int[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringJoiner j = new StringJoiner(",", "(", ")");
    for (int s : shape) {
      j.add(Integer.toString(s));
    }
    return j.toString();
  }

  /** A readable tuple: {@code (2, 3)}, {@code (4,)}. */
  public static String numpy(int[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringJoiner j = new StringJoiner(", ", "(", ")");
    for (int s : shape) {
      j.add(Integer.toString(s));
    }
    return j.toString();
  }

  /** PyTorch's list notation: {@code [2, 3]}, as {@code torch.Size([2, 3])} prints it. */
  public static String list(int[] shape) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (int s : shape) {
      j.add(Integer.toString(s));
    }
    return j.toString();
  }

  /** Arguments for Java varargs and PyTorch calls: {@code 2, 3}. */
  public static String args(int[] shape) {
    StringJoiner j = new StringJoiner(", ");
    for (int s : shape) {
      j.add(Integer.toString(s));
    }
    return j.toString();
  }

  static long[] toLong(int[] shape) {
    long[] l = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      l[i] = shape[i];
    }
    return l;
  }

  static int[] toInt(long[] shape) {
    int[] s = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      s[i] = Math.toIntExact(shape[i]);
    }
    return s;
  }

  private static List<Integer> parseIntegers(String text, boolean positive) {
    String body = text == null ? "" : text.strip();
    if (body.startsWith("torch.Size")) {
      body = body.substring("torch.Size".length());
    }
    body = body.replaceAll("[()\\[\\]]", " ").strip();
    List<Integer> out = new ArrayList<>();
    if (body.isEmpty()) {
      return out;
    }
    for (String part : body.split("[,\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      try {
        int v = Integer.parseInt(part);
        if (positive && v < 1) {
          throw new LabInputException("tensors.error.sizeNotPositive", text.strip());
        }
        out.add(v);
      } catch (NumberFormatException e) {
        throw new LabInputException("tensors.error.notAnInteger", part);
      }
    }
    return out;
  }
}
