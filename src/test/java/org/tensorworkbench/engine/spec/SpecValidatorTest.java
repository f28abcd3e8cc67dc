package org.tensorworkbench.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.OutputSpec.Loss;
import org.tensorworkbench.i18n.Messages;

class SpecValidatorTest {
  private static final NodeSpec INPUT = NodeSpec.of("input1", InputSpec.of(784));
  private static final NodeSpec OUTPUT = NodeSpec.of("output1", new OutputSpec(Loss.SOFTMAX_CROSS_ENTROPY), "dense2");

  private static NetworkSpec net(NodeSpec... nodes) {
    return NetworkSpec.of("test", List.of(nodes));
  }

  private static String english(ValidationIssue issue) {
    return issue.message().text(Locale.ENGLISH);
  }

  @Test
  void aSoundMlpHasNoIssues() {
    NetworkSpec mlp = net(INPUT,
        NodeSpec.of("dense1", DenseSpec.of(256), "input1"),
        NodeSpec.of("relu1", ActivationSpec.of(Function.RELU), "dense1"),
        NodeSpec.of("dense2", DenseSpec.of(10), "relu1"),
        OUTPUT);
    assertEquals(List.of(), SpecValidator.validate(mlp).issues());
  }

  @Test
  void namesEveryNodeOfACycleInFlowOrder() {
    NetworkSpec cyclic = net(INPUT,
        NodeSpec.of("add1", new AddSpec(), "input1", "dense2"),
        NodeSpec.of("dense1", DenseSpec.of(784), "add1"),
        NodeSpec.of("dense2", DenseSpec.of(784), "dense1"),
        OUTPUT);
    ValidationReport report = SpecValidator.validate(cyclic);
    List<ValidationIssue> cycles = report.errors().stream()
        .filter(i -> i.message().key().equals("spec.validate.cycle")).toList();
    assertEquals(1, cycles.size());
    assertEquals(List.of("add1", "dense1", "dense2"), cycles.get(0).nodeIds());
    assertEquals("These layers form a cycle: add1 → dense1 → dense2 → add1. "
        + "Data must flow one way, from the input to the output.", english(cycles.get(0)));
  }

  @Test
  void aSelfLoopIsACycle() {
    ValidationReport report = SpecValidator.validate(net(INPUT,
        NodeSpec.of("add1", new AddSpec(), "input1", "add1"),
        NodeSpec.of("dense2", DenseSpec.of(10), "add1"),
        OUTPUT));
    assertTrue(report.errors().stream().anyMatch(i -> english(i).contains("add1 → add1")), report.toString());
  }

  @Test
  void reportsDanglingInputsAndDuplicateNames() {
    ValidationReport report = SpecValidator.validate(net(INPUT,
        NodeSpec.of("dense1", DenseSpec.of(10), "input1"),
        NodeSpec.of("dense1", DenseSpec.of(20), "input1"),
        NodeSpec.of("dense2", DenseSpec.of(10), "dense9"),
        OUTPUT));
    List<String> texts = report.errors().stream().map(SpecValidatorTest::english).toList();
    assertTrue(texts.contains("The name \"dense1\" is used by 2 layers; every layer needs a name of its own."), texts.toString());
    assertTrue(texts.contains("dense2 takes its input from \"dense9\", but there is no layer with that name."), texts.toString());
    assertEquals("spec.validate.danglingInput", report.forNode("dense2").get(0).message().key());
  }

  @Test
  void checksHowManyInputsEachLayerTakes() {
    ValidationReport report = SpecValidator.validate(net(
        NodeSpec.of("input1", InputSpec.of(784), "dense1"),
        NodeSpec.of("dense1", DenseSpec.of(10)),
        NodeSpec.of("add1", new AddSpec(), "dense1"),
        NodeSpec.of("dense2", DenseSpec.of(10), "add1", "dense1"),
        OUTPUT));
    assertEquals("spec.validate.inputHasInputs", report.forNode("input1").get(0).message().key());
    assertEquals("dense1 takes exactly one input, but it has 0.", english(report.forNode("dense1").get(0)));
    assertEquals("add1 joins two or more inputs, but it has 1.", english(report.forNode("add1").get(0)));
    assertEquals("dense2 takes exactly one input, but it has 2.", english(report.forNode("dense2").get(0)));
  }

  @Test
  void needsExactlyOneInputAndOneOutput() {
    ValidationReport none = SpecValidator.validate(net(NodeSpec.of("dense1", DenseSpec.of(10), "dense1")));
    List<String> keys = none.errors().stream().map(i -> i.message().key()).toList();
    assertTrue(keys.containsAll(List.of("spec.validate.noInput", "spec.validate.noOutput")), keys.toString());

    ValidationReport two = SpecValidator.validate(net(INPUT,
        NodeSpec.of("input2", InputSpec.of(784)),
        NodeSpec.of("dense2", DenseSpec.of(10), "input1"),
        OUTPUT,
        NodeSpec.of("output2", new OutputSpec(Loss.MSE), "dense2")));
    List<String> texts = two.errors().stream().map(SpecValidatorTest::english).toList();
    assertTrue(texts.contains("The network has 2 Input layers (input1, input2); it must have exactly one."), texts.toString());
    assertTrue(texts.contains("The network has 2 Output layers (output1, output2); it must have exactly one."), texts.toString());

    assertEquals("spec.validate.empty", SpecValidator.validate(net()).errors().get(0).message().key());
  }

  @Test
  void nothingMayFollowTheOutput() {
    ValidationReport report = SpecValidator.validate(net(INPUT,
        NodeSpec.of("dense2", DenseSpec.of(10), "input1"),
        OUTPUT,
        NodeSpec.of("relu1", ActivationSpec.of(Function.RELU), "output1")));
    assertEquals("relu1 takes its input from output1, an Output layer; nothing can come after the output.",
        english(report.forNode("relu1").get(0)));
  }

  @Test
  void aLayerThatDoesNotReachTheOutputIsOnlyAWarning() {
    ValidationReport report = SpecValidator.validate(net(INPUT,
        NodeSpec.of("dense2", DenseSpec.of(10), "input1"),
        NodeSpec.of("dense5", DenseSpec.of(3), "input1"),
        OUTPUT));
    assertTrue(report.isValid());
    assertEquals(1, report.warnings().size());
    assertEquals(List.of("dense5"), report.warnings().get(0).nodeIds());
    assertEquals("dense5 does not lead to the output, so it has no effect on what the network learns. "
        + "Connect it or delete it.", english(report.warnings().get(0)));
  }

  @Test
  void messagesExistInChinese() {
    ValidationReport report = SpecValidator.validate(net(INPUT, NodeSpec.of("dense2", DenseSpec.of(10), "nowhere"), OUTPUT));
    String zh = report.errors().get(0).message().text(Locale.SIMPLIFIED_CHINESE);
    assertEquals("dense2 的输入来自 \"nowhere\"，但没有这个名称的层。", zh);
  }

  @Test
  void readingAFileValidatesItsGraphButADraftOpensAnyway() {
    NetworkSpec broken = net(INPUT, NodeSpec.of("dense2", DenseSpec.of(10), "nowhere"), OUTPUT);
    String json = NetworkSpecJson.write(broken);
    SpecException e = assertThrows(SpecException.class, () -> NetworkSpecJson.read(json));
    assertEquals("spec.validate.danglingInput", e.key());
    assertTrue(Messages.get(Locale.ENGLISH, e.key(), e.args()).contains("nowhere"));
    assertEquals(broken, NetworkSpecJson.readDraft(json));
  }
}
