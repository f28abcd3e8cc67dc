package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.learning.config.Adam;
import org.tensorworkbench.engine.data.Batch;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.NormalizationRecord;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine;

class PredictCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path dir;

  @BeforeEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WorkbenchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  // an MLP trained for a few steps on the generated spiral set, saved as its trainer would
  private Path spiralModel() throws IOException {
    Dataset data = new DatasetRegistry(Path.of("."), dir).load("spiral", DatasetOptions.defaults());
    CompiledNetwork net = NetworkCompiler.compile(NetworkSpec.sequential("spiral mlp",
        InputSpec.of(data.featureShape()[0]), DenseSpec.of(16), ActivationSpec.of(ActivationSpec.Function.RELU),
        DenseSpec.of(data.classCount()), new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY)));
    net.sameDiff().setTrainingConfig(TrainingConfig.builder().updater(new Adam(0.05))
        .dataSetFeatureMapping(net.inputName()).dataSetLabelMapping(net.labelsName()).build());
    Batch batch = data.train().batch(0, data.train().size());
    for (int step = 0; step < 20; step++) {
      net.sameDiff().fit(batch.toDataSet());
    }
    Path file = dir.resolve("spiral" + ModelFile.EXTENSION);
    ModelFile.save(file, net, new ModelMetadata("spiral", NormalizationRecord.of(data.normalization()),
        data.classNames(), Map.of("optimizer", "adam"), Map.of(), 1, null), false);
    return file;
  }

  @Test
  void writesOneRowPerSampleWithLabelPredictionAndProbabilities() throws IOException {
    Path model = spiralModel();
    Path csv = dir.resolve("preds.csv");
    assertEquals(0, run("predict", "--model", model.toString(), "--split", "test", "--limit", "50",
        "--out", csv.toString(), "--home", ".", "--workspace", dir.toString()), err.toString());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(51, lines.size());
    String[] header = lines.get(0).split(",");
    assertEquals(List.of("index", "label", "predicted", "p0"), List.of(header).subList(0, 4));
    int classes = header.length - 3;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      double sum = 0;
      int best = 0;
      for (int k = 0; k < classes; k++) {
        double p = Double.parseDouble(cells[3 + k]);
        sum += p;
        best = p > Double.parseDouble(cells[3 + best]) ? k : best;
      }
      assertEquals(1.0, sum, 1e-4, line);
      assertEquals(best, Integer.parseInt(cells[2]), line);
    }
    assertTrue(out.toString().contains("Wrote 50 predictions") && out.toString().contains("accuracy"), out.toString());
  }

  @Test
  void aFileThatIsNoModelGivesOneSentenceAndExitCode1() throws IOException {
    Path notes = dir.resolve("notes.twmodel");
    Files.writeString(notes, "hello");
    assertEquals(1, run("predict", "--model", notes.toString(), "--dataset", "spiral",
        "--out", dir.resolve("p.csv").toString(), "--home", ".", "--workspace", dir.toString()));
    assertEquals("\"notes.twmodel\" is not a Tensor Workbench model file.", err.toString().strip());
  }

  @Test
  void aDatasetOfTheWrongKindIsExplained() throws IOException {
    Path model = spiralModel();
    assertEquals(1, run("predict", "--model", model.toString(), "--dataset", "housing",
        "--out", dir.resolve("p.csv").toString(), "--home", ".", "--workspace", dir.toString()));
    assertTrue(err.toString().contains("shape") || err.toString().contains("classification"), err.toString());
  }
}
