package org.tensorworkbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The inspection panes reach the network only on its own thread, and hear when there is none. */
class NetworkHostTest {
  @Test
  void withoutANetworkTheWorkFailsAndSaysWhy() {
    NetworkHost host = new NetworkHost();
    ExecutionException e = assertThrows(ExecutionException.class, () -> host.run((n, t) -> 1).get(10, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  @Test
  void aReopenedNetworkIsInspectedOnItsOwnThreadAndFailuresArePassedOn() throws Exception {
    NetworkHost host = new NetworkHost();
    host.useReopened(null, null);
    assertEquals("model-inspection", host.run((n, t) -> Thread.currentThread().getName()).get(60, TimeUnit.SECONDS));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> host.run((n, t) -> { throw new ArithmeticException("boom"); }).get(60, TimeUnit.SECONDS));
    assertEquals("boom", e.getCause().getMessage());
    host.dispose();
  }
}
