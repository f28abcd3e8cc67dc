package org.tensorworkbench.engine.data;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 *
 * <p>With a {@link BatchAugmenter} ({@link #augmentWith}) the next {@value #LOOKAHEAD} batches of
 * the epoch are cut and augmented ahead on a producer thread while the trainer works on the
 * current one. Batch {@code k} of epoch {@code e} is augmented with a seed made of the
 * iterator's seed, {@code e} and {@code k} only, so the batches are the same whatever the timing.
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
  static final int LOOKAHEAD = 3;
  private static final AtomicInteger PRODUCERS = new AtomicInteger();
  private transient BatchAugmenter augmenter;
  private transient ThreadPoolExecutor producer;
  private final transient ArrayDeque<Future<float[]>> ahead = new ArrayDeque<>();
  private int submitted;
  private int preparedEpoch = -1;
  /** Handed-back arrays by batch size (full batches, the shorter last one), and scratch rows for them. */
  private final transient Map<Integer, Batch> spares = new HashMap<>();
  private transient float[] featureScratch = new float[0];
  private transient float[] labelScratch = new float[0];
  /**
   * Feature arrays of served batches, for the producer to cut the next ones into. A Fashion-MNIST
   * batch of 256 is 0.8 MB: a new array per batch was three quarters of a LeNet run's Java
   * allocation (JFR allocation samples), and so of its young collections. With them reused, an
   * epoch allocates its few arrays once.
   */
  private final transient ConcurrentLinkedQueue<float[]> freeFeatures = new ConcurrentLinkedQueue<>();

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
    if (augmenter != null && e == epoch && e == preparedEpoch && position == 0) {
      servedSinceReset = false;
      return;
    }
    epoch = e;
    order = shuffle ? EpochOrder.shuffled(split.size(), seed, e) : EpochOrder.identity(split.size());
    position = 0;
    servedSinceReset = false;
    if (augmenter != null) {
      ahead.forEach(f -> f.cancel(false));
      ahead.clear();
      submitted = 0;
      preparedEpoch = e;
      fillAhead();
    }
  }

  /**
   * Augments every batch this iterator hands out from now on (the current epoch restarts), on a
   * producer thread that ends by itself when idle. Only for training: evaluation reads splits
   * directly and is never augmented.
   */
  public void augmentWith(BatchAugmenter value) {
    value.requireShape(split.featureShape());
    augmenter = value;
    if (producer == null) {
      producer = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "augment-" + PRODUCERS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      producer.allowCoreThreadTimeOut(true);
    }
    preparedEpoch = -1;
    startEpoch(epoch);
  }

  private void fillAhead() {
    int[] shape = split.featureShape();
    while (ahead.size() < LOOKAHEAD && submitted < order.length) {
      int end = Math.min(submitted + batchSize, order.length);
      int[] rows = Arrays.copyOfRange(order, submitted, end);
      long batchSeed = batchSeed(seed, epoch, submitted / batchSize);
      BatchAugmenter a = augmenter;
      ahead.add(producer.submit(() -> {
        float[] x = featureArray(rows.length * split.featureSize()); // [B, C, H, W]
        split.normalizeInto(rows, x);
        a.augment(x, rows.length, shape, split.normalization(), batchSeed);
        return x;
      }));
      submitted = end;
    }
  }

  /** A handed-back feature array of {@code length} values, or a new one; called on the producer thread. */
  private float[] featureArray(int length) {
    float[] x = freeFeatures.poll();
    return x != null && x.length == length ? x : new float[length];
  }

  /** The augmentation seed of batch {@code k} of epoch {@code e}. */
  static long batchSeed(long seed, int e, int k) {
    return seed * 0x9E3779B97F4A7C15L + e * 0xBF58476D1CE4E5B9L + k * 0x94D049BB133111EBL + 1;
  }

  private float[] augmented() {
    Future<float[]> next = ahead.poll();
    fillAhead();
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while augmenting a batch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
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
    int[] rows = Arrays.copyOfRange(order, position, end);
    position = end;
    servedSinceReset = true;
    float[] x = augmenter == null ? null : augmented();
    Batch spare = spares.remove(rows.length);
    if (spare == null) {
      if (x == null) {
        return split.batch(rows);
      }
      Batch batch = split.batch(rows, x); // copies x into the batch's own array
      handBack(x);
      return batch;
    }
    if (featureScratch.length != rows.length * split.featureSize()) {
      featureScratch = new float[rows.length * split.featureSize()];
      labelScratch = new float[rows.length * split.labelWidth()];
    }
    if (x == null) {
      split.normalizeInto(rows, featureScratch);
      return split.batchInto(rows, featureScratch, spare.features(), spare.labels(), labelScratch);
    }
    Batch batch = split.batchInto(rows, x, spare.features(), spare.labels(), labelScratch);
    handBack(x);
    return batch;
  }

  /** Keeps a cut batch's features, copied into its native array, for the producer's next batches. */
  private void handBack(float[] x) {
    if (freeFeatures.size() <= LOOKAHEAD) {
      freeFeatures.offer(x);
    }
  }

  /**
   * Hands back the arrays of a batch this iterator served, once nothing reads them any more: the
   * next batch with as many samples is written into them instead of new arrays, so an epoch
   * allocates its two batch shapes once. The caller must not use {@code used} afterwards.
   */
  public void recycle(DataSet used) {
    INDArray features = used.getFeatures();
    INDArray labels = used.getLabels();
    int rows = (int) features.size(0);
    Batch batch = new Batch(features, labels, new int[0], new int[rows]);
    if (!reusable(features, split.featureShape(rows)) || !reusable(labels, rows, split.labelWidth())) {
      close(batch); // not as served (e.g. replaced by a preprocessor): freed as before
      return;
    }
    Batch old = spares.put(rows, batch);
    if (old != null && old.features() != features) {
      close(old);
    }
  }

  private static boolean reusable(INDArray array, long... shape) {
    return array != null && !array.wasClosed() && array.dataType() == DataType.FLOAT && array.ordering() == 'c'
        && !array.isView() && array.offset() == 0 && Arrays.equals(array.shape(), shape);
  }

  /** Frees the arrays kept by {@link #recycle}; the iterator stays usable. */
  public void releaseSpares() {
    spares.values().forEach(BatchIterator::close);
    spares.clear();
    featureScratch = new float[0];
    labelScratch = new float[0];
    freeFeatures.clear();
  }

  private static void close(Batch batch) {
    for (INDArray array : new INDArray[] {batch.features(), batch.labels()}) {
      if (array != null && array.closeable()) {
        array.close();
      }
    }
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
