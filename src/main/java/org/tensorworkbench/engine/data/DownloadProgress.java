package org.tensorworkbench.engine.data;

/**
 * How far a download is.
 *
 * @param fileName the file being fetched
 * @param fileIndex its position, 0-based
 * @param fileCount the number of files
 * @param bytes the bytes received of all files so far
 * @param totalBytes the bytes of all files together
 */
public record DownloadProgress(String fileName, int fileIndex, int fileCount, long bytes, long totalBytes) {

  /** 0..1. */
  public double fraction() {
    return totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytes / totalBytes);
  }
}
