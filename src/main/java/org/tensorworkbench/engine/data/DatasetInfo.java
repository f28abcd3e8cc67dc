package org.tensorworkbench.engine.data;

import org.tensorworkbench.i18n.Messages;

/**
 * A named dataset the registry offers, before loading it.
 *
 * @param name the name to pass to {@link DatasetRegistry#load}
 * @param source shipped in {@code datasets/}, generated, or downloaded on request
 * @param available whether it can be loaded now (a download may not have happened yet)
 */
public record DatasetInfo(String name, Source source, boolean available) {

  /** Where a dataset's samples come from. */
  public enum Source { SHIPPED, GENERATED, DOWNLOADED }

  /** The display title in the current language, e.g. "Fashion-MNIST". */
  public String title() {
    return Messages.get("data.title." + name);
  }
}
