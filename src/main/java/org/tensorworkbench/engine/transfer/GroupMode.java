package org.tensorworkbench.engine.transfer;

/** What fine-tuning does with one {@link LayerGroup} of a pretrained network (d2l 14.2). */
public enum GroupMode {
  /** Pretrained weights kept and not trained: they stay the same bit for bit. */
  FROZEN,
  /** Pretrained weights kept and trained with the base learning rate times the group's factor. */
  FINE_TUNE,
  /** Pretrained weights thrown away: the group starts from fresh random weights and is trained. */
  REINITIALIZE
}
