package org.tensorworkbench.ui.common;

import javafx.scene.control.ListCell;
import org.tensorworkbench.engine.train.Optimizer;

/**
 * A list cell naming an optimizer in the current language ({@code training.optimizer.<id>}), for
 * every optimizer choice (the Training screen's set-up, the Transfer Lab's fine-tuning tab). The
 * text is read when the cell is updated: make the cells again when the language changes.
 */
public final class OptimizerCell extends ListCell<Optimizer> {
  @Override
  protected void updateItem(Optimizer item, boolean empty) {
    super.updateItem(item, empty);
    setText(empty || item == null ? null : I18n.get("training.optimizer." + item.id()));
  }
}
