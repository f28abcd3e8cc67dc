package org.tensorworkbench.ui.training;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.tensorworkbench.i18n.Messages;

/** Asks which file to open or where to save; tests substitute fixed answers. */
public interface FilePicker {

  /** The kinds of file the Training screen reads and writes. */
  enum Kind {
    NETWORK("training.file.network", "*.json"),
    MODEL("training.file.model", "*.twmodel"),
    CSV("training.file.csv", "*.csv"),
    PNG("training.file.png", "*.png"),
    AUGMENTATION("transfer.augment.file", "*.json");

    private final String filterKey;
    private final String pattern;

    Kind(String filterKey, String pattern) {
      this.filterKey = filterKey;
      this.pattern = pattern;
    }

    /** {@code name} with this kind's extension added if it has none. */
    Path withExtension(Path file) {
      String extension = pattern.substring(1);
      String name = file.getFileName().toString();
      return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? file : file.resolveSibling(name + extension);
    }
  }

  Optional<Path> open(Window owner, Kind kind, Path folder);

  Optional<Path> save(Window owner, Kind kind, Path folder, String suggestedName);

  /** The platform's file chooser. */
  static FilePicker system() {
    return new FilePicker() {
      @Override
      public Optional<Path> open(Window owner, Kind kind, Path folder) {
        return Optional.ofNullable(chooser(kind, folder, null).showOpenDialog(owner)).map(File::toPath);
      }

      @Override
      public Optional<Path> save(Window owner, Kind kind, Path folder, String suggestedName) {
        return Optional.ofNullable(chooser(kind, folder, suggestedName).showSaveDialog(owner)).map(File::toPath)
            .map(kind::withExtension);
      }

      private FileChooser chooser(Kind kind, Path folder, String name) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get(kind.filterKey), kind.pattern));
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
