package org.tensorworkbench.ui.builder;

/** The answer to "Save the changes?" before a design with unsaved changes is replaced or closed. */
enum SaveChoice {
  SAVE,
  DISCARD,
  CANCEL
}
