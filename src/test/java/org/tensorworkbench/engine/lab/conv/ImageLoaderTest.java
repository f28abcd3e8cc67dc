package org.tensorworkbench.engine.lab.conv;

import org.tensorworkbench.engine.image.Raster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {
  private static final Path IMAGES = Path.of(System.getProperty("tensorworkbench.home", ".")).resolve("assets/images");

  @Test
  void greyPhotographsHaveOneChannelAndColourOnesThree() {
    ImagePlanes camera = ImageLoader.load(IMAGES.resolve("camera.png"));
    assertEquals(1, camera.channels());
    assertEquals(512, camera.height());
    assertEquals(512, camera.width());
    assertEquals(255f, camera.fullScale());
    ImagePlanes chelsea = ImageLoader.load(IMAGES.resolve("chelsea.png"));
    assertEquals(3, chelsea.channels());
    assertEquals(300, chelsea.height());
    assertEquals(451, chelsea.width());
    float max = 0;
    for (float v : chelsea.data()) {
      max = Math.max(max, v);
    }
    assertEquals(true, max > 200 && max <= 255);
  }

  @Test
  void writtenPngReadsBackTheSamePixels(@TempDir Path dir) {
    Raster img = new Raster(2, 1, new int[] {0xFF102030, 0xFFFFFFFF});
    Path file = dir.resolve("out/figure.png");
    PngWriter.write(img, file);
    ImagePlanes back = ImageLoader.load(file);
    assertEquals(3, back.channels());
    assertEquals(0x10, (int) back.value(0, 0, 0));
    assertEquals(0x20, (int) back.value(1, 0, 0));
    assertEquals(0x30, (int) back.value(2, 0, 0));
  }

  @Test
  void aFileThatIsNoImageGivesAClearMessage(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
    assertEquals("kernels.error.notAnImage", assertThrows(ConvLabException.class, () -> ImageLoader.load(text)).key());
    assertEquals("kernels.error.noFile",
        assertThrows(ConvLabException.class, () -> ImageLoader.load(dir.resolve("missing.png"))).key());
  }
}
