package org.tensorworkbench.engine.lab.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.lab.tensor.Nd4jTensors;
import org.tensorworkbench.engine.lab.tensor.TensorValues;

class LayerNormLabTest {

  @Test
  void normalizesEachSampleByHand() {
    // sample 0: 1, 2, 3, 4 -> mean 2.5, variance 1.25; sample 1: 10, 10, 10, 14 -> mean 11, variance 3
    TensorValues x = TensorValues.of(new int[] {2, 4}, 1, 2, 3, 4, 10, 10, 10, 14);
    // libnd4j's layer_norm standardizes without an epsilon: compare at eps = 0 (they differed by 1e-7 at 1e-5)
    LayerNormSteps s = LayerNormLab.forward(x, 0);
    assertArrayEquals(new double[] {2.5, 11}, s.mean(), 1e-12);
    assertArrayEquals(new double[] {1.25, 3}, s.variance(), 1e-12);
    double a = Math.sqrt(1.25);
    double b = Math.sqrt(3);
    assertArrayEquals(new double[] {-1.5 / a, -0.5 / a, 0.5 / a, 1.5 / a, -1 / b, -1 / b, -1 / b, 3 / b},
        s.output().values(), 1e-12);
  }

  @Test
  void matchesSameDiffLayerNormOnImages() {
    TensorValues x = ActivationInputs.normal(new int[] {3, 2, 2, 3}, new double[] {4, -1}, new double[] {2, 1}, 3);
    // libnd4j's layer_norm standardizes without an epsilon: compare at eps = 0 (they differed by 1e-7 at 1e-5)
    LayerNormSteps s = LayerNormLab.forward(x, 0);
    SameDiff sd = SameDiff.create();
    SDVariable in = sd.placeHolder("x", DataType.DOUBLE, -1, 2, 2, 3);
    // libnd4j's layer_norm scales by a gain per channel (here 1): the plain normalization
    SDVariable gain = sd.constant("gain", Nd4j.ones(DataType.DOUBLE, 2));
    sd.nn.layerNorm("y", in, gain, true, 1, 2, 3);
    Map<String, INDArray> out = sd.output(Map.of("x", Nd4jTensors.toNd4j(x)), "y");
    assertArrayEquals(Nd4jTensors.toValues(out.get("y")).values(), s.output().values(), 1e-9);
  }

  @Test
  void batchNormGroupsByChannelAndLayerNormBySample() {
    int[] shape = {2, 3, 2, 2};
    int flat = TensorValues.flatIndex(shape, new int[] {1, 2, 0, 1});
    assertEquals(2, NormKind.BATCH.groupOf(shape, flat));
    assertEquals(1, NormKind.LAYER.groupOf(shape, flat));
    assertEquals(3, NormKind.BATCH.groupCount(shape));
    assertEquals(8, NormKind.BATCH.groupSize(shape));
    assertEquals(12, NormKind.LAYER.groupSize(shape));
  }
}
