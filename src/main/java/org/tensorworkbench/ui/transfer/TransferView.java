package org.tensorworkbench.ui.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.I18n;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.training.FilePicker;

/**
 * The Transfer Lab: image augmentation (d2l 14.1) and fine-tuning a pretrained network (d2l 14.2),
 * trained for real by the engine.
 *
 * <p>Lessons: preset key {@code tab} ({@code augmentation}, {@code finetune}); fact {@code tab}.
 */
public final class TransferView implements LessonTarget {
  private final TabPane root = new TabPane();
  private final List<String> tabIds = new ArrayList<>();

  public TransferView(AppContext context) {
    root.setId("transfer-lab");
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    addTab("augmentation", new AugmentPane(context, FilePicker.system()).root());
    addTab("finetune", new FineTunePane(new FineTuneViewModel(context.executor(), context.projectHome())).root());
  }

  public Parent root() {
    return root;
  }

  @Override
  public void applyPreset(Map<String, String> preset) {
    for (Map.Entry<String, String> e : preset.entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue().strip();
      if (!e.getKey().equals("tab")) {
        throw new IllegalArgumentException("unknown key: " + e.getKey() + " (tab)");
      }
      int i = tabIds.indexOf(value);
      if (i < 0) {
        throw new IllegalArgumentException("tab: " + value + " (one of " + tabIds + ")");
      }
      root.getSelectionModel().select(i);
    }
  }

  @Override
  public Map<String, Object> facts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    int selected = root.getSelectionModel().getSelectedIndex();
    if (selected >= 0) {
      facts.put("tab", tabIds.get(selected));
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
