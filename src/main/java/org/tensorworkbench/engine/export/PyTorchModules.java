package org.tensorworkbench.engine.export;

import java.util.Locale;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.GlobalAvgPool2dSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Size2;

/**
 * The {@code torch.nn} module of one layer, as Python source, the way d2l writes it
 * ({@code nn.Conv2d(1, 6, kernel_size=5, padding=2)}), and where its parameters sit in the
 * module's state dict. "Same" padding becomes explicit padding; when it is uneven (the extra
 * row at the bottom, as TensorFlow and the workbench place it) a padding module goes first.
 */
final class PyTorchModules {
  /**
   * @param source the Python expression that builds the module
   * @param parameterPrefix the state-dict prefix of its parameters relative to the layer, "" or ".1"
   */
  record Module(String source, String parameterPrefix) {}

  private PyTorchModules() {}

  static Module of(InferenceGraph.Step step) {
    LayerSpec layer = step.layer();
    int[] in = step.inputShape();
    if (layer instanceof DenseSpec d) {
      return plain("nn.Linear(" + in[0] + ", " + d.units() + (d.bias() ? "" : ", bias=False") + ")");
    } else if (layer instanceof Conv2dSpec c) {
      return conv(c, in);
    } else if (layer instanceof MaxPool2dSpec p) {
      return maxPool(p, in);
    } else if (layer instanceof AvgPool2dSpec p) {
      return avgPool(step.id(), p, in);
    } else if (layer instanceof GlobalAvgPool2dSpec) {
      return plain("nn.Sequential(nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten())");
    } else if (layer instanceof FlattenSpec) {
      return plain("nn.Flatten()");
    } else if (layer instanceof ActivationSpec a) {
      return plain(switch (a.function()) {
        case RELU -> "nn.ReLU()";
        case LEAKY_RELU -> "nn.LeakyReLU(" + number(a.alpha()) + ")";
        case SIGMOID -> "nn.Sigmoid()";
        case TANH -> "nn.Tanh()";
        case GELU -> "nn.GELU(approximate=\"tanh\")";
        case SOFTMAX -> "nn.Softmax(dim=-1)";
      });
    } else if (layer instanceof DropoutSpec d) {
      return plain("nn.Dropout(" + number(d.p()) + ")");
    } else if (layer instanceof BatchNormSpec bn) {
      return plain((in.length == 3 ? "nn.BatchNorm2d(" : "nn.BatchNorm1d(") + in[0] + options(bn.epsilon(), bn.momentum()) + ")");
    } else if (layer instanceof LayerNormSpec ln) {
      return plain("nn.LayerNorm(" + tuple(in) + (ln.epsilon() == 1e-5 ? "" : ", eps=" + number(ln.epsilon())) + ")");
    }
    throw new ExportException("export.error.unsupportedLayer", step.id(), layer.getClass().getSimpleName(), "PyTorch");
  }

  private static Module conv(Conv2dSpec c, int[] in) {
    long[] pads = OnnxExporter.pads(c.padding(), c.kernel(), c.stride(), c.dilation(), in);
    boolean even = pads[0] == pads[2] && pads[1] == pads[3];
    StringBuilder args = new StringBuilder().append(in[0]).append(", ").append(c.outChannels())
        .append(", kernel_size=").append(size(c.kernel()));
    if (c.stride().h() != 1 || c.stride().w() != 1) {
      args.append(", stride=").append(size(c.stride()));
    }
    if (even && (pads[0] != 0 || pads[1] != 0)) {
      args.append(", padding=").append(pair(pads[0], pads[1]));
    }
    if (c.dilation().h() != 1 || c.dilation().w() != 1) {
      args.append(", dilation=").append(size(c.dilation()));
    }
    if (!c.bias()) {
      args.append(", bias=False");
    }
    String conv = "nn.Conv2d(" + args + ")";
    return even ? plain(conv) : new Module("nn.Sequential(nn.ZeroPad2d(" + torchPads(pads) + "), " + conv + ")", ".1");
  }

  private static Module maxPool(MaxPool2dSpec p, int[] in) {
    long[] pads = OnnxExporter.pads(p.padding(), p.window(), p.stride(), Size2.of(1), in);
    String pool = "nn.MaxPool2d(" + size(p.window()) + ", stride=" + size(p.stride());
    if (fitsPoolPadding(pads, p.window())) {
      return plain(pool + padding(pads) + ")");
    }
    return plain("nn.Sequential(nn.ConstantPad2d(" + torchPads(pads) + ", float(\"-inf\")), " + pool + "))");
  }

  // explicit padding counts the zeros (count_include_pad=True, PyTorch's default); "same" does not
  private static Module avgPool(String id, AvgPool2dSpec p, int[] in) {
    long[] pads = OnnxExporter.pads(p.padding(), p.window(), p.stride(), Size2.of(1), in);
    String pool = "nn.AvgPool2d(" + size(p.window()) + ", stride=" + size(p.stride());
    Padding padding = p.padding();
    if (fitsPoolPadding(pads, p.window())) {
      boolean excludePadding = padding.same() && (pads[0] != 0 || pads[1] != 0);
      return plain(pool + padding(pads) + (excludePadding ? ", count_include_pad=False" : "") + ")");
    }
    if (!padding.same()) {
      return plain("nn.Sequential(nn.ZeroPad2d(" + torchPads(pads) + "), " + pool + "))");
    }
    throw new ExportException("export.error.unevenAveragePadding", id, torchPads(pads));
  }

  /** PyTorch pools pad evenly and at most half the window. */
  private static boolean fitsPoolPadding(long[] pads, Size2 window) {
    return pads[0] == pads[2] && pads[1] == pads[3] && 2 * pads[0] <= window.h() && 2 * pads[1] <= window.w();
  }

  private static String padding(long[] pads) {
    return pads[0] == 0 && pads[1] == 0 ? "" : ", padding=" + pair(pads[0], pads[1]);
  }

  /** ONNX's [top, left, bottom, right] as torch's (left, right, top, bottom). */
  private static String torchPads(long[] pads) {
    return "(" + pads[1] + ", " + pads[3] + ", " + pads[0] + ", " + pads[2] + ")";
  }

  private static String options(double epsilon, double momentum) {
    return (epsilon == 1e-5 ? "" : ", eps=" + number(epsilon)) + (momentum == 0.1 ? "" : ", momentum=" + number(momentum));
  }

  private static Module plain(String source) {
    return new Module(source, "");
  }

  private static String size(Size2 s) {
    return s.isSquare() ? Integer.toString(s.h()) : pair(s.h(), s.w());
  }

  private static String pair(long h, long w) {
    return h == w ? Long.toString(h) : "(" + h + ", " + w + ")";
  }

  static String tuple(int[] values) {
    StringBuilder t = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      t.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return t.append(values.length == 1 ? ",)" : ")").toString();
  }

  /** A Python float literal. */
  static String number(double value) {
    return String.format(Locale.ROOT, "%s", value);
  }
}
