package org.tensorworkbench.engine.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder with one subfolder per class ({@code folder/cat/*.png}, {@code folder/dog/*.jpg}
 * ...; the layout of torchvision's {@code ImageFolder}). Every image is scaled (bilinear) to a
 * fixed size and stored as bytes {@code [C, H, W]}: one grey channel (luminance
 * 0.299 R + 0.587 G + 0.114 B, ITU-R BT.601) or the red, green and blue planes.
 */
public final class ImageFolderReader {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

  private ImageFolderReader() {}

  /** The images of a folder, classes in alphabetical order of their subfolders. */
  public record ImageFolder(List<String> classNames, byte[] pixels, int[] labels, int[] shape) {}

  /** Reads every image below {@code folder}, scaled to {@code width x height}. */
  public static ImageFolder read(Path folder, int width, int height, boolean grayscale) {
    if (width <= 0 || height <= 0 || width > 512 || height > 512) {
      throw new DatasetException("data.error.option", "size", width + "x" + height);
    }
    List<Path> classFolders = list(folder).stream().filter(Files::isDirectory).toList();
    if (classFolders.size() < 2) {
      throw new DatasetException("data.error.folderClasses", folder);
    }
    int channels = grayscale ? 1 : 3;
    int size = channels * width * height;
    List<String> classNames = new ArrayList<>();
    List<byte[]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path classFolder : classFolders) {
      int label = classNames.size();
      classNames.add(classFolder.getFileName().toString());
      for (Path file : list(classFolder)) {
        if (isImage(file)) {
          images.add(pixels(file, width, height, grayscale));
          labels.add(label);
        }
      }
    }
    if (images.isEmpty()) {
      throw new DatasetException("data.error.folderEmpty", folder);
    }
    byte[] all = new byte[images.size() * size];
    int[] labelArray = new int[images.size()];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i), 0, all, i * size, size);
      labelArray[i] = labels.get(i);
    }
    return new ImageFolder(classNames, all, labelArray, new int[] {channels, height, width});
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    } catch (NoSuchFileException e) {
      throw new DatasetException(e, "data.error.missingFile", folder);
    } catch (IOException e) {
      throw new DatasetException(e, "data.error.io", folder, e.getMessage());
    }
  }

  private static byte[] pixels(Path file, int width, int height, boolean grayscale) {
    BufferedImage source;
    try {
      source = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new DatasetException(e, "data.error.imageUnreadable", file);
    }
    if (source == null) {
      throw new DatasetException("data.error.imageUnreadable", file);
    }
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(source, 0, 0, width, height, null);
    g.dispose();
    int plane = width * height;
    byte[] out = new byte[(grayscale ? 1 : 3) * plane]; // [C, H, W]
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = scaled.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int gr = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int p = y * width + x;
        if (grayscale) {
          out[p] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
        } else {
          out[p] = (byte) r;
          out[plane + p] = (byte) gr;
          out[2 * plane + p] = (byte) b;
        }
      }
    }
    return out;
  }
}
