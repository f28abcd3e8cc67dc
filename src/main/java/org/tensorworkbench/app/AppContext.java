package org.tensorworkbench.app;

import java.nio.file.Path;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The services wired once when the app starts and handed to every screen.
 *
 * @param executor runs background work and hands results to the FX thread
 * @param projectHome the folder holding the shipped {@code datasets/} and {@code assets/}
 * @param workspaceFolder where designs, runs and exported models are kept
 */
public record AppContext(UiExecutor executor, Path projectHome, Path workspaceFolder) {}
