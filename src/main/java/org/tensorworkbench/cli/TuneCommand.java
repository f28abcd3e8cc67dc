package org.tensorworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tensorworkbench.engine.EngineRuntime;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.spec.SpecException;
import org.tensorworkbench.engine.train.TrainingException;
import org.tensorworkbench.engine.tune.EngineTrialRunner;
import org.tensorworkbench.engine.tune.Method;
import org.tensorworkbench.engine.tune.SearchSpace;
import org.tensorworkbench.engine.tune.Study;
import org.tensorworkbench.engine.tune.StudyListener;
import org.tensorworkbench.engine.tune.StudyRunner;
import org.tensorworkbench.engine.tune.StudySettings;
import org.tensorworkbench.engine.tune.TrialRecord;
import org.tensorworkbench.engine.tune.TrialRequest;
import org.tensorworkbench.engine.tune.TrialRunner;
import org.tensorworkbench.engine.tune.TuningException;
import org.tensorworkbench.engine.tune.TuningJson;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.workspace.ProjectHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tune}: a hyperparameter search written as a study folder (see {@code Study}); run again
 * with the same arguments it resumes where it stopped. Exit code 0 when the study is complete,
 * 2 for bad input.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
    description = "Search hyperparameters (grid, random, successive halving, Hyperband, Bayesian optimization); write a study folder.")
final class TuneCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Option(names = "--network", required = true, paramLabel = "<template|file.json>",
      description = "A template name or a network JSON file (replaces the space file's).")
  String network;

  @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "A dataset name (replaces the space file's).")
  String dataset;

  @Option(names = "--space", required = true, paramLabel = "space.json", description = "The search space (JSON).")
  Path space;

  @Option(names = "--method", required = true, paramLabel = "grid|random|halving|hyperband|bayes", description = "The search method.")
  String method;

  @Option(names = "--budget", required = true, paramLabel = "N", description = "Total epochs over all trials.")
  int budget;

  @Option(names = "--eta", defaultValue = "3", description = "Reduction factor of halving and Hyperband (default ${DEFAULT-VALUE}).")
  int eta;

  @Option(names = "--grid-points", defaultValue = "3", description = "Values per numeric range for grid search (default ${DEFAULT-VALUE}).")
  int gridPoints;

  @Option(names = "--seed", defaultValue = "1", description = "Seeds the draws, the weights and the shuffling (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The study folder (resumed if it holds this study).")
  Path out;

  @Option(names = "--home", paramLabel = "DIR", description = "The folder holding datasets/ (default: found automatically).")
  Path home;

  @Override
  public Integer call() {
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    try {
      SearchSpace searchSpace = TuningJson.readSpace(Files.readString(space, StandardCharsets.UTF_8), network, dataset);
      StudySettings settings = new StudySettings(searchSpace, Method.fromId(method), seed, budget, eta, gridPoints);
      Study study = Study.openOrCreate(out, settings);
      stdout.println(EngineRuntime.start().describe());
      if (!study.trials().isEmpty()) {
        stdout.println(Messages.get("tuning.cli.resuming", study.trials().size(), study.epochsUsed(), budget));
      }
      long start = System.nanoTime();
      try (EngineTrialRunner runner = EngineTrialRunner.of(searchSpace, new DatasetRegistry(home != null ? home : ProjectHome.find()), seed)) {
        stdout.println(Messages.get("tuning.cli.start", settings.method().id(), runner.data().train().size(),
            runner.data().validation().size(), budget));
        stdout.flush();
        StudyRunner studyRunner = new StudyRunner(study, runner, new StudyListener() {
          @Override
          public void trialFinished(TrialRecord t, boolean best) {
            TrialRequest r = t.request();
            stdout.println(Messages.get("tuning.cli.trial", r.index(), r.bracket(), r.rung(), r.epochs(),
                r.config().describe(), t.failed() ? Double.NaN : t.score(), t.seconds(), best ? " *" : ""));
            stdout.flush();
          }

          @Override
          public void ended(StudyRunner.Outcome outcome, TrialRunner.TestResult test) {
            study.best().ifPresent(b -> stdout.println(Messages.get("tuning.cli.best", b.index(),
                b.request().config().describe(), b.score(), test == null ? Double.NaN : test.accuracy(),
                study.epochsUsed(), (System.nanoTime() - start) / 1e9)));
          }
        });
        studyRunner.run();
      }
      stdout.println(Messages.get("tuning.cli.wrote", out.toAbsolutePath()));
      return 0;
    } catch (TuningException | TrainingException | SpecException | DatasetException e) {
      stderr.println(e.getLocalizedMessage());
      return 2;
    } catch (IOException e) {
      stderr.println(Messages.get("tuning.cli.ioError", String.valueOf(e.getMessage())));
      return 2;
    }
  }

}
