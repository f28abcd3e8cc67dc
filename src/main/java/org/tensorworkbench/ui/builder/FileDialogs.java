package org.tensorworkbench.ui.builder;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.DialogButtons;

/**
 * The questions the file commands ask: where to open or save a network file, and whether to
 * save unsaved changes first. Tests substitute fixed answers.
 */
interface FileDialogs {

  Optional<Path> chooseOpen(Window owner, Path folder);

  Optional<Path> chooseSave(Window owner, Path folder, String suggestedName);

  /** Asks whether to save the changes to {@code designName} before they would be lost. */
  SaveChoice askToSave(Window owner, String designName);

  /** The platform's file chooser, filtered to network files. */
  static FileDialogs system() {
    return new FileDialogs() {
      @Override
      public Optional<Path> chooseOpen(Window owner, Path folder) {
        return Optional.ofNullable(chooser(folder, null).showOpenDialog(owner)).map(File::toPath);
      }

      @Override
      public Optional<Path> chooseSave(Window owner, Path folder, String suggestedName) {
        return Optional.ofNullable(chooser(folder, suggestedName).showSaveDialog(owner)).map(File::toPath)
            .map(p -> p.getFileName().toString().endsWith(".json") ? p : p.resolveSibling(p.getFileName() + ".json"));
      }

      @Override
      public SaveChoice askToSave(Window owner, String designName) {
        ButtonType save = new ButtonType(Messages.get("builder.unsaved.save"), ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.get("builder.unsaved.discard"), ButtonData.NO);
        ButtonType cancel = DialogButtons.cancel();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("builder.unsaved.text"), save, discard, cancel);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("builder.unsaved.title"));
        alert.setHeaderText(Messages.get("builder.unsaved.header", designName));
        alert.getDialogPane().setId("builder-unsaved-dialog");
        Appearance.apply(alert.getDialogPane());
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? SaveChoice.SAVE : answer == discard ? SaveChoice.DISCARD : SaveChoice.CANCEL;
      }

      private FileChooser chooser(Path folder, String name) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("builder.file.filter"), "*.json"));
        if (folder != null && folder.toFile().isDirectory()) {
          chooser.setInitialDirectory(folder.toFile());
        }
        if (name != null) {
          chooser.setInitialFileName(name);
        }
        return chooser;
      }
    };
  }
}
