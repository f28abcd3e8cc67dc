package org.tensorworkbench.engine.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tensorworkbench.i18n.Messages;

/**
 * The networks a student can start from, named as on the command line ({@code summary
 * --network lenet}) and in the builder's template menu, in curriculum order: d2l's linear and
 * softmax regression, MLP, LeNet (7.6), the modern CNNs of chapter 8 (AlexNet, VGG-11, NiN,
 * GoogLeNet, ResNet-18; 224x224 or 96x96 inputs as in d2l), LeNet with BatchNorm, "-mini"
 * versions of the modern CNNs that train on 28x28 Fashion-MNIST on a CPU, and a small CIFAR-10
 * CNN. Every template is valid and has a shape for every node (tested).
 */
public final class Templates {
  private static final Map<String, Supplier<NetworkSpec>> TEMPLATES = new LinkedHashMap<>();

  static {
    TEMPLATES.put("linear-regression", BasicNetworks::linearRegression);
    TEMPLATES.put("softmax-regression", BasicNetworks::softmaxRegression);
    TEMPLATES.put("mlp", BasicNetworks::mlp);
    TEMPLATES.put("lenet", BasicNetworks::leNet);
    TEMPLATES.put("alexnet", ModernCnns::alexNet);
    TEMPLATES.put("vgg11", ModernCnns::vgg11);
    TEMPLATES.put("nin", ModernCnns::nin);
    TEMPLATES.put("googlenet", ModernCnns::googLeNet);
    TEMPLATES.put("lenet-bn", BasicNetworks::leNetBatchNorm);
    TEMPLATES.put("resnet18", ModernCnns::resNet18);
    TEMPLATES.put("alexnet-mini", ModernCnns::alexNetMini);
    TEMPLATES.put("vgg11-mini", ModernCnns::vgg11Mini);
    TEMPLATES.put("nin-mini", ModernCnns::ninMini);
    TEMPLATES.put("googlenet-mini", ModernCnns::googLeNetMini);
    TEMPLATES.put("resnet18-mini", ModernCnns::resNet18Mini);
    TEMPLATES.put("cifar10-cnn", BasicNetworks::cifar10Cnn);
  }

  private Templates() {}

  /** The template names in curriculum order. */
  public static List<String> names() {
    return List.copyOf(TEMPLATES.keySet());
  }

  public static boolean exists(String name) {
    return TEMPLATES.containsKey(name);
  }

  /** A fresh copy of the template; throws {@code spec.template.unknown} for an unknown name. */
  public static NetworkSpec load(String name) {
    Supplier<NetworkSpec> template = TEMPLATES.get(name);
    if (template == null) {
      throw new SpecException("spec.template.unknown", name, String.join(", ", names()));
    }
    return template.get();
  }

  /**
   * The template a design was made from, judged by its name: a design keeps its template's name
   * (e.g. "LeNet") until the student renames it. Empty for any other name.
   */
  public static Optional<String> origin(NetworkSpec design) {
    return TEMPLATES.keySet().stream().filter(n -> load(n).name().equals(design.name())).findFirst();
  }

  /** The bundle key of a one-line description, e.g. {@code spec.template.lenet}. */
  public static String descriptionKey(String name) {
    return "spec.template." + name;
  }

  /** The one-line description in the current language. */
  public static String description(String name) {
    return Messages.get(descriptionKey(name));
  }
}
