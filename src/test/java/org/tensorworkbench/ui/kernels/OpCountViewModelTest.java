package org.tensorworkbench.ui.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.i18n.Messages;

class OpCountViewModelTest {

  @Test
  void opensOnTheHomeworkWithExactCounts() {
    Messages.setLocale(Locale.ENGLISH);
    OpCountViewModel vm = new OpCountViewModel();
    String text = vm.text().get();
    assertTrue(text.contains("Output shape: [10, 64, 224, 224]"), text);
    assertTrue(text.contains("10·64·224·224·3·3·3 = 867,041,280"), text);
    assertTrue(text.contains("Additions without bias:    10·64·224·224·26 = 834,928,640"), text);
    assertTrue(text.contains("Additions with bias:       10·64·224·224·27 = 867,041,280"), text);
  }

  @Test
  void strideAndPaddingChangeTheCounts() {
    Messages.setLocale(Locale.ENGLISH);
    OpCountViewModel vm = new OpCountViewModel();
    vm.strideProperty().set(2);
    vm.paddingProperty().set(0);
    String text = vm.text().get();
    // ⌊(224 − 3)/2⌋ + 1 = 111
    assertTrue(text.contains("[10, 64, 111, 111]"), text);
    assertTrue(text.contains("= " + String.format(Locale.ENGLISH, "%,d", 10L * 64 * 111 * 111 * 27)), text);
    vm.kernelProperty().set(15);
    vm.heightProperty().set(10);
    assertTrue(vm.text().get().contains("The kernel spans 15 pixels"), vm.text().get());
  }
}
