package org.tensorworkbench.engine.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import onnx.Onnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.GlobalAvgPool2dSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.i18n.Messages;

/** ONNX files read back into palette layers: our own exports exactly, simple foreign ones, and refusals. */
class OnnxImporterTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "lenet-bn", "nin-mini", "googlenet-mini", "resnet18-mini", "palette-image", "palette-table"})
  void anExportedModelReopensWithItsLayersWeightsAndMetadata(String name) throws Exception {
    CompiledNetwork net = NetworkCompiler.compile(switch (name) {
      case "palette-image" -> PaletteNetworks.imageClassifier();
      case "palette-table" -> PaletteNetworks.tableRegression();
      default -> Templates.load(name);
    });
    ExportFixtures.train(net, 2, 32);
    ExportFixtures.Samples test = ExportFixtures.samples(net, false, 0, 32);
    ModelMetadata metadata = test.metadata("fashion-mnist", List.of("T-shirt/top", "Trouser"));
    Path file = dir.resolve(name + ".onnx");
    OnnxExporter.export(net, metadata, file);

    ImportedModel imported = OnnxImporter.read(file);
    // the Input is "input" in every file, as the graph input is named
    List<NodeSpec> expected = net.spec().nodes().stream()
        .filter(n -> !(n.layer() instanceof DropoutSpec) && !(n.layer() instanceof InputSpec)).toList();
    assertEquals(InputSpec.class, imported.spec().node("input").orElseThrow().layer().getClass());
    assertEquals(expected.stream().map(NodeSpec::id).sorted().toList(),
        imported.spec().nodes().stream().map(NodeSpec::id).filter(id -> !id.equals("input")).sorted().toList());
    for (NodeSpec node : expected) {
      assertEquals(node.layer(), imported.spec().node(node.id()).orElseThrow().layer(), node.id());
    }
    SavedModel reopened = imported.compile();
    assertArrayEquals(net.predict(test.normalized()).toFloatMatrix(), reopened.network().predict(test.normalized()).toFloatMatrix());
    assertEquals(List.of("T-shirt/top", "Trouser"), reopened.metadata().classNames());
    assertEquals("fashion-mnist", reopened.metadata().datasetName());
    assertEquals(0.5, reopened.metadata().metrics().get("testAccuracy"), 1e-9);
    assertArrayEquals(metadata.normalization().mean(), reopened.metadata().normalization().mean());
    assertEquals(metadata.normalization().divisor(), reopened.metadata().normalization().divisor());
  }

  /**
   * A file as another tool writes it: no metadata, MatMul+Add, a Conv with auto_pad SAME_UPPER,
   * GlobalAveragePool then Reshape [0, −1], Gemm with [in, out] weights (transB = 0), Softmax.
   */
  @Test
  void aSimpleForeignModelPredictsAsOnnxRuntimeDoes() throws Exception {
    java.util.Random random = new java.util.Random(3);
    OnnxGraph g = new OnnxGraph("foreign");
    g.input("images", new int[] {1, 8, 8});
    g.initializer("k", new long[] {4, 1, 3, 3}, randoms(random, 36));
    g.initializer("kb", new long[] {4}, randoms(random, 4));
    g.node("Conv_0", "Conv", List.of("images", "k", "kb"), "t0", OnnxGraph.text("auto_pad", "SAME_UPPER"));
    g.node("Relu_1", "Relu", List.of("t0"), "t1");
    g.node("GlobalAveragePool_2", "GlobalAveragePool", List.of("t1"), "t2");
    Onnx.GraphProto.Builder graph = g.build().toBuilder();
    graph.addInitializer(Onnx.TensorProto.newBuilder().setName("shape").addDims(2)
        .setDataType(Onnx.TensorProto.DataType.INT64.getNumber()).addInt64Data(0).addInt64Data(-1));
    OnnxGraph rest = new OnnxGraph("rest");
    rest.initializer("w1", new long[] {4, 5}, randoms(random, 20));
    rest.initializer("b1", new long[] {5}, randoms(random, 5));
    rest.node("/fc/MatMul", "MatMul", List.of("t3", "w1"), "t4");
    rest.node("/fc/Add", "Add", List.of("t4", "b1"), "t5");
    rest.node("Tanh_6", "Tanh", List.of("t5"), "t6");
    rest.initializer("w2", new long[] {5, 3}, randoms(random, 15));
    rest.node("Gemm_7", "Gemm", List.of("t6", "w2"), "t7");
    rest.node("Softmax_8", "Softmax", List.of("t7"), "probs", OnnxGraph.integer("axis", 1));
    rest.output("probs", new int[] {3});
    graph.addNode(Onnx.NodeProto.newBuilder().setName("Reshape_3").setOpType("Reshape").addInput("t2").addInput("shape").addOutput("t3"));
    Onnx.GraphProto tail = rest.build();
    graph.addAllNode(tail.getNodeList()).addAllInitializer(tail.getInitializerList()).addAllOutput(tail.getOutputList());
    Path file = dir.resolve("foreign.onnx");
    Files.write(file, model(graph.build()).toByteArray());

    ImportedModel imported = OnnxImporter.read(file);
    assertEquals(new Conv2dSpec(4, org.tensorworkbench.engine.spec.Size2.of(3), null, Padding.SAME, null, true, null),
        imported.spec().node("Conv_0").orElseThrow().layer());
    assertEquals(new GlobalAvgPool2dSpec(), imported.spec().node("Reshape_3").orElseThrow().layer());
    assertEquals(new DenseSpec(5, true, null), imported.spec().node("fc_MatMul").orElseThrow().layer());
    assertEquals(new DenseSpec(3, false, null), imported.spec().node("Gemm_7").orElseThrow().layer());
    assertEquals(new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY), imported.spec().node("Softmax_8").orElseThrow().layer());
    assertEquals(ActivationSpec.of(ActivationSpec.Function.TANH), imported.spec().node("Tanh_6").orElseThrow().layer());
    assertEquals(255f, imported.metadata().normalization().divisor(), "an image input is taken as pixels / 255");

    float[] x = new float[5 * 64];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    float[][] runtime = OnnxRuntimeCheck.run(file, x, new long[] {5, 1, 8, 8});
    float[][] workbench = imported.compile().network().predict(Nd4j.create(x, new long[] {5, 1, 8, 8}, 'c')).toFloatMatrix();
    assertTrue(OnnxRuntimeCheck.maxDifference(runtime, workbench) < 1e-6, "" + OnnxRuntimeCheck.maxDifference(runtime, workbench));
  }

  @Test
  void aForeignModelWithUnsupportedOperatorsIsRefusedWithTheirList() throws Exception {
    OnnxGraph g = new OnnxGraph("foreign");
    g.input("x", new int[] {2, 4, 4});
    g.initializer("k", new long[] {2, 1, 1, 1}, new float[] {1, 2});
    g.node("grouped", "Conv", List.of("x", "k"), "a", OnnxGraph.integer("group", 2));
    g.node("erf", "Erf", List.of("a"), "b");
    g.node("t", "Transpose", List.of("b"), "c");
    g.node("e2", "Erf", List.of("c"), "y");
    g.output("y", new int[] {2, 4, 4});
    Path file = dir.resolve("foreign.onnx");
    Files.write(file, model(g.build()).toByteArray());

    ExportException e = assertThrows(ExportException.class, () -> OnnxImporter.read(file));
    assertEquals("export.error.unsupportedOps", e.key());
    assertEquals("Conv (groups), Erf, Transpose", e.args()[1]);
    assertTrue(Messages.get(Locale.ENGLISH, e.key(), e.args()).contains("Conv (groups), Erf, Transpose"));
    assertTrue(Messages.get(Locale.SIMPLIFIED_CHINESE, e.key(), e.args()).contains("算子"));
  }

  @Test
  void aFileThatIsNoOnnxModelIsSaidToBeNone() throws Exception {
    Path file = dir.resolve("notes.onnx");
    Files.writeString(file, "just some notes, not a protobuf message at all");
    assertEquals("export.error.notOnnx", assertThrows(ExportException.class, () -> OnnxImporter.read(file)).key());
  }

  @Test
  void flattenSpecIsReadFromFlatten() throws Exception {
    CompiledNetwork net = NetworkCompiler.compile(org.tensorworkbench.engine.spec.NetworkSpec.sequential("f",
        InputSpec.of(2, 3, 3), new FlattenSpec(), DenseSpec.of(2),
        new OutputSpec(OutputSpec.Loss.MSE)));
    Path file = dir.resolve("f.onnx");
    OnnxExporter.export(net, ModelMetadata.empty(), file);
    ImportedModel imported = OnnxImporter.read(file);
    assertEquals(new FlattenSpec(), imported.spec().node("flatten1").orElseThrow().layer());
    assertEquals(new OutputSpec(OutputSpec.Loss.MSE), imported.spec().node("output1").orElseThrow().layer());
  }

  private static Onnx.ModelProto model(Onnx.GraphProto graph) {
    return Onnx.ModelProto.newBuilder().setIrVersion(8)
        .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setVersion(13)).setGraph(graph).build();
  }

  private static float[] randoms(java.util.Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian() * 0.5f;
    }
    return v;
  }
}
