package org.tensorworkbench.engine.export;

import java.util.Map;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.SavedModel;
import org.tensorworkbench.engine.spec.NetworkSpec;

/**
 * A network read back from an ONNX file: its design as palette layers, its weights in PyTorch's
 * layout keyed by the workbench's parameter names, and what the file says about it.
 */
public record ImportedModel(NetworkSpec spec, Map<String, ParameterTensor> parameters, ModelMetadata metadata) {
  public ImportedModel {
    parameters = Map.copyOf(parameters);
  }

  /** Compiles the design and loads the weights: a model that predicts (and trains on) as the file does. */
  public SavedModel compile() {
    CompiledNetwork network = NetworkCompiler.compile(spec);
    TrainedParameters.write(network, parameters);
    return new SavedModel(network, metadata, false);
  }
}
