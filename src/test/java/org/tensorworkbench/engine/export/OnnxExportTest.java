package org.tensorworkbench.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import onnx.Onnx;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.spec.Templates;

/**
 * Every template exported to ONNX and run in ONNX Runtime gives the workbench's predictions on
 * real test images within 1e-4, and the file is well formed: unique names, nodes in
 * topological order, shapes declared with a symbolic batch dimension.
 */
class OnnxExportTest {
  private static final double TOLERANCE = 1e-4;

  @TempDir
  Path dir;

  /** Small enough to train a few batches here. */
  @ParameterizedTest
  @ValueSource(strings = {"linear-regression", "softmax-regression", "mlp", "lenet", "lenet-bn", "cifar10-cnn",
      "alexnet-mini", "vgg11-mini", "nin-mini", "googlenet-mini", "resnet18-mini"})
  void trainedTemplateRunsInOnnxRuntimeAsInTheWorkbench(String template) throws Exception {
    CompiledNetwork net = NetworkCompiler.compile(Templates.load(template));
    ExportFixtures.train(net, 3, 32);
    checkAgainstRuntime(template, net, 64);
  }

  /**
   * The full-size networks of d2l chapter 8 with 96x96 or 224x224 inputs: forward only with their
   * initial weights, on two images (AlexNet and VGG-11 with 47 and 129 million parameters are
   * covered by their -mini variants, which use the same layers).
   */
  @ParameterizedTest
  @ValueSource(strings = {"nin", "googlenet", "resnet18"})
  void fullSizeTemplateRunsInOnnxRuntimeAsInTheWorkbench(String template) throws Exception {
    checkAgainstRuntime(template, NetworkCompiler.compile(Templates.load(template)), 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "table"})
  void everyPaletteLayerRunsInOnnxRuntimeAsInTheWorkbench(String kind) throws Exception {
    CompiledNetwork net = NetworkCompiler.compile(
        kind.equals("image") ? PaletteNetworks.imageClassifier() : PaletteNetworks.tableRegression());
    ExportFixtures.train(net, 3, 32);
    checkAgainstRuntime("palette-" + kind, net, 64);
  }

  /**
   * Dilation and "same" padding with strides: the spatial sizes ONNX Runtime computes from the
   * exported pads and dilations must be the workbench's, or the dense layer's Gemm would not
   * fit. (The engine itself cannot run dilated convolutions, see PaletteNetworks.dilated.)
   */
  @org.junit.jupiter.api.Test
  void dilatedConvolutionsKeepTheWorkbenchShapesInOnnxRuntime() throws Exception {
    CompiledNetwork net = NetworkCompiler.compile(PaletteNetworks.dilated());
    ExportFixtures.Samples test = ExportFixtures.samples(net, false, 0, 3);
    Path file = dir.resolve("dilated.onnx");
    OnnxExporter.export(net, test.metadata("fashion-mnist", List.of()), file);
    float[][] runtime = OnnxRuntimeCheck.run(file, test.yielded(), test.shape());
    assertEquals(3, runtime.length);
    assertEquals(10, runtime[0].length);
    assertEquals(1.0, sum(runtime[0]), 1e-5);
    Onnx.NodeProto conv = Onnx.ModelProto.parseFrom(Files.readAllBytes(file)).getGraph().getNode(4);
    assertEquals("conv3", conv.getName());
    // 28x28 input, kernel 3x2 dilated 2x3, stride 2: out 14x14, total padding (14−1)·2 + 2·2 + 1 − 28 = 3 rows
    // and (14−1)·2 + 3·1 + 1 − 28 = 2 columns, the extra row at the bottom
    assertEquals(List.of(1L, 1L, 2L, 1L), conv.getAttributeList().stream()
        .filter(a -> a.getName().equals("pads")).findFirst().orElseThrow().getIntsList());
  }

  private static double sum(float[] values) {
    double s = 0;
    for (float v : values) {
      s += v;
    }
    return s;
  }

  private void checkAgainstRuntime(String template, CompiledNetwork net, int n) throws Exception {
    ExportFixtures.Samples test = ExportFixtures.samples(net, false, 0, n);
    ModelMetadata metadata = test.metadata("fashion-mnist", List.of());
    Path file = dir.resolve(template + ".onnx");
    OnnxExporter.export(net, metadata, file);

    INDArray expected = net.predict(test.normalized());
    float[][] workbench = expected.toFloatMatrix();
    float[][] runtime = OnnxRuntimeCheck.run(file, test.yielded(), test.shape());
    double difference = OnnxRuntimeCheck.maxDifference(workbench, runtime);
    System.out.printf("ONNX Runtime vs workbench, %s: max |difference| %.3g over %d examples%n", template, difference, n);
    assertTrue(difference <= TOLERANCE, template + ": " + difference);

    Onnx.ModelProto model = Onnx.ModelProto.parseFrom(Files.readAllBytes(file));
    assertWellFormed(model, test.shape());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
          "no temp file left behind");
    }
  }

  private static void assertWellFormed(Onnx.ModelProto model, long[] inputShape) throws IOException {
    assertEquals(OnnxExporter.OPSET, model.getOpsetImport(0).getVersion());
    Onnx.GraphProto graph = model.getGraph();
    Set<String> nodeNames = new HashSet<>();
    graph.getNodeList().forEach(node -> assertTrue(nodeNames.add(node.getName()), "unique node name " + node.getName()));
    Set<String> available = new HashSet<>();
    graph.getInputList().forEach(i -> available.add(i.getName()));
    for (Onnx.TensorProto t : graph.getInitializerList()) {
      assertTrue(available.add(t.getName()), "unique tensor name " + t.getName());
    }
    for (Onnx.NodeProto node : graph.getNodeList()) {
      for (String input : node.getInputList()) {
        assertTrue(available.contains(input), node.getName() + " reads " + input + " before it is computed");
      }
      node.getOutputList().forEach(o -> assertTrue(available.add(o), "unique tensor name " + o));
    }
    Onnx.ValueInfoProto input = graph.getInput(0);
    List<Onnx.TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
    assertEquals("N", dims.get(0).getDimParam());
    for (int i = 1; i < inputShape.length; i++) {
      assertEquals(inputShape[i], dims.get(i).getDimValue());
    }
    Onnx.ValueInfoProto output = graph.getOutput(0);
    assertEquals("N", output.getType().getTensorType().getShape().getDim(0).getDimParam());
    Set<String> declared = graph.getValueInfoList().stream().map(Onnx.ValueInfoProto::getName).collect(Collectors.toSet());
    for (Onnx.NodeProto node : graph.getNodeList()) {
      String out = node.getOutput(0);
      assertTrue(declared.contains(out) || out.equals(output.getName()), "shape of " + out + " declared");
    }
    Map<String, String> props = model.getMetadataPropsList().stream()
        .collect(Collectors.toMap(Onnx.StringStringEntryProto::getKey, Onnx.StringStringEntryProto::getValue));
    assertEquals("fashion-mnist", props.get("dataset"));
    assertEquals("0.500000", props.get("metric.testAccuracy"));
  }
}
