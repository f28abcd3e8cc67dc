package org.tensorworkbench.ui.insight;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.tensorworkbench.i18n.Messages;

/** A text of the {@code insight} area with its arguments, rendered in the language current when shown. */
record InsightMessage(String key, List<Object> args) {

  InsightMessage {
    args = List.copyOf(args);
  }

  static InsightMessage of(String key, Object... args) {
    return new InsightMessage(key, List.of(args));
  }

  /** "The network could not answer: …" with the root cause of a failed request. */
  static InsightMessage failure(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof TimeoutException) {
      return of("insight.error.timeout");
    }
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return of("insight.error.noAnswer", detail);
  }

  String text() {
    return Messages.get(key, args.toArray());
  }
}
