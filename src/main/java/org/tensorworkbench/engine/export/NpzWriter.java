package org.tensorworkbench.engine.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} format, written without NumPy: a zip archive of {@code <key>.npy} files,
 * each a 10-byte preamble (the magic "\x93NUMPY", version 1.0, the header length as a
 * little-endian uint16), a Python-literal header {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (6, 1, 5, 5), }} padded with spaces to a multiple of 64 bytes and ending in a newline,
 * then the values in C order, little-endian (numpy.org, "NEP 1 — A simple file format for NumPy
 * arrays"). {@code numpy.load} reads it back as a dict of arrays.
 */
final class NpzWriter {
  private final Map<String, byte[]> entries = new LinkedHashMap<>();

  /** A float32 array, row-major. */
  NpzWriter add(String key, long[] shape, float[] values) {
    ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    data.asFloatBuffer().put(values);
    entries.put(key, npy("<f4", shape, data.array()));
    return this;
  }

  /** An int64 scalar, e.g. BatchNorm's num_batches_tracked. */
  NpzWriter add(String key, long value) {
    ByteBuffer data = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
    entries.put(key, npy("<i8", new long[0], data.array()));
    return this;
  }

  /** The archive, stored uncompressed as numpy.savez writes it. */
  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      writeTo(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private void writeTo(OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        byte[] content = e.getValue();
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
      }
    }
  }

  static byte[] npy(String descr, long[] shape, byte[] data) {
    StringJoiner dims = new StringJoiner(", ", "(", shape.length == 1 ? ",)" : ")");
    for (long d : shape) {
      dims.add(Long.toString(d));
    }
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
    int preamble = 10;
    int padded = (preamble + dict.length() + 1 + 63) / 64 * 64;
    String header = dict + " ".repeat(padded - preamble - dict.length() - 1) + "\n";
    byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer npy = ByteBuffer.allocate(preamble + headerBytes.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    npy.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    npy.putShort((short) headerBytes.length).put(headerBytes).put(data);
    return npy.array();
  }
}
