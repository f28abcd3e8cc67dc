package org.tensorworkbench.ui.common;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * At most one job in flight, and only the newest request waiting ("latest wins"): while a
 * person draws, or snapshots arrive faster than the training thread answers, superseded requests
 * are dropped instead of queueing up on the training thread. Every finished result is shown.
 * Call {@link #submit} on the FX thread; results and failures arrive there too.
 */
public final class LatestRequest<Q, R> {
  private final UiExecutor executor;
  private final Function<Q, R> work;
  private final Consumer<R> onResult;
  private final Consumer<Throwable> onFailure;
  private Q waiting;
  private boolean running;

  public LatestRequest(UiExecutor executor, Function<Q, R> work, Consumer<R> onResult, Consumer<Throwable> onFailure) {
    this.executor = executor;
    this.work = work;
    this.onResult = onResult;
    this.onFailure = onFailure;
  }

  public void submit(Q request) {
    waiting = request;
    if (!running) {
      startWaiting();
    }
  }

  /** Forgets a request that has not started yet. */
  public void cancelWaiting() {
    waiting = null;
  }

  private void startWaiting() {
    Q request = waiting;
    waiting = null;
    running = true;
    executor.submit(() -> work.apply(request), result -> {
      running = false;
      onResult.accept(result);
      next();
    }, error -> {
      running = false;
      onFailure.accept(error);
      next();
    });
  }

  private void next() {
    if (waiting != null && !running) {
      startWaiting();
    }
  }
}
