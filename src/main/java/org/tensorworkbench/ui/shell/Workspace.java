package org.tensorworkbench.ui.shell;

/**
 * The workspaces of the main window, in navigation order. The id names the i18n key
 * {@code shell.nav.<id>} (its title).
 */
public enum Workspace {
  LEARN("learn"),
  BUILDER("builder"),
  TRAINING("training"),
  KERNEL_LAB("kernels"),
  TENSOR_LAB("tensors"),
  NORM_LAB("norm"),
  PLAYGROUND("playground"),
  GENERALIZATION("generalization"),
  TUNING("tuning"),
  TRANSFER("transfer"),
  DATASETS("datasets");

  private final String id;

  Workspace(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The workspace with this id, if this version has it. */
  public static java.util.Optional<Workspace> byId(String id) {
    return java.util.Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
  }

  public String titleKey() {
    return "shell.nav." + id;
  }
}
