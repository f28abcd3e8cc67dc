package org.tensorworkbench.engine.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * A trained classifier to fine-tune (d2l 14.2): a model file reopened, its layers grouped into
 * {@link LayerGroup}s in network order, the last group being the output layer (the Dense layer
 * that feeds the softmax cross-entropy Output), which fine-tuning replaces.
 */
public final class PretrainedModel {
  private final SavedModel model;
  private final List<LayerGroup> groups;

  private PretrainedModel(SavedModel model, List<LayerGroup> groups) {
    this.model = model;
    this.groups = List.copyOf(groups);
  }

  /** Opens a model file (checked as {@link ModelFile#load} does) and groups its layers. */
  public static PretrainedModel load(Path file) throws IOException {
    return of(ModelFile.load(file), file);
  }

  /**
   * Groups the layers of a reopened model; refuses (naming {@code source}) one that is not an
   * image classifier ending in Dense → Output(softmax cross-entropy).
   */
  public static PretrainedModel of(SavedModel model, Path source) {
    CompiledNetwork network = model.network();
    List<String> order = List.copyOf(network.activationNames().keySet());
    Map<String, NodeSpec> nodes = new HashMap<>();
    network.spec().nodes().forEach(n -> nodes.put(n.id(), n));
    NodeSpec first = nodes.get(order.get(0));
    NodeSpec last = nodes.get(order.get(order.size() - 1));
    if (!(first.layer() instanceof InputSpec in) || in.shape().size() != 3
        || !(last.layer() instanceof OutputSpec out) || out.loss() != OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY
        || last.inputs().size() != 1 || !(nodes.get(last.inputs().get(0)).layer() instanceof DenseSpec)) {
      throw new TransferException("transfer.error.notClassifier", source == null ? "" : source.getFileName());
    }
    String head = last.inputs().get(0);
    SameDiff sd = network.sameDiff();
    List<LayerGroup> groups = new ArrayList<>();
    String groupId = null;
    String kind = null;
    List<String> members = new ArrayList<>();
    List<String> parameters = new ArrayList<>();
    for (String id : order.subList(1, order.size() - 1)) {
      List<String> own = ownArrays(sd, id);
      boolean opensGroup = nodes.get(id).layer() instanceof DenseSpec
          || nodes.get(id).layer() instanceof org.tensorworkbench.engine.spec.Conv2dSpec;
      if (opensGroup) {
        if (groupId != null) {
          groups.add(group(sd, groupId, kind, members, parameters, false));
        }
        groupId = id;
        kind = nodes.get(id).layer().getClass().getSimpleName();
        members = new ArrayList<>();
        parameters = new ArrayList<>();
      } else if (groupId == null && !own.isEmpty()) {
        throw new TransferException("transfer.error.notClassifier", source == null ? "" : source.getFileName());
      }
      if (groupId != null) {
        members.add(id);
        parameters.addAll(own);
      }
    }
    if (groupId != null) {
      groups.add(group(sd, groupId, kind, members, parameters, groupId.equals(head)));
    }
    return new PretrainedModel(model, groups);
  }

  private static LayerGroup group(SameDiff sd, String id, String kind, List<String> members, List<String> parameters,
      boolean output) {
    long count = parameters.stream().filter(p -> sd.getVariable(p).getVariableType() == VariableType.VARIABLE)
        .mapToLong(p -> sd.getArrForVarName(p).length()).sum();
    String shortKind = kind.replace("Spec", "").toLowerCase(java.util.Locale.ROOT);
    return new LayerGroup(id, shortKind, members, parameters, count, output);
  }

  /** The stored arrays of a layer: weights, bias, γ, β (variables) and running statistics (constants). */
  private static List<String> ownArrays(SameDiff sd, String nodeId) {
    List<String> names = new ArrayList<>();
    for (SDVariable v : sd.variables()) {
      VariableType type = v.getVariableType();
      if ((type == VariableType.VARIABLE || type == VariableType.CONSTANT) && v.name().startsWith(nodeId + "/")
          && sd.getArrForVarName(v.name()) != null) {
        names.add(v.name());
      }
    }
    return names;
  }

  /** The reopened model: network (with its trained weights) and metadata. */
  public SavedModel model() {
    return model;
  }

  /** The layer groups in network order; the last is the output layer. */
  public List<LayerGroup> groups() {
    return groups;
  }

  /** The output layer's group. */
  public LayerGroup outputGroup() {
    return groups.get(groups.size() - 1);
  }

  /** The image shape the network takes, [C, H, W]. */
  public int[] inputShape() {
    NodeSpec input = model.network().spec().nodes().stream().filter(n -> n.layer() instanceof InputSpec).findFirst()
        .orElseThrow();
    return ((InputSpec) input.layer()).shape().stream().mapToInt(Integer::intValue).toArray();
  }

  /** The classes it was trained on, as recorded in its file. */
  public List<String> classNames() {
    return model.metadata().classNames();
  }
}
