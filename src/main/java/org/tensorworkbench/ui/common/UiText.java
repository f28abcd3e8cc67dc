package org.tensorworkbench.ui.common;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.function.Supplier;
import org.tensorworkbench.engine.data.DatasetException;
import org.tensorworkbench.engine.io.ModelFileException;
import org.tensorworkbench.engine.spec.SpecException;
import org.tensorworkbench.engine.train.TrainingException;
import org.tensorworkbench.i18n.LocalizedException;
import org.tensorworkbench.i18n.Messages;

/**
 * A text a person reads, rendered when it is shown so it follows the language chosen later:
 * a message key with arguments, or an engine exception that renders its own key.
 */
@FunctionalInterface
public interface UiText extends Supplier<String> {

  static UiText of(String key, Object... args) {
    Object[] copy = args.clone();
    return () -> Messages.get(key, copy);
  }

  /** The explanation of a failure: the engine's own message where it has one, never a stack trace. */
  static UiText of(Throwable error) {
    Throwable e = error;
    while (e.getCause() != null && !(e instanceof TrainingException || e instanceof SpecException
        || e instanceof DatasetException || e instanceof ModelFileException || e instanceof LocalizedException)) {
      e = e.getCause();
    }
    Throwable shown = e;
    if (shown instanceof TrainingException || shown instanceof DatasetException || shown instanceof ModelFileException
        || shown instanceof LocalizedException) {
      return shown::getLocalizedMessage;
    }
    if (shown instanceof NoSuchFileException) {
      return of("training.error.noFile", shown.getMessage());
    }
    if (shown instanceof IOException) {
      return of("training.error.io", String.valueOf(shown.getMessage()));
    }
    return of("training.error.unexpected", shown.getMessage() == null ? shown.getClass().getSimpleName()
        : shown.getMessage());
  }
}
