package org.tensorworkbench.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where each operating system wants an application's configuration: {@code $XDG_CONFIG_HOME} (or
 * {@code ~/.config}) on Linux and other Unixes, {@code %APPDATA%} on Windows and {@code
 * ~/Library/Application Support} on macOS. The system property {@code tensorworkbench.config}
 * overrides it (tests and portable installs).
 */
public final class ConfigDirectory {
  /** Overrides the folder that holds {@code settings.json}. */
  public static final String OVERRIDE_PROPERTY = "tensorworkbench.config";

  private ConfigDirectory() {}

  /** The configuration folder of this user on this machine. */
  public static Path current() {
    String override = System.getProperty(OVERRIDE_PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    return resolve(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The configuration folder for the given operating system, environment and home folder. */
  public static Path resolve(String osName, Map<String, String> env, Path userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      Path base = appData == null || appData.isBlank()
          ? userHome.resolve("AppData").resolve("Roaming")
          : Path.of(appData);
      return base.resolve("TensorWorkbench");
    }
    if (os.startsWith("mac")) {
      return userHome.resolve("Library").resolve("Application Support").resolve("TensorWorkbench");
    }
    // the XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = isAbsolute(xdg) ? Path.of(xdg) : userHome.resolve(".config");
    return base.resolve("tensor-workbench");
  }

  /** Whether {@code path} is an absolute path this system can use (false for null, blank or malformed). */
  static boolean isAbsolute(String path) {
    if (path == null || path.isBlank()) {
      return false;
    }
    try {
      return Path.of(path).isAbsolute();
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }
}
