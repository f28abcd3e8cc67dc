package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.engine.spec.ConvArithmetic;

/**
 * The arithmetic a direct 2-D convolution does (computed by the engine's shared {@link ConvArithmetic}) (the Paddle course's homework), counted exactly:
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
    return new OpCounts(
        ConvArithmetic.convMultiplications(batch, inChannels, outChannels, outH, outW, kH, kW),
        ConvArithmetic.convAdditions(batch, inChannels, outChannels, outH, outW, kH, kW, bias));
  }

  /** Counts for the same layer run on a batch of {@code batch} images instead of one. */
  public OpCounts times(long batch) {
    return new OpCounts(Math.multiplyExact(multiplications, batch), Math.multiplyExact(additions, batch));
  }
}
