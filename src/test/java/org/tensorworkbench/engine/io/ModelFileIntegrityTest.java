package org.tensorworkbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.i18n.Messages;

/** Damaged and edited model files are refused on load, whatever byte is changed. */
class ModelFileIntegrityTest {
  @TempDir
  static Path dir;
  private static Path good;
  private static byte[] bytes;
  private static final INDArray X = Nd4j.rand(DataType.FLOAT, 3, 1, 4, 4);

  @BeforeAll
  static void saveOne() throws IOException {
    CompiledNetwork net = NetworkCompiler.compile(NetworkSpec.sequential("tiny mlp", InputSpec.of(1, 4, 4),
        new FlattenSpec(), DenseSpec.of(6), ActivationSpec.of(ActivationSpec.Function.RELU), DenseSpec.of(3),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY)));
    good = dir.resolve("good" + ModelFile.EXTENSION);
    ModelFile.save(good, net, ModelMetadata.empty(), false);
    bytes = Files.readAllBytes(good);
  }

  @Test
  void everyFlippedByteIsFoundAndTheModelIsNeverReturned() throws IOException {
    int step = Math.max(1, bytes.length / 150);
    int checked = 0;
    for (int offset = 0; offset < bytes.length; offset += step) {
      byte[] damaged = bytes.clone();
      damaged[offset] ^= 0x10;
      expectRefused(write("flip", damaged), "flip at " + offset + " of " + bytes.length);
      checked++;
    }
    for (int offset = bytes.length - 80; offset < bytes.length; offset++) { // the end of the zip and the seal
      byte[] damaged = bytes.clone();
      damaged[offset] ^= 0x01;
      expectRefused(write("tail", damaged), "flip at " + offset + " of " + bytes.length);
      checked++;
    }
    assertTrue(checked > 150, "offsets checked: " + checked);
  }

  @Test
  void aFileCutShortAnywhereIsRefused() throws IOException {
    for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 60)) {
      expectRefused(write("cut", java.util.Arrays.copyOf(bytes, length)), "cut to " + length);
    }
    expectRefused(write("cut", java.util.Arrays.copyOf(bytes, bytes.length - 1)), "one byte short");
  }

  @Test
  void theIntactFileLoads() throws IOException {
    SavedModel model = ModelFile.load(good);
    assertEquals(3, model.network().predict(X).size(1));
  }

  @Test
  void aNetworkEditedToDisagreeWithItsWeightsIsRefusedWithBothShapes() throws IOException {
    // an edited file carries no valid checksums: written as an old file without them, so only
    // the shape check stands between the edit and a wrong model
    Path edited = rewriteUnsealed("edited", Map.of(ModelFile.NETWORK,
        json -> json.replace("\"units\" : 6", "\"units\" : 5")));
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(edited));
    assertEquals("model.error.weightsDoNotFit", e.key());
    assertTrue(e.getMessage().contains("edited") && e.getMessage().contains("[16, 6]")
        && e.getMessage().contains("[16, 5]"), e.getMessage());
    String chinese = Messages.get(Locale.SIMPLIFIED_CHINESE, e.key(), e.args());
    assertTrue(chinese.contains("对不上"), chinese);
  }

  @Test
  void aModelSavedBeforeTheChecksumsStillLoadsAndPredictsTheSame() throws IOException {
    Path old = rewriteUnsealed("old", Map.of());
    try (INDArray a = ModelFile.load(good).network().predict(X); INDArray b = ModelFile.load(old).network().predict(X)) {
      assertArrayEquals(a.data().asFloat(), b.data().asFloat(), 0f);
    }
  }

  @Test
  void anOldFileWithAChangedWeightByteIsFoundByItsCrc() throws IOException {
    Path old = rewriteUnsealed("oldflip", Map.of());
    byte[] content = Files.readAllBytes(old);
    // the graph is the first entry: flip a byte of its stored data, after its local header
    content[200] ^= 0x04;
    expectRefused(write("oldflip2", content), "old file, flip in the weights");
  }

  private static void expectRefused(Path file, String what) {
    try {
      ModelFile.load(file);
      fail(what + ": the damaged model was loaded");
    } catch (ModelFileException e) {
      assertTrue(e.getMessage().contains(file.getFileName().toString()) || e.key().startsWith("model.error"),
          what + ": " + e.getMessage());
    } catch (IOException e) {
      fail(what + ": " + e);
    }
  }

  private static Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name + ModelFile.EXTENSION), content);
  }

  /** The same entries, edited, without seal and without graphSha256: as an older version wrote them. */
  private static Path rewriteUnsealed(String name, Map<String, UnaryOperator<String>> edits) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(good.toFile())) {
      for (String entry : new String[] {ModelFile.MANIFEST, ModelFile.NETWORK, ModelFile.GRAPH}) {
        entries.put(entry, zip.getInputStream(zip.getEntry(entry)).readAllBytes());
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode manifest = (ObjectNode) mapper.readTree(entries.get(ModelFile.MANIFEST));
    manifest.remove(ModelFile.GRAPH_SHA256);
    entries.put(ModelFile.MANIFEST, mapper.writeValueAsBytes(manifest));
    edits.forEach((entry, edit) ->
        entries.put(entry, edit.apply(new String(entries.get(entry), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    Path file = dir.resolve(name + ModelFile.EXTENSION);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : new String[] {ModelFile.GRAPH, ModelFile.MANIFEST, ModelFile.NETWORK}) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(entries.get(entry));
        zip.closeEntry();
      }
    }
    return file;
  }
}
