package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.engine.image.Raster;
import java.util.Optional;
import org.tensorworkbench.engine.MemoryEstimate;
import org.tensorworkbench.i18n.Messages;

/**
 * The Kernel Lab's pipeline: image → channels → cross-correlation + bias (ND4J) → activation →
 * pooling (ND4J) → display pixels. Stateless and thread-safe; the screen calls it off the FX thread
 * with "latest wins", the command line calls it once.
 */
public final class ConvLab {
  private ConvLab() {}

  public static ConvLabResult run(ConvLabRequest r) {
    FeatureMaps input = switch (r.channels()) {
      case GRAYSCALE -> r.image().grayscale().asBatch(); // [1, 1, H, W]
      case EACH_CHANNEL -> r.image().channelsAsBatch(); // [C, 1, H, W]
      case MULTI_CHANNEL -> r.image().asBatch(); // [1, C, H, W]
    };
    ConvKernel layer = layer(r.channels(), r.kernel(), r.bias(), input.channels());
    ConvParams p = r.params();
    ConvShape rows = ConvShape.of(input.height(), layer.height(), p.padH(), p.strideH(), p.dilationH());
    ConvShape cols = ConvShape.of(input.width(), layer.width(), p.padW(), p.strideW(), p.dilationW());
    // the padded input [N, C, H + 2p, W + 2p] and the output [N, O, H_out, W_out] as ND4J tensors;
    // the output again as Java arrays (convolution, activation, pooling) and the display image
    long outputBytes = MemoryEstimate.floats(input.batch(), layer.outChannels(), rows.out(), cols.out());
    long paddedBytes = MemoryEstimate.floats(input.batch(), input.channels(), input.height() + 2L * p.padH(),
        input.width() + 2L * p.padW());
    MemoryEstimate.lab(MemoryEstimate.total(paddedBytes, outputBytes, outputBytes),
        MemoryEstimate.total(outputBytes, outputBytes, outputBytes, outputBytes)).require(Messages.get("engine.memory.convolve"), MemoryEstimate.Available.now());

    FeatureMaps conv = Conv2dOp.crossCorrelate(input, layer, p); // [N, O, H_out, W_out]
    FeatureMaps activated = activate(conv.batchAsChannels(), r.activation()); // [1, N·O, H_out, W_out]
    Optional<ConvShape> poolRows = r.pool().map(s -> ConvShape.pooling(rows.out(), s.window(), s.stride()));
    Optional<ConvShape> poolCols = r.pool().map(s -> ConvShape.pooling(cols.out(), s.window(), s.stride()));
    FeatureMaps output = r.pool().map(s -> Pool2dOp.pool(activated, s)).orElse(activated);

    Raster display = render(output, r.channels(), r.shownChannel(), r.display(), r.image().fullScale());
    return new ConvLabResult(input, layer, p, conv, output, rows, cols, poolRows, poolCols,
        output.min(), output.max(), display);
  }

  /** The layer for a channel mode: see {@link ChannelMode}. */
  static ConvKernel layer(ChannelMode mode, Kernel2d k, float bias, int inChannels) {
    if (mode != ChannelMode.MULTI_CHANNEL) {
      return ConvKernel.replicated(1, bias, k);
    }
    return k.rows() == k.cols()
        ? ConvKernel.replicated(inChannels, bias, k, k.transpose())
        : ConvKernel.replicated(inChannels, bias, k);
  }

  /** The input as the screen shows it beside the output: grey in grey mode, else as loaded. */
  public static Raster renderInput(ImagePlanes image, ChannelMode mode) {
    ImagePlanes shown = mode == ChannelMode.GRAYSCALE ? image.grayscale() : image;
    return DisplayRenderer.render(shown.asBatch(), 0, DisplayMode.CLIP, image.fullScale());
  }

  private static FeatureMaps activate(FeatureMaps maps, Activation a) {
    if (a == Activation.NONE) {
      return maps;
    }
    float[] d = maps.data().clone();
    for (int i = 0; i < d.length; i++) {
      d[i] = a.apply(d[i]);
    }
    return new FeatureMaps(maps.batch(), maps.channels(), maps.height(), maps.width(), d);
  }

  private static Raster render(FeatureMaps out, ChannelMode mode, int shown, DisplayMode display, float white) {
    if (shown >= 0 && shown < out.channels()) {
      return DisplayRenderer.renderChannel(out, 0, shown, display, white);
    }
    if (out.channels() == 1 || out.channels() == 3) {
      return DisplayRenderer.render(out, 0, display, white);
    }
    return DisplayRenderer.renderMagnitude(out, 0, display, white);
  }
}
