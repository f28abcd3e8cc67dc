package org.tensorworkbench.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.tensorworkbench.engine.io.ModelFileException;
import org.tensorworkbench.i18n.LocalizedException;
import org.tensorworkbench.i18n.Messages;

/**
 * The one type of text a person reads in the workbench, rendered when it is shown so it follows
 * the language chosen later: a message key with arguments ({@link #of(String, Object...)}), or
 * the explanation of any failure ({@link #of(Throwable)}). A {@code UiText} given as an argument
 * of another is rendered in the same language as it.
 */
@FunctionalInterface
public interface UiText extends Supplier<String> {

  /** The message key this text renders, or "" for a text that is not made from one. */
  default String key() {
    return "";
  }

  static UiText of(String key, Object... args) {
    return new Keyed(key, Arrays.asList(args.clone()));
  }

  /**
   * The explanation of a failure, never a stack trace. Wrappers (execution, completion,
   * unchecked-I/O, reflection) are looked through; anywhere in the chain of causes, an engine
   * problem that explains itself (every {@link LocalizedException}: specs, datasets, training,
   * export, labs, edits; and {@link ModelFileException}) wins; file-system failures name the file
   * and what went wrong with it; a timeout, a cancellation and running out of memory say so; only
   * what is left is "unexpected", with its message.
   */
  static UiText of(Throwable error) {
    Throwable shown = unwrap(error);
    for (Throwable e = shown; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof LocalizedException localized) {
        return of(localized.key(), localized.args());
      }
      if (e instanceof ModelFileException model) {
        return of(model.key(), model.args());
      }
    }
    if (shown instanceof NoSuchFileException e) {
      return of("common.error.noFile", e.getFile());
    }
    if (shown instanceof AccessDeniedException e) {
      return of("common.error.accessDenied", e.getFile());
    }
    if (shown instanceof FileAlreadyExistsException e) {
      return of("common.error.fileExists", e.getFile());
    }
    if (shown instanceof NotDirectoryException e) {
      return of("common.error.notDirectory", e.getFile());
    }
    if (shown instanceof DirectoryNotEmptyException e) {
      return of("common.error.directoryNotEmpty", e.getFile());
    }
    if (shown instanceof FileSystemException e) {
      return of("common.error.fileSystem", String.valueOf(e.getFile()), String.valueOf(e.getReason()));
    }
    if (shown instanceof IOException) {
      return of("common.error.io", detail(shown));
    }
    if (shown instanceof TimeoutException) {
      return of("common.error.timeout");
    }
    if (shown instanceof CancellationException || shown instanceof InterruptedException) {
      return of("common.error.cancelled");
    }
    if (shown instanceof OutOfMemoryError) {
      return of("common.error.outOfMemory", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
    return of("common.error.unexpected", detail(shown));
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof ExecutionException || e instanceof CompletionException || e instanceof UncheckedIOException
        || e instanceof InvocationTargetException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static String detail(Throwable e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * A text made from a message key: values with equal keys and arguments are equal.
   *
   * @param key the key, {@code area.rest}
   * @param args its arguments; a {@link UiText} among them is rendered when this one is
   */
  record Keyed(String key, List<Object> args) implements UiText {
    public Keyed {
      args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    @Override
    public String get() {
      return Messages.get(key, args.stream().map(a -> a instanceof UiText t ? t.get() : a).toArray());
    }

    @Override
    public String toString() {
      return get();
    }
  }
}
