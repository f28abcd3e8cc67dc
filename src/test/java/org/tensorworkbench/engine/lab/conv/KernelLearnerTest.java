package org.tensorworkbench.engine.lab.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelLearnerTest {

  @Test
  void learnsD2lsEdgeDetectorFromTheBoundaryImage() {
    List<LearningStep> trace = KernelLearner.learn(SyntheticImage.BOUNDARY.create(),
        KernelPreset.EDGE_D2L.build(2, 1), 0.03, 30, 1);
    assertEquals(30, trace.size());
    LearningStep last = trace.get(trace.size() - 1);
    assertTrue(last.loss() < trace.get(0).loss() / 100, "loss falls: " + trace.get(0).loss() + " -> " + last.loss());
    assertEquals(1.0, last.kernel()[0], 0.05);
    assertEquals(-1.0, last.kernel()[1], 0.05);
  }

  @Test
  void firstLossIsTheSquaredErrorOfTheRandomStart() {
    ImagePlanes x = SyntheticImage.BOUNDARY.create();
    Kernel2d target = KernelPreset.EDGE_D2L.build(2, 1);
    Random random = new Random(9);
    float[] start = {random.nextFloat() * 2 - 1, random.nextFloat() * 2 - 1};
    FeatureMaps want = KernelLearner.target(x, target);
    FeatureMaps got = KernelLearner.target(x, new Kernel2d(1, 2, start));
    double loss = 0;
    for (int i = 0; i < want.data().length; i++) {
      double d = got.data()[i] - want.data()[i];
      loss += d * d;
    }
    assertEquals(loss, KernelLearner.learn(x, target, 0.03, 1, 9).get(0).loss(), 1e-4);
  }

  @Test
  void learnsASobelKernelFromARandomImage() {
    ImagePlanes x = KernelLearner.noiseImage(16, 5);
    Kernel2d sobel = KernelPreset.SOBEL_X.build(3, 1);
    List<LearningStep> trace = KernelLearner.learn(x, sobel, 0.002, 300, 2);
    float[] k = trace.get(trace.size() - 1).kernel();
    for (int i = 0; i < 9; i++) {
      assertEquals(sobel.weights()[i], k[i], 0.05, "weight " + i);
    }
  }
}
