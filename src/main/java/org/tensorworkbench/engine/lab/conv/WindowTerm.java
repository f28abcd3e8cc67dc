package org.tensorworkbench.engine.lab.conv;

/**
 * One product of a multiply-add: the input value under one kernel tap and the tap's weight.
 *
 * @param channel input channel
 * @param row input row in unpadded coordinates (negative or ≥ H inside the zero padding)
 * @param col input column in unpadded coordinates
 * @param padding whether the tap lies on the zero padding (then {@code input} is 0)
 */
public record WindowTerm(int channel, int row, int col, int kernelRow, int kernelCol, float input,
    float weight, boolean padding) {

  public double product() {
    return (double) input * weight;
  }
}
