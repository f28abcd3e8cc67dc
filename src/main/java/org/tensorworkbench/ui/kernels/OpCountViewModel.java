package org.tensorworkbench.ui.kernels;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.tensorworkbench.engine.lab.conv.ConvLabException;
import org.tensorworkbench.engine.lab.conv.ConvShape;
import org.tensorworkbench.engine.lab.conv.OpCounts;
import org.tensorworkbench.ui.common.I18n;

/**
 * The operation counter for any convolution layer, starting at the course's homework: input
 * [10, 3, 224, 224], 64 output channels, 3x3 kernel, padding 1, stride 1.
 */
final class OpCountViewModel {
  private final IntegerProperty batch = new SimpleIntegerProperty(10);
  private final IntegerProperty inChannels = new SimpleIntegerProperty(3);
  private final IntegerProperty height = new SimpleIntegerProperty(224);
  private final IntegerProperty width = new SimpleIntegerProperty(224);
  private final IntegerProperty outChannels = new SimpleIntegerProperty(64);
  private final IntegerProperty kernel = new SimpleIntegerProperty(3);
  private final IntegerProperty padding = new SimpleIntegerProperty(1);
  private final IntegerProperty stride = new SimpleIntegerProperty(1);

  /** The output shape, the multiplications and the additions without and with bias. */
  StringBinding text() {
    return Bindings.createStringBinding(this::describe, batch, inChannels, height, width, outChannels, kernel,
        padding, stride, I18n.localeProperty());
  }

  private String describe() {
    try {
      int outH = ConvShape.of(height.get(), kernel.get(), padding.get(), stride.get(), 1).out();
      int outW = ConvShape.of(width.get(), kernel.get(), padding.get(), stride.get(), 1).out();
      OpCounts plain = OpCounts.of(batch.get(), inChannels.get(), outChannels.get(), outH, outW, kernel.get(), kernel.get(), false);
      OpCounts withBias = OpCounts.of(batch.get(), inChannels.get(), outChannels.get(), outH, outW, kernel.get(), kernel.get(), true);
      long taps = (long) inChannels.get() * kernel.get() * kernel.get();
      return I18n.get("kernels.counter.output", batch.get(), outChannels.get(), outH, outW) + '\n'
          + I18n.get("kernels.counter.multiplications", batch.get(), outChannels.get(), outH, outW, inChannels.get(),
              kernel.get(), plain.multiplications()) + '\n'
          + I18n.get("kernels.counter.additions", batch.get(), outChannels.get(), outH, outW, taps - 1,
              plain.additions()) + '\n'
          + I18n.get("kernels.counter.additionsBias", batch.get(), outChannels.get(), outH, outW, taps,
              withBias.additions());
    } catch (ConvLabException | ArithmeticException e) {
      return e instanceof ConvLabException ? e.getMessage() : I18n.get("kernels.counter.overflow");
    }
  }

  IntegerProperty batchProperty() {
    return batch;
  }

  IntegerProperty inChannelsProperty() {
    return inChannels;
  }

  IntegerProperty heightProperty() {
    return height;
  }

  IntegerProperty widthProperty() {
    return width;
  }

  IntegerProperty outChannelsProperty() {
    return outChannels;
  }

  IntegerProperty kernelProperty() {
    return kernel;
  }

  IntegerProperty paddingProperty() {
    return padding;
  }

  IntegerProperty strideProperty() {
    return stride;
  }
}
