package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.spec.OutputSpec;

class EvaluationAccumulatorTest {

  private static INDArray floats(float[][] rows) {
    return Nd4j.createFromArray(rows);
  }

  @Test
  void crossEntropyAndConfusionOfAHandMadeCase() {
    // actual classes 0, 1, 2, 2; predicted (arg max) 0, 1, 0, 2
    INDArray logits = floats(new float[][] {{2, 1, 0}, {0, 3, 0}, {1, 0, 0}, {0, 0, 5}});
    INDArray labels = floats(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
    EvaluationAccumulator acc = new EvaluationAccumulator(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY);
    // per example log(sum exp z) - z_y: 0.407606, 0.094923, 1.551445, 0.013386
    double batchLoss = acc.add(logits, labels);
    assertEquals((0.40760596 + 0.09492296 + 1.55144471 + 0.01338590) / 4, batchLoss, 1e-6);
    ClassificationEvaluation e = assertInstanceOf(ClassificationEvaluation.class, acc.result());
    assertArrayEquals(new long[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 1}}, e.confusion());
    assertEquals(0.75, e.accuracy(), 0);
    assertArrayEquals(new double[] {1, 1, 0.5}, e.perClassAccuracy(), 0);
    assertEquals(4, e.count());
    assertEquals(batchLoss, e.loss(), 1e-12);
  }

  @Test
  void accumulatesOverBatchesAndResets() {
    EvaluationAccumulator acc = new EvaluationAccumulator(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY);
    acc.add(floats(new float[][] {{2, 1, 0}}), floats(new float[][] {{1, 0, 0}}));
    acc.add(floats(new float[][] {{1, 0, 0}, {0, 0, 5}}), floats(new float[][] {{0, 0, 1}, {0, 0, 1}}));
    assertEquals(3, acc.count());
    assertEquals((0.40760596 + 1.55144471 + 0.01338590) / 3, acc.meanLoss(), 1e-6);
    assertEquals(2.0 / 3, acc.accuracy(), 1e-12);
    acc.reset();
    assertEquals(0, acc.count());
    assertTrue(Double.isNaN(acc.meanLoss()));
  }

  @Test
  void hugeLogitsDoNotOverflow() {
    EvaluationAccumulator acc = new EvaluationAccumulator(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY);
    double loss = acc.add(floats(new float[][] {{1000, 0}, {0, 1000}}), floats(new float[][] {{1, 0}, {1, 0}}));
    // first example certain and right (loss 0), second certain and wrong (loss 1000)
    assertEquals(500, loss, 1e-9);
  }

  @Test
  void squaredErrorAveragesOverOutputsAndExamples() {
    EvaluationAccumulator acc = new EvaluationAccumulator(OutputSpec.Loss.MSE);
    acc.add(floats(new float[][] {{1}, {2}, {3}}), floats(new float[][] {{1}, {0}, {0}}));
    RegressionEvaluation e = assertInstanceOf(RegressionEvaluation.class, acc.result());
    assertEquals(13.0 / 3, e.mse(), 1e-12); // (0 + 4 + 9) / 3
    assertEquals(Math.sqrt(13.0 / 3), e.rmse(), 1e-12);
    assertTrue(Double.isNaN(e.accuracy()));

    EvaluationAccumulator two = new EvaluationAccumulator(OutputSpec.Loss.MSE);
    two.add(floats(new float[][] {{1, 3}}), floats(new float[][] {{0, 0}}));
    assertEquals(5, two.meanLoss(), 1e-12); // (1 + 9) / 2
  }

  @Test
  void readsViewsOfLargerArrays() {
    INDArray all = floats(new float[][] {{9, 9, 9}, {2, 1, 0}, {0, 3, 0}});
    INDArray labels = floats(new float[][] {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}});
    EvaluationAccumulator acc = new EvaluationAccumulator(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY);
    acc.add(all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3)),
        labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3)));
    assertEquals((0.40760596 + 0.09492296) / 2, acc.meanLoss(), 1e-6);
  }

  @Test
  void perClassAccuracyIsNaNForAnAbsentClass() {
    ClassificationEvaluation e = new ClassificationEvaluation(0.1, new long[][] {{3, 1}, {0, 0}});
    assertEquals(0.75, e.perClassAccuracy()[0], 0);
    assertTrue(Double.isNaN(e.perClassAccuracy()[1]));
    assertEquals(0.75, e.accuracy(), 0);
  }
}
