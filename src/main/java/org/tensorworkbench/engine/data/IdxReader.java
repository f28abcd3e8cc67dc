package org.tensorworkbench.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (LeCun et al., http://yann.lecun.com/exdb/mnist/),
 * gzip-compressed or raw (detected from the gzip magic {@code 1f 8b}).
 *
 * <p>Layout: two zero bytes, a type byte ({@code 0x08} = unsigned byte, the only type these
 * datasets use), the number of dimensions, each dimension as a big-endian int32, then the values.
 * Every inconsistency is a {@link DatasetException} naming the file: a wrong magic, an
 * unsupported type, a header promising more values than the file holds (truncated), values
 * left over after the last item, or a damaged gzip stream.
 */
public final class IdxReader {
  /** The IDX type code of unsigned bytes. */
  public static final int UNSIGNED_BYTE = 0x08;
  private static final int MAX_DIMS = 4;

  private IdxReader() {}

  /** Reads {@code file} completely. */
  public static IdxData read(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(file, maybeGunzip(raw));
    } catch (NoSuchFileException e) {
      throw new DatasetException(e, "data.error.missingFile", file);
    } catch (EOFException e) {
      throw new DatasetException(e, "data.error.truncated", file);
    } catch (ZipException e) {
      throw new DatasetException(e, "data.error.corruptGzip", file, e.getMessage());
    } catch (IOException e) {
      throw new DatasetException(e, "data.error.io", file, e.getMessage());
    }
  }

  private static InputStream maybeGunzip(InputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    boolean gzip = b0 == 0x1f && b1 == 0x8b;
    return gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
  }

  private static IdxData read(Path file, InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    int zero0 = in.read();
    int zero1 = in.read();
    int type = in.read();
    int rank = in.read();
    if (rank < 0) {
      throw new DatasetException("data.error.truncated", file);
    }
    if (zero0 != 0 || zero1 != 0 || rank == 0 || rank > MAX_DIMS) {
      throw new DatasetException("data.error.idxMagic", file,
          String.format("%02x %02x %02x %02x", zero0, zero1, type, rank));
    }
    if (type != UNSIGNED_BYTE) {
      throw new DatasetException("data.error.idxType", file, String.format("0x%02x", type));
    }
    int[] dims = new int[rank];
    long total = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = in.readInt();
      if (dims[i] < 0) {
        throw new DatasetException("data.error.idxMagic", file, "dim " + i + " = " + dims[i]);
      }
      total *= dims[i];
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new DatasetException("data.error.tooLarge", file, total);
    }
    byte[] data = new byte[(int) total];
    int read = in.readNBytes(data, 0, data.length);
    if (read < data.length) {
      throw new DatasetException("data.error.idxCount", file, total, read);
    }
    if (in.read() != -1) {
      throw new DatasetException("data.error.trailingBytes", file, total);
    }
    return new IdxData(dims, data);
  }
}
