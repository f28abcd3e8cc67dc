package org.tensorworkbench.ui.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.tensorworkbench.engine.augment.AugmentComparison.Variant;
import org.tensorworkbench.engine.augment.AugmentStep;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.TrainingException;
import org.tensorworkbench.engine.transfer.TargetTask;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.training.FilePicker;

/**
 * The Transfer Lab: image augmentation (d2l 14.1) and fine-tuning a pretrained network (d2l 14.2),
 * trained for real by the engine.
 *
 * <p>Lessons: preset keys {@code tab} ({@code augmentation}, {@code finetune}),
 * {@code finetune.model} (a shipped model: {@code lenet-relu-mnist}, {@code lenet-relu-fashion0-4};
 * it also chooses the task it was made for), {@code finetune.task} ({@code clothes},
 * {@code other-five}), {@code finetune.images}, {@code finetune.epochs}, {@code finetune.lr},
 * {@code finetune.optimizer} ({@code sgd}, {@code momentum}, {@code adam}, {@code adamw},
 * {@code rmsprop}), {@code finetune.head.factor} (the new output layer's learning-rate factor),
 * {@code augment.images} and {@code augment.epochs} (the comparison run's). A preset is checked
 * whole before anything changes.
 *
 * <p>Facts: {@code tab}; {@code finetune.epochs.done} (epochs both runs finished, 0 before a run),
 * {@code finetune.images}, {@code finetune.optimizer}, {@code finetune.lr} (of the last run),
 * {@code finetune.test.accuracy.fine-tuned} and {@code finetune.test.accuracy.scratch} (after
 * the last epoch finished); {@code augment.steps} (operations in the pipeline) and
 * {@code augment.steps.on} (those switched on), {@code augment.epochs.done} (epochs both
 * comparison runs finished), {@code augment.test.accuracy.plain|augmented} and
 * {@code augment.gap.plain|augmented} (training minus test accuracy after the last epoch).
 */
public final class TransferView implements LessonTarget {
  private static final List<String> KEYS = List.of("tab", "finetune.model", "finetune.task", "finetune.images",
      "finetune.epochs", "finetune.lr", "finetune.optimizer", "finetune.head.factor", "augment.images",
      "augment.epochs");
  private static final List<FineTuneViewModel.Task> PRESET_TASKS =
      List.of(FineTuneViewModel.Task.CLOTHES, FineTuneViewModel.Task.OTHER_FIVE);

  private final TabPane root = new TabPane();
  private final List<String> tabIds = new ArrayList<>();
  private final AugmentPane augment;
  private final FineTuneViewModel fineTune;

  public TransferView(AppContext context) {
    root.setId("transfer-lab");
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    augment = new AugmentPane(context, FilePicker.system());
    fineTune = new FineTuneViewModel(context.executor(), context.projectHome());
    addTab("augmentation", augment.root());
    addTab("finetune", new FineTunePane(fineTune).root());
  }

  public Parent root() {
    return root;
  }

  /** The fine-tuning tab's state (tests). */
  FineTuneViewModel fineTune() {
    return fineTune;
  }

  /** The augmentation pipeline being edited (tests). */
  AugmentViewModel augmentation() {
    return augment.model();
  }

  /** The augmentation comparison's state (tests). */
  AugmentComparisonViewModel comparison() {
    return augment.comparison();
  }

  @Override
  public void applyPreset(Map<String, String> preset) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : preset.entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue().strip();
      check(e.getKey(), value);
      values.put(e.getKey(), value);
    }
    // the model first: opening it chooses its own task, which the preset's task may change
    if (values.containsKey("tab")) {
      root.getSelectionModel().select(tabIds.indexOf(values.get("tab")));
    }
    if (values.containsKey("finetune.model")) {
      fineTune.open(shipped(values.get("finetune.model")));
    }
    if (values.containsKey("finetune.task")) {
      fineTune.taskProperty().set(task(values.get("finetune.task")));
    }
    if (values.containsKey("finetune.optimizer")) {
      fineTune.optimizerProperty().set(Optimizer.fromId(values.get("finetune.optimizer")));
    }
    set(values, "finetune.images", fineTune.imagesProperty());
    set(values, "finetune.epochs", fineTune.epochsProperty());
    set(values, "finetune.lr", fineTune.learningRateProperty());
    set(values, "finetune.head.factor", fineTune.headFactorProperty());
    set(values, "augment.images", augment.comparison().trainImagesProperty());
    set(values, "augment.epochs", augment.comparison().epochsProperty());
  }

  /** Refuses a key or value the lab cannot take, naming what it can. */
  private void check(String key, String value) {
    switch (key) {
      case "tab" -> {
        if (!tabIds.contains(value)) {
          throw new IllegalArgumentException("tab: " + value + " (one of " + tabIds + ")");
        }
      }
      case "finetune.model" -> shipped(value);
      case "finetune.task" -> task(value);
      case "finetune.optimizer" -> {
        try {
          Optimizer.fromId(value);
        } catch (TrainingException ex) {
          throw new IllegalArgumentException(key + ": " + value + " (one of "
              + Arrays.stream(Optimizer.values()).map(Optimizer::id).toList() + ")", ex);
        }
      }
      case "finetune.images" -> wholeNumber(key, value, TargetTask.MIN_IMAGES, TargetTask.MAX_IMAGES);
      case "finetune.epochs" -> wholeNumber(key, value, 1, 1_000);
      case "augment.images" -> wholeNumber(key, value, 10, 60_000);
      case "augment.epochs" -> wholeNumber(key, value, 1, 100);
      case "finetune.lr", "finetune.head.factor" -> {
        double min = key.equals("finetune.lr") ? Double.MIN_VALUE : 0;
        try {
          double d = Double.parseDouble(value);
          if (!(d >= min) || Double.isInfinite(d)) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException ex) {
          throw new IllegalArgumentException(key + ": " + value + " is not a "
              + (min > 0 ? "positive" : "non-negative") + " number", ex);
        }
      }
      default -> throw new IllegalArgumentException("unknown key: " + key + " (" + String.join(", ", KEYS) + ")");
    }
  }

  private static FineTuneViewModel.ShippedModel shipped(String id) {
    return Arrays.stream(FineTuneViewModel.ShippedModel.values()).filter(m -> m.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("finetune.model: " + id + " (one of "
            + Arrays.stream(FineTuneViewModel.ShippedModel.values()).map(FineTuneViewModel.ShippedModel::id).toList()
            + ")"));
  }

  private static FineTuneViewModel.Task task(String id) {
    return PRESET_TASKS.stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("finetune.task: " + id + " (one of "
            + PRESET_TASKS.stream().map(FineTuneViewModel.Task::id).toList() + ")"));
  }

  private static void wholeNumber(String key, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(key + ": " + value + " is not a whole number from " + min + " to " + max, ex);
    }
  }

  private static void set(Map<String, String> values, String key, javafx.beans.property.StringProperty field) {
    if (values.containsKey(key)) {
      field.set(values.get(key));
    }
  }

  @Override
  public Map<String, Object> facts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    int selected = root.getSelectionModel().getSelectedIndex();
    if (selected >= 0) {
      facts.put("tab", tabIds.get(selected));
    }
    facts.putAll(fineTune.facts());
    List<AugmentStep> steps = augment.model().steps();
    facts.put("augment.steps", steps.size());
    facts.put("augment.steps.on", (int) steps.stream().filter(AugmentStep::enabled).count());
    AugmentComparisonViewModel comparison = augment.comparison();
    facts.put("augment.epochs.done", Arrays.stream(Variant.values()).mapToInt(v -> comparison.points(v).size()).min()
        .orElse(0));
    for (Variant v : Variant.values()) {
      List<AugmentComparisonViewModel.Point> points = comparison.points(v);
      if (!points.isEmpty()) {
        AugmentComparisonViewModel.Point last = points.get(points.size() - 1);
        String id = v.name().toLowerCase(Locale.ROOT);
        facts.put("augment.test.accuracy." + id, last.test());
        facts.put("augment.gap." + id, last.gap());
      }
    }
    return facts;
  }

  private void addTab(String id, Node content) {
    Tab tab = new Tab();
    tab.textProperty().bind(I18n.text("transfer.tab." + id));
    tab.setId("tab-transfer-" + id);
    tab.setContent(content);
    root.getTabs().add(tab);
    tabIds.add(id);
  }
}
