package org.tensorworkbench.learn;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorworkbench.engine.io.AtomicFiles;

/**
 * {@code learn-progress.json} in the user's configuration folder (beside {@code settings.json}).
 *
 * <p>Like the settings: reading never fails; a missing file is no progress, and a file that
 * cannot be parsed is kept aside as {@code learn-progress.json.corrupt} with a warning in the
 * log. Writing is atomic (temp file, then rename), so a crash keeps the previous progress.
 */
public final class ProgressFile {
  public static final String FILE_NAME = "learn-progress.json";

  private static final Logger LOG = LoggerFactory.getLogger(ProgressFile.class);

  private final Path file;
  private final ObjectMapper json = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** @param folder the configuration folder */
  public ProgressFile(Path folder) {
    this.file = folder.resolve(FILE_NAME);
  }

  public Path path() {
    return file;
  }

  /** The saved progress, or none when there is no file or it cannot be read. */
  public Progress load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Progress.EMPTY;
    } catch (IOException e) {
      LOG.warn("Cannot read the lesson progress {} ({}); starting without it", file, e.toString());
      return Progress.EMPTY;
    }
    try {
      Progress read = json.readValue(bytes, Progress.class);
      if (read == null) {
        throw new IOException("the file holds no progress object");
      }
      return read;
    } catch (JacksonException e) {
      keepCorruptCopy(e.getOriginalMessage());
    } catch (IOException e) {
      keepCorruptCopy(e.getMessage());
    }
    return Progress.EMPTY;
  }

  /** Writes {@code progress} atomically. */
  public void save(Progress progress) throws IOException {
    AtomicFiles.write(file, json.writeValueAsBytes(progress));
  }

  private void keepCorruptCopy(String problem) {
    AtomicFiles.keepCorruptCopy(file).ifPresentOrElse(
        aside -> LOG.warn("The lesson progress {} is corrupt ({}); starting without it. The old file is kept as {}",
            file, problem, aside),
        () -> LOG.warn("The lesson progress {} is corrupt ({}); starting without it", file, problem));
  }
}
