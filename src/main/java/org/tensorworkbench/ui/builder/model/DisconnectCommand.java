package org.tensorworkbench.ui.builder.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorworkbench.engine.spec.NodeSpec;

/** Removes the connection {@code from -> to}. */
public record DisconnectCommand(String from, String to) implements DesignCommand {

  @Override
  public Design apply(Design before) {
    NodeSpec target = before.node(to).orElseThrow(() -> new EditRejectedException("builder.reject.noSuchNode", to));
    List<String> inputs = new ArrayList<>(target.inputs());
    if (!inputs.remove(from)) {
      throw new EditRejectedException("builder.reject.noSuchConnection", from, to);
    }
    return before.replacing(to, new NodeSpec(to, target.layer(), inputs));
  }

  @Override
  public String descriptionKey() {
    return "builder.command.disconnect";
  }

  @Override
  public Object[] descriptionArgs() {
    return new Object[] {from, to};
  }
}
