package org.tensorworkbench.ui.builder;

import java.util.Optional;

/**
 * Where copied layers go: two flavours of one copy, the network JSON as plain text (what a text
 * editor or another window sees) and the positions as layout JSON (kept only by the workbench).
 * The app uses {@link SystemDesignClipboard}; view-model tests use {@link #inMemory()}.
 */
public interface DesignClipboard {

  /** Replaces the clipboard's content with a copy. */
  void put(String networkJson, String layoutJson);

  /** The clipboard's plain text, if it holds any. */
  Optional<String> text();

  /** The layout of the last copy made by the workbench, if the clipboard still holds it. */
  Optional<String> layout();

  /** A clipboard of its own, not shared with anything else. */
  static DesignClipboard inMemory() {
    return new DesignClipboard() {
      private String text;
      private String layout;

      @Override
      public void put(String networkJson, String layoutJson) {
        text = networkJson;
        layout = layoutJson;
      }

      @Override
      public Optional<String> text() {
        return Optional.ofNullable(text);
      }

      @Override
      public Optional<String> layout() {
        return Optional.ofNullable(layout);
      }
    };
  }
}
