package org.tensorworkbench.ui.common;

import org.tensorworkbench.workspace.WorkspaceFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The services wired once when the app starts and handed to every screen.
 *
 * @param executor runs background work and hands results to the FX thread
 * @param projectHome the folder holding the shipped {@code datasets/} and {@code assets/}
 * @param workspaceFolder where designs, runs and exported models are kept (default
 *     {@code ~/TensorWorkbench}, chosen in the settings); its sub-folders are created on first use
 * @param links what the screens wired with this context share
 */
public record AppContext(UiExecutor executor, Path projectHome, Path workspaceFolder, ScreenLinks links) {

  /** A context whose screens share links of their own. */
  public AppContext(UiExecutor executor, Path projectHome, Path workspaceFolder) {
    this(executor, projectHome, workspaceFolder, new ScreenLinks());
  }

  /** The workspace's sub-folders, as paths (nothing is created). */
  public WorkspaceFolders folders() {
    return new WorkspaceFolders(workspaceFolder);
  }

  /** {@code designs/}: saved network designs. Created if missing; call off the FX thread. */
  public Path designsFolder() {
    return created(folders().designs());
  }

  /** {@code runs/}: training runs (curves, checkpoints). Created if missing; call off the FX thread. */
  public Path runsFolder() {
    return created(folders().runs());
  }

  /** {@code models/}: trained and exported models. Created if missing; call off the FX thread. */
  public Path modelsFolder() {
    return created(folders().models());
  }

  private static Path created(Path folder) {
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the folder " + folder, e);
    }
  }
}
