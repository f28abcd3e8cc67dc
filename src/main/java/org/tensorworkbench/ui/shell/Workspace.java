package org.tensorworkbench.ui.shell;

/**
 * The workspaces of the main window, in navigation order. The id names the i18n key
 * {@code shell.nav.<id>} (its title).
 */
public enum Workspace {
  BUILDER("builder"),
  TRAINING("training"),
  KERNEL_LAB("kernels"),
  TENSOR_LAB("tensors"),
  NORM_LAB("norm"),
  TUNING("tuning"),
  DATASETS("datasets");

  private final String id;

  Workspace(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public String titleKey() {
    return "shell.nav." + id;
  }
}
