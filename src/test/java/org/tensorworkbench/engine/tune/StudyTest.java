package org.tensorworkbench.engine.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.i18n.Messages;

/** Study folders: resume after a crash, the codec's round trip and the messages for bad search spaces. */
class StudyTest {
  @TempDir
  Path dir;

  /** Scores by formula; crashes (like a killed process) when asked for trial {@code crashAt}. */
  static final class FormulaRunner implements TrialRunner {
    final int crashAt;
    int runs;

    FormulaRunner(int crashAt) {
      this.crashAt = crashAt;
    }

    @Override
    public Optional<TrialRecord> run(TrialRequest request, Consumer<EpochPoint> onEpoch) {
      if (request.index() == crashAt) {
        throw new IllegalStateException("simulated crash");
      }
      runs++;
      TrialRecord t = SearchMethodsTest.fake(request);
      t.curve().forEach(onEpoch);
      return Optional.of(t);
    }

    @Override
    public void stop() {}

    @Override
    public void saveLastModel(Path file) {
      try {
        Files.writeString(file, "model");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public TestResult test(Path file) {
      return new TestResult(0.8, 0.5, 10);
    }

    @Override
    public void close() {}
  }

  @Test
  void resumeAfterACrashLosesNoFinishedTrialAndEndsLikeAnUninterruptedStudy() throws IOException {
    StudySettings settings = StudySettings.of(SearchMethodsTest.space(9), Method.HYPERBAND, 51);
    Study whole = Study.openOrCreate(dir.resolve("whole"), settings);
    new StudyRunner(whole, new FormulaRunner(-1), new StudyListener() {}).run();

    Path folder = dir.resolve("crashed");
    Study crashed = Study.openOrCreate(folder, settings);
    assertThrows(IllegalStateException.class,
        () -> new StudyRunner(crashed, new FormulaRunner(7), new StudyListener() {}).run());
    Study reopened = Study.openOrCreate(folder, settings);
    assertEquals(7, reopened.trials().size(), "every trial finished before the crash is on disk");
    assertEquals(crashed.trials(), reopened.trials());
    FormulaRunner second = new FormulaRunner(-1);
    assertEquals(StudyRunner.Outcome.COMPLETE, new StudyRunner(reopened, second, new StudyListener() {}).run());
    assertEquals(whole.trials().size() - 7, second.runs, "only the unfinished trials ran again");
    assertEquals(whole.trials(), Study.open(folder).trials());
    assertTrue(Files.isRegularFile(folder.resolve(Study.RESULT)));
    assertTrue(Files.isRegularFile(folder.resolve(Study.BEST_MODEL)));
  }

  @Test
  void aFolderHoldingAnotherStudyIsRefused() throws IOException {
    StudySettings settings = StudySettings.of(SearchMethodsTest.space(9), Method.RANDOM, 20);
    Study.openOrCreate(dir.resolve("s"), settings);
    TuningException e = assertThrows(TuningException.class,
        () -> Study.openOrCreate(dir.resolve("s"), settings.withSeed(2)));
    assertEquals("tuning.error.studyExists", e.key());
  }

  @Test
  void codecRoundTripsSpacesSettingsAndTrials() {
    StudySettings settings = new StudySettings(SearchMethodsTest.space(9), Method.BAYES, 4, 30, 3, 3);
    assertEquals(settings, TuningJson.readSettings(TuningJson.writeSettings(settings)));
    TrialRecord t = SearchMethodsTest.fake(new RandomSearch(settings.space(), 1).next(List.of()).orElseThrow());
    assertEquals(t, TuningJson.readTrial(TuningJson.writeTrial(t)));
  }

  @Test
  void badSearchSpacesGiveClearMessagesInBothLanguages() {
    String empty = "{\"format\": 1, \"network\": \"mlp\", \"dataset\": \"fashion-mnist\","
        + " \"search\": {\"lr\": {\"min\": 0.1, \"max\": 0.1, \"log\": true}}}";
    String logZero = empty.replace("\"min\": 0.1, \"max\": 0.1", "\"min\": 0, \"max\": 1");
    String unknown = empty.replace("\"lr\"", "\"momentum\"");
    String nothing = "{\"format\": 1, \"network\": \"mlp\", \"dataset\": \"fashion-mnist\", \"search\": {}}";
    assertMessage(empty, "tuning.error.emptyRange", "The range of lr is empty", "lr 的范围是空的");
    assertMessage(logZero, "tuning.error.logRangeNotPositive", "minimum must be greater than 0", "最小值必须大于 0");
    assertMessage(unknown, "tuning.error.unknownHyperparameter", "Unknown hyperparameter \"momentum\"", "没有名为“momentum”的超参数");
    assertMessage(nothing, "tuning.error.nothingSearched", "searches nothing", "什么也没有搜索");
    assertMessage(empty.replace("\"search\"", "\"serch\""), "tuning.error.unknownKey", "Unknown key \"serch\"", "serch");
  }

  private static void assertMessage(String json, String key, String english, String chinese) {
    TuningException e = assertThrows(TuningException.class, () -> TuningJson.readSpace(json));
    assertEquals(key, e.key());
    assertTrue(Messages.get(Locale.ENGLISH, key, e.args()).contains(english), Messages.get(Locale.ENGLISH, key, e.args()));
    assertTrue(Messages.get(Locale.SIMPLIFIED_CHINESE, key, e.args()).contains(chinese),
        Messages.get(Locale.SIMPLIFIED_CHINESE, key, e.args()));
  }
}
