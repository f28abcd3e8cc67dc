package org.tensorworkbench.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.i18n.Messages;

class FileVerifierTest {
  @TempDir
  Path dir;

  @Test
  void everyShippedFileMatchesTheManifest() {
    FileVerifier verifier = new FileVerifier(ChecksumManifest.read(Path.of("datasets")));
    List<FileVerifier.FileCheck> checks = verifier.checkAll();
    assertEquals(9, checks.size());
    for (FileVerifier.FileCheck check : checks) {
      assertEquals(FileVerifier.Status.OK, check.status(), check.relativePath());
    }
  }

  @Test
  void aChangedFileIsNamedWithBothSumsInBothLanguages() throws IOException {
    Path file = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
    String good = Sha256.of(file);
    Files.writeString(dir.resolve(ChecksumManifest.FILE_NAME), good + "  data.csv\n");
    FileVerifier verifier = new FileVerifier(ChecksumManifest.read(dir));
    assertEquals(file, verifier.verified("data.csv"));
    Files.writeString(file, "a,b\n1,3\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
    DatasetException e = assertThrows(DatasetException.class, () -> verifier.verified("data.csv"));
    assertEquals("data.error.hashMismatch", e.key());
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(good), e.getMessage());
    String chinese = Messages.get(Locale.SIMPLIFIED_CHINESE, e.key(), e.args());
    assertTrue(chinese.contains("已损坏") && chinese.contains(file.toString()), chinese);
  }

  @Test
  void missingAndUnlistedFilesAreErrors() throws IOException {
    Files.writeString(dir.resolve(ChecksumManifest.FILE_NAME), "0".repeat(64) + "  gone.bin\n");
    Files.writeString(dir.resolve("extra.bin"), "x");
    FileVerifier verifier = new FileVerifier(ChecksumManifest.read(dir));
    assertEquals("data.error.missingFile", assertThrows(DatasetException.class, () -> verifier.verified("gone.bin")).key());
    assertEquals("data.error.notInManifest", assertThrows(DatasetException.class, () -> verifier.verified("extra.bin")).key());
  }

  @Test
  void unchangedFilesAreHashedOnceAndChangedOnesAgain() throws IOException {
    Path file = Files.writeString(dir.resolve("x.bin"), "hello");
    Files.writeString(dir.resolve(ChecksumManifest.FILE_NAME), Sha256.of(file) + "  x.bin\n");
    FileVerifier verifier = new FileVerifier(ChecksumManifest.read(dir));
    verifier.verified("x.bin");
    verifier.verified("x.bin");
    assertEquals(1, verifier.hashesComputed());
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
    verifier.verified("x.bin");
    assertEquals(2, verifier.hashesComputed());
  }

  @Test
  void theCacheFileCarriesSumsToTheNextStart() throws IOException {
    Path file = Files.writeString(dir.resolve("y.bin"), "world");
    Files.writeString(dir.resolve(ChecksumManifest.FILE_NAME), Sha256.of(file) + "  y.bin\n");
    Path cache = dir.resolve("cache/sums.properties");
    new FileVerifier(ChecksumManifest.read(dir), cache).verified("y.bin");
    assertTrue(Files.readString(cache, StandardCharsets.UTF_8).contains(Sha256.of(file)));
    FileVerifier.forgetRememberedSums();
    FileVerifier next = new FileVerifier(ChecksumManifest.read(dir), cache);
    next.verified("y.bin");
    assertEquals(0, next.hashesComputed());
  }

  @Test
  void verifyHashesForRealWhenAFileChangedKeepingItsSizeAndTime() throws IOException {
    Path file = Files.writeString(dir.resolve("housing.csv"), "price\n123\n");
    Files.writeString(dir.resolve(ChecksumManifest.FILE_NAME), Sha256.of(file) + "  housing.csv\n");
    Path cache = dir.resolve("cache/sums.properties");
    FileVerifier verifier = new FileVerifier(ChecksumManifest.read(dir), cache);
    assertEquals(FileVerifier.Status.OK, verifier.checkAll().get(0).status());
    FileTime time = Files.getLastModifiedTime(file);
    Files.writeString(file, "price\n124\n"); // one digit, same size
    Files.setLastModifiedTime(file, time);
    FileVerifier.forgetRememberedSums();
    FileVerifier next = new FileVerifier(ChecksumManifest.read(dir), cache); // the stale cache is read back
    assertEquals(FileVerifier.Status.MISMATCH, next.checkAll().get(0).status());
    assertEquals(1, next.hashesComputed());
    // verify refreshed the cache, so loading now refuses the file too
    assertEquals("data.error.hashMismatch", assertThrows(DatasetException.class, () -> next.verified("housing.csv")).key());
  }

  @Test
  void aMalformedManifestLineIsReported() throws IOException {
    Files.writeString(dir.resolve(ChecksumManifest.FILE_NAME), "# comment\nnot a sum  file\n");
    DatasetException e = assertThrows(DatasetException.class, () -> ChecksumManifest.read(dir));
    assertEquals("data.error.manifestLine", e.key());
    assertEquals(2, e.args()[1]);
  }
}
