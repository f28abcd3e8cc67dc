package org.tensorworkbench.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image that jpackage built (Linux) started as a student's PC would start it: its own
 * launcher and runtime, no JDK on the PATH, no JAVA_HOME. It must answer {@code info}, train a
 * small network, and leave its installation folder exactly as it was (a packaged install is
 * read-only for the students).
 */
class PackagedAppIT {
  private static Path image;
  private static Path launcher;

  @BeforeAll
  static void findImage() {
    assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the image checked here is the Linux one");
    image = Path.of(System.getProperty("tensorworkbench.dist.app", "target/dist/app/tensor-workbench"));
    launcher = image.resolve("bin/tensor-workbench");
    assertTrue(Files.isExecutable(launcher), "no launcher at " + launcher + " (mvn verify builds it before this test)");
  }

  @Test
  void bundlesItsOwnTrimmedRuntimeTheDataAndOneNativeBuild() throws IOException {
    Path runtime = image.resolve("lib/runtime");
    assertTrue(Files.isRegularFile(runtime.resolve("release")), "the image has its own Java runtime");
    String modules = Files.readString(runtime.resolve("release"));
    assertTrue(modules.contains("java.desktop") && !modules.contains("jdk.jshell") && !modules.contains("java.rmi"),
        "the runtime holds only the modules the app needs: " + modules);
    Path app = image.resolve("lib/app");
    assertTrue(Files.isRegularFile(app.resolve("datasets/manifest.sha256")), "datasets are carried");
    assertTrue(Files.isDirectory(app.resolve("assets/images")), "the Kernel Lab's photographs are carried");
    try (Stream<Path> libs = Files.list(app.resolve("lib"))) {
      List<String> natives = libs.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("nd4j-native-[0-9].*-linux-.*\\.jar")).toList();
      assertEquals(1, natives.size(), "exactly one ND4J native build: " + natives);
    }
  }

  /**
   * Class data sharing (README, "How fast the window appears"): the runtime carries its own
   * archive, and the launcher names the app's archive only when the build made it (-Pdist runs
   * src/dist/linux-cds-archive.sh): a JVM told to use a missing archive uses none at all.
   */
  @Test
  void theRuntimeHasItsClassArchiveAndTheLauncherNamesNoMissingOne() throws IOException {
    assertTrue(Files.size(image.resolve("lib/runtime/lib/server/classes.jsa")) > 1_000_000, "jlink made the runtime's archive");
    Path app = image.resolve("lib/app");
    String options = Files.readString(app.resolve("tensor-workbench.cfg"));
    assertEquals(options.contains("-XX:SharedArchiveFile=$APPDIR/app.jsa"), Files.isRegularFile(app.resolve("app.jsa")), options);
  }

  @Test
  void startsWithoutAJdkTrainsAndNeverWritesIntoTheInstallation(@TempDir Path dir) throws Exception {
    Map<String, String> before = listing(image);

    Result info = run(dir, "info");
    assertEquals(0, info.exit, info.output);
    assertTrue(info.output.contains("backend"), info.output);

    Path out = dir.resolve("run");
    Result train = run(dir, "train", "--network", "softmax-regression", "--dataset", "mnist", "--limit", "512",
        "--epochs", "1", "--batch-size", "128", "--lr", "0.1", "--out", out.toString());
    assertEquals(0, train.exit, train.output);
    assertTrue(Files.isRegularFile(out.resolve("metrics.csv")), train.output);
    assertTrue(Files.isRegularFile(out.resolve("model.twmodel")), train.output);

    assertEquals(before, listing(image), "the installation folder was written to");
  }

  private record Result(int exit, String output) {}

  /** Runs the packaged launcher with an empty PATH and no JAVA_HOME, so no JDK can be found. */
  private static Result run(Path dir, String... args) throws Exception {
    Path emptyPath = Files.createDirectories(dir.resolve("empty-path"));
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList())
        .directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.remove("JAVA_HOME");
    env.remove("JDK_HOME");
    env.put("PATH", emptyPath.toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    Process process = builder.start();
    byte[] bytes = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the packaged app did not finish");
    return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
  }

  /** Every file of the image with its size and modification time. */
  private static Map<String, String> listing(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        files.put(root.relativize(p).toString(), a.size() + "@" + a.lastModifiedTime().toMillis());
      }
    }
    return files;
  }
}
