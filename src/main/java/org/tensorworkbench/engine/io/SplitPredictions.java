package org.tensorworkbench.engine.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.tensorworkbench.engine.data.DatasetSplit;
import org.tensorworkbench.engine.data.Task;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * A saved model's predictions for the samples of a dataset split. The features are normalized
 * with the model's own recorded normalization (so a model trained on standardized pixels sees
 * standardized pixels), or with the split's when the model recorded none.
 *
 * @param labels the true class of each sample (classification) or its target (regression)
 * @param predicted the predicted class (arg max) or value
 * @param outputs the network's output per sample: class probabilities [N, K], or [N, 1]
 */
public record SplitPredictions(Task task, double[] labels, double[] predicted, float[][] outputs) {
  /** Predicts the first {@code limit} samples of {@code split} (all if {@code limit} is 0). */
  public static SplitPredictions of(SavedModel model, DatasetSplit split, int limit) throws ModelFileException {
    checkFits(model, split);
    int n = limit > 0 ? Math.min(limit, split.size()) : split.size();
    double[] labels = new double[n];
    double[] predicted = new double[n];
    float[][] outputs = new float[n][];
    Predictor.of(model).forEachChunk(split, n, model.network().outputName(), (from, batch, out) -> { // [B, K]
      for (int i = from; i < from + batch.size(); i++) {
        float[] row = out.getRow(i - from).castTo(DataType.FLOAT).toFloatVector();
        outputs[i] = row;
        if (split.task() == Task.CLASSIFICATION) {
          labels[i] = split.label(i);
          predicted[i] = Predictor.argMax(row, 0, row.length);
        } else {
          labels[i] = split.target(i);
          predicted[i] = row[0];
        }
      }
      return true;
    });
    return new SplitPredictions(split.task(), labels, predicted, outputs);
  }

  /** The share of samples whose predicted class is the label (classification). */
  public double accuracy() {
    return Predictor.accuracy(labels, predicted);
  }

  /**
   * Writes a CSV atomically: {@code index,label,predicted,p0..p(K-1)} for classification,
   * {@code index,target,predicted} for regression. Numbers use a dot as decimal separator.
   */
  public void writeCsv(Path file) throws IOException {
    AtomicFiles.write(file, stream -> {
      Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      boolean classes = task == Task.CLASSIFICATION;
      StringBuilder header = new StringBuilder(classes ? "index,label,predicted" : "index,target,predicted");
      if (classes && outputs.length > 0) {
        for (int k = 0; k < outputs[0].length; k++) {
          header.append(",p").append(k);
        }
      }
      out.write(header.append('\n').toString());
      for (int i = 0; i < labels.length; i++) {
        StringBuilder line = new StringBuilder().append(i);
        if (classes) {
          line.append(',').append((int) labels[i]).append(',').append((int) predicted[i]);
          for (float p : outputs[i]) {
            line.append(',').append(String.format(Locale.ROOT, "%.6f", p));
          }
        } else {
          line.append(',').append(labels[i]).append(',').append(predicted[i]);
        }
        out.write(line.append('\n').toString());
      }
      out.flush();
    });
  }

  private static void checkFits(SavedModel model, DatasetSplit split) throws ModelFileException {
    CompiledNetwork net = model.network();
    long[] shape = net.sameDiff().getVariable(net.inputName()).getShape();
    long features = Arrays.stream(shape, 1, shape.length).reduce(1, (a, b) -> a * b);
    if (features != split.featureSize()) {
      throw new ModelFileException("model.error.datasetShape", null,
          Arrays.toString(Arrays.copyOfRange(shape, 1, shape.length)), Arrays.toString(split.featureShape()));
    }
    boolean classifier = net.loss() == OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY;
    if (classifier != (split.task() == Task.CLASSIFICATION)) {
      throw new ModelFileException(classifier ? "model.error.needsClasses" : "model.error.needsTargets", null);
    }
    long classes = net.sameDiff().getVariable(net.labelsName()).getShape()[1];
    if (classifier && classes != split.classCount()) {
      throw new ModelFileException("model.error.classCount", null, classes, split.classCount());
    }
  }
}
