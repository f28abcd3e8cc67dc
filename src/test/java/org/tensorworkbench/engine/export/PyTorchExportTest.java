package org.tensorworkbench.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Templates;

/**
 * The exported PyTorch script, run by the machine's python3 with torch (Debian's python3-torch),
 * predicts real test images as the workbench does, and its own check passes. Skipped, with the
 * reason, where python3 cannot import torch.
 */
class PyTorchExportTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final double TOLERANCE = 1e-4;
  private static final String PREDICT = String.join("\n",
      "import importlib.util, sys",
      "import numpy as np, torch",
      "spec = importlib.util.spec_from_file_location('exported', sys.argv[1])",
      "module = importlib.util.module_from_spec(spec)",
      "spec.loader.exec_module(module)",
      "net = module.load_net()",
      "got = module.predict(net, torch.from_numpy(np.load(sys.argv[2]))).numpy()",
      "print(float(np.abs(got - np.load(sys.argv[3])).max()))");
  private static boolean torchAvailable;

  @TempDir
  Path dir;

  @BeforeAll
  static void findTorch() throws Exception {
    torchAvailable = Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import torch, numpy")).exitCode == 0;
  }

  @ParameterizedTest
  @ValueSource(strings = {"linear-regression", "mlp", "lenet", "lenet-bn", "cifar10-cnn", "nin-mini", "googlenet-mini",
      "resnet18-mini", "palette-image", "palette-table"})
  void exportedScriptPredictsRealImagesAsTheWorkbench(String name) throws Exception {
    assumeTrue(torchAvailable, "/usr/bin/python3 cannot import torch and numpy (Debian: apt-get install python3-torch)");
    CompiledNetwork net = NetworkCompiler.compile(switch (name) {
      case "palette-image" -> PaletteNetworks.imageClassifier();
      case "palette-table" -> PaletteNetworks.tableRegression();
      default -> Templates.load(name);
    });
    ExportFixtures.train(net, 3, 32);
    ExportFixtures.Samples test = ExportFixtures.samples(net, false, 0, 64);
    Path script = dir.resolve(name.replace('-', '_') + ".py");
    List<Path> written = PyTorchExporter.export(net, test.metadata("fashion-mnist", List.of("a", "b")), script);
    assertEquals(List.of(script, dir.resolve(name.replace('-', '_') + ".npz")), written);

    Result selfCheck = run(List.of(PYTHON.toString(), script.toString()));
    assertEquals(0, selfCheck.exitCode, selfCheck.output);
    assertTrue(selfCheck.output.contains("largest difference"), selfCheck.output);

    INDArray expected = net.predict(test.normalized());
    Path x = dir.resolve("x.npy");
    Path y = dir.resolve("y.npy");
    Files.write(x, NpzWriter.npy("<f4", test.shape(), littleEndian(test.yielded())));
    Files.write(y, NpzWriter.npy("<f4", expected.shape(), littleEndian(expected.dup('c').data().asFloat())));
    Result predicted = run(List.of(PYTHON.toString(), "-c", PREDICT, script.toString(), x.toString(), y.toString()));
    assertEquals(0, predicted.exitCode, predicted.output);
    double difference = Double.parseDouble(predicted.output.strip().lines().reduce((a, b) -> b).orElseThrow());
    System.out.printf("PyTorch vs workbench, %s: max |difference| %.3g over 64 examples%n", name, difference);
    assertTrue(difference <= TOLERANCE, name + ": " + difference);
  }

  @Test
  void unevenSamePaddingOfAnAveragePoolIsRefusedAndNothingIsWritten() throws IOException {
    // 7 columns, window 2, stride 2: "same" pads one column, on the right only
    CompiledNetwork net = NetworkCompiler.compile(NetworkSpec.sequential("uneven", InputSpec.of(1, 7, 7),
        AvgPool2dSpec.of(2).withPadding(Padding.SAME), new FlattenSpec(), DenseSpec.of(3),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY)));
    Path script = dir.resolve("uneven.py");
    ExportException e = assertThrows(ExportException.class, () -> PyTorchExporter.export(net, ModelMetadata.empty(), script));
    assertEquals("export.error.unevenAveragePadding", e.key());
    assertTrue(e.getMessage().contains("avgpool1"), e.getMessage());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  private static byte[] littleEndian(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return bytes.array();
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("OMP_NUM_THREADS", "1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, output);
    }
    return new Result(process.exitValue(), output);
  }
}
