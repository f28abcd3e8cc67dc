package org.tensorworkbench.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import onnx.Onnx;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.AddSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.ConcatSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.ConvArithmetic;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.GlobalAvgPool2dSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Size2;

/**
 * Writes a trained network as an ONNX model (opset {@value #OPSET}, IR version {@value #IR_VERSION})
 * built with the ONNX protobuf classes that nd4j-api ships.
 *
 * <p>The graph takes what the dataset yields, float32 [N, C, H, W] (or [N, D]) with N symbolic:
 * pixels in [0, 1], and normalizes them itself with the model's recorded normalization (Sub,
 * Div). It returns the class probabilities (Softmax) of a classifier, or the values of a
 * regression. Each layer maps to ONNX operators as the workbench computes it:
 *
 * <ul>
 *   <li>Dense: Gemm with the weight in PyTorch's [out, in] layout and transB = 1;
 *   <li>Conv: Conv with explicit pads or auto_pad SAME_UPPER for "same" (TensorFlow's rule, the
 *       extra row at the bottom/right; resolved to pads when dilated), strides, dilations, an
 *       optional bias;
 *   <li>MaxPool; AveragePool with count_include_pad = 1 for explicit padding (the workbench pads
 *       with zeros and divides by the whole window, as PyTorch) and 0 for "same" (it divides by the
 *       pixels inside, as TensorFlow); GlobalAveragePool then Flatten for [N, C];
 *   <li>Relu, LeakyRelu, Sigmoid, Tanh, Softmax (last axis); GELU in the workbench's tanh form
 *       0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) written out with Mul, Add and Tanh — the erf
 *       form would compute a different function (up to 5e-4 apart);
 *   <li>BatchNormalization with the running statistics (inference), LayerNormalization over all
 *       features of an example (axis 1; a single operator since opset 17), Add (Sum for more than
 *       two inputs), Concat on axis 1. Dropout is the identity at inference and left out.
 * </ul>
 *
 * Node names are the workbench's node ids (helpers get "id/part"), weights keep the workbench's
 * parameter names, every layer's output shape is declared, and the nodes are in topological
 * order. Class names, the dataset, the normalization and the final metrics go into the model's
 * metadata_props.
 */
public final class OnnxExporter {
  public static final int OPSET = 17;
  public static final int IR_VERSION = 8;
  static final String PRODUCER = "Tensor Workbench";

  private OnnxExporter() {}

  /**
   * Writes the model atomically; on an {@link ExportException} (a layer ONNX cannot express)
   * nothing is written. Call it from the thread that trains the network, or when none trains.
   */
  public static void export(CompiledNetwork network, ModelMetadata metadata, Path file) throws IOException {
    AtomicFiles.write(file, toModel(network, metadata).toByteArray());
  }

  /** The ONNX model of {@code network} with its current weights. */
  public static Onnx.ModelProto toModel(CompiledNetwork network, ModelMetadata metadata) {
    InferenceGraph graph = InferenceGraph.of(network.spec());
    Map<String, ParameterTensor> params = TrainedParameters.read(network, graph);
    String name = graph.spec().name().isEmpty() ? "network" : graph.spec().name();
    OnnxGraph onnx = new OnnxGraph(name);
    new Emitter(onnx, params).emitAll(graph, metadata);
    Onnx.ModelProto.Builder model = Onnx.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName(PRODUCER)
        .setProducerVersion(version())
        .setDocString("Exported by " + PRODUCER + " from the network \"" + name + "\".")
        .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(onnx.build());
    ModelProperties.of(name, metadata, graph.input().outputShape()).forEach((key, value) ->
        model.addMetadataProps(Onnx.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return model.build();
  }

  private static String version() {
    String v = OnnxExporter.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Emits the nodes of one network; remembers which tensor holds each layer's output. */
  private static final class Emitter {
    private final OnnxGraph onnx;
    private final Map<String, ParameterTensor> params;
    private final Map<String, String> tensorOf = new HashMap<>();

    Emitter(OnnxGraph onnx, Map<String, ParameterTensor> params) {
      this.onnx = onnx;
      this.params = params;
    }

    void emitAll(InferenceGraph graph, ModelMetadata metadata) {
      for (InferenceGraph.Step step : graph.steps()) {
        if (step.layer() instanceof InputSpec) {
          tensorOf.put(step.id(), input(step, InputNormalization.of(metadata.normalization(), step.outputShape())));
          continue;
        }
        List<String> inputs = step.inputs().stream().map(tensorOf::get).toList();
        String output = emit(step, inputs);
        tensorOf.put(step.id(), output);
        if (step == graph.output()) {
          onnx.output(output, step.outputShape());
        } else {
          onnx.shape(output, step.outputShape());
        }
      }
    }

    // "input" [N, ...], then (u − mean) / std when the model was trained on normalized data
    private String input(InferenceGraph.Step step, Optional<InputNormalization> normalization) {
      onnx.input(GraphNames.INPUT, step.outputShape());
      if (normalization.isEmpty()) {
        return GraphNames.INPUT;
      }
      InputNormalization n = normalization.get();
      String id = step.id();
      String mean = onnx.initializer(GraphNames.part(id, "mean"), n.shape(), n.mean());
      String std = onnx.initializer(GraphNames.part(id, "std"), n.shape(), n.std());
      String centered = onnx.node(GraphNames.part(id, "subtract_mean"), "Sub", List.of(GraphNames.INPUT, mean),
          GraphNames.part(id, "centered"));
      String normalized = onnx.node(GraphNames.part(id, "divide_std"), "Div", List.of(centered, std),
          GraphNames.part(id, "normalized"));
      onnx.shape(centered, step.outputShape());
      onnx.shape(normalized, step.outputShape());
      return normalized;
    }

    private String emit(InferenceGraph.Step step, List<String> in) {
      String id = step.id();
      LayerSpec layer = step.layer();
      String x = in.get(0);
      if (layer instanceof DenseSpec d) {
        List<String> args = new ArrayList<>(List.of(x, weight(GraphNames.weights(id))));
        if (d.bias()) {
          args.add(weight(GraphNames.bias(id)));
        }
        return onnx.node(id, "Gemm", args, id, OnnxGraph.integer("transB", 1));
      } else if (layer instanceof Conv2dSpec c) {
        List<String> args = new ArrayList<>(List.of(x, weight(GraphNames.weights(id))));
        if (c.bias()) {
          args.add(weight(GraphNames.bias(id)));
        }
        return onnx.node(id, "Conv", args, id,
            OnnxGraph.ints("kernel_shape", c.kernel().h(), c.kernel().w()),
            OnnxGraph.ints("strides", c.stride().h(), c.stride().w()),
            OnnxGraph.ints("dilations", c.dilation().h(), c.dilation().w()),
            c.dilation().equals(Size2.of(1)) ? padding(c.padding())
                : OnnxGraph.ints("pads", pads(c.padding(), c.kernel(), c.stride(), c.dilation(), step.inputShape())),
            OnnxGraph.integer("group", 1));
      } else if (layer instanceof MaxPool2dSpec p) {
        return onnx.node(id, "MaxPool", List.of(x), id,
            OnnxGraph.ints("kernel_shape", p.window().h(), p.window().w()),
            OnnxGraph.ints("strides", p.stride().h(), p.stride().w()),
            padding(p.padding()));
      } else if (layer instanceof AvgPool2dSpec p) {
        return onnx.node(id, "AveragePool", List.of(x), id,
            OnnxGraph.ints("kernel_shape", p.window().h(), p.window().w()),
            OnnxGraph.ints("strides", p.stride().h(), p.stride().w()),
            padding(p.padding()),
            OnnxGraph.integer("count_include_pad", p.padding().same() ? 0 : 1));
      } else if (layer instanceof GlobalAvgPool2dSpec) {
        String pooled = onnx.node(GraphNames.part(id, "pool"), "GlobalAveragePool", List.of(x), GraphNames.part(id, "pooled"));
        onnx.shape(pooled, new int[] {step.inputShape()[0], 1, 1});
        return onnx.node(id, "Flatten", List.of(pooled), id, OnnxGraph.integer("axis", 1)); // [N, C, 1, 1] -> [N, C]
      } else if (layer instanceof FlattenSpec) {
        return onnx.node(id, "Flatten", List.of(x), id, OnnxGraph.integer("axis", 1)); // [N, C, H, W] -> [N, C·H·W]
      } else if (layer instanceof ActivationSpec a) {
        return activation(id, a, x, step.outputShape());
      } else if (layer instanceof BatchNormSpec bn) {
        return onnx.node(id, "BatchNormalization",
            List.of(x, weight(GraphNames.gamma(id)), weight(GraphNames.beta(id)),
                weight(GraphNames.runningMean(id)), weight(GraphNames.runningVar(id))),
            id, OnnxGraph.real("epsilon", bn.epsilon()), OnnxGraph.real("momentum", 1 - bn.momentum()));
      } else if (layer instanceof LayerNormSpec ln) {
        return onnx.node(id, "LayerNormalization", List.of(x, weight(GraphNames.gamma(id)), weight(GraphNames.beta(id))),
            id, OnnxGraph.integer("axis", 1), OnnxGraph.real("epsilon", ln.epsilon()));
      } else if (layer instanceof AddSpec) {
        return onnx.node(id, in.size() == 2 ? "Add" : "Sum", in, id);
      } else if (layer instanceof ConcatSpec) {
        return onnx.node(id, "Concat", in, id, OnnxGraph.integer("axis", 1));
      } else if (layer instanceof OutputSpec o) {
        return o.loss() == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY
            ? onnx.node(id, "Softmax", List.of(x), id, OnnxGraph.integer("axis", 1)) // [N, K] probabilities
            : onnx.node(id, "Identity", List.of(x), id);
      }
      throw new ExportException("export.error.unsupportedLayer", id, layer.getClass().getSimpleName(), "ONNX");
    }

    private String activation(String id, ActivationSpec a, String x, int[] shape) {
      return switch (a.function()) {
        case RELU -> onnx.node(id, "Relu", List.of(x), id);
        case LEAKY_RELU -> onnx.node(id, "LeakyRelu", List.of(x), id, OnnxGraph.real("alpha", a.alpha()));
        case SIGMOID -> onnx.node(id, "Sigmoid", List.of(x), id);
        case TANH -> onnx.node(id, "Tanh", List.of(x), id);
        case SOFTMAX -> onnx.node(id, "Softmax", List.of(x), id, OnnxGraph.integer("axis", -1));
        case GELU -> gelu(id, x, shape);
      };
    }

    // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), the order of the workbench's GraphBuilder;
    // every helper tensor has the shape of x
    private String gelu(String id, String x, int[] shape) {
      String square = onnx.node(GraphNames.part(id, "square"), "Mul", List.of(x, x), GraphNames.part(id, "x2"));
      String cube = onnx.node(GraphNames.part(id, "cube"), "Mul", List.of(square, x), GraphNames.part(id, "x3"));
      String scaledCube = onnx.node(GraphNames.part(id, "scale_cube"), "Mul",
          List.of(cube, onnx.scalar(GraphNames.part(id, "c"), 0.044715f)), GraphNames.part(id, "cx3"));
      String sum = onnx.node(GraphNames.part(id, "add_cube"), "Add", List.of(x, scaledCube), GraphNames.part(id, "x_cx3"));
      String inner = onnx.node(GraphNames.part(id, "scale_inner"), "Mul",
          List.of(sum, onnx.scalar(GraphNames.part(id, "sqrt_2_over_pi"), (float) Math.sqrt(2 / Math.PI))),
          GraphNames.part(id, "inner"));
      String tanh = onnx.node(GraphNames.part(id, "tanh"), "Tanh", List.of(inner), GraphNames.part(id, "tanh_inner"));
      String onePlus = onnx.node(GraphNames.part(id, "add_one"), "Add",
          List.of(tanh, onnx.scalar(GraphNames.part(id, "one"), 1f)), GraphNames.part(id, "one_plus_tanh"));
      String halfX = onnx.node(GraphNames.part(id, "halve"), "Mul",
          List.of(x, onnx.scalar(GraphNames.part(id, "half"), 0.5f)), GraphNames.part(id, "half_x"));
      for (String helper : List.of(square, cube, scaledCube, sum, inner, tanh, onePlus, halfX)) {
        onnx.shape(helper, shape);
      }
      return onnx.node(id, "Mul", List.of(halfX, onePlus), id);
    }

    private String weight(String name) {
      ParameterTensor p = params.get(name);
      return onnx.initializer(name, p.shape(), p.values());
    }
  }

  /**
   * Explicit pads [top, left, bottom, right], or auto_pad SAME_UPPER for "same": ONNX's rule is
   * TensorFlow's and the workbench's (output ⌈n/s⌉, the extra row at the bottom/right). ONNX
   * Runtime refuses SAME_UPPER with dilation, so a dilated convolution gets its "same" pads
   * resolved.
   */
  private static Onnx.AttributeProto padding(Padding padding) {
    return padding.same()
        ? OnnxGraph.text("auto_pad", "SAME_UPPER")
        : OnnxGraph.ints("pads", padding.h(), padding.w(), padding.h(), padding.w());
  }

  /** Pads [top, left, bottom, right] resolved for an input [C, H, W]; "same" with the extra row at the bottom/right. */
  static long[] pads(Padding padding, Size2 kernel, Size2 stride, Size2 dilation, int[] inputShape) {
    if (!padding.same()) {
      return new long[] {padding.h(), padding.w(), padding.h(), padding.w()};
    }
    long h = inputShape[1];
    long w = inputShape[2];
    return new long[] {
      ConvArithmetic.samePaddingBefore(h, kernel.h(), stride.h(), dilation.h()),
      ConvArithmetic.samePaddingBefore(w, kernel.w(), stride.w(), dilation.w()),
      ConvArithmetic.samePaddingAfter(h, kernel.h(), stride.h(), dilation.h()),
      ConvArithmetic.samePaddingAfter(w, kernel.w(), stride.w(), dilation.w())
    };
  }
}
