package org.tensorworkbench.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.i18n.Messages;

class IdxReaderTest {
  private static final Path MNIST = Path.of("datasets/mnist");

  @TempDir
  Path dir;

  @Test
  void readsTheFirstMnistLabels() {
    IdxData labels = IdxReader.read(MNIST.resolve("train-labels-idx1-ubyte.gz"));
    assertArrayEquals(new int[] {60000}, labels.dims());
    int[] first = new int[10];
    for (int i = 0; i < 10; i++) {
      first[i] = labels.unsigned(i);
    }
    assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, first);
    IdxData test = IdxReader.read(MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
    assertEquals(7, test.unsigned(0));
    assertEquals(2, test.unsigned(1));
  }

  @Test
  void readsRawAndGzipIdentically() throws IOException {
    byte[] raw = idx(new int[] {2, 2, 3}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255});
    Path plain = Files.write(dir.resolve("plain-idx3-ubyte"), raw);
    Path zipped = Files.write(dir.resolve("zipped-idx3-ubyte.gz"), gzip(raw));
    IdxData a = IdxReader.read(plain);
    IdxData b = IdxReader.read(zipped);
    assertArrayEquals(new int[] {2, 2, 3}, a.dims());
    assertArrayEquals(a.data(), b.data());
    assertEquals(6, a.itemSize());
    assertEquals(255, a.unsigned(11));
  }

  @Test
  void truncatedGzipIsReportedWithTheFileName() throws IOException {
    byte[] whole = Files.readAllBytes(MNIST.resolve("train-labels-idx1-ubyte.gz"));
    Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(whole, whole.length / 2));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(cut));
    assertEquals("data.error.truncated", e.key());
    assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    assertTrue(Messages.get(Locale.SIMPLIFIED_CHINESE, e.key(), e.args()).contains("截断"));
  }

  @Test
  void wrongMagicIsNotAnIdxFile() throws IOException {
    Path png = Path.of("assets/images/coins.png");
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(png));
    assertEquals("data.error.idxMagic", e.key());
  }

  @Test
  void unsupportedTypeIsNamed() throws IOException {
    byte[] raw = idx(new int[] {1}, new byte[] {1});
    raw[2] = 0x0D; // float
    Path file = Files.write(dir.resolve("float-idx1"), raw);
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(file));
    assertEquals("data.error.idxType", e.key());
    assertEquals("0x0d", e.args()[1]);
  }

  @Test
  void headerPromisingMoreValuesThanStoredIsTruncated() throws IOException {
    byte[] raw = idx(new int[] {10}, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 0});
    Path file = Files.write(dir.resolve("short-idx1"), Arrays.copyOf(raw, raw.length - 5));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(file));
    assertEquals("data.error.idxCount", e.key());
    assertEquals(10L, e.args()[1]);
    assertEquals(5, e.args()[2]);
  }

  @Test
  void extraBytesAfterTheLastItemAreReported() throws IOException {
    byte[] raw = idx(new int[] {2}, new byte[] {1, 2, 3});
    Path file = Files.write(dir.resolve("long-idx1"), raw);
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(file));
    assertEquals("data.error.trailingBytes", e.key());
  }

  @Test
  void damagedGzipIsReported() throws IOException {
    byte[] whole = Files.readAllBytes(MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
    for (int i = 20; i < 200; i++) {
      whole[i] = (byte) 0xFF;
    }
    Path file = Files.write(dir.resolve("damaged.gz"), whole);
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(file));
    assertTrue(e.key().equals("data.error.corruptGzip") || e.key().equals("data.error.truncated"), e.key());
  }

  @Test
  void missingFileIsNamed() {
    Path file = dir.resolve("nothing-here.gz");
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(file));
    assertEquals("data.error.missingFile", e.key());
  }

  /** An IDX file of unsigned bytes with the given dimensions and values. */
  static byte[] idx(int[] dims, byte[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
    b.put((byte) 0).put((byte) 0).put((byte) IdxReader.UNSIGNED_BYTE).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(values);
    return b.array();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    }
    return out.toByteArray();
  }
}
