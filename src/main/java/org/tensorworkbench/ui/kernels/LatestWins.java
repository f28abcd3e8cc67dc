package org.tensorworkbench.ui.kernels;

import java.util.function.Consumer;
import java.util.function.Function;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * Runs at most one job at a time and keeps only the newest waiting request ("latest wins"): while
 * a slider is dragged, intermediate values that arrive during a computation are dropped, so work
 * never queues up behind the pointer. Every finished result is shown. Call {@link #submit} on the
 * FX thread.
 */
final class LatestWins<Q, R> {
  private final UiExecutor executor;
  private final Function<Q, R> work;
  private final Consumer<R> onResult;
  private final Consumer<Throwable> onFailure;
  private Q waiting;
  private boolean running;

  LatestWins(UiExecutor executor, Function<Q, R> work, Consumer<R> onResult, Consumer<Throwable> onFailure) {
    this.executor = executor;
    this.work = work;
    this.onResult = onResult;
    this.onFailure = onFailure;
  }

  void submit(Q request) {
    waiting = request;
    if (!running) {
      startWaiting();
    }
  }

  private void startWaiting() {
    Q request = waiting;
    waiting = null;
    running = true;
    executor.submit(() -> work.apply(request), result -> {
      running = false;
      onResult.accept(result);
      if (waiting != null) {
        startWaiting();
      }
    }, error -> {
      running = false;
      onFailure.accept(error);
      if (waiting != null) {
        startWaiting();
      }
    });
  }
}
