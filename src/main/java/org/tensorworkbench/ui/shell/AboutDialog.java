package org.tensorworkbench.ui.shell;

import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tensorworkbench.launch.BuildInfo;
import org.tensorworkbench.engine.BackendInfo;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.DialogButtons;
import org.tensorworkbench.ui.common.I18n;

/** Help ▸ About: version, the backend in use, Java, and the licences of the bundled data and libraries. */
final class AboutDialog extends Dialog<Void> {

  /** @param backend the backend in use, or null while the engine is still starting (or failed) */
  AboutDialog(BackendInfo backend, Window owner) {
    initOwner(owner);
    titleProperty().bind(I18n.text("shell.about.title"));
    getDialogPane().setId("about-dialog");
    Appearance.apply(getDialogPane());

    Label name = new Label();
    name.textProperty().bind(I18n.text("shell.app.title"));
    name.getStyleClass().add("about-name");
    Label tagline = new Label();
    tagline.textProperty().bind(I18n.text("shell.about.tagline"));
    tagline.setWrapText(true);

    GridPane facts = new GridPane();
    facts.getStyleClass().add("form");
    facts.addRow(0, label("shell.about.version"), value(BuildInfo.version()));
    Label engine = new Label();
    engine.textProperty().bind(backend == null
        ? I18n.text("shell.about.engineNotReady")
        : javafx.beans.binding.Bindings.createStringBinding(backend::describe, I18n.localeProperty()));
    engine.setId("about-backend");
    engine.setWrapText(true);
    facts.addRow(1, label("shell.about.backend"), engine);
    facts.addRow(2, label("shell.about.java"),
        value(System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), JavaFX "
            + System.getProperty("javafx.runtime.version", "?")));

    Label dataHeading = heading("shell.about.dataHeading");
    Label data = paragraph("shell.about.data");
    Label libsHeading = heading("shell.about.librariesHeading");
    Label libs = paragraph("shell.about.libraries");

    VBox box = new VBox(name, tagline, facts, dataHeading, data, libsHeading, libs);
    box.getStyleClass().add("about");
    getDialogPane().setContent(box);
    getDialogPane().getButtonTypes().add(DialogButtons.close());
  }

  private static Label label(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.getStyleClass().add("about-key");
    return label;
  }

  private static Label value(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    return label;
  }

  private static Label heading(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.getStyleClass().add("about-heading");
    return label;
  }

  private static Label paragraph(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    label.setWrapText(true);
    label.getStyleClass().add("about-text");
    return label;
  }
}
