package org.tensorworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The app's {@link UiExecutor}: a small pool of daemon threads, results via {@code Platform.runLater}. */
public final class FxUiExecutor implements UiExecutor {
  private final ExecutorService pool;

  public FxUiExecutor() {
    AtomicInteger count = new AtomicInteger();
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "workbench-background-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
    pool.execute(() -> {
      try {
        T result = work.call();
        Platform.runLater(() -> onSuccess.accept(result));
      } catch (Exception | Error e) {
        Platform.runLater(() -> onFailure.accept(e));
      }
    });
  }

  public void shutdown() {
    pool.shutdownNow();
  }
}
