package org.tensorworkbench.ui.predict;

import org.tensorworkbench.ui.common.UiText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.export.ExportFormat;
import org.tensorworkbench.engine.export.OpenedModel;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.ui.common.UiExecutor;

/** The Predict panel's logic without a toolkit: open, drop, top 5, export, and the failures. */
class PredictViewModelTest {
  @TempDir
  static Path dir;
  private static Path model;

  private final List<OpenedModel> opened = new ArrayList<>();
  private final PredictViewModel vm = new PredictViewModel(UiExecutor.direct(), opened::add);

  @BeforeAll
  static void trainModel() throws Exception {
    model = PredictFixtures.trainedModel(dir);
  }

  @Test
  void aDroppedTestImageGetsTheModelsTopFiveClasses() throws Exception {
    vm.open(model);
    assertEquals(1, opened.size());
    assertSame(opened.get(0), vm.modelProperty().get());
    assertEquals("export.predict.opened", vm.statusProperty().get().text().key());

    vm.drop(List.of(dir.resolve("notes.txt"), PredictFixtures.testImagePng(dir, 0)));

    float[] expectedPixels = new float[784];
    for (int j = 0; j < 784; j++) {
      expectedPixels[j] = PredictFixtures.FASHION.test().rawFeature(0, j) / 255f;
    }
    assertArrayEquals(new int[] {1, 28, 28}, vm.previewProperty().get().shape());
    assertArrayEquals(expectedPixels, vm.previewProperty().get().values(), 1e-6f);

    SavedModel saved = ModelFile.load(model);
    Normalization n = saved.metadata().normalization().toNormalization();
    float[] x = new float[784];
    for (int j = 0; j < 784; j++) {
      x[j] = n.apply(PredictFixtures.FASHION.test().rawFeature(0, j), j);
    }
    float[] p = saved.network().predict(Nd4j.create(x, new long[] {1, 1, 28, 28}, 'c')).toFloatVector();
    List<PredictViewModel.Prediction> top = vm.predictions();
    assertEquals(5, top.size());
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      best = p[k] > p[best] ? k : best;
    }
    assertEquals(PredictFixtures.FASHION.classNames().get(best), top.get(0).label());
    assertEquals(p[best], top.get(0).value(), 1e-6);
    for (int i = 1; i < top.size(); i++) {
      assertTrue(top.get(i - 1).value() >= top.get(i).value());
    }
    assertEquals("export.predict.predicted", vm.statusProperty().get().text().key());
  }

  @Test
  void aDropWithoutPictureOrModelSaysWhy() throws Exception {
    vm.drop(List.of(PredictFixtures.testImagePng(dir, 1)));
    assertEquals("export.predict.noModel", vm.statusProperty().get().text().key());
    vm.open(model);
    vm.drop(List.of(dir.resolve("notes.txt")));
    assertEquals("export.predict.notAnImage", vm.statusProperty().get().text().key());
    assertTrue(vm.statusProperty().get().error());
    assertTrue(vm.predictions().isEmpty());
  }

  @Test
  void aFileThatIsNoModelChangesNothing() throws Exception {
    vm.open(model);
    OpenedModel first = vm.modelProperty().get();
    Path notes = dir.resolve("notes.onnx");
    Files.writeString(notes, "no model");
    vm.open(notes);
    assertSame(first, vm.modelProperty().get());
    assertEquals("export.predict.openFailed", vm.statusProperty().get().text().key());
    assertEquals("notes.onnx", ((UiText.Keyed) vm.statusProperty().get().text()).args().get(0));
    assertFalse(vm.busyProperty().get());
  }

  @Test
  void theOpenedModelExportsAndReopensFromItsOnnxFile() {
    vm.open(model);
    Path onnx = dir.resolve("fashion.onnx");
    vm.export(ExportFormat.ONNX, onnx);
    assertEquals("export.predict.exported", vm.statusProperty().get().text().key());
    assertTrue(Files.exists(onnx));
    vm.open(onnx);
    assertEquals(onnx, vm.modelProperty().get().file());
    assertEquals(PredictFixtures.FASHION.classNames(), vm.modelProperty().get().classNames());
    assertNull(vm.previewProperty().get());
  }
}
