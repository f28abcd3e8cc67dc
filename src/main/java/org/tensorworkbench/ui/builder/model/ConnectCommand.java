package org.tensorworkbench.ui.builder.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NodeSpec;

/**
 * Connects the output of {@code from} to an input of {@code to}. A layer with one input has it
 * replaced; Add and Concat gain one more input. Loops and connections into an Input are refused.
 */
public record ConnectCommand(String from, String to) implements DesignCommand {

  @Override
  public Design apply(Design before) {
    before.node(from).orElseThrow(() -> new EditRejectedException("builder.reject.noSuchNode", from));
    NodeSpec target = before.node(to).orElseThrow(() -> new EditRejectedException("builder.reject.noSuchNode", to));
    if (from.equals(to) || before.reaches(to, from)) {
      throw new EditRejectedException("builder.reject.loop", from, to);
    }
    int arity = target.layer().arity();
    if (arity == 0) {
      throw new EditRejectedException("builder.reject.intoInput", to);
    }
    List<String> inputs;
    if (arity == LayerSpec.ANY) {
      if (target.inputs().contains(from)) {
        return before;
      }
      inputs = new ArrayList<>(target.inputs());
      inputs.add(from);
    } else {
      inputs = List.of(from);
    }
    return before.replacing(to, new NodeSpec(to, target.layer(), inputs));
  }

  @Override
  public String descriptionKey() {
    return "builder.command.connect";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {from, to};
  }
}
