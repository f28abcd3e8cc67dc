package org.tensorworkbench.ui.predict;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.tensorworkbench.engine.export.ExportFormat;
import org.tensorworkbench.i18n.Messages;

/** Asks for a model, a picture or an export target; tests substitute fixed answers. */
public interface PredictDialogs {

  Optional<Path> chooseModel(Window owner);

  Optional<Path> chooseImage(Window owner);

  Optional<Path> chooseExport(Window owner, ExportFormat format, String suggestedName);

  /** The platform's file choosers. */
  static PredictDialogs system() {
    return new PredictDialogs() {
      @Override
      public Optional<Path> chooseModel(Window owner) {
        return open(owner, "export.filter.models", "*.twmodel", "*.onnx");
      }

      @Override
      public Optional<Path> chooseImage(Window owner) {
        return open(owner, "export.filter.images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp");
      }

      @Override
      public Optional<Path> chooseExport(Window owner, ExportFormat format, String suggestedName) {
        FileChooser chooser = new FileChooser();
        String pattern = "*" + format.extension();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
            Messages.get(format == ExportFormat.ONNX ? "export.filter.onnx" : "export.filter.pytorch"), pattern));
        chooser.setInitialFileName(suggestedName + format.extension());
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath).map(p ->
            p.getFileName().toString().endsWith(format.extension()) ? p : p.resolveSibling(p.getFileName() + format.extension()));
      }

      private Optional<Path> open(Window owner, String filterKey, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get(filterKey), patterns));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
      }
    };
  }
}
