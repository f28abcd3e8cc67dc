package org.tensorworkbench.engine.lab.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.train.Optimizer;

class PlaygroundSessionTest {

  @Test
  void everyOptimizerLearnsXor() {
    PlaneData data = PlaneData.generate(new DataSettings(PlaygroundDataset.XOR, 2, 0.01, 300, 0.3, 2));
    NetworkSettings network = new NetworkSettings(List.of(8), Activation.TANH, List.of(InputFeature.X1, InputFeature.X2));
    for (Optimizer optimizer : Optimizer.values()) {
      double lr = switch (optimizer) {
        case SGD -> 0.5;
        case MOMENTUM -> 0.05;
        default -> 0.02;
      };
      PlaygroundSession session = new PlaygroundSession(data, network, new TrainSettings(optimizer, lr, 16, 1e-4, 0), 1);
      double start = session.metrics().trainLoss();
      for (int i = 0; i < 600 && session.metrics().trainAccuracy() < 0.97; i++) {
        for (int s = 0; s < 10; s++) {
          session.step();
        }
      }
      TrainingMetrics m = session.metrics();
      assertTrue(m.trainAccuracy() >= 0.97, optimizer + ": " + m);
      assertTrue(m.testAccuracy() >= 0.85, optimizer + ": " + m);
      assertTrue(m.trainLoss() < start, optimizer + ": " + m);
    }
  }

  @Test
  void adamReachesNinetyFivePercentOnXorTestPoints() {
    PlaneData data = PlaneData.generate(new DataSettings(PlaygroundDataset.XOR, 2, 0.01, 400, 0.25, 3));
    PlaygroundSession session = new PlaygroundSession(data, NetworkSettings.defaults(), TrainSettings.defaults(), 1);
    for (int i = 0; i < 300 && session.metrics().testAccuracy() < 0.95; i++) {
      for (int s = 0; s < 10; s++) {
        session.step();
      }
    }
    assertTrue(session.metrics().testAccuracy() >= 0.95, session.metrics().toString());
  }

  @Test
  void badInputIsRefusedWithItsKey() {
    assertEquals("playground.error.layerCount", assertThrows(PlaygroundException.class,
        () -> NetworkSettings.of(List.of(), Activation.RELU, List.of(InputFeature.X1))).key());
    assertEquals("playground.error.neurons", assertThrows(PlaygroundException.class,
        () -> NetworkSettings.of(List.of(4, 0), Activation.RELU, List.of(InputFeature.X1))).key());
    assertEquals("playground.error.neurons", assertThrows(PlaygroundException.class,
        () -> NetworkSettings.of(List.of(17), Activation.RELU, List.of(InputFeature.X1))).key());
    assertEquals("playground.error.layerCount", assertThrows(PlaygroundException.class,
        () -> NetworkSettings.of(List.of(1, 1, 1, 1, 1, 1, 1), Activation.RELU, List.of(InputFeature.X1))).key());
    assertEquals("playground.error.noFeatures", assertThrows(PlaygroundException.class,
        () -> NetworkSettings.of(List.of(2), Activation.RELU, List.of())).key());
    assertEquals("playground.error.moreClassesThanPoints", assertThrows(PlaygroundException.class,
        () -> new DataSettings(PlaygroundDataset.SPIRAL, 5, 0.1, 10, 0.9, 1)).key());
    assertEquals("playground.error.classes", assertThrows(PlaygroundException.class,
        () -> new DataSettings(PlaygroundDataset.XOR, 3, 0.1, 100, 0.2, 1)).key());
    assertEquals("playground.error.batchTooLarge", assertThrows(PlaygroundException.class,
        () -> new PlaygroundSession(PlaneData.generate(new DataSettings(PlaygroundDataset.XOR, 2, 0.1, 20, 0.5, 1)),
            NetworkSettings.defaults(), TrainSettings.defaults(), 1)).key());
  }

  @Test
  void designHasTheStacksShapes() {
    NetworkSettings network = new NetworkSettings(List.of(8, 8), Activation.GELU,
        List.of(InputFeature.X1, InputFeature.X2, InputFeature.X1_SQUARED));
    NetworkSpec spec = PlaygroundNetwork.spec(network, 3, 0.1);
    var inferred = ShapeInference.infer(spec, 4);
    assertTrue(inferred.isComplete(), inferred.errors().toString());
    assertEquals(3 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3, inferred.parameterCount());
  }
}
