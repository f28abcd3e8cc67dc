package org.tensorworkbench.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.Predictor;
import org.tensorworkbench.engine.spec.AddSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.ConcatSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * Writes a trained network as a self-contained PyTorch script, so a student can go on in
 * PyTorch: the network as an {@code nn.Module} in d2l's style (an {@code nn.Sequential} of named
 * layers for a chain, a module with {@code forward()} when Add or Concat join branches), and the
 * trained weights in a {@code .npz} beside it, loaded by the script into the module's state dict.
 *
 * <p>The module takes what the dataset yields (pixels in [0, 1]) and normalizes them itself, as
 * the ONNX export does, and returns logits (a classifier; {@code predict} applies softmax, as
 * d2l trains with {@code nn.CrossEntropyLoss}) or values. Dropout is kept: PyTorch skips it in
 * {@code eval()} mode. Run as a program, the script loads the weights and compares its
 * predictions for {@value #CHECK_EXAMPLES} stored inputs with the workbench's, and exits with 1 if
 * they differ by more than 1e-4.
 */
public final class PyTorchExporter {
  /** The inputs stored with the weights for the script's self-check. */
  public static final int CHECK_EXAMPLES = 4;
  static final String CHECK_INPUT = "check.input";
  static final String CHECK_OUTPUT = "check.output";

  private static final Set<String> RESERVED = Set.of(
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
      "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
      "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "x", "self", "torch", "nn", "np",
      "training", "forward", "train", "eval", "to", "cuda", "cpu", "type", "float", "double", "half", "parameters",
      "buffers", "children", "modules", "state_dict", "load_state_dict", "apply", "zero_grad", "register_buffer",
      "register_parameter", "add_module", "extra_repr", "named_modules", "named_parameters", "named_buffers",
      "named_children", "get_submodule", "get_parameter", "get_buffer", "requires_grad_", "share_memory");

  private PyTorchExporter() {}

  /** The weights file written beside {@code script}: the same name with {@code .npz}. */
  public static Path weightsFile(Path script) {
    String name = script.getFileName().toString();
    String base = name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
    return script.resolveSibling(base + ".npz");
  }

  /**
   * Writes {@code script} and its weights file, each atomically, after both are complete in
   * memory: on an {@link ExportException} (a layer PyTorch cannot express) nothing is written.
   * Call it from the thread that trains the network, or when none trains. Returns both files.
   */
  public static List<Path> export(CompiledNetwork network, ModelMetadata metadata, Path script) throws IOException {
    Path weights = weightsFile(script);
    InferenceGraph graph = InferenceGraph.of(network.spec(), true);
    Map<String, ParameterTensor> params = TrainedParameters.read(network, graph);
    Optional<InputNormalization> normalization = InputNormalization.of(metadata.normalization(), graph.input().outputShape());
    Generator generator = new Generator(graph, normalization);
    String source = generator.script(metadata, weights.getFileName().toString());
    NpzWriter npz = generator.weights(params);
    addCheck(npz, network, metadata, graph);
    byte[] npzBytes = npz.toBytes();
    AtomicFiles.write(weights, npzBytes);
    AtomicFiles.writeString(script, source);
    return List.of(script, weights);
  }

  // CHECK_EXAMPLES seeded inputs u in [0, 1) and the workbench's predictions for them
  private static void addCheck(NpzWriter npz, CompiledNetwork network, ModelMetadata metadata, InferenceGraph graph) {
    int[] example = graph.input().outputShape();
    int features = java.util.Arrays.stream(example).reduce(1, (a, b) -> a * b);
    float[] u = new float[CHECK_EXAMPLES * features];
    Random random = new Random(42);
    for (int i = 0; i < u.length; i++) {
      u[i] = random.nextFloat();
    }
    long[] shape = new long[example.length + 1];
    shape[0] = CHECK_EXAMPLES;
    for (int i = 0; i < example.length; i++) {
      shape[i + 1] = example[i];
    }
    INDArray out = Predictor.of(network, metadata).outputForShown(u, shape, null)
        .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c');
    npz.add(CHECK_INPUT, shape, u);
    npz.add(CHECK_OUTPUT, out.shape(), out.data().asFloat());
  }

  /** Writes the Python source and names the state-dict entries. */
  private static final class Generator {
    private final InferenceGraph graph;
    private final Optional<InputNormalization> normalization;
    private final Map<String, String> pyNames = new HashMap<>();
    private final boolean sequential;

    Generator(InferenceGraph graph, Optional<InputNormalization> normalization) {
      this.graph = graph;
      this.normalization = normalization;
      Set<String> used = new HashSet<>();
      for (InferenceGraph.Step step : graph.steps()) {
        String name = step.id();
        while (RESERVED.contains(name) || used.contains(name)) {
          name = name + "_";
        }
        used.add(name);
        pyNames.put(step.id(), name);
      }
      this.sequential = isChain(graph);
    }

    private static boolean isChain(InferenceGraph graph) {
      List<InferenceGraph.Step> steps = graph.steps();
      for (int i = 1; i < steps.size(); i++) {
        InferenceGraph.Step step = steps.get(i);
        if (step.layer() instanceof AddSpec || step.layer() instanceof ConcatSpec
            || step.inputs().size() != 1 || !step.inputs().get(0).equals(steps.get(i - 1).id())) {
          return false;
        }
      }
      return true;
    }

    /** The layers that become modules: all but the Output, and the Input only when it normalizes. */
    private List<InferenceGraph.Step> moduleSteps() {
      return graph.steps().stream()
          .filter(s -> !(s.layer() instanceof OutputSpec) && !(s.layer() instanceof AddSpec) && !(s.layer() instanceof ConcatSpec))
          .filter(s -> !(s.layer() instanceof InputSpec) || normalization.isPresent())
          .toList();
    }

    private String moduleSource(InferenceGraph.Step step) {
      if (step.layer() instanceof InputSpec) {
        return "Normalize(" + PyTorchModules.tuple(java.util.Arrays.stream(normalization.orElseThrow().shape()).mapToInt(v -> (int) v).toArray()) + ")";
      }
      return PyTorchModules.of(step).source();
    }

    NpzWriter weights(Map<String, ParameterTensor> params) {
      NpzWriter npz = new NpzWriter();
      for (InferenceGraph.Step step : moduleSteps()) {
        String id = step.id();
        String prefix = pyNames.get(id) + (step.layer() instanceof InputSpec ? "" : PyTorchModules.of(step).parameterPrefix()) + ".";
        if (step.layer() instanceof InputSpec) {
          InputNormalization n = normalization.orElseThrow();
          npz.add(prefix + "mean", n.shape(), n.mean());
          npz.add(prefix + "std", n.shape(), n.std());
        } else if (step.layer() instanceof BatchNormSpec) {
          put(npz, prefix + "weight", params.get(GraphNames.gamma(id)));
          put(npz, prefix + "bias", params.get(GraphNames.beta(id)));
          put(npz, prefix + "running_mean", params.get(GraphNames.runningMean(id)));
          put(npz, prefix + "running_var", params.get(GraphNames.runningVar(id)));
          npz.add(prefix + "num_batches_tracked", 0);
        } else if (step.layer() instanceof LayerNormSpec) {
          put(npz, prefix + "weight", params.get(GraphNames.gamma(id)));
          put(npz, prefix + "bias", params.get(GraphNames.beta(id)));
        } else if (params.containsKey(GraphNames.weights(id))) {
          put(npz, prefix + "weight", params.get(GraphNames.weights(id)));
          if (params.containsKey(GraphNames.bias(id))) {
            put(npz, prefix + "bias", params.get(GraphNames.bias(id)));
          }
        }
      }
      return npz;
    }

    private static void put(NpzWriter npz, String key, ParameterTensor p) {
      npz.add(key, p.shape(), p.values());
    }

    String script(ModelMetadata metadata, String weightsName) {
      String name = graph.spec().name().isEmpty() ? "network" : graph.spec().name();
      boolean classifier = graph.classifier();
      StringBuilder py = new StringBuilder();
      py.append("\"\"\"").append(name.replace("\"", "'")).append(", exported from Tensor Workbench as a PyTorch module.\n\n");
      ModelProperties.of(name, metadata, graph.input().outputShape()).forEach((key, value) ->
          py.append(key).append(": ").append(value.replace("\\", "/").replace("\"\"\"", "'''")).append('\n'));
      py.append("output: ").append(classifier
          ? "logits [N, " + graph.output().outputShape()[0] + "]; predict() applies softmax for the class probabilities"
          : "values " + shapeText(graph.output().outputShape())).append('\n');
      py.append("weights: ").append(weightsName).append(" beside this file (numpy .npz, the keys of state_dict())\n\n");
      py.append("Run it to load the weights and check them against the workbench's predictions:\n");
      py.append("    python3 ").append("<this file>.py\n\"\"\"\n");
      py.append("""
          import os
          import sys
          from collections import OrderedDict

          import numpy as np
          import torch
          from torch import nn

          """);
      py.append("WEIGHTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), ").append(pyString(weightsName)).append(")\n");
      if (!metadata.classNames().isEmpty()) {
        py.append("CLASS_NAMES = [").append(metadata.classNames().stream().map(Generator::pyString).collect(Collectors.joining(", ")))
            .append("]\n");
      }
      if (normalization.isPresent()) {
        py.append("""


            class Normalize(nn.Module):
                \"\"\"x = (u - mean) / std, the normalization the workbench trained with (mean and std in the weights).\"\"\"

                def __init__(self, shape):
                    super().__init__()
                    self.register_buffer("mean", torch.zeros(shape))
                    self.register_buffer("std", torch.ones(shape))

                def forward(self, x):
                    return (x - self.mean) / self.std
            """);
      }
      py.append("\n\n");
      if (sequential) {
        appendSequential(py, name);
      } else {
        appendModule(py, name);
      }
      appendLoadAndCheck(py, classifier);
      return py.toString();
    }

    private void appendSequential(StringBuilder py, String name) {
      py.append("def make_net():\n");
      py.append("    \"\"\"").append(name.replace("\"", "'")).append(" as an nn.Sequential of named layers.\"\"\"\n");
      py.append("    return nn.Sequential(OrderedDict([\n");
      for (InferenceGraph.Step step : moduleSteps()) {
        py.append("        (").append(pyString(pyNames.get(step.id()))).append(", ").append(moduleSource(step)).append("),\n");
      }
      py.append("    ]))\n");
    }

    private void appendModule(StringBuilder py, String name) {
      py.append("class Net(nn.Module):\n");
      py.append("    \"\"\"").append(name.replace("\"", "'")).append(": branches joined by Add or Concat, so forward() spells out the graph.\"\"\"\n\n");
      py.append("    def __init__(self):\n        super().__init__()\n");
      for (InferenceGraph.Step step : moduleSteps()) {
        py.append("        self.").append(pyNames.get(step.id())).append(" = ").append(moduleSource(step)).append('\n');
      }
      py.append("\n    def forward(self, x):\n");
      Map<String, String> variables = new HashMap<>();
      List<String> lines = new ArrayList<>();
      for (InferenceGraph.Step step : graph.steps()) {
        String var = pyNames.get(step.id());
        List<String> in = step.inputs().stream().map(variables::get).toList();
        if (step.layer() instanceof InputSpec) {
          if (normalization.isPresent()) {
            lines.add(var + " = self." + var + "(x)");
          } else {
            var = "x";
          }
        } else if (step.layer() instanceof OutputSpec) {
          lines.add("return " + in.get(0));
        } else if (step.layer() instanceof AddSpec) {
          lines.add(var + " = " + String.join(" + ", in));
        } else if (step.layer() instanceof ConcatSpec) {
          lines.add(var + " = torch.cat([" + String.join(", ", in) + "], dim=1)");
        } else {
          lines.add(var + " = self." + var + "(" + in.get(0) + ")");
        }
        variables.put(step.id(), var);
      }
      lines.forEach(line -> py.append("        ").append(line).append('\n'));
      py.append("\n\ndef make_net():\n    return Net()\n");
    }

    private static void appendLoadAndCheck(StringBuilder py, boolean classifier) {
      py.append("""


          def load_net(path=WEIGHTS):
              \"\"\"The network with the trained weights, in eval mode (running statistics, no dropout).\"\"\"
              net = make_net()
              arrays = np.load(path)
              state = {key: torch.from_numpy(arrays[key]) for key in arrays.files if not key.startswith("check.")}
              net.load_state_dict(state)
              return net.eval()


          def predict(net, x):
          """);
      py.append(classifier
          ? "    \"\"\"Class probabilities [N, K] for inputs x [N, ...] (pixels in [0, 1]).\"\"\"\n"
              + "    with torch.no_grad():\n        return torch.softmax(net(x), dim=1)\n"
          : "    \"\"\"The predicted values for inputs x [N, ...].\"\"\"\n    with torch.no_grad():\n        return net(x)\n");
      py.append("""


          if __name__ == "__main__":
              net = load_net()
              arrays = np.load(WEIGHTS)
              got = predict(net, torch.from_numpy(arrays["check.input"])).numpy()
              difference = float(np.abs(got - arrays["check.output"]).max())
              print(f"largest difference from the workbench's predictions on {len(got)} inputs: {difference:.3g}")
              sys.exit(0 if difference <= 1e-4 else 1)
          """);
    }

    private static String shapeText(int[] example) {
      StringBuilder s = new StringBuilder("[N");
      for (int d : example) {
        s.append(", ").append(d);
      }
      return s.append(']').toString();
    }

    private static String pyString(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
  }
}
