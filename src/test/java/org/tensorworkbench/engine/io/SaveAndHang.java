package org.tensorworkbench.engine.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.OutputSpec;

/**
 * A process for {@link AtomicFolderTest}: writes a new version of the run folder {@code args[0]}
 * (a model and a summary saying "new") and, at the rename that puts it in place, writes the
 * marker file {@code args[1]} and waits to be killed.
 */
public final class SaveAndHang {
  private SaveAndHang() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    Path marker = Path.of(args[1]);
    CompiledNetwork net = NetworkCompiler.compile(NetworkSpec.sequential("tiny", InputSpec.of(3), DenseSpec.of(2),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY)));
    Path staged = AtomicFiles.stageFolder(target);
    ModelFile.save(staged.resolve("model.twmodel"), net, ModelMetadata.empty(), false);
    Files.writeString(staged.resolve("summary.json"), "new");
    AtomicFiles.beforeFolderRename = () -> {
      try {
        Files.writeString(marker, "at the rename");
        Thread.sleep(Long.MAX_VALUE);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    AtomicFiles.replaceFolder(staged, target);
  }
}
