package org.tensorworkbench.engine.lab.conv;

/**
 * The classic image kernels. Those with a fixed shape (Sobel, Prewitt, ...) ignore the size asked
 * for; identity, box blur and Gaussian blur are built for any size.
 *
 * <ul>
 *   <li>{@link #EDGE_D2L}: d2l 7.2.3's [1, −1], which is 1 at a white-to-black step and −1 at a
 *       black-to-white step of a vertical boundary;
 *   <li>{@link #GAUSSIAN}: w(i, j) ∝ exp(−(i² + j²) / 2σ²) around the centre, normalised to sum 1;
 *   <li>Sobel and Prewitt: central differences smoothed across the other axis.
 * </ul>
 */
public enum KernelPreset {
  IDENTITY("identity", 0),
  EDGE_D2L("edge", 0),
  BOX_BLUR("box", 0),
  GAUSSIAN("gaussian", 0),
  SHARPEN("sharpen", 3),
  SOBEL_X("sobel-x", 3),
  SOBEL_Y("sobel-y", 3),
  PREWITT_X("prewitt-x", 3),
  PREWITT_Y("prewitt-y", 3),
  LAPLACIAN("laplacian", 3),
  EMBOSS("emboss", 3),
  OUTLINE("outline", 3);

  private final String id;
  private final int fixedSide;

  KernelPreset(String id, int fixedSide) {
    this.id = id;
    this.fixedSide = fixedSide;
  }

  /** The name used on the command line and in i18n keys ({@code kernels.preset.<id>}). */
  public String id() {
    return id;
  }

  /** Whether the preset can be built at any odd or even size (identity, box, Gaussian). */
  public boolean sizeable() {
    return fixedSide == 0 && this != EDGE_D2L;
  }

  public static KernelPreset byId(String id) {
    for (KernelPreset p : values()) {
      if (p.id.equalsIgnoreCase(id)) {
        return p;
      }
    }
    throw new ConvLabException("kernels.error.unknownPreset", id);
  }

  /** The kernel at {@code side x side} (ignored by fixed-shape presets), σ for the Gaussian. */
  public Kernel2d build(int side, double sigma) {
    return switch (this) {
      case IDENTITY -> identity(side);
      case EDGE_D2L -> new Kernel2d(1, 2, new float[] {1, -1});
      case BOX_BLUR -> box(side);
      case GAUSSIAN -> gaussian(side, sigma);
      case SHARPEN -> grid(0, -1, 0, -1, 5, -1, 0, -1, 0);
      case SOBEL_X -> grid(-1, 0, 1, -2, 0, 2, -1, 0, 1);
      case SOBEL_Y -> grid(-1, -2, -1, 0, 0, 0, 1, 2, 1);
      case PREWITT_X -> grid(-1, 0, 1, -1, 0, 1, -1, 0, 1);
      case PREWITT_Y -> grid(-1, -1, -1, 0, 0, 0, 1, 1, 1);
      case LAPLACIAN -> grid(0, 1, 0, 1, -4, 1, 0, 1, 0);
      case EMBOSS -> grid(-2, -1, 0, -1, 1, 1, 0, 1, 2);
      case OUTLINE -> grid(-1, -1, -1, -1, 8, -1, -1, -1, -1);
    };
  }

  private static Kernel2d grid(float... w) {
    return new Kernel2d(3, 3, w);
  }

  private static Kernel2d identity(int side) {
    Kernel2d k = Kernel2d.zeros(side, side);
    return k.with((side - 1) / 2, (side - 1) / 2, 1);
  }

  private static Kernel2d box(int side) {
    float[] w = new float[side * side];
    java.util.Arrays.fill(w, 1f / (side * side));
    return new Kernel2d(side, side, w);
  }

  private static Kernel2d gaussian(int side, double sigma) {
    if (!(sigma > 0)) {
      throw new ConvLabException("kernels.error.sigma", sigma);
    }
    double centre = (side - 1) / 2.0;
    double[] raw = new double[side * side];
    double total = 0;
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        double d2 = (r - centre) * (r - centre) + (c - centre) * (c - centre);
        raw[r * side + c] = Math.exp(-d2 / (2 * sigma * sigma));
        total += raw[r * side + c];
      }
    }
    float[] w = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      w[i] = (float) (raw[i] / total);
    }
    return new Kernel2d(side, side, w);
  }
}
