package org.tensorworkbench.ui.kernels;

import java.nio.file.Path;
import org.tensorworkbench.engine.lab.conv.ImageLoader;
import org.tensorworkbench.engine.lab.conv.ImagePlanes;
import org.tensorworkbench.engine.lab.conv.SyntheticImage;
import org.tensorworkbench.i18n.Messages;

/** Where the lab's input comes from: a bundled photograph, a synthetic image, or a file the user opened. */
record ImageSource(Kind kind, SyntheticImage synthetic, Path file) {

  enum Kind {
    PHOTO,
    SYNTHETIC,
    FILE
  }

  static ImageSource photo(Path file) {
    return new ImageSource(Kind.PHOTO, null, file);
  }

  static ImageSource synthetic(SyntheticImage s) {
    return new ImageSource(Kind.SYNTHETIC, s, null);
  }

  static ImageSource file(Path file) {
    return new ImageSource(Kind.FILE, null, file);
  }

  /** Reads or builds the image (file I/O: call off the FX thread). */
  ImagePlanes load() {
    return kind == Kind.SYNTHETIC ? synthetic.create() : ImageLoader.load(file);
  }

  String label() {
    return switch (kind) {
      case PHOTO -> Messages.get("kernels.source.photo", file.getFileName());
      case SYNTHETIC -> Messages.get("kernels.synthetic." + synthetic.id());
      case FILE -> Messages.get("kernels.source.file", file.getFileName());
    };
  }
}
