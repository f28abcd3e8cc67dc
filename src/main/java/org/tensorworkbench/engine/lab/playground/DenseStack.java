package org.tensorworkbench.engine.lab.playground;

import java.util.SplittableRandom;

/**
 * A stack of dense layers on plain double arrays: h_0 = x, z_l = h_{l−1}·W_l + b_l,
 * h_l = φ(z_l) for the hidden layers (with inverted dropout while training), and the last z the
 * output (logits, or the prediction for regression). It is the same network as the design
 * {@link PlaygroundNetwork#spec} compiles into SameDiff (checked by tests on the same weights);
 * for networks of a few dozen neurons it avoids SameDiff's fixed cost of ~10 ms per call.
 *
 * <p>Weights are row-major {@code [in, out]} like the compiled graph's. Not thread-safe: one
 * thread trains and evaluates it.
 */
public final class DenseStack {
  private final int[] sizes; // [F, h1, ..., hL, K]
  private final Activation activation;
  private final double[][] weights; // weights[l]: [sizes[l], sizes[l + 1]]
  private final double[][] biases; // biases[l]: [sizes[l + 1]]

  /** A stack with weights drawn by {@code init} from {@code seed} and zero biases. */
  public DenseStack(int[] sizes, Activation activation, Initialization init, long seed) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("a stack needs an input and an output size");
    }
    this.sizes = sizes.clone();
    this.activation = activation;
    this.weights = new double[sizes.length - 1][];
    this.biases = new double[sizes.length - 1][];
    SplittableRandom random = new SplittableRandom(seed);
    for (int l = 0; l < weights.length; l++) {
      weights[l] = new double[sizes[l] * sizes[l + 1]];
      biases[l] = new double[sizes[l + 1]];
      for (int i = 0; i < weights[l].length; i++) {
        weights[l][i] = init.draw(random, sizes[l], sizes[l + 1]);
      }
    }
  }

  /** The sizes, input first and output last (a copy). */
  public int[] sizes() {
    return sizes.clone();
  }

  /** The number of weight layers (hidden layers + 1). */
  public int layerCount() {
    return weights.length;
  }

  public Activation activation() {
    return activation;
  }

  /** The live weights of layer {@code l} ({@code [in, out]}, row-major): for setting them by hand and for the optimizer. */
  public double[] weights(int l) {
    return weights[l];
  }

  /** The live biases of layer {@code l}. */
  public double[] biases(int l) {
    return biases[l];
  }

  /** The forward pass of {@code n} rows of {@code x} ({@code [N, F]}) in inference mode. */
  public Pass forward(double[] x, int n) {
    return forward(x, n, 0, null);
  }

  /**
   * The forward pass; with {@code dropout} p &gt; 0 each hidden value is kept with probability
   * 1 − p and scaled by 1/(1 − p) (inverted dropout, d2l 5.6), the masks drawn from {@code random}.
   */
  public Pass forward(double[] x, int n, double dropout, SplittableRandom random) {
    int layers = weights.length;
    double[][] z = new double[layers][];
    double[][] h = new double[layers + 1][];
    double[][] masks = new double[layers][];
    h[0] = x;
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double[] w = weights[l];
      double[] b = biases[l];
      double[] zl = new double[n * out]; // [N, out]
      double[] prev = h[l];
      for (int i = 0; i < n; i++) {
        int row = i * out;
        System.arraycopy(b, 0, zl, row, out);
        int xRow = i * in;
        for (int k = 0; k < in; k++) {
          double xv = prev[xRow + k];
          if (xv != 0) {
            int wRow = k * out;
            for (int j = 0; j < out; j++) {
              zl[row + j] += xv * w[wRow + j];
            }
          }
        }
      }
      z[l] = zl;
      if (l == layers - 1) {
        h[l + 1] = zl;
      } else {
        double[] hl = new double[zl.length];
        for (int i = 0; i < zl.length; i++) {
          hl[i] = activation.apply(zl[i]);
        }
        if (dropout > 0) {
          double[] mask = new double[zl.length];
          double keep = 1 - dropout;
          for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < keep ? 1 / keep : 0;
            hl[i] *= mask[i];
          }
          masks[l] = mask;
        }
        h[l + 1] = hl;
      }
    }
    return new Pass(n, z, h, masks);
  }

  /**
   * Back-propagation of {@code dOutput} = ∂L/∂output ({@code [N, K]}) through {@code pass}:
   * ∂L/∂z_L = dOutput, ∂L/∂W_l = h_{l−1}ᵀ·∂L/∂z_l, ∂L/∂b_l = Σ_rows ∂L/∂z_l,
   * ∂L/∂z_{l−1} = (∂L/∂z_l·W_lᵀ) ⊙ mask ⊙ φ'(z_{l−1}).
   */
  public Gradients backward(Pass pass, double[] dOutput) {
    int layers = weights.length;
    int n = pass.rows;
    double[][] dW = new double[layers][];
    double[][] db = new double[layers][];
    double[] dz = dOutput;
    for (int l = layers - 1; l >= 0; l--) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double[] prev = pass.h[l];
      double[] gw = new double[in * out];
      double[] gb = new double[out];
      for (int i = 0; i < n; i++) {
        int row = i * out;
        int xRow = i * in;
        for (int j = 0; j < out; j++) {
          gb[j] += dz[row + j];
        }
        for (int k = 0; k < in; k++) {
          double xv = prev[xRow + k];
          if (xv != 0) {
            int wRow = k * out;
            for (int j = 0; j < out; j++) {
              gw[wRow + j] += xv * dz[row + j];
            }
          }
        }
      }
      dW[l] = gw;
      db[l] = gb;
      if (l > 0) {
        double[] w = weights[l];
        double[] zPrev = pass.z[l - 1];
        double[] mask = pass.masks[l - 1];
        double[] dPrev = new double[n * in]; // [N, in]
        for (int i = 0; i < n; i++) {
          int row = i * out;
          for (int k = 0; k < in; k++) {
            int wRow = k * out;
            double s = 0;
            for (int j = 0; j < out; j++) {
              s += dz[row + j] * w[wRow + j];
            }
            int at = i * in + k;
            if (mask != null) {
              s *= mask[at];
            }
            dPrev[at] = s * activation.derivative(zPrev[at]);
          }
        }
        dz = dPrev;
      }
    }
    return new Gradients(dW, db);
  }

  /** A copy of every weight and bias, for a picture drawn while training goes on. */
  public double[][] copyWeights() {
    double[][] copy = new double[weights.length][];
    for (int l = 0; l < weights.length; l++) {
      copy[l] = weights[l].clone();
    }
    return copy;
  }

  /**
   * The values of one forward pass: pre-activations {@code z[l]} and activations {@code h[l]}
   * ({@code h[0]} the input, {@code h[L]} the output), each {@code [N, size]}; the dropout masks
   * used (null without dropout).
   */
  public record Pass(int rows, double[][] z, double[][] h, double[][] masks) {
    /** The network's output, {@code [N, K]}. */
    public double[] output() {
      return h[h.length - 1];
    }
  }

  /** ∂L/∂W_l and ∂L/∂b_l for every layer. */
  public record Gradients(double[][] weights, double[][] biases) {}
}
