package org.tensorworkbench.engine.data;

import java.util.List;
import java.util.NoSuchElementException;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Mini-batches of a {@link DatasetSplit}, one epoch at a time, as ND4J {@link DataSet}s (for
 * {@code SameDiff.fit(iterator, 1)}) or as {@link Batch}es ({@link #nextBatch()}).
 *
 * <p>With shuffling, epoch {@code e} visits the samples in {@link EpochOrder#shuffled}{@code (n,
 * seed, e)}: reproducible, and different every epoch. {@link #reset()} starts the next epoch if
 * the current one has served any batch (SameDiff resets an exhausted iterator before an epoch and
 * may reset again after it; a reset without batches in between does not skip an epoch).
 * {@link #startEpoch(int)} jumps to a given epoch, e.g. when resuming a run. The last batch of
 * an epoch may be smaller than {@link #batch()}. Not thread-safe: one training thread owns it.
 */
public final class BatchIterator implements DataSetIterator {
  private static final long serialVersionUID = 1L;

  private final transient DatasetSplit split;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final List<String> labelNames;
  private transient DataSetPreProcessor preProcessor;
  private int epoch;
  private int[] order;
  private int position;
  private boolean servedSinceReset;

  BatchIterator(DatasetSplit split, int batchSize, boolean shuffle, long seed, List<String> labelNames) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive: " + batchSize);
    }
    this.split = split;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    this.labelNames = List.copyOf(labelNames);
    startEpoch(0);
  }

  /** Rewinds to the start of epoch {@code e} (0-based) with that epoch's order. */
  public void startEpoch(int e) {
    epoch = e;
    order = shuffle ? EpochOrder.shuffled(split.size(), seed, e) : EpochOrder.identity(split.size());
    position = 0;
    servedSinceReset = false;
  }

  /** The epoch being served (0-based). */
  public int epoch() {
    return epoch;
  }

  /** The number of batches in one epoch: {@code ceil(n / batchSize)}. */
  public int batchesPerEpoch() {
    return (split.size() + batchSize - 1) / batchSize;
  }

  /** The sample order of the current epoch (a copy). */
  public int[] order() {
    return order.clone();
  }

  @Override
  public boolean hasNext() {
    return position < order.length;
  }

  /** The next batch of the current epoch. */
  public Batch nextBatch() {
    if (!hasNext()) {
      throw new NoSuchElementException("epoch " + epoch + " is finished; call reset()");
    }
    int end = Math.min(position + batchSize, order.length);
    int[] rows = java.util.Arrays.copyOfRange(order, position, end);
    position = end;
    servedSinceReset = true;
    return split.batch(rows);
  }

  @Override
  public DataSet next() {
    DataSet data = nextBatch().toDataSet();
    if (preProcessor != null) {
      preProcessor.preProcess(data);
    }
    return data;
  }

  @Override
  public DataSet next(int num) {
    throw new UnsupportedOperationException("batches have the fixed size " + batchSize);
  }

  @Override
  public int inputColumns() {
    return split.featureSize();
  }

  @Override
  public int totalOutcomes() {
    return split.task() == Task.CLASSIFICATION ? split.classCount() : 1;
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
    if (servedSinceReset) {
      startEpoch(epoch + 1);
    } else {
      position = 0;
    }
  }

  @Override
  public int batch() {
    return batchSize;
  }

  @Override
  public void setPreProcessor(DataSetPreProcessor preProcessor) {
    this.preProcessor = preProcessor;
  }

  @Override
  public DataSetPreProcessor getPreProcessor() {
    return preProcessor;
  }

  @Override
  public List<String> getLabels() {
    return labelNames;
  }
}
