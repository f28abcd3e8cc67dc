package org.tensorworkbench.ui.transfer;

import java.nio.file.Path;
import org.tensorworkbench.i18n.Messages;

/**
 * Where the preview's image comes from: a bundled photograph, samples of a dataset, or a file
 * the user opened.
 */
record AugmentSource(Kind kind, Path file, String dataset) {

  enum Kind { PHOTO, DATASET, FILE }

  static AugmentSource photo(Path file) {
    return new AugmentSource(Kind.PHOTO, file, null);
  }

  static AugmentSource dataset(String name) {
    return new AugmentSource(Kind.DATASET, null, name);
  }

  static AugmentSource file(Path file) {
    return new AugmentSource(Kind.FILE, file, null);
  }

  String label() {
    return switch (kind) {
      case PHOTO -> Messages.get("transfer.augment.source.photo", file.getFileName());
      case DATASET -> Messages.get("transfer.augment.source.dataset", dataset);
      case FILE -> Messages.get("transfer.augment.source.file", file.getFileName());
    };
  }
}
