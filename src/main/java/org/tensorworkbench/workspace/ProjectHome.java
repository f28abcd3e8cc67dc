package org.tensorworkbench.workspace;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the folder that holds the shipped {@code datasets/} and {@code assets/}: the system
 * property {@code tensorworkbench.home} if set, else the working directory or the folder above
 * the jar (for {@code java -jar target/tensor-workbench.jar}).
 */
public final class ProjectHome {
  private ProjectHome() {}

  public static Path find() {
    String configured = System.getProperty("tensorworkbench.home");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    Path cwd = Path.of("").toAbsolutePath();
    if (Files.isDirectory(cwd.resolve("datasets"))) {
      return cwd;
    }
    try {
      Path jar = Path.of(ProjectHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = jar.getParent(); p != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve("datasets"))) {
          return p;
        }
      }
    } catch (java.net.URISyntaxException | SecurityException e) {
      return cwd;
    }
    return cwd;
  }
}
