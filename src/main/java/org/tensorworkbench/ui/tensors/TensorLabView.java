package org.tensorworkbench.ui.tensors;

import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Tab;
import org.tensorworkbench.engine.lab.tensor.BroadcastExplanation;
import org.tensorworkbench.engine.lab.tensor.BroadcastRule;
import org.tensorworkbench.engine.lab.tensor.ElementwiseOp;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.lab.tensor.Shapes;
import org.tensorworkbench.engine.lab.tensor.TensorSource;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.LessonTarget;
import org.tensorworkbench.ui.common.I18n;

/**
 * The Tensor Lab (d2l 2.1 and 2.3): broadcasting explained, shape operations, (batched) matrix
 * multiplication and in-place updates. Every number comes from the engine; this class only lays
 * out the four tabs.
 */
public final class TensorLabView implements LessonTarget {
  private final TabPane root = new TabPane();
  private final BroadcastViewModel broadcast;

  public TensorLabView(AppContext context) {
    root.setId("tensor-lab");
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    broadcast = new BroadcastViewModel(context.executor());
    root.getTabs().addAll(
        tab("broadcast", new BroadcastPane(broadcast).root()),
        tab("shapes", new ShapeOpsPane(new ShapeOpsViewModel(context.executor())).root()),
        tab("matmul", new MatMulPane(new MatMulViewModel(context.executor())).root()),
        tab("memory", new MemoryPane(new MemoryViewModel(context.executor())).root()));
  }

  public Parent root() {
    return root;
  }

  /**
   * {@code tab} (a tab's id), {@code x.shape}, {@code y.shape} and {@code op} (+, -, *, /, ==, <, >)
   * of the broadcasting tab; a shape preset fills X or Y with 0, 1, 2, ...
   */
  @Override
  public void applyPreset(Map<String, String> preset) {
    Tab tab = null;
    ElementwiseOp op = null;
    for (Map.Entry<String, String> e : preset.entrySet()) {
      String value = e.getValue().strip();
      switch (e.getKey()) {
        case "tab" -> tab = root.getTabs().stream().filter(t -> t.getId().equals("tab-" + value)).findFirst()
            .orElseThrow(() -> LessonTarget.badValue("tab", value));
        case "x.shape", "y.shape" -> {
          try {
            Shapes.parse(value);
          } catch (LabInputException ex) {
            throw LessonTarget.badValue(e.getKey(), value);
          }
        }
        case "op" -> op = java.util.Arrays.stream(ElementwiseOp.values()).filter(o -> o.symbol().equals(value))
            .findFirst().orElseThrow(() -> LessonTarget.badValue("op", value));
        default -> throw LessonTarget.unknownKey(e.getKey());
      }
    }
    if (tab != null) {
      root.getSelectionModel().select(tab);
    }
    if (op != null) {
      broadcast.opProperty().set(op);
    }
    OperandModel[] operands = {broadcast.x(), broadcast.y()};
    String[] keys = {"x.shape", "y.shape"};
    for (int i = 0; i < 2; i++) {
      if (preset.containsKey(keys[i])) {
        operands[i].sourceProperty().set(TensorSource.ARANGE);
        operands[i].shapeProperty().set(preset.get(keys[i]).strip());
      }
    }
  }

  /**
   * The broadcasting tab's {@code x.shape} and {@code y.shape} (lists; absent while one cannot be
   * read), {@code broadcasts}, and {@code result.shape} when they broadcast.
   */
  @Override
  public Map<String, Object> facts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    try {
      int[] x = Shapes.parse(broadcast.x().shapeProperty().get());
      int[] y = Shapes.parse(broadcast.y().shapeProperty().get());
      facts.put("x.shape", list(x));
      facts.put("y.shape", list(y));
      BroadcastExplanation explained = BroadcastRule.explain(x, y);
      facts.put("broadcasts", explained.compatible());
      if (explained.compatible()) {
        facts.put("result.shape", list(explained.resultShape()));
      }
    } catch (LabInputException e) {
      // a shape being typed: no facts about the operands yet
    }
    return facts;
  }

  private static List<Long> list(int[] shape) {
    return java.util.Arrays.stream(shape).mapToLong(d -> d).boxed().toList();
  }

  private static Tab tab(String id, javafx.scene.Node content) {
    Tab tab = new Tab();
    tab.textProperty().bind(I18n.text("tensors.tab." + id));
    tab.setId("tab-" + id);
    tab.setContent(content);
    return tab;
  }
}
