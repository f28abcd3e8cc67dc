package org.tensorworkbench.engine.transfer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;

/**
 * A pretrained network made ready for a new task, as in d2l 14.2: the same layers, the output
 * layer replaced by a fresh one with one unit per new class, every other group's weights copied
 * from the pretrained model unless the group is re-initialized, and per-parameter step factors
 * for the trainer ({@link org.tensorworkbench.engine.train.TrainingSession#setStepFactors}):
 * 0 for a frozen group, the group's factor otherwise.
 *
 * <p>{@link #fromScratch} builds the baseline of the comparison: the same new network with the
 * same seed, all its weights random, every parameter trained with the base learning rate.
 *
 * @param network the new network (its weights as described above), ready to train
 * @param stepFactors parameter name → factor; empty from scratch
 */
public record FineTunedNetwork(CompiledNetwork network, Map<String, Double> stepFactors) {
  public FineTunedNetwork {
    stepFactors = Map.copyOf(stepFactors);
  }

  /**
   * @param settings a setting per group id; the output group is always new (its mode is read
   *     only for its factor; a frozen output layer is refused, it could not learn the new classes)
   * @param classes the number of classes of the new task (2 or more)
   * @param seed initializes the new output layer and re-initialized groups
   */
  public static FineTunedNetwork fineTune(PretrainedModel pretrained, Map<String, GroupSetting> settings, int classes,
      long seed) {
    LayerGroup head = pretrained.outputGroup();
    GroupSetting headSetting = settings.getOrDefault(head.id(), GroupSetting.fineTune(1));
    if (headSetting.mode() == GroupMode.FROZEN) {
      throw new TransferException("transfer.error.frozenOutput", head.id());
    }
    CompiledNetwork network = compileNew(pretrained, classes, seed);
    SameDiff source = pretrained.model().network().sameDiff();
    SameDiff target = network.sameDiff();
    Map<String, Double> factors = new LinkedHashMap<>();
    for (LayerGroup group : pretrained.groups()) {
      GroupSetting setting = settings.getOrDefault(group.id(), GroupSetting.fineTune(1));
      if (!group.output() && setting.mode() != GroupMode.REINITIALIZE) {
        for (String name : group.parameters()) {
          target.getArrForVarName(name).assign(source.getArrForVarName(name));
        }
      }
      for (String name : group.parameters()) {
        if (target.getVariable(name).getVariableType() == VariableType.VARIABLE) {
          factors.put(name, group.output() ? headSetting.factor() : setting.stepFactor());
        }
      }
    }
    return new FineTunedNetwork(network, factors);
  }

  /** The same new network, same seed, every weight random and trained with the base rate. */
  public static FineTunedNetwork fromScratch(PretrainedModel pretrained, int classes, long seed) {
    return new FineTunedNetwork(compileNew(pretrained, classes, seed), Map.of());
  }

  /** The pretrained design with its output layer resized to {@code classes} units, compiled with {@code seed}. */
  private static CompiledNetwork compileNew(PretrainedModel pretrained, int classes, long seed) {
    if (classes < 2 || classes > 1000) {
      throw new TransferException("transfer.error.classes", classes);
    }
    NetworkSpec spec = pretrained.model().network().spec();
    LayerGroup head = pretrained.outputGroup();
    DenseSpec dense = (DenseSpec) spec.node(head.id()).orElseThrow().layer();
    NetworkSpec resized = spec.withLayer(head.id(), new DenseSpec(classes, dense.bias(), dense.init()));
    return NetworkCompiler.compile(resized, CompileOptions.defaults().withSeed(seed));
  }
}
