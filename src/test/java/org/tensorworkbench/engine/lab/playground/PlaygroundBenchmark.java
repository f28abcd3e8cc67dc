package org.tensorworkbench.engine.lab.playground;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.tensorworkbench.engine.graph.CompileOptions;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.GraphNames;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;

/**
 * Not a test: measures the Playground's speed for a 2-8-8-3 ReLU network on 500 spiral points
 * (batch 32) and a 64x64 grid — the double-array stack against a hand-written ND4J forward and
 * against the compiled SameDiff graph. Prints medians. Run with
 * {@code java -cp target/test-classes:target/classes:<deps> org.tensorworkbench.engine.lab.playground.PlaygroundBenchmark}.
 */
public final class PlaygroundBenchmark {
  private static final int REPEATS = 15;

  private PlaygroundBenchmark() {}

  public static void main(String[] args) {
    PlaneData data = PlaneData.generate(DataSettings.defaults());
    NetworkSettings network = NetworkSettings.defaults();
    PlaygroundSession session = new PlaygroundSession(data, network, TrainSettings.defaults(), 1);
    for (int i = 0; i < 3000; i++) {
      session.step(); // warm-up (JIT)
    }
    double[] stepsPerSecond = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      long start = System.nanoTime();
      int steps = 0;
      while (System.nanoTime() - start < 100_000_000L) {
        session.step();
        steps++;
      }
      stepsPerSecond[r] = steps / ((System.nanoTime() - start) / 1e9);
    }
    int res = 64;
    double[] grid = time(() -> session.snapshot(res));
    double[] pictures = time(() -> {
      PlaneSnapshot s = session.snapshot(res);
      PlaneImages.boundary(s);
      for (int l = 0; l < s.sizes().length - 1; l++) {
        for (int j = 0; j < s.sizes()[l]; j++) {
          PlaneImages.neuron(s, l, j);
        }
      }
      return s;
    });
    double[] metrics = time(session::metrics);

    // the same forward pass of the grid with ND4J arrays
    DenseStack stack = session.stack();
    int[] sizes = stack.sizes();
    INDArray[] w = new INDArray[stack.layerCount()];
    INDArray[] b = new INDArray[stack.layerCount()];
    for (int l = 0; l < w.length; l++) {
      w[l] = Nd4j.create(stack.weights(l), new long[] {sizes[l], sizes[l + 1]}, DataType.DOUBLE);
      b[l] = Nd4j.create(stack.biases(l), new long[] {1, sizes[l + 1]}, DataType.DOUBLE);
    }
    INDArray x = Nd4j.rand(DataType.DOUBLE, res * res, 2);
    double[] nd4j = time(() -> {
      INDArray h = x;
      for (int l = 0; l < w.length; l++) {
        h = h.mmul(w[l]).addiRowVector(b[l]);
        if (l < w.length - 1) {
          h = Transforms.relu(h, false);
        }
      }
      return h;
    });
    INDArray batch = Nd4j.rand(DataType.DOUBLE, 32, 2);
    double[] nd4jStep = time(() -> {
      INDArray h = batch;
      INDArray[] hs = new INDArray[w.length + 1];
      hs[0] = h;
      for (int l = 0; l < w.length; l++) {
        h = h.mmul(w[l]).addiRowVector(b[l]);
        if (l < w.length - 1) {
          h = Transforms.relu(h, false);
        }
        hs[l + 1] = h;
      }
      INDArray d = h.dup();
      for (int l = w.length - 1; l >= 0; l--) {
        INDArray gw = hs[l].transpose().mmul(d);
        gw.sumNumber();
        if (l > 0) {
          d = d.mmul(w[l].transpose()).muli(hs[l].gt(0).castTo(DataType.DOUBLE));
        }
      }
      return d;
    });

    // the compiled SameDiff graph of the same design
    NetworkSpec spec = PlaygroundNetwork.spec(network, 3, 0);
    CompiledNetwork compiled = NetworkCompiler.compile(spec, CompileOptions.defaults().withDataType(DataType.DOUBLE));
    List<String> dense = spec.nodes().stream().filter(n -> n.layer() instanceof DenseSpec).map(n -> n.id()).toList();
    INDArray labels = Nd4j.zeros(DataType.DOUBLE, 32, 3);
    labels.getColumn(0).assign(1);
    List<String> names = dense.stream().flatMap(id -> java.util.stream.Stream.of(GraphNames.weights(id),
        GraphNames.bias(id))).toList();
    for (int i = 0; i < 30; i++) {
      compiled.predict(x);
      compiled.sameDiff().calculateGradients(Map.of(GraphNames.INPUT, batch, GraphNames.LABELS, labels), names);
    }
    double[] sdGrid = time(() -> compiled.predict(x));
    double[] sdStep = time(() -> compiled.sameDiff().calculateGradients(
        Map.of(GraphNames.INPUT, batch, GraphNames.LABELS, labels), names));

    System.out.printf("2-8-8-3 ReLU, 500 spiral points, batch 32, Adam; grid %dx%d; medians of %d%n", res, res, REPEATS);
    System.out.printf("double-array stack: %.0f training steps/s%n", median(stepsPerSecond));
    System.out.printf("double-array stack: grid forward %.2f ms, grid + all pictures %.2f ms, metrics %.2f ms%n",
        median(grid), median(pictures), median(metrics));
    System.out.printf("ND4J hand-written: grid forward %.2f ms, forward+backward of a batch %.3f ms (%.0f steps/s at most)%n",
        median(nd4j), median(nd4jStep), 1000 / median(nd4jStep));
    System.out.printf("SameDiff compiled: grid predict %.2f ms, gradients of a batch %.2f ms (%.0f steps/s at most)%n",
        median(sdGrid), median(sdStep), 1000 / median(sdStep));
  }

  private static double[] time(java.util.function.Supplier<?> work) {
    for (int i = 0; i < 20; i++) {
      work.get();
    }
    double[] ms = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      long start = System.nanoTime();
      work.get();
      ms[r] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
