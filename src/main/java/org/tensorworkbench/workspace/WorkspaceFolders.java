package org.tensorworkbench.workspace;

import java.nio.file.Path;

/**
 * The user's workspace folder and its sub-folders, named in one place for the app and the
 * command line: {@code designs/} (saved network designs and the builder's autosave), {@code
 * runs/} (training runs), {@code models/} (trained and exported models), and any other folder a
 * screen keeps there. Only paths: nothing is created or read here.
 *
 * @param root the workspace folder, {@code ~/TensorWorkbench} unless chosen in the settings
 */
public record WorkspaceFolders(Path root) {
  public WorkspaceFolders {
    if (root == null) {
      throw new IllegalArgumentException("root");
    }
  }

  /** The workspace folder of the current user's settings (the default one if there are none yet). */
  public static WorkspaceFolders ofCurrentUser() {
    return new WorkspaceFolders(Path.of(SettingsFile.forCurrentUser().load().workspaceFolder()));
  }

  /** The folder {@code --workspace} names, or else the current user's. */
  public static WorkspaceFolders chosenOrCurrentUser(Path chosen) {
    return chosen != null ? new WorkspaceFolders(chosen.toAbsolutePath()) : ofCurrentUser();
  }

  public Path designs() {
    return folder("designs");
  }

  public Path runs() {
    return folder("runs");
  }

  public Path models() {
    return folder("models");
  }

  /**
   * The sub-folder {@code name} of the workspace.
   *
   * @param name one plain folder name, e.g. {@code "playground"}: no separator, not {@code ..}
   */
  public Path folder(String name) {
    if (name == null || name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
      throw new IllegalArgumentException("not a folder name: " + name);
    }
    return root.resolve(name);
  }
}
