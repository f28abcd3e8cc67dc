package org.tensorworkbench.engine.data;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named datasets of the workbench and the loaders for a user's own data.
 *
 * <p>Shipped sets are read from {@code <projectHome>/datasets/} and checked against
 * {@code datasets/manifest.sha256} first; downloaded sets live in
 * {@code <workspace>/datasets/<name>/} with the manifest the downloader wrote from the official
 * sums. Generated sets are made from the options' seed. Loading never reads global state: the
 * folders are given to the constructor.
 */
public final class DatasetRegistry {
  public static final String MNIST = "mnist";
  public static final String FASHION_MNIST = "fashion-mnist";
  public static final String HOUSING = "housing";
  public static final String SYNTHETIC_LINEAR = "synthetic-linear";
  public static final String POLYNOMIAL = "polynomial";
  public static final String SINE = "sine";
  public static final String SPIRAL = "spiral";
  public static final String CIRCLES = "circles";
  public static final String XOR = "xor";
  public static final String BLOBS = "blobs";
  public static final String FASHION_MNIST_OFFICIAL = "fashion-mnist-official";
  public static final String CIFAR_10 = "cifar-10";

  private static final List<String> SHIPPED = List.of(MNIST, FASHION_MNIST, HOUSING);
  private static final List<String> GENERATED = List.of(SYNTHETIC_LINEAR, POLYNOMIAL, SINE, SPIRAL, CIRCLES, XOR, BLOBS);
  private static final List<String> DOWNLOADED = List.of(FASHION_MNIST_OFFICIAL, CIFAR_10);
  private static final List<String> HOUSING_TARGET = List.of("MEDV");

  private final Map<String, SoftReference<IdxData>> idxCache = new ConcurrentHashMap<>();
  private final Path datasetsFolder;
  private final Path downloadsFolder;
  private final Path hashCache;
  private FileVerifier shippedVerifier;

  /** Shipped and generated sets only; sums are cached in memory. */
  public DatasetRegistry(Path projectHome) {
    this(projectHome, null);
  }

  /**
   * Also offers the sets downloaded into {@code workspaceFolder/datasets/} and keeps the SHA-256
   * cache in {@code workspaceFolder/cache/}. {@code workspaceFolder} may be {@code null}.
   */
  public DatasetRegistry(Path projectHome, Path workspaceFolder) {
    this.datasetsFolder = projectHome.resolve("datasets");
    this.downloadsFolder = workspaceFolder == null ? null : downloadsFolder(workspaceFolder);
    this.hashCache = workspaceFolder == null ? null : workspaceFolder.resolve("cache").resolve("sha256-cache.properties");
  }

  /** Where {@link DatasetDownloader} puts the sets of {@code workspaceFolder}. */
  public static Path downloadsFolder(Path workspaceFolder) {
    return workspaceFolder.resolve("datasets");
  }

  /** The shipped {@code datasets/} folder. */
  public Path datasetsFolder() {
    return datasetsFolder;
  }

  /** Every named dataset, shipped first, then generated, then downloadable. */
  public List<DatasetInfo> available() {
    List<DatasetInfo> infos = new ArrayList<>();
    SHIPPED.forEach(n -> infos.add(new DatasetInfo(n, DatasetInfo.Source.SHIPPED, Files.isDirectory(datasetsFolder.resolve(n)))));
    GENERATED.forEach(n -> infos.add(new DatasetInfo(n, DatasetInfo.Source.GENERATED, true)));
    DOWNLOADED.forEach(n -> infos.add(new DatasetInfo(n, DatasetInfo.Source.DOWNLOADED, isDownloaded(n))));
    return infos;
  }

  /** The names {@link #load} accepts. */
  public List<String> names() {
    return available().stream().map(DatasetInfo::name).toList();
  }

  /** Whether a downloadable set is present in the workspace. */
  public boolean isDownloaded(String name) {
    return downloadsFolder != null && Files.isRegularFile(downloadsFolder.resolve(name).resolve(ChecksumManifest.FILE_NAME));
  }

  /** Checks the shipped files (for {@code datasets verify} and the Datasets screen). */
  public synchronized FileVerifier shippedVerifier() {
    if (shippedVerifier == null) {
      shippedVerifier = new FileVerifier(ChecksumManifest.read(datasetsFolder), hashCache);
    }
    return shippedVerifier;
  }

  /**
   * Loads a named dataset.
   *
   * @throws DatasetException for an unknown name, a missing download, or a missing/corrupt file
   */
  public Dataset load(String name, DatasetOptions options) {
    return switch (name) {
      case MNIST -> idx(name, shippedVerifier(), name + "/", null, "data.describe.mnist").build(options);
      case FASHION_MNIST -> idx(name, shippedVerifier(), name + "/", "data.class.fashion.", "data.describe.fashionMnist")
          .build(options);
      case FASHION_MNIST_OFFICIAL -> idx(name, downloadedVerifier(name), "", "data.class.fashion.",
          "data.describe.fashionMnistOfficial").build(options);
      case CIFAR_10 -> cifar(options);
      case HOUSING -> housing(options);
      case SYNTHETIC_LINEAR -> syntheticLinear(options);
      case POLYNOMIAL -> polynomial(name, PolynomialGenerator.Curve.D2L_CUBIC, options);
      case SINE -> polynomial(name, PolynomialGenerator.Curve.SINE, options);
      case SPIRAL -> pattern(name, PatternGenerator.Pattern.SPIRAL, options);
      case CIRCLES -> pattern(name, PatternGenerator.Pattern.CIRCLES, options);
      case XOR -> pattern(name, PatternGenerator.Pattern.XOR, options);
      case BLOBS -> pattern(name, PatternGenerator.Pattern.BLOBS, options);
      default -> throw new DatasetException("data.error.unknownDataset", name, String.join(", ", names()));
    };
  }

  /**
   * {@code base} with the generator parameters (samples, noise, classes, degree) of the generated
   * set {@code name} filled in with their defaults; other sets get {@code base} unchanged. The
   * Datasets screen shows these values in its controls.
   */
  public DatasetOptions generatorDefaults(String name, DatasetOptions base) {
    if (!GENERATED.contains(name)) {
      return base;
    }
    DatasetOptions d = generated(name);
    return base.withSamples(d.samples()).withNoise(d.noise()).withClasses(d.classes()).withDegree(d.degree());
  }

  /** The generator parameters of a generated set when the options leave them to the dataset. */
  private static DatasetOptions generated(String name) {
    DatasetOptions reset = DatasetOptions.defaults();
    return switch (name) {
      case SYNTHETIC_LINEAR -> reset.withSamples(1000).withNoise(LinearRegressionGenerator.D2L_NOISE);
      case POLYNOMIAL -> reset.withSamples(200).withNoise(0.1).withDegree(3);
      case SINE -> reset.withSamples(200).withNoise(0.1).withDegree(5);
      case SPIRAL, CIRCLES, XOR, BLOBS -> {
        PatternGenerator.Pattern p = PatternGenerator.Pattern.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        yield reset.withSamples(200 * p.defaultClasses()).withNoise(p.defaultNoise()).withClasses(p.defaultClasses());
      }
      default -> reset;
    };
  }

  /**
   * Loads a user's CSV file: {@code targetColumn} is predicted from every other (numeric) column.
   * For classification the target's distinct values become the classes (sorted; numbers
   * numerically); features are standardized by default, as in d2l 5.7.
   */
  public Dataset loadCsv(Path file, String targetColumn, Task task, DatasetOptions options) {
    CsvTable table = CsvTable.read(file);
    if (targetColumn == null || targetColumn.isBlank()) {
      throw new DatasetException("data.error.csvNeedsTarget", file, String.join(", ", table.columns()));
    }
    int target = table.indexOf(targetColumn);
    if (target < 0) {
      throw new DatasetException("data.error.csvNoColumn", file, targetColumn, String.join(", ", table.columns()));
    }
    if (table.columns().size() < 2) {
      throw new DatasetException("data.error.csvNoFeatures", file);
    }
    List<String> featureNames = new ArrayList<>(table.columns());
    featureNames.remove(target);
    float[] features = featureMatrix(table, target);
    int d = featureNames.size();
    DatasetBuilder b = new DatasetBuilder(file.getFileName().toString(), task, new int[] {d});
    b.featureNames = featureNames;
    b.targetName = targetColumn;
    if (task == Task.REGRESSION) {
      double[] y = table.values(target);
      float[] targets = new float[y.length];
      for (int i = 0; i < y.length; i++) {
        targets[i] = (float) y[i];
      }
      b.train(new FeatureStore.Floats(features, d), null, targets);
      b.scatterX = 0;
    } else {
      String[] values = table.text(target);
      List<String> classes = distinctSorted(table, target);
      if (classes.size() < 2 || classes.size() > 100) {
        throw new DatasetException("data.error.csvClassCount", file, targetColumn, classes.size());
      }
      int[] labels = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        labels[i] = classes.indexOf(values[i]);
      }
      b.classNames = classes;
      b.train(new FeatureStore.Floats(features, d), labels, null);
      if (d >= 2) {
        b.scatterX = 0;
        b.scatterY = 1;
      }
    }
    b.description("data.describe.csv", file.getFileName().toString(), table.rows(), d, targetColumn);
    return b.build(options);
  }

  /**
   * Loads a folder with one subfolder per class, every image scaled to {@code width x height},
   * grey or RGB. A share ({@link DatasetOptions#testFraction()}, default 0.2) is held out as test.
   */
  public Dataset loadImageFolder(Path folder, int width, int height, boolean grayscale, DatasetOptions options) {
    ImageFolderReader.ImageFolder images = ImageFolderReader.read(folder, width, height, grayscale);
    int size = images.pixels().length / images.labels().length;
    int[] order = EpochOrder.shuffled(images.labels().length, options.seed(), -3);
    FeatureStore store = new FeatureStore.Bytes(images.pixels(), size).select(order);
    int[] labels = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      labels[i] = images.labels()[order[i]];
    }
    DatasetBuilder b = new DatasetBuilder(folder.getFileName().toString(), Task.CLASSIFICATION, images.shape());
    b.classNames = images.classNames();
    b.train(store, labels, null);
    b.description("data.describe.folder", folder.getFileName().toString(), labels.length, images.classNames().size(),
        width, height, grayscale ? 1 : 3);
    return b.build(options);
  }

  private FileVerifier downloadedVerifier(String name) {
    if (!isDownloaded(name)) {
      throw new DatasetException("data.error.notDownloaded", name);
    }
    return new FileVerifier(ChecksumManifest.read(downloadsFolder.resolve(name)), hashCache);
  }

  private DatasetBuilder idx(String name, FileVerifier verifier, String prefix, String classKeys, String descriptionKey) {
    IdxData trainImages = readIdx(verifier.verified(prefix + "train-images-idx3-ubyte.gz"));
    IdxData trainLabels = readIdx(verifier.verified(prefix + "train-labels-idx1-ubyte.gz"));
    IdxData testImages = readIdx(verifier.verified(prefix + "t10k-images-idx3-ubyte.gz"));
    IdxData testLabels = readIdx(verifier.verified(prefix + "t10k-labels-idx1-ubyte.gz"));
    Path folder = verifier.manifest().folder().resolve(prefix);
    int[] train = labels(folder.resolve("train-labels-idx1-ubyte.gz"), trainLabels, trainImages, 10);
    int[] test = labels(folder.resolve("t10k-labels-idx1-ubyte.gz"), testLabels, testImages, 10);
    int h = trainImages.dims()[1];
    int w = trainImages.dims()[2];
    DatasetBuilder b = new DatasetBuilder(name, Task.CLASSIFICATION, new int[] {1, h, w});
    b.classNames = classKeys == null ? digits(10) : List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    b.classKeyPrefix = classKeys;
    b.train(new FeatureStore.Bytes(trainImages.data(), h * w), train, null);
    b.test(new FeatureStore.Bytes(testImages.data(), h * w), test, null);
    b.description(descriptionKey, trainImages.count(), testImages.count(), h, w);
    return b;
  }

  /**
   * Reads a verified IDX file, reusing the last reading while the file keeps its size and
   * modification time: unpacking Fashion-MNIST's 26 MB takes about a second, and the screen and
   * the trainer load the same files with different options. The cache holds soft references,
   * so the JVM may drop it under memory pressure. Loaded splits never share these arrays with
   * callers that could change them ({@link FeatureStore} never writes).
   */
  private IdxData readIdx(Path file) {
    String key;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      key = file.toAbsolutePath().normalize() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      throw new DatasetException(e, "data.error.io", file, e.getMessage());
    }
    SoftReference<IdxData> cached = idxCache.get(key);
    IdxData data = cached == null ? null : cached.get();
    if (data == null) {
      data = IdxReader.read(file);
      idxCache.put(key, new SoftReference<>(data));
    }
    return data;
  }

  /** Checks a label file against its image file: one dimension, the same count, values below {@code classes}. */
  private static int[] labels(Path labelFile, IdxData labels, IdxData images, int classes) {
    if (labels.dims().length != 1 || images.dims().length != 3) {
      throw new DatasetException("data.error.idxRank", labelFile, labels.dims().length, images.dims().length);
    }
    if (labels.count() != images.count()) {
      throw new DatasetException("data.error.countMismatch", labelFile, labels.count(), images.count());
    }
    int[] out = new int[labels.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels.unsigned(i);
      if (out[i] >= classes) {
        throw new DatasetException("data.error.labelRange", labelFile, out[i], classes);
      }
    }
    return out;
  }

  private Dataset cifar(DatasetOptions options) {
    FileVerifier verifier = downloadedVerifier(CIFAR_10);
    CifarReader.CifarData data = CifarReader.read(verifier.verified(DownloadCatalog.CIFAR_10_ARCHIVE));
    DatasetBuilder b = new DatasetBuilder(CIFAR_10, Task.CLASSIFICATION, new int[] {3, 32, 32});
    b.classNames = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
    b.classKeyPrefix = "data.class.cifar.";
    b.train(new FeatureStore.Bytes(data.trainPixels(), CifarReader.RECORD - 1), data.trainLabels(), null);
    b.test(new FeatureStore.Bytes(data.testPixels(), CifarReader.RECORD - 1), data.testLabels(), null);
    b.description("data.describe.cifar10", data.trainLabels().length, data.testLabels().length);
    return b.build(options);
  }

  private Dataset housing(DatasetOptions options) {
    CsvTable table = CsvTable.read(shippedVerifier().verified("housing/boston-housing.csv"));
    int target = table.indexOf(HOUSING_TARGET.get(0));
    if (target < 0) {
      throw new DatasetException("data.error.csvNoColumn", table.source(), HOUSING_TARGET.get(0),
          String.join(", ", table.columns()));
    }
    List<String> featureNames = new ArrayList<>(table.columns());
    featureNames.remove(target);
    int d = featureNames.size();
    double[] y = table.values(target);
    float[] targets = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      targets[i] = (float) y[i];
    }
    DatasetBuilder b = new DatasetBuilder(HOUSING, Task.REGRESSION, new int[] {d});
    b.featureNames = featureNames;
    b.targetName = HOUSING_TARGET.get(0);
    b.train(new FeatureStore.Floats(featureMatrix(table, target), d), null, targets);
    b.scatterX = Math.max(0, featureNames.indexOf("RM"));
    b.description("data.describe.housing", table.rows(), d);
    return b.build(options);
  }

  private static Dataset syntheticLinear(DatasetOptions options) {
    DatasetOptions d = generated(SYNTHETIC_LINEAR);
    int n = options.samplesOr(d.samples());
    double sigma = options.noiseOr(d.noise());
    SyntheticData data = LinearRegressionGenerator.generate(LinearRegressionGenerator.d2lWeights(),
        LinearRegressionGenerator.D2L_BIAS, sigma, n, options.seed());
    DatasetBuilder b = new DatasetBuilder(SYNTHETIC_LINEAR, Task.REGRESSION, new int[] {2});
    b.featureNames = List.of("x1", "x2");
    b.targetName = "y";
    b.tableScaling = DatasetOptions.Scaling.RAW;
    b.scatterX = 1;
    b.generated(data);
    b.description("data.describe.syntheticLinear", n, sigma);
    return b.build(options);
  }

  private static Dataset polynomial(String name, PolynomialGenerator.Curve curve, DatasetOptions options) {
    DatasetOptions d = generated(name);
    int degree = options.degreeOr(d.degree());
    if (degree < 1) {
      throw new DatasetException("data.error.option", "degree", degree);
    }
    int n = options.samplesOr(d.samples());
    double sigma = options.noiseOr(d.noise());
    SyntheticData data = PolynomialGenerator.generate(curve, degree, sigma, n, options.seed());
    DatasetBuilder b = new DatasetBuilder(name, Task.REGRESSION, new int[] {degree + 1});
    List<String> features = new ArrayList<>();
    for (int i = 0; i <= degree; i++) {
      features.add(i == 0 ? "1" : i == 1 ? "x" : "x^" + i + "/" + i + "!");
    }
    b.featureNames = features;
    b.targetName = "y";
    b.tableScaling = DatasetOptions.Scaling.RAW;
    b.defaultTestFraction = 0.5;
    b.scatterX = 1;
    b.generated(data);
    b.description(curve == PolynomialGenerator.Curve.SINE ? "data.describe.sine" : "data.describe.polynomial",
        n, degree, sigma);
    return b.build(options);
  }

  private static Dataset pattern(String name, PatternGenerator.Pattern pattern, DatasetOptions options) {
    int classes = pattern == PatternGenerator.Pattern.XOR ? 2 : options.classesOr(pattern.defaultClasses());
    int n = options.samplesOr(200 * classes);
    double noise = options.noiseOr(pattern.defaultNoise());
    SyntheticData data = PatternGenerator.generate(pattern, n, classes, noise, options.seed());
    DatasetBuilder b = new DatasetBuilder(name, Task.CLASSIFICATION, new int[] {2});
    b.featureNames = List.of("x1", "x2");
    b.classNames = digits(classes);
    b.tableScaling = DatasetOptions.Scaling.RAW;
    b.scatterX = 0;
    b.scatterY = 1;
    b.generated(data);
    b.description("data.describe." + name, n, classes, noise);
    return b.build(options);
  }

  private static float[] featureMatrix(CsvTable table, int target) {
    int cols = table.columns().size();
    int d = cols - 1;
    float[] features = new float[table.rows() * d]; // [N, D]
    int j = 0;
    for (int c = 0; c < cols; c++) {
      if (c == target) {
        continue;
      }
      double[] values = table.values(c);
      for (int r = 0; r < values.length; r++) {
        features[r * d + j] = (float) values[r];
      }
      j++;
    }
    return features;
  }

  private static List<String> distinctSorted(CsvTable table, int column) {
    if (table.isNumeric(column)) {
      double[] values = table.values(column);
      String[] text = table.text(column);
      TreeMap<Double, String> byValue = new TreeMap<>();
      for (int i = 0; i < values.length; i++) {
        byValue.putIfAbsent(values[i], text[i]);
      }
      return List.copyOf(byValue.values());
    }
    return Arrays.stream(table.text(column)).distinct().sorted().toList();
  }

  /** Class names "0", "1", ... "n-1". */
  private static List<String> digits(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(Integer.toString(i));
    }
    return names;
  }
}
