package org.tensorworkbench.ui.norm;

import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import java.util.Map;
import javafx.scene.control.Tab;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.common.I18n;

/**
 * The Normalization Lab (d2l 8.5): BatchNorm step by step, BatchNorm against LayerNorm on the
 * same tensor, training against inference with running statistics, and LeNet trained against
 * LeNet-BN side by side. Every number comes from
 * the engine; this class only lays out the tabs.
 */
public final class NormLabView implements LessonTarget {
  private final TabPane root = new TabPane();

  public NormLabView(AppContext context) {
    root.setId("norm-lab");
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    NormViewModel norm = new NormViewModel(context.executor(), context.projectHome());
    RunningStatsViewModel running = new RunningStatsViewModel(context.executor());
    ExperimentViewModel experiment = new ExperimentViewModel(context.executor(), context.projectHome());
    norm.trainedLeNetProperty().bind(experiment.trainedLeNetProperty());
    root.getTabs().addAll(
        tab("steps", new BatchNormPane(norm).root()),
        tab("compare", new ComparePane(norm).root()),
        tab("running", new RunningStatsPane(running).root()),
        tab("experiment", new ExperimentPane(experiment).root()));
    norm.recompute();
    running.recompute();
  }

  public Parent root() {
    return root;
  }

  /** {@code tab}: {@code batchnorm} (the step-by-step tab), {@code compare}, {@code running} or {@code experiment}. */
  @Override
  public void applyPreset(Map<String, String> preset) {
    for (Map.Entry<String, String> e : preset.entrySet()) {
      if (!e.getKey().equals("tab")) {
        throw LessonTarget.unknownKey(e.getKey());
      }
      String id = "tab-norm-" + ("batchnorm".equals(e.getValue().strip()) ? "steps" : e.getValue().strip());
      Tab tab = root.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
          .orElseThrow(() -> LessonTarget.badValue("tab", e.getValue()));
      root.getSelectionModel().select(tab);
    }
  }

  /** {@code tab}: the tab shown, named as in a preset. */
  @Override
  public Map<String, Object> facts() {
    String id = root.getSelectionModel().getSelectedItem().getId().substring("tab-norm-".length());
    return Map.of("tab", id.equals("steps") ? "batchnorm" : id);
  }

  private static Tab tab(String id, javafx.scene.Node content) {
    Tab tab = new Tab();
    tab.textProperty().bind(I18n.text("norm.tab." + id));
    tab.setId("tab-norm-" + id);
    tab.setContent(content);
    return tab;
  }
}
