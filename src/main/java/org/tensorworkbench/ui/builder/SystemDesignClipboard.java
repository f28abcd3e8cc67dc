package org.tensorworkbench.ui.builder;

import java.util.Map;
import java.util.Optional;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/**
 * The operating system's clipboard: the network JSON as plain text, the layout under a format
 * of the workbench's own, so pasting into a text editor gives the JSON and pasting back into a
 * builder keeps the drawing. Use it on the FX thread.
 */
final class SystemDesignClipboard implements DesignClipboard {
  private static final DataFormat LAYOUT = layoutFormat();

  @Override
  public void put(String networkJson, String layoutJson) {
    Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, networkJson, LAYOUT, layoutJson));
  }

  @Override
  public Optional<String> text() {
    Clipboard clipboard = Clipboard.getSystemClipboard();
    return clipboard.hasString() ? Optional.ofNullable(clipboard.getString()) : Optional.empty();
  }

  @Override
  public Optional<String> layout() {
    Object layout = Clipboard.getSystemClipboard().getContent(LAYOUT);
    return layout instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** One DataFormat per id and JVM: JavaFX refuses to create a second. */
  private static DataFormat layoutFormat() {
    String id = "application/x-tensorworkbench-layout+json";
    DataFormat known = DataFormat.lookupMimeType(id);
    return known != null ? known : new DataFormat(id);
  }
}
