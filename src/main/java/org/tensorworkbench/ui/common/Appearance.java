package org.tensorworkbench.ui.common;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Font;

/**
 * The look every window of the workbench shares: the stylesheet, the UI zoom and the font.
 *
 * <p>The zoom scales the root font size ({@code -fx-font-size} on the root node); Modena and
 * {@code workbench.css} size everything in em, so controls, paddings and gaps grow with it. Call
 * {@link #apply} on the root of every scene (the main window, dialogs, pop-up windows) so a class
 * reading a projector sees them all at the same size.
 *
 * <p>Chinese needs a font with CJK glyphs. JavaFX CSS does not accept a list of font families,
 * so the first installed family of {@link #CHINESE_FONTS} is chosen here and set on the root.
 */
public final class Appearance {
  /** The stylesheet of the workbench. */
  public static final String STYLESHEET =
      Objects.requireNonNull(Appearance.class.getResource("/org/tensorworkbench/css/workbench.css")).toExternalForm();

  /**
   * Chinese UI fonts in order of preference: Windows, macOS, then the Linux families
   * (WenQuanYi is TrueType and renders everywhere; Noto/Source Han need the family named).
   */
  public static final List<String> CHINESE_FONTS = List.of(
      "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei",
      "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC");

  private static final IntegerProperty ZOOM_PERCENT = new SimpleIntegerProperty(100);
  private static String chineseFont;

  private Appearance() {}

  /** The UI zoom in percent of the system font size (100 to 200). */
  public static IntegerProperty zoomPercentProperty() {
    return ZOOM_PERCENT;
  }

  /**
   * Runs {@code action} after every change of zoom, for as long as {@code owner} is in use: the
   * zoom does not keep a closed screen alive (see {@link OwnedListener}).
   */
  public static void onZoomChange(Node owner, Runnable action) {
    OwnedListener.attach(owner, ZOOM_PERCENT, action);
  }

  public static int zoomPercent() {
    return ZOOM_PERCENT.get();
  }

  public static void setZoomPercent(int percent) {
    ZOOM_PERCENT.set(percent);
  }

  /** Adds the stylesheet to {@code root} and keeps its font size and family on the zoom and language. */
  public static void apply(Parent root) {
    if (!root.getStylesheets().contains(STYLESHEET)) {
      root.getStylesheets().add(STYLESHEET);
    }
    root.styleProperty().bind(Bindings.createStringBinding(
        () -> rootStyle(ZOOM_PERCENT.get(), I18n.localeProperty().get()),
        ZOOM_PERCENT, I18n.localeProperty()));
  }

  /** The font size of the root at {@code zoomPercent}, in pixels. */
  public static double fontSize(int zoomPercent) {
    return Font.getDefault().getSize() * zoomPercent / 100.0;
  }

  static String rootStyle(int zoomPercent, Locale locale) {
    String size = String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", fontSize(zoomPercent));
    if (!"zh".equals(locale.getLanguage())) {
      return size;
    }
    String family = chineseFont();
    return family == null ? size : size + " -fx-font-family: \"" + family + "\";";
  }

  /** The first installed family of {@link #CHINESE_FONTS}, or null to keep the system font. */
  public static synchronized String chineseFont() {
    if (chineseFont == null) {
      Set<String> installed = Set.copyOf(Font.getFamilies());
      chineseFont = CHINESE_FONTS.stream().filter(installed::contains).findFirst().orElse("");
    }
    return chineseFont.isEmpty() ? null : chineseFont;
  }
}
