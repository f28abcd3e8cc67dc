package org.tensorworkbench.ui.training;

import org.tensorworkbench.ui.common.UiText;

import java.util.Objects;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.spec.NetworkSpec;

/**
 * A network the Training screen can train: a template, the design handed over by the builder,
 * a network JSON file, or a reopened model whose trained weights are trained further.
 *
 * @param kind where it comes from
 * @param name the template name, design name or file name
 * @param spec the design
 * @param model the reopened model (kind MODEL only), else null
 */
public record NetworkChoice(Kind kind, String name, NetworkSpec spec, SavedModel model) {

  /** Where a network comes from. */
  public enum Kind { TEMPLATE, BUILDER, FILE, MODEL }

  public NetworkChoice {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(spec);
    if ((kind == Kind.MODEL) != (model != null)) {
      throw new IllegalArgumentException("a model choice needs a model, and only it");
    }
  }

  public static NetworkChoice template(String name, NetworkSpec spec) {
    return new NetworkChoice(Kind.TEMPLATE, name, spec, null);
  }

  /** The label in the network list, in the current language. */
  public String label() {
    return switch (kind) {
      case TEMPLATE -> name;
      case BUILDER -> UiText.of("training.setup.fromBuilder", name).get();
      case FILE -> UiText.of("training.setup.fromFile", name).get();
      case MODEL -> UiText.of("training.setup.fromModel", name).get();
    };
  }

  @Override
  public String toString() {
    return label();
  }
}
