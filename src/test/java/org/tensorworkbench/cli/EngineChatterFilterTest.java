package org.tensorworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class EngineChatterFilterTest {

  @Test
  void dropsOnlySameDiffsGradientLines() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out = EngineChatterFilter.wrap(new PrintStream(sink, true, Charset.defaultCharset()));
    out.println("Training on fashion-mnist");
    out.print("Added differentiated op ");
    out.flush(); // may still become a chatter line: held back
    out.println("conv2d");
    out.println("Added differentiated op matmul");
    out.println("Added differentiation is not chatter");
    out.print("epoch 1/1  batch 1/8");
    out.flush(); // a partial line that cannot become chatter is passed on at once
    assertEquals(String.join(System.lineSeparator(), "Training on fashion-mnist",
        "Added differentiation is not chatter", "epoch 1/1  batch 1/8"), sink.toString(Charset.defaultCharset()));
  }
}
