package org.tensorworkbench.ui.builder;

import java.util.Locale;
import java.util.stream.Collectors;
import org.tensorworkbench.engine.spec.ActivationSpec;
import org.tensorworkbench.engine.spec.AvgPool2dSpec;
import org.tensorworkbench.engine.spec.BatchNormSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.LayerNormSpec;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.MaxPool2dSpec;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.Size2;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.builder.model.LayerCatalog;

/** Short texts about layers and sizes for the canvas, in the active language. */
final class LayerText {
  private LayerText() {}

  /** The kind of layer as the palette names it, e.g. "Conv2D". */
  static String kind(LayerSpec layer) {
    return Messages.get(LayerCatalog.entry(LayerCatalog.kindOf(layer)).nameKey());
  }

  /** The settings that matter at a glance, e.g. "6 filters 5x5, padding 2". */
  static String settings(LayerSpec layer) {
    if (layer instanceof InputSpec in) {
      return in.shape().stream().map(String::valueOf).collect(Collectors.joining(" × "));
    } else if (layer instanceof DenseSpec d) {
      return Messages.get("builder.detail.dense", d.units());
    } else if (layer instanceof Conv2dSpec c) {
      return Messages.get("builder.detail.conv", c.outChannels(), size(c.kernel()), c.stride().isSquare()
          ? Integer.toString(c.stride().h()) : c.stride().toString(), padding(c.padding()));
    } else if (layer instanceof MaxPool2dSpec p) {
      return Messages.get("builder.detail.pool", size(p.window()), size(p.stride()), padding(p.padding()));
    } else if (layer instanceof AvgPool2dSpec p) {
      return Messages.get("builder.detail.pool", size(p.window()), size(p.stride()), padding(p.padding()));
    } else if (layer instanceof DropoutSpec d) {
      return Messages.get("builder.detail.dropout", d.p());
    } else if (layer instanceof BatchNormSpec b) {
      return Messages.get("builder.detail.batchnorm", b.momentum());
    } else if (layer instanceof LayerNormSpec l) {
      return Messages.get("builder.detail.layernorm", l.epsilon());
    } else if (layer instanceof ActivationSpec a && a.function() == ActivationSpec.Function.LEAKY_RELU) {
      return Messages.get("builder.detail.leaky", a.alpha());
    } else if (layer instanceof OutputSpec o) {
      return Messages.get("builder.loss." + o.loss().name().toLowerCase(Locale.ROOT));
    }
    return Messages.get("builder.detail." + LayerCatalog.kindOf(layer));
  }

  private static String size(Size2 s) {
    return s.h() + "x" + s.w();
  }

  private static String padding(Padding p) {
    return p.toString();
  }

  /** 61706 -> "61.7 K", 1234567 -> "1.23 M": counts at a glance; exact numbers are in the table. */
  static String count(long n) {
    if (n < 10_000) {
      return String.format(Messages.locale(), "%,d", n);
    } else if (n < 1_000_000) {
      return String.format(Messages.locale(), "%.1f K", n / 1e3);
    } else if (n < 1_000_000_000) {
      return String.format(Messages.locale(), "%.2f M", n / 1e6);
    }
    return String.format(Messages.locale(), "%.2f G", n / 1e9);
  }

  /** Bytes in binary units: "12.3 MiB". */
  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    } else if (b < 1024 * 1024) {
      return String.format(Messages.locale(), "%.1f KiB", b / 1024.0);
    } else if (b < 1024L * 1024 * 1024) {
      return String.format(Messages.locale(), "%.1f MiB", b / (1024.0 * 1024));
    }
    return String.format(Messages.locale(), "%.2f GiB", b / (1024.0 * 1024 * 1024));
  }
}
