package org.tensorworkbench.ui.training;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.train.TrainingSession;

/**
 * The network the inspection panes look at, and the one thread allowed to touch it: a training
 * session's own thread (the work runs between two minibatches, or after the run), or, for a
 * reopened model not trained here, an inspection thread of its own, made on first use.
 */
final class NetworkHost {
  private ExecutorService inspectionThread;
  private Host host;

  /** From now on the network of a training session is inspected, on the session's thread. */
  void useSession(TrainingSession session, CompiledNetwork network, DatasetSplit test) {
    host = new SessionHost(session, network, test);
  }

  /** From now on a reopened network is inspected, on the inspection thread. */
  void useReopened(CompiledNetwork network, DatasetSplit test) {
    host = new ThreadHost(inspectionThread(), network, test);
  }

  /** Runs {@code work} on the network's thread; fails when there is no network yet. */
  <T> CompletableFuture<T> run(BiFunction<CompiledNetwork, DatasetSplit, T> work) {
    Host current = host;
    if (current == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("no network yet"));
    }
    return current.run(work);
  }

  /** Lets the inspection thread end; when the screen goes away. */
  synchronized void dispose() {
    if (inspectionThread != null) {
      inspectionThread.shutdown();
    }
  }

  private synchronized ExecutorService inspectionThread() {
    if (inspectionThread == null) {
      inspectionThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-inspection");
        t.setDaemon(true);
        return t;
      });
    }
    return inspectionThread;
  }

  private interface Host {
    <T> CompletableFuture<T> run(BiFunction<CompiledNetwork, DatasetSplit, T> work);
  }

  private record SessionHost(TrainingSession session, CompiledNetwork network, DatasetSplit test) implements Host {
    @Override
    public <T> CompletableFuture<T> run(BiFunction<CompiledNetwork, DatasetSplit, T> work) {
      CompletableFuture<T> result = new CompletableFuture<>();
      try {
        session.betweenMinibatches(() -> {
          try {
            result.complete(work.apply(network, test));
          } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
          }
          return null;
        });
      } catch (RejectedExecutionException e) {
        result.completeExceptionally(e);
      }
      return result;
    }
  }

  private record ThreadHost(ExecutorService thread, CompiledNetwork network, DatasetSplit test) implements Host {
    @Override
    public <T> CompletableFuture<T> run(BiFunction<CompiledNetwork, DatasetSplit, T> work) {
      return CompletableFuture.supplyAsync(() -> work.apply(network, test), thread);
    }
  }
}
