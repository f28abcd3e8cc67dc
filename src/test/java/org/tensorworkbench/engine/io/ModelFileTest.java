package org.tensorworkbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.i18n.Messages;

class ModelFileTest {
  @TempDir
  Path dir;

  private final INDArray x = Nd4j.rand(DataType.FLOAT, 16, 1, 8, 8);
  private final INDArray y = Nd4j.eye(4).getRows(0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3).castTo(DataType.FLOAT);

  private static CompiledNetwork trainable() {
    CompiledNetwork net = NetworkCompiler.compile(NetworkSpec.sequential("small cnn",
        InputSpec.of(1, 8, 8), Conv2dSpec.of(3, 3), BatchNormSpec.DEFAULT, ActivationSpec.of(ActivationSpec.Function.RELU),
        MaxPool2dSpec.of(2), new FlattenSpec(), DenseSpec.of(4), new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY)));
    net.sameDiff().setTrainingConfig(TrainingConfig.builder().updater(new Adam(0.01))
        .dataSetFeatureMapping(net.inputName()).dataSetLabelMapping(net.labelsName()).build());
    net.trainingListeners().forEach(net.sameDiff()::addListeners);
    return net;
  }

  private static float[] values(INDArray a) {
    return a.dup('c').data().asFloat();
  }

  private static ModelMetadata metadata() {
    return new ModelMetadata("fashion-mnist",
        NormalizationRecord.of(Normalization.standardize(255f, new float[] {0.286f}, new float[] {0.353f}, 64)),
        List.of("T-shirt", "Trouser", "Pullover", "Dress"),
        Map.of("optimizer", "adam", "learningRate", 0.01, "batchSize", 16),
        Map.of("testAccuracy", 0.75), 2, null);
  }

  @Test
  void reopenedModelPredictsBitIdenticallyAndKeepsItsMetadata() throws IOException {
    CompiledNetwork net = trainable();
    net.sameDiff().fit(new DataSet(x, y));
    net.sameDiff().fit(new DataSet(x, y));
    Path file = dir.resolve("cnn" + ModelFile.EXTENSION);
    ModelFile.save(file, net, metadata(), true);

    SavedModel loaded = ModelFile.load(file);
    assertArrayEquals(values(net.predict(x)), values(loaded.network().predict(x)), 0f);
    for (String state : List.of("bn1/running_mean", "bn1/running_var")) {
      assertArrayEquals(values(net.sameDiff().getArrForVarName(state)),
          values(loaded.network().sameDiff().getArrForVarName(state)), 0f, state);
    }
    ModelMetadata m = loaded.metadata();
    assertEquals("fashion-mnist", m.datasetName());
    assertEquals(List.of("T-shirt", "Trouser", "Pullover", "Dress"), m.classNames());
    assertEquals(0.01, ((Number) m.training().get("learningRate")).doubleValue());
    assertEquals(0.75, m.metrics().get("testAccuracy"));
    assertEquals(2, m.epochsTrained());
    assertFalse(m.savedAt().isEmpty());
    Normalization n = m.normalization().toNormalization();
    assertEquals(Normalization.Kind.STANDARDIZE, n.kind());
    assertEquals((200 / 255f - 0.286f) / 0.353f, n.apply(200, 5), 1e-6);
    assertEquals(net.spec(), loaded.network().spec());
    assertTrue(loaded.updaterState());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temp file left behind");
    }
  }

  @Test
  void reopenedModelTrainsOneMoreStepExactlyAsTheOriginal() throws IOException {
    CompiledNetwork net = trainable();
    net.sameDiff().fit(new DataSet(x, y));
    Path file = dir.resolve("resume" + ModelFile.EXTENSION);
    ModelFile.save(file, net, metadata(), true);
    CompiledNetwork resumed = ModelFile.load(file).network();
    resumed.trainingListeners().forEach(resumed.sameDiff()::addListeners);

    net.sameDiff().fit(new DataSet(x, y));
    resumed.sameDiff().fit(new DataSet(x, y));
    for (String name : net.trainableNames()) {
      assertArrayEquals(values(net.sameDiff().getArrForVarName(name)),
          values(resumed.sameDiff().getArrForVarName(name)), 0f, name);
    }
    assertArrayEquals(values(net.sameDiff().getArrForVarName("bn1/running_var")),
        values(resumed.sameDiff().getArrForVarName("bn1/running_var")), 0f);
  }

  @Test
  void withoutUpdaterStateTheFileIsSmallerAndPredictsTheSame() throws IOException {
    CompiledNetwork net = trainable();
    net.sameDiff().fit(new DataSet(x, y));
    Path full = dir.resolve("full" + ModelFile.EXTENSION);
    Path lean = dir.resolve("lean" + ModelFile.EXTENSION);
    ModelFile.save(full, net, ModelMetadata.empty(), true);
    ModelFile.save(lean, net, ModelMetadata.empty(), false);
    assertTrue(Files.size(lean) < Files.size(full), Files.size(lean) + " < " + Files.size(full));
    SavedModel loaded = ModelFile.load(lean);
    assertFalse(loaded.updaterState());
    assertArrayEquals(values(net.predict(x)), values(loaded.network().predict(x)), 0f);
  }

  @Test
  void aTruncatedFileIsReportedAsDamagedInBothLanguages() throws IOException {
    Path file = dir.resolve("model" + ModelFile.EXTENSION);
    ModelFile.save(file, trainable(), metadata(), false);
    byte[] bytes = Files.readAllBytes(file);
    Path cut = dir.resolve("cut" + ModelFile.EXTENSION);
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(cut));
    assertEquals("model.error.damaged", e.key());
    assertTrue(Messages.get(Locale.ENGLISH, e.key(), e.args()).contains("cut" + ModelFile.EXTENSION));
    assertTrue(Messages.get(Locale.SIMPLIFIED_CHINESE, e.key(), e.args()).contains("损坏"));
  }

  @Test
  void aForeignFileIsNotAModel() throws IOException {
    Path text = dir.resolve("notes.twmodel");
    Files.writeString(text, "just some notes");
    assertEquals("model.error.notAModel", assertThrows(ModelFileException.class, () -> ModelFile.load(text)).key());

    Path otherZip = dir.resolve("photos.zip");
    try (OutputStream out = Files.newOutputStream(otherZip); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("photo.jpg"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(otherZip));
    assertEquals("model.error.notAModel", e.key());
    assertTrue(e.getMessage().contains("photos.zip"));
  }
}
