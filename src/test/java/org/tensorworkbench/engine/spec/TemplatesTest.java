package org.tensorworkbench.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorworkbench.i18n.Messages;

class TemplatesTest {

  static List<String> names() {
    return Templates.names();
  }

  private static long count(NetworkSpec spec, Class<? extends LayerSpec> kind) {
    return spec.nodes().stream().filter(n -> kind.isInstance(n.layer())).count();
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyTemplateIsValidAndHasEveryShape(String name) {
    NetworkSpec spec = Templates.load(name);
    assertEquals(List.of(), SpecValidator.validate(spec).issues(), name);
    InferredNetwork net = ShapeInference.infer(spec, 2);
    assertTrue(net.isComplete(), () -> name + ": " + net.errors());
    assertTrue(net.parameterCount() > 0);
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyTemplateSurvivesAJsonRoundTrip(String name) {
    NetworkSpec spec = Templates.load(name);
    assertEquals(spec, NetworkSpecJson.read(NetworkSpecJson.write(spec)));
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyTemplateIsDescribedInBothLanguages(String name) {
    for (Locale locale : Messages.SUPPORTED) {
      String text = Messages.get(locale, Templates.descriptionKey(name));
      assertFalse(text.startsWith("!"), name + " " + locale);
    }
  }

  @Test
  void theCurriculumIsComplete() {
    assertEquals(List.of("linear-regression", "softmax-regression", "mlp", "lenet", "alexnet", "vgg11", "nin",
        "googlenet", "lenet-bn", "resnet18", "alexnet-mini", "vgg11-mini", "nin-mini", "googlenet-mini",
        "resnet18-mini", "cifar10-cnn"), Templates.names());
    SpecException e = assertThrows(SpecException.class, () -> Templates.load("lenet5"));
    assertTrue(Messages.get(Locale.ENGLISH, e.key(), e.args()).startsWith("There is no template named \"lenet5\""));
  }

  @Test
  void simpleModelsHaveTheirTextbookSizes() {
    assertEquals(13, ShapeInference.infer(Templates.load("linear-regression"), 1).parameterCount()); // 12 + 1
    assertEquals(7_850, ShapeInference.infer(Templates.load("softmax-regression"), 1).parameterCount()); // 784·10 + 10
    assertEquals(203_530, ShapeInference.infer(Templates.load("mlp"), 1).parameterCount()); // 784·256 + 256 + 2,570
    assertEquals(61_706, ShapeInference.infer(Templates.load("lenet"), 1).parameterCount());
    DenseSpec softmax = (DenseSpec) Templates.load("softmax-regression").node("dense1").orElseThrow().layer();
    assertEquals(Initializer.normal(0.01), softmax.init());
  }

  @Test
  void lenetWithBatchNormMatchesTheTorchReference() {
    InferredNetwork net = ShapeInference.infer(Templates.load("lenet-bn"), 1);
    assertEquals(TensorShape.of(1, 256), net.outputShape("flatten1"));
    // 156 + 12 + 2,416 + 32 + 30,840 + 240 + 10,164 + 168 + 850 (γ, β included)
    assertEquals(44_878, net.parameterCount());
    assertEquals(2 * (6 + 16 + 120 + 84), net.stateCount());
    assertEquals(List.of("conv1", "bn1", "sigmoid1"), Templates.load("lenet-bn").nodes().subList(1, 4).stream()
        .map(NodeSpec::id).toList());
  }

  @Test
  void alexNetAndVggHaveD2lsFeatureSizesAndParameterCounts() {
    InferredNetwork alex = ShapeInference.infer(Templates.load("alexnet"), 1);
    assertEquals(TensorShape.of(1, 96, 54, 54), alex.outputShape("conv1"));
    assertEquals(TensorShape.of(1, 6400), alex.outputShape("flatten"));
    // 11,712 + 614,656 + 885,120 + 1,327,488 + 884,992 + 26,218,496 + 16,781,312 + 40,970
    assertEquals(46_764_746, alex.parameterCount());

    InferredNetwork vgg = ShapeInference.infer(Templates.load("vgg11"), 1);
    assertEquals(TensorShape.of(1, 25_088), vgg.outputShape("flatten")); // 512·7·7
    assertEquals(128_806_154, vgg.parameterCount());
    assertEquals(TensorShape.of(1, 10), ShapeInference.infer(Templates.load("nin"), 1).outputShape("gap"));
  }

  @Test
  void googLeNetHasRealInceptionBranches() {
    NetworkSpec spec = Templates.load("googlenet");
    assertEquals(9, count(spec, ConcatSpec.class));
    assertEquals(List.of("inception3a_p1_relu1", "inception3a_p2_relu2", "inception3a_p3_relu2", "inception3a_p4_relu1"),
        spec.node("inception3a").orElseThrow().inputs());
    InferredNetwork net = ShapeInference.infer(spec, 1);
    assertEquals(TensorShape.of(1, 256, 12, 12), net.outputShape("inception3a")); // 64 + 128 + 32 + 32
    assertEquals(TensorShape.of(1, 480, 6, 6), net.outputShape("b3_pool"));
    assertEquals(TensorShape.of(1, 832, 3, 3), net.outputShape("b4_pool"));
    assertEquals(TensorShape.of(1, 1024), net.outputShape("gap"));
    assertEquals(TensorShape.of(1, 120, 7, 7),
        ShapeInference.infer(Templates.load("googlenet-mini"), 1).outputShape("inception3b"));
  }

  @Test
  void resNetHasRealSkipConnectionsWithProjections() {
    NetworkSpec spec = Templates.load("resnet18");
    assertEquals(8, count(spec, AddSpec.class));
    assertEquals(List.of("b2_r1_bn2", "b1_pool"), spec.node("b2_r1_add").orElseThrow().inputs());
    assertEquals(List.of("b3_r1_bn2", "b3_r1_shortcut"), spec.node("b3_r1_add").orElseThrow().inputs());
    assertEquals(List.of("b2_r2_relu2"), spec.node("b3_r1_shortcut").orElseThrow().inputs());
    InferredNetwork net = ShapeInference.infer(spec, 1);
    assertEquals(TensorShape.of(1, 64, 24, 24), net.outputShape("b2_r2_relu2"));
    assertEquals(TensorShape.of(1, 128, 12, 12), net.outputShape("b3_r1_shortcut"));
    assertEquals(TensorShape.of(1, 512, 3, 3), net.outputShape("b5_r2_relu2"));
    assertEquals(TensorShape.of(1, 512), net.outputShape("gap"));
    // stem 3,200 + 128; b2 2·74,112; b3 230,272 + 295,680; b4 919,296 + 1,181,184;
    // b5 3,673,600 + 4,721,664; fc 5,130 (convolutions with bias, as d2l's LazyConv2d)
    assertEquals(11_178_378, net.parameterCount());
    assertEquals(TensorShape.of(1, 128, 4, 4),
        ShapeInference.infer(Templates.load("resnet18-mini"), 1).outputShape("b5_r1_relu2"));
  }

  @Test
  void miniVersionsFitOnSmallImages() {
    for (String name : List.of("alexnet-mini", "vgg11-mini", "nin-mini", "googlenet-mini", "resnet18-mini")) {
      NodeSpec input = Templates.load(name).nodes().get(0);
      assertEquals(InputSpec.of(1, 28, 28), input.layer(), name);
      InferredNetwork mini = ShapeInference.infer(Templates.load(name), 1);
      InferredNetwork full = ShapeInference.infer(Templates.load(name.replace("-mini", "")), 1);
      assertTrue(mini.multiplyAddsPerExample() * 10 < full.multiplyAddsPerExample(), name);
    }
    assertEquals(TensorShape.of(1, 128, 4, 4), ShapeInference.infer(Templates.load("cifar10-cnn"), 1).outputShape("maxpool3"));
  }
}
