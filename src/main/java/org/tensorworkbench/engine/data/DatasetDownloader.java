package org.tensorworkbench.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tensorworkbench.engine.io.OutputPaths;
import java.util.function.Consumer;

/**
 * Downloads a dataset's official files into {@code <workspace>/datasets/<name>/}, only when
 * asked to, with progress, cancellation and a SHA-256 check of every file.
 *
 * <p>Each file is streamed into {@code <name>.part} while its SHA-256 is computed. A file whose
 * sum differs is deleted and reported (URL, expected and received sum). Only when every file
 * matched are the parts renamed atomically to their final names and, last, the folder's
 * {@code manifest.sha256} written (atomically too): a dataset counts as downloaded exactly when
 * that manifest exists, so an interrupted download never looks complete. Files already present
 * with the right sum are not fetched again.
 */
public final class DatasetDownloader {
  private static final int CHUNK = 1 << 16;

  private final HttpClient client;
  private final Path downloadsFolder;

  /** Downloads with {@code client} into {@link DatasetRegistry#downloadsFolder(Path) workspace/datasets}. */
  public DatasetDownloader(HttpClient client, Path workspaceFolder) {
    this.client = client;
    this.downloadsFolder = DatasetRegistry.downloadsFolder(workspaceFolder);
  }

  /** A client that follows redirects and gives up connecting after 20 s. */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(20))
        .build();
  }

  /**
   * Downloads every file of {@code spec} and returns the dataset's folder.
   *
   * @param progress called on this thread after each chunk
   * @param cancellation checked between chunks
   * @throws DatasetException {@code data.error.downloadCancelled} when cancelled, or naming the URL and the problem
   */
  public Path download(DownloadCatalog.DownloadSpec spec, Consumer<DownloadProgress> progress, Cancellation cancellation) {
    Path folder = downloadsFolder.resolve(spec.datasetName());
    OutputPaths.requireFolder(folder, null, List.of());
    List<Path> parts = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      long done = 0;
      List<RemoteFile> files = spec.files();
      for (int i = 0; i < files.size(); i++) {
        RemoteFile file = files.get(i);
        Path target = folder.resolve(file.fileName());
        if (Files.isRegularFile(target) && file.sha256().equals(Sha256.of(target))) {
          done += Files.size(target);
          progress.accept(new DownloadProgress(file.fileName(), i, files.size(), done, spec.totalBytes()));
          continue;
        }
        Path part = folder.resolve(file.fileName() + ".part");
        parts.add(part);
        done = fetch(file, part, i, files.size(), done, spec.totalBytes(), progress, cancellation);
      }
      for (Path part : parts) {
        String name = part.getFileName().toString();
        Files.move(part, part.resolveSibling(name.substring(0, name.length() - ".part".length())),
            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      parts.clear();
      writeManifest(folder, spec);
      return folder;
    } catch (IOException e) {
      throw new DatasetException(e, "data.error.io", folder, e.getMessage());
    } finally {
      for (Path part : parts) {
        deleteQuietly(part);
      }
    }
  }

  private long fetch(RemoteFile file, Path part, int index, int count, long doneBefore, long total,
      Consumer<DownloadProgress> progress, Cancellation cancellation) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(file.uri()).timeout(Duration.ofMinutes(30)).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new DatasetException(e, "data.error.downloadFailed", file.uri(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetException(e, "data.error.downloadCancelled", file.uri());
    }
    long done = doneBefore;
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part)) {
      cancellation.reading(in);
      if (response.statusCode() != 200) {
        throw new DatasetException("data.error.downloadStatus", file.uri(), response.statusCode());
      }
      byte[] buffer = new byte[CHUNK];
      while (true) {
        if (cancellation.isCancelled()) {
          throw new DatasetException("data.error.downloadCancelled", file.uri());
        }
        int n;
        try {
          n = in.read(buffer);
        } catch (IOException e) {
          if (cancellation.isCancelled()) {
            throw new DatasetException(e, "data.error.downloadCancelled", file.uri());
          }
          throw new DatasetException(e, "data.error.downloadFailed", file.uri(), e.getMessage());
        }
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        digest.update(buffer, 0, n);
        done += n;
        progress.accept(new DownloadProgress(file.fileName(), index, count, done, total));
      }
    }
    if (cancellation.isCancelled()) {
      throw new DatasetException("data.error.downloadCancelled", file.uri());
    }
    String actual = Sha256.hex(digest.digest());
    if (!actual.equals(file.sha256())) {
      throw new DatasetException("data.error.downloadHash", file.uri(), file.sha256(), actual);
    }
    return done;
  }

  private static void writeManifest(Path folder, DownloadCatalog.DownloadSpec spec) throws IOException {
    StringBuilder text = new StringBuilder("# official files, SHA-256 checked when downloaded\n");
    for (RemoteFile file : spec.files()) {
      text.append(file.sha256()).append("  ").append(file.fileName()).append('\n');
    }
    Path temp = Files.createTempFile(folder, "manifest", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, folder.resolve(ChecksumManifest.FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover .part file is harmless: the next download overwrites it
    }
  }
}
