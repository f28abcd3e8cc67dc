package org.tensorworkbench.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.tensorworkbench.engine.io.OutputPaths;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.SavedModel;

/**
 * The one entry point for taking a trained model out of the workbench, for the command line,
 * the Training screen and the builder: a format, a model (a saved one, or a network being
 * trained with the metadata it would be saved with) and a target file. Files are written
 * atomically; on an {@link ExportException} nothing is written.
 *
 * <p>Exporting reads the weights: call it from the thread that trains the network (between
 * iterations) or when no training runs.
 */
public final class Exporters {
  private Exporters() {}

  /**
   * Refuses, before any work, outputs that would destroy an input or another kind of file: the
   * file and, for PyTorch, the .npz beside it (see {@link OutputPaths}).
   */
  public static void checkOutputs(ExportFormat format, Path file, Collection<Path> inputs) {
    OutputPaths.requireFile(file, format.extension(), inputs);
    if (format == ExportFormat.PYTORCH) {
      OutputPaths.requireFile(PyTorchExporter.weightsFile(file), ".npz", inputs);
    }
  }

  /** Exports a model read from a file; returns the files written (the .py and .npz for PyTorch). */
  public static List<Path> export(SavedModel model, ExportFormat format, Path file) throws IOException {
    return export(model.network(), model.metadata(), format, file);
  }

  public static List<Path> export(CompiledNetwork network, ModelMetadata metadata, ExportFormat format, Path file)
      throws IOException {
    return switch (format) {
      case ONNX -> {
        OnnxExporter.export(network, metadata, file);
        yield List.of(file);
      }
      case PYTORCH -> PyTorchExporter.export(network, metadata, file);
    };
  }
}
