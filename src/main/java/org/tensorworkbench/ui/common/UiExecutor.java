package org.tensorworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and delivers its result on it. Screens get one injected, so tests
 * can pass {@link #direct()} and stay single-threaded without a toolkit.
 */
public interface UiExecutor {

  /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the FX thread. */
  <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

  /** An executor that runs everything at once on the calling thread: for ViewModel tests. */
  static UiExecutor direct() {
    return new UiExecutor() {
      @Override
      public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
          result = work.call();
        } catch (Exception | Error e) {
          onFailure.accept(e);
          return;
        }
        onSuccess.accept(result);
      }
    };
  }
}
