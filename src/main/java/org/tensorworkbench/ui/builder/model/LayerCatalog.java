package org.tensorworkbench.ui.builder.model;

import java.util.List;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.ActivationSpec.Function;
import org.tensorworkbench.engine.spec.AddSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.ConcatSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.GlobalAvgPool2dSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;

/**
 * The palette: every layer kind the engine supports, grouped as d2l introduces them, each with
 * the settings a new one starts with (d2l's usual choices: a 28x28 grayscale input, a 3x3
 * same-padded convolution, 2x2 pooling). Names and one-line hints are the bundle keys
 * {@code builder.layer.<id>.name} and {@code builder.layer.<id>.hint}.
 */
public final class LayerCatalog {

  /** The palette sections, in display order. */
  public enum Group {
    CORE, CONVOLUTION, NORMALIZATION, MERGE;

    public String titleKey() {
      return "builder.group." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One palette entry. */
  public record Entry(String id, Group group, LayerSpec prototype) {
    public String nameKey() {
      return "builder.layer." + id + ".name";
    }

    public String hintKey() {
      return "builder.layer." + id + ".hint";
    }
  }

  public static final List<Entry> ENTRIES = List.of(
      new Entry("input", Group.CORE, InputSpec.of(1, 28, 28)),
      new Entry("dense", Group.CORE, DenseSpec.of(64)),
      new Entry("flatten", Group.CORE, new FlattenSpec()),
      new Entry("relu", Group.CORE, ActivationSpec.of(Function.RELU)),
      new Entry("leaky_relu", Group.CORE, ActivationSpec.of(Function.LEAKY_RELU)),
      new Entry("sigmoid", Group.CORE, ActivationSpec.of(Function.SIGMOID)),
      new Entry("tanh", Group.CORE, ActivationSpec.of(Function.TANH)),
      new Entry("gelu", Group.CORE, ActivationSpec.of(Function.GELU)),
      new Entry("softmax", Group.CORE, ActivationSpec.of(Function.SOFTMAX)),
      new Entry("output", Group.CORE, new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY)),
      new Entry("conv2d", Group.CONVOLUTION, Conv2dSpec.of(16, 3).withPadding(Padding.of(1))),
      new Entry("maxpool2d", Group.CONVOLUTION, MaxPool2dSpec.of(2)),
      new Entry("avgpool2d", Group.CONVOLUTION, AvgPool2dSpec.of(2)),
      new Entry("globalavgpool2d", Group.CONVOLUTION, new GlobalAvgPool2dSpec()),
      new Entry("batchnorm", Group.NORMALIZATION, BatchNormSpec.DEFAULT),
      new Entry("layernorm", Group.NORMALIZATION, LayerNormSpec.DEFAULT),
      new Entry("dropout", Group.NORMALIZATION, new DropoutSpec(0.5)),
      new Entry("add", Group.MERGE, new AddSpec()),
      new Entry("concat", Group.MERGE, new ConcatSpec()));

  private LayerCatalog() {}

  public static Entry entry(String id) {
    return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no palette entry " + id));
  }

  public static List<Entry> inGroup(Group group) {
    return ENTRIES.stream().filter(e -> e.group() == group).toList();
  }

  /** The palette entry id describing {@code layer}'s kind, e.g. "relu" or "conv2d". */
  public static String kindOf(LayerSpec layer) {
    if (layer instanceof ActivationSpec a) {
      return a.function().name().toLowerCase(java.util.Locale.ROOT);
    }
    return ENTRIES.stream().filter(e -> e.prototype().getClass() == layer.getClass()).findFirst()
        .map(Entry::id).orElseThrow();
  }
}
