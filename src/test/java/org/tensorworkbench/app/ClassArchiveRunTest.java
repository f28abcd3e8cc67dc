package org.tensorworkbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run that makes the packaged app's class-data-sharing archive (src/dist/linux-cds-archive.sh),
 * here with the JDK running the tests and a headless screen: the whole app starts, shows its
 * window, quits by itself once the engine has started, saves its settings on the way out as a
 * student's close would, and the JVM writes the archive of what it loaded.
 */
class ClassArchiveRunTest {

  @Test
  void theAppQuitsByItselfOnceStartedAndTheJvmArchivesItsClasses(@TempDir Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    assumeTrue(Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa")),
        "a dynamic archive lies on the JDK's own one, which this JDK does not have");
    Path archive = dir.resolve("app.jsa");
    ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:MaxNewSize=32m",
        "-XX:ArchiveClassesAtExit=" + archive, "-D" + WorkbenchApp.CLOSE_WHEN_STARTED + "=true",
        "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
        "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.home=" + dir,
        "-Dtensorworkbench.home=" + Path.of("").toAbsolutePath(),
        "-cp", jarsOnly(dir), Main.class.getName()))
        .redirectErrorStream(true);
    builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    Process app = builder.start();
    byte[] bytes = app.getInputStream().readAllBytes();
    assertTrue(app.waitFor(3, TimeUnit.MINUTES), "the app did not quit by itself");
    String output = new String(bytes, StandardCharsets.UTF_8);

    assertEquals(0, app.exitValue(), output);
    assertTrue(output.contains("Window shown"), output);
    assertTrue(Files.size(archive) > 1_000_000, "the archive holds the classes of a start: " + Files.size(archive));
    assertTrue(Files.isRegularFile(dir.resolve("config/tensor-workbench/settings.json")),
        "it closed as a student's close does, saving the window's place");
  }

  /**
   * The test class path with the app's classes folder as a jar, as in the app image: the JVM
   * archives classes from jars only. The test classes are left out; the libraries stay.
   */
  private static String jarsOnly(Path dir) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isRegularFile(path)) {
        entries.add(entry);
      } else if (Files.isDirectory(path) && Files.exists(path.resolve(Main.class.getName().replace('.', '/') + ".class"))) {
        entries.add(0, jar(path, dir.resolve("tensor-workbench.jar")).toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path jar(Path classes, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
         Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
