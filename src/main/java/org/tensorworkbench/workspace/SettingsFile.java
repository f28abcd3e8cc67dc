package org.tensorworkbench.workspace;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.tensorworkbench.engine.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code settings.json} in the user's configuration folder.
 *
 * <p>Reading never fails: a missing file gives the defaults, and a file that cannot be parsed is
 * kept aside as {@code settings.json.corrupt} (so nothing the user wrote is lost) while the app
 * starts with the defaults and logs a warning. Writing goes to a temporary file in the same
 * folder that is then renamed over the old one, so a crash or a full disk in the middle of a
 * write leaves the previous settings intact.
 */
public final class SettingsFile {
  public static final String FILE_NAME = "settings.json";

  private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

  private final Path file;
  private final Path userHome;
  private final ObjectMapper json = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /**
   * @param folder the configuration folder (see {@link ConfigDirectory})
   * @param userHome the home folder the default workspace folder lives in
   */
  public SettingsFile(Path folder, Path userHome) {
    this.file = folder.resolve(FILE_NAME);
    this.userHome = userHome;
  }

  /** The settings file of this user on this machine. */
  public static SettingsFile forCurrentUser() {
    return new SettingsFile(ConfigDirectory.current(), Path.of(System.getProperty("user.home")));
  }

  public Path path() {
    return file;
  }

  /** The saved settings, or the defaults when there are none or they cannot be read. */
  public Settings load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Settings.defaults(userHome);
    } catch (IOException e) {
      LOG.warn("Cannot read the settings {} ({}); using the defaults", file, e.toString());
      return Settings.defaults(userHome);
    }
    try {
      Settings read = json.readValue(bytes, Settings.class);
      if (read == null) {
        throw new IOException("the file holds no settings object");
      }
      return read.sanitized(userHome);
    } catch (JacksonException e) {
      keepCorruptCopy(e.getOriginalMessage());
    } catch (IOException e) {
      keepCorruptCopy(e.getMessage());
    }
    return Settings.defaults(userHome);
  }

  /** Writes {@code settings} atomically: temp file in the same folder, then rename. */
  public void save(Settings settings) throws IOException {
    AtomicFiles.write(file, json.writeValueAsBytes(settings));
  }

  private void keepCorruptCopy(String problem) {
    AtomicFiles.keepCorruptCopy(file).ifPresentOrElse(
        aside -> LOG.warn("The settings {} are corrupt ({}); using the defaults. The old file is kept as {}",
            file, problem, aside),
        () -> LOG.warn("The settings {} are corrupt ({}); using the defaults", file, problem));
  }
}
