package org.tensorworkbench.ui.kernels;

/** What the kernel-learning demo recovers: d2l's [1, −1] from the boundary image, or the lab's current kernel. */
enum LearnTarget {
  D2L_EDGE,
  CURRENT_KERNEL
}
