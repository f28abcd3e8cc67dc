package org.tensorworkbench.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.OutputSpec.Loss;
import org.tensorworkbench.i18n.Messages;

class NetworkSpecJsonTest {

  static NetworkSpec lenetLike() {
    return NetworkSpec.sequential("LeNet",
        InputSpec.of(1, 28, 28),
        Conv2dSpec.of(6, 5).withPadding(Padding.of(2)),
        ActivationSpec.of(Function.SIGMOID),
        AvgPool2dSpec.of(2),
        Conv2dSpec.of(16, 5).withPadding(Padding.SAME).withBias(false).withInit(Initializer.normal(0.01)),
        MaxPool2dSpec.of(3, 2),
        new BatchNormSpec(0.1, 1e-5),
        new LayerNormSpec(1e-5),
        new DropoutSpec(0.5),
        new FlattenSpec(),
        new DenseSpec(10, true, Initializer.HE),
        ActivationSpec.of(Function.LEAKY_RELU),
        new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY));
  }

  @Test
  void everyLayerTypeSurvivesARoundTrip(@TempDir Path dir) throws Exception {
    NetworkSpec spec = lenetLike();
    Path file = dir.resolve("net.json");
    NetworkSpecJson.write(spec, file);
    assertEquals(spec, NetworkSpecJson.read(file));
    String json = Files.readString(file);
    assertTrue(json.contains("\"type\" : \"conv2d\""), json);
    assertTrue(json.contains("\"padding\" : \"same\""), json);
  }

  @Test
  void sequentialNamesNodesLikeD2l() {
    NetworkSpec spec = lenetLike();
    assertEquals("conv1", spec.nodes().get(1).id());
    assertEquals("sigmoid1", spec.nodes().get(2).id());
    assertEquals("conv2", spec.nodes().get(4).id());
    assertEquals(java.util.List.of("conv1"), spec.nodes().get(2).inputs());
  }

  @Test
  void unknownFieldsAndTypesAreNamed() {
    String json = """
        {"formatVersion": 1, "name": "x", "nodes": [
          {"id": "input1", "layer": {"type": "input", "shape": [784]}, "inputs": []},
          {"id": "dense1", "layer": {"type": "dense", "units": 10, "bias": true, "init": {"kind": "xavier", "sigma": 0}, "colour": "red"}, "inputs": ["input1"]}]}""";
    SpecException e = assertThrows(SpecException.class, () -> NetworkSpecJson.read(json));
    assertEquals("spec.error.unknownField", e.key());
    assertEquals("colour", e.args()[0]);
    assertTrue(e.args()[1].toString().contains("nodes[1]"), e.args()[1].toString());

    SpecException t = assertThrows(SpecException.class,
        () -> NetworkSpecJson.read(json.replace("\"dense\"", "\"lstm\"")));
    assertEquals("spec.error.unknownLayerType", t.key());
  }

  @Test
  void anInitializersGainIsKeptAndAFileWithoutItMeansGainOne() {
    String json = """
        {"formatVersion": 1, "name": "x", "nodes": [
          {"id": "input1", "layer": {"type": "input", "shape": [784]}, "inputs": []},
          {"id": "dense1", "layer": {"type": "dense", "units": 10, "bias": true, "init": {"kind": "xavier", "sigma": 0}}, "inputs": ["input1"]},
          {"id": "output1", "layer": {"type": "output", "loss": "softmax_cross_entropy"}, "inputs": ["dense1"]}]}""";
    DenseSpec dense = (DenseSpec) NetworkSpecJson.read(json).nodes().get(1).layer();
    assertEquals(Initializer.XAVIER, dense.init());
    NetworkSpec lenet = Templates.load("lenet");
    assertEquals(lenet, NetworkSpecJson.read(NetworkSpecJson.write(lenet)));
    DenseSpec lenetDense = (DenseSpec) lenet.nodes().stream().filter(n -> n.layer() instanceof DenseSpec)
        .findFirst().orElseThrow().layer();
    assertEquals(Initializer.xavier(2), lenetDense.init());
    for (String bad : new String[] {"\"kind\": \"xavier\", \"sigma\": 0, \"gain\": 0",
        "\"kind\": \"xavier\", \"sigma\": 0, \"gain\": -2", "\"kind\": \"zeros\", \"sigma\": 0, \"gain\": 2"}) {
      SpecException e = assertThrows(SpecException.class,
          () -> NetworkSpecJson.read(json.replace("\"kind\": \"xavier\", \"sigma\": 0", bad)), bad);
      assertEquals("spec.error.badGain", e.key(), bad);
    }
  }

  @Test
  void newerVersionsAndWrongValuesAreRefusedClearly() {
    SpecException v = assertThrows(SpecException.class,
        () -> NetworkSpecJson.read("{\"formatVersion\": 7, \"name\": \"x\", \"nodes\": []}"));
    assertEquals("spec.error.unknownVersion", v.key());
    assertTrue(Messages.get(Locale.ENGLISH, v.key(), v.args()).contains("version 7"));

    String badDropout = """
        {"formatVersion": 1, "name": "x", "nodes": [
          {"id": "d", "layer": {"type": "dropout", "p": 1.5}, "inputs": []}]}""";
    SpecException d = assertThrows(SpecException.class, () -> NetworkSpecJson.read(badDropout));
    assertEquals("spec.error.dropoutRange", d.key());

    assertEquals("spec.error.notJson",
        assertThrows(SpecException.class, () -> NetworkSpecJson.read("{nodes: ")).key());
  }
}
