package org.tensorworkbench.ui.insight;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.tensorworkbench.engine.inspect.ModelInspector;

/**
 * How the insight panes reach the network without racing its training: the owner of the
 * network (the Training screen, through its session's training thread) runs {@code work}
 * between two minibatches and completes the future with the result, or exceptionally when no
 * network is there. Tests implement it by calling {@code work} at once.
 */
@FunctionalInterface
public interface ModelAccess {
  /** How long a background thread waits for the training thread before giving up. */
  long TIMEOUT_SECONDS = 60;

  /** Runs {@code work} on the thread that owns the network; never blocks the caller. */
  <T> CompletableFuture<T> withInspector(Function<ModelInspector, T> work);

  /**
   * Runs {@code work} like {@link #withInspector} and waits for its answer: for background
   * threads only, never the FX thread. Failures (and a timeout) are thrown as a
   * {@link CompletionException} around the cause.
   */
  default <T> T await(Function<ModelInspector, T> work) {
    try {
      return withInspector(work).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new CompletionException(e);
    }
  }
}
