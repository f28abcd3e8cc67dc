package org.tensorworkbench.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class NativeAllocatorTest {

  @Test
  @EnabledOnOs(OS.LINUX)
  void glibcAcceptsTheThresholdsOnLinux() {
    assertTrue(NativeAllocator.keepLargeBlocks(), "mallopt refused M_MMAP_THRESHOLD, M_TRIM_THRESHOLD or M_TOP_PAD");
    assertTrue(NativeAllocator.keepLargeBlocks(), "a second call reports the first result");
  }
}
