package org.tensorworkbench.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorworkbench.i18n.Messages;

/**
 * {@code bench --compare-pytorch}: the workbench and {@code bench/torch_reference.py} (Debian's
 * PyTorch) train the same models, one epoch of SGD at the same batch size, in interleaved rounds
 * (workbench, PyTorch, next model, ..., next round), each in a fresh process so every round's
 * first epoch is a cold start for both. Prints each result as it comes and then the medians of
 * the rounds: first-epoch and median-minibatch images/s of both and their ratio.
 */
final class PyTorchComparison {
  /** Both sides print NaN for a median of no minibatches (fewer than --warmup); Python's json does too. */
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final List<String> models;
  private final int batchSize;
  private final int warmup;
  private final int limit;
  private final int rounds;
  private final Path python;
  private final Path home;
  private final PrintWriter err;

  PyTorchComparison(List<String> models, int batchSize, int warmup, int limit, int rounds, Path python, Path home,
      PrintWriter err) {
    this.models = models;
    this.batchSize = batchSize;
    this.warmup = warmup;
    this.limit = limit;
    this.rounds = rounds;
    this.python = python;
    this.home = home;
    this.err = err;
  }

  /** The child workbench's result, in the fields torch_reference.py prints. */
  static String resultLine(String model, double epochRate, double medianBatchRate) {
    return String.format(Locale.ROOT, "{\"model\": \"%s\", \"samples_per_s\": %.1f, \"median_batch_samples_per_s\": %.1f}",
        model, epochRate, medianBatchRate);
  }

  int run(PrintWriter out) throws IOException, InterruptedException {
    Path script = home.resolve("bench").resolve("torch_reference.py");
    if (!Files.isRegularFile(script)) {
      err.println(Messages.get("train.bench.noScript", script));
      return 2;
    }
    if (!Files.isExecutable(python) || exec(List.of(python.toString(), "-c", "import torch, numpy")).exitCode() != 0) {
      err.println(Messages.get("train.bench.noPytorch", python));
      return 2;
    }
    Map<String, List<double[]>> workbench = new LinkedHashMap<>();
    Map<String, List<double[]>> torch = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (String model : models) {
        double[] ours = measure(workbenchCommand(model));
        double[] theirs = measure(torchCommand(script, model));
        if (ours == null || theirs == null) {
          err.println(Messages.get("train.bench.childFailed", model));
          return 1;
        }
        workbench.computeIfAbsent(model, m -> new ArrayList<>()).add(ours);
        torch.computeIfAbsent(model, m -> new ArrayList<>()).add(theirs);
        out.println(Messages.get("train.bench.round", round, rounds, model, ours[0], ours[1], theirs[0], theirs[1]));
        out.flush();
      }
    }
    out.println(Messages.get("train.bench.tableHeader", rounds));
    for (String model : models) {
      double oursEpoch = median(workbench.get(model), 0);
      double oursBatch = median(workbench.get(model), 1);
      double theirsEpoch = median(torch.get(model), 0);
      double theirsBatch = median(torch.get(model), 1);
      out.println(Messages.get("train.bench.tableRow", model, oursEpoch, theirsEpoch, oursEpoch / theirsEpoch,
          oursBatch, theirsBatch, oursBatch / theirsBatch));
    }
    out.flush();
    return 0;
  }

  private List<String> workbenchCommand(String model) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    String launched = System.getProperty("sun.java.command", "").split(" ")[0];
    if (launched.endsWith(".jar")) {
      command.add("-jar");
      command.add(launched);
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(launched);
    }
    command.addAll(List.of("bench", "--json", "--models", model, "--batch-size", String.valueOf(batchSize),
        "--warmup", String.valueOf(warmup), "--limit", String.valueOf(limit), "--home", home.toString()));
    return command;
  }

  private List<String> torchCommand(Path script, String model) {
    List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(), "--model", model,
        "--data", home.resolve("datasets").resolve("fashion-mnist").toString(),
        "--batch-size", String.valueOf(batchSize), "--warmup", String.valueOf(warmup)));
    if (limit > 0) {
      command.addAll(List.of("--limit", String.valueOf(limit)));
    }
    return command;
  }

  /** Runs a child and reads its first JSON line: {first-epoch images/s, median minibatch images/s}, or null. */
  private double[] measure(List<String> command) throws IOException, InterruptedException {
    Result result = exec(command);
    for (String line : result.lines()) {
      if (line.startsWith("{")) {
        JsonNode node = JSON.readTree(line);
        return new double[] {node.path("samples_per_s").asDouble(Double.NaN),
            node.path("median_batch_samples_per_s").asDouble(Double.NaN)};
      }
    }
    return null;
  }

  private record Result(int exitCode, List<String> lines) {}

  private static Result exec(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    return new Result(process.waitFor(), lines);
  }

  private static double median(List<double[]> values, int column) {
    return BenchCommand.median(values.stream().mapToDouble(v -> v[column]).toArray());
  }
}
