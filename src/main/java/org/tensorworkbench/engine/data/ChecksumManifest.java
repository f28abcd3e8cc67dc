package org.tensorworkbench.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list of shipped files and their SHA-256 sums, in the format {@code sha256sum} writes and
 * {@code sha256sum -c} checks ({@code <64 hex>  <relative path>} per line, {@code #} comments).
 * Paths are relative to the folder holding the manifest, with {@code /} separators, so the
 * manifest can be checked by hand: {@code cd datasets && sha256sum -c manifest.sha256}.
 */
public final class ChecksumManifest {
  /** The manifest's file name inside {@code datasets/} (and {@code assets/}). */
  public static final String FILE_NAME = "manifest.sha256";
  private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64})\\s+\\*?(\\S.*)");

  private final Path folder;
  private final Map<String, String> sums;

  private ChecksumManifest(Path folder, Map<String, String> sums) {
    this.folder = folder;
    this.sums = Collections.unmodifiableMap(sums);
  }

  /** Reads {@code folder/manifest.sha256}; a missing or malformed manifest is a {@link DatasetException}. */
  public static ChecksumManifest read(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    Map<String, String> sums = new LinkedHashMap<>();
    try {
      int lineNumber = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lineNumber++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        Matcher m = LINE.matcher(trimmed);
        if (!m.matches()) {
          throw new DatasetException("data.error.manifestLine", file, lineNumber);
        }
        sums.put(m.group(2).strip(), m.group(1).toLowerCase(java.util.Locale.ROOT));
      }
    } catch (NoSuchFileException e) {
      throw new DatasetException(e, "data.error.missingFile", file);
    } catch (IOException e) {
      throw new DatasetException(e, "data.error.io", file, e.getMessage());
    }
    return new ChecksumManifest(folder, sums);
  }

  /** The folder the relative paths start from. */
  public Path folder() {
    return folder;
  }

  /** Relative path to lower-case hex SHA-256, in manifest order. */
  public Map<String, String> entries() {
    return sums;
  }

  /** The expected SHA-256 of {@code relativePath}, if the manifest lists it. */
  public Optional<String> expected(String relativePath) {
    return Optional.ofNullable(sums.get(relativePath));
  }
}
