package org.tensorworkbench.ui.builder;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.tensorworkbench.i18n.Messages;

/** Asks where to open or save a network file; tests substitute fixed answers. */
interface FileDialogs {

  Optional<Path> chooseOpen(Window owner, Path folder);

  Optional<Path> chooseSave(Window owner, Path folder, String suggestedName);

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
