package org.tensorworkbench.ui.kernels;

import org.tensorworkbench.engine.lab.conv.PoolSpec;

/** The pooling stage as the screen offers it: none, max or average. */
enum PoolChoice {
  NONE,
  MAX,
  AVG;

  PoolSpec.Type type() {
    return this == MAX ? PoolSpec.Type.MAX : PoolSpec.Type.AVG;
  }
}
