package org.tensorworkbench.engine.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads CIFAR-10's binary version (Krizhevsky 2009, https://www.cs.toronto.edu/~kriz/cifar.html)
 * straight from {@code cifar-10-binary.tar.gz}: {@code data_batch_1..5.bin} (50,000 training
 * images) and {@code test_batch.bin} (10,000). Each record is one label byte and 3,072 pixel
 * bytes, the red, green and blue 32x32 planes, i.e. already {@code [3, 32, 32]}. The official
 * files hold 10,000 records each; any whole number of records is accepted.
 */
public final class CifarReader {
  /** Bytes per record: label + 3 x 32 x 32 pixels. */
  public static final int RECORD = 1 + 3 * 32 * 32;
  /** Records per official batch file. */
  public static final int PER_FILE = 10_000;

  private CifarReader() {}

  /** Training and test images and labels of the archive. */
  public record CifarData(byte[] trainPixels, int[] trainLabels, byte[] testPixels, int[] testLabels) {}

  /** Reads the whole archive (about 180 MB decompressed, 1-2 s). */
  public static CifarData read(Path archive) {
    byte[][] batches = new byte[6][];
    try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16)) {
      TarGzReader tar = new TarGzReader(in);
      for (TarGzReader.Entry e = tar.next(); e != null; e = tar.next()) {
        String file = e.name().substring(e.name().lastIndexOf('/') + 1);
        int batch = batchIndex(file);
        if (batch < 0) {
          continue;
        }
        if (e.size() % RECORD != 0 || e.size() > (long) 2 * PER_FILE * RECORD) {
          throw new DatasetException("data.error.cifarEntry", archive, file, e.size());
        }
        batches[batch] = new byte[(int) e.size()];
        tar.readFully(batches[batch]);
      }
    } catch (NoSuchFileException e) {
      throw new DatasetException(e, "data.error.missingFile", archive);
    } catch (EOFException e) {
      throw new DatasetException(e, "data.error.truncated", archive);
    } catch (ZipException e) {
      throw new DatasetException(e, "data.error.corruptGzip", archive, e.getMessage());
    } catch (IOException | NumberFormatException e) {
      throw new DatasetException(e, "data.error.io", archive, e.getMessage());
    }
    for (int b = 0; b < batches.length; b++) {
      if (batches[b] == null) {
        throw new DatasetException("data.error.cifarMissing", archive, b == 5 ? "test_batch.bin" : "data_batch_" + (b + 1) + ".bin");
      }
    }
    int trainCount = 0;
    for (int b = 0; b < 5; b++) {
      trainCount += batches[b].length / RECORD;
    }
    byte[] trainPixels = new byte[trainCount * (RECORD - 1)];
    int[] trainLabels = new int[trainCount];
    int base = 0;
    for (int b = 0; b < 5; b++) {
      base += unpack(archive, batches[b], trainPixels, trainLabels, base);
    }
    int testCount = batches[5].length / RECORD;
    byte[] testPixels = new byte[testCount * (RECORD - 1)];
    int[] testLabels = new int[testCount];
    unpack(archive, batches[5], testPixels, testLabels, 0);
    return new CifarData(trainPixels, trainLabels, testPixels, testLabels);
  }

  /** Splits records into labels and pixels from sample {@code base} on; returns the record count. */
  private static int unpack(Path archive, byte[] records, byte[] pixels, int[] labels, int base) {
    int count = records.length / RECORD;
    for (int r = 0; r < count; r++) {
      int label = records[r * RECORD] & 0xFF;
      if (label > 9) {
        throw new DatasetException("data.error.labelRange", archive, label, 10);
      }
      labels[base + r] = label;
      System.arraycopy(records, r * RECORD + 1, pixels, (base + r) * (RECORD - 1), RECORD - 1);
    }
    return count;
  }

  /** 0-4 for data_batch_1..5.bin, 5 for test_batch.bin, -1 for other files. */
  private static int batchIndex(String file) {
    if (file.equals("test_batch.bin")) {
      return 5;
    }
    if (file.matches("data_batch_[1-5]\\.bin")) {
      return file.charAt(11) - '1';
    }
    return -1;
  }
}
