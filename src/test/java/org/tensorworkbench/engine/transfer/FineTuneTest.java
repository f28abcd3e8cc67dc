package org.tensorworkbench.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorworkbench.engine.data.Batch;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.export.ExportFormat;
import org.tensorworkbench.engine.export.OnnxImporter;
import org.tensorworkbench.engine.export.OpenedModel;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.OptimizerMapping;
import org.tensorworkbench.engine.train.RunLog;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingEventQueue;
import org.tensorworkbench.engine.train.TrainingSession;

/** Fine-tuning a shipped pretrained network: groups, head replacement, frozen groups, learning-rate factors. */
class FineTuneTest {
  static final Path HOME = Path.of(System.getProperty("tensorworkbench.home", "."));
  static final Path MNIST_MODEL = HOME.resolve("assets/models/lenet-relu-mnist.twmodel");
  static PretrainedModel pretrained;
  static Dataset small;

  @BeforeAll
  static void load() throws Exception {
    pretrained = PretrainedModel.load(MNIST_MODEL);
    // 40 training images of Fashion-MNIST's classes 5-9, 50 test images
    small = TargetTask.otherFiveClothes().load(new DatasetRegistry(HOME), 40, 50, 3, pretrained.inputShape());
  }

  @Test
  void groupsEachLayerWithWeightsAndItsFollowers() {
    List<LayerGroup> groups = pretrained.groups();
    assertEquals(List.of("conv1", "conv2", "dense1", "dense2", "dense3"), groups.stream().map(LayerGroup::id).toList());
    assertEquals(List.of("conv1", "relu1", "maxpool1"), groups.get(0).nodeIds());
    assertEquals(List.of("conv2/W", "conv2/b"), groups.get(1).parameters().stream().sorted().toList());
    assertEquals(5 * 5 * 6 * 16 + 16, groups.get(1).parameterCount());
    assertTrue(groups.get(4).output());
    assertFalse(groups.get(3).output());
    assertEquals(List.of(1, 28, 28), java.util.Arrays.stream(pretrained.inputShape()).boxed().toList());
    assertEquals(10, pretrained.classNames().size());
  }

  @Test
  void replacingTheHeadKeepsEveryOtherWeight() {
    FineTunedNetwork ft = FineTunedNetwork.fineTune(pretrained, Map.of(), 5, 1);
    SameDiff before = pretrained.model().network().sameDiff();
    SameDiff after = ft.network().sameDiff();
    for (LayerGroup g : pretrained.groups().subList(0, 4)) {
      for (String p : g.parameters()) {
        assertArrayEquals(before.getArrForVarName(p).data().asFloat(), after.getArrForVarName(p).data().asFloat(), p);
      }
    }
    assertArrayEquals(new long[] {84, 5}, after.getArrForVarName("dense3/W").shape());
    assertArrayEquals(new long[] {84, 10}, before.getArrForVarName("dense3/W").shape());
  }

  @Test
  void reinitializeChangesOnlyItsGroup() {
    FineTunedNetwork ft = FineTunedNetwork.fineTune(pretrained, Map.of("conv2", GroupSetting.reinitialize(1)), 5, 1);
    FineTunedNetwork scratch = FineTunedNetwork.fromScratch(pretrained, 5, 1);
    SameDiff before = pretrained.model().network().sameDiff();
    for (LayerGroup g : pretrained.groups().subList(0, 4)) {
      for (String p : g.parameters()) {
        float[] now = ft.network().sameDiff().getArrForVarName(p).data().asFloat();
        if (g.id().equals("conv2")) {
          assertFalse(java.util.Arrays.equals(before.getArrForVarName(p).data().asFloat(), now) && p.endsWith("W"), p);
          // fresh weights: those of the same network built from scratch with the same seed
          assertArrayEquals(scratch.network().sameDiff().getArrForVarName(p).data().asFloat(), now, p);
        } else {
          assertArrayEquals(before.getArrForVarName(p).data().asFloat(), now, p);
        }
      }
    }
  }

  @ParameterizedTest(name = "direct path {0}")
  @ValueSource(booleans = {true, false})
  void frozenGroupsStayTheSameBitForBit(boolean directPath) throws Exception {
    Map<String, GroupSetting> settings = Map.of("conv1", GroupSetting.frozen(), "conv2", GroupSetting.frozen(),
        "dense3", GroupSetting.fineTune(10));
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.ADAM).withLearningRate(0.01)
        .withBatchSize(16).withEpochs(1).withSeed(5);
    FineTuneExperiment experiment = FineTuneExperiment.prepare(pretrained, settings, small, config);
    SameDiff sd = experiment.network(FineTuneExperiment.Side.FINE_TUNED).network().sameDiff();
    Map<String, float[]> before = values(sd, List.of("conv1/W", "conv1/b", "conv2/W", "conv2/b", "dense1/W"));
    RunLog log = train(experiment, FineTuneExperiment.Side.FINE_TUNED, SessionOptions.quiet().withDirectPath(directPath));
    assertTrue(log.ending() instanceof TrainingEvent.Finished, String.valueOf(log.ending()));
    for (String frozen : List.of("conv1/W", "conv1/b", "conv2/W", "conv2/b")) {
      assertArrayEquals(before.get(frozen), sd.getArrForVarName(frozen).data().asFloat(), frozen);
    }
    assertFalse(java.util.Arrays.equals(before.get("dense1/W"), sd.getArrForVarName("dense1/W").data().asFloat()));
  }

  /**
   * One SGD step on the whole set (one minibatch): the fine-tuned layer moves by −η·g, the layer
   * with factor 0.1 by −0.1·η·g, with g the gradient SameDiff computes at the starting weights.
   */
  @ParameterizedTest(name = "direct path {0}")
  @ValueSource(booleans = {true, false})
  void learningRateFactorScalesTheStep(boolean directPath) throws Exception {
    double lr = 0.1;
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.SGD).withLearningRate(lr)
        .withBatchSize(small.train().size()).withEpochs(1).withSeed(2);
    FineTuneExperiment experiment = FineTuneExperiment.prepare(pretrained,
        Map.of("dense1", GroupSetting.fineTune(0.1)), small, config);
    var network = experiment.network(FineTuneExperiment.Side.FINE_TUNED).network();
    SameDiff sd = network.sameDiff();
    assertEquals(0.1, experiment.network(FineTuneExperiment.Side.FINE_TUNED).stepFactors().get("dense1/W"));
    assertEquals(1.0, experiment.network(FineTuneExperiment.Side.FINE_TUNED).stepFactors().get("dense2/W"));
    sd.setTrainingConfig(OptimizerMapping.sameDiffConfig(config, network.inputName(), network.labelsName()));
    Batch all = small.train().batch(0, small.train().size());
    Map<String, INDArray> g = sd.calculateGradients(Map.of(network.inputName(), all.features(),
        network.labelsName(), all.labels()), "dense1/W", "dense2/W");
    float[] gradient1 = g.get("dense1/W").data().asFloat();
    float[] gradient2 = g.get("dense2/W").data().asFloat();
    Map<String, float[]> before = values(sd, List.of("dense1/W", "dense2/W"));
    train(experiment, FineTuneExperiment.Side.FINE_TUNED, SessionOptions.quiet().withDirectPath(directPath));
    float[] after1 = sd.getArrForVarName("dense1/W").data().asFloat();
    float[] after2 = sd.getArrForVarName("dense2/W").data().asFloat();
    double largest = 0;
    for (int i = 0; i < after1.length; i++) {
      assertEquals(-0.1 * lr * gradient1[i], after1[i] - before.get("dense1/W")[i], 1e-6, "dense1/W " + i);
      largest = Math.max(largest, Math.abs(gradient1[i]));
    }
    assertTrue(largest * 0.1 * lr > 1e-4, "the step is large enough to tell 0.1x from 1x");
    for (int i = 0; i < after2.length; i++) {
      assertEquals(-lr * gradient2[i], after2[i] - before.get("dense2/W")[i], 1e-6, "dense2/W " + i);
    }
  }

  @Test
  void frozenOutputLayerAndBadFactorsAreRefused() {
    TransferException e = assertThrows(TransferException.class,
        () -> FineTunedNetwork.fineTune(pretrained, Map.of("dense3", GroupSetting.frozen()), 5, 1));
    assertTrue(e.getMessage().contains("dense3"), e.getMessage());
    assertThrows(TransferException.class, () -> GroupSetting.fineTune(0));
    assertThrows(TransferException.class, () -> GroupSetting.fineTune(Double.NaN));
    assertThrows(TransferException.class, () -> FineTunedNetwork.fromScratch(pretrained, 1, 1));
  }

  @Test
  void aModelThatIsNoImageClassifierIsRefusedByName(@TempDir Path dir) throws Exception {
    var regression = org.tensorworkbench.engine.graph.NetworkCompiler.compile(
        org.tensorworkbench.engine.spec.Templates.load("linear-regression"));
    Path file = dir.resolve("houses" + ModelFile.EXTENSION);
    ModelFile.save(file, regression, org.tensorworkbench.engine.io.ModelMetadata.empty(), false);
    TransferException e = assertThrows(TransferException.class, () -> PretrainedModel.load(file));
    assertTrue(e.getMessage().contains("houses.twmodel") && e.getMessage().contains("softmax cross-entropy"),
        e.getMessage());
  }

  @Test
  void sameSeedSameCurve() throws Exception {
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.ADAM).withLearningRate(0.002)
        .withBatchSize(8).withEpochs(1).withSeed(9);
    Map<String, GroupSetting> settings = Map.of("conv1", GroupSetting.frozen(), "dense3", GroupSetting.fineTune(10));
    List<Double> first = losses(train(FineTuneExperiment.prepare(pretrained, settings, small, config),
        FineTuneExperiment.Side.FINE_TUNED, SessionOptions.quiet()));
    List<Double> second = losses(train(FineTuneExperiment.prepare(pretrained, settings, small, config),
        FineTuneExperiment.Side.FINE_TUNED, SessionOptions.quiet()));
    assertEquals(5, first.size());
    assertEquals(first, second);
  }

  @Test
  void fineTunedModelSavesExportsAndReopens(@TempDir Path dir) throws Exception {
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.ADAM).withLearningRate(0.002)
        .withBatchSize(20).withEpochs(1).withSeed(4);
    FineTuneExperiment experiment = FineTuneExperiment.prepare(pretrained,
        Map.of("conv1", GroupSetting.frozen(), "dense3", GroupSetting.fineTune(10)), small, config);
    RunLog log = train(experiment, FineTuneExperiment.Side.FINE_TUNED, SessionOptions.quiet());
    var run = experiment.run(FineTuneExperiment.Side.FINE_TUNED);
    Path file = dir.resolve("fine-tuned" + ModelFile.EXTENSION);
    run.saveModelNow(file, run.metadata(log.epochs()), false);
    SavedModel reopened = ModelFile.load(file);
    assertEquals(small.classNames(), reopened.metadata().classNames());
    INDArray x = small.test().batch(0, 10).features();
    assertArrayEquals(run.network().predict(x).data().asFloat(), reopened.network().predict(x).data().asFloat());
    OpenedModel opened = OpenedModel.open(file);
    Path onnx = dir.resolve("fine-tuned.onnx");
    opened.export(ExportFormat.ONNX, onnx);
    opened.export(ExportFormat.PYTORCH, dir.resolve("fine-tuned.py"));
    assertTrue(Files.size(dir.resolve("fine-tuned.py")) > 0);
    assertEquals(5, OpenedModel.open(onnx).classNames().size());
    float[] expected = run.network().predict(x).data().asFloat();
    float[] actual = OnnxImporter.read(onnx).compile().network().predict(x).data().asFloat();
    assertArrayEquals(expected, actual, 1e-5f);
  }

  static RunLog train(FineTuneExperiment experiment, FineTuneExperiment.Side side, SessionOptions options)
      throws InterruptedException {
    TrainingEventQueue queue = new TrainingEventQueue();
    TrainingSession session = experiment.newSession(side, options, queue);
    session.start();
    assertTrue(session.awaitEnd(10, TimeUnit.MINUTES), "the run ended");
    session.close();
    RunLog log = new RunLog();
    queue.drain().forEach(log::add);
    return log;
  }

  private static List<Double> losses(RunLog log) {
    return log.iterations().stream().map(TrainingEvent.Iteration::loss).toList();
  }

  private static Map<String, float[]> values(SameDiff sd, List<String> names) {
    Map<String, float[]> out = new HashMap<>();
    names.forEach(n -> out.put(n, sd.getArrForVarName(n).dup().data().asFloat()));
    return out;
  }
}
