package org.tensorworkbench.ui.playground;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.tensorworkbench.engine.lab.playground.Activation;
import org.tensorworkbench.engine.lab.playground.InputFeature;
import org.tensorworkbench.engine.lab.playground.PlaygroundDataset;
import org.tensorworkbench.engine.lab.playground.TrainingMetrics;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.LessonTarget;

/**
 * The Playground workspace: a small network learning a 2D problem live (TensorFlow
 * Playground, trained by the workbench's engine), and the Initialization and stability tab
 * (d2l 5.4). Lessons open it with the preset keys {@code tab, dataset, layers, activation,
 * features, lr} and check the facts {@code steps, train.loss, test.loss, test.accuracy}.
 */
public final class PlaygroundView implements LessonTarget {
  private final TabPane root = new TabPane();
  private final PlaygroundViewModel playground;
  private final Tab playgroundTab;
  private final Tab initializationTab;

  public PlaygroundView(AppContext context) {
    this(new PlaygroundViewModel(context.executor(), DesignHandoff.toBuilder(context)),
        new InitializationViewModel(context.executor()));
  }

  PlaygroundView(PlaygroundViewModel playground, InitializationViewModel initialization) {
    this.playground = playground;
    root.setId("playground");
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    playgroundTab = tab("playground", new PlaygroundPane(playground).root());
    initializationTab = tab("initialization", new InitializationPane(initialization).root());
    root.getTabs().addAll(playgroundTab, initializationTab);
  }

  public Parent root() {
    return root;
  }

  PlaygroundViewModel playground() {
    return playground;
  }

  @Override
  public void applyPreset(Map<String, String> preset) {
    Map<String, String> p = new LinkedHashMap<>(preset);
    String tab = p.remove("tab");
    if (tab != null) {
      switch (tab.strip().toLowerCase(Locale.ROOT)) {
        case "playground" -> root.getSelectionModel().select(playgroundTab);
        case "initialization" -> root.getSelectionModel().select(initializationTab);
        default -> throw new IllegalArgumentException("tab: " + tab + " (playground, initialization)");
      }
    }
    for (String key : p.keySet()) {
      if (!List.of("dataset", "layers", "activation", "features", "lr").contains(key)) {
        throw new IllegalArgumentException(key + ": not a Playground preset key"
            + " (tab, dataset, layers, activation, features, lr)");
      }
    }
    PlaygroundDataset dataset = p.containsKey("dataset") ? parse("dataset", () -> PlaygroundDataset.fromId(p.get("dataset"))) : null;
    Activation activation = p.containsKey("activation") ? parse("activation", () -> Activation.fromId(p.get("activation"))) : null;
    List<InputFeature> features = new ArrayList<>();
    if (p.containsKey("features")) {
      for (String f : p.get("features").split(",")) {
        features.add(parse("features", () -> InputFeature.fromId(f)));
      }
    }
    Double lr = p.containsKey("lr") ? parse("lr", () -> Double.parseDouble(p.get("lr").strip())) : null;
    if (lr != null && !(lr > 0 && lr <= 10)) {
      throw new IllegalArgumentException("lr: " + lr + " (above 0, at most 10)");
    }
    String layers = p.get("layers");
    if (layers != null && !layers.strip().matches("\\d+(\\s*,\\s*\\d+)*")) {
      throw new IllegalArgumentException("layers: " + layers + " (widths such as 8,8)");
    }
    if (dataset != null) {
      playground.chooseDataset(dataset);
    }
    playground.batchUpdate(() -> {
      if (activation != null) {
        playground.activationProperty().set(activation);
      }
      if (!features.isEmpty()) {
        playground.features().clear();
        playground.features().addAll(features);
      }
      if (lr != null) {
        playground.learningRateProperty().set(lr);
      }
      if (layers != null) {
        playground.layersProperty().set(layers.strip().replaceAll("\\s*,\\s*", ", "));
      }
    });
  }

  @Override
  public Map<String, Object> facts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    TrainingMetrics m = playground.metricsProperty().get();
    if (m != null) {
      facts.put("steps", m.steps());
      facts.put("train.loss", m.trainLoss());
      facts.put("test.loss", m.testLoss());
      if (!Double.isNaN(m.testAccuracy())) {
        facts.put("test.accuracy", m.testAccuracy());
      }
    }
    return facts;
  }

  private static <T> T parse(String key, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  private static Tab tab(String id, javafx.scene.Node content) {
    Tab tab = new Tab();
    tab.textProperty().bind(I18n.text("playground.tab." + id));
    tab.setId("tab-playground-" + id);
    tab.setContent(content);
    return tab;
  }
}
