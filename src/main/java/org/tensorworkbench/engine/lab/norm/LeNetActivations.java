package org.tensorworkbench.engine.lab.norm;

import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tensorworkbench.engine.data.Batch;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.lab.tensor.LabInputException;
import org.tensorworkbench.engine.lab.tensor.Nd4jTensors;
import org.tensorworkbench.engine.lab.tensor.TensorValues;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.Templates;

/**
 * Real activations for the Normalization Lab: the first images of the shipped Fashion-MNIST
 * test set run through d2l's LeNet (7.6) up to its first convolution, whose output feeds a
 * BatchNorm layer in LeNet-BN (8.5). The weights are either the template's seeded initial
 * weights or those of a LeNet trained in the lab's experiment ({@link NormalizationExperiment}):
 * trained filters respond to edges and textures, so their maps are far from the untrained ones'
 * near-constant output. A convolution's feature maps are 28x28, far too many values to read one by
 * one, so the lab keeps the centre window of every map: {@code [N, 6, 28, 28] -> [N, 6, w, w]}.
 */
public final class LeNetActivations {
  /** The template whose first convolution is read. */
  public static final String TEMPLATE = "lenet";
  /** The largest batch the lab offers. */
  public static final int MAX_BATCH = 8;

  private LeNetActivations() {}

  /**
   * The centre {@code window x window} of each feature map after LeNet's first convolution.
   *
   * @param projectHome the folder holding {@code datasets/fashion-mnist}
   * @param batchSize images, 1 to {@link #MAX_BATCH}
   * @param window the side of the kept window, 1 to 28
   * @param seed the seed of the network's initial weights
   * @throws LabInputException for a batch size or window out of range
   * @throws org.tensorworkbench.engine.data.DatasetException if the dataset files are missing or corrupt
   */
  public static TensorValues firstConvolution(Path projectHome, int batchSize, int window, long seed) {
    checkRanges(batchSize, window);
    return firstConvolution(projectHome, batchSize, window,
        NetworkCompiler.compile(Templates.load(TEMPLATE), CompileOptions.defaults().withSeed(seed)));
  }

  /**
   * The same with the weights of {@code lenet}, a compiled LeNet (e.g. trained in the
   * experiment); call it only while nothing trains that network.
   */
  public static TensorValues firstConvolution(Path projectHome, int batchSize, int window, CompiledNetwork lenet) {
    checkRanges(batchSize, window);
    Dataset data = new DatasetRegistry(projectHome)
        .load(DatasetRegistry.FASHION_MNIST, DatasetOptions.defaults().withLimit(1).withTestLimit(batchSize));
    Batch batch = data.test().batch(0, batchSize); // [N, 1, 28, 28], pixels scaled to [0, 1]
    String conv = lenet.spec().nodes().stream().filter(n -> n.layer() instanceof Conv2dSpec).map(NodeSpec::id)
        .findFirst().orElseThrow();
    INDArray maps = lenet.activations(batch.features(), List.of(conv)).get(conv); // [N, 6, 28, 28]
    long start = (maps.size(2) - window) / 2;
    INDArray centre = maps.get(NDArrayIndex.all(), NDArrayIndex.all(),
        NDArrayIndex.interval(start, start + window), NDArrayIndex.interval(start, start + window)); // [N, 6, w, w]
    return Nd4jTensors.toValues(centre);
  }

  private static void checkRanges(int batchSize, int window) {
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new LabInputException("norm.error.lenetBatch", batchSize, MAX_BATCH);
    }
    if (window < 1 || window > 28) {
      throw new LabInputException("norm.error.lenetWindow", window);
    }
  }
}
