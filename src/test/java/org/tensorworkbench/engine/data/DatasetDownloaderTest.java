package org.tensorworkbench.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server on 127.0.0.1, never the internet. */
class DatasetDownloaderTest {
  private static final byte[] PAYLOAD = payload(300_000);

  @TempDir
  Path workspace;

  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/files/", exchange -> {
      String name = exchange.getRequestURI().getPath().substring("/files/".length());
      if (name.equals("missing.bin")) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      exchange.sendResponseHeaders(200, PAYLOAD.length);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int off = 0; off < PAYLOAD.length; off += 10_000) {
          out.write(PAYLOAD, off, Math.min(10_000, PAYLOAD.length - off));
          out.flush();
          if (name.equals("slow.bin") && off >= 50_000) {
            release.await(10, TimeUnit.SECONDS); // hold the transfer until the test cancels
          }
        }
      } catch (InterruptedException | IOException e) {
        // the client went away (cancel): nothing to send any more
      }
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private DownloadCatalog.DownloadSpec spec(String... namesAndSums) {
    List<RemoteFile> files = new ArrayList<>();
    for (int i = 0; i < namesAndSums.length; i += 2) {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/" + namesAndSums[i]);
      files.add(new RemoteFile(uri, namesAndSums[i], namesAndSums[i + 1], PAYLOAD.length));
    }
    return new DownloadCatalog.DownloadSpec("test-set", files);
  }

  private DatasetDownloader downloader() {
    return new DatasetDownloader(DatasetDownloader.defaultClient(), workspace);
  }

  @Test
  void successRenamesCheckedFilesAndWritesTheManifestLast() throws IOException {
    String sum = Sha256.of(PAYLOAD);
    List<DownloadProgress> progress = new ArrayList<>();
    Path folder = downloader().download(spec("a.bin", sum, "b.bin", sum), progress::add, new Cancellation());
    assertArrayEquals(PAYLOAD, Files.readAllBytes(folder.resolve("a.bin")));
    assertArrayEquals(PAYLOAD, Files.readAllBytes(folder.resolve("b.bin")));
    assertEquals(List.of(), leftovers(folder));
    ChecksumManifest manifest = ChecksumManifest.read(folder);
    assertEquals(sum, manifest.expected("b.bin").orElseThrow());
    DownloadProgress last = progress.get(progress.size() - 1);
    assertEquals(2L * PAYLOAD.length, last.bytes());
    assertEquals(1.0, last.fraction());
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i).bytes() >= progress.get(i - 1).bytes(), "progress never goes back");
    }
    assertEquals(1, progress.get(progress.size() - 1).fileIndex());
  }

  @Test
  void aChecksumMismatchDeletesTheFileAndSaysSo() {
    String wrong = "0".repeat(64);
    DatasetException e = assertThrows(DatasetException.class,
        () -> downloader().download(spec("a.bin", wrong), p -> { }, new Cancellation()));
    assertEquals("data.error.downloadHash", e.key());
    assertTrue(e.getMessage().contains(Sha256.of(PAYLOAD)) && e.getMessage().contains("a.bin"), e.getMessage());
    Path folder = DatasetRegistry.downloadsFolder(workspace).resolve("test-set");
    assertFalse(Files.exists(folder.resolve("a.bin")));
    assertFalse(Files.exists(folder.resolve("a.bin.part")));
    assertFalse(Files.exists(folder.resolve(ChecksumManifest.FILE_NAME)));
  }

  @Test
  void aMismatchInTheSecondFileKeepsTheFirstOutOfPlaceToo() throws IOException {
    String good = Sha256.of(PAYLOAD);
    assertThrows(DatasetException.class,
        () -> downloader().download(spec("a.bin", good, "b.bin", "1".repeat(64)), p -> { }, new Cancellation()));
    Path folder = DatasetRegistry.downloadsFolder(workspace).resolve("test-set");
    assertEquals(List.of(), leftovers(folder), "no .part file left");
    assertFalse(Files.exists(folder.resolve("a.bin")), "nothing is renamed until every file matched");
  }

  @Test
  void cancelStopsAStalledTransferAndRemovesThePart() throws Exception {
    Cancellation cancellation = new Cancellation();
    CountDownLatch started = new CountDownLatch(1);
    Thread canceller = new Thread(() -> {
      try {
        started.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      cancellation.cancel();
    });
    canceller.start();
    long t0 = System.nanoTime();
    DatasetException e = assertThrows(DatasetException.class, () -> downloader().download(spec("slow.bin", Sha256.of(PAYLOAD)),
        p -> {
          if (p.bytes() >= 50_000) {
            started.countDown();
          }
        }, cancellation));
    canceller.join();
    assertEquals("data.error.downloadCancelled", e.key());
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(8), "cancel did not wait for the server");
    Path folder = DatasetRegistry.downloadsFolder(workspace).resolve("test-set");
    assertEquals(List.of(), leftovers(folder));
    assertFalse(Files.exists(folder.resolve("slow.bin")));
  }

  @Test
  void anHttpErrorIsNamed() {
    DatasetException e = assertThrows(DatasetException.class,
        () -> downloader().download(spec("missing.bin", "0".repeat(64)), p -> { }, new Cancellation()));
    assertEquals("data.error.downloadStatus", e.key());
    assertEquals(404, e.args()[1]);
  }

  @Test
  void theOfficialCatalogUsesSha256AndConfigurableUrls() {
    DownloadCatalog.DownloadSpec fashion = DownloadCatalog.fashionMnist("http://127.0.0.1:1/mirror/");
    assertEquals(4, fashion.files().size());
    assertEquals("http://127.0.0.1:1/mirror/train-images-idx3-ubyte.gz", fashion.files().get(0).uri().toString());
    for (RemoteFile f : fashion.files()) {
      assertTrue(f.sha256().matches("[0-9a-f]{64}"));
    }
    assertEquals(170_052_171L, DownloadCatalog.official(DatasetRegistry.CIFAR_10).totalBytes());
  }

  private static List<Path> leftovers(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".part") || p.getFileName().toString().endsWith(".tmp"))
          .toList();
    }
  }

  private static byte[] payload(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) (i * 31 + (i >> 8));
    }
    return bytes;
  }
}
