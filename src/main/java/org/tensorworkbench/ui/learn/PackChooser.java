package org.tensorworkbench.ui.learn;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.tensorworkbench.ui.common.I18n;

/** Asks where a lesson pack is: a folder or a .zip (replaced in tests). */
interface PackChooser {
  Optional<Path> folder(Window owner);

  Optional<Path> zip(Window owner);

  /** The system's file dialogs. */
  static PackChooser system() {
    return new PackChooser() {
      @Override
      public Optional<Path> folder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(I18n.get("learn.pack.chooseFolder"));
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
      }

      @Override
      public Optional<Path> zip(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("learn.pack.chooseZip"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("learn.pack.zipFiles"), "*.zip"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
      }
    };
  }
}
