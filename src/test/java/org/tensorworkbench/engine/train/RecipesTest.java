package org.tensorworkbench.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.i18n.Messages;

class RecipesTest {

  @Test
  void everyTemplateHasARecipeInTheTemplatesOrder() {
    assertEquals(Templates.names(), Recipes.all().stream().map(Recipe::template).toList());
    assertTrue(Recipes.of("no-such-template").isEmpty());
    assertTrue(Recipes.of(null).isEmpty());
  }

  @Test
  void theRecipesAreD2lsOwn() {
    assertRecipe("softmax-regression", "4.4", Optimizer.SGD, 0.1, 256, 10);
    assertRecipe("mlp", "5.2", Optimizer.SGD, 0.1, 256, 10);
    assertRecipe("lenet", "7.6", Optimizer.SGD, 0.9, 256, 10);
    assertRecipe("lenet-bn", "8.5", Optimizer.SGD, 1.0, 256, 10);
    assertRecipe("alexnet", "8.1", Optimizer.SGD, 0.01, 128, 10);
    assertEquals(DatasetRegistry.HOUSING, Recipes.of("linear-regression").orElseThrow().dataset());
    for (String mini : List.of("alexnet-mini", "vgg11-mini", "nin-mini", "googlenet-mini", "resnet18-mini")) {
      Recipe r = Recipes.of(mini).orElseThrow();
      assertEquals(3, r.epochs(), mini);
      assertEquals(DatasetRegistry.FASHION_MNIST, r.dataset(), mini);
    }
  }

  private static void assertRecipe(String template, String chapter, Optimizer optimizer, double lr, int batch,
      int epochs) {
    Recipe r = Recipes.of(template).orElseThrow();
    assertEquals(chapter, r.chapter(), template);
    assertEquals(optimizer, r.optimizer(), template);
    assertEquals(lr, r.learningRate(), 0, template);
    assertEquals(batch, r.batchSize(), template);
    assertEquals(epochs, r.epochs(), template);
  }

  @Test
  void appliesToAConfigurationKeepingWhatItDoesNotFix() {
    TrainingConfig base = TrainingConfig.defaults().withSeed(7).withWeightDecay(0.5, true).withLimit(99);
    TrainingConfig c = Recipes.of("lenet").orElseThrow().applyTo(base);
    assertEquals(Optimizer.SGD, c.optimizer());
    assertEquals(0.9, c.learningRate(), 0);
    assertEquals(256, c.batchSize());
    assertEquals(10, c.epochs());
    assertEquals(0, c.weightDecay(), 0);
    assertEquals(0, c.limit());
    assertEquals(7, c.seed(), "the seed is not part of a recipe");
  }

  @Test
  void describesItselfInBothLanguages() {
    Recipe lenet = Recipes.of("lenet").orElseThrow();
    assertEquals("d2l 7.6: sgd, lr 0.9, batch 256, 10 epochs", Messages.get(Locale.ENGLISH, "train.recipe.describe",
        lenet.chapter(), Messages.get(Locale.ENGLISH, "train.recipe.settings", "sgd", "0.9", 256, 10)));
    assertEquals("d2l 7.6：sgd，学习率 0.9，批量大小 256，10 轮", Messages.get(Locale.SIMPLIFIED_CHINESE,
        "train.recipe.describe", lenet.chapter(),
        Messages.get(Locale.SIMPLIFIED_CHINESE, "train.recipe.settings", "sgd", "0.9", 256, 10)));
    assertEquals("0.001", Recipe.number(0.001));
    assertEquals("1", Recipe.number(1.0));
  }
}
