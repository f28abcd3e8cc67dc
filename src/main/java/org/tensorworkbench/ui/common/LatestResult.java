package org.tensorworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs computations in the background and keeps only the newest result: when a person edits
 * faster than the engine answers, results of superseded edits are dropped. Unlike
 * {@link LatestRequest}, every request runs; use it for cheap work whose inputs change often.
 */
public final class LatestResult {
  private final UiExecutor executor;
  private final AtomicLong generation = new AtomicLong();

  public LatestResult(UiExecutor executor) {
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
