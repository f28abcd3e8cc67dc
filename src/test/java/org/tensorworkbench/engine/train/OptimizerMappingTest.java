package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * One parameter w, one example x = 1, y = 0 and squared loss L = (w·x − y)² = w², so the
 * gradient is g = 2w; from w = 2 (g = 4) each optimizer's first step can be worked out by hand.
 */
class OptimizerMappingTest {
  private static final double W0 = 2;

  private static SameDiff oneParameterProblem(TrainingConfig config) {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("input", DataType.FLOAT, -1, 1);
    SDVariable y = sd.placeHolder("labels", DataType.FLOAT, -1, 1);
    SDVariable w = sd.var("w", Nd4j.createFromArray(new float[] {(float) W0}));
    sd.loss.meanSquaredError("loss", y, x.mul(w), null); // [N, 1] · [1]
    sd.setLossVariables("loss");
    sd.setTrainingConfig(OptimizerMapping.sameDiffConfig(config, "input", "labels"));
    return sd;
  }

  private static double step(SameDiff sd) {
    sd.fit(new DataSet(Nd4j.createFromArray(new float[][] {{1}}), Nd4j.createFromArray(new float[][] {{0}})));
    return sd.getVariable("w").getArr().getDouble(0);
  }

  @Test
  void sgdWithL2AddsLambdaWToTheGradient() {
    SameDiff sd = oneParameterProblem(TrainingConfig.defaults().withLearningRate(0.1).withWeightDecay(0.5, false));
    assertEquals(2 - 0.1 * (4 + 0.5 * 2), step(sd), 1e-6); // w − η(g + λw) = 1.5
  }

  @Test
  void adamWDecaysDecoupledFromTheAdaptiveStep() {
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.ADAMW).withLearningRate(0.1)
        .withWeightDecay(0.5, false);
    // Adam's first step is η·m̂/(√v̂ + ε) = η·g/|g| = η; AdamW then subtracts η·λ·w: 2 − 0.1 − 0.1
    assertEquals(1.8, step(oneParameterProblem(config)), 1e-6);
  }

  @Test
  void adamWithL2RescalesTheDecayAwayOnTheFirstStep() {
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.ADAM).withLearningRate(0.1)
        .withWeightDecay(0.5, false);
    // g + λw = 5 goes through Adam's normalization: the step is η whatever the decay
    assertEquals(1.9, step(oneParameterProblem(config)), 1e-6);
  }

  @Test
  void nesterovMomentumFirstStepIsOnePlusMuTimesSgd() {
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.MOMENTUM).withLearningRate(0.1)
        .withMomentum(0.9);
    assertEquals(2 - 1.9 * 0.1 * 4, step(oneParameterProblem(config)), 1e-6); // v = −ηg, w += μv − ηg
  }

  @Test
  void rmsPropDividesByTheRootMeanSquare() {
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.RMSPROP).withLearningRate(0.1);
    double s = 0.1 * 16; // (1 − γ)·g² with γ = 0.9
    assertEquals(2 - 0.1 * 4 / Math.sqrt(s), step(oneParameterProblem(config)), 1e-5);
  }

  @Test
  void learningRateChangesTakeEffectOnTheNextStep() {
    SameDiff sd = oneParameterProblem(TrainingConfig.defaults().withLearningRate(0.1));
    assertEquals(1.6, step(sd), 1e-6); // 2 − 0.1·4
    OptimizerMapping.setLearningRate(sd.getTrainingConfig(), 0.5);
    assertEquals(0, step(sd), 1e-6); // 1.6 − 0.5·3.2
  }

  @Test
  void mapsEachOptimizerToItsUpdater() {
    TrainingConfig c = TrainingConfig.defaults().withLearningRate(0.01);
    assertInstanceOf(Sgd.class, OptimizerMapping.updater(c));
    Nesterovs n = assertInstanceOf(Nesterovs.class, OptimizerMapping.updater(c.withOptimizer(Optimizer.MOMENTUM).withMomentum(0.8)));
    assertEquals(0.8, n.getMomentum(), 0);
    Adam a = assertInstanceOf(Adam.class, OptimizerMapping.updater(c.withOptimizer(Optimizer.ADAMW).withAdamBetas(0.8, 0.99)));
    assertEquals(0.8, a.getBeta1(), 0);
    assertEquals(0.99, a.getBeta2(), 0);
    assertEquals(0.01, a.getLearningRate(), 0);
    assertInstanceOf(RmsProp.class, OptimizerMapping.updater(c.withOptimizer(Optimizer.RMSPROP)));
  }
}
