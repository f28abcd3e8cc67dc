package org.tensorworkbench.ui.tensors;

import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.I18n;

/**
 * The Tensor Lab (d2l 2.1 and 2.3): broadcasting explained, shape operations, (batched) matrix
 * multiplication and in-place updates. Every number comes from the engine; this class only lays
 * out the four tabs.
 */
public final class TensorLabView {
  private final TabPane root = new TabPane();

  public TensorLabView(AppContext context) {
    root.setId("tensor-lab");
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    root.getTabs().addAll(
        tab("broadcast", new BroadcastPane(new BroadcastViewModel(context.executor())).root()),
        tab("shapes", new ShapeOpsPane(new ShapeOpsViewModel(context.executor())).root()),
        tab("matmul", new MatMulPane(new MatMulViewModel(context.executor())).root()),
        tab("memory", new MemoryPane(new MemoryViewModel(context.executor())).root()));
  }

  public Parent root() {
    return root;
  }

  private static Tab tab(String id, javafx.scene.Node content) {
    Tab tab = new Tab();
    tab.textProperty().bind(I18n.text("tensors.tab." + id));
    tab.setId("tab-" + id);
    tab.setContent(content);
    return tab;
  }
}
