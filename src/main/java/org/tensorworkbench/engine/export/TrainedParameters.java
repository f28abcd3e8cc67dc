package org.tensorworkbench.engine.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;

/**
 * Moves trained parameters between a SameDiff graph and PyTorch's layout, which ONNX shares:
 * a dense weight is [in, out] in SameDiff (y = xW) and [out, in] in PyTorch (y = xWᵀ); a
 * convolution weight is [kH, kW, inC, outC] in SameDiff and [outC, inC, kH, kW] in PyTorch.
 * Biases, γ, β and the BatchNorm running statistics keep their shape.
 */
final class TrainedParameters {
  private TrainedParameters() {}

  /**
   * The parameters of every exported layer, in graph order, keyed by their GraphNames name.
   * Call it from the thread that trains the network, or when none trains.
   */
  static Map<String, ParameterTensor> read(CompiledNetwork network, InferenceGraph graph) {
    SameDiff sd = network.sameDiff();
    Map<String, ParameterTensor> params = new LinkedHashMap<>();
    for (InferenceGraph.Step step : graph.steps()) {
      String id = step.id();
      if (step.layer() instanceof DenseSpec d) {
        put(params, GraphNames.weights(id), sd.getArrForVarName(GraphNames.weights(id)).transpose()); // [in, out] -> [out, in]
        if (d.bias()) {
          put(params, GraphNames.bias(id), sd.getArrForVarName(GraphNames.bias(id)));
        }
      } else if (step.layer() instanceof Conv2dSpec c) {
        put(params, GraphNames.weights(id), sd.getArrForVarName(GraphNames.weights(id)).permute(3, 2, 0, 1));
        if (c.bias()) {
          put(params, GraphNames.bias(id), sd.getArrForVarName(GraphNames.bias(id)));
        }
      } else if (step.layer() instanceof BatchNormSpec) {
        for (String name : new String[] {GraphNames.gamma(id), GraphNames.beta(id), GraphNames.runningMean(id), GraphNames.runningVar(id)}) {
          put(params, name, sd.getArrForVarName(name));
        }
      } else if (step.layer() instanceof LayerNormSpec) {
        put(params, GraphNames.gamma(id), sd.getArrForVarName(GraphNames.gamma(id)));
        put(params, GraphNames.beta(id), sd.getArrForVarName(GraphNames.beta(id)));
      }
    }
    return params;
  }

  /**
   * Copies parameters in PyTorch's layout into a graph compiled from the same spec, e.g. the
   * weights of an imported ONNX file. Throws {@code export.error.parameterShape} when a
   * parameter does not fit the graph.
   */
  static void write(CompiledNetwork network, Map<String, ParameterTensor> params) {
    SameDiff sd = network.sameDiff();
    for (ParameterTensor p : params.values()) {
      INDArray target = sd.getArrForVarName(p.name());
      INDArray value = Nd4j.create(p.values(), p.shape(), 'c');
      if (p.rank() == 4 && target.rank() == 4) {
        value = value.permute(2, 3, 1, 0); // [outC, inC, kH, kW] -> [kH, kW, inC, outC]
      } else if (p.rank() == 2 && target.rank() == 2 && p.name().endsWith("/W")) {
        value = value.transpose(); // [out, in] -> [in, out]
      }
      if (!java.util.Arrays.equals(value.shape(), target.shape())) {
        throw new ExportException("export.error.parameterShape", p.name(),
            java.util.Arrays.toString(p.shape()), java.util.Arrays.toString(target.shape()));
      }
      target.assign(value.castTo(target.dataType()));
    }
  }

  private static void put(Map<String, ParameterTensor> params, String name, INDArray array) {
    INDArray values = array.castTo(DataType.FLOAT).dup('c');
    params.put(name, new ParameterTensor(name, values.shape(), values.data().asFloat()));
  }
}
