package org.tensorworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestWhileHiddenTest {
  private boolean shown;
  private final List<String> received = new ArrayList<>();
  private final LatestWhileHidden<String> values = new LatestWhileHidden<>(() -> shown, received::add);

  @Test
  void aShownViewGetsEveryValueAtOnce() {
    shown = true;
    values.offer("a");
    values.offer("b");
    assertEquals(List.of("a", "b"), received);
  }

  @Test
  void aHiddenViewGetsOnlyTheLatestValueWhenShownAndOnlyOnce() {
    values.offer("a");
    values.offer("b");
    assertEquals(List.of(), received);
    shown = true;
    values.showing();
    values.showing();
    assertEquals(List.of("b"), received);
  }

  @Test
  void aValueDeliveredWhileShownIsNotDeliveredAgainAndClearForgets() {
    values.offer("old");
    shown = true;
    values.offer("new");
    values.showing();
    assertEquals(List.of("new"), received);
    shown = false;
    values.offer("gone");
    values.clear();
    shown = true;
    values.showing();
    assertEquals(List.of("new"), received);
  }
}
