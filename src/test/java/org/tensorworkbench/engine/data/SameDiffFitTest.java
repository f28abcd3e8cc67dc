package org.tensorworkbench.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.weightinit.impl.ZeroInitScheme;

/**
 * The batch iterator drives {@code SameDiff.fit} the way the trainer uses it: one
 * {@code fit(iterator, 1)} call per epoch. Linear regression on d2l's synthetic data must
 * recover w = [2, -3.4] and b = 4.2 (d2l 3.4 reaches errors of about 1e-3 after 3 epochs).
 */
class SameDiffFitTest {

  @Test
  void linearRegressionOnSyntheticDataRecoversTheTrueWeights() {
    Dataset data = new DatasetRegistry(Path.of("")).load(DatasetRegistry.SYNTHETIC_LINEAR,
        DatasetOptions.defaults().withTestFraction(0));
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 2);   // [N, 2]
    SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 1);   // [N, 1]
    SDVariable w = sd.var("w", new ZeroInitScheme('c'), DataType.FLOAT, 2, 1);
    SDVariable b = sd.var("b", new ZeroInitScheme('c'), DataType.FLOAT, 1);
    SDVariable prediction = x.mmul(w).add(b);                     // [N, 1]
    sd.loss().meanSquaredError("loss", y, prediction, null);
    sd.setTrainingConfig(TrainingConfig.builder().updater(new Sgd(0.03))
        .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
    BatchIterator batches = data.train().iterator(10, true, 7);
    for (int epoch = 0; epoch < 3; epoch++) {
      sd.fit(batches, 1);
    }
    assertEquals(2, batches.epoch(), "each fit call ran one fresh epoch");
    INDArray trained = sd.getVariable("w").getArr();
    assertEquals(2.0, trained.getDouble(0), 0.01);
    assertEquals(-3.4, trained.getDouble(1), 0.01);
    assertEquals(4.2, sd.getVariable("b").getArr().getDouble(0), 0.01);
  }
}
