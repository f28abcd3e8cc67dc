package org.tensorworkbench.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress saved and read back, and a corrupt file kept aside like settings.json. */
class ProgressFileTest {
  @TempDir
  Path dir;

  @Test
  void progressRoundTripsPerPackAndLesson() throws IOException {
    Progress p = Progress.EMPTY
        .withStepDone("d2l", "conv-padding-stride", "open-boundary")
        .withTaskPassed("d2l", "conv-padding-stride", "make-3x4")
        .withStepDone("class-7b", "padding", "look");
    ProgressFile file = new ProgressFile(dir.resolve("config"));
    file.save(p);
    Progress read = new ProgressFile(dir.resolve("config")).load();
    assertEquals(p, read);
    LessonProgress lesson = read.lesson("d2l", "conv-padding-stride");
    assertEquals(Set.of("open-boundary", "make-3x4"), lesson.steps());
    assertEquals(Set.of("make-3x4"), lesson.tasks());
    assertEquals(LessonProgress.NONE, read.lesson("d2l", "linear-regression"));
    assertEquals(Set.of("look"), read.lesson("class-7b", "padding").steps());
  }

  @Test
  void aMissingFileIsNoProgress() {
    assertEquals(Progress.EMPTY, new ProgressFile(dir).load());
  }

  @Test
  void aCorruptFileIsKeptAsideAndTheStudentStartsAfresh() throws IOException {
    ProgressFile file = new ProgressFile(dir);
    Files.writeString(file.path(), "{\"packs\": {\"d2l\": [oops");
    assertEquals(Progress.EMPTY, file.load());
    Path aside = dir.resolve(ProgressFile.FILE_NAME + ".corrupt");
    assertTrue(Files.exists(aside));
    assertEquals("{\"packs\": {\"d2l\": [oops", Files.readString(aside));
    file.save(Progress.EMPTY.withStepDone("d2l", "a", "b"));
    assertEquals(Set.of("b"), file.load().lesson("d2l", "a").steps());
  }
}
