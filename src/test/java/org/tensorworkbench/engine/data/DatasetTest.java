package org.tensorworkbench.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.tensorworkbench.i18n.Messages;

class DatasetTest {
  private static final DatasetRegistry REGISTRY = new DatasetRegistry(Path.of(""));
  private static Dataset mnist;
  private static IdxData mnistImages;

  @BeforeAll
  static void load() {
    mnist = REGISTRY.load(DatasetRegistry.MNIST, DatasetOptions.defaults());
    mnistImages = IdxReader.read(Path.of("datasets/mnist/train-images-idx3-ubyte.gz"));
  }

  @Test
  void mnistHasItsOfficialSplitsShapesAndFirstLabels() {
    assertEquals(60000, mnist.train().size());
    assertEquals(0, mnist.validation().size());
    assertEquals(10000, mnist.test().size());
    assertArrayEquals(new int[] {1, 28, 28}, mnist.featureShape());
    assertEquals(10, mnist.classCount());
    assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(mnist.train().labels(), 10));
    assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(mnist.test().labels(), 10));
    assertEquals(60000, Arrays.stream(mnist.train().classCounts()).sum());
    assertEquals(Normalization.Kind.DIVIDE, mnist.normalization().kind());
  }

  @Test
  void batchContentsAreTheFileBytesOver255() {
    Batch batch = mnist.train().batch(100, 164);
    assertArrayEquals(new long[] {64, 1, 28, 28}, batch.features().shape());
    assertEquals(DataType.FLOAT, batch.features().dataType());
    assertArrayEquals(new long[] {64, 10}, batch.labels().shape());
    float[] x = batch.features().data().asFloat();
    for (int i = 0; i < 64 * 784; i++) {
      assertEquals((mnistImages.data()[100 * 784 + i] & 0xFF) / 255f, x[i], 1e-7f);
    }
    INDArray oneHot = batch.labels();
    for (int i = 0; i < 64; i++) {
      assertEquals(mnist.train().label(100 + i), batch.classIndices()[i]);
      assertEquals(1f, oneHot.getFloat(i, batch.classIndices()[i]));
      assertEquals(1f, oneHot.getRow(i).sumNumber().floatValue());
    }
    DataSet ds = batch.toDataSet();
    assertEquals(batch.features(), ds.getFeatures());
  }

  @Test
  void recycledArraysCarryTheSameBatchesAsFreshOnes() {
    BatchIterator fresh = mnist.train().iterator(100, true, 5);
    BatchIterator recycling = mnist.train().iterator(100, true, 5);
    INDArray reused = null;
    for (int i = 0; i < 4; i++) {
      DataSet expected = fresh.next();
      DataSet actual = recycling.next();
      assertEquals(expected.getFeatures(), actual.getFeatures());
      assertEquals(expected.getLabels(), actual.getLabels());
      if (i == 0) {
        reused = actual.getFeatures();
      } else {
        assertSame(reused, actual.getFeatures(), "batch " + i + " written into the recycled array");
      }
      recycling.recycle(actual);
    }
    recycling.releaseSpares();
    assertTrue(reused.wasClosed());
  }

  @Test
  void batchesCutAheadReuseTheirFeatureArraysAndCarryTheSameBatches() {
    BatchIterator fresh = mnist.train().iterator(100, true, 5);
    BatchIterator ahead = mnist.train().iterator(100, true, 5);
    Set<float[]> given = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    ahead.augmentWith(new BatchAugmenter() {
      @Override
      public void requireShape(int[] featureShape) {}

      @Override
      public void augment(float[] features, int n, int[] featureShape, Normalization normalization, long seed) {
        synchronized (given) {
          given.add(features);
        }
      }
    });
    for (int i = 0; i < 30; i++) {
      DataSet expected = fresh.next();
      DataSet actual = ahead.next();
      assertEquals(expected.getFeatures(), actual.getFeatures(), "batch " + i);
      assertEquals(expected.getLabels(), actual.getLabels(), "batch " + i);
      ahead.recycle(actual);
    }
    // the batches in flight plus the ones handed back, not one array per batch
    assertTrue(given.size() <= 2 * BatchIterator.LOOKAHEAD + 2, given.size() + " feature arrays for 30 batches");
    ahead.releaseSpares();
  }

  @Test
  void epochsAreShuffledReproduciblyAndDifferently() {
    BatchIterator a = mnist.train().iterator(256, true, 99);
    BatchIterator b = mnist.train().iterator(256, true, 99);
    assertEquals(235, a.batchesPerEpoch());
    int[] epoch0 = a.order();
    assertArrayEquals(epoch0, b.order());
    int served = 0;
    while (a.hasNext()) {
      Batch batch = a.nextBatch();
      served += batch.size();
      if (!a.hasNext()) {
        assertEquals(60000 - 234 * 256, batch.size());
      }
    }
    assertEquals(60000, served);
    a.reset();
    assertEquals(1, a.epoch());
    a.reset(); // no batch since the last reset: still epoch 1
    assertEquals(1, a.epoch());
    int[] epoch1 = a.order();
    assertFalse(Arrays.equals(epoch0, epoch1));
    int[] sorted = epoch1.clone();
    Arrays.sort(sorted);
    assertArrayEquals(EpochOrder.identity(60000), sorted);
    b.startEpoch(1);
    assertArrayEquals(epoch1, b.order());
    Batch first = b.nextBatch();
    assertArrayEquals(Arrays.copyOf(epoch1, 256), first.sampleIndices());
    BatchIterator plain = mnist.train().iterator(10, false, 0);
    assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, plain.nextBatch().classIndices());
  }

  @Test
  void validationSplitIsSeededDisjointAndComplete() {
    DatasetOptions options = DatasetOptions.defaults().withLimit(1000).withValidationFraction(0.2).withSeed(5);
    Dataset a = REGISTRY.load(DatasetRegistry.MNIST, options);
    Dataset b = REGISTRY.load(DatasetRegistry.MNIST, options);
    Dataset c = REGISTRY.load(DatasetRegistry.MNIST, options.withSeed(6));
    assertEquals(800, a.train().size());
    assertEquals(200, a.validation().size());
    assertArrayEquals(a.validation().labels(), b.validation().labels());
    assertArrayEquals(a.validation().features(3), b.validation().features(3));
    assertFalse(Arrays.equals(a.validation().labels(), c.validation().labels()));
    Set<String> seen = new HashSet<>();
    for (DatasetSplit split : List.of(a.train(), a.validation())) {
      for (int i = 0; i < split.size(); i++) {
        seen.add(Arrays.toString(split.features(i)) + split.label(i));
      }
    }
    Set<String> firstThousand = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      firstThousand.add(Arrays.toString(mnist.train().features(i)) + mnist.train().label(i));
    }
    assertEquals(firstThousand, seen);
  }

  @Test
  void limitKeepsTheFirstSamples() {
    Dataset small = REGISTRY.load(DatasetRegistry.FASHION_MNIST, DatasetOptions.defaults().withLimit(500).withTestLimit(100));
    assertEquals(500, small.train().size());
    assertEquals(100, small.test().size());
    assertEquals("Ankle boot", small.classNames(Locale.ENGLISH).get(9));
    assertEquals("短靴", small.classNames(Locale.SIMPLIFIED_CHINESE).get(9));
  }

  @Test
  void imageStandardizationIsStatedAndReversible() {
    Dataset data = REGISTRY.load(DatasetRegistry.MNIST,
        DatasetOptions.defaults().withLimit(2000).withScaling(DatasetOptions.Scaling.STANDARDIZE));
    Normalization n = data.normalization();
    assertEquals(Normalization.Kind.STANDARDIZE, n.kind());
    assertEquals(0.13, n.mean()[0], 0.01); // MNIST's well-known mean 0.1307, std 0.3081
    assertEquals(0.31, n.std()[0], 0.01);
    float[] all = data.train().batch(0, 2000).features().data().asFloat();
    double sum = 0;
    double sumSq = 0;
    for (float v : all) {
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / all.length;
    assertEquals(0, mean, 1e-4);
    assertEquals(1, Math.sqrt(sumSq / all.length - mean * mean), 1e-3);
    float[] row = data.train().features(7);
    n.invertInPlace(row);
    for (int j = 0; j < row.length; j++) {
      assertEquals(data.train().rawFeature(7, j), row[j], 1e-3f);
    }
    assertTrue(n.describe().contains("0.13"), n.describe());
  }

  @Test
  void housingIsStandardizedRegressionWithTwelveFeatures() {
    Dataset housing = REGISTRY.load(DatasetRegistry.HOUSING, DatasetOptions.defaults());
    assertEquals(Task.REGRESSION, housing.task());
    assertArrayEquals(new int[] {12}, housing.featureShape());
    assertEquals("MEDV", housing.targetName());
    assertEquals(405, housing.train().size());
    assertEquals(101, housing.test().size());
    Batch batch = housing.train().batch(0, housing.train().size());
    assertArrayEquals(new long[] {405, 12}, batch.features().shape());
    assertArrayEquals(new long[] {405, 1}, batch.labels().shape());
    assertEquals(0, batch.classIndices().length);
    INDArray mean = batch.features().mean(0);
    INDArray std = batch.features().std(true, 0);
    for (int j = 0; j < 12; j++) {
      assertEquals(0, mean.getDouble(j), 1e-5);
      assertEquals(1, std.getDouble(j), 1e-4);
    }
    float[] raw = new float[12];
    for (int j = 0; j < 12; j++) {
      raw[j] = housing.train().rawFeature(0, j);
    }
    float[] x = housing.train().features(0);
    housing.normalization().invertInPlace(x);
    assertArrayEquals(raw, x, 1e-3f);
    assertEquals(housing.train().target(0), batch.labels().getFloat(0, 0));
  }

  @Test
  void generatedSetsFollowTheirOptions() {
    Dataset linear = REGISTRY.load(DatasetRegistry.SYNTHETIC_LINEAR, DatasetOptions.defaults().withTestFraction(0));
    assertEquals(1000, linear.train().size());
    assertEquals(0, linear.test().size());
    assertEquals(Normalization.Kind.NONE, linear.normalization().kind());
    Dataset spiral = REGISTRY.load(DatasetRegistry.SPIRAL, DatasetOptions.defaults().withClasses(5).withSamples(500));
    assertEquals(5, spiral.classCount());
    assertEquals(400, spiral.train().size());
    assertEquals(100, spiral.test().size());
    Dataset poly = REGISTRY.load(DatasetRegistry.POLYNOMIAL, DatasetOptions.defaults().withDegree(19));
    assertArrayEquals(new int[] {20}, poly.featureShape());
    assertEquals(100, poly.train().size());
    Dataset again = REGISTRY.load(DatasetRegistry.POLYNOMIAL, DatasetOptions.defaults().withDegree(19));
    assertArrayEquals(poly.train().targets(), again.train().targets());
    Dataset xor = REGISTRY.load(DatasetRegistry.XOR, DatasetOptions.defaults().withClasses(4));
    assertEquals(2, xor.classCount());
  }

  @Test
  void unknownNamesAndMissingDownloadsAreExplained() {
    DatasetException unknown = assertThrows(DatasetException.class, () -> REGISTRY.load("imagenet", DatasetOptions.defaults()));
    assertTrue(unknown.getMessage().contains("fashion-mnist"), unknown.getMessage());
    DatasetException missing = assertThrows(DatasetException.class,
        () -> REGISTRY.load(DatasetRegistry.CIFAR_10, DatasetOptions.defaults()));
    assertEquals("data.error.notDownloaded", missing.key());
    assertNotEquals(missing.getMessage(), Messages.get(Locale.SIMPLIFIED_CHINESE, missing.key(), missing.args()));
  }

  @Test
  void previewCarriesPrimitiveSamplesAndText() {
    DatasetPreview p = mnist.preview(16, 0, 0);
    assertTrue(p.isImages());
    assertEquals(16, p.sampleCount());
    assertEquals(16 * 784, p.samplePixels().length);
    assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(p.sampleLabels(), 10));
    assertEquals((mnistImages.data()[300] & 0xFF) / 255f, p.samplePixels()[300], 1e-7f);
    DatasetPreview housing = REGISTRY.load(DatasetRegistry.HOUSING, DatasetOptions.defaults()).preview(0, 20, 500);
    assertEquals(13, housing.columns().size());
    assertEquals(20, housing.tableRows());
    assertEquals("RM", housing.scatterXName());
    assertEquals("MEDV", housing.scatterYName());
  }
}
