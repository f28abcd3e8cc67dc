package org.tensorworkbench.ui.tensors;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.tensorworkbench.engine.lab.tensor.CodeLines;
import org.tensorworkbench.ui.common.I18n;

/** The same operation as a PyTorch line and an ND4J Java line, one above the other. */
public final class CodeLinesPane extends GridPane {
  private final Label pytorch = codeLabel();
  private final Label nd4j = codeLabel();

  public CodeLinesPane() {
    setHgap(10);
    setVgap(4);
    getStyleClass().add("code-lines");
    Label py = new Label();
    py.textProperty().bind(I18n.text("tensors.code.pytorch"));
    Label java = new Label();
    java.textProperty().bind(I18n.text("tensors.code.nd4j"));
    py.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    java.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    addRow(0, py, pytorch);
    addRow(1, java, nd4j);
    pytorch.setId("code-pytorch");
    nd4j.setId("code-nd4j");
  }

  public void show(CodeLines code) {
    pytorch.setText(code == null ? "" : code.pytorch());
    nd4j.setText(code == null ? "" : code.nd4j());
  }

  private static Label codeLabel() {
    Label l = new Label();
    l.setStyle("-fx-font-family: 'Monospaced'; -fx-background-color: #f4f4f4; -fx-padding: 2 6 2 6;");
    l.setWrapText(true);
    return l;
  }
}
