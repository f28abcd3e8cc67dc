package org.tensorworkbench.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorworkbench.engine.data.DatasetRegistry;

/**
 * The recipe of every template ({@code engine.spec.Templates}), as d2l trains it:
 * <ul>
 *   <li>linear regression on the house prices: minibatch SGD, η = 0.03 as in d2l 3.4/3.5, batch
 *       16 and 40 epochs since the 404 training rows are few;</li>
 *   <li>softmax regression (d2l 4.4) and the MLP (d2l 5.2): SGD, η = 0.1, batch 256, 10 epochs;</li>
 *   <li>LeNet (d2l 7.6): SGD, η = 0.9, batch 256, 10 epochs: its sigmoid layers learn nothing
 *       for an epoch at a small rate; LeNet with batch normalization (d2l 8.5): η = 1.0;</li>
 *   <li>the chapter-8 networks at d2l's sizes (8.1 AlexNet η = 0.01, 8.2 VGG η = 0.05, 8.3 NiN
 *       η = 0.1, 8.4 GoogLeNet η = 0.1, 8.6 ResNet η = 0.05), batch 128 (ResNet 256), 10 epochs:
 *       d2l trains them on Fashion-MNIST resized to 224x224 (96x96), meant for a GPU;</li>
 *   <li>the "-mini" networks: Adam (d2l 12.10), η = 0.001, batch 128, 3 epochs, measured to
 *       learn clearly within 3 epochs on a 2-core CPU (README, "Recipes");</li>
 *   <li>the CIFAR-10 CNN: Adam, η = 0.001, batch 128, 10 epochs on CIFAR-10 (downloaded on
 *       request).</li>
 * </ul>
 */
public final class Recipes {
  private static final String FASHION = DatasetRegistry.FASHION_MNIST;
  private static final Map<String, Recipe> RECIPES = new LinkedHashMap<>();

  static {
    add(new Recipe("linear-regression", "3.4", Optimizer.SGD, 0.03, 16, 40, 0, DatasetRegistry.HOUSING, 0));
    add(new Recipe("softmax-regression", "4.4", Optimizer.SGD, 0.1, 256, 10, 0, FASHION, 0));
    add(new Recipe("mlp", "5.2", Optimizer.SGD, 0.1, 256, 10, 0, FASHION, 0));
    add(new Recipe("lenet", "7.6", Optimizer.SGD, 0.9, 256, 10, 0, FASHION, 0));
    add(new Recipe("alexnet", "8.1", Optimizer.SGD, 0.01, 128, 10, 0, FASHION, 0));
    add(new Recipe("vgg11", "8.2", Optimizer.SGD, 0.05, 128, 10, 0, FASHION, 0));
    add(new Recipe("nin", "8.3", Optimizer.SGD, 0.1, 128, 10, 0, FASHION, 0));
    add(new Recipe("googlenet", "8.4", Optimizer.SGD, 0.1, 128, 10, 0, FASHION, 0));
    add(new Recipe("lenet-bn", "8.5", Optimizer.SGD, 1.0, 256, 10, 0, FASHION, 0));
    add(new Recipe("resnet18", "8.6", Optimizer.SGD, 0.05, 256, 10, 0, FASHION, 0));
    add(new Recipe("alexnet-mini", "8.1", Optimizer.ADAM, 0.001, 128, 3, 0, FASHION, 0));
    add(new Recipe("vgg11-mini", "8.2", Optimizer.ADAM, 0.001, 128, 3, 0, FASHION, 0));
    add(new Recipe("nin-mini", "8.3", Optimizer.ADAM, 0.001, 128, 3, 0, FASHION, 0));
    add(new Recipe("googlenet-mini", "8.4", Optimizer.ADAM, 0.001, 128, 3, 0, FASHION, 0));
    add(new Recipe("resnet18-mini", "8.6", Optimizer.ADAM, 0.001, 128, 3, 0, FASHION, 0));
    add(new Recipe("cifar10-cnn", "7.6", Optimizer.ADAM, 0.001, 128, 10, 0, DatasetRegistry.CIFAR_10, 0));
  }

  private Recipes() {}

  private static void add(Recipe recipe) {
    RECIPES.put(recipe.template(), recipe);
  }

  /** The recipe of the template named {@code template}, empty for a name that is not a template. */
  public static Optional<Recipe> of(String template) {
    return Optional.ofNullable(template == null ? null : RECIPES.get(template));
  }

  /** Every recipe, in the templates' order. */
  public static List<Recipe> all() {
    return List.copyOf(RECIPES.values());
  }
}
