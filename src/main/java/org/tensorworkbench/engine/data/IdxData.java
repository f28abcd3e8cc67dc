package org.tensorworkbench.engine.data;

/**
 * The content of an IDX file of unsigned bytes: its dimensions and the values, row-major, exactly
 * as stored (pixels 0-255 or labels).
 *
 * @param dims the sizes, e.g. {@code [60000, 28, 28]} for images or {@code [60000]} for labels
 * @param data the values, {@code dims[0] * ... * dims[n-1]} bytes, read as unsigned
 */
public record IdxData(int[] dims, byte[] data) {

  /** The number of items (the first dimension). */
  public int count() {
    return dims[0];
  }

  /** The values per item, e.g. 784 for 28x28 images, 1 for labels. */
  public int itemSize() {
    int size = 1;
    for (int i = 1; i < dims.length; i++) {
      size *= dims[i];
    }
    return size;
  }

  /** The unsigned value at flat index {@code i}. */
  public int unsigned(int i) {
    return data[i] & 0xFF;
  }
}
