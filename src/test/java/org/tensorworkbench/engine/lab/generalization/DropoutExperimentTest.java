package org.tensorworkbench.engine.lab.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.lab.generalization.DropoutExperiment.Settings;
import org.tensorworkbench.engine.lab.generalization.DropoutExperiment.Variant;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingSession;
import org.tensorworkbench.workspace.ProjectHome;

/** With and without dropout on a tiny Fashion-MNIST subset, through the real training sessions. */
class DropoutExperimentTest {

  @Test
  void bothRunsTrainOnTheSameDataFromTheSameWeightsAndGiveCurves() throws Exception {
    Settings s = new Settings(1024, 200, 3, 32, 0.5, 0.2, 0.5, 7);
    DropoutExperiment e = DropoutExperiment.prepare(ProjectHome.find(), s);
    String w = GraphNames.weights("dense2");
    assertTrue(e.network(Variant.WITHOUT).sameDiff().getArrForVarName(w)
        .equals(e.network(Variant.WITH).sameDiff().getArrForVarName(w)), "same initial weights");
    List<TrainingEvent.Epoch> without = new ArrayList<>();
    List<TrainingEvent.Epoch> with = new ArrayList<>();
    TrainingSession a = e.start(Variant.WITHOUT, ev -> collect(ev, without));
    TrainingSession b = e.start(Variant.WITH, ev -> collect(ev, with));
    assertTrue(a.awaitEnd(2, TimeUnit.MINUTES) && b.awaitEnd(2, TimeUnit.MINUTES));
    assertEquals(3, without.size());
    assertEquals(3, with.size());
    // d2l's small N(0, 0.01²) weights start slowly: after 96 steps the loss is clearly below
    // ln 10 = 2.303 (guessing) and the test accuracy clearly above 0.1 (chance). Observed: train
    // loss 1.72 and 1.54-1.68, test accuracy 0.325 and 0.405-0.53 (the dropout mask is not seeded
    // in ND4J M2.1); after 64 steps the dropout run was still at 0.205-0.455, too close to call
    for (TrainingEvent.Epoch ep : List.of(without.get(2), with.get(2))) {
      assertTrue(ep.trainLoss() < 2.2 && ep.test().accuracy() > 0.15, "learned something: " + ep);
    }
    DropoutMasks.Sample m = e.maskSample(2, 8);
    assertEquals(8, m.examples());
    assertEquals(0.5, m.p());
  }

  @Test
  void refusesSettingsOutOfRange() {
    assertThrows(LabInputException.class, () -> new Settings(512, 200, 2, 128, 0.5, 1.0, 0.5, 7));
    assertThrows(LabInputException.class, () -> new Settings(100, 200, 2, 64, 0.5, 0.2, 0.5, 7));
    assertThrows(LabInputException.class, () -> new Settings(512, 200, 0, 128, 0.5, 0.2, 0.5, 7));
    assertThrows(LabInputException.class, () -> new Settings(512, 200, 2, 128, 0, 0.2, 0.5, 7));
  }

  private static void collect(TrainingEvent ev, List<TrainingEvent.Epoch> epochs) {
    if (ev instanceof TrainingEvent.Epoch ep) {
      epochs.add(ep);
    }
  }
}
