package org.tensorworkbench.ui.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tensorworkbench.engine.augment.AugmentComparison.Variant;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.transfer.FineTuneExperiment.Side;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Transfer Lab as a lesson uses it: presets fill the fine-tuning and comparison settings (a bad
 * one changes nothing), the optimizer chosen trains both fine-tuning runs, and the facts a check
 * reads appear after tiny runs.
 */
@ExtendWith(ApplicationExtension.class)
class TransferLessonTest {
  private TransferView view;

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    view = new TransferView(new AppContext(UiExecutor.direct(), Path.of("").toAbsolutePath(),
        Path.of("target/test-workspace").toAbsolutePath()));
    stage.setScene(new Scene(view.root(), 1280, 800));
    stage.show();
  }

  @Test
  void presetsFillTheSettingsAndABadPresetChangesNothing(FxRobot robot) {
    FineTuneViewModel ft = view.fineTune();
    Map<String, String> preset = new LinkedHashMap<>();
    preset.put("tab", "finetune");
    preset.put("finetune.model", "lenet-relu-fashion0-4");
    preset.put("finetune.task", "clothes");
    preset.put("finetune.images", "60");
    preset.put("finetune.epochs", "2");
    preset.put("finetune.lr", "0.03");
    preset.put("finetune.optimizer", "sgd");
    preset.put("finetune.head.factor", "5");
    preset.put("augment.images", "200");
    preset.put("augment.epochs", "3");
    robot.interact(() -> view.applyPreset(preset));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(FineTuneViewModel.ShippedModel.FASHION_0_4, ft.shippedProperty().get());
    assertEquals(FineTuneViewModel.Task.CLOTHES, ft.taskProperty().get(), "the preset's task wins over the model's");
    assertEquals("60", ft.imagesProperty().get());
    assertEquals("2", ft.epochsProperty().get());
    assertEquals("0.03", ft.learningRateProperty().get());
    assertEquals(Optimizer.SGD, ft.optimizerProperty().get());
    FineTuneGroupRow head = ft.groups().stream().filter(r -> r.group().output()).findFirst().orElseThrow();
    assertEquals("5", head.factorProperty().get());
    assertEquals("200", view.comparison().trainImagesProperty().get());
    assertEquals("3", view.comparison().epochsProperty().get());
    assertEquals("finetune", view.facts().get("tab"));
    @SuppressWarnings("unchecked")
    ComboBox<Optimizer> box = robot.lookup("#finetune-optimizer").queryAs(ComboBox.class);
    assertEquals(Optimizer.SGD, box.getValue(), "the field shows the preset's optimizer");

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> view.applyPreset(Map.of("finetune.momentum", "0.9")));
    assertTrue(unknown.getMessage().contains("finetune.momentum") && unknown.getMessage().contains("finetune.optimizer"),
        unknown.getMessage());
    IllegalArgumentException optimizer = assertThrows(IllegalArgumentException.class,
        () -> view.applyPreset(Map.of("finetune.optimizer", "lbfgs")));
    assertTrue(optimizer.getMessage().contains("lbfgs") && optimizer.getMessage().contains("rmsprop"),
        optimizer.getMessage());
    Map<String, String> halfBad = new LinkedHashMap<>();
    halfBad.put("finetune.epochs", "9");
    halfBad.put("finetune.images", "5");
    IllegalArgumentException images = assertThrows(IllegalArgumentException.class, () -> view.applyPreset(halfBad));
    assertTrue(images.getMessage().contains("finetune.images"), images.getMessage());
    assertEquals("2", ft.epochsProperty().get(), "a refused preset changes nothing");
    for (Map<String, String> bad : List.of(Map.of("finetune.task", "folder"), Map.of("finetune.lr", "0"),
        Map.of("finetune.model", "resnet"), Map.of("augment.epochs", "x"), Map.of("tab", "kernels"))) {
      assertThrows(IllegalArgumentException.class, () -> view.applyPreset(bad), bad.toString());
    }
  }

  @Test
  void sgdTrainsBothRunsAndTheFactsFollow(FxRobot robot) throws Exception {
    FineTuneViewModel ft = view.fineTune();
    assertEquals(Optimizer.ADAM, ft.optimizerProperty().get(), "Adam by default, as the shipped models were trained");
    assertEquals(0, view.facts().get("finetune.epochs.done"));
    assertFalse(view.facts().containsKey("finetune.test.accuracy.fine-tuned"));
    robot.interact(() -> view.applyPreset(Map.of("tab", "finetune", "finetune.model", "lenet-relu-mnist",
        "finetune.images", "40", "finetune.epochs", "1", "finetune.optimizer", "sgd")));
    Label hint = robot.lookup("#finetune-optimizer-hint").queryAs(Label.class);
    assertTrue(ft.slowLearningRateProperty().get() && hint.isVisible(), "SGD with Adam's 0.001 gets the hint");
    assertEquals("0.001", ft.learningRateProperty().get(), "the hint does not change the rate");
    robot.interact(() -> {
      ft.learningRateProperty().set("0.02");
      ft.batchSizeProperty().set("20");
    });
    assertFalse(hint.isVisible(), "no hint at 0.02");
    robot.interact(ft::train);
    assertTrue(ft.awaitEnd(120_000), "both runs end");
    robot.interact(ft::drain);
    for (Side side : Side.values()) {
      assertEquals(Optimizer.SGD, ft.preparedConfig(side).optimizer(), side + " trains with SGD");
      assertEquals(0.02, ft.preparedConfig(side).learningRate(), 0, side + "'s base rate");
    }
    Map<String, Object> facts = view.facts();
    assertEquals(1, facts.get("finetune.epochs.done"));
    assertEquals(40, facts.get("finetune.images"));
    assertEquals("sgd", facts.get("finetune.optimizer"));
    for (String side : new String[] {"fine-tuned", "scratch"}) {
      double accuracy = (Double) facts.get("finetune.test.accuracy." + side);
      assertTrue(accuracy >= 0 && accuracy <= 1, side + ": " + accuracy);
    }
  }

  @Test
  void aTinyComparisonReportsAccuraciesAndGaps(FxRobot robot) throws Exception {
    AugmentComparisonViewModel comparison = view.comparison();
    assertEquals(0, view.facts().get("augment.epochs.done"));
    AugmentViewModel pipeline = view.augmentation();
    int steps = pipeline.steps().size();
    assertEquals(steps, view.facts().get("augment.steps"));
    robot.interact(() -> pipeline.add(org.tensorworkbench.engine.augment.AugmentKind.values()[0]));
    assertEquals(steps + 1, view.facts().get("augment.steps"), "an added operation is counted");
    robot.interact(() -> {
      view.applyPreset(Map.of("tab", "augmentation", "augment.images", "100", "augment.epochs", "1"));
      comparison.networkProperty().set("mlp");
      comparison.batchSizeProperty().set("50");
      comparison.start();
    });
    assertTrue(comparison.awaitEnd(120_000), "both runs end");
    robot.interact(comparison::drain);
    Map<String, Object> facts = view.facts();
    assertEquals(1, facts.get("augment.epochs.done"));
    for (Variant v : Variant.values()) {
      String id = v.name().toLowerCase(Locale.ROOT);
      List<AugmentComparisonViewModel.Point> points = comparison.points(v);
      assertEquals(points.get(0).test(), (Double) facts.get("augment.test.accuracy." + id), 0, id);
      assertEquals(points.get(0).train() - points.get(0).test(), (Double) facts.get("augment.gap." + id), 1e-12, id);
    }
  }
}
