package org.tensorworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tensorworkbench.engine.export.ExportException;
import org.tensorworkbench.engine.export.ExportFormat;
import org.tensorworkbench.engine.export.Exporters;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.ModelFileException;
import org.tensorworkbench.engine.io.OutputPathException;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: a saved model as an ONNX file, or as a PyTorch script with its weights beside
 * it. Exit code 0 when written, 2 for bad input (no such model, not a model, a layer the format
 * cannot express), 1 when the file cannot be written.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a saved model to ONNX (.onnx) or PyTorch (a .py module and its .npz weights).")
final class ExportCommand implements Callable<Integer> {
  /** The formats, as typed. */
  enum FormatName { onnx, pytorch }

  @Spec
  private CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model file (.twmodel).")
  private Path model;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "onnx or pytorch.")
  private FormatName format;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "The file to write: an .onnx file, or the .py script (the .npz is written beside it).")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      ExportFormat chosen = format == FormatName.onnx ? ExportFormat.ONNX : ExportFormat.PYTORCH;
      Exporters.checkOutputs(chosen, out, List.of(model));
      List<Path> written = Exporters.export(ModelFile.load(model), chosen, out);
      PrintWriter stdout = spec.commandLine().getOut();
      written.forEach(file -> stdout.println(Messages.get("export.cli.wrote", file)));
      stdout.flush();
      return 0;
    } catch (NoSuchFileException e) {
      err.println(Messages.get("export.cli.notFound", e.getFile()));
      return 2;
    } catch (ModelFileException | ExportException | OutputPathException e) {
      err.println(e.getLocalizedMessage());
      return 2;
    } catch (IOException e) {
      err.println(Messages.get("export.cli.ioError", String.valueOf(e.getMessage())));
      return 1;
    }
  }
}
