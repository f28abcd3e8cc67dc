package org.tensorworkbench.engine.lab.generalization;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.NodeSpec;

/**
 * What a Dropout layer of a compiled network does to one minibatch, read from the graph itself.
 * The batch is run once through the graph in training mode (SameDiff's learning-phase switch set
 * to true, as {@code fit} sets it), and the layer's input a, the 0/1 mask m the layer drew
 * ({@link GraphNames#dropoutMask}) and its output are taken from that one pass; then the batch is
 * run in inference mode. Inverted dropout (d2l 5.6):
 *
 * <pre>  training:  h = a · m / (1 − p),  m ~ Bernoulli(1 − p)
 *  inference: h = a</pre>
 *
 * so the numbers shown are exactly what a training step computes, not a re-enactment.
 */
public final class DropoutMasks {
  /**
   * One minibatch at one Dropout layer; every array is [units, examples] row-major, i.e. value
   * (u, e) at {@code u * examples + e}.
   *
   * @param before the layer's input a (the hidden activations)
   * @param kept the mask m the training pass drew: true where the unit was kept
   * @param training the layer's output in training mode: 0 where dropped, a / (1 − p) where kept
   * @param inferenceBefore the layer's input for the same images in inference mode (differs from
   *     {@code before} after the second layer, since the first one drops nothing at inference)
   * @param inference the layer's output in inference mode: equal to {@code inferenceBefore}
   */
  public record Sample(String nodeId, double p, int units, int examples, float[] before, boolean[] kept,
      float[] training, float[] inferenceBefore, float[] inference) {
    public int index(int unit, int example) {
      return unit * examples + example;
    }

    /** How many of the units × examples values were dropped. */
    public int droppedCount() {
      int n = 0;
      for (boolean k : kept) {
        n += k ? 0 : 1;
      }
      return n;
    }

    /** The share of values dropped: about p. */
    public double droppedShare() {
      return droppedCount() / (double) kept.length;
    }
  }

  private DropoutMasks() {}

  /**
   * Runs {@code x} [B, ...] through {@code network} and reads the Dropout node {@code dropoutId}.
   * Call it on the thread that trains the network, or while nothing trains it.
   */
  public static Sample sample(CompiledNetwork network, String dropoutId, INDArray x) {
    NodeSpec node = network.spec().node(dropoutId)
        .orElseThrow(() -> new IllegalArgumentException("no node " + dropoutId));
    if (!(node.layer() instanceof DropoutSpec d) || d.p() == 0) {
      throw new IllegalArgumentException(dropoutId + " is not a Dropout layer with p > 0");
    }
    String inputName = network.activationNames().get(node.inputs().get(0));
    String outputName = network.activationNames().get(dropoutId);
    String maskName = GraphNames.dropoutMask(dropoutId);
    INDArray input = x.dataType() == network.dataType() ? x : x.castTo(network.dataType());
    Map<String, INDArray> train;
    Map<String, INDArray> infer;
    try (INDArray on = Nd4j.scalar(true); INDArray off = Nd4j.scalar(false)) {
      train = network.sameDiff().batchOutput().input(GraphNames.INPUT, input).input(GraphNames.PHASE, on)
          .output(inputName, maskName, outputName).output();
      infer = network.sameDiff().batchOutput().input(GraphNames.INPUT, input).input(GraphNames.PHASE, off)
          .output(inputName, outputName).output();
    }
    INDArray a = train.get(inputName); // [B, U]
    if (a.rank() != 2) {
      throw new IllegalArgumentException(dropoutId + " follows a layer of rank " + a.rank() + ", not [B, units]");
    }
    int examples = (int) a.size(0);
    int units = (int) a.size(1);
    float[] before = transposed(a, units, examples);
    float[] mask = transposed(train.get(maskName), units, examples);
    float[] training = transposed(train.get(outputName), units, examples);
    float[] inferenceBefore = transposed(infer.get(inputName), units, examples);
    float[] inference = transposed(infer.get(outputName), units, examples);
    boolean[] kept = new boolean[mask.length];
    for (int i = 0; i < mask.length; i++) {
      kept[i] = mask[i] != 0;
    }
    return new Sample(dropoutId, d.p(), units, examples, before, kept, training, inferenceBefore, inference);
  }

  /** [B, U] -> [U, B] row-major floats. */
  private static float[] transposed(INDArray m, int units, int examples) {
    float[] flat = m.castTo(DataType.FLOAT).dup('c').data().asFloat(); // [B, U]
    float[] out = new float[units * examples];
    for (int e = 0; e < examples; e++) {
      for (int u = 0; u < units; u++) {
        out[u * examples + e] = flat[e * units + u];
      }
    }
    return out;
  }
}
