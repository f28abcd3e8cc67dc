package org.tensorworkbench.engine.lab.conv;

/**
 * The arithmetic a direct 2-D convolution does (the Paddle course's homework), counted exactly:
 *
 * <ul>
 *   <li>multiplications = N · C_out · H_out · W_out · C_in · k_h · k_w — one per kernel tap per
 *       output value;
 *   <li>additions = N · C_out · H_out · W_out · (C_in · k_h · k_w − 1 + b) — summing the
 *       C_in·k_h·k_w products of one output value takes one addition fewer than there are
 *       products, and adding the bias takes one more (b = 1 with a bias, 0 without).
 * </ul>
 *
 * For input [10, 3, 224, 224], 64 output channels, a 3x3 kernel, padding 1 and stride 1 this is
 * 867,041,280 multiplications, and 834,928,640 additions without bias or 867,041,280 with it.
 */
public record OpCounts(long multiplications, long additions) {

  public static OpCounts of(long batch, long inChannels, long outChannels, long outH, long outW,
      long kH, long kW, boolean bias) {
    long outputs = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(batch, outChannels), outH), outW);
    long taps = Math.multiplyExact(Math.multiplyExact(inChannels, kH), kW);
    long multiplications = Math.multiplyExact(outputs, taps);
    long additions = Math.multiplyExact(outputs, taps - 1 + (bias ? 1 : 0));
    return new OpCounts(multiplications, additions);
  }

  /** Counts for the same layer run on a batch of {@code batch} images instead of one. */
  public OpCounts times(long batch) {
    return new OpCounts(Math.multiplyExact(multiplications, batch), Math.multiplyExact(additions, batch));
  }
}
