package org.tensorworkbench.engine.data;

/**
 * The stored feature values of a split, one contiguous array, row-major {@code [N, F]}. Images
 * stay as their bytes (a quarter of the memory of floats: 47 MB instead of 188 MB for
 * Fashion-MNIST's training set) and are normalized while a batch is copied out.
 */
sealed interface FeatureStore {

  int rows();

  int rowSize();

  /** The stored value of feature {@code j} of row {@code row}. */
  float raw(int row, int j);

  /** Copies row {@code row} normalized by {@code n} into {@code dest} from {@code offset}. */
  void copyNormalized(int row, Normalization n, float[] dest, int offset);

  /** A new store holding the given rows, in that order. */
  FeatureStore select(int[] rows);

  /** Unsigned bytes, e.g. IDX pixels. */
  record Bytes(byte[] data, int rowSize) implements FeatureStore {
    @Override
    public int rows() {
      return data.length / rowSize;
    }

    @Override
    public float raw(int row, int j) {
      return data[row * rowSize + j] & 0xFF;
    }

    @Override
    public void copyNormalized(int row, Normalization n, float[] dest, int offset) {
      int base = row * rowSize;
      int group = n.groupSize();
      // one multiplier and offset per group (an image channel), so the inner loop reads no tables
      for (int start = 0; start < rowSize; start += group) {
        float scale = n.scaleAt(start);
        float shift = n.shiftAt(start);
        int end = Math.min(rowSize, start + group);
        for (int j = start; j < end; j++) {
          dest[offset + j] = (data[base + j] & 0xFF) * scale + shift;
        }
      }
    }

    @Override
    public FeatureStore select(int[] rows) {
      byte[] out = new byte[rows.length * rowSize];
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(data, rows[i] * rowSize, out, i * rowSize, rowSize);
      }
      return new Bytes(out, rowSize);
    }
  }

  /** 32-bit floats, e.g. table columns or generated points. */
  record Floats(float[] data, int rowSize) implements FeatureStore {
    @Override
    public int rows() {
      return data.length / rowSize;
    }

    @Override
    public float raw(int row, int j) {
      return data[row * rowSize + j];
    }

    @Override
    public void copyNormalized(int row, Normalization n, float[] dest, int offset) {
      int base = row * rowSize;
      for (int j = 0; j < rowSize; j++) {
        dest[offset + j] = data[base + j] * n.scaleAt(j) + n.shiftAt(j);
      }
    }

    @Override
    public FeatureStore select(int[] rows) {
      float[] out = new float[rows.length * rowSize];
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(data, rows[i] * rowSize, out, i * rowSize, rowSize);
      }
      return new Floats(out, rowSize);
    }
  }
}
