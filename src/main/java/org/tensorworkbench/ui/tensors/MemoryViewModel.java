package org.tensorworkbench.ui.tensors;

import org.tensorworkbench.ui.common.UiText;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tensorworkbench.engine.lab.tensor.MemoryDemo;
import org.tensorworkbench.engine.lab.tensor.MemoryStep;
import org.tensorworkbench.ui.common.LatestResult;
import org.tensorworkbench.ui.common.UiExecutor;

/** The memory tab: runs d2l 2.1.6's three statements with ND4J and lists what each did to its buffer. */
public final class MemoryViewModel {
  private final ObservableList<MemoryStep> steps = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>();
  private final LatestResult runner;

  public MemoryViewModel(UiExecutor executor) {
    this.runner = new LatestResult(executor);
  }

  public ObservableList<MemoryStep> steps() {
    return FXCollections.unmodifiableObservableList(steps);
  }

  public ReadOnlyObjectProperty<UiText> errorProperty() {
    return error.getReadOnlyProperty();
  }

  public void run() {
    runner.submit(MemoryDemo::run, s -> {
      error.set(null);
      steps.setAll(s);
    }, e -> error.set(UiText.of(e)));
  }
}
