package org.tensorworkbench.launch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, written into {@code build.properties} by Maven's resource filtering. */
public final class BuildInfo {
  private static final String VERSION = read();

  private BuildInfo() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}, or "dev" when run from unfiltered classes. */
  public static String version() {
    return VERSION;
  }

  private static String read() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "dev";
    }
    String v = p.getProperty("version", "");
    return v.isBlank() || v.startsWith("${") ? "dev" : v;
  }
}
