package org.tensorworkbench.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own CSV files and image folders, and the CIFAR-10 archive format. */
class UserDataTest {
  @TempDir
  Path dir;

  @Test
  void csvHandlesQuotesAndABomAndKeepsTextColumns() throws IOException {
    Path file = Files.writeString(dir.resolve("q.csv"), "\uFEFFname,\"size, cm\",kind\n\"a \"\"b\"\"\",1.5,cat\nc,2,dog\n");
    CsvTable t = CsvTable.read(file);
    assertEquals(List.of("name", "size, cm", "kind"), t.columns());
    assertEquals(2, t.rows());
    assertEquals("a \"b\"", t.text(0)[0]);
    assertArrayEquals(new double[] {1.5, 2}, t.values(1));
    assertFalse(t.isNumeric(2));
    assertEquals("2", t.text(1)[1]);
  }

  @Test
  void csvProblemsNameTheLineAndColumn() throws IOException {
    Path ragged = Files.writeString(dir.resolve("r.csv"), "a,b\n1,2\n3\n");
    DatasetException e = assertThrows(DatasetException.class, () -> CsvTable.read(ragged));
    assertEquals("data.error.csvFieldCount", e.key());
    assertEquals(3, e.args()[1]);
    Path empty = Files.writeString(dir.resolve("e.csv"), "a,b\n1,\n");
    assertEquals("data.error.csvEmptyCell", assertThrows(DatasetException.class, () -> CsvTable.read(empty)).key());
    Path quote = Files.writeString(dir.resolve("u.csv"), "a,b\n\"1,2\n");
    assertEquals("data.error.csvQuote", assertThrows(DatasetException.class, () -> CsvTable.read(quote)).key());
    Path header = Files.writeString(dir.resolve("h.csv"), "a,b\n");
    assertEquals("data.error.csvEmpty", assertThrows(DatasetException.class, () -> CsvTable.read(header)).key());
    Path text = Files.writeString(dir.resolve("t.csv"), "x,y\n1,2\nNaN,3\n");
    DatasetException notNumeric = assertThrows(DatasetException.class, () -> CsvTable.read(text).values(0));
    assertEquals("data.error.csvNotNumeric", notNumeric.key());
    assertEquals(3, notNumeric.args()[2]);
  }

  @Test
  void aCsvWithATextTargetBecomesAClassificationSet() throws IOException {
    StringBuilder csv = new StringBuilder("x1,x2,species\n");
    for (int i = 0; i < 50; i++) {
      csv.append(i).append(',').append(i * 2 + 1).append(',').append(i % 2 == 0 ? "setosa" : "iris").append('\n');
    }
    Path file = Files.writeString(dir.resolve("flowers.csv"), csv, StandardCharsets.UTF_8);
    Dataset data = new DatasetRegistry(dir).loadCsv(file, "species", Task.CLASSIFICATION,
        DatasetOptions.defaults().withTestFraction(0));
    assertEquals(List.of("iris", "setosa"), data.classNames());
    assertArrayEquals(new int[] {2}, data.featureShape());
    assertEquals(1, data.train().label(0));
    assertEquals(Normalization.Kind.STANDARDIZE, data.normalization().kind());
    assertEquals(-1.6807, data.train().features(0)[0], 1e-3); // (0 - 24.5) / s, s of 0..49 (n - 1) = sqrt(50 * 51 / 12) = 14.577
    assertArrayEquals(new int[] {25, 25}, data.train().classCounts());
    DatasetException missing = assertThrows(DatasetException.class,
        () -> new DatasetRegistry(dir).loadCsv(file, "colour", Task.CLASSIFICATION, DatasetOptions.defaults()));
    assertTrue(missing.getMessage().contains("x1, x2, species"), missing.getMessage());
    DatasetException textTarget = assertThrows(DatasetException.class,
        () -> new DatasetRegistry(dir).loadCsv(file, "species", Task.REGRESSION, DatasetOptions.defaults()));
    assertEquals("data.error.csvNotNumeric", textTarget.key());
  }

  @Test
  void anImageFolderIsScaledToGreyOrRgb() throws IOException {
    writeImage(dir.resolve("shapes/red/1.png"), new Color(200, 0, 0));
    writeImage(dir.resolve("shapes/red/2.png"), new Color(200, 0, 0));
    writeImage(dir.resolve("shapes/blue/1.png"), new Color(0, 0, 250));
    Files.writeString(dir.resolve("shapes/blue/readme.txt"), "not an image");
    DatasetRegistry registry = new DatasetRegistry(dir);
    Dataset grey = registry.loadImageFolder(dir.resolve("shapes"), 8, 6, true, DatasetOptions.defaults().withTestFraction(0));
    assertArrayEquals(new int[] {1, 6, 8}, grey.featureShape());
    assertEquals(List.of("blue", "red"), grey.classNames());
    assertEquals(3, grey.train().size());
    for (int i = 0; i < 3; i++) {
      float expected = grey.train().label(i) == 1 ? Math.round(0.299 * 200) : Math.round(0.114 * 250);
      assertEquals(expected, grey.train().rawFeature(i, 20));
    }
    Dataset rgb = registry.loadImageFolder(dir.resolve("shapes"), 4, 4, false, DatasetOptions.defaults().withTestFraction(0));
    assertArrayEquals(new int[] {3, 4, 4}, rgb.featureShape());
    int red = rgb.train().label(0) == 1 ? 0 : 2;
    assertEquals(rgb.train().label(0) == 1 ? 200f : 250f, rgb.train().rawFeature(0, red * 16 + 5));
    Files.writeString(dir.resolve("shapes/red/broken.png"), "not a png");
    DatasetException e = assertThrows(DatasetException.class,
        () -> registry.loadImageFolder(dir.resolve("shapes"), 8, 8, true, DatasetOptions.defaults()));
    assertEquals("data.error.imageUnreadable", e.key());
  }

  @Test
  void cifarRecordsAreReadFromTheArchiveWithoutExtracting() throws IOException {
    Path workspace = dir.resolve("ws");
    Path folder = DatasetRegistry.downloadsFolder(workspace).resolve(DatasetRegistry.CIFAR_10);
    Files.createDirectories(folder);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    tarEntry(tar, "cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes(StandardCharsets.US_ASCII));
    for (int b = 1; b <= 5; b++) {
      tarEntry(tar, "cifar-10-batches-bin/data_batch_" + b + ".bin", records(2, b));
    }
    tarEntry(tar, "cifar-10-batches-bin/test_batch.bin", records(1, 9));
    tar.write(new byte[1024]);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(tar.toByteArray());
    }
    Path archive = Files.write(folder.resolve(DownloadCatalog.CIFAR_10_ARCHIVE), gz.toByteArray());
    Files.writeString(folder.resolve(ChecksumManifest.FILE_NAME), Sha256.of(archive) + "  " + DownloadCatalog.CIFAR_10_ARCHIVE + "\n");
    DatasetRegistry registry = new DatasetRegistry(dir, workspace);
    assertTrue(registry.isDownloaded(DatasetRegistry.CIFAR_10));
    Dataset cifar = registry.load(DatasetRegistry.CIFAR_10, DatasetOptions.defaults());
    assertArrayEquals(new int[] {3, 32, 32}, cifar.featureShape());
    assertEquals(10, cifar.train().size());
    assertEquals(1, cifar.test().size());
    assertEquals(3, cifar.train().label(4)); // batch 3, first record: label (3 + 0) % 10
    assertEquals((3 * 7 + 1024) % 256, cifar.train().rawFeature(4, 1024)); // green plane starts at 1024
    assertEquals("cat", cifar.classNames(java.util.Locale.ENGLISH).get(3));
  }

  /** {@code n} CIFAR records: label (batch + r) % 10, pixel p = (batch * 7 + p) % 256. */
  private static byte[] records(int n, int batch) {
    byte[] out = new byte[n * CifarReader.RECORD];
    for (int r = 0; r < n; r++) {
      out[r * CifarReader.RECORD] = (byte) ((batch + r) % 10);
      for (int p = 0; p < CifarReader.RECORD - 1; p++) {
        out[r * CifarReader.RECORD + 1 + p] = (byte) ((batch * 7 + p) % 256);
      }
    }
    return out;
  }

  private static void tarEntry(ByteArrayOutputStream tar, String name, byte[] content) throws IOException {
    byte[] header = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, header, 0, n.length);
    byte[] size = String.format("%011o", content.length).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, header, 124, size.length);
    header[156] = '0';
    tar.write(header);
    tar.write(content);
    tar.write(new byte[(512 - content.length % 512) % 512]);
  }

  private static void writeImage(Path file, Color colour) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(20, 15, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 15; y++) {
      for (int x = 0; x < 20; x++) {
        image.setRGB(x, y, colour.getRGB());
      }
    }
    ImageIO.write(image, "png", file.toFile());
  }
}
