package org.tensorworkbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The app's compiler directive is valid for this JVM and takes the window's packages away from C2. */
class JitPolicyTest {
  @Test
  void theDirectiveIsAddedAndExcludesTheWindowsCodeFromC2Only() throws IOException {
    String before = JitPolicy.diagnosticCommand("compilerDirectivesPrint");
    assertEquals("1 compiler directives added", JitPolicy.keepOptimizingCompilerForTheEngine());
    try {
      String now = JitPolicy.diagnosticCommand("compilerDirectivesPrint");
      String added = now.substring(0, now.length() - before.length()); // the newest directive is printed first
      for (String pkg : new String[] {"javafx/*.*", "com/sun/javafx/*.*", "com/sun/marlin/*.*", "org/tensorworkbench/ui/*.*"}) {
        assertTrue(added.contains(pkg), pkg + " not matched: " + added);
      }
      assertTrue(!added.contains("org/tensorworkbench/engine"), "the engine must keep C2");
      String c1 = added.substring(added.indexOf("c1 directives"), added.indexOf("c2 directives"));
      String c2 = added.substring(added.indexOf("c2 directives"));
      assertTrue(c1.contains("Exclude:false"), "C1 must still compile the window's code: " + c1);
      assertTrue(c2.contains("Exclude:true"), "C2 must not: " + c2);
    } finally {
      JitPolicy.diagnosticCommand("compilerDirectivesRemove"); // pops the newest
    }
  }
}
