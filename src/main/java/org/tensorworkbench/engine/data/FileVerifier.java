package org.tensorworkbench.engine.data;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks files against a {@link ChecksumManifest} before they are read, so a corrupt or replaced
 * file is reported by name instead of producing silently wrong data.
 *
 * <p>Hashing the shipped files (42 MB) costs a few hundred milliseconds, so a sum once computed
 * is remembered per absolute path together with the file's size and modification time, for the
 * life of the JVM and, if a cache file is given, across runs. A file whose size or time changed
 * is hashed again. The cache only speeds up loading ({@link #verified}, {@link #check}): a file
 * edited and given back its old size and modification time would pass it, so {@link #checkAll()},
 * which {@code datasets verify} and the Datasets screen's check use, always hashes every byte and
 * refreshes the cache with what it found.
 */
public final class FileVerifier {
  private static final Map<String, CachedSum> MEMORY = new ConcurrentHashMap<>();

  private final ChecksumManifest manifest;
  private final Path cacheFile;
  private final AtomicInteger hashesComputed = new AtomicInteger();

  /** Verifies against {@code manifest}, remembering sums in memory only. */
  public FileVerifier(ChecksumManifest manifest) {
    this(manifest, null);
  }

  /**
   * Verifies against {@code manifest}; sums are also kept in {@code cacheFile} (a properties file,
   * written atomically) so the next start skips hashing unchanged files. {@code null} = memory only.
   */
  public FileVerifier(ChecksumManifest manifest, Path cacheFile) {
    this.manifest = manifest;
    this.cacheFile = cacheFile;
    loadCacheFile();
  }

  /** The outcome of checking one file. */
  public enum Status { OK, MISSING, MISMATCH, UNLISTED }

  /** One file's check: its path relative to the manifest's folder, the outcome and both sums. */
  public record FileCheck(String relativePath, Status status, String expected, String actual) {}

  /** The manifest checked against. */
  public ChecksumManifest manifest() {
    return manifest;
  }

  /**
   * Returns the file at {@code relativePath} after checking its SHA-256.
   *
   * @throws DatasetException naming the file if it is missing, not in the manifest, or its sum differs
   */
  public Path verified(String relativePath) {
    FileCheck check = check(relativePath);
    Path file = manifest.folder().resolve(relativePath);
    return switch (check.status()) {
      case OK -> file;
      case MISSING -> throw new DatasetException("data.error.missingFile", file);
      case UNLISTED -> throw new DatasetException("data.error.notInManifest", file,
          manifest.folder().resolve(ChecksumManifest.FILE_NAME));
      case MISMATCH -> throw new DatasetException("data.error.hashMismatch", file,
          check.expected(), check.actual());
    };
  }

  /** Checks one file without throwing for a bad sum (I/O failures still throw). */
  public FileCheck check(String relativePath) {
    return check(relativePath, true);
  }

  private FileCheck check(String relativePath, boolean cacheAllowed) {
    String expected = manifest.expected(relativePath).orElse(null);
    Path file = manifest.folder().resolve(relativePath);
    if (!Files.isRegularFile(file)) {
      return new FileCheck(relativePath, Status.MISSING, expected, null);
    }
    String actual = sum(file, cacheAllowed);
    if (expected == null) {
      return new FileCheck(relativePath, Status.UNLISTED, null, actual);
    }
    return new FileCheck(relativePath, expected.equals(actual) ? Status.OK : Status.MISMATCH, expected, actual);
  }

  /**
   * Checks every file the manifest lists, in manifest order, hashing each one for real (never
   * trusting the size-and-time cache): the answer to "are my files intact?".
   */
  public List<FileCheck> checkAll() {
    List<FileCheck> checks = new ArrayList<>();
    for (String relativePath : manifest.entries().keySet()) {
      checks.add(check(relativePath, false));
    }
    return checks;
  }

  /** Forgets every sum remembered in memory (a cache file, if any, is read again by the next verifier). */
  static void forgetRememberedSums() {
    MEMORY.clear();
  }

  /** How many files this verifier really hashed (the rest came from the cache). */
  public int hashesComputed() {
    return hashesComputed.get();
  }

  private String sum(Path file, boolean cacheAllowed) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      String key = file.toAbsolutePath().normalize().toString();
      long size = attributes.size();
      long modified = attributes.lastModifiedTime().toMillis();
      CachedSum cached = MEMORY.get(key);
      if (cacheAllowed && cached != null && cached.size() == size && cached.modifiedMillis() == modified) {
        return cached.sha256();
      }
      String sha = Sha256.of(file);
      hashesComputed.incrementAndGet();
      MEMORY.put(key, new CachedSum(size, modified, sha));
      saveCacheFile();
      return sha;
    } catch (IOException e) {
      throw new DatasetException(e, "data.error.io", file, e.getMessage());
    }
  }

  private void loadCacheFile() {
    if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
      return;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(cacheFile, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      return; // an unreadable cache only costs a re-hash
    }
    for (String key : p.stringPropertyNames()) {
      CachedSum.parse(p.getProperty(key)).ifPresent(sum -> MEMORY.putIfAbsent(key, sum));
    }
  }

  private void saveCacheFile() {
    if (cacheFile == null) {
      return;
    }
    Properties p = new Properties();
    MEMORY.forEach((key, sum) -> p.setProperty(key, sum.format()));
    Path folder = cacheFile.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(folder);
      temp = Files.createTempFile(folder, "sha256-cache", ".tmp");
      try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        p.store(w, "SHA-256 of dataset files by size and modification time");
      }
      Files.move(temp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the cache is an optimisation: failing to write it only means hashing again next start
      deleteQuietly(temp);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // nothing more to do about a temp file that cannot be deleted
    }
  }

  private record CachedSum(long size, long modifiedMillis, String sha256) {
    String format() {
      return size + " " + modifiedMillis + " " + sha256;
    }

    static java.util.Optional<CachedSum> parse(String text) {
      String[] parts = text.trim().split(" ");
      if (parts.length != 3 || !parts[2].matches("[0-9a-f]{64}")) {
        return java.util.Optional.empty();
      }
      try {
        return java.util.Optional.of(new CachedSum(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
    }
  }
}
