package org.tensorworkbench.ui.tensors;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * Runs lab computations in the background and keeps only the newest result: when a person edits
 * faster than the engine answers, results of superseded edits are dropped.
 */
public final class LatestWins {
  private final UiExecutor executor;
  private final AtomicLong generation = new AtomicLong();

  public LatestWins(UiExecutor executor) {
    this.executor = executor;
  }

  public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
    long mine = generation.incrementAndGet();
    executor.submit(work, result -> {
      if (generation.get() == mine) {
        onSuccess.accept(result);
      }
    }, error -> {
      if (generation.get() == mine) {
        onFailure.accept(error);
      }
    });
  }
}
