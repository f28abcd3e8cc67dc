package org.tensorworkbench.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.i18n.LocalizedException;
import org.tensorworkbench.i18n.Messages;

/** The target tasks: class subsets drawn by seed, the user's folder and its bad inputs, in both languages. */
class TargetTaskTest {
  static final Path HOME = Path.of(System.getProperty("tensorworkbench.home", "."));
  static final int[] SHAPE = {1, 28, 28};

  @Test
  void otherFiveClothesAreRelabelledAndDrawnBySeed() {
    DatasetRegistry registry = new DatasetRegistry(HOME);
    Dataset a = TargetTask.otherFiveClothes().load(registry, 100, 0, 7, SHAPE);
    Dataset b = TargetTask.otherFiveClothes().load(registry, 100, 0, 7, SHAPE);
    Dataset c = TargetTask.otherFiveClothes().load(registry, 100, 0, 8, SHAPE);
    assertEquals(5, a.classCount());
    assertEquals("Sandal", a.classNames(Locale.ENGLISH).get(0));
    assertEquals(100, a.train().size());
    assertEquals(5000, a.test().size(), "every test image of classes 5-9");
    assertTrue(java.util.Arrays.stream(a.train().labels()).allMatch(l -> l >= 0 && l < 5));
    assertEquals(java.util.Arrays.toString(a.train().labels()), java.util.Arrays.toString(b.train().labels()));
    assertTrue(!java.util.Arrays.equals(a.train().labels(), c.train().labels()), "another seed draws other images");
    LocalizedException e = assertThrows(TransferException.class,
        () -> TargetTask.clothes().load(registry, 5, 0, 1, SHAPE));
    assertTrue(text(e, Locale.ENGLISH).contains("between 20 and 60,000"), text(e, Locale.ENGLISH));
  }

  @Test
  void folderWithOneClassEmptyOrUnreadableIsNamed(@TempDir Path dir) throws Exception {
    DatasetRegistry registry = new DatasetRegistry(HOME);
    Path one = Files.createDirectories(dir.resolve("one/cats"));
    image(one.resolve("a.png"));
    LocalizedException e = assertThrows(LocalizedException.class,
        () -> new TargetTask.Folder(dir.resolve("one")).load(registry, 0, 0, 1, SHAPE));
    assertTrue(text(e, Locale.ENGLISH).contains("one") && text(e, Locale.ENGLISH).contains("at least two subfolders"),
        text(e, Locale.ENGLISH));
    assertTrue(text(e, Locale.SIMPLIFIED_CHINESE).contains("至少需要两个子文件夹"), text(e, Locale.SIMPLIFIED_CHINESE));

    Path empty = Files.createDirectories(dir.resolve("empty"));
    e = assertThrows(LocalizedException.class, () -> new TargetTask.Folder(empty).load(registry, 0, 0, 1, SHAPE));
    assertTrue(text(e, Locale.ENGLISH).contains("empty"), text(e, Locale.ENGLISH));

    Path twoFolders = dir.resolve("halfEmpty");
    Files.createDirectories(twoFolders.resolve("dogs"));
    image(Files.createDirectories(twoFolders.resolve("cats")).resolve("a.png"));
    e = assertThrows(TransferException.class, () -> new TargetTask.Folder(twoFolders).load(registry, 0, 0, 1, SHAPE));
    assertTrue(text(e, Locale.ENGLISH).contains("halfEmpty") && text(e, Locale.ENGLISH).contains("only one class"));
    assertTrue(text(e, Locale.SIMPLIFIED_CHINESE).contains("只有一个类别"));

    Path broken = dir.resolve("broken");
    image(Files.createDirectories(broken.resolve("cats")).resolve("a.png"));
    Files.createDirectories(broken.resolve("dogs"));
    Files.writeString(broken.resolve("dogs/b.png"), "not a picture");
    e = assertThrows(LocalizedException.class, () -> new TargetTask.Folder(broken).load(registry, 0, 0, 1, SHAPE));
    assertTrue(text(e, Locale.ENGLISH).contains("b.png") && text(e, Locale.ENGLISH).contains("cannot be read"),
        text(e, Locale.ENGLISH));
    assertTrue(text(e, Locale.SIMPLIFIED_CHINESE).contains("无法读取图像"), text(e, Locale.SIMPLIFIED_CHINESE));
  }

  @Test
  void folderImagesAreScaledAndGreyedToTheNetworksInput(@TempDir Path dir) throws Exception {
    for (String c : new String[] {"a", "b"}) {
      Path folder = Files.createDirectories(dir.resolve("set").resolve(c));
      for (int i = 0; i < 5; i++) {
        image(folder.resolve(i + ".png"));
      }
    }
    Dataset data = new TargetTask.Folder(dir.resolve("set")).load(new DatasetRegistry(HOME), 0, 0, 1, SHAPE);
    assertEquals(java.util.List.of(1, 28, 28), java.util.Arrays.stream(data.featureShape()).boxed().toList());
    assertEquals(2, data.classCount());
    assertEquals(10, data.train().size() + data.test().size());
  }

  private static String text(LocalizedException e, Locale locale) {
    return Messages.get(locale, e.key(), e.args());
  }

  private static void image(Path file) throws Exception {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 4, 0xFF8040);
    ImageIO.write(img, "png", file.toFile());
  }
}
