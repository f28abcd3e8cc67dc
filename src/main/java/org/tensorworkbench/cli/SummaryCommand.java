package org.tensorworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NetworkSpecJson;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.spec.SpecException;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code summary}: every layer of a network with its output shape, parameters and arithmetic for
 * a batch, and the totals; exit code 1 when the network has errors (they are listed).
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print each layer's output shape, parameters, multiplications and additions.")
final class SummaryCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Option(names = "--network", required = true, paramLabel = "<template|file.json>",
      description = "A template name (${COMPLETION-CANDIDATES}) or a network JSON file.",
      completionCandidates = TemplateNames.class)
  String network;

  @Option(names = "--input-shape", paramLabel = "N,C,H,W",
      description = "The input shape with the batch first, e.g. 10,3,224,224 (default: the network's own).")
  String inputShape;

  @Option(names = "--batch", paramLabel = "N", description = "The batch size (default 1).")
  Integer batch;

  @Override
  public Integer call() {
    try {
      NetworkSpec spec = load(network);
      int batchSize = batch == null ? 1 : batch;
      if (inputShape != null) {
        List<Integer> dims = parseShape(inputShape);
        if (batch != null && batch.intValue() != dims.get(0)) {
          throw new SpecException("spec.summary.batchConflict", batch, inputShape);
        }
        batchSize = dims.get(0);
        spec = spec.withInputShape(dims.subList(1, dims.size()));
      }
      InferredNetwork net = ShapeInference.infer(spec, batchSize);
      command.commandLine().getOut().print(SummaryTable.render(net));
      command.commandLine().getOut().flush();
      return net.isComplete() ? 0 : 1;
    } catch (SpecException e) {
      command.commandLine().getErr().println(e.getLocalizedMessage());
      return 2;
    } catch (ArithmeticException e) {
      command.commandLine().getErr().println(Messages.get("spec.summary.tooLarge"));
      return 2;
    }
  }

  static NetworkSpec load(String name) {
    if (Templates.exists(name)) {
      return Templates.load(name);
    }
    Path file = Path.of(name);
    if (!Files.isRegularFile(file)) {
      throw new SpecException("spec.summary.notFound", name, String.join(", ", Templates.names()));
    }
    try {
      return NetworkSpecJson.readDraft(file);
    } catch (java.nio.charset.CharacterCodingException e) {
      // binary: a model, an ONNX file, an image...
      throw new SpecException("spec.summary.notText", name);
    } catch (IOException e) {
      throw new SpecException("spec.summary.unreadable", name, String.valueOf(e.getMessage()));
    }
  }

  private static List<Integer> parseShape(String text) {
    List<Integer> dims = new ArrayList<>();
    try {
      for (String part : text.split(",")) {
        dims.add(Integer.parseInt(part.strip()));
      }
    } catch (NumberFormatException e) {
      throw new SpecException("spec.summary.badInputShape", text);
    }
    if (dims.size() < 2 || dims.size() > 4 || dims.stream().anyMatch(d -> d < 1)) {
      throw new SpecException("spec.summary.badInputShape", text);
    }
    return dims;
  }

  /** The template names, for the option's help text and shell completion. */
  static final class TemplateNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Templates.names().iterator();
    }
  }
}
