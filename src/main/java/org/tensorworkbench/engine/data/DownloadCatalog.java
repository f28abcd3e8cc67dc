package org.tensorworkbench.engine.data;

import java.net.URI;
import java.util.List;

/**
 * The official files of the datasets that can be downloaded on request, with their SHA-256.
 *
 * <p>The publishers give only MD5 sums (Zalando's README, the CIFAR page), which do not protect
 * against a deliberately altered file. The SHA-256 sums below are those recorded by TensorFlow
 * Datasets for the same URLs and sizes ({@code tensorflow_datasets/url_checksums/fashion_mnist.txt}
 * and {@code cifar10.txt}); the CIFAR-10 sum is also published independently by several other
 * projects. A download is accepted only if its SHA-256 matches exactly.
 */
public final class DownloadCatalog {
  /** Where Zalando publishes Fashion-MNIST. */
  public static final String FASHION_MNIST_BASE = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
  /** The CIFAR-10 binary version at the University of Toronto. */
  public static final String CIFAR_10_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
  /** The file name of the CIFAR-10 archive in its folder. */
  public static final String CIFAR_10_ARCHIVE = "cifar-10-binary.tar.gz";

  private DownloadCatalog() {}

  /** A dataset's files to fetch. */
  public record DownloadSpec(String datasetName, List<RemoteFile> files) {

    /** The bytes of all files together. */
    public long totalBytes() {
      return files.stream().mapToLong(RemoteFile::size).sum();
    }
  }

  /** Zalando's four Fashion-MNIST files from {@code baseUrl} (ending in {@code /}). */
  public static DownloadSpec fashionMnist(String baseUrl) {
    return new DownloadSpec(DatasetRegistry.FASHION_MNIST_OFFICIAL, List.of(
        file(baseUrl, "train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", 26_421_880),
        file(baseUrl, "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", 29_515),
        file(baseUrl, "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", 4_422_102),
        file(baseUrl, "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", 5_148)));
  }

  /** The CIFAR-10 binary archive from {@code url}. */
  public static DownloadSpec cifar10(String url) {
    return new DownloadSpec(DatasetRegistry.CIFAR_10, List.of(new RemoteFile(URI.create(url), CIFAR_10_ARCHIVE,
        "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", 170_052_171)));
  }

  /** The official download of {@code datasetName}, or {@code null} if it has none. */
  public static DownloadSpec official(String datasetName) {
    return switch (datasetName) {
      case DatasetRegistry.FASHION_MNIST_OFFICIAL -> fashionMnist(FASHION_MNIST_BASE);
      case DatasetRegistry.CIFAR_10 -> cifar10(CIFAR_10_URL);
      default -> null;
    };
  }

  private static RemoteFile file(String baseUrl, String name, String sha256, long size) {
    return new RemoteFile(URI.create(baseUrl + name), name, sha256, size);
  }
}
