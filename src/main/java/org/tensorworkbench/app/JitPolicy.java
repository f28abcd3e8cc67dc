package org.tensorworkbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Leaves the JVM's optimizing compiler (C2) to the training engine while the window is open: a
 * compiler directive (HotSpot's {@code Compiler.directives_add}, here through the
 * DiagnosticCommand MBean, so no launcher option is needed) has the window's code, JavaFX,
 * ControlsFX, TilesFX and the ui packages, compiled by C1 only. On a two-core laptop C2 otherwise
 * spends several seconds of a core compiling chart drawing and layout while LeNet trains on both
 * cores; measured on the project's machine under Xvfb, C2's CPU time over a session fell from
 * 8.7 to 5.9 s, and epochs 1 and 3 of LeNet on the Training screen went from 14,800-15,800 and
 * 22,200-22,600 to 15,600-16,500 and 24,200-26,300 images/s, two runs each (README, "Training
 * speed and bench"). None of that code computes anything a student waits for: the numerics live in the
 * engine, which C2 still compiles.
 */
final class JitPolicy {
  static final String DIRECTIVES = "jit-directives.json";

  private JitPolicy() {}

  /**
   * Adds the directive; returns the diagnostic command's answer ("1 compiler directives added").
   *
   * @throws IOException if the directive cannot be read or handed to the JVM
   */
  static String keepOptimizingCompilerForTheEngine() throws IOException {
    Path file = Files.createTempFile("tensor-workbench-jit", ".json");
    try (InputStream in = JitPolicy.class.getResourceAsStream(DIRECTIVES)) {
      if (in == null) {
        throw new IOException(DIRECTIVES + " is missing from the application");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return diagnosticCommand("compilerDirectivesAdd", file.toString());
    } finally {
      Files.deleteIfExists(file); // read once by the command
    }
  }

  /** Runs a HotSpot diagnostic command (as {@code jcmd} does) and returns its output. */
  static String diagnosticCommand(String operation, String... arguments) throws IOException {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
      Object result = server.invoke(name, operation, new Object[] {arguments}, new String[] {String[].class.getName()});
      return String.valueOf(result).trim();
    } catch (JMException | RuntimeException e) {
      throw new IOException("the JVM refused " + operation + ": " + e, e);
    }
  }
}
