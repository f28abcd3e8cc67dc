package org.tensorworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tensorworkbench.engine.NotEnoughMemoryException;
import org.tensorworkbench.engine.io.OutputPathException;
import org.tensorworkbench.engine.io.OutputPaths;
import org.tensorworkbench.engine.lab.conv.Activation;
import org.tensorworkbench.engine.lab.conv.ChannelMode;
import org.tensorworkbench.engine.lab.conv.ConvLab;
import org.tensorworkbench.engine.lab.conv.ConvLabException;
import org.tensorworkbench.engine.lab.conv.ConvLabRequest;
import org.tensorworkbench.engine.lab.conv.ConvLabResult;
import org.tensorworkbench.engine.lab.conv.ConvParams;
import org.tensorworkbench.engine.lab.conv.ConvShape;
import org.tensorworkbench.engine.lab.conv.DisplayMode;
import org.tensorworkbench.engine.lab.conv.ImageLoader;
import org.tensorworkbench.engine.lab.conv.ImagePlanes;
import org.tensorworkbench.engine.lab.conv.Kernel2d;
import org.tensorworkbench.engine.lab.conv.KernelPreset;
import org.tensorworkbench.engine.lab.conv.OpCounts;
import org.tensorworkbench.engine.lab.conv.PngWriter;
import org.tensorworkbench.engine.lab.conv.PoolSpec;
import org.tensorworkbench.engine.lab.conv.SyntheticImage;
import org.tensorworkbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convolve}: the Kernel Lab without a window, for making slide figures. Applies a kernel
 * (cross-correlation, as in d2l) to an image, prints the output-shape formula and operation
 * counts, and writes the output as a PNG.
 */
@Command(name = "convolve", mixinStandardHelpOptions = true,
    description = "Apply a convolution kernel (cross-correlation) to an image and write the result as PNG.")
final class ConvolveCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--image", paramLabel = "FILE",
      description = "Input image (PNG, JPEG, GIF, BMP), or synthetic:boundary|boundary-t|checkerboard|impulse.",
      required = true)
  private String image;

  @Option(names = "--kernel", required = true, paramLabel = "PRESET|ROWS",
      description = "A preset (identity, edge, box, gaussian, sharpen, sobel-x, sobel-y, prewitt-x, prewitt-y,"
          + " laplacian, emboss, outline) or weights like \"1,-1\" or \"0,-1,0;-1,5,-1;0,-1,0\".")
  private String kernel;

  @Option(names = "--size", defaultValue = "3", description = "Side of identity, box and gaussian kernels (default ${DEFAULT-VALUE}).")
  private int size;

  @Option(names = "--sigma", defaultValue = "1.0", description = "Sigma of the gaussian kernel (default ${DEFAULT-VALUE}).")
  private double sigma;

  @Option(names = "--padding", defaultValue = "0", paramLabel = "P|PH,PW", description = "Zero padding (default ${DEFAULT-VALUE}).")
  private String padding;

  @Option(names = "--stride", defaultValue = "1", paramLabel = "S|SH,SW", description = "Stride (default ${DEFAULT-VALUE}).")
  private String stride;

  @Option(names = "--dilation", defaultValue = "1", paramLabel = "D|DH,DW", description = "Dilation (default ${DEFAULT-VALUE}).")
  private String dilation;

  @Option(names = "--channels", defaultValue = "gray",
      description = "gray (luma), each (R, G, B separately) or multi (kernel K and its transpose summed over channels); default ${DEFAULT-VALUE}.")
  private String channels;

  @Option(names = "--bias", defaultValue = "0", description = "Bias added to every output value (default ${DEFAULT-VALUE}).")
  private float bias;

  @Option(names = "--activation", defaultValue = "none", description = "none, relu, sigmoid or tanh (default ${DEFAULT-VALUE}).")
  private String activation;

  @Option(names = "--pool", paramLabel = "TYPE:WINDOW[:STRIDE]", description = "Pooling after the activation, e.g. max:2 or avg:3:1.")
  private String pool;

  @Option(names = "--display", defaultValue = "minmax", description = "clip, minmax, abs or diverging (default ${DEFAULT-VALUE}).")
  private String display;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the output image here (PNG).")
  private Path out;

  @Option(names = "--benchmark", paramLabel = "RUNS", defaultValue = "0",
      description = "Time RUNS runs of convolution + display conversion and print the median.")
  private int benchmark;

  @Override
  public Integer call() {
    PrintWriter outText = spec.commandLine().getOut();
    PrintWriter errText = spec.commandLine().getErr();
    try {
      if (out != null) {
        OutputPaths.requireFile(out, ".png", image.toLowerCase(Locale.ROOT).startsWith("synthetic:")
            ? List.of() : List.of(Path.of(image)));
      }
      ConvLabRequest request = request();
      ConvLabResult result = ConvLab.run(request);
      report(outText, request, result);
      if (out != null) {
        PngWriter.write(result.display(), out);
        outText.println(Messages.get("kernels.cli.written", out.toAbsolutePath()));
      }
      if (benchmark > 0) {
        outText.println(Messages.get("kernels.cli.benchmark", benchmark, medianMillis(request, benchmark)));
      }
      return 0;
    } catch (ConvLabException | OutputPathException | NotEnoughMemoryException e) {
      errText.println(e.getMessage());
      return 2;
    }
  }

  private ConvLabRequest request() {
    ImagePlanes img = image.toLowerCase(Locale.ROOT).startsWith("synthetic:")
        ? SyntheticImage.byId(image.substring("synthetic:".length())).create()
        : ImageLoader.load(Path.of(image));
    int[] p = pair(padding);
    int[] s = pair(stride);
    int[] d = pair(dilation);
    Optional<PoolSpec> poolSpec = Optional.ofNullable(pool).map(PoolSpec::parse);
    return new ConvLabRequest(img, ChannelMode.byId(channels), kernel(), bias,
        new ConvParams(p[0], p[1], s[0], s[1], d[0], d[1]), activation(), poolSpec, DisplayMode.byId(display),
        ConvLabRequest.ALL_CHANNELS);
  }

  private Kernel2d kernel() {
    // anything with a comma or semicolon is a list of weights, so "1,a;3,4" is told that 'a' is no number
    boolean weights = kernel.matches("[-+0-9.,;\\s eE]+") || kernel.contains(",") || kernel.contains(";");
    return weights ? Kernel2d.parse(kernel) : KernelPreset.byId(kernel).build(size, sigma);
  }

  private Activation activation() {
    for (Activation a : Activation.values()) {
      if (a.id().equalsIgnoreCase(activation)) {
        return a;
      }
    }
    throw new ConvLabException("kernels.error.unknownActivation", activation);
  }

  private static int[] pair(String text) {
    String[] parts = text.split(",");
    try {
      int a = Integer.parseInt(parts[0].trim());
      int b = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : a;
      if (parts.length > 2) {
        throw new NumberFormatException(text);
      }
      return new int[] {a, b};
    } catch (NumberFormatException e) {
      throw new ConvLabException(e, "kernels.error.pair", text);
    }
  }

  private static void report(PrintWriter w, ConvLabRequest r, ConvLabResult res) {
    w.println(Messages.get("kernels.cli.input", r.image().name(), Arrays.toString(res.input().shape())));
    w.println(Messages.get("kernels.cli.kernel", r.kernel().rows(), r.kernel().cols(), r.kernel().format()));
    w.println(formula(Messages.get("kernels.shape.height"), res.rows()));
    w.println(formula(Messages.get("kernels.shape.width"), res.cols()));
    w.println(Messages.get("kernels.cli.convShape", Arrays.toString(res.convShape())));
    res.poolRows().ifPresent(pr -> w.println(Messages.get("kernels.cli.outputShape", Arrays.toString(res.outputShape()))));
    OpCounts plain = res.opCounts(false);
    OpCounts withBias = res.opCounts(true);
    w.println(Messages.get("kernels.ops.multiplications", plain.multiplications()));
    w.println(Messages.get("kernels.ops.additions", plain.additions(), withBias.additions()));
    w.println(Messages.get("kernels.ops.rule", res.layer().inChannels(), res.layer().height(), res.layer().width()));
    w.println(Messages.get("kernels.output.range", res.min(), res.max()));
  }

  /** The output-size formula with the numbers filled in, in the current language. */
  static String formula(String axis, ConvShape s) {
    return Messages.get("kernels.shape.formula", axis, s.n(), s.p(), s.d(), s.k(), s.s(), s.out());
  }

  /** Median wall time of {@code runs} pipeline runs (compute + display pixels) after a warm-up. */
  static double medianMillis(ConvLabRequest request, int runs) {
    for (int i = 0; i < 5; i++) {
      ConvLab.run(request); // warm-up: JIT and oneDNN's primitive cache
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      ConvLab.run(request);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
  }
}
