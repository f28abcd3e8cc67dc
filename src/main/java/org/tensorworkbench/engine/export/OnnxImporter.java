package org.tensorworkbench.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onnx.Onnx;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;
import org.tensorworkbench.engine.data.Normalization;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.NormalizationRecord;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.AddSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.ConcatSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.GlobalAvgPool2dSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.spec.Size2;
import org.tensorworkbench.engine.spec.SpecException;

/**
 * Reads an ONNX model back into palette layers and weights: the files {@link OnnxExporter}
 * writes, and simple foreign ones (a chain or DAG of Gemm or MatMul+Add, Conv, MaxPool,
 * AveragePool, GlobalAveragePool, Flatten or a flattening Reshape, the activations,
 * BatchNormalization, LayerNormalization, Add/Sum, Concat, with Dropout and Identity passed
 * through). The exporter's own decompositions are recognized: the input's Sub/Div
 * normalization and GELU's tanh form. A file with operators or options that no palette layer
 * computes is refused with the list of them, so a student sees at once what does not fit.
 *
 * <p>A graph output computed by Softmax becomes a classifier's Output (softmax cross-entropy);
 * any other output is a regression (MSE). Without a recorded normalization an image input is
 * taken to be pixels / 255, the usual [0, 1] range.
 */
public final class OnnxImporter {
  private OnnxImporter() {}

  /** Reads {@code file}; throws {@link ExportException} for a file that is no ONNX model or does not fit the palette. */
  public static ImportedModel read(Path file) throws IOException {
    Onnx.ModelProto model;
    try {
      model = Onnx.ModelProto.parseFrom(Files.readAllBytes(file));
    } catch (InvalidProtocolBufferException e) {
      throw new ExportException(e, "export.error.notOnnx", file.getFileName());
    }
    if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
      throw new ExportException("export.error.notOnnx", file.getFileName());
    }
    return new Reader(model, file.getFileName().toString()).read();
  }

  /** One pass over the nodes in file order (ONNX requires topological order). */
  private static final class Reader {
    private static final Set<String> PASS_THROUGH = Set.of("Dropout", "Identity");
    private static final String INPUT_ID = "input";

    private final Onnx.ModelProto model;
    private final Onnx.GraphProto graph;
    private final String fileName;
    private final long opset;
    private final Map<String, Onnx.TensorProto> constants = new HashMap<>();
    private final Map<String, String> producer = new HashMap<>();
    private final List<NodeSpec> nodes = new ArrayList<>();
    private final Map<String, ParameterTensor> params = new LinkedHashMap<>();
    private final Set<String> ids = new HashSet<>();
    private final Set<String> problems = new LinkedHashSet<>();
    private final Map<String, Long> flattenChecks = new HashMap<>();
    private int[] example;
    /** The name of an Identity computing the graph output: the id of a regression's Output. */
    private String outputName = "output";
    /** The id of the layer being read. */
    private String current;
    private float[] normalizationMean;
    private float[] normalizationStd;

    Reader(Onnx.ModelProto model, String fileName) {
      this.model = model;
      this.graph = model.getGraph();
      this.fileName = fileName;
      this.opset = model.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
          .mapToLong(Onnx.OperatorSetIdProto::getVersion).findFirst().orElse(OnnxExporter.OPSET);
    }

    ImportedModel read() {
      graph.getInitializerList().forEach(t -> constants.put(t.getName(), t));
      input();
      List<Onnx.NodeProto> list = graph.getNodeList();
      for (int i = 0; i < list.size(); i++) {
        i += node(list, i);
      }
      String outputProducer = producer.get(graph.getOutput(0).getName());
      if (outputProducer == null && problems.isEmpty()) {
        problems.add("output");
      }
      if (!problems.isEmpty()) {
        throw new ExportException("export.error.unsupportedOps", fileName, String.join(", ", problems));
      }
      addOutput(outputProducer);
      String name = property(ModelProperties.NETWORK, fileName.replaceFirst("\\.onnx$", ""));
      NetworkSpec spec = NetworkSpec.of(name, nodes);
      try {
        var inferred = ShapeInference.require(spec, 1);
        flattenChecks.forEach((id, features) -> {
          if (inferred.outputShape(id).elements() != features) {
            throw new ExportException("export.error.unsupportedOps", fileName, "Reshape (" + id + ")");
          }
        });
      } catch (SpecException e) {
        throw new ExportException(e, "export.error.badGraph", fileName, e.getMessage());
      }
      return new ImportedModel(spec, params, metadata());
    }

    private void input() {
      Set<String> initializers = constants.keySet();
      Onnx.ValueInfoProto in = graph.getInputList().stream().filter(v -> !initializers.contains(v.getName())).findFirst()
          .orElseThrow(() -> new ExportException("export.error.notOnnx", fileName));
      List<Onnx.TensorShapeProto.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
      example = new int[Math.max(0, dims.size() - 1)];
      for (int i = 1; i < dims.size(); i++) {
        example[i - 1] = (int) dims.get(i).getDimValue();
      }
      if (example.length < 1 || example.length > 3 || java.util.Arrays.stream(example).anyMatch(d -> d < 1)) {
        throw new ExportException("export.error.inputShape", fileName, dims.size());
      }
      ids.add(INPUT_ID);
      nodes.add(NodeSpec.of(INPUT_ID, new InputSpec(java.util.Arrays.stream(example).boxed().toList())));
      producer.put(in.getName(), INPUT_ID);
    }

    /** Reads the node at {@code i}; returns how many following nodes it consumed too. */
    private int node(List<Onnx.NodeProto> list, int i) {
      Onnx.NodeProto n = list.get(i);
      String op = n.getOpType();
      if (op.equals("Constant")) {
        constants.put(n.getOutput(0), attribute(n, "value").getT());
        return 0;
      }
      if (PASS_THROUGH.contains(op)) {
        producer.put(n.getOutput(0), producer.get(n.getInput(0)));
        if (n.getOutput(0).equals(graph.getOutput(0).getName())) {
          outputName = n.getName();
        }
        return 0;
      }
      if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
        problems.add(n.getDomain() + "." + op);
        return 0;
      }
      if (isNormalization(n)) {
        return 0;
      }
      if (op.equals("Mul") && n.getInputCount() == 2 && n.getInput(0).equals(n.getInput(1))) {
        int consumed = gelu(list, i);
        if (consumed > 0) {
          return consumed;
        }
      }
      if (op.equals("GlobalAveragePool")) {
        return globalAveragePool(list, i);
      }
      current = idFor(n.getName(), op);
      if (op.equals("MatMul")) {
        return matMul(list, i);
      }
      LayerSpec layer = layer(n);
      if (layer != null) {
        add(current, op, layer, n.getInputList().stream().filter(t -> !constants.containsKey(t)).toList(), n.getOutput(0));
      }
      return 0;
    }

    /** The layer of a single node, with its parameters recorded; null (and a problem noted) if none fits. */
    private LayerSpec layer(Onnx.NodeProto n) {
      String op = n.getOpType();
      switch (op) {
        case "Relu":
          return ActivationSpec.of(Function.RELU);
        case "Sigmoid":
          return ActivationSpec.of(Function.SIGMOID);
        case "Tanh":
          return ActivationSpec.of(Function.TANH);
        case "LeakyRelu":
          return new ActivationSpec(Function.LEAKY_RELU, clean(floatAttribute(n, "alpha", 0.01f)));
        case "Softmax":
          return softmax(n);
        case "Gemm":
          return gemm(n);
        case "Conv":
          return conv(n);
        case "MaxPool":
        case "AveragePool":
          return pool(n);
        case "Flatten":
          return intAttribute(n, "axis", 1) == 1 ? new FlattenSpec() : problem(op + " (axis " + intAttribute(n, "axis", 1) + ")");
        case "Reshape":
          return reshape(n);
        case "BatchNormalization":
          return batchNorm(n);
        case "LayerNormalization":
          return layerNorm(n);
        case "Add":
        case "Sum":
          return n.getInputList().stream().anyMatch(constants::containsKey) ? problem(op + " (a constant)") : new AddSpec();
        case "Concat":
          return intAttribute(n, "axis", 1) == 1 ? new ConcatSpec() : problem(op + " (axis " + intAttribute(n, "axis", 1) + ")");
        default:
          return problem(op);
      }
    }

    private LayerSpec softmax(Onnx.NodeProto n) {
      long axis = intAttribute(n, "axis", opset >= 13 ? -1 : 1);
      boolean feedsOutput = n.getOutput(0).equals(graph.getOutput(0).getName());
      return axis == -1 || (feedsOutput && axis == 1) ? ActivationSpec.of(Function.SOFTMAX) : problem("Softmax (axis " + axis + ")");
    }

    // y = α·A·op(B) + β·C with B a constant: a dense layer
    private LayerSpec gemm(Onnx.NodeProto n) {
      Onnx.TensorProto b = constants.get(n.getInput(1));
      if (b == null || intAttribute(n, "transA", 0) != 0 || floatAttribute(n, "alpha", 1f) != 1f
          || floatAttribute(n, "beta", 1f) != 1f || b.getDimsCount() != 2) {
        return problem("Gemm (" + (b == null ? "computed weights" : "alpha, beta or transA") + ")");
      }
      ParameterTensor w = tensor(b);
      ParameterTensor weight = intAttribute(n, "transB", 0) == 1 ? w : transpose(w); // -> [out, in]
      Onnx.TensorProto c = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? constants.get(n.getInput(2)) : null;
      return dense(weight, c == null ? null : OnnxTensors.floats(c));
    }

    // MatMul(x, W [in, out]), optionally followed by Add(·, b)
    private int matMul(List<Onnx.NodeProto> list, int i) {
      Onnx.NodeProto n = list.get(i);
      Onnx.TensorProto w = constants.get(n.getInput(1));
      if (w == null || w.getDimsCount() != 2) {
        problem("MatMul (computed weights)");
        return 0;
      }
      float[] bias = null;
      String output = n.getOutput(0);
      int consumed = 0;
      if (i + 1 < list.size()) {
        Onnx.NodeProto next = list.get(i + 1);
        if (next.getOpType().equals("Add") && next.getInputCount() == 2 && next.getInput(0).equals(output)
            && constants.containsKey(next.getInput(1))) {
          bias = OnnxTensors.floats(constants.get(next.getInput(1)));
          output = next.getOutput(0);
          consumed = 1;
        }
      }
      DenseSpec dense = dense(transpose(tensor(w)), bias);
      add(current, "MatMul", dense, List.of(n.getInput(0)), output);
      return consumed;
    }

    private DenseSpec dense(ParameterTensor weight, float[] bias) {
      String id = current;
      int units = (int) weight.shape()[0];
      putParam(GraphNames.weights(id), weight.shape(), weight.values());
      if (bias != null) {
        putParam(GraphNames.bias(id), new long[] {units}, bias);
      }
      return new DenseSpec(units, bias != null, null);
    }

    private LayerSpec conv(Onnx.NodeProto n) {
      Onnx.TensorProto w = constants.get(n.getInput(1));
      if (w == null || w.getDimsCount() != 4 || intAttribute(n, "group", 1) != 1) {
        return problem("Conv (" + (w == null ? "computed weights" : "groups") + ")");
      }
      Padding padding = padding(n, "Conv");
      if (padding == null) {
        return null;
      }
      long[] shape = OnnxTensors.shape(w); // [outC, inC, kH, kW]
      String id = current;
      putParam(GraphNames.weights(id), shape, OnnxTensors.floats(w));
      boolean bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
      if (bias) {
        putParam(GraphNames.bias(id), new long[] {shape[0]}, OnnxTensors.floats(constants.get(n.getInput(2))));
      }
      return new Conv2dSpec((int) shape[0], new Size2((int) shape[2], (int) shape[3]), size(n, "strides"), padding,
          size(n, "dilations"), bias, null);
    }

    private LayerSpec pool(Onnx.NodeProto n) {
      String op = n.getOpType();
      if (intAttribute(n, "ceil_mode", 0) != 0 || !size(n, "dilations").equals(Size2.of(1))) {
        return problem(op + " (ceil_mode or dilations)");
      }
      Padding padding = padding(n, op);
      if (padding == null) {
        return null;
      }
      Size2 window = size(n, "kernel_shape");
      Size2 stride = size(n, "strides");
      if (op.equals("MaxPool")) {
        return new MaxPool2dSpec(window, stride, padding);
      }
      boolean padded = padding.same() || padding.h() > 0 || padding.w() > 0;
      boolean countsPadding = intAttribute(n, "count_include_pad", 0) == 1;
      if (padded && padding.same() == countsPadding) {
        return problem(op + " (count_include_pad " + (countsPadding ? 1 : 0) + ")");
      }
      return new AvgPool2dSpec(window, stride, padding);
    }

    // explicit even pads, or auto_pad SAME_UPPER / VALID
    private Padding padding(Onnx.NodeProto n, String op) {
      String autoPad = stringAttribute(n, "auto_pad", "NOTSET");
      if (autoPad.equals("SAME_UPPER")) {
        return Padding.SAME;
      }
      if (autoPad.equals("VALID")) {
        return Padding.NONE;
      }
      if (!autoPad.equals("NOTSET")) {
        problem(op + " (auto_pad " + autoPad + ")");
        return null;
      }
      long[] pads = ints(n, "pads", new long[] {0, 0, 0, 0});
      if (pads.length != 4 || pads[0] != pads[2] || pads[1] != pads[3]) {
        problem(op + " (uneven pads)");
        return null;
      }
      return Padding.of((int) pads[0], (int) pads[1]);
    }

    private int globalAveragePool(List<Onnx.NodeProto> list, int i) {
      Onnx.NodeProto n = list.get(i);
      if (i + 1 < list.size()) {
        Onnx.NodeProto next = list.get(i + 1);
        boolean flattens = (next.getOpType().equals("Flatten") && intAttribute(next, "axis", 1) == 1)
            || (next.getOpType().equals("Reshape") && isFlattenShape(next));
        if (flattens && next.getInput(0).equals(n.getOutput(0))) {
          add(idFor(next.getName(), "GlobalAveragePool"), "GlobalAveragePool", new GlobalAvgPool2dSpec(),
              List.of(n.getInput(0)), next.getOutput(0));
          return 1;
        }
      }
      problem("GlobalAveragePool (kept 4-D)");
      return 0;
    }

    private LayerSpec reshape(Onnx.NodeProto n) {
      if (!isFlattenShape(n)) {
        return problem("Reshape");
      }
      long[] shape = OnnxTensors.longs(constants.get(n.getInput(1)));
      if (shape[1] != -1) {
        flattenChecks.put(current, shape[1]);
      }
      return new FlattenSpec();
    }

    /** A Reshape to [0 or −1, −1 or D]: flattening each example. */
    private boolean isFlattenShape(Onnx.NodeProto n) {
      Onnx.TensorProto target = n.getInputCount() > 1 ? constants.get(n.getInput(1)) : null;
      long[] shape = target == null ? null : OnnxTensors.longs(target);
      return shape != null && shape.length == 2 && (shape[0] == 0 || shape[0] == -1) && (shape[1] == -1 || shape[0] == 0 || shape[1] > 0);
    }

    private LayerSpec batchNorm(Onnx.NodeProto n) {
      if (intAttribute(n, "training_mode", 0) != 0 || n.getInputList().subList(1, 5).stream().anyMatch(t -> !constants.containsKey(t))) {
        return problem("BatchNormalization (training mode or computed statistics)");
      }
      String id = current;
      String[] names = {GraphNames.gamma(id), GraphNames.beta(id), GraphNames.runningMean(id), GraphNames.runningVar(id)};
      for (int k = 0; k < names.length; k++) {
        Onnx.TensorProto t = constants.get(n.getInput(k + 1));
        putParam(names[k], OnnxTensors.shape(t), OnnxTensors.floats(t));
      }
      double momentum = Math.round((1 - floatAttribute(n, "momentum", 0.9f)) * 1e6) / 1e6;
      return new BatchNormSpec(momentum > 0 && momentum <= 1 ? momentum : BatchNormSpec.DEFAULT.momentum(),
          clean(floatAttribute(n, "epsilon", 1e-5f)));
    }

    private LayerSpec layerNorm(Onnx.NodeProto n) {
      long axis = intAttribute(n, "axis", -1);
      Onnx.TensorProto gamma = constants.get(n.getInput(1));
      Onnx.TensorProto beta = n.getInputCount() > 2 ? constants.get(n.getInput(2)) : null;
      if (gamma == null || beta == null || !(axis == 1 || (axis == -1 && gamma.getDimsCount() == 1))) {
        return problem("LayerNormalization (axis " + axis + " or no bias)");
      }
      String id = current;
      putParam(GraphNames.gamma(id), OnnxTensors.shape(gamma), OnnxTensors.floats(gamma));
      putParam(GraphNames.beta(id), OnnxTensors.shape(beta), OnnxTensors.floats(beta));
      return new LayerNormSpec(clean(floatAttribute(n, "epsilon", 1e-5f)));
    }

    /** The input normalization the exporter writes: Sub then Div by constants, right after the input. */
    private boolean isNormalization(Onnx.NodeProto n) {
      String op = n.getOpType();
      if (!(op.equals("Sub") || op.equals("Div")) || n.getInputCount() != 2
          || !INPUT_ID.equals(producer.get(n.getInput(0))) || !constants.containsKey(n.getInput(1))) {
        return false;
      }
      float[] values = OnnxTensors.floats(constants.get(n.getInput(1)));
      if (op.equals("Sub") && normalizationMean == null && normalizationStd == null) {
        normalizationMean = values;
      } else if (op.equals("Div") && normalizationStd == null) {
        normalizationStd = values;
      } else {
        return false;
      }
      producer.put(n.getOutput(0), INPUT_ID);
      return true;
    }

    /**
     * The exporter's GELU, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))): nine nodes starting with
     * Mul(x, x). Returns the number of nodes after the first that it consumed, 0 if no match.
     */
    private int gelu(List<Onnx.NodeProto> list, int i) {
      if (i + 8 >= list.size()) {
        return 0;
      }
      Onnx.NodeProto[] g = list.subList(i, i + 9).toArray(new Onnx.NodeProto[0]);
      String x = g[0].getInput(0);
      boolean match = ops(g, "Mul", "Mul", "Mul", "Add", "Mul", "Tanh", "Add", "Mul", "Mul")
          && reads(g[1], g[0].getOutput(0), x)
          && readsConstant(g[2], g[1].getOutput(0), 0.044715f)
          && reads(g[3], x, g[2].getOutput(0))
          && readsConstant(g[4], g[3].getOutput(0), (float) Math.sqrt(2 / Math.PI))
          && g[5].getInput(0).equals(g[4].getOutput(0))
          && readsConstant(g[6], g[5].getOutput(0), 1f)
          && readsConstant(g[7], x, 0.5f)
          && reads(g[8], g[7].getOutput(0), g[6].getOutput(0));
      if (!match) {
        return 0;
      }
      add(idFor(g[8].getName(), "Gelu"), "Gelu", ActivationSpec.of(Function.GELU), List.of(x), g[8].getOutput(0));
      return 8;
    }

    private static boolean ops(Onnx.NodeProto[] nodes, String... types) {
      for (int k = 0; k < types.length; k++) {
        if (!nodes[k].getOpType().equals(types[k])) {
          return false;
        }
      }
      return true;
    }

    private static boolean reads(Onnx.NodeProto n, String a, String b) {
      return n.getInputCount() == 2 && n.getInput(0).equals(a) && n.getInput(1).equals(b);
    }

    private boolean readsConstant(Onnx.NodeProto n, String a, float value) {
      if (n.getInputCount() != 2 || !n.getInput(0).equals(a) || !constants.containsKey(n.getInput(1))) {
        return false;
      }
      float[] c = OnnxTensors.floats(constants.get(n.getInput(1)));
      return c != null && c.length == 1 && Math.abs(c[0] - value) <= 1e-6f;
    }

    private void addOutput(String feeding) {
      NodeSpec last = nodes.stream().filter(n -> n.id().equals(feeding)).findFirst().orElseThrow();
      if (last.layer() instanceof ActivationSpec a && a.function() == Function.SOFTMAX) {
        nodes.remove(last);
        nodes.add(new NodeSpec(last.id(), new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY), last.inputs()));
      } else {
        nodes.add(NodeSpec.of(idFor(outputName, "Output"), new OutputSpec(OutputSpec.Loss.MSE), feeding));
      }
    }

    private void add(String id, String op, LayerSpec layer, List<String> inputTensors, String outputTensor) {
      List<String> inputs = new ArrayList<>();
      for (String t : inputTensors) {
        String from = producer.get(t);
        if (from == null) {
          problems.add(op + " (reads " + t + ")");
          return;
        }
        inputs.add(from);
      }
      nodes.add(new NodeSpec(id, layer, inputs));
      producer.put(outputTensor, id);
    }

    /** A fresh node id from an ONNX node name: letters, digits and '_', unique, none of the graph's own names. */
    private String idFor(String nodeName, String op) {
      String base = nodeName.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^[^A-Za-z]+", "").replaceAll("_+$", "");
      if (base.isEmpty()) {
        base = op.toLowerCase(java.util.Locale.ROOT);
      }
      String id = base;
      for (int k = 2; ids.contains(id) || GraphNames.RESERVED.contains(id); k++) {
        id = base + "_" + k;
      }
      ids.add(id);
      return id;
    }

    private LayerSpec problem(String what) {
      problems.add(what);
      return null;
    }

    private void putParam(String name, long[] shape, float[] values) {
      if (values == null) {
        problems.add(name + " (not float32)");
        return;
      }
      params.put(name, new ParameterTensor(name, shape, values));
    }

    private static ParameterTensor tensor(Onnx.TensorProto t) {
      return new ParameterTensor(t.getName(), OnnxTensors.shape(t), OnnxTensors.floats(t));
    }

    // [a, b] -> [b, a]
    private static ParameterTensor transpose(ParameterTensor p) {
      long[] s = p.shape();
      int rows = (int) s[0];
      int cols = (int) s[1];
      float[] t = new float[rows * cols];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          t[c * rows + r] = p.values()[r * cols + c];
        }
      }
      return new ParameterTensor(p.name(), new long[] {cols, rows}, t);
    }

    private ModelMetadata metadata() {
      NormalizationRecord normalization;
      try {
        String recorded = property(ModelProperties.NORMALIZATION, null);
        normalization = recorded != null ? ModelProperties.normalization(recorded) : inferredNormalization();
        String classes = property(ModelProperties.CLASS_NAMES, null);
        Map<String, Double> metrics = new LinkedHashMap<>();
        model.getMetadataPropsList().stream().filter(p -> p.getKey().startsWith(ModelProperties.METRIC_PREFIX))
            .forEach(p -> metrics.put(p.getKey().substring(ModelProperties.METRIC_PREFIX.length()), Double.parseDouble(p.getValue())));
        return new ModelMetadata(property(ModelProperties.DATASET, ""), normalization,
            classes == null ? List.of() : ModelProperties.classNames(classes), Map.of("importedFrom", fileName), metrics,
            Integer.parseInt(property(ModelProperties.EPOCHS, "0")), null);
      } catch (IOException | RuntimeException e) {
        throw new ExportException(e, "export.error.badMetadata", fileName);
      }
    }

    // the graph's Sub/Div constants, or pixels / 255 for an image input
    private NormalizationRecord inferredNormalization() {
      boolean image = example.length == 3;
      float divisor = image ? 255f : 1f;
      int features = java.util.Arrays.stream(example).reduce(1, (a, b) -> a * b);
      if (normalizationMean == null && normalizationStd == null) {
        return image ? NormalizationRecord.of(Normalization.divide(255f, example[0], example[1] * example[2])) : null;
      }
      int groups = Math.max(normalizationMean == null ? 1 : normalizationMean.length, normalizationStd == null ? 1 : normalizationStd.length);
      float[] mean = new float[groups];
      float[] std = new float[groups];
      for (int g = 0; g < groups; g++) {
        mean[g] = normalizationMean == null ? 0f : normalizationMean[normalizationMean.length == 1 ? 0 : g];
        std[g] = normalizationStd == null ? 1f : normalizationStd[normalizationStd.length == 1 ? 0 : g];
      }
      return NormalizationRecord.of(Normalization.standardize(divisor, mean, std, features / groups));
    }

    private String property(String key, String fallback) {
      return model.getMetadataPropsList().stream().filter(p -> p.getKey().equals(key)).map(Onnx.StringStringEntryProto::getValue)
          .findFirst().orElse(fallback);
    }

    private static Onnx.AttributeProto attribute(Onnx.NodeProto n, String name) {
      return n.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst().orElse(null);
    }

    private static long intAttribute(Onnx.NodeProto n, String name, long fallback) {
      Onnx.AttributeProto a = attribute(n, name);
      return a == null ? fallback : a.getI();
    }

    private static float floatAttribute(Onnx.NodeProto n, String name, float fallback) {
      Onnx.AttributeProto a = attribute(n, name);
      return a == null ? fallback : a.getF();
    }

    private static String stringAttribute(Onnx.NodeProto n, String name, String fallback) {
      Onnx.AttributeProto a = attribute(n, name);
      return a == null ? fallback : a.getS().toStringUtf8();
    }

    private static long[] ints(Onnx.NodeProto n, String name, long[] fallback) {
      Onnx.AttributeProto a = attribute(n, name);
      return a == null ? fallback : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    private static Size2 size(Onnx.NodeProto n, String name) {
      long[] v = ints(n, name, new long[] {1, 1});
      return new Size2((int) v[0], (int) v[v.length > 1 ? 1 : 0]);
    }

    /** A float attribute as the decimal it was written from, e.g. 1e-5 rather than 9.99999974737875e-6. */
    private static double clean(float value) {
      return Double.parseDouble(Float.toString(value));
    }
  }
}
