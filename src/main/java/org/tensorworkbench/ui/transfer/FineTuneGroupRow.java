package org.tensorworkbench.ui.transfer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tensorworkbench.engine.transfer.GroupMode;
import org.tensorworkbench.engine.transfer.LayerGroup;

/** One layer group of the pretrained model as the fine-tuning tab edits it: its mode and LR factor as typed. */
public final class FineTuneGroupRow {
  private final LayerGroup group;
  private final ObjectProperty<GroupMode> mode;
  private final StringProperty factor;

  FineTuneGroupRow(LayerGroup group, GroupMode mode, String factor) {
    this.group = group;
    this.mode = new SimpleObjectProperty<>(mode);
    this.factor = new SimpleStringProperty(factor);
  }

  public LayerGroup group() {
    return group;
  }

  /** Frozen, fine-tuned or re-initialized; the output layer is always new and only fine-tuned. */
  public ObjectProperty<GroupMode> modeProperty() {
    return mode;
  }

  /** The group's learning rate is the base rate times this factor. */
  public StringProperty factorProperty() {
    return factor;
  }
}
