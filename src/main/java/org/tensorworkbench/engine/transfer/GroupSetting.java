package org.tensorworkbench.engine.transfer;

/**
 * How one layer group is fine-tuned: its mode and its learning-rate factor (the group learns
 * with the base rate η times {@code factor}; ignored when frozen).
 */
public record GroupSetting(GroupMode mode, double factor) {
  /** The largest factor accepted (a new output layer commonly gets 10, d2l 14.2). */
  public static final double MAX_FACTOR = 1000;

  public GroupSetting {
    if (mode == null) {
      throw new TransferException("transfer.error.mode");
    }
    if (!(factor > 0 && factor <= MAX_FACTOR)) {
      throw new TransferException("transfer.error.factor", factor, MAX_FACTOR);
    }
  }

  public static GroupSetting fineTune(double factor) {
    return new GroupSetting(GroupMode.FINE_TUNE, factor);
  }

  public static GroupSetting frozen() {
    return new GroupSetting(GroupMode.FROZEN, 1);
  }

  public static GroupSetting reinitialize(double factor) {
    return new GroupSetting(GroupMode.REINITIALIZE, factor);
  }

  /** The factor of the group's steps in training: 0 when frozen. */
  public double stepFactor() {
    return mode == GroupMode.FROZEN ? 0 : factor;
  }
}
