package org.tensorworkbench.engine.train;

import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.tensorworkbench.engine.data.BatchIterator;

/**
 * The training thread's minibatch iterator, with the controls SameDiff lacks: pause, step and
 * stop between two minibatches.
 *
 * <p>In ND4J 1.0.0-M2.1 a listener's STOP only takes effect at the end of an epoch, so the
 * session calls {@code fit(gate, 1)} once per epoch and this iterator decides what {@code fit}
 * sees: {@link #hasNext()} blocks while paused and answers false once stopped. An epoch always
 * gets at least one batch, because {@code fit} on an iterator without batches throws. It also
 * hands the previous minibatch's arrays back to the iterator when handing out the next, which
 * writes the next minibatch into them ({@link BatchIterator#recycle}): no native memory is
 * allocated or left to the garbage collector per minibatch.
 *
 * <p>The control methods may be called from any thread; the iterator methods only from the
 * training thread.
 */
final class BatchGate implements DataSetIterator {
  private static final long serialVersionUID = 1L;

  /** Told on the training thread when it starts and stops waiting. */
  interface PauseObserver {
    void paused();

    void resumed();

    /** Work was handed in with {@link #wake} while paused: do it now, on the training thread. */
    default void wokenWhilePaused() {}
  }

  private final transient BatchIterator batches;
  private final transient PauseObserver observer;
  private boolean paused;
  private int steps;
  private boolean stopRequested;
  private boolean aborted;
  private boolean servedThisEpoch;
  private boolean woken;
  private long pausedNanos;
  private long batchStartNanos;
  private transient DataSet previous;

  BatchGate(BatchIterator batches, boolean startPaused, PauseObserver observer) {
    this.batches = batches;
    this.paused = startPaused;
    this.observer = observer;
  }

  /** Rewinds to epoch {@code epoch} (0-based) with that epoch's seeded order. */
  void startEpoch(int epoch) {
    batches.startEpoch(epoch);
    synchronized (this) {
      servedThisEpoch = false;
    }
  }

  synchronized void pause() {
    paused = true;
    steps = 0;
  }

  synchronized void resume() {
    paused = false;
    notifyAll();
  }

  /** Lets exactly one more minibatch through, then stays paused. */
  synchronized void step() {
    paused = true;
    steps++;
    notifyAll();
  }

  /** Ends the run after the minibatch in progress (or after the first of an epoch just started). */
  synchronized void stop() {
    stopRequested = true;
    notifyAll();
  }

  /** Lets a paused training thread run {@link PauseObserver#wokenWhilePaused} and wait again. */
  synchronized void wake() {
    woken = true;
    notifyAll();
  }

  /** Ends the epoch at once, e.g. after a NaN loss: no further minibatch. */
  synchronized void abort() {
    aborted = true;
    stopRequested = true;
    notifyAll();
  }

  synchronized boolean stopRequested() {
    return stopRequested;
  }

  synchronized boolean isPaused() {
    return paused;
  }

  /** Nanoseconds the training thread has spent waiting while paused, in total. */
  synchronized long pausedNanos() {
    return pausedNanos;
  }

  /** When the current minibatch was released (System.nanoTime), for its throughput. */
  synchronized long batchStartNanos() {
    return batchStartNanos;
  }

  @Override
  public boolean hasNext() {
    if (!batches.hasNext()) {
      return false;
    }
    boolean waited = false;
    synchronized (this) {
      long waitStart = System.nanoTime();
      while (paused && steps == 0 && !stopRequested) {
        if (!waited) {
          waited = true;
          observer.paused();
        }
        if (woken) {
          woken = false;
          observer.wokenWhilePaused();
          continue;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopRequested = true;
        }
      }
      long now = System.nanoTime();
      pausedNanos += now - waitStart;
      batchStartNanos = now;
      if (aborted || (stopRequested && servedThisEpoch)) {
        return false;
      }
    }
    if (waited && !isPaused()) {
      observer.resumed();
    }
    return true;
  }

  @Override
  public DataSet next() {
    synchronized (this) {
      if (paused && steps > 0) {
        steps--;
      }
      servedThisEpoch = true;
    }
    closePrevious();
    previous = batches.next();
    return previous;
  }

  /** Hands the last minibatch's arrays back to the iterator: nothing reads them any more. */
  void closePrevious() {
    if (previous != null) {
      batches.recycle(previous);
      previous = null;
    }
  }

  /** Frees the native memory of every minibatch array, at the end of the run. */
  void release() {
    closePrevious();
    batches.releaseSpares();
  }

  @Override
  public DataSet next(int num) {
    throw new UnsupportedOperationException("minibatches have the fixed size " + batches.batch());
  }

  @Override
  public int inputColumns() {
    return batches.inputColumns();
  }

  @Override
  public int totalOutcomes() {
    return batches.totalOutcomes();
  }

  @Override
  public boolean resetSupported() {
    return true;
  }

  @Override
  public boolean asyncSupported() {
    return false;
  }

  @Override
  public void reset() {
    batches.reset();
  }

  @Override
  public int batch() {
    return batches.batch();
  }

  @Override
  public void setPreProcessor(DataSetPreProcessor preProcessor) {
    throw new UnsupportedOperationException("normalization belongs to the dataset");
  }

  @Override
  public DataSetPreProcessor getPreProcessor() {
    return null;
  }

  @Override
  public List<String> getLabels() {
    return batches.getLabels();
  }
}
