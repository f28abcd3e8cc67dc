package org.tensorworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.io.ModelFileException;
import org.tensorworkbench.engine.lab.conv.ConvLabException;
import org.tensorworkbench.engine.spec.SpecException;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.builder.model.EditRejectedException;

/** Every kind of failure becomes one sentence for a person, in the language chosen when it is shown. */
class UiTextTest {
  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void engineProblemsExplainThemselvesWhereverTheyAreInTheChain() {
    SpecException spec = new SpecException("spec.error.badNodeId", "1x");
    assertEquals("spec.error.badNodeId", UiText.of(spec).key());
    assertEquals("spec.error.badNodeId", UiText.of(new ExecutionException(new RuntimeException("wrapped", spec))).key());
    assertEquals("data.error.downloadCancelled", UiText.of(new DatasetException("data.error.downloadCancelled")).key());
    ModelFileException model = new ModelFileException("model.error.notAModel", null, "m.twmodel");
    assertEquals("model.error.notAModel", UiText.of(model).key(), "a ModelFileException is not unexpected");
    assertEquals("model.error.notAModel", UiText.of(new RuntimeException("wrapped", model)).key());
    assertEquals("builder.reject.loop", UiText.of(new EditRejectedException("builder.reject.loop")).key());
    assertEquals("Padding must be 0 or more, not -1.", UiText.of(new ConvLabException("kernels.error.padding", -1)).get());
  }

  @Test
  void fileSystemFailuresNameTheFile() {
    assertEquals(UiText.of("common.error.noFile", "/x/a.json"), UiText.of(new NoSuchFileException("/x/a.json")));
    assertEquals(UiText.of("common.error.accessDenied", "/ro"), UiText.of(new CompletionException(new AccessDeniedException("/ro"))));
    assertEquals(UiText.of("common.error.io", "disk full"), UiText.of(new IOException("disk full")));
  }

  @Test
  void timeoutsMemoryAndTheRestAreSaidPlainly() {
    assertEquals("common.error.timeout", UiText.of(new ExecutionException(new TimeoutException())).key());
    assertEquals("common.error.outOfMemory", UiText.of(new OutOfMemoryError("Java heap space")).key());
    UiText npe = UiText.of(new NullPointerException());
    assertEquals(UiText.of("common.error.unexpected", "NullPointerException"), npe);
    assertFalse(npe.get().contains("at org."), "never a stack trace");
  }

  @Test
  void aNestedTextFollowsTheLanguageOfItsContainer() {
    UiText text = UiText.of("builder.notice.saveFailed", "a.json", UiText.of(new NoSuchFileException("/x")));
    String english = text.get();
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    String chinese = text.get();
    assertTrue(english.contains("There is no file /x"), english);
    assertTrue(chinese.contains("文件 /x 不存在"), chinese);
  }
}
