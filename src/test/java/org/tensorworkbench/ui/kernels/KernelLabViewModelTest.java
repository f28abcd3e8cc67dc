package org.tensorworkbench.ui.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.conv.ChannelMode;
import org.tensorworkbench.engine.lab.conv.KernelPreset;
import org.tensorworkbench.engine.lab.conv.SyntheticImage;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.LatestRequest;
import org.tensorworkbench.ui.common.UiExecutor;

class KernelLabViewModelTest {
  private KernelLabViewModel vm;

  @BeforeEach
  void boundaryWithTheD2lEdgeDetector() {
    Messages.setLocale(Locale.ENGLISH);
    vm = new KernelLabViewModel(UiExecutor.direct(), Path.of("assets/images"));
    vm.choose(ImageSource.synthetic(SyntheticImage.BOUNDARY));
    vm.presetProperty().set(KernelPreset.EDGE_D2L);
    vm.paddingProperty().set(0);
  }

  @Test
  void listsTheBundledPhotosAndTheSyntheticImages() {
    List<String> labels = vm.sources().stream().map(ImageSource::label).toList();
    assertTrue(labels.contains("Photo: camera.png"), labels.toString());
    assertTrue(labels.contains("Photo: astronaut.png"), labels.toString());
    assertTrue(labels.contains("d2l 6x8 black/white boundary"), labels.toString());
    assertEquals(6 + SyntheticImage.values().length, labels.size());
  }

  @Test
  void d2lEdgeDetectorGivesTheBookOutputAndShapeText() {
    assertArrayEquals(new int[] {1, 1, 6, 7}, vm.resultProperty().get().convShape());
    assertEquals(-1f, vm.resultProperty().get().min());
    assertEquals(1f, vm.resultProperty().get().max());
    assertTrue(vm.shapeText().get().contains("width: ⌊(8 + 2·0 − 1·(2 − 1) − 1) / 1⌋ + 1 = 7"), vm.shapeText().get());
    assertTrue(vm.opsText().get().contains("This image: 84 multiplications, 42 additions (84 with bias)"), vm.opsText().get());
  }

  @Test
  void paddingAndStrideChangeTheShapeAtOnce() {
    vm.paddingProperty().set(1);
    assertArrayEquals(new int[] {1, 1, 8, 9}, vm.resultProperty().get().convShape());
    vm.strideProperty().set(2);
    assertArrayEquals(new int[] {1, 1, 4, 5}, vm.resultProperty().get().convShape());
    assertTrue(vm.shapeText().get().contains("height: ⌊(6 + 2·1 − 1·(1 − 1) − 1) / 2⌋ + 1 = 4"), vm.shapeText().get());
  }

  @Test
  void editingAWeightMakesTheKernelCustomAndRecomputes() {
    vm.setWeight(0, 1, 1f);
    assertNull(vm.presetProperty().get());
    assertEquals(0f, vm.resultProperty().get().min()); // [1, 1] sums neighbours of a 0/1 image
    assertEquals(2f, vm.resultProperty().get().max());
  }

  @Test
  void sizeablePresetsFollowTheSizeOthersBecomeCustom() {
    vm.presetProperty().set(KernelPreset.BOX_BLUR);
    vm.kernelRowsProperty().set(5);
    assertEquals(5, vm.kernelProperty().get().rows());
    assertEquals(5, vm.kernelProperty().get().cols());
    assertEquals(1f / 25, vm.kernelProperty().get().at(4, 4), 1e-7);
    assertEquals(KernelPreset.BOX_BLUR, vm.presetProperty().get());
    vm.presetProperty().set(KernelPreset.SOBEL_X);
    vm.kernelColsProperty().set(4);
    assertNull(vm.presetProperty().get());
    assertEquals(4, vm.kernelProperty().get().cols());
    assertEquals(-1f, vm.kernelProperty().get().at(0, 0));
    vm.presetProperty().set(KernelPreset.IDENTITY);
    vm.resize(1, 2);
    assertNull(vm.presetProperty().get());
    assertEquals(2, vm.kernelProperty().get().cols());
  }

  @Test
  void tooLargeAKernelShowsAMessageUntilPaddingFixesIt() {
    vm.presetProperty().set(KernelPreset.GAUSSIAN);
    vm.resize(7, 7);
    assertEquals("The kernel spans 7 pixels but the padded input is only 6 wide: add padding, use a smaller kernel"
        + " or less dilation.", vm.errorProperty().get());
    vm.paddingProperty().set(1);
    assertEquals("", vm.errorProperty().get());
    assertArrayEquals(new int[] {1, 1, 2, 4}, vm.resultProperty().get().convShape());
  }

  @Test
  void pointingAtAnOutputPixelExplainsItsWindow() {
    vm.select(0, 2, 1);
    assertEquals(1.0, vm.explanationProperty().get().value(), 1e-9);
    assertEquals(2, vm.explanationProperty().get().terms().size());
    vm.select(0, 2, 5);
    assertEquals(-1.0, vm.explanationProperty().get().value(), 1e-9);
    vm.paddingProperty().set(2);
    assertEquals(vm.resultProperty().get().conv().value(0, 0, 2, 5), vm.explanationProperty().get().value(), 1e-6);
  }

  @Test
  void multiChannelModeOffersBothOutputChannels() {
    vm.choose(vm.sources().stream().filter(s -> s.label().contains("chelsea")).findFirst().orElseThrow());
    vm.presetProperty().set(KernelPreset.SOBEL_X);
    vm.channelModeProperty().set(ChannelMode.MULTI_CHANNEL);
    assertArrayEquals(new int[] {1, 2, 298, 449}, vm.resultProperty().get().convShape());
    assertTrue(vm.opsText().get().contains("Counting: each output value takes C·k_h·k_w = 3·3·3"), vm.opsText().get());
  }

  @Test
  void latestWinsDropsRequestsThatWereOvertaken() {
    List<Runnable> pending = new ArrayList<>();
    UiExecutor held = new UiExecutor() {
      @Override
      public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(() -> {
          try {
            onSuccess.accept(work.call());
          } catch (Exception e) {
            onFailure.accept(e);
          }
        });
      }
    };
    List<Integer> computed = new ArrayList<>();
    List<Integer> shown = new ArrayList<>();
    LatestRequest<Integer, Integer> runner = new LatestRequest<>(held, q -> {
      computed.add(q);
      return q * 10;
    }, shown::add, e -> { });
    runner.submit(1);
    runner.submit(2);
    runner.submit(3);
    runner.submit(4);
    assertEquals(1, pending.size(), "one job at a time");
    pending.remove(0).run();
    assertEquals(1, pending.size(), "the newest waiting request starts next");
    pending.remove(0).run();
    assertEquals(List.of(1, 4), computed);
    assertEquals(List.of(10, 40), shown);
  }
}
