package org.tensorworkbench.engine.lab.generalization;

import java.util.List;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.spec.SpecException;

/**
 * The model {@link HousingCrossValidation} trains on each fold: d2l 5.7's linear regression
 * (trained in Java by {@link LinearFit}), or a network trained by the engine (SameDiff) through
 * {@link org.tensorworkbench.engine.train.PreparedRun}: the lab's MLP with one hidden ReLU layer,
 * or any regression design (mean squared error on one output).
 */
public sealed interface HousingModel {
  /** The widest hidden layer the lab's MLP candidate may have. */
  int MAX_WIDTH = 1024;

  /** How the model is named in tables, CSV and JSON: {@code linear}, {@code mlp:64}, or the design's name. */
  String label();

  /** d2l 5.7's linear model ŷ = Xw + b. */
  record Linear() implements HousingModel {
    @Override
    public String label() {
      return "linear";
    }
  }

  /** A network trained by the engine; its input is fitted to the housing features. */
  record Network(String label, NetworkSpec spec) implements HousingModel {}

  HousingModel LINEAR = new Linear();

  /** Input 12 → Dense(width) → ReLU → Dense(1) → mean squared error. */
  static HousingModel mlp(int width) {
    PolynomialExperiment.checkRange("generalization.field.width", width, 1, MAX_WIDTH);
    NetworkSpec spec = NetworkSpec.sequential("MLP " + width, InputSpec.of(12), DenseSpec.of(width),
        ActivationSpec.of(ActivationSpec.Function.RELU), DenseSpec.of(1), new OutputSpec(OutputSpec.Loss.MSE));
    return new Network("mlp:" + width, spec);
  }

  /**
   * A design to cross-validate on {@code features} inputs: it must end in a mean-squared-error
   * Output of one value once its input takes the features, else {@link LabInputException} says why.
   */
  static HousingModel network(String label, NetworkSpec spec, int features) {
    NetworkSpec fitted = spec.withInputShape(List.of(features));
    InferredNetwork inferred;
    try {
      inferred = ShapeInference.require(fitted, 1);
    } catch (SpecException e) {
      throw new LabInputException("generalization.error.networkInvalid", label, e.getLocalizedMessage());
    }
    for (NodeSpec node : fitted.nodes()) {
      if (node.layer() instanceof OutputSpec o) {
        if (o.loss() != OutputSpec.Loss.MSE || inferred.outputShape(node.id()).perExample().elements() != 1) {
          throw new LabInputException("generalization.error.notRegression", label);
        }
      }
    }
    return new Network(label, fitted);
  }
}
